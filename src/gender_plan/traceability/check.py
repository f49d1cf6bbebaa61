"""Comparing a plan's targets with those of the plan above it, year by year.

How a local indicator finds the parent's indicator it carries: its `implements` link, or, when
asked (``by_number=True``) and it has none, the parent's indicator of the same plan number
(`Indicator.label`); a numbered target with several parts is matched part by part, the parts
taken in the order of their codes on both sides. Every match made by numbering is marked
(`Finding.by_number`) so that a reviewer can confirm it.

How targets are compared (a deadline is the target's year, else its plan's end year):

1. A local target to reach by a year (or a yes/no fact) is compared with the parent's
   requirement in force at its deadline: the parent's milestone of that year; between two
   milestones, the value on the straight line between them (the linear path's line); after
   the last milestone, the last one, which stays in force; before the first, the line from the
   parent's stated baseline if it has one, otherwise the pair is not comparable, never weaker.
   Yes/no facts have no line: between two milestones the earlier one stays in force.
2. Each parent milestone due within the local plan's period that no local target of its kind
   is due in is checked against the local plan's own requirement that year (its line, its last
   target): weaker is reported; no local target by then is a later year.
3. A parent level to hold (or count per period) is carried by the local target of the same
   kind and frequency that carries it best; starting to hold later than both the parent's
   start and the local plan's own is a later year.
4. A local target of a kind the parent does not set is not comparable; a parent target in the
   local period whose kind no local target has is a missing target.

Values are compared in the parent indicator's unit as the weakest value each target accepts
(an "about" target counts its tolerance against it); at equal values a strict comparator
(> or <) asks more than a non-strict one.
"""

from __future__ import annotations

from collections.abc import Iterable

import attrs

from gender_plan import units
from gender_plan._i18n import msg
from gender_plan.errors import UnitError
from gender_plan.model.indicator import Direction, Indicator
from gender_plan.model.plan import Plan
from gender_plan.model.target import Comparator, Target, TargetKind
from gender_plan.traceability import _text as words
from gender_plan.traceability._levels import (
    Level,
    Point,
    baseline_point,
    compare,
    level_at,
    nearly_equal,
    points,
)
from gender_plan.traceability.findings import Finding, FindingKind

__all__ = ["Link", "check_traceability", "links", "trace"]

_VERBS = {
    FindingKind.WEAKER_VALUE: ("kém tham vọng hơn mức", "is less ambitious than"),
    FindingKind.WEAKER_COMPARATOR: ("chấp nhận cả giá trị ngưỡng, khác với mức",
                                    "accepts the threshold itself, unlike"),
    FindingKind.MORE_AMBITIOUS: ("tham vọng hơn mức", "is more ambitious than"),
    FindingKind.EQUAL: ("bằng mức", "asks the same as"),
    FindingKind.LATER_YEAR: ("muộn hơn thời hạn", "is due later than"),
}
_BY_NUMBER = (" (ghép theo số thứ tự chỉ tiêu, cần xác nhận)",
              " (matched by plan numbering: confirm it)")


@attrs.frozen(kw_only=True)
class Link:
    """A local indicator and the parent indicator it carries."""

    goal: int
    position: int
    indicator: Indicator
    parent_code: str
    by_number: bool


def _paths(plan: Plan) -> dict[str, str]:
    return {indicator.code: f"goals[{g}].indicators[{i}]"
            for g, goal in enumerate(plan.goals) for i, indicator in enumerate(goal.indicators)}


