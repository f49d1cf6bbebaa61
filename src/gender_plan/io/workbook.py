"""The measurement workbook made from a plan: what `gender-plan template` writes for the office.

Sheets, in the order the readers expect: ``Số liệu`` (one row per indicator, or part of one, and
period, read by `load_measurements` as it is), ``Hoạt động`` (the record of activities, read by
`load_activities`), ``Danh mục`` (the plan's tasks, units and their duties, events and funding
sources, which the lists of the other sheets draw on) and ``Hướng dẫn`` (how to fill it in; the
workbook opens on it). Needs the ``excel`` extra (openpyxl).
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from typing import IO, Any

from gender_plan._i18n import msg
from gender_plan.errors import Problem, ValidationError
from gender_plan.io._atomic import write_atomic
from gender_plan.io._extras import require
from gender_plan.io._table import escape
from gender_plan.io._workbook_text import (
    ACTIVITY_HEADERS,
    INSTRUCTIONS,
    LISTS,
    MEASUREMENT_HEADERS,
    SHEET_ACTIVITIES,
    SHEET_HELP,
    SHEET_LISTS,
    SHEET_MEASUREMENTS,
)
from gender_plan.model import Frequency, Indicator, Period, Plan, TargetKind

__all__ = ["ACTIVITY_ROWS", "parse_years", "template_periods", "write_workbook"]

ACTIVITY_ROWS = 500
"""How many empty rows of the activities sheet get the lists and checks."""
_NUMBER_RULE = (
    'OR(ISNUMBER({c}),ISNUMBER(VALUE(SUBSTITUTE(SUBSTITUTE({c},",","."),"%",""))),'
    'ISNUMBER(VALUE(SUBSTITUTE(SUBSTITUTE({c},".",","),"%",""))))'
)
"""A number, or a text that is one with a decimal comma or point (either locale of Excel)."""
_GREY = "F2F2F2"
_HEADER = "DDEBF7"


def parse_years(text: str) -> tuple[int, int]:
    """Read ``--years``: ``2025-2030`` or one year ``2026``."""
    first, _, last = text.strip().partition("-")
    try:
        years = (int(first), int(last or first))
    except ValueError:
        years = (0, 0)
    if not (1900 <= years[0] <= years[1] <= 2200):
        raise ValidationError([Problem(message=msg("expected years such as 2025-2030, found "
                                                   "{text!r}", text=text),
                                       hint=msg("give the first and last year"))],
                              subject=msg("years"))
    return years


def template_periods(indicator: Indicator, years: Sequence[int]) -> tuple[Period, ...]:
    """The periods an indicator is measured in.

    Months or quarters for a count per month or quarter (6.3: at least one column each month),
    otherwise years.
    """
    frequencies = {t.frequency for t in indicator.targets
                   if t.kind is TargetKind.COUNT_PER_PERIOD and t.frequency is not None}
    if Frequency.MONTH in frequencies:
        return tuple(Period(year=y, month=m) for y in years for m in range(1, 13))
    if Frequency.QUARTER in frequencies:
        return tuple(Period(year=y, quarter=q) for y in years for q in range(1, 5))
    return tuple(Period(year=y) for y in years)


def write_workbook(
    plan: Plan,
    path: str | os.PathLike[str],
    *,
    years: tuple[int, int] | None = None,
    places: Iterable[str] = (),
) -> int:
    """Write the workbook for `plan` to `path` atomically; return its number of data rows.

    Args:
        plan: the plan whose indicators, tasks and units the workbook lists.
        path: the ``.xlsx`` file to write.
        years: the first and last year to list; default the year before the plan through its
            last year (the baseline year and every year of the plan).
        places: when given, every indicator and period is listed once for each place, with a
            place column (for a district that collects its communes' figures).
    """
    openpyxl = require("openpyxl", package="openpyxl", extra="excel",
                       feature=msg("writing the measurement workbook"))
    first, last = years if years is not None else (plan.start_year - 1, plan.end_year)
    chosen = tuple(places)
    workbook = openpyxl.Workbook()
    measurements = workbook.active
    measurements.title = SHEET_MEASUREMENTS
    rows = _measurement_sheet(openpyxl, measurements, plan, range(first, last + 1), chosen)
    lists = _lists_sheet(workbook.create_sheet(SHEET_LISTS), plan)
    _activity_sheet(openpyxl, workbook.create_sheet(SHEET_ACTIVITIES, 1), lists)
    help_sheet = workbook.create_sheet(SHEET_HELP)
    _help_sheet(openpyxl, help_sheet, plan)
    workbook.active = workbook.index(help_sheet)
    for sheet in workbook.worksheets:
        sheet.sheet_view.tabSelected = sheet is help_sheet
    _check_texts(openpyxl, workbook)

    def write(stream: IO[bytes]) -> None:
        workbook.save(stream)

    write_atomic(path, write)
    return rows


def _header(openpyxl: Any, sheet: Any, headers: Sequence[tuple[str, str]],
            widths: Sequence[int]) -> None:
    styles = openpyxl.styles
    sheet.append([vi for vi, _ in headers])
    for index, ((_, en), width) in enumerate(zip(headers, widths, strict=True), start=1):
        cell = sheet.cell(row=1, column=index)
        cell.font = styles.Font(bold=True)
        cell.fill = styles.PatternFill("solid", fgColor=_HEADER)
        cell.alignment = styles.Alignment(wrap_text=True, vertical="center")
        cell.comment = openpyxl.comments.Comment(en, "gender-plan")
        letter = openpyxl.utils.get_column_letter(index)
        sheet.column_dimensions[letter].width = width
    sheet.row_dimensions[1].height = 45
    sheet.freeze_panes = "A2"


def _measurement_sheet(openpyxl: Any, sheet: Any, plan: Plan, years: Sequence[int],
                       places: Sequence[str]) -> int:
    from gender_plan.report.view import target_text  # noqa: PLC0415 - the reports' wording

    columns = [c for c in MEASUREMENT_HEADERS if c != "place" or places]
    widths = {"indicator": 9, "name": 48, "target": 26, "period": 10, "value": 11, "unit": 16,
              "numerator": 10, "denominator": 10, "series": 18, "source": 28, "place": 16,
              "note": 24}
    _header(openpyxl, sheet, [MEASUREMENT_HEADERS[c] for c in columns],
            [widths[c] for c in columns])
    sheet.freeze_panes = "D2"  # the code, name and target stay in view as the office scrolls
    letter = {c: openpyxl.utils.get_column_letter(i) for i, c in enumerate(columns, start=1)}
    styles = openpyxl.styles
    grey = styles.PatternFill("solid", fgColor=_GREY)
    wrap = styles.Alignment(wrap_text=True, vertical="top")
    row = 1
    for _, indicator in plan.indicators():
        target = "; ".join(target_text(plan, indicator, t, "vi") for t in indicator.targets)
        top = row + 1
        for place in places or (None,):
            for period in template_periods(indicator, years):
                row += 1
                values = {"indicator": indicator.code, "name": indicator.name.get("vi"),
                          "target": target, "period": str(period),
                          "unit": indicator.unit,
                          "place": place}
                for column, value in values.items():
                    if column not in letter or value is None:
                        continue
                    cell = sheet[f"{letter[column]}{row}"]
                    cell.value = escape(value)
                    cell.number_format = "@"
                    cell.fill = grey
                    cell.alignment = wrap
                for column in ("series", "source", "note"):
                    sheet[f"{letter[column]}{row}"].number_format = "@"
                # Spreadsheets do not grow a row to its wrapped text on opening: size it here.
                lines = max(-(-len(str(values[c])) // widths[c]) for c in ("name", "target"))
                sheet.row_dimensions[row].height = 15 * max(lines, 1)
        _validate_rows(openpyxl, sheet, indicator, letter, top, row)
    return row - 1


def _validate_rows(openpyxl: Any, sheet: Any, indicator: Indicator, letter: dict[str, str],
                   top: int, bottom: int) -> None:
    """One indicator's rows: numbers (or Có/Không) in the value, its unit only in the unit."""
    if bottom < top:
        return
    validation = openpyxl.worksheet.datavalidation.DataValidation

    def add(rule: Any, column: str) -> None:
        rule.add(f"{letter[column]}{top}:{letter[column]}{bottom}")
        sheet.add_data_validation(rule)

    if indicator.unit == "yes_no":
        add(validation(type="list", formula1='"Có,Không"', allow_blank=True,
                       showErrorMessage=True, errorTitle="Có/Không",
                       error="Chọn Có hoặc Không (yes or no)."), "value")
    else:
        add(validation(type="custom", formula1=_NUMBER_RULE.format(c=f"{letter['value']}{top}"),
                       allow_blank=True, showErrorMessage=True, errorTitle="Giá trị",
                       error="Nhập một số, ví dụ 60,5 (a number, such as 60.5)."), "value")
    if "," not in indicator.unit and '"' not in indicator.unit:
        add(validation(type="list", formula1=f'"{indicator.unit}"', allow_blank=True,
                       showErrorMessage=True, errorTitle="Đơn vị",
                       error=f"Đơn vị của chỉ tiêu là {indicator.unit} (fixed by the plan)."),
            "unit")
    for column in ("numerator", "denominator") if indicator.unit != "yes_no" else ():
        add(validation(type="custom",
                       formula1=_NUMBER_RULE.format(c=f"{letter[column]}{top}"),
                       allow_blank=True, showErrorMessage=True, errorTitle="Số",
                       error="Nhập một số không âm (a number, 0 or more)."), column)


def _lists_sheet(sheet: Any, plan: Plan) -> dict[str, str]:
    """The reference lists; return, for each list, the range that data validation draws on."""
    sheet.append(list(LISTS))
    columns: list[list[object]] = [
        [t.code for t in plan.tasks], [t.text.get("vi") for t in plan.tasks],
        [u.name.get("vi") for u in plan.units], [u.code for u in plan.units],
        ["\n".join(f"{n}. {d.get('vi')}" for n, d in enumerate(u.duties, start=1))
         for u in plan.units],
        [e.name.get("vi") for e in plan.events], [e.code for e in plan.events],
        [str(e.start) if e.end is None else f"{e.start}-{e.end}" for e in plan.events],
        [f.description.get("vi") for f in plan.funding], [f.code for f in plan.funding],
    ]
    for number, column in enumerate(columns, start=1):
        for row, value in enumerate(column, start=2):
            sheet.cell(row=row, column=number, value=escape(str(value)))
    for letter, width in zip("ABCDEFGHIJ", (12, 60, 34, 26, 70, 34, 30, 12, 40, 22), strict=True):
        sheet.column_dimensions[letter].width = width
    sheet.freeze_panes = "A2"

    def span(letter: str, count: int) -> str:
        return f"'{SHEET_LISTS}'!${letter}$2:${letter}${max(count, 1) + 1}"

    return {"task": span("A", len(plan.tasks)), "unit": span("C", len(plan.units)),
            "event": span("F", len(plan.events)), "funding": span("I", len(plan.funding))}


def _activity_sheet(openpyxl: Any, sheet: Any, lists: dict[str, str]) -> None:
    columns = list(ACTIVITY_HEADERS)
    widths = {"task": 11, "unit": 28, "duty": 10, "start": 12, "end": 12, "event": 26,
              "description": 48, "completed": 11, "female": 10, "male": 10, "total": 10,
              "documents": 28, "cost": 14, "funding": 24, "note": 24}
    _header(openpyxl, sheet, [ACTIVITY_HEADERS[c] for c in columns], [widths[c] for c in columns])
    letter = {c: openpyxl.utils.get_column_letter(i) for i, c in enumerate(columns, start=1)}
    last = ACTIVITY_ROWS + 1
    for column in ("task", "start", "end", "description", "documents", "note"):
        for row in range(2, last + 1):
            sheet[f"{letter[column]}{row}"].number_format = "@"
    validation = openpyxl.worksheet.datavalidation.DataValidation
    rules = [
        (validation(type="list", formula1=f"={lists[name]}", allow_blank=True), name)
        for name in ("task", "unit", "event", "funding")
    ]
    rules.append((validation(type="list", formula1='"Có,Không"', allow_blank=True), "completed"))
    rules.extend(
        (validation(type="whole", operator="greaterThanOrEqual", formula1="0", allow_blank=True,
                    showErrorMessage=True, error="Nhập số người, 0 trở lên (a whole number)."),
         name)
        for name in ("duty", "female", "male", "total")
    )
    rules.append((validation(type="decimal", operator="greaterThanOrEqual", formula1="0",
                             allow_blank=True, showErrorMessage=True,
                             error="Nhập số tiền bằng chữ số (digits only, in đồng)."), "cost"))
    for rule, name in rules:
        rule.add(f"{letter[name]}2:{letter[name]}{last}")
        sheet.add_data_validation(rule)
    sheet.freeze_panes = "B2"


def _help_sheet(openpyxl: Any, sheet: Any, plan: Plan) -> None:
    styles = openpyxl.styles
    sheet.column_dimensions["A"].width = 90
    sheet.column_dimensions["B"].width = 90
    sheet.append([escape(plan.title.get("vi")), escape(plan.title.get("en"))])
    for index, (vi, en) in enumerate(INSTRUCTIONS):
        sheet.append([vi, en])
        if index == 0:
            for cell in sheet[sheet.max_row]:
                cell.font = styles.Font(bold=True, size=13)
    for row in sheet.iter_rows():
        for cell in row:
            cell.alignment = styles.Alignment(wrap_text=True, vertical="top")
    sheet["A1"].font = styles.Font(bold=True)


def _check_texts(openpyxl: Any, workbook: Any) -> None:
    """Refuse a plan text that an Excel file cannot store, naming its sheet and cell."""
    illegal = openpyxl.cell.cell.ILLEGAL_CHARACTERS_RE
    problems = [
        Problem(column=f"'{sheet.title}'!{cell.coordinate}",
                message=msg("the plan's text {text!r} holds a control character that an "
                            "Excel file cannot store", text=cell.value),
                hint=msg("remove it from the plan file"))
        for sheet in workbook.worksheets
        for row in sheet.iter_rows()
        for cell in row
        if isinstance(cell.value, str) and illegal.search(cell.value)
    ]
    if problems:
        raise ValidationError(problems, subject="plan")
