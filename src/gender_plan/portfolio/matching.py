"""Which indicator of a place's plan counts towards which indicator of its parent's plan.

By default a place's indicator is the counterpart of the parent's indicator it `implements`
(the link `gender_plan.traceability` checks). As an explicit option, indicators are matched by
the plans' numbering (`Indicator.label`: the number, else the code); where one number has
several measurable parts (3.2a and 3.2b), the part with the same code. A place under a
parent of the same plan matches each indicator to itself. Several candidates, or
none, is a gap: nothing is chosen for the user.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping

import attrs

from gender_plan import units
from gender_plan.errors import UnitError
from gender_plan.model.indicator import Indicator
from gender_plan.model.plan import Plan
from gender_plan.portfolio.gaps import Gap, GapKind

__all__ = ["Counterparts", "MatchBy", "counterparts"]


class MatchBy(enum.Enum):
    """How indicators are matched across plans."""

    IMPLEMENTS = "implements"
    """A place's indicator matches the parent's indicator its `implements` names."""
    NUMBER = "number"
    """Indicators with the same numbering (number, else code) match."""


@attrs.frozen(kw_only=True)
class Counterparts:
    """For one (place's plan, parent's plan) pair: the counterpart of each parent indicator."""

    codes: Mapping[str, str] = attrs.field(hash=False)
    """The place's indicator code for each parent indicator code that has one."""
    factors: Mapping[str, float] = attrs.field(hash=False)
    """The factor from the counterpart's unit to the parent indicator's unit."""
    gaps: tuple[Gap, ...] = ()
    """Parent indicators without one counterpart (without places: the caller adds them)."""


def counterparts(plan: Plan, parent: Plan, by: MatchBy = MatchBy.IMPLEMENTS) -> Counterparts:
    """Match `parent`'s indicators to `plan`'s (the plan of a place below the parent's place).

    A place under a parent of the same plan matches every indicator to itself.
    """
    if plan.code == parent.code:
        same = [indicator.code for _, indicator in plan.indicators()]
        return Counterparts(codes={c: c for c in same}, factors=dict.fromkeys(same, 1.0))
    found: dict[str, list[Indicator]] = {}
    mine = [indicator for _, indicator in plan.indicators()]
    for _, upper in parent.indicators():
        found[upper.code] = [i for i in mine if _matches(i, upper, by)]
    codes: dict[str, str] = {}
    factors: dict[str, float] = {}
    gaps: list[Gap] = []
    for code, matching in found.items():
        upper = parent.indicator(code)
        candidates = matching
        if by is MatchBy.NUMBER and len(matching) > 1:
            candidates = [i for i in matching if i.code == code] or matching
        if not candidates:
            how = (f"no indicator 'implements: {code}'" if by is MatchBy.IMPLEMENTS
                   else f"no indicator numbered {upper.label!r}")
            gaps.append(Gap(kind=GapKind.NO_COUNTERPART, plan=plan.code, parent_plan=parent.code,
                            parent_indicator=code,
                            message=f"plan {plan.code!r} has {how} of plan {parent.code!r}: its "
                            f"places' values are left out of the sums for {code!r} (add the "
                            "link to the indicator that measures it)"))
            continue
        if len(candidates) > 1:
            gaps.append(Gap(kind=GapKind.AMBIGUOUS, plan=plan.code, parent_plan=parent.code,
                            parent_indicator=code,
                            message=f"plan {plan.code!r} has {len(candidates)} indicators "
                            f"({', '.join(i.code for i in candidates)}) matching {code!r} of "
                            f"plan {parent.code!r}: none is used (keep one link)"))
            continue
        chosen = candidates[0]
        if chosen.is_yes_no != upper.is_yes_no:
            factor = None
        else:
            try:
                factor = 1.0 if chosen.is_yes_no else units.conversion_factor(chosen.unit,
                                                                              upper.unit)
            except UnitError:
                factor = None
        if factor is None:
            gaps.append(Gap(kind=GapKind.UNIT_MISMATCH, plan=plan.code, indicator=chosen.code,
                            parent_plan=parent.code, parent_indicator=code,
                            message=f"indicator {chosen.code!r} of plan {plan.code!r} is in "
                            f"{chosen.unit!r}, which cannot count towards {code!r} of plan "
                            f"{parent.code!r} in {upper.unit!r}: it is left out"))
            continue
        codes[code] = chosen.code
        factors[code] = factor
    return Counterparts(codes=codes, factors=factors, gaps=tuple(gaps))


def _matches(indicator: Indicator, upper: Indicator, by: MatchBy) -> bool:
    if by is MatchBy.IMPLEMENTS:
        return indicator.implements == upper.code
    return indicator.label == upper.label
