"""The column readers: pyarrow reads a CSV file or an Arrow table into the frame the row-by-row
reader and the DataFrame reader give, or leaves it to them."""

from __future__ import annotations

import math
import sys
from pathlib import Path

import attrs
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "evaluation"))

from test_frame import UNITS, assert_read_alike, read, rows, same, write

from gender_plan import MeasurementFrame
from gender_plan.errors import MissingDependencyError, ValidationError
from gender_plan.io import _frame_tables
from gender_plan.io._frame_columns import ArrowTexts, columns_of
from gender_plan.io.arrow import read_arrow_frame


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(rows(), max_size=12), st.booleans(), st.booleans())
def test_pyarrow_and_csv_readers_agree_on_any_table(tmp_path, table, clean, narrow):
    if clean:  # mostly well-formed tables, so that the fast path is used
        table = [r for r in table if r["indicator"] in UNITS and "x" not in r["period"]]
    columns = list(table[0]) if table else ["place", "indicator", "period", "value"]
    if narrow:  # without the optional columns
        columns = ["place", "indicator", "period", "value"]
        table = [{k: r[k] for k in columns} for r in table]
    path = write(tmp_path / "m.csv", table, columns)
    expected, actual = read(path, "csv"), read(path, "pyarrow")
    assert_read_alike(expected, actual)


@given(st.one_of(st.floats(allow_nan=False, allow_infinity=False).map(repr),
                 st.from_regex(r"[+-]?[0-9]{0,25}(\.[0-9]{0,25})?([eE][+-]?[0-9]{1,3})?",
                               fullmatch=True)))
def test_arrow_reads_every_number_python_reads_to_the_last_bit(text):
    try:
        python = float(text)
    except ValueError:
        python = None
    try:
        arrow = pc.cast(pa.array([text]), pa.float64())[0].as_py()
    except pa.ArrowInvalid:
        arrow = None
    if arrow is not None:  # what Arrow refuses is read by the other readers
        assert python is not None
        assert math.copysign(1, python) == math.copysign(1, arrow)
        assert python == arrow or (math.isinf(python) and math.isinf(arrow))


def test_a_clean_table_is_read_by_pyarrow_and_gives_the_csv_frame(tmp_path, monkeypatch):
    table = [{"place": f"p{k % 7}", "indicator": "smf"[k % 3], "period": str(2020 + k % 5),
              "series": "" if k % 4 else "survey", "sex": ["", "female", "male"][k % 3],
              "value": ("true" if k % 2 else "false") if k % 3 == 2 else repr(k / 7),
              "unit": "fraction" if k % 3 == 0 and k % 2 else "", "numerator": "",
              "denominator": ""} for k in range(60)]
    path = write(tmp_path / "m.csv", table, list(table[0]))
    expected = MeasurementFrame.read_csv(path, UNITS, engine="csv")

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("the pandas reader was asked")

    monkeypatch.setattr(_frame_tables, "_read_csv_fast", refuse)
    assert same(expected, MeasurementFrame.read_csv(path, UNITS))  # pyarrow, not pandas


def test_a_file_pyarrow_is_not_sure_of_is_read_by_the_other_readers(tmp_path):
    path = tmp_path / "m.csv"
    path.write_text("place,indicator,period,value\na,s,2021, 12.5\nb,s,2022,1_000\n",
                    encoding="utf-8")
    table = _frame_tables._arrow_table(path.read_bytes(), str(path), "utf-8", required=True)
    assert columns_of(ArrowTexts(table), UNITS) is None  # Arrow reads no spaces nor "1_000"
    frame = MeasurementFrame.read_csv(path, UNITS, engine="pyarrow")
    assert [12.5, 1000.0] == frame.value.tolist()
    latin = tmp_path / "latin.csv"
    latin.write_bytes("place,indicator,period,value\nHà Nội,s,2021,1\n".encode("latin-1",
                                                                            "replace"))
    assert _frame_tables._arrow_table(latin.read_bytes(), str(latin), "latin-1",
                                      required=True) is None
    assert ("Hà N?i",) == MeasurementFrame.read_csv(latin, UNITS, encoding="latin-1",
                                                    engine="pyarrow").places


def test_the_pyarrow_engine_without_pyarrow_names_the_extra(tmp_path, monkeypatch):
    path = write(tmp_path / "m.csv", [], ["place", "indicator", "period", "value"])

    def missing(module: str, **about: str) -> None:
        raise MissingDependencyError("pyarrow", about["extra"], about["feature"])

    monkeypatch.setattr(_frame_tables, "require", missing)
    with pytest.raises(MissingDependencyError, match=r"gender-plan\[arrow\]"):
        MeasurementFrame.read_csv(path, UNITS, engine="pyarrow")


