"""The measurement workbook: written from the plan, filled in as an officer would, read back."""

from __future__ import annotations

import warnings
from pathlib import Path

import laikhe_2026_2030
import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gender_plan import (
    GenderPlanWarning,
    Measurement,
    ValidationError,
    load_measurements,
    write_workbook,
)
from gender_plan.cli import main
from gender_plan.io.workbook import parse_years, template_periods
from gender_plan.testing import plans

ROOT = Path(__file__).resolve().parents[2]
PLAN_FILE = ROOT / "examples" / "laikhe_2026_2030.yaml"
PLAN = laikhe_2026_2030.build_plan()
HEADER = ["Mã chỉ tiêu", "Tên chỉ tiêu", "Chỉ tiêu kế hoạch", "Kỳ", "Giá trị", "Đơn vị", "Tử số",
          "Mẫu số", "Chuỗi số liệu", "Nguồn", "Ghi chú"]
COLUMN = {name: index for index, name in enumerate(HEADER, start=1)}


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("workbook") / "so-lieu.xlsx"
    write_workbook(PLAN, path, years=(2025, 2030))
    return path


def _rows(sheet: openpyxl.worksheet.worksheet.Worksheet) -> dict[tuple[str, str], int]:
    """The row of each (indicator, period) in the measurement sheet."""
    return {(str(sheet.cell(r, 1).value), str(sheet.cell(r, 4).value)): r
            for r in range(2, sheet.max_row + 1)}


def test_the_workbook_lists_every_indicator_and_period_with_its_name_unit_and_target(
        template: Path) -> None:
    workbook = openpyxl.load_workbook(template)
    assert ["Số liệu", "Hoạt động", "Danh mục", "Hướng dẫn"] == workbook.sheetnames
    assert "Hướng dẫn" == workbook.active.title  # it opens on the instructions
    sheet = workbook["Số liệu"]
    assert HEADER == [c.value for c in sheet[1]]
    assert "D2" == sheet.freeze_panes
    rows = _rows(sheet)
    # 15 yearly indicators x 6 years, and 6.3 (a column each month) x 72 months
    assert 15 * 6 + 72 == len(rows)
    row = rows[("4.1", "2027")]
    assert "Tỷ số giới tính khi sinh" in sheet.cell(row, 2).value
    assert "≤ 109 bé trai/100 bé gái (đến năm 2030)" == sheet.cell(row, 3).value
    assert "boys / 100 girls" == sheet.cell(row, COLUMN["Đơn vị"]).value
    assert ("6.3", "2026-07") in rows
    assert "yes_no" == sheet.cell(rows[("5.1", "2026")], COLUMN["Đơn vị"]).value


def test_data_validation_fixes_units_and_asks_for_numbers_or_yes_no(template: Path) -> None:
    sheet = openpyxl.load_workbook(template)["Số liệu"]
    rows = _rows(sheet)
    rules = sheet.data_validations.dataValidation

    def rule_for(cell: str) -> openpyxl.worksheet.datavalidation.DataValidation:
        found = [r for r in rules if cell in r.sqref]
        assert 1 == len(found), cell
        return found[0]

    yes_no = rule_for(f"E{rows[('5.1', '2026')]}")
    assert ("list", '"Có,Không"') == (yes_no.type, yes_no.formula1)
    number = rule_for(f"E{rows[('4.1', '2026')]}")
    assert "custom" == number.type
    assert "ISNUMBER" in number.formula1
    assert "SUBSTITUTE" in number.formula1  # a decimal comma is allowed
    unit = rule_for(f"F{rows[('4.1', '2026')]}")
    assert ("list", '"boys / 100 girls"') == (unit.type, unit.formula1)
    activities = openpyxl.load_workbook(template)["Hoạt động"]
    formulas = {r.formula1 for r in activities.data_validations.dataValidation}
    assert "='Danh mục'!$A$2:$A$29" in formulas  # the plan's 28 tasks


def test_the_unfilled_template_validates_and_holds_no_measurement(template: Path) -> None:
    assert () == load_measurements(template, plan=PLAN)
    assert 0 == main(["validate", str(PLAN_FILE), str(template)])


_FILL = st.lists(
    st.tuples(
        st.sampled_from([(i.code, p) for _, i in PLAN.indicators()
                         for p in template_periods(i, range(2025, 2031))]),
        st.floats(0, 100, allow_nan=False).map(lambda v: round(v, 2)),
        st.booleans(),  # the value typed as text with a decimal comma
        st.none() | st.sampled_from(["commune records", "=SUM(A1:A3)", "-survey", "@x"]),
        st.none() | st.sampled_from(["Báo cáo 12/BC-UBND", "+84 report"]),
        st.none() | st.integers(0, 50),
    ),
    max_size=12,
    unique_by=lambda row: row[0],
)


@settings(max_examples=15, suppress_health_check=[HealthCheck.function_scoped_fixture],
          deadline=None)
