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


@pytest.mark.parametrize("engine", ENGINES)
def test_a_row_with_a_cell_more_than_the_header_is_not_shifted_by_a_column(
    tmp_path: Path, engine: str
) -> None:
    # pandas takes the first cell of such rows for an index, and reads the next as the place:
    # the row below would have been place 'a', indicator 's', 2021, 5 without an error.
    path = tmp_path / "m.csv"
    path.write_text("place,indicator,period,value\nX,a,s,2021,5\n", encoding="utf-8")
    with pytest.raises(ValidationError) as caught:
        MeasurementFrame.read_csv(path, UNITS, engine=engine)  # type: ignore[arg-type]
    assert [(2, "period")] == [(p.line, p.path) for p in caught.value.problems]


@pytest.mark.parametrize("engine", [*ENGINES, "pyarrow"])
def test_a_column_named_twice_is_refused_by_every_reader(tmp_path: Path, engine: str) -> None:
    # The csv reader kept the last of the two cells and pandas the first: 2 or 1, silently.
    path = tmp_path / "m.csv"
    path.write_text("place,indicator,period,value,value\na,s,2021,1,2\n", encoding="utf-8")
    with pytest.raises(ValidationError) as caught:
        MeasurementFrame.read_csv(path, UNITS, engine=engine)  # type: ignore[arg-type]
    (problem,) = caught.value.problems
    assert (str(path), 1, "the column 'value' appears twice") == (
        problem.file, problem.line, problem.message)


@pytest.mark.parametrize("engine", [*ENGINES, "pyarrow", "dataframe", "parquet"])
def test_an_unknown_column_is_refused_by_every_reader(tmp_path: Path, engine: str) -> None:
    # A misspelt 'units' was passed over: the values, in fractions, were read as percent.
    import pandas as pd  # noqa: PLC0415 - the pandas extra

    from gender_plan.io.arrow import read_arrow_frame  # noqa: PLC0415 - the arrow extra

    path = tmp_path / "m.csv"
    path.write_text("place,indicator,period,value,units,source\na,s,2021,0.5,fraction,x\n",
                    encoding="utf-8")
    pd.read_csv(path, dtype=str).to_parquet(tmp_path / "m.parquet")
    read = {"dataframe": lambda: MeasurementFrame.from_dataframe(pd.read_csv(path, dtype=str),
                                                                 UNITS),
            "parquet": lambda: read_arrow_frame(tmp_path / "m.parquet", UNITS)}.get(
        engine, lambda: MeasurementFrame.read_csv(path, UNITS, engine=engine))  # type: ignore[arg-type]
    with pytest.raises(ValidationError) as caught:
        read()
    (problem,) = caught.value.problems  # 'source' is a measurement file's: read past
    assert ("unknown column 'units'", "did you mean 'unit'?", "units") == (
        problem.message, problem.hint, problem.column)
    assert problem.line == (None if engine == "dataframe" else 1)


@pytest.mark.parametrize("engine", [*ENGINES, "pyarrow"])
def test_a_negative_count_is_refused_with_its_line(tmp_path: Path, engine: str) -> None:
    # -3 of 10 was read as a count, and summed into the places above (a `Measurement` refuses
    # it: numerators and denominators are counts).
    path = tmp_path / "m.csv"
    path.write_text("place,indicator,period,value,numerator,denominator\n"
                    "a,s,2021,30,3,10\nb,s,2021,-30,-3,10\nc,s,2021,30,3,-10\n",
                    encoding="utf-8")
    with pytest.raises(ValidationError) as caught:
        MeasurementFrame.read_csv(path, UNITS, engine=engine)  # type: ignore[arg-type]
    assert [(3, "numerator", "expected 0 or more, found -3.0"),
            (4, "denominator", "expected 0 or more, found -10.0")] == [
        (p.line, p.path, p.message) for p in caught.value.problems]