@st.composite
def typed_tables(draw: st.DrawFn) -> pa.Table:
    """Parquet columns as databases write them: texts, integers, floats, yes/no, gaps."""
    size = draw(st.integers(0, 6))

    def column(*kinds: tuple[pa.DataType, list[object]]) -> pa.Array:
        kind, values = draw(st.sampled_from(kinds))
        return pa.array(draw(st.lists(st.sampled_from(values), min_size=size, max_size=size)),
                        kind)

    return pa.table({
        "place": column((pa.string(), ["a", "b", None]), (pa.int64(), [26734, None])),
        "indicator": column((pa.string(), ["s", "n", "f"])),
        "period": column((pa.string(), ["2021", "2022", "2023-Q2", None, "x"]),
                         (pa.int64(), [2021, 2024]), (pa.int64(), [2021, None]),
                         (pa.float64(), [2021.0, 2022.5])),
        "value": column((pa.string(), ["1.5", "40", " 2 ", None, "abc", "true"]),
                        (pa.float64(), [1.5, -0.0, 1e-7, 123456.789, 1e300]),
                        (pa.int64(), [-5, 0, 7]), (pa.float64(), [1.0, None]),
                        (pa.bool_(), [True, False])),
        "numerator": column((pa.float64(), [3.0, 0.5]), (pa.float64(), [3.0, None]),
                            (pa.int64(), [0, 9]), (pa.string(), ["", "7", None])),
    })


def frame_or_error(read: object, file: str | None = None,
                   lines: int = 0) -> MeasurementFrame | str:
    """The frame, or its problems as text, given `file` and their lines moved by `lines`."""
    try:
        return read()  # type: ignore[operator, no-any-return]
    except ValidationError as error:
        return str(ValidationError([attrs.evolve(p, file=file or p.file,
                                                 line=(p.line or 0) + lines)
                                    for p in error.problems], subject=error.subject))


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture], max_examples=60)
@given(typed_tables())
def test_parquet_of_any_column_types_reads_as_its_dataframe(tmp_path, table):
    path = tmp_path / "m.parquet"
    pq.write_table(table, path)
    # whole numbers with gaps as whole numbers; a problem's line is the row's in a CSV file
    data = table.to_pandas(integer_object_nulls=True)
    expected = frame_or_error(lambda: MeasurementFrame.from_dataframe(data, UNITS), str(path), 1)
    actual = frame_or_error(lambda: read_arrow_frame(path, UNITS))
    assert_read_alike(expected, actual)


def test_pyarrow_converts_units_as_the_csv_reader_does(tmp_path):
    table = [{"place": "a", "indicator": "s", "period": str(2020 + k), "value": repr(k / 8),
              "unit": "fraction" if k % 2 else ""} for k in range(6)]
    path = write(tmp_path / "m.csv", table, list(table[0]))
    expected = MeasurementFrame.read_csv(path, UNITS, engine="csv")
    actual = MeasurementFrame.read_csv(path, UNITS, engine="pyarrow")
    assert same(expected, actual)
    assert [0.0, 12.5, 0.25, 37.5, 0.5, 62.5] == actual.value.tolist()


NUMERIC = {"s": "percent", "n": "people", "m": "deaths / 100000 live_births"}
"""Units without a yes/no one: pyarrow parses the value column as numbers too."""

finite = st.floats(allow_nan=False, allow_infinity=False)
written = st.one_of(  # a number as people and programs write it
    finite.map(repr), finite.map(str), finite.map("{:e}".format), finite.map("{:+.17g}".format),
    finite.map("{:.3E}".format), finite.map("{:f}".format), st.integers(-10**20, 10**20).map(str),
    st.integers(0, 10**6).map("+{}".format), st.integers(0, 999).map("{:05d}".format),
    st.from_regex(r"[+-]?[0-9]{0,25}(\.[0-9]{0,25})?([eE][+-]?[0-9]{1,3})?", fullmatch=True),
)
odd = st.sampled_from([  # texts one reader or both refuse, or read otherwise
    "", " ", "\t", " 12.5 ", "\t3\t", "1_000", "NA", "N/A", "null", "NULL", "None", "nan", "NaN",
    "-nan", "inf", "-Infinity", "1e400", "1e-400", "4.9e-324", "0x10", "1,5", "١٢", "5\u00a0",
    "\u20037", "1e", ".", "-", "+", "e5", "1.2.3", "true", "abc",
])
cells = st.one_of(written, odd, written.map(lambda t: f" {t} "))


def read_numeric(path: Path, engine: str) -> MeasurementFrame | str:
    """The frame with units of numbers alone, or the text of the error it raises."""
    try:
        return MeasurementFrame.read_csv(path, NUMERIC, engine=engine)  # type: ignore[arg-type]
    except ValidationError as error:
        return str(error)


@st.composite
def numeric_rows(draw: st.DrawFn, *, value: st.SearchStrategy[str]) -> dict[str, str]:
    return {"place": draw(st.sampled_from(["a", "b"])),
            "indicator": draw(st.sampled_from(list(NUMERIC))),
            "period": draw(st.sampled_from(["2021", "2022-Q3"])),
            "value": draw(value),
            "numerator": draw(st.one_of(st.just(""), cells)),
            "denominator": draw(st.one_of(st.just(""), cells))}


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(numeric_rows(value=cells), max_size=8),
       st.lists(numeric_rows(value=written), max_size=8), st.booleans())
