"""Traceability, by property: copies, tightening, loosening, and the order of things."""

from __future__ import annotations

import attrs
from hypothesis import assume, given
from hypothesis import strategies as st

from gender_plan import Field, Goal, Indicator, LocalizedText, PartialDate, Plan, ValidationError
from gender_plan.model import Target
from gender_plan.testing import copy_of, indicators, parent_plans
from gender_plan.traceability import Finding, check_traceability

TEXT = LocalizedText(vi="x", en="x")


def _plan(found: list[Indicator], code: str = "parent") -> Plan:
    return Plan(code=code, title=TEXT, issuer=TEXT, place=TEXT, start_year=2021,
                end_year=2030, date=PartialDate(year=2021),
                goals=[Goal(code="1", field=Field.OTHER, title=TEXT, indicators=found)])


def weaker(findings: tuple[Finding, ...]) -> list[Finding]:
    return [f for f in findings if f.kind.is_weaker or f.kind.is_missing]


def _moved(child: Plan, data: st.DataObject, *, better: bool) -> Plan:
    """`child` with one numeric target's value moved in its better (or worse) direction."""
    places = [(i, t) for i, (_, indicator) in enumerate(child.indicators())
              for t, target in enumerate(indicator.targets) if not indicator.is_yes_no]
    assume(places)
    i, t = data.draw(st.sampled_from(places))
    found = [indicator for _, indicator in child.indicators()]
    indicator = found[i]
    target: Target = indicator.targets[t]
    assert not isinstance(target.value, bool)
    step = data.draw(st.floats(0.01, 5)) * max(abs(target.value), 1.0) / 10
    sign = indicator.direction.sign if better else -indicator.direction.sign
    targets = list(indicator.targets)
    targets[t] = attrs.evolve(target, value=target.value + sign * step)
    try:
        found[i] = attrs.evolve(indicator, targets=targets)
    except ValidationError:  # moved outside the indicator's limits (above 100%, below 0)
        assume(False)
    return _plan(found, code="child")


@given(parent_plans())
def test_a_child_that_copies_its_parent_has_no_weaker_or_missing_finding(parent: Plan):
    assert [] == weaker(check_traceability(copy_of(parent), parent))


@given(parent_plans(), st.data())
def test_tightening_one_child_value_never_adds_a_weaker_finding(parent: Plan,
                                                               data: st.DataObject):
    child = _moved(copy_of(parent), data, better=True)
    assert [] == weaker(check_traceability(child, parent))


@given(parent_plans(), st.data())
def test_loosening_one_child_value_adds_exactly_one_weaker_finding(parent: Plan,
                                                                  data: st.DataObject):
    child = _moved(copy_of(parent), data, better=False)
    assert 1 == len(weaker(check_traceability(child, parent)))


def _content(findings: tuple[Finding, ...]) -> list[tuple[object, ...]]:
    """The findings without their positions (paths and indexes change with the order)."""
    return sorted(
        (f.kind.value, f.indicator or "", f.parent_indicator, f.year or 0, f.parent_year or 0,
         repr(f.value), repr(f.parent_value), f.by_number, f.text("en"))
        for f in findings)


@given(parent_plans(), st.data())
def test_results_do_not_depend_on_the_order_of_targets_or_indicators(parent: Plan,
                                                                    data: st.DataObject):
    codes = [i.code for _, i in parent.indicators()]
    child_indicators = [
        attrs.evolve(data.draw(indicators(code=f"c{n}")),
                     implements=data.draw(st.sampled_from(codes)), number=None)
        for n in range(data.draw(st.integers(1, 4)))
    ]
    child = _plan(child_indicators, code="child")

    def shuffled(plan: Plan) -> Plan:
        found = [attrs.evolve(i, targets=data.draw(st.permutations(i.targets)))
                 for _, i in plan.indicators()]
        return _plan(data.draw(st.permutations(found)), code=plan.code)

    before = check_traceability(child, parent, include_equal=True)
    after = check_traceability(shuffled(child), shuffled(parent), include_equal=True)
    assert _content(before) == _content(after)
