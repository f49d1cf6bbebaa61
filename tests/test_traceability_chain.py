"""Traceability along the whole chain: commune, province, nation."""

from __future__ import annotations

import attrs
import pytest

from gender_plan import (
    Comparator,
    DocumentKind,
    DocumentReference,
    Field,
    Goal,
    Indicator,
    LocalizedText,
    PartialDate,
    Plan,
    Target,
    ValidationError,
)
from gender_plan.traceability import FindingKind, check_chain, resolve_chain

TEXT = LocalizedText(vi="x", en="x")


def indicator(code: str, *targets: Target, implements: str | None = None) -> Indicator:
    return Indicator(code=code, name=TEXT, unit="percent", targets=targets,
                     implements=implements)


def plan(*indicators: Indicator, code: str, start: int = 2021) -> Plan:
    return Plan(code=code, title=TEXT, issuer=TEXT, place=TEXT, start_year=start, end_year=2030,
                date=PartialDate(year=start),
                goals=[Goal(code="1", field=Field.OTHER, title=TEXT, indicators=indicators)])


def ge(value: float, year: int = 2030) -> Target:
    return Target(comparator=Comparator.GE, value=value, year=year)


def basis(code: str, number: str | None = None) -> DocumentReference:
    return DocumentReference(code=code, kind=DocumentKind.PLAN, number=number, issuer=TEXT,
                             date=PartialDate(year=2021))


NATION = attrs.evolve(plan(indicator("N1", ge(75)), indicator("N2", ge(50)), code="nation"),
                      number="28/NQ-CP")
PROVINCE = attrs.evolve(
    plan(indicator("P1", ge(80), implements="N1"), indicator("P2", ge(50)), code="province",
         start=2026),
    legal_bases=[basis("nq-28", "28/NQ-CP")], parent="nq-28")
COMMUNE = attrs.evolve(
    plan(indicator("C1", ge(70), implements="P1"), indicator("C2", ge(50), implements="P2"),
         code="commune", start=2026),
    legal_bases=[basis("province")], parent="province")


def test_a_plan_is_checked_against_every_level_through_each_steps_links():
    findings = check_chain(COMMUNE, [PROVINCE, NATION])
    assert [
        ("province", "C1", "P1", FindingKind.WEAKER_VALUE),
        ("nation", "C1", "N1", FindingKind.WEAKER_VALUE),
        # P2 implements nothing, so C2 does not reach N2.
        ("nation", None, "N2", FindingKind.MISSING_INDICATOR),
    ] == [(f.parent_plan, f.indicator, f.parent_indicator, f.kind) for f in findings]


def test_numbering_bridges_a_step_without_links():
    province = attrs.evolve(PROVINCE, goals=[attrs.evolve(PROVINCE.goals[0], indicators=[
        attrs.evolve(i, implements=None, number=n)
        for i, n in zip(PROVINCE.goals[0].indicators, ("N1", "N2"), strict=True)])])
    findings = check_chain(COMMUNE, [province, NATION], by_number=True, include_equal=True)
    assert [("nation", "C2", "N2", True)] == [
        (f.parent_plan, f.indicator, f.parent_indicator, f.by_number) for f in findings
        if f.parent_indicator == "N2"]
    assert not [f for f in findings if f.kind is FindingKind.MISSING_INDICATOR]


def test_a_set_of_plans_is_put_in_order_by_parent_code_and_number():
    assert (PROVINCE, NATION) == resolve_chain(COMMUNE, [NATION, PROVINCE, COMMUNE])
    assert () == resolve_chain(NATION, [PROVINCE])


def test_a_missing_link_in_the_chain_is_a_clear_error():
    with pytest.raises(ValidationError) as raised:
        resolve_chain(COMMUNE, [PROVINCE], source="folder plans/")
    assert ("plan 'province' names its parent 'nq-28' (28/NQ-CP), but none of folder plans/ "
            "has that code or number") in str(raised.value)
    with pytest.raises(ValidationError, match="no parent plan"):
        check_chain(COMMUNE, [])


def test_a_chain_that_loops_is_an_error():
    nation = attrs.evolve(NATION, legal_bases=[basis("commune")], parent="commune")
    with pytest.raises(ValidationError, match="loops back"):
        resolve_chain(COMMUNE, [COMMUNE, PROVINCE, nation])
