"""Values as officers type them, in plan files and measurement tables."""

from __future__ import annotations

import datetime
import warnings
from pathlib import Path

import laikhe_2026_2030
import openpyxl
import pytest
from hypothesis import given
from hypothesis import strategies as st

from gender_plan import (
    Comparator,
    GenderPlanWarning,
    ValidationError,
    dumps_plan,
    load_measurements,
    loads_plan,
)
from gender_plan._i18n import render
from gender_plan.io._table import Row, measurements_from_rows
from gender_plan.io._typed import (
    DayMonthYearError,
    code_from_number,
    day_month_year,
    number_text_hint,
    yes_no,
)
from gender_plan.testing import typed_dates

PLAN = laikhe_2026_2030.build_plan()
YAML = dumps_plan(PLAN, format="yaml")


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Có", True), ("không", False), ("ĐẠT", True), ("Không  đạt", False), ("Khong", None),
     ("yes", None), ("", None)],
)
def test_yes_no_words(text: str, expected: bool | None) -> None:
    assert expected == yes_no(text)


@given(st.dates(datetime.date(1900, 1, 1), datetime.date(2100, 12, 31)))
def test_a_day_month_year_date_is_read_or_refused_with_the_day_month_reading(
    date: datetime.date,
) -> None:
    text = f"{date.day:02d}/{date.month:02d}/{date.year}"
    if date.day > 12 or date.day == date.month:
        assert date.isoformat() == day_month_year(text)
    else:
        with pytest.raises(DayMonthYearError) as caught:
            day_month_year(text)
        assert date.isoformat() == caught.value.iso


def test_other_texts_are_not_dates() -> None:
    assert day_month_year("2026-06-12") is None
    assert day_month_year("12/2026") == "2026-12"
    assert day_month_year("1/2/3") is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [("1,4", "write 1.4 with a decimal point: a plan file takes 1.4, not 1,4"),
     ("55%", "drop the % sign: the unit says percent (write 55)"),
     ("60,5 %", "drop the % sign: the unit says percent (write 60.5)"),
     ("abc", None), ("1,400.5", None)],
)
def test_number_text_hints(text: str, expected: str | None) -> None:
    assert expected == number_text_hint(text)


@given(st.lists(st.from_regex(r"\A[1-9]\.[0-9]{1,2}\Z"), min_size=1, max_size=8, unique=True))
def test_a_number_stands_for_a_code_only_when_exactly_one_code_reads_so(codes: list[str]) -> None:
    for code in codes:
        same = [c for c in codes if float(c) == float(code)]
        found = code_from_number(float(code), codes)
        assert (code if len(same) == 1 else None) == found


def test_code_from_number_ignores_codes_that_are_not_numbers() -> None:
    assert "2.1" == code_from_number(2.1, ["a", "2.1", "2.2"])
    assert code_from_number(2.1, ["2.1", "2.10"]) is None


# --- plan files ------------------------------------------------------------------------------


def _target_yaml(old: str, new: str) -> str:
    assert old in YAML
    return YAML.replace(old, new, 1)


def test_a_plan_file_takes_the_comparator_signs_the_report_prints() -> None:
    plan = loads_plan(_target_yaml("comparator: '>='", "comparator: ≥"), format="yaml")
    assert Comparator.GE == plan.goals[0].indicators[0].targets[0].comparator


def test_a_plan_file_takes_co_and_khong_for_a_yes_no_target() -> None:
    text = _target_yaml("comparator: '='\n            value: true",
                        "comparator: '='\n            value: Có")
    plan = loads_plan(text, format="yaml")
    assert any(t.value is True for _, i in plan.indicators() for t in i.targets
               if i.code == "5.1")


def test_a_decimal_comma_in_a_plan_file_gets_the_decimal_point_hint() -> None:
    with pytest.raises(ValidationError) as caught:
        loads_plan(_target_yaml("value: 60\n", "value: 1,4\n"), format="yaml")
    (problem,) = caught.value.problems
    assert "goals[0].indicators[0].targets[0].value" == problem.path
    assert "write 1.4 with a decimal point" in str(problem.hint)
    assert "viết 1.4 với dấu chấm thập phân" in problem.render("vi")


def test_a_percent_sign_in_a_plan_file_gets_its_hint() -> None:
    with pytest.raises(ValidationError) as caught:
        loads_plan(_target_yaml("value: 60\n", "value: 55%\n"), format="yaml")
    (problem,) = caught.value.problems
    assert "drop the % sign: the unit says percent (write 55)" == problem.hint


