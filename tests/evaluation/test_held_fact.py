"""A yes/no fact to hold from a year on: every year due must have it, and a year without data
is not a year met."""

from __future__ import annotations

import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gender_plan import (
    Comparator,
    Indicator,
    LocalizedText,
    Measurement,
    Period,
    Status,
    Target,
    TargetKind,
    assess_indicator,
)
from gender_plan.errors import ValidationError
from gender_plan.evaluation.reasons import ReasonCode

NAME = LocalizedText(vi="Nội dung giới trong chương trình", en="Gender content in curricula")
CURRICULA = Indicator(
    code="5.3", name=NAME, unit="yes_no",
    targets=[Target(comparator=Comparator.EQ, value=True, kind=TargetKind.HOLD,
                    start_year=2025, year=2030)],
)


def facts(*pairs: tuple[int, bool]) -> list[Measurement]:
    return [Measurement(indicator="5.3", period=Period(year=y), value=v) for y, v in pairs]


def assess(rows: list[Measurement], as_of: int | datetime.date):
    return assess_indicator(CURRICULA, rows, as_of=as_of, start_year=2026, end_year=2030)


def test_every_year_true_is_achieved():
    found = assess(facts(*((y, True) for y in range(2025, 2028))), 2027)
    assert Status.ACHIEVED == found.status
    assert found.has_reason(ReasonCode.MET)


def test_a_year_false_fails_and_is_named():
    found = assess(facts((2025, True), (2026, False), (2027, True)), 2027)
    assert Status.NOT_ACHIEVED == found.status
    assert (Period(year=2026),) == found.failing_periods


def test_a_year_without_data_is_named_and_not_met_while_the_deadline_is_ahead():
    found = assess(facts((2025, True), (2027, True)), 2027)
    assert Status.INSUFFICIENT_DATA == found.status
    reason = next(r for r in found.reasons if r.code is ReasonCode.PERIODS_WITHOUT_DATA)
    assert "2026" == reason.detail
    assert "Periods without data (not counted as met): 2026." == reason.text("en")


def test_years_without_data_after_the_deadline_are_not_achieved():
    found = assess(facts(*((y, True) for y in range(2025, 2030))), 2031)
    assert Status.NOT_ACHIEVED == found.status
    reason = next(r for r in found.reasons if r.code is ReasonCode.PERIODS_WITHOUT_DATA)
    assert "2030" == reason.detail


def test_a_year_under_way_is_not_due_yet():
    found = assess(facts((2025, True), (2026, True)), datetime.date(2027, 6, 30))
    assert Status.ACHIEVED == found.status


def test_the_forms_it_refuses():
    with pytest.raises(ValidationError, match="kind 'hold' with value true"):
        Target(comparator=Comparator.EQ, value=True, kind=TargetKind.YES_NO, start_year=2025)
    with pytest.raises(ValidationError, match="compared with '='"):
        Target(comparator=Comparator.GE, value=True, kind=TargetKind.HOLD)
    with pytest.raises(ValidationError, match="year by year"):
        Target(comparator=Comparator.EQ, value=True, kind=TargetKind.HOLD,
               frequency=__import__("gender_plan").Frequency.MONTH)
    with pytest.raises(ValidationError, match="yes/no indicator takes"):
        Indicator(code="x", name=NAME, unit="percent", targets=[
            Target(comparator=Comparator.EQ, value=True, kind=TargetKind.HOLD)])


@given(st.dictionaries(st.integers(2025, 2032), st.booleans(), max_size=8),
       st.integers(2024, 2034))
def test_achieved_only_when_every_year_due_is_true(values, as_of):
    """ACHIEVED exactly when every due year has data and every value from 2025 is true;
    a false value or (after the deadline) a missing year is NOT_ACHIEVED."""
    rows = facts(*sorted(values.items()))
    found = assess(rows, as_of)
    used = {y: v for y, v in values.items() if y <= min(as_of, 2030)}
    due = range(2025, min(as_of, 2030) + 1)
    if not used:
        assert found.status in (Status.NO_DATA, Status.NOT_ACHIEVED, Status.INSUFFICIENT_DATA)
        return
    missing = [y for y in due if y not in used]
    if not all(used.values()) or (missing and as_of > 2030):
        assert Status.NOT_ACHIEVED == found.status
    elif missing:
        assert Status.INSUFFICIENT_DATA == found.status
    else:
        assert Status.ACHIEVED == found.status
