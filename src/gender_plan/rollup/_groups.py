"""Rows grouped by equal keys, for summing them per place above (arrays).

`aggregate_frame` and the portfolio's places above both group rows by their place, indicator,
series, sex and period before they sum them: this is how, whatever the number of each. Both
refuse a rate whose sum has nothing to count out of (`undefined_rates`).
"""

from __future__ import annotations

from typing import Any

import numpy as np
import numpy.typing as npt

from gender_plan._i18n import ListText, NumberText, msg
from gender_plan.errors import AggregationError
from gender_plan.evaluation._layout import composite, period_of

__all__ = ["group_key", "undefined_rates"]

IntArray = npt.NDArray[np.signedinteger[Any]]


def group_key(columns: list[IntArray]) -> tuple[IntArray, IntArray, int]:
    """(first row of each group, each row's group, number of groups) of equal column values."""
    key = composite(tuple(columns))
    if key is None:  # pragma: no cover - more distinct values than any nation has
        _, first, inverse = np.unique(np.stack(columns, axis=1), axis=0, return_index=True,
                                      return_inverse=True)
        return first, inverse.ravel(), len(first)
    size, total = len(key), int(key.max(initial=-1)) + 1
    if total > max(size, 2**20):  # too many possible keys to count them: sort
        _, first, inverse = np.unique(key, return_index=True, return_inverse=True)
        return first.astype(np.int64), inverse.ravel().astype(np.int64), len(first)
    present = np.flatnonzero(np.bincount(key, minlength=total))  # in key order, as sorted
    small: Any = np.int32 if size < 2**31 else np.int64  # positions: half the memory
    lookup = np.zeros(total, dtype=small)
    lookup[present] = np.arange(len(present))
    found: IntArray = lookup[key]
    first = np.full(len(present), size, dtype=small)
    np.minimum.at(first, found, np.arange(size, dtype=small))
    return first.astype(np.int64), found, len(present)


def undefined_rates(count: int, cases: list[tuple[str, str, int, int]]) -> AggregationError:
    """The error for `count` sums of a rate whose Σ denominator is 0: no value, not a guess.

    `cases` are the first few as (indicator code, place code, first day, last day). Rows read
    from a file may count out of 0 (a `Measurement` may not); their Σ numerator / Σ
    denominator is NaN or infinite, which the engine would judge as a value.
    """
    shown = [msg("{code!r} at {place!r}, {period}", code=code, place=place,
                 period=str(period_of(start, end))) for code, place, start, end in cases]
    return AggregationError(msg(
        "{count} sums of a rate have a Σ denominator of 0, and so no value: {cases} (a rate "
        "combines as Σ numerator / Σ denominator: correct the denominators of the places "
        "below, or leave out their rows of that period)", count=NumberText(count),
        cases=ListText("; ", shown)))
