"""Share-of-places indicators: their condition is checked, and errors say where and how to fix."""

from __future__ import annotations

from pathlib import Path

import pytest

from gender_plan import (
    Comparator,
    Indicator,
    LocalizedText,
    ShareOfPlaces,
    Target,
    ValidationError,
    loads_plan,
)

NAME = LocalizedText(vi="Tỷ lệ phường đăng ít nhất 4 tin mỗi quý",
                     en="Share of wards publishing at least 4 news items a quarter")
WRITTEN = (Path(__file__).resolve().parents[1] / "io" / "data" / "hand_written.yaml").read_text(
    encoding="utf-8")


def _plan_text(share: str, unit: str = "percent") -> str:
    """The hand-written plan with a second indicator, a share of places, under goal 1."""
    return WRITTEN.replace("units:\n", f"""      - code: '1.2'
        name: Tỷ lệ phường
        unit: {unit}
        share_of_places: {share}
        targets:
          - {{comparator: '>=', value: 100, year: 2030}}
units:
""")


def _problems(text: str) -> dict[str, str]:
    with pytest.raises(ValidationError) as caught:
        loads_plan(text, format="yaml")
    return {p.path: f"{p.message} ({p.hint})" for p in caught.value.problems}


def test_a_plan_file_states_a_share_of_places_with_its_condition():
    plan = loads_plan(_plan_text("{comparator: '≥', value: 4, unit: items / quarter, "
                                 "indicator: '6.3', level: ward}"), format="yaml")
    share = plan.indicator("1.2").share_of_places
    assert ShareOfPlaces(comparator=Comparator.GE, value=4, unit="items / quarter",
                         indicator="6.3", level="ward") == share
    assert "≥ 4 items / quarter" == share.describe()


def test_a_band_as_condition_is_refused_with_its_path_and_the_comparators_to_use():
    problems = _problems(_plan_text("{comparator: between, value: 4}"))
    assert ["goals[0].indicators[1].share_of_places.comparator"] == list(problems)
    assert ("a condition on the places below compares with one value, found 'between' "
            "(write '>=', '>', '<=', '<', '=', or '~' with a tolerance)") == problems[
        "goals[0].indicators[1].share_of_places.comparator"]


def test_a_missing_value_an_unknown_unit_and_a_missing_tolerance_are_each_reported():
    assert "required key 'value' is missing" in _problems(_plan_text("{comparator: '>='}"))[
        "goals[0].indicators[1].share_of_places.value"]
    unknown = _problems(_plan_text("{comparator: '>=', value: 4, unit: tins}"))
    assert "unknown or malformed unit 'tins'" in unknown[
        "goals[0].indicators[1].share_of_places.unit"]
    about = _problems(_plan_text("{comparator: '~', value: 4}"))
    assert "an 'about' (~) condition needs a tolerance" in about[
        "goals[0].indicators[1].share_of_places.tolerance"]


def test_a_share_of_places_is_in_percent():
    problems = _problems(_plan_text("{comparator: '>=', value: 4}", unit="items"))
    assert ("a share-of-places indicator is in percent, found 'items' (write unit: percent "
            "(the condition's own unit goes in share_of_places.unit))") == problems[
        "goals[0].indicators[1].unit"]


def test_a_share_does_not_look_at_itself():
    problems = _problems(_plan_text("{comparator: '>=', value: 4, indicator: '1.2'}"))
    assert "not at itself ('1.2')" in problems["goals[0].indicators[1].share_of_places.indicator"]


def test_a_yes_no_condition_is_true_or_false_compared_with_equals_without_a_unit():
    assert ShareOfPlaces(comparator=Comparator.EQ, value=True).is_yes_no
    assert "= true" == ShareOfPlaces(comparator=Comparator.EQ, value=True).describe()
    with pytest.raises(ValidationError) as caught:
        ShareOfPlaces(comparator=Comparator.GE, value=True, unit="percent")
    assert {"comparator", "unit"} == {p.path for p in caught.value.problems}


def test_an_about_condition_has_a_tolerance_and_no_other_does():
    assert "≈ 4 ± 1" == ShareOfPlaces(comparator=Comparator.ABOUT, value=4,
                                      tolerance=1).describe()
    with pytest.raises(ValidationError, match="only an 'about'"):
        ShareOfPlaces(comparator=Comparator.GE, value=4, tolerance=1)
    with pytest.raises(ValidationError, match="0 or more"):
        ShareOfPlaces(comparator=Comparator.ABOUT, value=4, tolerance=-1)


def test_codes_are_checked():
    with pytest.raises(ValidationError) as caught:
        ShareOfPlaces(comparator=Comparator.GE, value=4, indicator=" 6.3", level="")
    assert {"indicator", "level"} == {p.path for p in caught.value.problems}


def test_an_indicator_can_be_a_share_in_code_too():
    indicator = Indicator(code="6.4", name=NAME, unit="percent",
                          share_of_places=ShareOfPlaces(comparator=Comparator.GE, value=4),
                          targets=[Target(comparator=Comparator.GE, value=100, year=2030)])
    assert indicator.share_of_places is not None
    with pytest.raises(ValidationError, match="expected a share of places"):
        Indicator(code="6.4", name=NAME, unit="percent", share_of_places=4)  # type: ignore[arg-type]
