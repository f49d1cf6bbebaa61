"""Carrying measurement rows up the hierarchy, plan by plan, and summing them per place.

Every row of a place with no places below it is carried to its parent, then to the parent's
parent, each time renamed to the counterpart indicator of the next plan and converted to its
unit; each place with places below is then judged from the Σ of the rows carried to it (Σ
numerators / Σ denominators for a rate). Rows are summed in the order they came in, always
from the bottom places' own values (never from rounded sums of sums), as
`gender_plan.rollup.aggregate` does.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import attrs
import numpy as np
import numpy.typing as npt

from gender_plan.errors import AggregationError

__all__ = ["Rows", "carry_up", "group_key", "sum_rows"]

IntArray = npt.NDArray[np.signedinteger[Any]]
FloatArray = npt.NDArray[np.float64]

SKIP, SUM, RATIO = 0, 1, 2
"""How a parent plan's indicator takes its places' rows: not at all (yes/no), sums, ratios."""


@attrs.frozen(kw_only=True, eq=False)
class Rows:
    """Rows on their way up: who carries them, as which indicator, and their numbers."""

    carrier: IntArray
    """The place (position in the hierarchy) the rows now count for."""
    code: IntArray
    """The indicator, as a position in the vocabulary of codes, in the carrier's plan."""
    value: FloatArray
    numerator: FloatArray
    denominator: FloatArray
    scale: FloatArray
    """The carrier's indicator's ratio scale (100 for percent; 1 for sums)."""
    source: IntArray
    """The measurement row each came from (for its period, series and sex)."""

    def take(self, keep: npt.NDArray[np.bool_], **changed: npt.NDArray[np.generic]) -> Rows:
        """The rows where `keep`, with some columns replaced (already filtered)."""
        columns = {name: getattr(self, name)[keep] for name in
                   ("carrier", "code", "value", "numerator", "denominator", "scale", "source")}
        columns.update(changed)
        return Rows(**columns)

    def __len__(self) -> int:
        return len(self.carrier)


def carry_up(
    rows: Rows,
    parent: IntArray,
    place_plan: IntArray,
    pair_of: Callable[[IntArray, IntArray], IntArray],
    mapped: IntArray,
    factor: FloatArray,
    kind: IntArray,
    scale: FloatArray,
    names: tuple[str, ...],
) -> list[Rows]:
    """The rows as they arrive at each level above, step by step, until none goes further.

    `pair_of(child_plans, parent_plans)` gives each row's row in `mapped` / `factor` (the
    parent code and unit factor of each child code; -1 where none); `kind` and `scale` are by
    (parent plan, parent code).

    Raises:
        AggregationError: a row carried to a rate without its numerator or denominator.
    """
    arrived: list[Rows] = []
    while len(rows):
        up = parent[rows.carrier]
        keep = up >= 0
        upper_plan = np.where(keep, place_plan[np.maximum(up, 0)], -1)
        keep &= upper_plan >= 0
        pair = pair_of(place_plan[rows.carrier], upper_plan)
        keep &= pair >= 0
        safe_pair = np.maximum(pair, 0)
        code = mapped[safe_pair, rows.code]
        keep &= code >= 0
        how = kind[np.maximum(upper_plan, 0), np.maximum(code, 0)]
        keep &= how > SKIP
        is_ratio = how == RATIO
        lacking = keep & is_ratio & (np.isnan(rows.numerator) | np.isnan(rows.denominator))
        if lacking.any():
            places = sorted({names[int(p)] for p in rows.carrier[lacking][:1000]})
            raise AggregationError(
                f"{int(lacking.sum())} rows to carry up to a rate lack a numerator or "
                f"denominator (places {', '.join(places[:5])}): a rate combines as Σ numerator "
                "/ Σ denominator, so give every row both (averaging percentages is refused)"
            )
        value = np.where(is_ratio, rows.value, rows.value * factor[safe_pair, np.maximum(code, 0)])
        rows = rows.take(keep, carrier=up[keep], code=code[keep], value=value[keep],
                         scale=scale[upper_plan[keep], code[keep]])
        if len(rows):
            arrived.append(rows)
    return arrived


def group_key(columns: list[IntArray]) -> tuple[IntArray, IntArray, int]:
    """(first row of each group, each row's group, number of groups) of equal column values."""
    size = len(columns[0])
    key = np.zeros(size, dtype=np.int64)
    total = 1
    for column in columns:  # each column's offset from its least value: one sort in all
        low = int(column.min(initial=0))
        span = int(column.max(initial=0)) - low + 1
        total *= span
        if total >= 2**62:  # pragma: no cover - more distinct values than any nation has
            stacked = np.stack(columns, axis=1)
            _, first, inverse = np.unique(stacked, axis=0, return_index=True,
                                          return_inverse=True)
            return first, inverse.ravel(), len(first)
        key = key * span + (column - low)
    _, first, inverse = np.unique(key, return_index=True, return_inverse=True)
    return first.astype(np.int64), inverse.ravel().astype(np.int64), len(first)


def sum_rows(rows: Rows, kind_of_row: IntArray,
             keys: list[IntArray]) -> tuple[IntArray, dict[str, FloatArray]]:
    """Each group's first row, and its value, numerator and denominator sums.

    A rate's value is scale × Σ numerator / Σ denominator, a count's Σ value; numerator and
    denominator are NaN where the indicator is not a rate.
    """
    first, inverse, size = group_key(keys)

    def total(column: FloatArray) -> FloatArray:
        summed: FloatArray = np.bincount(inverse, weights=column, minlength=size).astype(
            np.float64)
        return summed

    numerator = total(np.nan_to_num(rows.numerator))
    denominator = total(np.nan_to_num(rows.denominator))
    is_ratio = kind_of_row[first] == RATIO
    scale = rows.scale[first]
    with np.errstate(all="ignore"):
        value = np.where(is_ratio, scale * numerator / denominator, total(rows.value))
    return first, {"value": value, "numerator": np.where(is_ratio, numerator, np.nan),
                   "denominator": np.where(is_ratio, denominator, np.nan)}
