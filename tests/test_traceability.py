"""Traceability: a local plan against the parent plan it implements."""

from __future__ import annotations

import attrs
from hypothesis import assume, given
from hypothesis import strategies as st

from gender_plan import (
    Comparator,
    Direction,
    Field,
    Goal,
    Indicator,
    Limits,
    LocalizedText,
    PartialDate,
    Plan,
    Target,
    TargetKind,
)
from gender_plan.model import Baseline, Frequency
from gender_plan.testing import goals
from gender_plan.traceability import Finding, FindingKind, check_traceability

TEXT = LocalizedText(vi="x", en="x")


def indicator(code: str, *targets: Target, unit: str = "percent",
              direction: Direction = Direction.HIGHER_IS_BETTER,
              implements: str | None = None) -> Indicator:
    return Indicator(code=code, name=TEXT, unit=unit, direction=direction, targets=targets,
                     implements=implements)


def plan(*indicators: Indicator, start: int = 2021, end: int = 2030) -> Plan:
    return Plan(code="p", title=TEXT, issuer=TEXT, place=TEXT, start_year=start, end_year=end,
                date=PartialDate(year=start),
                goals=[Goal(code="1", field=Field.POLITICS, title=TEXT, indicators=indicators)])


def ge(value: float, year: int | None = 2030, **changes: object) -> Target:
    return attrs.evolve(Target(comparator=Comparator.GE, value=value, year=year), **changes)


# National-style parent: 60% by 2025 and 75% by 2030 (illustrative values).
PARENT = plan(indicator("1.1", ge(60, 2025), ge(75, 2030)),
              indicator("3.2", Target(comparator=Comparator.GT, value=90, year=2030)),
              indicator("srb", Target(comparator=Comparator.LE, value=109, year=2030),
                        unit="boys / 100 girls", direction=Direction.LOWER_IS_BETTER))


def check(*local: Indicator, start: int = 2026) -> tuple[Finding, ...]:
    return check_traceability(plan(*local, start=start), PARENT)


def kinds(findings: tuple[Finding, ...]) -> list[FindingKind]:
    return [finding.kind for finding in findings]


def test_a_local_plan_that_copies_its_parent_has_no_findings():
    assert () == check(
        indicator("a", ge(75), implements="1.1"),
        indicator("b", Target(comparator=Comparator.GT, value=90), implements="3.2"),
        indicator("c", Target(comparator=Comparator.LE, value=109), unit="boys / 100 girls",
                  direction=Direction.LOWER_IS_BETTER, implements="srb"),
    )


def test_a_lower_value_where_higher_is_better_is_less_ambitious():
    findings = check(indicator("a", ge(60), implements="1.1"),
                     indicator("b", Target(comparator=Comparator.GT, value=90), implements="3.2"),
                     indicator("c", Target(comparator=Comparator.LE, value=109),
                               unit="boys / 100 girls", direction=Direction.LOWER_IS_BETTER,
                               implements="srb"))
    assert [FindingKind.WEAKER_VALUE] == kinds(findings)
    (finding,) = findings
    assert "a" == finding.indicator
    assert "1.1" == finding.parent_indicator
    assert "goals[0].indicators[0].targets[0]" == finding.path
    assert "goals[0].indicators[0].targets[1]" == finding.parent_path
    assert ge(75) == finding.parent_target
    assert ge(60) == finding.target
    assert "Indicator a: ≥ 60% by 2030 is less ambitious than the parent's ≥ 75% by 2030." == (
        finding.text("en"))
    assert "Chỉ tiêu a: ≥ 60% đến năm 2030 kém tham vọng hơn mức ≥ 75% đến năm 2030 của kế " \
        "hoạch cấp trên." == finding.text("vi")


def test_a_higher_value_where_lower_is_better_is_less_ambitious():
    findings = check(
        indicator("a", ge(75), implements="1.1"),
        indicator("b", Target(comparator=Comparator.GT, value=90), implements="3.2"),
        indicator("c", Target(comparator=Comparator.LE, value=110), unit="boys / 100 girls",
                  direction=Direction.LOWER_IS_BETTER, implements="srb"),
    )
    assert [("c", FindingKind.WEAKER_VALUE)] == [(f.indicator, f.kind) for f in findings]


