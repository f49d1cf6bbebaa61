"""The record of activities: the workbook's 'Hoạt động' sheet and CSV files, read and checked."""

from __future__ import annotations

from pathlib import Path

import laikhe_2026_2030
import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gender_plan import (
    Activity,
    FileFormatError,
    Participants,
    Period,
    ValidationError,
    load_activities,
    write_workbook,
)
from gender_plan.cli import main
from gender_plan.io.activities import ACTIVITY_COLUMNS
from gender_plan.testing import activities

ROOT = Path(__file__).resolve().parents[2]
PLAN_FILE = ROOT / "examples" / "laikhe_2026_2030.yaml"
RECORD = ROOT / "examples" / "data" / "laikhe-activities-2026.csv"
PLAN = laikhe_2026_2030.build_plan()


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("activities") / "so-lieu.xlsx"
    write_workbook(PLAN, path, years=(2026, 2026))
    return path


def _cells(activity: Activity, *, by_name: bool) -> list[object]:
    """The cells an officer types for `activity` (unit and funding by name when `by_name`)."""
    units = {u.code: u.name.get("vi") for u in PLAN.units}
    funding = {f.code: f.description.get("vi") for f in PLAN.funding}
    people = activity.participants
    values = {
        "task": activity.task, "duty": activity.duty,
        "unit": units[activity.unit] if by_name else activity.unit,
        "start": str(activity.start), "end": None if activity.end is None else
        f"{activity.end.day:02d}/{activity.end.month:02d}/{activity.end.year}",
        "event": activity.event, "description": activity.description,
        "completed": "Có" if activity.completed else None,
        "female": people.female, "male": people.male, "total": people.total,
        "documents": "; ".join(activity.documents) or None, "cost": activity.cost,
        "funding": (funding[activity.funding] if by_name and activity.funding
                    else activity.funding),
        "note": activity.note,
    }
    return [values[c] for c in ACTIVITY_COLUMNS]


