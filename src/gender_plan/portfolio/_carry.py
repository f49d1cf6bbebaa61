"""Carrying measurement rows up the hierarchy, plan by plan, and summing them per place.

Every row of a place with no places below it is carried to its parent, then to the parent's
parent, each time renamed to the counterpart indicator of the next plan and converted to its
unit; each place with places below is then judged from the Σ of the rows carried to it (Σ
numerators / Σ denominators for a rate). Rows are summed in the order they came in, always
from the bottom places' own values (never from rounded sums of sums), as
`gender_plan.rollup.aggregate` does.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import attrs
import numpy as np
import numpy.typing as npt

from gender_plan._i18n import NumberText, msg
from gender_plan.errors import AggregationError

__all__ = ["Rows", "carry_up"]

IntArray = npt.NDArray[np.signedinteger[Any]]
FloatArray = npt.NDArray[np.float64]

SKIP, SUM, RATIO = 0, 1, 2
"""How a parent plan's indicator takes its places' rows: not at all (yes/no), sums, ratios."""


@attrs.frozen(kw_only=True, eq=False)
class Rows:
    """Rows on their way up: who carries them, as which indicator, and their values.

    Their numerators, denominators, periods, series and sex do not change on the way: they
    are read from the measurement row each came from (`source`).
    """

    carrier: IntArray
    """The place (position in the hierarchy) the rows now count for."""
    code: IntArray
    """The indicator, as a position in the vocabulary of codes, in the carrier's plan."""
    value: FloatArray
    """The value in the unit of the carrier's indicator."""
    source: IntArray
    """The measurement row each came from."""

    def __len__(self) -> int:
        return len(self.carrier)


def carry_up(
    rows: Rows,
    parent: IntArray,
    place_plan: IntArray,
    pair_at: IntArray,
    mapped: IntArray,
    factor: FloatArray,
    kind: IntArray,
    lacking: npt.NDArray[np.bool_],
    names: tuple[str, ...],
) -> Iterator[Rows]:
    """The rows as they arrive at each level above, step by step, until none goes further.

    `pair_at` gives each place's row in `mapped` / `factor` (the parent code and unit factor
    of each child code; -1 where none); `kind` is by (parent plan, parent code); `lacking`
    says which measurement rows have no numerator or no denominator.

    Raises:
        AggregationError: a row carried to a rate without its numerator or denominator.
    """
    same_units = bool((factor == 1.0).all())
    while len(rows):
        up = parent[rows.carrier]
        pair = np.where(up >= 0, pair_at[rows.carrier], -1)  # -1 also where a plan is unknown
        code = np.where(pair >= 0, mapped[np.maximum(pair, 0), rows.code], -1)
        how = np.where(code >= 0, kind[place_plan[np.maximum(up, 0)], np.maximum(code, 0)],
                       SKIP)
        keep, is_ratio = how > SKIP, how == RATIO
        missing = keep & is_ratio & lacking[rows.source]
        if missing.any():
            places = sorted({names[int(p)] for p in rows.carrier[missing][:1000]})
            raise AggregationError(msg(
                "{count} rows to carry up to a rate lack a numerator or denominator (places "
                "{places}): a rate combines as Σ numerator / Σ denominator, so give every row "
                "both (averaging percentages is refused)", count=NumberText(int(missing.sum())),
                places=", ".join(places[:5])))
        value = rows.value if same_units else np.where(
            is_ratio, rows.value, rows.value * factor[np.maximum(pair, 0), np.maximum(code, 0)])
        if keep.all():  # every row goes on: nothing to copy
            rows = Rows(carrier=up, code=code, value=value, source=rows.source)
        else:
            rows = Rows(carrier=up[keep], code=code[keep], value=value[keep],
                        source=rows.source[keep])
        if len(rows):
            yield rows
