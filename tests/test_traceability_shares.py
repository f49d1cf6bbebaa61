"""A ward's indicator counted by the city's share of places is compared with its condition."""

from __future__ import annotations

import attrs

from gender_plan import (
    Comparator,
    Field,
    Frequency,
    Goal,
    Indicator,
    LocalizedText,
    PartialDate,
    Plan,
    ShareOfPlaces,
    Target,
    TargetKind,
    check_traceability,
)
from gender_plan.traceability import FindingKind

TEXT = LocalizedText(vi="tin", en="news")


def _plan(code: str, *indicators: Indicator) -> Plan:
    return Plan(code=code, title=TEXT, issuer=TEXT, place=TEXT, start_year=2026, end_year=2030,
                date=PartialDate(year=2026),
                goals=[Goal(code="6", field=Field.INFORMATION_COMMUNICATION, title=TEXT,
                            indicators=list(indicators))])


def _city(**condition: object) -> Plan:
    share = ShareOfPlaces(**{"comparator": Comparator.GE, "value": 4,
                             "unit": "items / quarter", **condition})
    return _plan("kh-tp", Indicator(code="6.4", name=TEXT, unit="percent", share_of_places=share,
                                    targets=[Target(comparator=Comparator.GE, value=100)]))


def _ward(value: float = 4, implements: str | None = "6.4", unit: str = "items / quarter",
          ) -> Plan:
    every = Target(comparator=Comparator.GE, value=value, kind=TargetKind.COUNT_PER_PERIOD,
                   frequency=Frequency.QUARTER, start_year=2026)
    return _plan("kh-phuong", Indicator(code="6.3", name=TEXT, unit=unit, implements=implements,
                                        targets=[every]))


def test_a_ward_carrying_the_condition_is_not_a_unit_mismatch_but_equal():
    assert () == check_traceability(_ward(), _city())
    (finding,) = check_traceability(_ward(), _city(), include_equal=True)
    assert FindingKind.EQUAL == finding.kind
    assert "goals[0].indicators[0].share_of_places" == finding.parent_path


def test_a_ward_aiming_below_what_the_city_counts_is_less_ambitious():
    (finding,) = check_traceability(_ward(value=3), _city())
    assert FindingKind.WEAKER_VALUE == finding.kind
    assert "goals[0].indicators[0].targets[0]" == finding.path
    assert ("Indicator 6.3: ≥ 3 per quarter every period from 2026 is less ambitious than the "
            "parent's ≥ 4 per quarter every period from 2026.") == finding.message.en


def test_a_condition_in_another_unit_is_compared_in_it():
    # 12 items a year is 3 a quarter: a ward at 4 a quarter asks more.
    (finding,) = check_traceability(_ward(), _city(value=12, unit="items / year"))
    assert FindingKind.MORE_AMBITIOUS == finding.kind


def test_a_fact_counted_by_a_numeric_condition_is_a_unit_mismatch():
    fact = _plan("kh-phuong", Indicator(code="6.3", name=TEXT, unit="yes_no", implements="6.4"))
    (finding,) = check_traceability(fact, _city())
    assert FindingKind.UNIT_MISMATCH == finding.kind
    assert "goals[0].indicators[0].unit" == finding.path


def test_a_named_indicator_carries_the_share_without_a_link():
    assert () == check_traceability(_ward(implements=None), _city(indicator="6.3"))
    (finding,) = check_traceability(_ward(value=2, implements=None), _city(indicator="6.3"))
    assert FindingKind.WEAKER_VALUE == finding.kind
    (missing,) = check_traceability(_ward(implements=None), _city())
    assert FindingKind.MISSING_INDICATOR == missing.kind


def test_a_share_carrying_a_share_compares_their_percentages():
    city = _city()
    share = city.goals[0].indicators[0]
    lower = attrs.evolve(share, implements="6.4",
                         targets=[Target(comparator=Comparator.GE, value=90)])
    (finding,) = check_traceability(_plan("kh-quan", lower), city)
    assert FindingKind.WEAKER_VALUE == finding.kind
    assert "goals[0].indicators[0].targets[0]" == finding.parent_path
