"""Each strategy built once per distinct arguments.

Hypothesis validates a strategy object, and works out whether it can be empty or its values
reused, the first time it draws from it. The composites of this package drew freshly built
strategies (``st.none() | localized_texts()``) thousands of times a test, and that bookkeeping,
not the drawing, was most of the time a property test of whole plans took. Strategies are
immutable, so one object per set of arguments can be shared.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import ParamSpec, TypeVar

from hypothesis import strategies as st

__all__ = ["maybe", "shared"]

P = ParamSpec("P")
S = TypeVar("S")
T = TypeVar("T")

# Bounded, because some arguments (an indicator, a drawn list of codes) are new on every draw.
_SIZE = 1024


def shared(factory: Callable[P, S]) -> Callable[P, S]:
    """`factory`, returning the same strategy object for the same (hashable) arguments."""
    cached: Callable[..., S] = functools.lru_cache(maxsize=_SIZE)(factory)

    @functools.wraps(factory)
    def build(*args: P.args, **kwargs: P.kwargs) -> S:
        try:
            hash((args, tuple(kwargs.items())))
        except TypeError:  # an unhashable argument (a list, say): build a new one
            return factory(*args, **kwargs)
        return cached(*args, **kwargs)

    return build


@functools.lru_cache(maxsize=_SIZE)
def _maybe(strategy: st.SearchStrategy[T]) -> st.SearchStrategy[T | None]:
    return st.none() | strategy


def maybe(strategy: st.SearchStrategy[T]) -> st.SearchStrategy[T | None]:
    """``st.none() | strategy``, one object per strategy."""
    return _maybe(strategy)