def test_values_are_compared_after_converting_units():
    same = indicator("a", ge(0.75), unit="fraction", implements="1.1")
    weaker = indicator("a", ge(0.7), unit="fraction", implements="1.1")
    in_target_unit = indicator("a", ge(0.75, unit="fraction"), implements="1.1")
    parent_only = {"3.2", "srb"}
    assert [] == [f for f in check(same) if f.parent_indicator not in parent_only]
    assert [] == [f for f in check(in_target_unit) if f.parent_indicator not in parent_only]
    assert [FindingKind.WEAKER_VALUE] == [
        f.kind for f in check(weaker) if f.parent_indicator not in parent_only]


def test_a_later_year_is_less_ambitious():
    parent = plan(indicator("1.1", ge(75, 2028)))
    local = plan(indicator("a", ge(75, 2030), implements="1.1"), start=2026)
    (finding,) = check_traceability(local, parent)
    assert FindingKind.LATER_YEAR == finding.kind
    assert "Indicator a: ≥ 75% by 2030 is due later than the parent's ≥ 75% by 2028." == (
        finding.text("en"))


def test_a_non_strict_comparator_where_the_parent_is_strict_is_less_ambitious():
    findings = check(indicator("b", Target(comparator=Comparator.GE, value=90),
                               implements="3.2"))
    assert [FindingKind.WEAKER_COMPARATOR] == [
        f.kind for f in findings if f.parent_indicator == "3.2"]
    # A higher value with a non-strict comparator is more ambitious, not less.
    findings = check(indicator("b", Target(comparator=Comparator.GE, value=95),
                               implements="3.2"))
    assert [] == [f for f in findings if f.parent_indicator == "3.2"]


def test_about_counts_its_tolerance_against_the_local_target():
    about = Target(comparator=Comparator.ABOUT, value=75, tolerance=5)
    findings = check(indicator("a", about, implements="1.1"))
    assert [FindingKind.WEAKER_VALUE] == [
        f.kind for f in findings if f.parent_indicator == "1.1"]


def test_parent_milestones_before_the_local_plan_starts_are_not_checked():
    # The 2025 milestone of 60% lies before a 2026-2030 plan; from 2021 it is carried.
    local = indicator("a", ge(75), implements="1.1")
    assert [] == [f for f in check(local) if f.parent_indicator == "1.1"]
    findings = check(local, start=2021)
    assert [(FindingKind.LATER_YEAR, "goals[0].indicators[0].targets[0]")] == [
        (f.kind, f.path) for f in findings if f.parent_indicator == "1.1"]


def test_a_milestone_is_matched_to_the_first_local_target_due_at_or_after_it():
    parent = plan(indicator("1.1", ge(60, 2025), ge(75, 2030)))
    local = plan(indicator("a", ge(62, 2026), ge(80, 2030), implements="1.1"), start=2021)
    (finding,) = check_traceability(local, parent)
    assert (FindingKind.LATER_YEAR, "goals[0].indicators[0].targets[0]") == (
        finding.kind, finding.path)
    # Without one due later, the last local target before the parent's deadline is matched.
    local = plan(indicator("a", ge(70, 2028), implements="1.1"), start=2026)
    (finding,) = check_traceability(local, parent)
    assert FindingKind.WEAKER_VALUE == finding.kind


def test_parent_indicators_the_local_plan_does_not_carry_are_reported():
    findings = check(indicator("a", ge(75), implements="1.1"))
    assert [("3.2", "goals[0].indicators[1]", ""), ("srb", "goals[0].indicators[2]", "")] == [
        (f.parent_indicator, f.parent_path, f.path) for f in findings]
    assert {FindingKind.MISSING_INDICATOR} == set(kinds(findings))
    assert "No indicator of the plan implements the parent's indicator 3.2." == (
        findings[0].text("en"))


def test_an_implements_code_the_parent_does_not_have_is_reported():
    findings = check(indicator("a", ge(75), implements="9.9"))
    assert (FindingKind.UNKNOWN_PARENT_INDICATOR, "goals[0].indicators[0].implements", "") == (
        findings[0].kind, findings[0].path, findings[0].parent_path)
    assert "9.9" in findings[0].text("vi")


def test_incompatible_units_are_reported_and_not_compared():
    findings = check(indicator("a", ge(75), unit="people", implements="1.1"))
    first = findings[0]
    assert (FindingKind.UNIT_MISMATCH, "goals[0].indicators[0].unit") == (first.kind, first.path)
    assert "'people'" in first.text("en")
    yes_no = Target(comparator=Comparator.EQ, value=True, kind=TargetKind.YES_NO)
    findings = check(indicator("a", yes_no, unit="yes_no", implements="1.1"))
    assert FindingKind.UNIT_MISMATCH == findings[0].kind