@settings(max_examples=15, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(record=st.lists(activities(plan=PLAN), max_size=6), by_name=st.booleans())
def test_activities_typed_into_the_sheet_read_back_equal(
        template: Path, tmp_path: Path, record: list[Activity], by_name: bool) -> None:
    workbook = openpyxl.load_workbook(template)
    sheet = workbook["Hoạt động"]
    for row, activity in enumerate(record, start=2):
        for column, value in enumerate(_cells(activity, by_name=by_name), start=1):
            sheet.cell(row, column).value = value
    workbook.save(tmp_path / "filled.xlsx")
    assert tuple(record) == load_activities(tmp_path / "filled.xlsx", plan=PLAN)


def test_the_example_record_reads_with_names_dates_and_documents() -> None:
    record = load_activities(RECORD, plan=PLAN)
    assert 9 == len(record)
    month = record[3]
    assert ("II.2.3.2", "action-month", "culture-society-office") == (
        month.task, month.event, month.unit)
    assert (Period(year=2026, month=11, day=15), Period(year=2026, month=12, day=15)) == (
        month.start, month.end)
    assert Participants(female=180, male=95) == month.participants
    assert ("Kế hoạch số 52/KH-UBND",) == month.documents
    assert (12_500_000, "state-budget") == (month.cost, month.funding)
    assert record[0].completed


def test_mistakes_in_the_sheet_are_reported_by_cell(template: Path, tmp_path: Path) -> None:
    workbook = openpyxl.load_workbook(template)
    sheet = workbook["Hoạt động"]
    rows = [
        ["II.2.3.2", "Phòng Văn hóa-xã hội xã", None, "31/11/2026", None, None, "Mít tinh"],
        ["II.9.9", "culture-society-office", None, "2026-11", None, None, "Hội thảo"],
        [None, "schools", 7, "2026", None, None, "Chuyên đề"],
        ["II.1.1", "schools", None, "2026", None, None, None, None, "-3", None, None, None,
         "một triệu"],
    ]
    for number, values in enumerate(rows, start=2):
        for column, value in enumerate(values, start=1):
            sheet.cell(number, column).value = value
    workbook.save(tmp_path / "bad.xlsx")
    with pytest.raises(ValidationError) as caught:
        load_activities(tmp_path / "bad.xlsx", plan=PLAN)
    found = [(p.column, p.message.split(",")[0]) for p in caught.value.problems]
    assert [("'Hoạt động'!D2", "expected a date or a period"),
            ("'Hoạt động'!G5", "the Nội dung hoạt động is empty"),
            ("'Hoạt động'!I5", "expected a whole number"),
            ("'Hoạt động'!M5", "expected a whole number")] == found
    for cell in ("D2", "G5", "I5", "M5"):
        sheet[cell].value = {"D2": "30/11/2026", "G5": "Họp", "I5": 3, "M5": 1_000_000}[cell]
    workbook.save(tmp_path / "bad.xlsx")
    with pytest.raises(ValidationError) as caught:
        load_activities(tmp_path / "bad.xlsx", plan=PLAN)
    found = [(p.column, p.message) for p in caught.value.problems]
    assert [("'Hoạt động'!A3", "the plan has no task 'II.9.9'"),
            ("'Hoạt động'!C4", "Các trường học trên địa bàn xã has 2 duties in the plan, "
             "not 7")] == found


def test_an_activity_for_no_task_and_no_duty_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    path.write_text("unit,start,description\nschools,2026,Họp phụ huynh\n", encoding="utf-8")
    with pytest.raises(ValidationError, match="serves a task or a unit's duty") as caught:
        load_activities(path, plan=PLAN)
    problem = caught.value.problems[0]
    assert (2, "activities[0].task") == (problem.line, problem.path)


def test_a_header_without_the_required_columns_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    path.write_text("task,when\nII.1.1,2026\n", encoding="utf-8")
    with pytest.raises(FileFormatError) as caught:
        load_activities(path)
    messages = [p.message for p in caught.value.problems]
    assert "unknown or repeated column 'when'" in messages
    assert "the column 'unit' (Đơn vị thực hiện) is missing" in messages


def test_a_workbook_without_the_sheet_is_refused(tmp_path: Path) -> None:
    workbook = openpyxl.Workbook()
    workbook.save(tmp_path / "w.xlsx")
    with pytest.raises(FileFormatError, match="no sheet 'Hoạt động'"):
        load_activities(tmp_path / "w.xlsx")


def test_validate_checks_the_record_and_notes_a_missing_action_month(
        template: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    workbook = openpyxl.load_workbook(template)
    sheet = workbook["Hoạt động"]
    for column, value in enumerate(["II.2.3.1", "culture-society-office", None, "20/03/2026",
                                    None, "Quốc tế hạnh phúc", "Tọa đàm"], start=1):
        sheet.cell(2, column).value = value
    workbook.save(tmp_path / "one.xlsx")
    assert 0 == main(["validate", str(PLAN_FILE), str(tmp_path / "one.xlsx"), "--as-of", "2026"])
    out = capsys.readouterr().out
    assert "1 activities fit the plan" in out
    assert "note: no activity is recorded for Tháng hành động vì bình đẳng giới" in out
    assert "(15/11-15/12) of 2026" in out
    assert "international-day-of-happiness" not in out
    assert 0 == main(["validate", str(PLAN_FILE), "--activities", str(RECORD), "--as-of",
                      "2026"])
    assert "note:" not in capsys.readouterr().out


def test_validate_reports_a_bad_record_with_its_cell(tmp_path: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "a.csv"
    path.write_text("task,unit,start,description\nII.1.1,nobody,2026,Họp\n", encoding="utf-8")
    assert 2 == main(["validate", str(PLAN_FILE), "--activities", str(path)])
    assert "a.csv:2 [unit] activities[0].unit: the plan has no unit 'nobody'" in \
        capsys.readouterr().err


def test_dates_numbers_and_yes_are_read_as_an_office_types_them(template: Path,
                                                                 tmp_path: Path) -> None:
    import datetime  # noqa: PLC0415

    workbook = openpyxl.load_workbook(template)
    sheet = workbook["Hoạt động"]
    rows = [
        ["II.2.3.2", "culture-society-office", None, datetime.datetime(2026, 11, 15),
         datetime.date(2026, 12, 15), "action-month", "Mít tinh", "x", "120", "1.080", None,
         "KH 1/KH-UBND; QĐ 2/QĐ-UBND", "12.500.000", PLAN.funding[0].description.get("vi")],
        ["II.2.4.3", "Trạm Y tế", 1, "11/2026", None, None, "Truyền thông", "Không", None, None,
         "300", None, 2_400_000.0],
        ["II.2.4.3", "health-station", None, "2026-Q4", None, None, "Khám", None],
    ]
    for number, values in enumerate(rows, start=2):
        for column, value in enumerate(values, start=1):
            sheet.cell(number, column).value = value
    workbook.save(tmp_path / "typed.xlsx")
    first, second, third = load_activities(tmp_path / "typed.xlsx", plan=PLAN)
    assert (Period(year=2026, month=11, day=15), Period(year=2026, month=12, day=15)) == (
        first.start, first.end)
    assert (True, Participants(female=120, male=1080), 12_500_000) == (
        first.completed, first.participants, first.cost)
    assert ("KH 1/KH-UBND", "QĐ 2/QĐ-UBND") == first.documents
    assert "state-budget" == first.funding  # chosen from the list by its description
    assert (Period(year=2026, month=11), "health-station", 300, False) == (
        second.start, second.unit, second.participants.total, second.completed)
    assert Period(year=2026, quarter=4) == third.start


def test_a_file_that_is_not_a_workbook_is_refused(tmp_path: Path) -> None:
    (tmp_path / "w.xlsx").write_bytes(b"not a zip")
    with pytest.raises(FileFormatError, match="cannot be read as an Excel workbook"):
        load_activities(tmp_path / "w.xlsx")
    with pytest.raises(FileFormatError, match=r"use a \.xlsx workbook or a \.csv file"):
        load_activities(tmp_path / "w.ods")


def test_a_formula_in_the_activities_sheet_is_refused_with_its_cell(template: Path,
                                                                    tmp_path: Path) -> None:
    workbook = openpyxl.load_workbook(template)
    sheet = workbook["Hoạt động"]
    for column, value in enumerate(["II.1.1", "schools", None, "2026", None, None, "Họp", None,
                                    "=5+5"], start=1):
        sheet.cell(2, column).value = value
    workbook.save(tmp_path / "f.xlsx")
    with pytest.raises(ValidationError, match=r"formula \(=5\+5\)") as caught:
        load_activities(tmp_path / "f.xlsx", plan=PLAN)
    assert ["'Hoạt động'!I2"] == [p.column for p in caught.value.problems]
