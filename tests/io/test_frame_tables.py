"""`MeasurementFrame.read_csv` keeps the bounds of `_limits`, as every other reader does."""

from __future__ import annotations

from pathlib import Path

import pytest

from gender_plan import MeasurementFrame
from gender_plan.errors import FileFormatError, ValidationError
from gender_plan.io import _frame_tables
from gender_plan.io._limits import MAX_COLUMNS, MAX_FRAME_BYTES

UNITS = {"s": "percent"}
ENGINES = ("csv", "pandas", "auto")


@pytest.mark.parametrize("engine", ENGINES)
def test_a_file_over_the_size_bound_is_refused_before_it_is_read(
    tmp_path: Path, engine: str
) -> None:
    path = tmp_path / "nation.csv"
    with path.open("wb") as stream:
        stream.write(b"place,indicator,period,value\n")
        stream.truncate(MAX_FRAME_BYTES + 1)  # sparse: no disk, and nothing is read
    with pytest.raises(FileFormatError) as caught:
        MeasurementFrame.read_csv(path, UNITS, engine=engine)  # type: ignore[arg-type]
    (problem,) = caught.value.problems
    assert (str(path), "the file is 268,435,457 bytes, more than the 268,435,456 accepted") == (
        problem.file, problem.message)
    assert "is it the right file?" in str(problem.hint)


@pytest.mark.parametrize("engine", ENGINES)
def test_a_table_over_the_row_bound_is_refused(
    tmp_path: Path, engine: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(_frame_tables, "MAX_FRAME_ROWS", 3)
    path = tmp_path / "m.csv"
    rows = "".join(f"a,s,{2020 + k},{k}\n" for k in range(4))
    path.write_text("place,indicator,period,value\n" + rows, encoding="utf-8")
    with pytest.raises(FileFormatError, match="the table has more than 3 rows"):
        MeasurementFrame.read_csv(path, UNITS, engine=engine)  # type: ignore[arg-type]
    path.write_text("place,indicator,period,value\n" + rows[: rows.rindex("a,")],
                    encoding="utf-8")
    assert 3 == len(MeasurementFrame.read_csv(path, UNITS, engine=engine))  # type: ignore[arg-type]


@pytest.mark.parametrize("engine", ENGINES)
def test_a_header_over_the_column_bound_is_refused(tmp_path: Path, engine: str) -> None:
    path = tmp_path / "wide.csv"
    extra = ",".join(f"c{k}" for k in range(MAX_COLUMNS))
    path.write_text(f"place,indicator,period,value,{extra}\n", encoding="utf-8")
    with pytest.raises(FileFormatError, match="the header has 1,004 columns, more than the "
                       "1,000 accepted"):
        MeasurementFrame.read_csv(path, UNITS, engine=engine)  # type: ignore[arg-type]


@pytest.mark.parametrize("engine", ENGINES)
def test_a_file_not_in_its_encoding_is_refused_with_the_byte(tmp_path: Path, engine: str) -> None:
    path = tmp_path / "latin1.csv"
    path.write_bytes("place,indicator,period,value\nLai Khê,s,2025,1\n".encode("latin-1"))
    with pytest.raises(FileFormatError) as caught:
        MeasurementFrame.read_csv(path, UNITS, engine=engine)  # type: ignore[arg-type]
    (problem,) = caught.value.problems
    assert (2, "the file is not utf-8 text: byte 0xEA cannot be read") == (
        problem.line, problem.message)
    assert 1 == len(MeasurementFrame.read_csv(path, UNITS, encoding="latin-1",
                                              engine=engine))  # type: ignore[arg-type]


def test_a_malformed_csv_file_is_refused_with_its_line(tmp_path: Path) -> None:
    path = tmp_path / "long.csv"
    path.write_text(f"place,indicator,period,value\na,s,2025,1\na,s,2026,{'9' * 200_000}\n",
                    encoding="utf-8")
    with pytest.raises(FileFormatError) as caught:
        MeasurementFrame.read_csv(path, UNITS, engine="csv")
    (problem,) = caught.value.problems
    assert (3, "not valid CSV: field larger than field limit (131072)") == (
        problem.line, problem.message)


def test_problems_of_the_rows_are_still_listed_by_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.csv"
    path.write_text("place,indicator,period,value,sex\na,s,20x1,1,\na,s,2021,abc,other\n",
                    encoding="utf-8")
    with pytest.raises(ValidationError) as caught:
        MeasurementFrame.read_csv(path, UNITS, engine="csv")
    assert [(2, "period"), (3, "value"), (3, "sex")] == [
        (p.line, p.path) for p in caught.value.problems]
    assert ("expected 'female', 'male' or nothing, found 'other'"
            == caught.value.problems[2].message)
