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