def links(plan: Plan, parent: Plan, *, by_number: bool = False,
          parent_code: str = "") -> tuple[list[Link], list[Finding]]:
    """Which local indicator carries which parent indicator.

    Also returns, as findings, the `implements` codes the parent does not have.
    """
    known = _paths(parent)
    found: list[Link] = []
    unknown: list[Finding] = []
    unlinked: dict[str, list[tuple[int, int, Indicator]]] = {}
    for g, goal in enumerate(plan.goals):
        for i, indicator in enumerate(goal.indicators):
            code = indicator.implements
            if code is None:
                unlinked.setdefault(indicator.label, []).append((g, i, indicator))
            elif code in known:
                found.append(Link(goal=g, position=i, indicator=indicator, parent_code=code,
                                  by_number=False))
            else:
                unknown.append(Finding(
                    kind=FindingKind.UNKNOWN_PARENT_INDICATOR, indicator=indicator.code,
                    parent_indicator=code, path=f"goals[{g}].indicators[{i}].implements",
                    parent_path="", parent_plan=parent_code,
                    message=words.text(
                        f"Chỉ tiêu {words.name(indicator)} ghi thực hiện chỉ tiêu {code} của kế "
                        "hoạch cấp trên, nhưng kế hoạch cấp trên không có chỉ tiêu này.",
                        f"Indicator {words.name(indicator)} implements the parent's indicator "
                        f"{code}, which the parent plan does not have.",
                    ),
                ))
    linked = {(link.goal, link.position, link.parent_code) for link in found}
    for _, upper in parent.indicators():
        # A share of places that names the indicator it counts is carried by that indicator.
        named = upper.share_of_places.indicator if upper.share_of_places is not None else None
        for g, goal in enumerate(plan.goals):
            for i, indicator in enumerate(goal.indicators):
                if indicator.code == named and (g, i, upper.code) not in linked:
                    found.append(Link(goal=g, position=i, indicator=indicator,
                                      parent_code=upper.code, by_number=False))
                    mine = unlinked.get(indicator.label, [])
                    if (g, i, indicator) in mine:
                        mine.remove((g, i, indicator))  # carried: not matched by number too
    if by_number:
        numbered: dict[str, list[Indicator]] = {}
        for _, upper in parent.indicators():
            numbered.setdefault(upper.label, []).append(upper)
        for number, mine in unlinked.items():
            # Parts in the order of their codes on both sides: 3.2a with 3.2a, 3.2b with 3.2b.
            theirs = sorted(numbered.get(number, ()), key=lambda upper: upper.code)
            for (g, i, indicator), upper in zip(sorted(mine, key=lambda m: m[2].code), theirs,
                                                strict=False):
                found.append(Link(goal=g, position=i, indicator=indicator,
                                  parent_code=upper.code, by_number=True))
    found.sort(key=lambda link: (link.goal, link.position))
    return found, unknown


def check_traceability(plan: Plan, parent: Plan, *, by_number: bool = False,
                       include_equal: bool = False) -> tuple[Finding, ...]:
    """Compare `plan` with the `parent` plan it implements; return every finding, in plan order.

    Local indicators are matched through `implements`, and with `by_number` by plan numbering
    too. Targets equal to the parent's are listed only with `include_equal` (a report that
    shows every target beside its parent's wants them; a review wants what differs).
    """
    found, unknown = links(plan, parent, by_number=by_number, parent_code=parent.code)
    return (*unknown, *trace(plan, parent, found, include_equal=include_equal))


def trace(plan: Plan, parent: Plan, found: Iterable[Link], *,
          include_equal: bool = False) -> tuple[Finding, ...]:
    """The findings of `found` links from `plan` to `parent`.

    Then the parent's indicators with targets that no link reaches.
    """
    parent_paths = _paths(parent)
    findings: list[Finding] = []
    carried = set()
    for link in found:
        carried.add(link.parent_code)
        pair = _Pair(plan=plan, parent=parent, link=link,
                     upper=parent.indicator(link.parent_code),
                     parent_path=parent_paths[link.parent_code])
        findings.extend(f for f in pair.findings()
                        if include_equal or f.kind is not FindingKind.EQUAL)
    for code, parent_path in parent_paths.items():
        wanted = parent.indicator(code)
        # A milestone due before the plan starts stays in force (rule 1): still to carry.
        if code in carried or not wanted.targets:
            continue
        findings.append(Finding(
            kind=FindingKind.MISSING_INDICATOR, indicator=None, parent_indicator=code,
            path="", parent_path=parent_path, parent_plan=parent.code,
            message=words.text(
                f"Kế hoạch không có chỉ tiêu nào thực hiện chỉ tiêu {words.name(wanted)} của kế "
                "hoạch cấp trên.",
                f"No indicator of the plan carries the parent's indicator "
                f"{words.name(wanted)}.",
            ),
        ))
    return tuple(findings)


def _key(target: Target) -> tuple[TargetKind, object]:
    return target.kind, target.frequency if target.is_periodic else None


def _factor(unit: str, other: str) -> float:
    if units.is_yes_no(unit) or units.is_yes_no(other):
        if unit != other:
            raise UnitError(unit, msg("a yes/no indicator cannot be compared with {other!r}",
                                      other=other))
        return 1.0
    return units.conversion_factor(unit, other)


