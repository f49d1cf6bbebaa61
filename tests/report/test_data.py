"""The assessment as JSON-ready data and CSV rows."""

from __future__ import annotations

import json

from hypothesis import given
from hypothesis import strategies as st

from gender_plan import Plan, PlanAssessment
from gender_plan.report.data import (
    ASSESSMENT_FORMAT,
    CSV_COLUMNS,
    assessment_data,
    assessment_rows,
    neutralise_cell,
)


def test_document_names_its_format_and_version(laikhe: Plan, assessment: PlanAssessment) -> None:
    data = assessment_data(laikhe, assessment)
    assert ASSESSMENT_FORMAT == data["format"]
    assert 1 == data["schema_version"]
    assert ["format", "schema_version", "plan", "as_of", "method", "summary", "goals", "targets",
            "indicators"] == list(data)
    assert "2027-12-31" == data["as_of"]


def test_document_holds_every_indicator_in_plan_order(
    laikhe: Plan, assessment: PlanAssessment
) -> None:
    data = json.loads(json.dumps(assessment_data(laikhe, assessment)))
    assert [i.code for _, i in laikhe.indicators()] == [i["code"] for i in data["indicators"]]
    first = data["indicators"][0]
    found = assessment["1.1"]
    assert found.status.value == first["status"]
    assert found.ratio == first["ratio"]
    assert {"value": 35.5, "period": "2027", "series": None, "source": "records",
            "stated": False} == first["latest"]
    assert ">=" == first["target"]["comparator"]
    assert 2030 == first["target"]["year"]
    assert [r.code.value for r in found.reasons] == [r["code"] for r in first["reasons"]]
    assert assessment.summary.total == data["summary"]["total"]


def test_rows_have_the_documented_columns(laikhe: Plan, assessment: PlanAssessment) -> None:
    rows = assessment_rows(laikhe, assessment, language="en")
    assert len(list(laikhe.indicators())) == len(rows)
    assert all(list(CSV_COLUMNS) == list(row) for row in rows)
    assert assessment["1.1"].status.text("en") == rows[0]["status_text"]


@given(st.sampled_from(["=", "+", "-", "@", "\t", "\r"]), st.text())
def test_formula_cells_are_neutralised(first: str, rest: str) -> None:
    assert "'" + first + rest == neutralise_cell(first + rest)


@given(st.text().filter(lambda s: not s.startswith(("=", "+", "-", "@", "\t", "\r"))))
def test_other_text_is_kept(text: str) -> None:
    assert text == neutralise_cell(text)


@given(st.floats(allow_nan=False) | st.integers() | st.none() | st.booleans())
def test_numbers_pass_through(value: object) -> None:
    assert value == neutralise_cell(value)
