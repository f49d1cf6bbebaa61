"""Traceability: does a local plan carry its parent plan's targets, at least as ambitiously?

A commune's plan implements a province's (or the nation's) plan: `Plan.parent` names the legal
basis that is the parent, and each `Indicator.implements` names the parent's indicator it
implements. `check_traceability` compares the two plans and returns its findings as data, one
`Finding` per thing a reader should look at, with the paths in both plans and a text in
Vietnamese and English.

How targets are matched (milestones by deadline):

1. A parent target due before the local plan starts is outside the local plan's period and is
   not checked (a 2026-2030 commune plan cannot carry the nation's 2025 milestone).
2. Targets are matched within the same kind: reach-by-a-year with reach-by-a-year, yes/no with
   yes/no, hold-every-period and count-per-period with those of the same kind and frequency.
3. A parent target is matched to the local target due the same year; failing that, to the
   first local target due after it (a later year, reported); failing that, to the last local
   target due before it (the local plan's last word before the parent's deadline).
4. A deadline is the target's year, else its plan's end year.

A matched local target is less ambitious when, with both values in the parent indicator's
unit, its weakest accepted value is worse in the parent's direction (lower where higher is
better, higher where lower is better; "about" counts its tolerance against it), when it is due
later (a level to hold or a count per period: when it starts later than both the parent's start
and the local plan's own), or when the values are equal and the local comparator accepts the
value itself where the parent's is strict (≥ 90 where the parent says > 90).
"""

from __future__ import annotations

import enum
import math

import attrs

from gender_plan import units
from gender_plan.errors import UnitError
from gender_plan.evaluation.comparison import nearly_equal
from gender_plan.model.indicator import Direction, Indicator
from gender_plan.model.plan import Plan
from gender_plan.model.target import Comparator, Target, TargetKind
from gender_plan.model.text import Language, LocalizedText
from gender_plan.numbers import format_number, format_quantity

__all__ = ["Finding", "FindingKind", "check_traceability"]


class FindingKind(enum.Enum):
    """What a traceability finding is about."""

    WEAKER_VALUE = "weaker_value"
    """The local target's value is worse than the parent's, in the parent's direction."""
    LATER_YEAR = "later_year"
    """The local target is due later (or a level to hold starts later) than the parent's."""
    WEAKER_COMPARATOR = "weaker_comparator"
    """Same value, but the local comparator accepts it where the parent's is strict."""
    MISSING_INDICATOR = "missing_indicator"
    """A parent indicator with a target in the local period that no local indicator implements."""
    MISSING_TARGET = "missing_target"
    """The local indicator implements the parent's, but has no target of the parent's kind."""
    UNKNOWN_PARENT_INDICATOR = "unknown_parent_indicator"
    """A local indicator `implements` a code the parent plan does not have."""
    UNIT_MISMATCH = "unit_mismatch"
    """The local and parent indicators measure different kinds of quantity."""
    DIRECTION_MISMATCH = "direction_mismatch"
    """The local indicator counts higher as better where the parent counts lower, or back."""


@attrs.frozen(kw_only=True)
class Finding:
    """One thing in a local plan that does not follow its parent plan."""

    kind: FindingKind
    indicator: str | None
    """The local indicator's code (None when the finding is about a parent indicator alone)."""
    parent_indicator: str
    """The parent plan's indicator code concerned."""
    path: str
    """Where in the local plan (``goals[1].indicators[0].targets[0]``; '' if not in it)."""
    parent_path: str
    """Where in the parent plan ('' when the parent has no such indicator)."""
    message: LocalizedText
    """What was found, in Vietnamese and English."""
    target: Target | None = None
    """The local target concerned, if any."""
    parent_target: Target | None = None
    """The parent target concerned, if any."""

    def text(self, language: Language = "vi") -> str:
        """The message in `language`."""
        return self.message.get(language)