def test_a_plan_date_typed_day_month_year() -> None:
    plan = loads_plan(YAML.replace("date: '2021-03-03'", "date: 13/03/2021"), format="yaml")
    assert "2021-03-13" == str(plan.legal_bases[0].date)
    with pytest.raises(ValidationError) as caught:
        loads_plan(YAML.replace("date: '2021-03-03'", "date: 12/06/2021"), format="yaml")
    (problem,) = caught.value.problems
    assert "could be day/month or month/day" in problem.message
    assert "2021-06-12" in str(problem.hint)


# --- measurement tables ------------------------------------------------------------------------


def test_a_table_takes_co_khong_dat_khong_dat(tmp_path: Path) -> None:
    path = tmp_path / "data.csv"
    path.write_text("chỉ tiêu,kỳ,giá trị\n5.1,2025,Không đạt\n5.1,2026,Đạt\n5.1,2027,Có\n",
                    encoding="utf-8")
    assert [False, True, True] == [m.value for m in load_measurements(path, plan=PLAN)]


def test_a_table_reads_a_day_month_year_period(tmp_path: Path) -> None:
    path = tmp_path / "data.csv"
    path.write_text("indicator,period,value\n1.1,14/07/2026,40\n", encoding="utf-8")
    (measurement,) = load_measurements(path, plan=PLAN)
    assert "2026-07-14" == str(measurement.period)


def test_a_code_excel_stored_as_a_number_is_read_as_the_plans_code(tmp_path: Path) -> None:
    path = tmp_path / "data.xlsx"
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["chỉ tiêu", "kỳ", "giá trị"])
    sheet.append([2.1, 2026, 48])  # typed into a General cell, Excel keeps a number
    sheet.append([1.1, 2026, 50])
    workbook.save(path)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        found = load_measurements(path, plan=PLAN)
    assert ["2.1", "1.1"] == [m.indicator for m in found]
    texts = [render(w.message.args[0], "vi") for w in caught
             if issubclass(w.category, GenderPlanWarning)]
    assert [f"{path}: các mã chỉ tiêu gõ thành số đã được đọc là mã của kế hoạch (A2 '2.1', "
            "A3 '1.1'); định dạng cột là Văn bản (Text) để giữ mã như đã gõ"] == texts


def test_a_number_that_is_no_code_of_the_plan_is_still_refused(tmp_path: Path) -> None:
    path = tmp_path / "data.xlsx"
    workbook = openpyxl.Workbook()
    workbook.active.append(["indicator", "period", "value"])
    workbook.active.append([9.7, 2026, 48])
    workbook.save(path)
    with pytest.raises(ValidationError, match="expected a text in column 'indicator'"):
        load_measurements(path, plan=PLAN)


def test_a_percentage_typed_in_excel_is_read_in_percent(tmp_path: Path) -> None:
    path = tmp_path / "data.xlsx"
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["chỉ tiêu", "kỳ", "giá trị"])
    sheet.append(["1.1", 2026, 0.55])  # typed as 55%: Excel stores 0.55 and shows 55%
    sheet["C2"].number_format = "0%"
    sheet.append(["4.2", 2026, 0.125])  # 12.5% for an indicator in another unit: refused
    sheet["C3"].number_format = "0.0%"
    workbook.save(path)
    with pytest.raises(ValidationError) as caught:
        load_measurements(path, plan=PLAN)
    (problem,) = caught.value.problems
    assert "C3" == problem.column
    assert "'12.5%' has a percent sign, but the unit is" in problem.message
    sheet.delete_rows(3)
    workbook.save(path)
    (measurement,) = load_measurements(path, plan=PLAN)
    assert 55 == measurement.value


@given(typed_dates())
def test_a_day_typed_in_a_table_is_read_as_that_day(typed: tuple[str, str]) -> None:
    text, iso = typed
    rows = [Row(line=2, cells={"indicator": ("1.1", "A2"), "period": (text, "B2"),
                               "value": (40, "C2")})]
    (measurement,) = measurements_from_rows(rows, file=None)
    assert iso == str(measurement.period)


@given(typed_dates())
def test_a_day_typed_in_a_plan_file_is_read_as_that_day(typed: tuple[str, str]) -> None:
    text, iso = typed
    assert iso == day_month_year(text)