def test_pyarrow_reads_numbers_in_any_form_as_the_csv_reader(tmp_path, odd_rows, rows, narrow):
    table = [*rows, *odd_rows]
    columns = ["place", "indicator", "period", "value", "numerator", "denominator"]
    if narrow:  # without numerators and denominators
        columns = columns[:4]
        table = [{k: r[k] for k in columns} for r in table]
    path = write(tmp_path / "m.csv", table, columns)
    expected, actual = read_numeric(path, "csv"), read_numeric(path, "pyarrow")
    assert_read_alike(expected, actual)


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(cells, min_size=1, max_size=6), st.sampled_from(["value", "numerator"]))
def test_pyarrow_parses_a_csv_column_of_numbers_as_python_to_the_last_bit(tmp_path, texts, name):
    table = [{"place": "a", "indicator": "s", "period": "2021", "value": "1", "numerator": t}
             if name == "numerator" else {"place": "a", "indicator": "s", "period": "2021",
                                          "value": t, "numerator": ""} for t in texts]
    path = write(tmp_path / "m.csv", table, list(table[0]))
    read = _frame_tables._arrow_table(path.read_bytes(), str(path), "utf-8", required=True,
                                      numbers=_frame_tables._numbers(NUMERIC))
    if read is None:  # refused: read another way
        return
    for text, number in zip(texts, read.column(name).to_pylist(), strict=True):
        if number is None:  # a null: the empty cell alone, not "NA", "null" or spaces
            assert "" == text
            continue
        python = float(text.strip())  # what Arrow reads, Python reads
        assert math.copysign(1, python) == math.copysign(1, number)
        assert python == number or (math.isnan(python) and math.isnan(number))


def test_empty_numerators_are_read_by_pyarrow_as_missing(tmp_path, monkeypatch):
    table = [{"place": "a", "indicator": "s", "period": str(2020 + k), "value": f"{k}.5",
              "numerator": "" if k % 2 else str(k), "denominator": "" if k % 3 else "+1e1"}
             for k in range(6)]
    path = write(tmp_path / "m.csv", table, list(table[0]))
    expected = MeasurementFrame.read_csv(path, NUMERIC, engine="csv")

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("another reader was asked")

    monkeypatch.setattr(_frame_tables, "_read_csv_fast", refuse)
    monkeypatch.setattr(_frame_tables, "_from_records", refuse)
    actual = MeasurementFrame.read_csv(path, NUMERIC)
    assert same(expected, actual)
    assert [0.0, math.nan, 2.0, math.nan, 4.0, math.nan] == pytest.approx(
        actual.numerator.tolist(), nan_ok=True)
    assert [10.0, math.nan, math.nan, 10.0, math.nan, math.nan] == pytest.approx(
        actual.denominator.tolist(), nan_ok=True)


@pytest.mark.parametrize(("column", "cell", "found"), [
    ("numerator", "NA", "expected a number, found 'NA'"),
    ("denominator", "null", "expected a number, found 'null'"),
    ("value", "", "expected a number, found ''"),
    ("value", "NaN", "expected a number, found 'NaN'"),
])
def test_a_cell_pyarrow_cannot_read_as_a_number_is_reported_with_its_line(
    tmp_path, column, cell, found
):
    table = [{"place": "a", "indicator": "s", "period": str(2020 + k), "value": "1",
              "numerator": "2", "denominator": "4"} for k in range(3)]
    table[1][column] = cell
    path = write(tmp_path / "m.csv", table, list(table[0]))
    for engine in ("pyarrow", "auto"):
        with pytest.raises(ValidationError) as caught:
            MeasurementFrame.read_csv(path, NUMERIC, engine=engine)  # type: ignore[arg-type]
        (problem,) = caught.value.problems
        assert (3, column, found) == (problem.line, problem.path, problem.message)


def test_parquet_numerators_with_gaps_are_read_column_by_column(tmp_path, monkeypatch):
    path = tmp_path / "m.parquet"
    pq.write_table(pa.table({
        "place": ["a", "a", "b"], "indicator": ["s", "s", "n"], "period": [2021, 2022, 2021],
        "value": [1.5, -0.0, 7.0], "numerator": pa.array([3, None, 9], pa.int64()),
        "denominator": pa.array([None, 0.25, None], pa.float64())}), path)
    expected = MeasurementFrame.from_dataframe(pq.read_table(path).to_pandas(), UNITS)

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("read as a DataFrame")

    monkeypatch.setattr(MeasurementFrame, "from_dataframe", refuse)
    actual = read_arrow_frame(path, UNITS)
    assert same(expected, actual)
    assert [3.0, math.nan, 9.0] == pytest.approx(actual.numerator.tolist(), nan_ok=True)