def check_traceability(plan: Plan, parent: Plan) -> tuple[Finding, ...]:
    """Compare `plan` with the `parent` plan it implements; return every finding, in plan order.

    Only local indicators with `implements` set are compared; parent indicators are looked up by
    code. The caller chooses `parent` (normally the plan behind `plan.parent`).
    """
    parent_paths = {
        indicator.code: f"goals[{g}].indicators[{i}]"
        for g, goal in enumerate(parent.goals)
        for i, indicator in enumerate(goal.indicators)
    }
    findings: list[Finding] = []
    carried: set[str] = set()
    for g, goal in enumerate(plan.goals):
        for i, indicator in enumerate(goal.indicators):
            code = indicator.implements
            if code is None:
                continue
            path = f"goals[{g}].indicators[{i}]"
            if code not in parent_paths:
                findings.append(Finding(
                    kind=FindingKind.UNKNOWN_PARENT_INDICATOR, indicator=indicator.code,
                    parent_indicator=code, path=f"{path}.implements", parent_path="",
                    message=LocalizedText(
                        vi=f"Chỉ tiêu {_name(indicator)} ghi thực hiện chỉ tiêu {code} của kế "
                        "hoạch cấp trên, nhưng kế hoạch cấp trên không có chỉ tiêu này.",
                        en=f"Indicator {_name(indicator)} implements the parent's indicator "
                        f"{code}, which the parent plan does not have.",
                    ),
                ))
                continue
            carried.add(code)
            findings.extend(_compare(plan, parent, indicator, path,
                                     parent.indicator(code), parent_paths[code]))
    for code, parent_path in parent_paths.items():
        wanted = parent.indicator(code)
        if code in carried or not _due_in(parent, wanted.targets, plan.start_year):
            continue
        findings.append(Finding(
            kind=FindingKind.MISSING_INDICATOR, indicator=None, parent_indicator=code,
            path="", parent_path=parent_path,
            message=LocalizedText(
                vi=f"Kế hoạch không có chỉ tiêu nào thực hiện chỉ tiêu {_name(wanted)} của kế "
                "hoạch cấp trên.",
                en=f"No indicator of the plan implements the parent's indicator {_name(wanted)}.",
            ),
        ))
    return tuple(findings)


def _due_in(plan: Plan, targets: tuple[Target, ...], start_year: int) -> bool:
    return any(plan.deadline(target) >= start_year for target in targets)


