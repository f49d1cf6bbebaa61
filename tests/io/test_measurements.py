"""Measurement tables: CSV and XLSX round trips, decimal commas, formulas, checks against a plan."""

from __future__ import annotations

import math
import sys
import zipfile
from pathlib import Path

import attrs
import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gender_plan import (
    FileFormatError,
    GenderPlanWarning,
    LocalizedText,
    Measurement,
    MissingDependencyError,
    Period,
    Sex,
    ValidationError,
    load_measurements,
    loads_plan,
    save_measurements,
)
from gender_plan.io import measurements as module
from gender_plan.io._table import escape, unescape
from gender_plan.testing import indicators
from gender_plan.testing import measurements as measurement_strategy

HERE = Path(__file__).resolve().parent
PLAN = loads_plan((HERE / "data" / "hand_written.yaml").read_text(encoding="utf-8"), format="yaml")
TEXTS = st.none() | st.text(alphabet="abc-=+@'\t xyz ê", min_size=1, max_size=6).filter(
    lambda t: t.strip() == t and bool(t)
)
WORDS = st.text(alphabet="abc-=+@'\t xyz ê", min_size=1, max_size=6).filter(
    lambda t: t.strip() == t and bool(t)
)
LABELS = st.builds(LocalizedText, vi=WORDS, en=st.none() | WORDS)


@st.composite
def tables(draw: st.DrawFn) -> list[Measurement]:
    """Measurements of a few indicators, with every optional column sometimes filled."""
    rows = []
    for indicator in draw(st.lists(indicators(), min_size=1, max_size=3)):
        for m in draw(st.lists(measurement_strategy(indicator), max_size=3)):
            numerator = draw(st.none() | st.floats(0, 1e6))
            series, source = draw(TEXTS), draw(TEXTS)
            rows.append(Measurement(
                indicator=m.indicator, period=m.period, value=m.value,
                unit=draw(st.none() | st.just("percent")),
                series=series, source=source, place=draw(TEXTS),
                series_label=None if series is None else draw(st.none() | LABELS),
                source_label=None if source is None else draw(st.none() | LABELS),
                numerator=numerator,
                denominator=draw(st.none() | st.floats(1, 1e6)),
                sex=draw(st.none() | st.sampled_from(Sex)),
            ))
    return rows


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows=tables())
def test_save_then_load_gives_the_same_measurements(rows: list[Measurement],
                                                    tmp_path: Path) -> None:
    save_measurements(rows, tmp_path / "m.csv")
    assert tuple(rows) == load_measurements(tmp_path / "m.csv")
    # openpyxl writes 16 significant digits (Excel keeps 15): equal within that precision.
    save_measurements(rows, tmp_path / "m.xlsx")
    loaded = load_measurements(tmp_path / "m.xlsx")
    assert len(rows) == len(loaded)
    for written, read in zip(rows, loaded, strict=True):
        for name in ("value", "numerator", "denominator"):
            a, b = getattr(written, name), getattr(read, name)
            assert a == b or math.isclose(a, b, rel_tol=1e-15)
        assert attrs.evolve(written, value=0, numerator=None, denominator=None) == attrs.evolve(
            read, value=0, numerator=None, denominator=None)


@given(text=st.text(max_size=8))
def test_escape_is_undone_by_unescape(text: str) -> None:
    assert text == unescape(escape(text))
    assert not escape(text).startswith(("=", "+", "-", "@", "\t", "\r"))


def test_formulas_are_neutralised_and_numbers_stay_numbers(tmp_path: Path) -> None:
    rows = [Measurement(indicator="1.1", period=Period(year=2025), value=-3.5,
                        source="=HYPERLINK(\"http://x\")", series="@SUM(A1)")]
    save_measurements(rows, tmp_path / "m.csv")
    text = (tmp_path / "m.csv").read_text(encoding="utf-8-sig")
    assert "'=HYPERLINK" in text
    assert "'@SUM(A1)" in text
    assert ",-3.5," in text
    save_measurements(rows, tmp_path / "m.xlsx")
    sheet = openpyxl.load_workbook(tmp_path / "m.xlsx").active
    assert sheet is not None
    assert -3.5 == sheet["C2"].value
    assert "s" == sheet["F2"].data_type
    assert "'=HYPERLINK(\"http://x\")" == sheet["F2"].value


