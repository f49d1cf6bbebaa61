import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gender_plan import Frequency, PartialDate, Period, ValidationError
from gender_plan.testing import partial_dates, periods


@pytest.mark.parametrize(
    ("text", "frequency", "start", "end", "time"),
    [
        ("2025", Frequency.YEAR, datetime.date(2025, 1, 1), datetime.date(2025, 12, 31), 2025.0),
        ("2025-Q3", Frequency.QUARTER, datetime.date(2025, 7, 1), datetime.date(2025, 9, 30), 2025.5),
        ("2024-02", Frequency.MONTH, datetime.date(2024, 2, 1), datetime.date(2024, 2, 29), 2024 + 1 / 12),
        ("2025-07-14", Frequency.DAY, datetime.date(2025, 7, 14), datetime.date(2025, 7, 14), 2025 + 194 / 365),
    ],
)
def test_periods_parse_and_span(text, frequency, start, end, time):
    period = Period.parse(text)
    assert frequency is period.frequency
    assert start == period.start
    assert end == period.end
    assert time == pytest.approx(period.time)
    assert text == str(period)


@pytest.mark.parametrize("text", ["25", "2025-Q5", "2025-13", "2025-02-30", "2025/07", 2025, "Q1-2025"])
def test_bad_periods_are_refused(text):
    with pytest.raises(ValidationError) as caught:
        Period.parse(text)
    assert "period" in str(caught.value) or "day" in str(caught.value)


def test_a_period_is_a_quarter_or_a_month_not_both():
    with pytest.raises(ValidationError) as caught:
        Period(year=2025, quarter=1, month=2)
    assert "quarter or a month" in str(caught.value)


def test_a_day_needs_a_month():
    with pytest.raises(ValidationError, match="a day needs a month"):
        Period(year=2025, day=3)


def test_period_from_date():
    assert Period(year=2026, month=11, day=25) == Period.from_date(datetime.date(2026, 11, 25))


@given(periods())
def test_periods_round_trip_through_text(period):
    assert period == Period.parse(str(period))
    assert period.start <= period.end


@given(periods(min_year=2000, max_year=2030), st.integers(-50, 50))
def test_time_shifts_with_the_year(period, shift):
    # Leap days move a single day's fraction; the methods use years, quarters and months.
    if period.frequency is Frequency.DAY:
        return
    shifted = Period.parse(str(period).replace(str(period.year), str(period.year + shift), 1))
    assert period.time + shift == pytest.approx(shifted.time)


def test_partial_dates_of_a_draft():
    draft = PartialDate.parse("2026-05")
    assert not draft.is_complete
    assert draft.to_date() is None
    assert "2026-05" == str(draft)
    assert "2026" == str(PartialDate(year=2026))
    full = PartialDate.from_date(datetime.date(2026, 5, 7))
    assert full.is_complete
    assert datetime.date(2026, 5, 7) == full.to_date()


@pytest.mark.parametrize(
    ("kwargs", "fragment"),
    [
        ({"year": 2026, "month": 13}, "month from 1 to 12"),
        ({"year": 2026, "day": 1}, "a day needs a month"),
        ({"year": 2026, "month": 2, "day": 30}, "has no day 30"),
        ({"year": 1200}, "year between"),
    ],
)
def test_bad_partial_dates(kwargs, fragment):
    with pytest.raises(ValidationError, match=fragment):
        PartialDate(**kwargs)


def test_partial_date_parse_refuses_garbage():
    with pytest.raises(ValidationError, match="expected a date"):
        PartialDate.parse("May 2026")


@given(partial_dates())
def test_partial_dates_round_trip_through_text(date):
    assert date == PartialDate.parse(str(date))