def test_an_opposite_direction_is_reported():
    findings = check(indicator("a", Target(comparator=Comparator.LE, value=75),
                               direction=Direction.LOWER_IS_BETTER, implements="1.1"))
    assert FindingKind.DIRECTION_MISMATCH == findings[0].kind
    assert "lower" in findings[0].text("en")


def test_a_missing_target_kind_is_reported():
    hold = Target(comparator=Comparator.GE, value=100, kind=TargetKind.HOLD,
                  frequency=Frequency.YEAR)
    parent = plan(indicator("1.1", hold))
    local = plan(indicator("a", ge(100), implements="1.1"), start=2026)
    (finding,) = check_traceability(local, parent)
    assert (FindingKind.MISSING_TARGET, "goals[0].indicators[0].targets") == (
        finding.kind, finding.path)
    assert "hold-every-period" in finding.text("en")
    assert "mỗi kỳ" in finding.text("vi")


def test_a_level_to_hold_that_starts_later_is_less_ambitious():
    def hold(start: int | None) -> Target:
        return Target(comparator=Comparator.GE, value=100, kind=TargetKind.HOLD,
                      start_year=start, frequency=Frequency.YEAR)

    parent = plan(indicator("1.1", hold(2025)))
    # A plan that starts in 2026 cannot hold before then: starting with the plan is enough.
    assert () == check_traceability(plan(indicator("a", hold(None), implements="1.1"),
                                         start=2026), parent)
    (finding,) = check_traceability(plan(indicator("a", hold(2028), implements="1.1"),
                                         start=2026), parent)
    assert FindingKind.LATER_YEAR == finding.kind
    assert "every period from 2028" in finding.text("en")


def test_yes_no_targets_differ_or_not():
    def fact(value: bool) -> Target:
        return Target(comparator=Comparator.EQ, value=value, kind=TargetKind.YES_NO)

    parent = plan(indicator("1.1", fact(True), unit="yes_no"))
    assert () == check_traceability(
        plan(indicator("a", fact(True), unit="yes_no", implements="1.1")), parent)
    (finding,) = check_traceability(
        plan(indicator("a", fact(False), unit="yes_no", implements="1.1")), parent)
    assert FindingKind.WEAKER_VALUE == finding.kind
    assert "Không" in finding.text("vi")


# --- properties -----------------------------------------------------------------------------


@st.composite
def plans(draw: st.DrawFn) -> Plan:
    """Plans with random goals and indicators, and nothing else (the check reads no more)."""
    start = draw(st.integers(2015, 2030))
    end = start + draw(st.integers(0, 10))
    found = [draw(goals(code=str(k), start_year=start, end_year=end))
             for k in range(draw(st.integers(1, 3)))]
    return Plan(
        code="p", title=TEXT, issuer=TEXT, place=TEXT, start_year=start, end_year=end,
        date=PartialDate(year=start), goals=found)


def implementing_itself(parent: Plan) -> Plan:
    """A copy of `parent` whose every indicator implements its namesake."""
    return attrs.evolve(parent, goals=[
        attrs.evolve(goal, indicators=[attrs.evolve(i, implements=i.code)
                                       for i in goal.indicators])
        for goal in parent.goals
    ])


@given(plans())
def test_a_plan_checked_against_itself_has_no_findings(parent):
    assert () == check_traceability(implementing_itself(parent), parent)


_RESCALE = {"percent": ("fraction", 0.01), "fraction": ("percent", 100.0),
            "deaths / 100000 live_births": ("deaths / 1000 live_births", 0.01),
            "births / 1000 women": ("births / 100 women", 0.1)}


def _map_targets(plan: Plan, change) -> Plan:
    return attrs.evolve(plan, goals=[attrs.evolve(g, indicators=[change(i) for i in g.indicators])
                                     for g in plan.goals])


def rounded(plan: Plan) -> Plan:
    """`plan` with target values and tolerances written to 4 decimals, as plans write them.

    (Without this, hypothesis finds values like 5e-324 that vanish when multiplied by 0.01.)
    """

    def one(i: Indicator) -> Indicator:
        if i.is_yes_no or i.is_toward:  # bands: rounding could push the reference out
            return i
        return attrs.evolve(i, targets=[
            attrs.evolve(t, value=round(float(t.value), 4),
                         tolerance=None if t.tolerance is None else round(t.tolerance, 4))
            for t in i.targets])

    return _map_targets(plan, one)


