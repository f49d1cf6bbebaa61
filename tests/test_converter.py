"""The converter is strict and reports every problem with its path."""

import datetime

import pytest

from gender_plan import (
    DayOfYear,
    Goal,
    LocalizedText,
    Period,
    Plan,
    ResponsibleUnit,
    Target,
    ValidationError,
)
from gender_plan.io import structure, unstructure

PLAN = {
    "code": "x", "title": "t", "issuer": {"vi": "a", "en": "b"}, "place": "p",
    "start_year": 2026, "end_year": 2030, "date": "2026-05",
    "goals": [{"code": "1", "field": "politics", "title": "g", "indicators": [
        {"code": "1.1", "name": "n", "unit": "percent",
         "targets": [{"comparator": ">=", "value": 60}]}]}],
}


def problems(data, cls=Plan):
    with pytest.raises(ValidationError) as caught:
        structure(data, cls)
    return {p.path: p for p in caught.value.problems}


def test_a_plain_text_is_vietnamese_only():
    plan = structure(PLAN, Plan)
    assert LocalizedText(vi="t") == plan.title
    assert {"vi": "a", "en": "b"} == unstructure(plan.issuer)


def test_every_problem_is_reported_with_its_path():
    bad = {**PLAN, "title": 5, "start_year": "2026", "date": "2026-13", "extra": 1,
           "issuer": {"vi": "a", "fr": "b"}}
    bad["goals"] = [{"code": "1", "field": "politic", "title": "g", "indicators": [
        {"code": "1.1", "name": "n", "unit": "percent",
         "targets": [{"comparator": ">=", "value": "60", "yaer": 2030}]}]}]
    found = problems(bad)
    assert "expected a text or {vi: ..., en: ...}, found 5" == found["title"].message
    assert "expected a whole number, found '2026'" == found["start_year"].message
    assert "month from 1 to 12" in found["date.month"].message
    assert "did you mean 'politics'?" in found["goals[0].field"].message
    assert "did you mean 'year'?" == found["goals[0].indicators[0].targets[0].yaer"].hint
    assert "expected a number, found '60'" == found[
        "goals[0].indicators[0].targets[0].value"].message
    assert "unknown key 'extra'" == found["extra"].message
    assert "issuer.fr" in found


def test_model_rules_come_back_with_document_paths():
    bad = {**PLAN}
    bad["goals"] = [{"code": "1", "field": "health", "title": "g", "indicators": [
        {"code": "1.1", "name": "n", "unit": "deaths / 100000 live_births", "direction": "lower",
         "targets": [{"comparator": "<", "value": 42, "unit": "percent"}]}]}]
    found = problems(bad)
    assert "different things" in found["goals[0].indicators[0].targets[0].unit"].message


def test_missing_keys_and_wrong_shapes():
    found = problems({"field": "politics"}, Goal)
    assert "required key 'code' is missing" == found["code"].message
    assert "title" in found
    assert "wrong kind" in problems({"code": "1", "field": "politics", "title": "g",
                                     "indicators": 5}, Goal)["indicators"].message
    assert "" in problems([1], Goal)
    assert "'vi'" in problems({"en": "only english"}, LocalizedText)[""].message


@pytest.mark.parametrize(
    ("value", "cls", "expected"),
    [
        ("2025-Q3", Period, Period(year=2025, quarter=3)),
        (2025, Period, Period(year=2025)),
        ("11-25", DayOfYear, DayOfYear(month=11, day=25)),
        ("2021-03-03", datetime.date, datetime.date(2021, 3, 3)),
        (datetime.date(2021, 3, 3), datetime.date, datetime.date(2021, 3, 3)),
    ],
)
def test_text_forms(value, cls, expected):
    assert expected == structure(value, cls)


@pytest.mark.parametrize(
    ("value", "cls", "fragment"),
    [
        ("25/11", DayOfYear, "MM-DD"),
        ("3 March 2021", datetime.date, "YYYY-MM-DD"),
        ([2025], Period, "such as '2025'"),
        ({"comparator": ">=", "value": True}, Target, "needs a number"),
        ({"comparator": ">=", "value": float("inf")}, Target, "finite"),
        ({"comparator": ">=", "value": 1, "year": 2030.0}, Target, "whole number"),
        ({"comparator": "=", "value": 1, "kind": "yes_no"}, Target, "true or false"),
        ({"code": "u", "name": "n", "focal_point": "yes"}, ResponsibleUnit,
         "true or false"),
    ],
)
def test_nothing_is_coerced(value, cls, fragment):
    with pytest.raises(ValidationError) as caught:
        structure(value, cls)
    assert fragment in str(caught.value)


def test_dates_unstructure_to_iso_text():
    assert "2021-03-03" == unstructure(datetime.date(2021, 3, 3))
    assert "11-25" == unstructure(DayOfYear(month=11, day=25))


def test_a_list_of_texts_with_bad_items_names_each_by_its_index():
    with pytest.raises(ValidationError) as raised:
        structure(["ok", 5, {"vi": "x", "zz": 1}, None], tuple[LocalizedText, ...])
    assert [
        ("[1]", "expected a text or {vi: ..., en: ...}, found 5", None),
        ("[2].zz", "unknown key 'zz'", "known keys: vi, en"),
        ("[3]", "expected a text or {vi: ..., en: ...}, found None", None),
    ] == [(p.path, str(p.message), p.hint) for p in raised.value.problems]


def test_tuples_and_options_structure_from_lists_tuples_and_nothing():
    text = LocalizedText(vi="a")
    assert (text,) == structure(("a",), tuple[LocalizedText, ...])
    assert (text, None) == structure(["a", None], tuple[LocalizedText | None, ...])
    assert () == structure([], tuple[LocalizedText, ...])
    assert structure(None, LocalizedText | None) is None
    assert text == structure({"vi": "a"}, LocalizedText | None)