@given(fill=_FILL)
def test_write_fill_load_gives_back_what_was_filled_in(
        template: Path, tmp_path: Path, fill: list[tuple[object, ...]]) -> None:
    workbook = openpyxl.load_workbook(template)
    sheet = workbook["Số liệu"]
    rows = _rows(sheet)
    expected = []
    for (code, period), drawn, as_text, series, source, drawn_count in fill:
        indicator = PLAN.indicator(code)
        row = rows[(code, str(period))]
        yes_no = indicator.unit == "yes_no"
        # Counts go with a share only, and then the value is what they make (the reader checks).
        counted = drawn_count if indicator.unit == "percent" else None
        value = drawn if counted is None else float(counted * 2)  # counted of 50, in percent
        cell_value: object = (value > 50) if yes_no else value
        typed: object = cell_value
        if yes_no and as_text:
            typed = "Có" if cell_value else "Không"
        elif as_text and not yes_no:
            typed = f"{value:.2f}".replace(".", ",")  # as the office types it
        sheet.cell(row, COLUMN["Giá trị"]).value = typed
        # A text that looks like a formula is typed with Excel's apostrophe: stored as text.
        for column, text in (("Chuỗi số liệu", series), ("Nguồn", source)):
            if text is not None:
                cell = sheet.cell(row, COLUMN[column])
                cell.value = text
                cell.data_type = "s"
        if counted is not None:
            sheet.cell(row, COLUMN["Tử số"]).value = counted
            sheet.cell(row, COLUMN["Mẫu số"]).value = 50
        expected.append(Measurement(
            indicator=code, period=period, value=cell_value,
            unit=indicator.unit, series=series, source=source,
            numerator=counted, denominator=None if counted is None else 50))
    path = tmp_path / "filled.xlsx"
    workbook.save(path)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", GenderPlanWarning)  # the decimal comma is reported
        loaded = load_measurements(path, plan=PLAN)
    assert sorted(expected, key=lambda m: (m.indicator, m.period.time)) == sorted(
        loaded, key=lambda m: (m.indicator, m.period.time))


def test_a_decimal_comma_is_read_as_the_office_types_it(template: Path, tmp_path: Path) -> None:
    workbook = openpyxl.load_workbook(template)
    sheet = workbook["Số liệu"]
    sheet.cell(_rows(sheet)[("3.1", "2026")], COLUMN["Giá trị"]).value = "1,4"
    workbook.save(tmp_path / "comma.xlsx")
    with pytest.warns(GenderPlanWarning, match="decimal comma"):
        (found,) = load_measurements(tmp_path / "comma.xlsx", plan=PLAN)
    assert (1.4, "times") == (found.value, found.unit)


def test_mistakes_are_reported_by_sheet_and_cell(template: Path, tmp_path: Path) -> None:
    workbook = openpyxl.load_workbook(template)
    sheet = workbook["Số liệu"]
    rows = _rows(sheet)
    sheet.cell(rows[("1.1", "2026")], COLUMN["Giá trị"]).value = "năm mươi"
    sheet.cell(rows[("2.1", "2026")], COLUMN["Giá trị"]).value = 140  # a share over 100%
    sheet.cell(rows[("2.2", "2026")], COLUMN["Mẫu số"]).value = "x"
    workbook.save(tmp_path / "bad.xlsx")
    with pytest.raises(ValidationError) as caught:
        load_measurements(tmp_path / "bad.xlsx", plan=PLAN)
    cells = sorted(p.column for p in caught.value.problems)
    # 2.2's row has a denominator but no value: both of its cells are named
    assert sorted([f"'Số liệu'!E{rows[('1.1', '2026')]}", f"'Số liệu'!E{rows[('2.2', '2026')]}",
                   f"'Số liệu'!H{rows[('2.2', '2026')]}"]) == cells
    sheet.cell(rows[("1.1", "2026")], COLUMN["Giá trị"]).value = 50
    sheet.cell(rows[("2.2", "2026")], COLUMN["Mẫu số"]).value = None
    workbook.save(tmp_path / "bad.xlsx")
    with pytest.raises(ValidationError) as caught:
        load_measurements(tmp_path / "bad.xlsx", plan=PLAN)
    assert [f"'Số liệu'!E{rows[('2.1', '2026')]}"] == [p.column for p in caught.value.problems]


