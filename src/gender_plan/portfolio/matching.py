"""Which indicator of a place's plan counts towards which indicator of its parent's plan.

By default a place's indicator is the counterpart of the parent's indicator it `implements`
(the link `gender_plan.traceability` checks). As an explicit option, indicators are matched by
the plans' numbering (`Indicator.label`: the number, else the code); where one number has
several measurable parts (3.2a and 3.2b), the part with the same code. A place under a
parent of the same plan matches each indicator to itself. A share of places
(`ShareOfPlaces`) that names the indicator it looks at has that indicator of the place's plan
as its counterpart, by code; a share's counterpart only has to fit the share's condition, not
its percent. Several candidates, or none, is a gap: nothing is chosen for the user.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from typing import Any

import attrs

from gender_plan import units
from gender_plan._i18n import msg
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
    """The factor from the counterpart's unit to the parent indicator's unit (for the
    indicators that sum: a share of places compares its counterpart's values with its
    condition instead, and has no factor)."""
    gaps: tuple[Gap, ...] = ()
    """Parent indicators without one counterpart (without places: the caller adds them)."""


def counterparts(plan: Plan, parent: Plan, by: MatchBy = MatchBy.IMPLEMENTS) -> Counterparts:
    """Match `parent`'s indicators to `plan`'s (the plan of a place below the parent's place).

    A place under a parent of the same plan matches every indicator to itself.
    """
    mine = [indicator for _, indicator in plan.indicators()]
    same_plan = plan.code == parent.code
    found: dict[str, list[Indicator]] = {}
    for _, upper in parent.indicators():
        named = upper.share_of_places.indicator if upper.share_of_places is not None else None
        if named is not None:
            found[upper.code] = [i for i in mine if i.code == named]
        elif same_plan:
            found[upper.code] = [upper]
        else:
            found[upper.code] = [i for i in mine if _matches(i, upper, by)]
    codes: dict[str, str] = {}
    factors: dict[str, float] = {}
    gaps: list[Gap] = []
    for code, matching in found.items():
        upper = parent.indicator(code)
        candidates = matching
        if by is MatchBy.NUMBER and len(matching) > 1:
            candidates = [i for i in matching if i.code == code] or matching
        if upper.share_of_places is not None:
            gap = _share_gap(plan, parent, upper, candidates, by)
            if gap is None:
                codes[code] = candidates[0].code
            else:
                gaps.append(gap)
            continue
        if not candidates:
            how = (msg("no indicator 'implements: {code}'", code=code)
                   if by is MatchBy.IMPLEMENTS
                   else msg("no indicator numbered {number!r}", number=upper.label))
            gaps.append(Gap(kind=GapKind.NO_COUNTERPART, plan=plan.code, parent_plan=parent.code,
                            parent_indicator=code, message=msg(
                                "plan {plan!r} has {how} of plan {parent!r}: its places' values "
                                "are left out of the sums for {code!r} (add the link to the "
                                "indicator that measures it)", plan=plan.code, how=how,
                                parent=parent.code, code=code)))
            continue
        if len(candidates) > 1:
            gaps.append(Gap(kind=GapKind.AMBIGUOUS, plan=plan.code, parent_plan=parent.code,
                            parent_indicator=code, message=msg(
                                "plan {plan!r} has {count} indicators ({codes}) matching "
                                "{code!r} of plan {parent!r}: none is used (keep one link)",
                                plan=plan.code, count=len(candidates),
                                codes=", ".join(i.code for i in candidates), code=code,
                                parent=parent.code)))
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
                            message=msg(
                                "indicator {indicator!r} of plan {plan!r} is in {unit!r}, which "
                                "cannot count towards {code!r} of plan {parent!r} in "
                                "{parent_unit!r}: it is left out", indicator=chosen.code,
                                plan=plan.code, unit=chosen.unit, code=code,
                                parent=parent.code, parent_unit=upper.unit)))
            continue
        codes[code] = chosen.code
        factors[code] = factor
    return Counterparts(codes=codes, factors=factors, gaps=tuple(gaps))


def _share_gap(plan: Plan, parent: Plan, upper: Indicator, candidates: list[Indicator],
               by: MatchBy) -> Gap | None:
    """Why `plan` has no indicator a share of places of `parent` can look at (None: it has)."""
    share = upper.share_of_places
    assert share is not None
    about: dict[str, Any] = {"plan": plan.code, "parent_plan": parent.code,
                             "parent_indicator": upper.code}
    if len(candidates) != 1:
        how = (msg("no indicator {code!r}", code=share.indicator) if share.indicator is not None
               else msg("no indicator 'implements: {code}'", code=upper.code)
               if by is MatchBy.IMPLEMENTS else
               msg("no indicator numbered {number!r}", number=upper.label))
        if candidates:
            return Gap(kind=GapKind.AMBIGUOUS, **about, message=msg(
                "plan {plan!r} has {count} indicators ({codes}) matching the share of places "
                "{code!r} of plan {parent!r}: its places are not counted (keep one link)",
                plan=plan.code, count=len(candidates), codes=", ".join(
                    i.code for i in candidates), code=upper.code, parent=parent.code))
        return Gap(kind=GapKind.NO_COUNTERPART, **about, message=msg(
            "plan {plan!r} has {how} for the share of places {code!r} of plan {parent!r}: its "
            "places are not counted in that share (add the indicator, or the link to the one "
            "that measures it)", plan=plan.code, how=how, code=upper.code, parent=parent.code))
    chosen = candidates[0]
    fits = chosen.is_yes_no == share.is_yes_no
    if fits and share.unit is not None:
        try:
            units.conversion_factor(share.unit, chosen.unit)
        except UnitError:
            fits = False
    if fits:
        return None
    wanted = (msg("a yes/no fact") if share.is_yes_no
              else repr(share.unit) if share.unit is not None else msg("numbers"))
    return Gap(kind=GapKind.UNIT_MISMATCH, **about, indicator=chosen.code, message=msg(
        "indicator {indicator!r} of plan {plan!r} is in {unit!r}, but the share of places "
        "{code!r} of plan {parent!r} compares {wanted}: its places are not counted (correct "
        "the condition's unit, or the indicator looked at)", indicator=chosen.code,
        plan=plan.code, unit=chosen.unit, code=upper.code, parent=parent.code, wanted=wanted))


def _matches(indicator: Indicator, upper: Indicator, by: MatchBy) -> bool:
    if by is MatchBy.IMPLEMENTS:
        return indicator.implements == upper.code
    return indicator.label == upper.label
