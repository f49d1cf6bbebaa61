"""The column-by-column readers (pandas) give exactly the frame of the row-by-row reader."""

from __future__ import annotations

import csv
import math
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gender_plan import MeasurementFrame
from gender_plan.errors import ValidationError

UNITS = {"s": "percent", "n": "people", "f": "yes_no", "m": "deaths / 100000 live_births"}
ARRAYS = ("place", "indicator", "series", "sex", "year", "start", "end", "time", "frequency",
          "value", "numerator", "denominator")


def same(expected: MeasurementFrame, actual: MeasurementFrame) -> bool:
    if (expected.places, expected.indicators, expected.series_names) != (
            actual.places, actual.indicators, actual.series_names):
        return False
    return all(
        getattr(expected, name).dtype == getattr(actual, name).dtype
        and np.array_equal(getattr(expected, name), getattr(actual, name), equal_nan=True)
        for name in ARRAYS
    )


def assert_read_alike(expected: MeasurementFrame | str, actual: MeasurementFrame | str) -> None:
    """Two readers gave the same frame, or refused with the same text."""
    if isinstance(expected, str):
        assert expected == actual
    else:
        assert isinstance(actual, MeasurementFrame)
        assert same(expected, actual)


def write(path: Path, rows: list[dict[str, str]], columns: list[str]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        out = csv.DictWriter(handle, fieldnames=columns)
        out.writeheader()
        out.writerows(rows)
    return path


def read(path: Path, engine: str) -> MeasurementFrame | str:
    """The frame, or the text of the error it raises."""
    try:
        return MeasurementFrame.read_csv(path, UNITS, engine=engine)  # type: ignore[arg-type]
    except ValidationError as error:
        return str(error)


numbers = st.one_of(
    st.floats(-1e6, 1e6, allow_nan=False).map(repr),
    st.integers(0, 10**6).map(str),
    st.sampled_from([" 12.5 ", "1_000", "1e3", "", "  ", "abc", "nan", "inf", "1,5"]),
)


@st.composite
def rows(draw: st.DrawFn) -> dict[str, str]:
    indicator = draw(st.sampled_from([*UNITS, " s", "unknown"]))
    value = draw(st.sampled_from(["true", "No", " yes ", "1", "maybe"])) if indicator == "f" else (
        draw(numbers))
    return {
        "place": draw(st.sampled_from(["a", "b", " c", ""])),
        "indicator": indicator,
        "period": draw(st.sampled_from(["2021", "2022", " 2023-Q2", "2024-07", "2025-07-14",
                                        "20x5", ""])),
        "series": draw(st.sampled_from(["", "survey", "registry"])),
        "sex": draw(st.sampled_from(["", "female", " Male", "other"])),
        "value": value,
        "unit": draw(st.sampled_from(["", "fraction", " percent", "deaths / 1000 live_births",
                                      "bogus"])),
        "numerator": draw(numbers),
        "denominator": draw(numbers),
    }


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(rows(), max_size=12), st.booleans())
def test_pandas_and_csv_readers_agree_on_any_table(tmp_path, table, clean):
    if clean:  # mostly well-formed tables, so that the fast path is used
        table = [r for r in table if r["indicator"] in UNITS and "x" not in r["period"]]
    columns = list(table[0]) if table else ["place", "indicator", "period", "value"]
    path = write(tmp_path / "m.csv", table, columns)
    expected, actual = read(path, "csv"), read(path, "pandas")
    assert_read_alike(expected, actual)


def clean_table(size: int = 50) -> list[dict[str, str]]:
    return [
        {"place": f"p{k % 7}", "indicator": "smf"[k % 3], "period": str(2020 + k % 5),
         "series": "" if k % 4 else "survey", "sex": ["", "female", "male"][k % 3],
         "value": ("true" if k % 2 else "false") if k % 3 == 2 else repr(k / 7),
         "unit": "fraction" if k % 3 == 0 and k % 2 else "",
         "numerator": str(k) if k % 3 == 0 else "", "denominator": str(k + 1) if k % 3 == 0
         else ""}
        for k in range(size)
    ]


