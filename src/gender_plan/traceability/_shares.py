"""A local indicator that a parent's share of places counts, compared with the share's condition.

A city's "100% of its wards publish at least 4 news items every quarter" counts each ward's own
indicator against the condition "at least 4 a quarter", not against 100%. What a ward's plan
must carry, then, is that condition: each of the ward's targets is compared with the condition
taken as a target of the same kind, frequency and deadline (a ward aiming at 3 a quarter is
less ambitious than what the city counts). The findings point at the share's condition
(``goals[i].indicators[j].share_of_places``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import attrs

from gender_plan.errors import ValidationError
from gender_plan.model.indicator import Direction
from gender_plan.model.share import ShareOfPlaces
from gender_plan.model.target import Comparator, Target
from gender_plan.traceability import _text as words
from gender_plan.traceability.findings import Finding, FindingKind

if TYPE_CHECKING:
    from gender_plan.traceability.check import _Pair

__all__ = ["counted"]

_DIRECTIONS = {Comparator.GE: Direction.HIGHER_IS_BETTER, Comparator.GT: Direction.HIGHER_IS_BETTER,
               Comparator.LE: Direction.LOWER_IS_BETTER, Comparator.LT: Direction.LOWER_IS_BETTER}


def counted(pair: _Pair, share: ShareOfPlaces) -> list[Finding]:
    """The findings of `pair`'s local indicator against the condition of the parent's `share`."""
    local, upper = pair.local, pair.upper
    where = f"{pair.parent_path}.share_of_places"
    if share.is_yes_no != local.is_yes_no:
        unit = "yes_no" if share.is_yes_no else share.unit or "a number"
        return [attrs.evolve(pair.finding(
            FindingKind.UNIT_MISMATCH,
            f"Chỉ tiêu {words.name(local)} tính bằng {local.unit!r}, còn tỷ lệ địa phương "
            f"{words.name(upper)} của kế hoạch cấp trên xét {unit!r}: hai đơn vị đo hai đại "
            "lượng khác nhau.",
            f"Indicator {words.name(local)} is in {local.unit!r}, and the parent's share of "
            f"places {words.name(upper)} compares {unit!r}: they measure different things.",
            where=f"{pair.path}.unit"), parent_path=where)]
    try:
        condition = attrs.evolve(
            upper, unit=share.unit or local.unit, share_of_places=None, limits=None,
            baseline=None, reference=None,
            direction=_DIRECTIONS.get(share.comparator, local.direction),
            targets=[Target(comparator=share.comparator, value=share.value,
                            tolerance=share.tolerance, kind=target.kind,
                            year=pair.plan.deadline(target), start_year=target.start_year,
                            frequency=target.frequency) for target in local.targets])
    except ValidationError:
        return [attrs.evolve(pair.finding(
            FindingKind.NOT_COMPARABLE,
            f"Chỉ tiêu {words.name(local)} được tỷ lệ địa phương {words.name(upper)} của kế "
            f"hoạch cấp trên tính theo điều kiện {share.describe()}, nhưng các mục tiêu của nó "
            "không so sánh được với điều kiện đó: cần xem xét trực tiếp.",
            f"Indicator {words.name(local)} is counted by the parent's share of places "
            f"{words.name(upper)} against {share.describe()}, but its targets cannot be "
            "compared with that condition; check them by hand."), parent_path=where)]
    return [attrs.evolve(f, parent_path=where)
            for f in attrs.evolve(pair, upper=condition).findings()]