@pytest.mark.parametrize("engine", [*ENGINES, "pyarrow"])
def test_codes_are_read_without_the_spaces_around_them(tmp_path: Path, engine: str) -> None:
    # ' s' was kept as an indicator of its own: its unit was found (the lookup stripped it),
    # but the plan's 's' had no data, silently; ' a' and 'a' were two places.
    path = tmp_path / "m.csv"
    path.write_text("place,indicator,period,series,value\n"
                    "a,s,2021,x,1\n a , s ,2022, x ,2\na,s,2023,,3\n", encoding="utf-8")
    frame = MeasurementFrame.read_csv(path, UNITS, engine=engine)  # type: ignore[arg-type]
    assert (("a",), ("s",)) == (frame.places, frame.indicators)
    assert ["x", "x", None] == [frame.series_names[k] for k in frame.series]


def test_a_dataframe_with_a_column_named_twice_is_refused() -> None:
    import pandas as pd  # noqa: PLC0415 - the pandas extra

    data = pd.DataFrame([["a", "s", "2021", 1.0, 2.0]],
                        columns=["place", "indicator", "period", "value", "value"])
    with pytest.raises(ValidationError, match="the column 'value' appears twice"):
        MeasurementFrame.from_dataframe(data, UNITS)


def test_what_is_not_a_dataframe_is_refused_by_from_dataframe() -> None:
    with pytest.raises(FileFormatError, match="expected a pandas DataFrame, found dict"):
        MeasurementFrame.from_dataframe({"place": ["a"]}, UNITS)  # type: ignore[arg-type]


@pytest.mark.parametrize("engine", [*ENGINES, "pyarrow"])
def test_a_byte_order_mark_is_read_as_excel_and_save_measurements_write_it(
    tmp_path: Path, engine: str
) -> None:
    text = "place,indicator,period,value\nHà Nội,s,2021,1.5\n"
    plain, marked = tmp_path / "plain.csv", tmp_path / "marked.csv"
    plain.write_text(text, encoding="utf-8")
    marked.write_bytes(text.encode("utf-8-sig"))
    expected = MeasurementFrame.read_csv(plain, UNITS, engine=engine)  # type: ignore[arg-type]
    actual = MeasurementFrame.read_csv(marked, UNITS, engine=engine)  # type: ignore[arg-type]
    assert ("Hà Nội",) == actual.places
    assert [1.5] == actual.value.tolist()
    assert (expected.places, expected.indicators, expected.start.tolist()) == (
        actual.places, actual.indicators, actual.start.tolist())


def test_a_file_written_by_save_measurements_reads_as_its_measurements(tmp_path: Path) -> None:
    from gender_plan import Measurement, Period, save_measurements  # noqa: PLC0415

    measurements = [Measurement(indicator="s", period=Period.parse(p), value=v, place="Lai Khê",
                                unit=u) for p, v, u in (("2021", 40.0, None),
                                                        ("2022-Q3", 0.5, "fraction"))]
    path = tmp_path / "m.csv"
    save_measurements(measurements, path)  # UTF-8 with a byte-order mark, for Excel
    frame = MeasurementFrame.read_csv(path, UNITS)
    assert ("Lai Khê",) == frame.places
    assert [40.0, 50.0] == frame.value.tolist()


@pytest.mark.parametrize("engine", [*ENGINES, "pyarrow"])
def test_a_value_too_large_once_converted_is_refused_not_made_infinite(
    tmp_path: Path, engine: str
) -> None:
    # 1e307 as a fraction is 1e309 percent, more than a float holds: it became infinity.
    path = tmp_path / "m.csv"
    path.write_text("place,indicator,period,value,unit\na,s,2021,0.5,fraction\n"
                    "a,s,2022,1e307,fraction\n", encoding="utf-8")
    with pytest.raises(ValidationError) as caught:
        MeasurementFrame.read_csv(path, UNITS, engine=engine)  # type: ignore[arg-type]
    (problem,) = caught.value.problems
    assert (3, "value", "1e+307 in fraction is more than a number can hold in percent") == (
        problem.line, problem.path, problem.message)
