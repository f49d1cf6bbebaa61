"""Checks of measurements against their plan: a rate agrees with its numerator/denominator."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from gender_plan import Measurement, Period, load_plan
from gender_plan.validation import check_measurements

PLAN = load_plan(Path(__file__).resolve().parents[1] / "examples" / "laikhe_2026_2030.yaml")
SHARE = "1.1"
"""A percent indicator of the Lai Khê plan (share of women among leaders)."""

COUNTS = st.tuples(st.integers(1, 10_000), st.integers(1, 10_000)).map(sorted)


def _problems(value: float, numerator: float, denominator: float) -> list[str]:
    row = Measurement(indicator=SHARE, period=Period(year=2025), value=value,
                      numerator=numerator, denominator=denominator)
    return [p.message for p in check_measurements(PLAN, [row])]


@given(counts=COUNTS, decimals=st.integers(0, 3))
def test_a_rate_rounded_from_its_numerator_and_denominator_is_accepted(
    counts: list[int], decimals: int
) -> None:
    numerator, denominator = counts
    assert [] == _problems(round(100 * numerator / denominator, decimals), numerator, denominator)


@given(counts=COUNTS, off=st.floats(3, 50))
def test_a_rate_that_contradicts_its_numerator_and_denominator_is_refused(
    counts: list[int], off: float
) -> None:
    numerator, denominator = counts
    expected = 100 * numerator / denominator
    value = expected + off if expected + off <= 100 else expected - off
    problems = _problems(round(value, 1), numerator, denominator)
    assert 1 == len(problems)
    assert "does not match its numerator and denominator" in problems[0]


def test_90_percent_with_5_out_of_10_is_refused() -> None:
    assert ["the value 90 percent does not match its numerator and denominator: 5 / 10 is 50 "
            "percent"] == _problems(90, 5, 10)


def test_a_count_with_a_numerator_is_not_a_rate() -> None:
    code = next(i.code for _, i in PLAN.indicators() if i.unit == "items")
    row = Measurement(indicator=code, period=Period(year=2025), value=7, numerator=1,
                      denominator=2)
    assert () == check_measurements(PLAN, [row])


@given(counts=COUNTS)
def test_every_ratio_unit_is_checked_in_its_own_scale(counts: list[int]) -> None:
    numerator, denominator = counts
    code = next(i.code for _, i in PLAN.indicators() if i.unit == "boys / 100 girls")
    right = Measurement(indicator=code, period=Period(year=2025), numerator=numerator,
                        denominator=denominator, value=round(100 * numerator / denominator, 2))
    wrong = Measurement(indicator=code, period=Period(year=2024), numerator=numerator,
                        denominator=denominator, value=right.value + 20)
    assert ["measurements[1].value"] == [p.path for p in check_measurements(PLAN, [right, wrong])
                                         if "numerator" in p.message]