def test_a_clean_table_reads_the_same_both_ways(tmp_path):
    table = clean_table()
    path = write(tmp_path / "m.csv", table, list(table[0]))
    expected = MeasurementFrame.read_csv(path, UNITS, engine="csv")
    actual = MeasurementFrame.read_csv(path, UNITS)
    assert same(expected, actual)
    # Row 3 is indicator 's' (percent) written as the fraction 3/7.
    assert pytest.approx(100 * 3 / 7, rel=1e-12) == actual.value[3]


@pytest.mark.parametrize("engine", ["pandas", "pyarrow"])
def test_problems_found_by_the_fast_reader_are_reported_with_their_lines(tmp_path, engine):
    path = tmp_path / "bad.csv"
    path.write_text("place,indicator,period,value\na,s,2021,1\nb,s,20x1,2\n", encoding="utf-8")
    with pytest.raises(ValidationError) as caught:
        MeasurementFrame.read_csv(path, UNITS, engine=engine)
    (problem,) = caught.value.problems
    assert (str(path), 3, "period") == (problem.file, problem.line, problem.path)


def test_a_missing_column_is_reported_by_every_reader(tmp_path):
    path = tmp_path / "short.csv"
    path.write_text("place,value\na,1\n", encoding="utf-8")
    for engine in ("csv", "pandas", "auto"):
        with pytest.raises(ValidationError, match="missing columns"):
            MeasurementFrame.read_csv(path, UNITS, engine=engine)  # type: ignore[arg-type]


def test_a_byte_order_mark_leaves_the_header_to_the_csv_reader(tmp_path):
    path = tmp_path / "bom.csv"
    path.write_bytes(b"\xef\xbb\xbfplace,indicator,period,value\na,s,2021,1\n")
    assert_read_alike(read(path, "csv"), read(path, "pandas"))


def test_an_unparsable_file_falls_back_to_the_csv_reader(tmp_path):
    path = tmp_path / "ragged.csv"
    path.write_text("place,indicator,period,value\na,s,2021,1,extra,more\n", encoding="utf-8")
    expected, actual = read(path, "csv"), read(path, "pandas")
    assert isinstance(expected, MeasurementFrame)
    assert isinstance(actual, MeasurementFrame)
    assert same(expected, actual)


def test_an_empty_file_is_reported_as_by_the_csv_reader(tmp_path):
    path = tmp_path / "empty.csv"
    path.write_text("", encoding="utf-8")
    assert read(path, "csv") == read(path, "pandas")


def test_a_dataframe_gives_the_frame_of_its_csv_file(tmp_path):
    table = clean_table()
    path = write(tmp_path / "m.csv", table, list(table[0]))
    expected = MeasurementFrame.read_csv(path, UNITS, engine="csv")
    data = pd.DataFrame(table)
    # Numbers as numbers and missing cells as None or NaN read as their texts would.
    data["numerator"] = [float(v) if v else math.nan for v in data["numerator"]]
    data["denominator"] = [int(v) if v else None for v in data["denominator"]]
    data["period"] = [int(v) for v in data["period"]]
    actual = MeasurementFrame.from_dataframe(data.astype(object), UNITS)
    assert same(expected, actual)


def test_a_dataframe_with_bad_cells_names_the_rows(tmp_path):
    data = pd.DataFrame({"place": ["a", "b"], "indicator": ["s", "s"],
                         "period": ["2021", "2022"], "value": ["1", "lots"]})
    with pytest.raises(ValidationError) as caught:
        MeasurementFrame.from_dataframe(data, UNITS)
    (problem,) = caught.value.problems
    assert (None, 2, "value") == (problem.file, problem.line, problem.path)


def test_a_dataframe_without_the_columns_is_refused():
    with pytest.raises(ValidationError, match=r"missing columns: \['period'\]"):
        MeasurementFrame.from_dataframe(pd.DataFrame({"place": [], "indicator": [],
                                                      "value": []}), UNITS)
