"""pandas DataFrames in and out."""

from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given

from gender_plan import (
    FileFormatError,
    LocalizedText,
    Measurement,
    MissingDependencyError,
    Period,
    ValidationError,
    assess_plan,
    loads_plan,
)
from gender_plan.io.frames import (
    ASSESSMENT_COLUMNS,
    assessments_to_frame,
    measurements_from_frame,
    measurements_to_frame,
)
from gender_plan.testing import measurements

PLAN = loads_plan((Path(__file__).resolve().parent / "data" / "hand_written.yaml").read_text(
    encoding="utf-8"), format="yaml")


@given(rows=measurements().map(lambda m: [m]))
def test_frames_round_trip(rows: list[Measurement]) -> None:
    assert tuple(rows) == measurements_from_frame(measurements_to_frame(rows))


def test_numpy_values_and_missing_markers_are_read() -> None:
    frame = pd.DataFrame({"indicator": ["1.1", "1.1"], "period": [2025, 2026],
                          "value": [40.0, 50.0], "unit": [None, float("nan")]})
    rows = measurements_from_frame(frame, plan=PLAN)
    assert [40.0, 50.0] == [r.value for r in rows]
    assert [None, None] == [r.unit for r in rows]


def test_problems_name_the_row_and_column() -> None:
    frame = pd.DataFrame({"indicator": ["1.1", "9.9"], "period": ["2025", "2026"],
                          "value": [40, 50]})
    with pytest.raises(ValidationError) as caught:
        measurements_from_frame(frame, plan=PLAN)
    (problem,) = caught.value.problems
    assert (2, "indicator") == (problem.line, problem.column)
    with pytest.raises(FileFormatError, match="expected a pandas DataFrame"):
        measurements_from_frame([])  # type: ignore[arg-type]


def test_assessments_become_one_row_per_indicator() -> None:
    data = [Measurement(indicator="1.1", period=Period(year=y), value=v)
            for y, v in ((2025, 40), (2027, 50))]
    frame = assessments_to_frame(assess_plan(PLAN, data, as_of=2027))
    assert list(ASSESSMENT_COLUMNS) == list(frame.columns)
    assert ["1.1"] == list(frame["indicator"])
    assert 50 == frame["latest"].iloc[0]


def test_reasons_name_series_by_their_labels_in_each_language() -> None:
    records = LocalizedText(vi="sổ sách của xã", en="commune records")
    data = [Measurement(indicator="1.1", period=Period(year=y), value=v, series=series,
                        series_label=records if series == "records" else None)
            for y, v, series in ((2025, 40, "records"), (2027, 50, "records"),
                                 (2026, 45, "survey"))]
    found = assess_plan(PLAN, data, as_of=2027)
    frame = assessments_to_frame(found, measurements=data)
    assert "Dùng chuỗi số liệu: sổ sách của xã." in frame["reasons_vi"].iloc[0]
    assert "Các chuỗi số liệu không dùng: survey." in frame["reasons_vi"].iloc[0]
    assert "Series used: commune records." in frame["reasons_en"].iloc[0]
    assert "Dùng chuỗi số liệu: records." in assessments_to_frame(found)["reasons_vi"].iloc[0]


def test_without_pandas_the_extra_is_named(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(MissingDependencyError, match=r"gender-plan\[pandas\]"):
        measurements_to_frame([])


def test_measurement_frames_have_real_dtypes_and_a_period_that_plots() -> None:
    rows = [Measurement(indicator="1.1", period=Period(year=2025), value=40, numerator=4,
                        denominator=10),
            Measurement(indicator="1.1", period=Period.parse("2026-Q2"), value=50)]
    frame = measurements_to_frame(rows)
    assert "float64" == str(frame["value"].dtype)
    assert "float64" == str(frame["numerator"].dtype)
    assert [4.0] == frame["numerator"].dropna().tolist()
    assert [2025.0, 2026.25] == frame["time"].tolist()  # the decimal year of the start
    assert pd.api.types.is_datetime64_any_dtype(frame["period_start"])
    assert [pd.Timestamp("2025-12-31"), pd.Timestamp("2026-06-30")] == frame[
        "period_end"].tolist()
    assert ["2025", "2026-Q2"] == frame["period"].tolist()
    assert tuple(rows) == measurements_from_frame(frame)


def test_yes_no_values_stay_true_or_false() -> None:
    rows = [Measurement(indicator="5.1", period=Period(year=2025), value=True)]
    frame = measurements_to_frame(rows)
    assert [True] == frame["value"].tolist()
    assert tuple(rows) == measurements_from_frame(frame)


def test_assessment_frames_have_float_figures_an_ordered_status_and_the_csv_columns() -> None:
    data = [Measurement(indicator="1.1", period=Period(year=y), value=v, source="census")
            for y, v in ((2025, 40), (2027, 50))]
    frame = assessments_to_frame(assess_plan(PLAN, data, as_of=2027), PLAN)
    assert list(ASSESSMENT_COLUMNS) == list(frame.columns)
    for column in ("target_value", "latest", "gap", "ratio", "latest_time"):
        assert "float64" == str(frame[column].dtype), column
    assert frame["status"].cat.ordered
    assert ["achieved", "on_track", "needs_acceleration", "limited_progress", "deteriorating",
            "not_achieved", "insufficient_data", "no_data"] == list(frame["status"].cat.categories)
    row = frame.set_index("indicator").loc["1.1"]
    goal, indicator = next((g, i) for g, i in PLAN.indicators() if i.code == "1.1")
    assert (goal.code, indicator.label, indicator.name.vi) == (row["goal"], row["number"],
                                                              row["name"])
    assert ">=" == row["comparator"]
    assert "census" == row["latest_source"]
    assert 2027.0 == row["latest_time"]
    assert pd.Timestamp("2027-12-31") == row["latest_date"]
    missing = frame[frame["status"] == "no_data"]
    assert missing["latest"].isna().all()
