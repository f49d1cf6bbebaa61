"""Rows grouped by equal keys, for summing them per place above (arrays).

`aggregate_frame` and the portfolio's places above both group rows by their place, indicator,
series, sex and period before they sum them: this is how, whatever the number of each.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import numpy.typing as npt

from gender_plan.evaluation._layout import composite

__all__ = ["group_key"]

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
