import math
import re
import subprocess
import sys
from pathlib import Path

import pint
import pytest
from hypothesis import given
from hypothesis import strategies as st

from gender_plan import IncompatibleUnitsError, UnitError, units

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize(
    ("value", "unit", "other", "expected"),
    [
        (0.6, "fraction", "percent", 60.0),
        (60, "percent", "fraction", 0.6),
        (42, "deaths / 100000 live_births", "deaths / 1000 live_births", 0.42),
        (109, "boys / 100 girls", "boys / girls", 1.09),
        (18, "births / 1000 women", "births / 100 women", 1.8),
        (1, "items / month", "items / year", 12.0),
        (1, "items / quarter", "items / month", 1 / 3),
        (1.4, "times", "percent", 140.0),
        (7, "permille", "percent", 0.7),
    ],
)
def test_convert_between_compatible_units(value, unit, other, expected):
    assert expected == pytest.approx(units.convert(value, unit, other), rel=1e-12)


def test_a_denominator_with_a_number_is_one_unit():
    # 'deaths / 100000 live_births' must mean deaths per (100000 live births), not
    # (deaths / 100000) * live_births as pint alone would read it.
    assert "[death] / [live_birth]" == units.describe_dimension("deaths / 100000 live_births")


def test_maternal_mortality_and_percent_cannot_be_compared():
    with pytest.raises(IncompatibleUnitsError) as caught:
        units.convert(42, "deaths / 100000 live_births", "percent")
    message = str(caught.value)
    assert "deaths / 100000 live_births" in message
    assert "percent" in message
    assert "different things" in message
    assert isinstance(caught.value, ValueError)


def test_yes_no_converts_to_nothing_else():
    with pytest.raises(IncompatibleUnitsError):
        units.conversion_factor("yes_no", "percent")
    assert 1.0 == units.conversion_factor("yes_no", "yes_no")
    assert "yes/no" == units.describe_dimension("yes_no")
    assert units.is_compatible("yes_no", "yes_no")
    assert not units.is_compatible("yes_no", "percent")


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("furlongs", "'furlongs' is not a unit"),
        ("deaths / births / women", "more than one '/'"),
        ("100", "must name at least one unit"),
        ("", "non-empty"),
        ("deaths /", "cannot be read"),
        ("-5 percent", "positive"),
    ],
)
def test_unreadable_units_raise_unit_error(text, fragment):
    with pytest.raises(UnitError) as caught:
        units.validate_unit(text)
    assert fragment in str(caught.value)


def test_yes_no_is_valid_but_has_no_scale():
    assert "yes_no" == units.validate_unit("yes_no")
    with pytest.raises(UnitError):
        units.describe_dimension("(yes_no)")


def test_parentheses_are_read_as_written():
    assert 0.42 == pytest.approx(
        units.convert(42, "deaths / (100000 live_births)", "deaths / (1000 live_births)")
    )


def test_known_units_all_read():
    for unit in units.KNOWN_UNITS:
        assert unit == units.validate_unit(unit)


def test_the_table_of_known_units_reads_as_the_registry_does():
    """The same dimensions; the same magnitudes but for the last bits of pint's own arithmetic,
    which differ between its releases (the table's conversions are correctly rounded)."""
    known = [unit for unit in units.KNOWN_UNITS if not units.is_yes_no(unit)]
    assert sorted(known) == sorted(units._KNOWN)
    ureg = units.registry()
    for unit in known:
        scale, container, dimension = units._parse(unit)
        numerator, denominator, stated = units._KNOWN[unit]
        assert stated == dimension
        assert math.isclose(ureg.Quantity(scale, container).to_base_units().magnitude,
                            numerator / denominator, rel_tol=1e-15), unit
    for unit in known:
        for other in known:
            if units.is_compatible(unit, other) and unit != other:
                assert math.isclose(units._registry_factor(unit, other),
                                    units.conversion_factor(unit, other), rel_tol=1e-15), (
                    unit, other)


def test_a_plan_in_known_units_is_read_checked_and_assessed_without_pint():
    script = (
        "import sys; import gender_plan as gp\n"
        "plan = gp.load_plan('examples/laikhe_2026_2030.yaml')\n"
        "rows = gp.load_measurements('examples/data/laikhe-measurements.csv', plan=plan)\n"
        "gp.assess_plan(plan, rows, as_of=2026)\n"
        "assert 'pint' not in sys.modules, 'pint was imported'\n")
    found = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True,
                           text=True, check=False)
    assert found.returncode == 0, found.stderr


def test_registry_is_the_librarys_own():
    assert units.registry() is units.registry()
    assert units.registry() is not pint.get_application_registry()


@given(st.floats(0, 1e6, allow_nan=False), st.sampled_from(["percent", "fraction", "permille"]))
def test_conversion_round_trips(value, unit):
    back = units.convert(units.convert(value, unit, "percent"), "percent", unit)
    assert value == pytest.approx(back, rel=1e-12, abs=1e-12)


@pytest.mark.parametrize(("text", "fragment"), [
    ("boys per 100 girls", "write 'boys / 100 girls'"),
    ("deaths PER 1000 live_births", "write 'deaths / 1000 live_births'"),
    ("items * 10 ** 10 ** 10", "one power"),
    ("items ** 99999999999", "one power"),
    ("items ^ 1e9", "one power"),
    ("items" + " * items" * 30, "more than the 100 accepted"),
])
def test_unit_texts_that_pint_would_misread_or_spin_on_are_refused(text, fragment):
    with pytest.raises(UnitError, match=re.escape(fragment)):
        units.validate_unit(text)


@given(st.integers(-99, 99))
def test_one_small_power_is_still_read(power):
    assert "items ** 2" == units.validate_unit("items ** 2")
    units.describe_dimension(f"items ** {power}")


def test_a_unit_error_lists_the_common_units():
    with pytest.raises(UnitError) as caught:
        units.validate_unit("percnt")
    assert "KNOWN_UNITS" not in str(caught.value)
    assert ", ".join(units.KNOWN_UNITS) in str(caught.value)