@attrs.frozen(kw_only=True)
class _Pair:
    """One local indicator beside the parent indicator it carries."""

    plan: Plan
    parent: Plan
    link: Link
    upper: Indicator
    parent_path: str

    @property
    def local(self) -> Indicator:
        return self.link.indicator

    @property
    def path(self) -> str:
        return f"goals[{self.link.goal}].indicators[{self.link.position}]"

    @property
    def sign(self) -> int:
        return self.upper.direction.sign

    def finding(self, kind: FindingKind, vi: str, en: str, *, where: str | None = None,
                target: Target | None = None, index: int | None = None,
                parent_target: Target | None = None, parent_index: int | None = None,
                parent_year: int | None = None,
                parent_value: float | bool | None = None) -> Finding:
        if self.link.by_number:
            vi, en = vi[:-1] + _BY_NUMBER[0] + ".", en[:-1] + _BY_NUMBER[1] + "."
        local = self.local
        year = None
        if target is not None:
            year = (target.start_year or self.plan.start_year) if target.is_periodic else (
                self.plan.deadline(target))
        return Finding(
            kind=kind, indicator=local.code, parent_indicator=self.upper.code,
            path=where if where is not None else (
                f"{self.path}.targets[{index}]" if index is not None else f"{self.path}.targets"),
            parent_path=(f"{self.parent_path}.targets[{parent_index}]"
                         if parent_index is not None else self.parent_path),
            message=words.text(vi, en), target=target, parent_target=parent_target,
            parent_plan=self.parent.code, by_number=self.link.by_number, year=year,
            value=None if target is None else local.target_value(target), unit=local.unit,
            parent_year=parent_year, parent_value=parent_value, parent_unit=self.upper.unit,
        )

    def findings(self) -> list[Finding]:
        local, upper = self.local, self.upper
        if upper.share_of_places is not None and local.share_of_places is None:
            from gender_plan.traceability._shares import counted  # noqa: PLC0415

            return counted(self, upper.share_of_places)
        try:
            factor = _factor(local.unit, upper.unit)
        except UnitError:
            return [self.finding(
                FindingKind.UNIT_MISMATCH,
                f"Chỉ tiêu {words.name(local)} tính bằng {local.unit!r}, chỉ tiêu "
                f"{words.name(upper)} của kế hoạch cấp trên bằng {upper.unit!r}: hai đơn vị đo "
                "hai đại lượng khác nhau.",
                f"Indicator {words.name(local)} is in {local.unit!r} and the parent's "
                f"{words.name(upper)} in {upper.unit!r}: they measure different things.",
                where=f"{self.path}.unit",
            )]
        # A level to stay near whose every target is a band open on the side the parent wants
        # (Lai Khê's "ở mức 109", a band up to 109, under a lower-is-better parent) reads as the
        # parent's one-sided target; any other pairing of directions is a mismatch.
        one_sided = local.is_toward and bool(local.targets) and all(
            (t.comparator is Comparator.LE and upper.direction is Direction.LOWER_IS_BETTER)
            or (t.comparator is Comparator.GE and upper.direction is Direction.HIGHER_IS_BETTER)
            for t in local.targets)
        if local.direction is not upper.direction and not upper.is_yes_no and not one_sided:
            return [self.finding(
                FindingKind.DIRECTION_MISMATCH,
                f"Chỉ tiêu {words.name(local)} coi {words.better(local.direction, 'vi')} là tốt "
                f"hơn, còn kế hoạch cấp trên coi {words.better(upper.direction, 'vi')} là tốt "
                "hơn.",
                f"Indicator {words.name(local)} counts {words.better(local.direction, 'en')} as "
                f"better, the parent {words.better(upper.direction, 'en')}.",
                where=f"{self.path}.direction",
            )]
        from gender_plan.traceability._targets import compare_targets  # noqa: PLC0415

        return compare_targets(self, factor)

    # --- helpers the target comparison shares ------------------------------------------------

    def local_points(self, chosen: Iterable[tuple[int, Target]], factor: float) -> list[Point]:
        return points(self.local, list(chosen), self.plan.deadline, factor, self.sign)

    def parent_points(self, chosen: Iterable[tuple[int, Target]]) -> list[Point]:
        return points(self.upper, list(chosen), self.parent.deadline, 1.0, self.sign)

    def level(self, milestones: list[Point], year: int, *, of_parent: bool,
              factor: float, reach: bool) -> Level | None:
        indicator = self.upper if of_parent else self.local
        base = baseline_point(indicator.baseline, 1.0 if of_parent else factor)
        return level_at(milestones, year, baseline=base if reach else None, line=reach)

    def verdict(self, mine: Level | Point, theirs: Level | Point) -> FindingKind:
        result = compare(mine, theirs, self.sign)
        if result > 0:
            return FindingKind.MORE_AMBITIOUS
        if result == 0:
            return FindingKind.EQUAL
        if nearly_equal(mine.weakest, theirs.weakest):
            return FindingKind.WEAKER_COMPARATOR
        return FindingKind.WEAKER_VALUE

    def compared(self, kind: FindingKind, mine: tuple[str, str],
                 theirs: tuple[str, str]) -> tuple[str, str]:
        """The message of a comparison: (vi, en), from both sides' descriptions (vi, en)."""
        vi, en = _VERBS[kind]
        name = words.name(self.local)
        return (f"Chỉ tiêu {name}: {mine[0]} {vi} {theirs[0]} của kế hoạch cấp trên.",
                f"Indicator {name}: {mine[1]} {en} the parent's {theirs[1]}.")