def _csv(tmp_path: Path, text: str, name: str = "m.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_a_declared_decimal_comma_reads_vietnamese_numbers(tmp_path: Path) -> None:
    path = _csv(tmp_path, "chỉ tiêu;kỳ;giá trị;đơn vị;giới tính\n1.1;2025;60,5%;percent;nữ\n"
                "1.1;2026;1400;percent;nam\n")
    rows = load_measurements(path, decimal=",")
    assert [60.5, 1400] == [r.value for r in rows]
    assert [Sex.FEMALE, Sex.MALE] == [r.sex for r in rows]


def test_an_unambiguous_decimal_comma_is_read_and_reported(tmp_path: Path) -> None:
    path = _csv(tmp_path, "indicator,period,value\n1.1,2025,\"1,4\"\n")
    with pytest.warns(GenderPlanWarning, match=r"m.csv:2: numbers are written with a decimal"):
        rows = load_measurements(path)
    assert 1.4 == rows[0].value


def test_mixed_decimal_marks_are_refused_with_a_hint(tmp_path: Path) -> None:
    path = _csv(tmp_path, "indicator,period,value\n1.1,2025,\"1,4\"\n1.1,2026,1.5\n")
    with pytest.raises(ValidationError) as caught:
        load_measurements(path)
    (problem,) = caught.value.problems
    assert (2, "value") == (problem.line, problem.column)
    assert "decimal=','" in str(problem.hint)
    with pytest.raises(ValidationError, match="write thousands without a separator"):
        load_measurements(path, decimal=",")


def test_a_percent_sign_needs_the_percent_unit(tmp_path: Path) -> None:
    path = _csv(tmp_path, "indicator,period,value\n1.1,2025,60%\n")
    with pytest.raises(ValidationError, match="the row has no unit"):
        load_measurements(path)
    assert 60 == load_measurements(path, plan=PLAN)[0].value


def test_measurements_are_checked_against_the_plan_with_lines(tmp_path: Path) -> None:
    path = _csv(tmp_path, "indicator,period,value,unit\n1.1,2025,40,percent\n1.2,2025,4,percent\n"
                "1.1,2025,41,percent\n1.1,2027,4,deaths / 100000 live_births\n"
                "1.1,1950,4,percent\n")
    with pytest.raises(ValidationError) as caught:
        load_measurements(path, plan=PLAN)
    found = [(p.line, p.column, p.message.split(" ")[0]) for p in caught.value.problems]
    assert [(3, "indicator", "the"), (4, None, "duplicate"), (5, "unit", "unit"),
            (6, "period", "period")] == found


def test_text_columns_refuse_numbers_that_would_lose_digits(tmp_path: Path) -> None:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "data"
    sheet.append(["indicator", "period", "value", None])
    sheet.append([2.1, 2025, 4, None])
    sheet.append(["2.1", "2026", "x", "extra"])
    workbook.create_sheet("other").append(["indicator", "period", "value"])
    path = tmp_path / "m.xlsx"
    workbook.save(path)
    with pytest.raises(FileFormatError, match=r"\[D3\]: the value 'extra'"):
        load_measurements(path, sheet="data")
    sheet.delete_rows(3)
    sheet.append(["2.1", __import__("datetime").datetime(2025, 7, 1), 4])
    workbook.save(path)
    with pytest.raises(ValidationError) as caught:
        load_measurements(path)
    assert ["A2", "B3"] == [p.column for p in caught.value.problems]
    assert "Text" in str(caught.value.problems[1].hint)
    assert () == load_measurements(path, sheet="other")
    with pytest.raises(FileFormatError, match="no sheet 'nope'"):
        load_measurements(path, sheet="nope")


@pytest.mark.parametrize(("name", "content", "fragment"), [
    ("m.xlsx", b"not a zip", "cannot be read as an Excel workbook"),
    ("m.csv", b"", "no header row"),
    ("m.txt", b"", "cannot read measurements from a .txt file"),
    ("m.csv", b"indicator,period,value,value\n", "appears twice"),
])
def test_unreadable_tables_are_refused(tmp_path: Path, name: str, content: bytes,
                                       fragment: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(FileFormatError, match=fragment):
        load_measurements(path)


def test_bad_arguments_are_refused(tmp_path: Path) -> None:
    path = _csv(tmp_path, "indicator,period,value\n")
    with pytest.raises(FileFormatError, match="has no sheets"):
        load_measurements(path, sheet="x")
    with pytest.raises(FileFormatError, match="unknown decimal mark"):
        load_measurements(path, decimal=";")  # type: ignore[arg-type]
    with pytest.raises(FileFormatError, match="cannot write measurements"):
        save_measurements([], tmp_path / "m.json")


def test_an_xlsx_that_unzips_to_too_much_is_refused(tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "m.xlsx"
    save_measurements([], path)
    monkeypatch.setattr(module, "MAX_XLSX_BYTES", 10)
    assert zipfile.is_zipfile(path)
    with pytest.raises(FileFormatError, match="unzips to"):
        load_measurements(path)


def test_control_characters_cannot_go_to_excel(tmp_path: Path) -> None:
    rows = [Measurement(indicator="1.1", period=Period(year=2025), value=1, source="a\x01b")]
    with pytest.raises(ValidationError, match="control character"):
        save_measurements(rows, tmp_path / "m.xlsx")
    save_measurements(rows, tmp_path / "m.csv")
    assert tuple(rows) == load_measurements(tmp_path / "m.csv")


def test_a_failing_xlsx_save_leaves_the_old_file_intact(tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "m.xlsx"
    rows = [Measurement(indicator="1.1", period=Period(year=2025), value=1)]
    save_measurements(rows, path)
    before = path.read_bytes()

    def fail_midway(self: object, stream: object) -> None:
        stream.write(b"PK\x03\x04 half a zip")  # type: ignore[attr-defined]
        raise OSError("disk full")

    monkeypatch.setattr(openpyxl.Workbook, "save", fail_midway)
    with pytest.raises(OSError, match="disk full"):
        save_measurements(rows * 2, path)
    assert before == path.read_bytes()
    assert [path] == list(tmp_path.iterdir())


def test_excel_without_the_extra_names_it(tmp_path: Path,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "openpyxl", None)
    with pytest.raises(MissingDependencyError, match=r"gender-plan\[excel\]"):
        save_measurements([], tmp_path / "m.xlsx")


def test_series_and_source_read_in_vietnamese_and_english(tmp_path: Path) -> None:
    path = tmp_path / "m.csv"
    path.write_text("indicator,period,value,series,source,series_vi,series_en,source_vi\n"
                    "1.1,2025,40,commune records,Illustrative,sổ sách của xã,commune records,"
                    "Minh họa\n", encoding="utf-8")
    (row,) = load_measurements(path)
    assert LocalizedText(vi="sổ sách của xã", en="commune records") == row.series_label
    assert LocalizedText(vi="Minh họa") == row.source_label
    assert ("sổ sách của xã", "commune records") == (row.series_text("vi"), row.series_text("en"))
    assert ("Minh họa", "Minh họa") == (row.source_text("vi"), row.source_text("en"))


def test_an_english_label_without_the_vietnamese_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "m.csv"
    path.write_text("indicator,period,value,series,series_en\n1.1,2025,40,a,b\n",
                    encoding="utf-8")
    with pytest.raises(ValidationError) as caught:
        load_measurements(path)
    (problem,) = caught.value.problems
    assert (2, "series_en") == (problem.line, problem.column)
    assert "series_en needs series_vi" in problem.message


def test_a_label_needs_the_series_it_labels() -> None:
    with pytest.raises(ValidationError, match="a series label needs the series it labels"):
        Measurement(indicator="1.1", period=Period(year=2025), value=1.0,
                    series_label=LocalizedText(vi="sổ sách của xã"))
