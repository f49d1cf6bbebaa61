"""Rows grouped by equal keys, for summing them per place above (arrays).

`aggregate_frame` and the portfolio's places above both group rows by their place, indicator,
series, sex and period before they sum them: this is how, whatever the number of each. Both
refuse a sum that has no value (`refuse_valueless`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
import numpy.typing as npt

from gender_plan._i18n import ListText, NumberText, msg
from gender_plan.errors import AggregationError
from gender_plan.evaluation._layout import composite, period_of

__all__ = ["group_key", "refuse_valueless"]

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


def refuse_valueless(value: npt.NDArray[np.float64], rate: npt.NDArray[np.bool_],
                     denominator: npt.NDArray[np.float64],
                     case: Callable[[int], tuple[str, str, int, int]]) -> None:
    """Refuse sums that have no value, naming the first few: no value is not a guess.

    A rate whose Σ denominator is 0 (rows read from a file may count out of 0; a `Measurement`
    may not), and a sum or rate too large for a float (values near 1e308): their NaN or
    infinity would be judged as a value. `case(k)` names sum `k` as (indicator code, place
    code, first day, last day).
    """
    undefined = rate & (denominator == 0)
    for wrong in (undefined, ~undefined & ~np.isfinite(value)):
        found = np.flatnonzero(wrong)
        if not len(found):
            continue
        shown = [msg("{code!r} at {place!r}, {period}", code=code, place=place,
                     period=str(period_of(start, end)))
                 for code, place, start, end in map(case, found[:5].tolist())]
        named = {"count": NumberText(len(found)), "cases": ListText("; ", shown)}
        raise AggregationError(msg(
            "{count} sums of a rate have a Σ denominator of 0, and so no value: {cases} (a "
            "rate combines as Σ numerator / Σ denominator: correct the denominators of the "
            "places below, or leave out their rows of that period)", **named)
            if wrong is undefined else msg(
            "{count} sums are too large for a number, and so have no value: {cases} (check "
            "the values, numerators and denominators of the places below: one near 1e308 is "
            "likely a mistake)", **named))