def test_validate_names_the_sheet_and_cell_of_a_mistake(template: Path, tmp_path: Path,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    workbook = openpyxl.load_workbook(template)
    sheet = workbook["Số liệu"]
    row = _rows(sheet)[("4.2", "2026")]
    sheet.cell(row, COLUMN["Giá trị"]).value = "nhiều"
    workbook.save(tmp_path / "bad.xlsx")
    assert 2 == main(["validate", str(PLAN_FILE), str(tmp_path / "bad.xlsx")])
    assert f"['Số liệu'!E{row}]" in capsys.readouterr().err


def test_formulas_are_refused_with_their_cell(template: Path, tmp_path: Path) -> None:
    workbook = openpyxl.load_workbook(template)
    sheet = workbook["Số liệu"]
    row = _rows(sheet)[("1.1", "2026")]
    sheet.cell(row, COLUMN["Giá trị"]).value = "=G5/H5*100"
    sheet.cell(row, COLUMN["Nguồn"]).value = '=HYPERLINK("http://example.invalid")'
    workbook.save(tmp_path / "formula.xlsx")
    with pytest.raises(ValidationError, match="formula") as caught:
        load_measurements(tmp_path / "formula.xlsx", plan=PLAN)
    assert [f"'Số liệu'!E{row}", f"'Số liệu'!J{row}"] == [p.column for p in caught.value.problems]


def test_plan_texts_that_look_like_formulas_are_written_as_text(tmp_path: Path) -> None:
    import attrs  # noqa: PLC0415

    from gender_plan import LocalizedText  # noqa: PLC0415

    goal = PLAN.goals[0]
    indicator = attrs.evolve(goal.indicators[0], name=LocalizedText(vi="=1+1 chỉ tiêu"))
    plan = attrs.evolve(PLAN, goals=(attrs.evolve(goal, indicators=(indicator,)),
                                     *PLAN.goals[1:]))
    write_workbook(plan, tmp_path / "t.xlsx", years=(2026, 2026))
    cell = openpyxl.load_workbook(tmp_path / "t.xlsx")["Số liệu"]["B2"]
    assert ("s", "'=1+1 chỉ tiêu") == (cell.data_type, cell.value)
    assert () == load_measurements(tmp_path / "t.xlsx", plan=plan)


def test_places_repeat_every_row_with_a_place_column(tmp_path: Path) -> None:
    places = tmp_path / "places.csv"
    # A place hierarchy file, as `portfolio` reads it: the communes of a district are listed.
    places.write_text("địa bàn,cấp,cấp trên\nBến Cát,district,\nLai Khê,commune,Bến Cát\n"
                      "Hưng Đạo,commune,Bến Cát\n", encoding="utf-8")
    assert 0 == main(["template", str(PLAN_FILE), "--out", str(tmp_path / "p.xlsx"),
                      "--years", "2026", "--places", str(places)])
    workbook = openpyxl.load_workbook(tmp_path / "p.xlsx")
    sheet = workbook["Số liệu"]
    header = [c.value for c in sheet[1]]
    assert "Địa bàn" in header
    place_column = header.index("Địa bàn") + 1
    assert 2 * (15 + 12) == sheet.max_row - 1
    assert {"Lai Khê", "Hưng Đạo"} == {sheet.cell(r, place_column).value
                                       for r in range(2, sheet.max_row + 1)}
    sheet.cell(3, 5).value = 30  # the second row: an indicator's rows go place by place
    workbook.save(tmp_path / "p.xlsx")
    (found,) = load_measurements(tmp_path / "p.xlsx", plan=PLAN)
    assert sheet.cell(3, place_column).value == found.place


def test_a_places_file_is_refused_with_the_errors_portfolio_gives(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    places = tmp_path / "places.csv"
    places.write_text("Lai Khê\nHưng Đạo\n", encoding="utf-8")
    expected = (f"error: 1 problem in the place hierarchy:\n  - {places}:1: the header has "
                "missing columns ['place', 'level']; unknown columns ['lai khê'] (the columns "
                "are place, level, parent, plan, name (place and level required))\n")
    assert 2 == main(["template", str(PLAN_FILE), "--out", str(tmp_path / "p.xlsx"),
                      "--places", str(places)])
    assert expected == capsys.readouterr().err
    assert not (tmp_path / "p.xlsx").exists()
    assert 2 == main(["portfolio", str(tmp_path), str(places), str(places)])
    assert expected == capsys.readouterr().err


@pytest.mark.parametrize(("text", "years"), [("2025-2030", (2025, 2030)), ("2026", (2026, 2026))])
def test_years_are_read_from_the_option(text: str, years: tuple[int, int]) -> None:
    assert years == parse_years(text)


@pytest.mark.parametrize("text", ["2030-2025", "năm 2025", "25-30"])
def test_bad_years_are_refused(text: str) -> None:
    with pytest.raises(ValidationError, match="expected years"):
        parse_years(text)


@settings(max_examples=10, deadline=None)
@given(plan=plans(max_goals=2))
def test_any_plan_gives_a_workbook_that_reads_back_empty(plan: object, tmp_path_factory:
                                                          pytest.TempPathFactory) -> None:
    from gender_plan import Plan  # noqa: PLC0415

    assert isinstance(plan, Plan)
    path = tmp_path_factory.mktemp("any") / "t.xlsx"
    rows = write_workbook(plan, path)
    years = range(plan.start_year - 1, plan.end_year + 1)
    assert sum(len(template_periods(i, years)) for _, i in plan.indicators()) == rows
    assert () == load_measurements(path, plan=plan)


def test_the_template_command_writes_the_workbook_and_refuses_to_overwrite(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "so-lieu.xlsx"
    assert 0 == main(["template", str(PLAN_FILE), "--out", str(out), "--years", "2026-2027"])
    assert "54 rows to fill in" in capsys.readouterr().out  # 15 x 2 years + 24 months
    assert 2 == main(["template", str(PLAN_FILE), "--out", str(out)])
    assert "exists already" in capsys.readouterr().err
    assert 2 == main(["template", str(PLAN_FILE), "--out", str(tmp_path / "x.csv")])
    assert "must be a .xlsx file" in capsys.readouterr().err
