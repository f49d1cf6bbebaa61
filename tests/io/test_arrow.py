"""Measurements in Parquet and Arrow IPC: the same rows, checks and lines as CSV."""

from __future__ import annotations

import sys
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from hypothesis import HealthCheck, given, settings
from pyarrow import feather

from gender_plan import ValidationError, load_measurements, save_measurements

sys.path.insert(0, str(Path(__file__).resolve().parent))

from test_measurements import PLAN, tables

from gender_plan import MeasurementFrame
from gender_plan.io.arrow import read_arrow_frame


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture], max_examples=30)
@given(rows=tables())
@pytest.mark.parametrize("suffix", [".parquet", ".arrow", ".feather"])
def test_save_then_load_gives_the_same_measurements(rows, tmp_path, suffix):
    path = tmp_path / f"m{suffix}"
    save_measurements(rows, path)
    assert tuple(rows) == load_measurements(path)


@pytest.mark.parametrize("suffix", [".parquet", ".feather"])
def test_a_bad_row_is_named_by_its_csv_line_as_in_the_csv_file(tmp_path, suffix):
    cells = {"indicator": ["1.1", "1.1", "1.1"], "period": ["2024", "2025", "2026"],
             "value": ["30", "abc", "31"]}
    table = pa.table(cells)
    path = tmp_path / f"m{suffix}"
    if suffix == ".parquet":
        pq.write_table(table, path)
    else:
        feather.write_feather(table, path)
    (tmp_path / "m.csv").write_text("indicator,period,value\n1.1,2024,30\n1.1,2025,abc\n"
                                    "1.1,2026,31\n", encoding="utf-8")
    problems = {}
    for name in (path, tmp_path / "m.csv"):
        with pytest.raises(ValidationError) as raised:
            load_measurements(name)
        problems[name.suffix] = [(p.line, p.column, p.message) for p in raised.value.problems]
    assert problems[".csv"] == problems[suffix]
    assert 3 == problems[".csv"][0][0]


def test_the_frame_reads_parquet_as_it_reads_csv(tmp_path):
    csv = tmp_path / "m.csv"
    csv.write_text("place,indicator,period,value,numerator,denominator\n"
                   "a,1.1,2024,30,3,10\nb,1.1,2025,40.5,,\n", encoding="utf-8")
    pq.write_table(pa.table({"place": ["a", "b"], "indicator": ["1.1", "1.1"],
                             "period": ["2024", "2025"], "value": [30.0, 40.5],
                             "numerator": [3.0, None], "denominator": [10.0, None]}),
                   tmp_path / "m.parquet")
    units = {i.code: i.unit for _, i in PLAN.indicators()}
    expected = MeasurementFrame.read_csv(csv, units)
    actual = read_arrow_frame(tmp_path / "m.parquet", units)
    for name in ("place", "indicator", "year", "start", "end", "value", "numerator",
                 "denominator"):
        assert getattr(expected, name).tolist() == pytest.approx(getattr(actual, name).tolist(),
                                                                 nan_ok=True), name


FRAME_UNITS = {"s": "percent", "n": "people"}


def _frame_of(path: Path) -> tuple[object, ...]:
    frame = (read_arrow_frame(path, FRAME_UNITS) if path.suffix != ".csv"
             else MeasurementFrame.read_csv(path, FRAME_UNITS, engine="csv"))
    return (frame.places, frame.indicators, frame.series_names, frame.place.tolist(),
            frame.series.tolist(), frame.start.tolist(), frame.value.tolist())


@pytest.mark.parametrize("suffix", [".parquet", ".feather"])
def test_whole_number_codes_with_gaps_read_as_the_codes_written(tmp_path, suffix):
    # A column of integers with a null was read through pandas, which makes it float:
    # commune 26734 became the place '26734.0' and series 1 the series '1.0'.
    table = pa.table({"place": pa.array([26734, None, 26734], pa.int64()),
                      "indicator": ["n", "n", "s"], "period": ["2021", "2022", "2021"],
                      "series": pa.array([1, 2, None], pa.int32()), "value": [1.0, 2.0, 3.5]})
    path = tmp_path / f"m{suffix}"
    if suffix == ".parquet":
        pq.write_table(table, path)
    else:
        feather.write_feather(table, path)
    csv = tmp_path / "m.csv"
    csv.write_text("place,indicator,period,series,value\n26734,n,2021,1,1.0\n,n,2022,2,2.0\n"
                   "26734,s,2021,,3.5\n", encoding="utf-8")
    assert _frame_of(csv) == _frame_of(path)
    assert (("26734", ""), ("1", "2", None)) == _frame_of(path)[:3:2]


def test_a_bad_row_of_a_parquet_frame_is_named_by_its_file_and_csv_line(tmp_path):
    path = tmp_path / "m.parquet"
    pq.write_table(pa.table({"place": pa.array([1, None, 3], pa.int64()),
                             "indicator": ["n", "n", "n"], "period": ["2021", "2022", "20x3"],
                             "value": [1.0, 2.0, 3.0]}), path)
    with pytest.raises(ValidationError) as raised:
        read_arrow_frame(path, FRAME_UNITS)
    assert [(str(path), 4, "period")] == [(p.file, p.line, p.path)
                                          for p in raised.value.problems]