def _compare(plan: Plan, parent: Plan, local: Indicator, path: str, upper: Indicator,
             parent_path: str) -> list[Finding]:
    def finding(kind: FindingKind, where: str, vi: str, en: str, target: Target | None = None,
                parent_target: Target | None = None, parent_where: str = "") -> Finding:
        return Finding(kind=kind, indicator=local.code, parent_indicator=upper.code, path=where,
                       parent_path=parent_where or parent_path,
                       message=LocalizedText(vi=vi, en=en), target=target,
                       parent_target=parent_target)

    try:
        factor = _factor(local.unit, upper.unit)
    except UnitError:
        return [finding(
            FindingKind.UNIT_MISMATCH, f"{path}.unit",
            f"Chỉ tiêu {_name(local)} tính bằng {local.unit!r}, chỉ tiêu {_name(upper)} của kế "
            f"hoạch cấp trên bằng {upper.unit!r}: hai đơn vị đo hai đại lượng khác nhau.",
            f"Indicator {_name(local)} is in {local.unit!r} and the parent's {_name(upper)} in "
            f"{upper.unit!r}: they measure different things.",
        )]
    if (local.direction is not upper.direction and not upper.is_yes_no
            and not (local.is_toward or upper.is_toward)):
        return [finding(
            FindingKind.DIRECTION_MISMATCH, f"{path}.direction",
            f"Chỉ tiêu {_name(local)} coi {_better(local.direction, 'vi')} là tốt hơn, còn kế "
            f"hoạch cấp trên coi {_better(upper.direction, 'vi')} là tốt hơn.",
            f"Indicator {_name(local)} counts {_better(local.direction, 'en')} as better, the "
            f"parent {_better(upper.direction, 'en')}.",
        )]
    findings = []
    for p, wanted in enumerate(upper.targets):
        deadline = parent.deadline(wanted)
        if deadline < plan.start_year:
            continue
        where_parent = f"{parent_path}.targets[{p}]"
        candidates = _candidates(plan, local, wanted, deadline)
        if not candidates:
            findings.append(finding(
                FindingKind.MISSING_TARGET, f"{path}.targets",
                f"Chỉ tiêu {_name(local)} không có mục tiêu cùng loại để thực hiện mục tiêu "
                f"{_describe(upper, wanted, deadline, 'vi')} của kế hoạch cấp trên.",
                f"Indicator {_name(local)} has no {_kind_en(wanted)} target to carry the "
                f"parent's {_describe(upper, wanted, deadline, 'en')}.",
                parent_target=wanted, parent_where=where_parent,
            ))
            continue
        # Several local targets due that year (levels to hold, say): the one that carries the
        # parent's best is its match.
        t, target, weaknesses = min(
            ((t, target, _weaknesses(plan, parent, local, target, factor, upper, wanted,
                                     deadline))
             for t, target in candidates),
            key=lambda item: len(item[2]),
        )
        where = f"{path}.targets[{t}]"
        mine = _describe(local, target, plan.deadline(target), "vi")
        theirs = _describe(upper, wanted, deadline, "vi")
        mine_en = _describe(local, target, plan.deadline(target), "en")
        theirs_en = _describe(upper, wanted, deadline, "en")
        for kind in weaknesses:
            vi, en = _WEAKNESS_TEXT[kind]
            findings.append(finding(
                kind, where,
                f"Chỉ tiêu {_name(local)}: {mine} {vi} {theirs} của kế hoạch cấp trên.",
                f"Indicator {_name(local)}: {mine_en} {en} the parent's {theirs_en}.",
                target=target, parent_target=wanted, parent_where=where_parent,
            ))
    return findings


_WEAKNESS_TEXT = {
    FindingKind.WEAKER_VALUE: ("kém tham vọng hơn mức", "is less ambitious than"),
    FindingKind.LATER_YEAR: ("muộn hơn thời hạn", "is due later than"),
    FindingKind.WEAKER_COMPARATOR: (
        "chấp nhận cả giá trị ngưỡng, khác với mức", "accepts the threshold itself, unlike"
    ),
}


def _name(indicator: Indicator) -> str:
    """The plan's numbering, with the code when they differ (``3.2 (3.2a)``)."""
    if indicator.label == indicator.code:
        return indicator.code
    return f"{indicator.label} ({indicator.code})"


def _factor(unit: str, other: str) -> float:
    if units.is_yes_no(unit) or units.is_yes_no(other):
        if unit != other:
            raise UnitError(unit, f"a yes/no indicator cannot be compared with {other!r}")
        return 1.0
    return units.conversion_factor(unit, other)


def _accepted(indicator: Indicator, target: Target) -> tuple[float, float]:
    """The values `target` accepts, as a band (a strict edge taken as the edge)."""
    value = float(indicator.target_value(target))
    if target.comparator is Comparator.GT:
        return value, math.inf
    if target.comparator is Comparator.LT:
        return -math.inf, value
    return indicator.target_band(target)


def _better(direction: Direction, language: Language) -> str:
    higher = direction is Direction.HIGHER_IS_BETTER
    if language == "en":
        return "higher" if higher else "lower"
    return "cao hơn" if higher else "thấp hơn"


def _key(target: Target) -> tuple[TargetKind, object]:
    return target.kind, target.frequency if target.is_periodic else None


def _candidates(plan: Plan, local: Indicator, wanted: Target,
                deadline: int) -> list[tuple[int, Target]]:
    """The local targets `wanted` may match, by the rule in the module docstring."""
    same = [(plan.deadline(t), i, t) for i, t in enumerate(local.targets)
            if _key(t) == _key(wanted)]
    if not same:
        return []
    later = [item[0] for item in same if item[0] >= deadline]
    chosen = min(later) if later else max(item[0] for item in same)
    return [(i, t) for year, i, t in same if year == chosen]


