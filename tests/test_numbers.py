"""Numbers and quantities follow the report's language."""

from __future__ import annotations

import babel.numbers
import pytest
from hypothesis import given
from hypothesis import strategies as st

from gender_plan.numbers import format_number, format_quantity, unit_label


@pytest.mark.parametrize(
    ("value", "language", "expected"),
    [
        (60.5, "vi", "60,5"),
        (60.5, "en", "60.5"),
        (1234567.25, "vi", "1.234.567,25"),
        (1234567.25, "en", "1,234,567.25"),
        (100000, "vi", "100.000"),
        (60.0, "vi", "60"),
        (-3.5, "vi", "-3,5"),
        (-0.001, "en", "0"),
        (0.004, "en", "0"),
        (0.005, "en", "0.01"),
    ],
)
def test_format_number_examples(value: float, language: str, expected: str) -> None:
    assert expected == format_number(value, language)  # type: ignore[arg-type]


@given(
    st.floats(min_value=-1e9, max_value=1e9, allow_nan=False),
    st.sampled_from(["vi", "en"]),
)
def test_format_number_agrees_with_cldr(value: float, language: str) -> None:
    """Babel reads CLDR: the symbols and grouping written here must be the same."""
    rounded = round(value, 2) + 0.0  # + 0.0 turns -0.0 into 0.0, which Babel writes "-0"
    expected = babel.numbers.format_decimal(rounded, format="#,##0.##", locale=language)
    actual = format_number(rounded, language)  # type: ignore[arg-type]
    assert expected.replace("\u2212", "-") == actual


@given(st.floats(min_value=0, max_value=1e7, allow_nan=False), st.sampled_from(["vi", "en"]))
def test_format_number_reads_back(value: float, language: str) -> None:
    """Removing the group separator and reading the decimal one gives the rounded value."""
    text = format_number(value, language)  # type: ignore[arg-type]
    decimal, group = (",", ".") if language == "vi" else (".", ",")
    assert round(value, 2) == pytest.approx(float(text.replace(group, "").replace(decimal, ".")))


def test_non_finite_numbers_are_written_as_python_does() -> None:
    assert "inf" == format_number(float("inf"), "vi")


@pytest.mark.parametrize(
    ("value", "unit", "language", "expected"),
    [
        (60.5, "percent", "vi", "60,5%"),
        (60.5, "percent", "en", "60.5%"),
        (109.7, "boys / 100 girls", "vi", "109,7 bé trai/100 bé gái"),
        (42, "deaths / 100000 live_births", "en", "42 deaths per 100,000 live births"),
        (4, "items / quarter", "vi", "4/quý"),
        (1.4, "times", "en", "1.4 times"),
        (3, "items", "en", "3 items"),
        (1, "items", "en", "1 item"),
        (1, "items", "vi", "1 mục"),
        (2.5, "women", "en", "2.5 women"),
        (True, "yes_no", "vi", "Có"),
        (False, "yes_no", "en", "No"),
        (True, "yes_no", "en", "Yes"),
        (False, "yes_no", "vi", "Không"),
    ],
)
def test_format_quantity(value: float, unit: str, language: str, expected: str) -> None:
    assert expected == format_quantity(value, unit, language)  # type: ignore[arg-type]


def test_unknown_unit_label_is_the_unit_itself() -> None:
    assert "widgets / day" == unit_label("widgets / day", "en")
    assert "%" == unit_label("percent", "en")