def rescaled(plan: Plan) -> Plan:
    """The same plan with every indicator of a rescalable unit written in another unit."""

    def scale(value: float | None, factor: float) -> float | None:
        return None if value is None else value * factor

    def one(i: Indicator) -> Indicator:
        if i.unit not in _RESCALE:
            return i
        unit, factor = _RESCALE[i.unit]
        limits = i.limits if i.limits is None else Limits(
            lower=scale(i.limits.lower, factor), upper=scale(i.limits.upper, factor))
        baseline = i.baseline if i.baseline is None else Baseline(
            value=float(i.baseline.value) * factor, year=i.baseline.year,
            source=i.baseline.source)
        targets = [attrs.evolve(t, value=float(i.target_value(t)) * factor, unit=None,
                                tolerance=scale(t.tolerance, factor),
                                upper=None if t.upper is None else i.target_band(t)[1] * factor)
                   for t in i.targets]
        return attrs.evolve(i, unit=unit, limits=limits, baseline=baseline, targets=targets,
                            reference=scale(i.reference, factor))

    return _map_targets(plan, one)


def signature(findings: tuple[Finding, ...]) -> list[tuple[FindingKind, str, str]]:
    return [(f.kind, f.path, f.parent_path) for f in findings]


@given(plans(), plans())
def test_rescaling_units_changes_no_finding(local, parent):
    codes = [i.code for _, i in parent.indicators()]
    position = iter(range(1000))
    local = rounded(_map_targets(
        local, lambda i: attrs.evolve(i, implements=(codes or ["none"])[next(position) % max(len(codes), 1)])))
    parent = rounded(parent)
    expected = signature(check_traceability(local, parent))
    assert expected == signature(check_traceability(rescaled(local), rescaled(parent)))
    assert expected == signature(check_traceability(rescaled(local), parent))


def _weaken(target: Target, indicator: Indicator, how: str, end_year: int) -> Target | None:
    """`target` made strictly less ambitious in one way, or None when that way is closed."""
    if how == "comparator":
        if not target.comparator.is_strict:
            return None
        loose = Comparator.GE if target.comparator is Comparator.GT else Comparator.LE
        return attrs.evolve(target, comparator=loose)
    if how == "year":
        taken = {t.year or end_year for t in indicator.targets if t.kind is target.kind}
        year = (target.year or end_year) + 1
        if year > end_year or year in taken:
            return None
        return attrs.evolve(target, year=year)
    value = indicator.target_value(target)
    if isinstance(value, bool):
        return attrs.evolve(target, value=not value, unit=None)
    if indicator.is_toward:  # a wider band is a weaker one: move its lower edge down
        if target.comparator not in (Comparator.BETWEEN, Comparator.GE):
            return None
        worse = value - max(1.0, abs(value) * 0.1)
        if indicator.limits is not None and not indicator.limits.contains(worse):
            return None
        upper = None if target.upper is None else indicator.target_band(target)[1]
        return attrs.evolve(target, value=worse, upper=upper, unit=None)
    worse = value - indicator.direction.sign * max(1.0, abs(value) * 0.1)
    if indicator.limits is not None and not indicator.limits.contains(worse):
        return None
    return attrs.evolve(target, value=worse, unit=None)


@given(plans(), st.data())
def test_making_a_local_target_strictly_weaker_always_gives_a_finding(parent, data):
    local = implementing_itself(parent)
    places = [(g, i, t) for g, goal in enumerate(local.goals)
              for i, one in enumerate(goal.indicators) for t, target in enumerate(one.targets)
              if target.kind is TargetKind.REACH or target.kind is TargetKind.YES_NO]
    assume(places)
    g, i, t = data.draw(st.sampled_from(places))
    one = local.goals[g].indicators[i]
    how = data.draw(st.sampled_from(("value", "year", "comparator")))
    weaker = _weaken(one.targets[t], one, how, local.end_year)
    assume(weaker is not None)
    targets = list(one.targets)
    targets[t] = weaker
    goals = list(local.goals)
    indicators = list(goals[g].indicators)
    indicators[i] = attrs.evolve(one, targets=targets)
    goals[g] = attrs.evolve(goals[g], indicators=indicators)
    findings = check_traceability(attrs.evolve(local, goals=goals), parent)
    assert any(f.path == f"goals[{g}].indicators[{i}].targets[{t}]" for f in findings)


def test_indicators_that_implement_nothing_are_not_compared():
    findings = check(indicator("own", ge(10)), indicator("a", ge(75), implements="1.1"))
    assert {None} == {f.indicator for f in findings}
    assert {"3.2", "srb"} == {f.parent_indicator for f in findings}