def _weaknesses(plan: Plan, parent: Plan, local: Indicator, target: Target, factor: float,
                upper: Indicator, wanted: Target, deadline: int) -> list[FindingKind]:
    found = []
    if isinstance(target.value, bool):
        if target.value is not wanted.value:
            found.append(FindingKind.WEAKER_VALUE)
    elif local.is_toward or upper.is_toward:
        # A band is weaker when it lets in a value the parent's band (or one-sided target, a
        # band open on one side) does not.
        low, high = _accepted(local, target)
        their_low, their_high = _accepted(upper, wanted)
        if (low * factor < their_low and not nearly_equal(low * factor, their_low)) or (
            high * factor > their_high and not nearly_equal(high * factor, their_high)
        ):
            found.append(FindingKind.WEAKER_VALUE)
    else:
        sign = upper.direction.sign
        mine = _weakest(float(local.target_value(target)) * factor,
                        (target.tolerance or 0.0) * factor * _unit_scale(target, local), target,
                        sign)
        theirs = _weakest(float(upper.target_value(wanted)),
                          (wanted.tolerance or 0.0) * _unit_scale(wanted, upper), wanted, sign)
        if nearly_equal(mine, theirs):
            if wanted.comparator.is_strict and not target.comparator.is_strict:
                found.append(FindingKind.WEAKER_COMPARATOR)
        elif sign * (mine - theirs) < 0:
            found.append(FindingKind.WEAKER_VALUE)
    if target.is_periodic:
        # Holding longer is not weaker; starting later is, unless the local plan itself starts
        # later than the parent's level applies (it cannot hold before it exists).
        due = wanted.start_year if wanted.start_year is not None else parent.start_year
        later = _start(plan, target) > max(due, plan.start_year)
    else:
        later = plan.deadline(target) > deadline
    if later:
        found.append(FindingKind.LATER_YEAR)
    return found


def _start(plan: Plan, target: Target) -> int:
    return target.start_year if target.start_year is not None else plan.start_year


def _unit_scale(target: Target, indicator: Indicator) -> float:
    """The factor from the target's own unit (where it has one) to the indicator's."""
    if target.unit is None:
        return 1.0
    return units.conversion_factor(target.unit, indicator.unit)


def _weakest(value: float, tolerance: float, target: Target, sign: int) -> float:
    """The worst value the target still accepts, in the direction `sign` ("about" widens it)."""
    if target.comparator is Comparator.ABOUT:
        return value - sign * tolerance
    return value


def _kind_en(target: Target) -> str:
    return {
        TargetKind.REACH: "reach-by-a-year",
        TargetKind.HOLD: "hold-every-period",
        TargetKind.YES_NO: "yes/no",
        TargetKind.COUNT_PER_PERIOD: "count-per-period",
    }[target.kind]


def _describe(indicator: Indicator, target: Target, deadline: int, language: Language) -> str:
    """``≥ 75% by 2030`` / ``≥ 75% đến năm 2030``: the target as a reader writes it."""
    value = indicator.target_value(target)
    quantity = format_quantity(value, indicator.unit, language)
    if target.kind is TargetKind.YES_NO:
        head = quantity
    elif target.upper is not None:  # a band: lower-upper
        lower, upper = indicator.target_band(target)
        head = (f"{format_number(lower, language)}–"
                f"{format_quantity(upper, indicator.unit, language)}")
    else:
        head = f"{target.comparator.symbol} {quantity}"
    if target.is_periodic:
        first = target.start_year
        if language == "en":
            return f"{head} every period" + (f" from {first}" if first is not None else "")
        return f"{head} mỗi kỳ" + (f" từ năm {first}" if first is not None else "")
    return f"{head} by {deadline}" if language == "en" else f"{head} đến năm {deadline}"
