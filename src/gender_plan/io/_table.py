"""Measurement tables: the long-form columns, reading cells into measurements, and writing back.

Shared by the CSV, XLSX and pandas readers. A cell is read by what its column means, never by
guessing: a number in a text column that is not a whole number is refused rather than turned
into a code (2.10 would become "2.1"), a date in the period column is refused rather than read as
a day (Excel turns a typed 2025-07 into 1 July), and a decimal comma is read only when the caller
declares it or it is unambiguous, and then reported.
"""

from __future__ import annotations

import datetime
import difflib
import math
import re
import unicodedata
import warnings
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any, Literal

import attrs

from gender_plan._i18n import NumberText, msg
from gender_plan.errors import (
    FileFormatError,
    GenderPlanError,
    GenderPlanWarning,
    Problem,
    ValidationError,
)
from gender_plan.io._limits import BOUND_HINT, MAX_COLUMNS
from gender_plan.io._typed import DayMonthYearError, code_from_number, day_month_year, yes_no
from gender_plan.model import LocalizedText, Measurement, Period, Plan, Sex
from gender_plan.validation import check_measurements

__all__ = [
    "ALIASES",
    "COLUMNS",
    "NOTES",
    "REQUIRED",
    "Decimal",
    "Percent",
    "Row",
    "escape",
    "header",
    "measurements_from_rows",
    "unescape",
]

COLUMNS = (
    "indicator", "period", "value", "unit", "series", "source", "numerator", "denominator",
    "place", "sex", "series_vi", "series_en", "source_vi", "source_en",
)
"""The columns of a measurement table, in the order the writers put them. `series_vi`,
`series_en`, `source_vi` and `source_en` are how the series and the source read in Vietnamese and
English (the measurement's `series_label` and `source_label`)."""
_LABELS = {"series_label": ("series_vi", "series_en"), "source_label": ("source_vi", "source_en")}
REQUIRED = ("indicator", "period", "value")
"""The columns every table must have."""
NOTES = ("name", "target", "note")
"""Columns a reader passes over: what a workbook from `gender-plan template` shows beside the data
(the indicator's name and target, the officer's note). A table with the ``target`` column is
such a workbook: a row whose data cells are all empty is a period not measured yet, not a
measurement, and is passed over too."""
ALIASES: Mapping[str, str] = {
    "chỉ tiêu": "indicator",
    "mã chỉ tiêu": "indicator",
    "kỳ": "period",
    "giá trị": "value",
    "đơn vị": "unit",
    "chuỗi số liệu": "series",
    "nguồn": "source",
    "tử số": "numerator",
    "mẫu số": "denominator",
    "địa bàn": "place",
    "giới tính": "sex",
    "tên chỉ tiêu": "name",
    "chỉ tiêu kế hoạch": "target",
    "ghi chú": "note",
}
"""Vietnamese headers accepted for each column (case and spacing do not matter)."""
_SEXES = {"female": Sex.FEMALE, "male": Sex.MALE, "nữ": Sex.FEMALE, "nam": Sex.MALE}
_BOOLEANS = {"true": True, "false": False, "có": True, "không": False}
_NUMERIC = ("value", "numerator", "denominator")
_READ_ORDER = ("indicator", "unit", *(c for c in COLUMNS if c not in ("indicator", "unit")))
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "'")
_ENTERED = ("value", "numerator", "denominator", "series", "source", "sex")

Decimal = Literal[".", ","]
"""The decimal mark of numbers written as text."""

# Digits 0-9 only: Python's \d and float() also read full-width (５０) and Arabic-Indic (٤٠) digits.
_DOT_NUMBER = re.compile(r"^[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?$")
_COMMA_NUMBER = re.compile(r"^[+-]?[0-9]+(?:,[0-9]+)?$")
_COMMA_DECIMAL = re.compile(r"^[+-]?[0-9]+,([0-9]+)$")
_DOT_THOUSANDS = re.compile(r"^[+-]?[0-9]{1,3}(?:\.[0-9]{3})+(?:,[0-9]+)?$")


@attrs.frozen(kw_only=True)
class Row:
    """One data row of a table: its line, and each column's cell with the cell's label."""

    line: int
    """The row's 1-based line in a CSV file, or its row number in a sheet."""
    cells: Mapping[str, tuple[object, str]]
    """For each column present: the cell's value and its label (``value`` or ``C7``)."""


def escape(text: str) -> str:
    """Neutralise a text cell a spreadsheet would run as a formula, by a leading apostrophe.

    Texts that start with ``=``, ``+``, ``-``, ``@``, a tab, a carriage return, or an apostrophe
    get one more apostrophe in front, so that `unescape` gives back the text exactly.
    """
    return "'" + text if text.startswith(_FORMULA_START) else text


def unescape(text: str) -> str:
    """Undo `escape`: drop the apostrophe in front of a text that `escape` would have marked."""
    if text.startswith("'") and text[1:].startswith(_FORMULA_START):
        return text[1:]
    return text


def _normal(name: str) -> str:
    return " ".join(unicodedata.normalize("NFC", name).casefold().split())


def header(names: Sequence[object], labels: Sequence[str], file: str | None,
           line: int) -> list[str | None]:
    """Map each header cell to its column (None for a blank header), or raise every problem."""
    known = {name: name for name in (*COLUMNS, *NOTES)} | {
        _normal(k): v for k, v in ALIASES.items()}
    if len(names) > MAX_COLUMNS:
        raise FileFormatError([Problem(file=file, line=line, message=msg(
            "the header has {count} columns, more than the {most} accepted",
            count=NumberText(len(names)), most=NumberText(MAX_COLUMNS)), hint=BOUND_HINT)],
                              subject="measurement table")
    problems: list[Problem] = []
    columns: list[str | None] = []
    for name, label in zip(names, labels, strict=True):
        text = "" if name is None else _normal(str(name))
        column = known.get(text)
        if not text:
            columns.append(None)
            continue
        if column is None:
            close = difflib.get_close_matches(text, list(known), n=1)
            problems.append(Problem(
                file=file, line=line, column=label,
                message=msg("unknown column {name!r}", name=name),
                hint=msg("did you mean {close!r}?", close=close[0]) if close else
                msg("the columns are {columns}", columns=", ".join(COLUMNS))))
        elif column in columns:
            problems.append(Problem(file=file, line=line, column=label,
                                    message=msg("the column {column!r} appears twice",
                                                column=column)))
        columns.append(column)
    problems.extend(
        Problem(file=file, line=line,
                message=msg("the required column {name!r} is missing", name=name),
                hint=msg("the first row names the columns: {columns}", columns=", ".join(COLUMNS)))
        for name in REQUIRED if name not in columns
    )
    if problems:
        raise FileFormatError(problems, subject="measurement table")
    return columns


def _decimal_mark(rows: Sequence[Row], file: str | None) -> Decimal:
    """Tell the decimal mark from the numbers written as text, only when it is unambiguous."""
    commas: list[tuple[str, Row]] = []
    dots = False
    for row in rows:
        for column in _NUMERIC:
            value = row.cells.get(column, (None, ""))[0]
            if not isinstance(value, str):
                continue
            text = value.strip().removesuffix("%").strip()
            if _COMMA_DECIMAL.match(text):
                commas.append((text, row))
            elif "." in text and not _DOT_THOUSANDS.match(text):
                dots = True  # 1.234 beside 1,5 is a thousands dot: refused when read
    if not commas or dots:
        return "."  # mixed marks: the commas are reported as problems, with a hint
    unambiguous = [(text, row) for text, row in commas if len(text.split(",")[1]) != 3]
    if not unambiguous:
        text, row = commas[0]
        raise FileFormatError(
            [Problem(file=file, line=row.line,
                     message=msg("{text!r} may be {dot} or {plain}: every number with a comma "
                                 "has three digits after it", text=text,
                                 dot=text.replace(",", "."), plain=text.replace(",", "")),
                     hint=msg("pass decimal=',' or decimal='.' to say which (on the command "
                              "line: --decimal , or --decimal .)"))],
            subject="measurement table",
        )
    text, row = unambiguous[0]
    where = f"{file}:{row.line}" if file else msg("line {line}", line=row.line)
    warnings.warn(
        msg("{where}: numbers are written with a decimal comma ({text!r}); reading {text!r} as "
            "{number}. Pass decimal=',' (--decimal , on the command line) to say so and silence "
            "this.", where=where, text=text, number=text.replace(",", ".")),
        GenderPlanWarning,
        stacklevel=4,
    )
    return ","


class _CellError(GenderPlanError, ValueError):
    def __init__(self, message: str, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint


class Percent(float):
    """A number a spreadsheet shows as a percentage: the cell holds 0.55 for a typed 55%."""


def _percent(value: Percent, percent_ok: Callable[[], str | None]) -> float:
    """The percentage of a `Percent` cell, where the row's unit is percent."""
    number = round(float(value) * 100, 10)
    problem = percent_ok()
    if problem is not None:
        raise _CellError(msg("{text!r} has a percent sign, but {problem}",
                             text=format(number, "g") + "%", problem=problem),
                         msg("write 'percent' in the unit column, or drop the '%'"))
    return number


def _number(value: object, decimal: Decimal, percent_ok: Callable[[], str | None]) -> float:
    if isinstance(value, Percent):
        return _percent(value, percent_ok)
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        raise _CellError(msg("expected a number, found {value!r}", value=value))
    if not isinstance(value, str):
        return value
    text = value.strip()
    if text.endswith("%"):
        problem = percent_ok()
        if problem is not None:
            raise _CellError(msg("{text!r} has a percent sign, but {problem}", text=text,
                                 problem=problem),
                             msg("write 'percent' in the unit column, or drop the '%'"))
        text = text[:-1].strip()
    if any(char.isdigit() and not char.isascii() for char in text):
        raise _CellError(msg("expected a number written with the digits 0-9, found {value!r}",
                             value=value),
                         msg("type the number again with the digits 0-9 (it holds full-width "
                             "or other digits)"))
    if decimal == ".":
        if _DOT_NUMBER.match(text):
            return float(text) if any(c in text for c in ".eE") else int(text)
        hint = (msg("with a decimal comma, pass decimal=',' (--decimal , on the command line)")
                if _COMMA_NUMBER.match(text) else None)
    else:
        if _COMMA_NUMBER.match(text):
            return float(text.replace(",", ".")) if "," in text else int(text)
        if _DOT_THOUSANDS.match(text):
            raise _CellError(msg("{text!r} has a dot between thousands, but the decimal mark "
                                 "is ','", text=text),
                             msg("write {number} without the dot", number=text.replace(".", "")))
        hint = (msg("the decimal mark is ','; write thousands without a separator")
                if "." in text else None)
    raise _CellError(msg("expected a number, found {value!r}", value=value), hint)


def _text(value: object, column: str) -> str:
    if isinstance(value, str):
        return unescape(value.strip())
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    raise _CellError(msg("expected a text in column {column!r}, found {value!r}",
                         column=column, value=value),
                     msg("format the column as Text and type the value again: a number such "
                         "as 2.10 would lose its last digit"))


def _period(value: object) -> Period:
    if isinstance(value, datetime.date):
        raise _CellError(msg("the cell holds a date ({date}), not a period",
                             date=value.isoformat()),
                         msg("format the column as Text and write the period as 2025, "
                             "2025-Q3, 2025-07 or 2025-07-14"))
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str):
        raise _CellError(msg("expected a period such as 2025 or 2025-Q3, found {value!r}",
                             value=value))
    try:
        iso = day_month_year(value)  # 14/07/2025 as Vietnamese documents write a day
    except DayMonthYearError as error:
        raise _CellError(msg("{text!r} could be day/month or month/day", text=error.text),
                         msg("write the date as year-month-day: {iso} if it is day/month/year",
                             iso=error.iso)) from None
    return Period.parse(value if iso is None else iso)


def _value(value: object, decimal: Decimal, percent_ok: Callable[[], str | None]) -> float | bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and _normal(value) in _BOOLEANS:
        return _BOOLEANS[_normal(value)]
    if isinstance(value, str) and yes_no(value) is not None:
        return bool(yes_no(value))  # Có/Không, Đạt/Không đạt: as the report prints them
    return _number(value, decimal, percent_ok)


def _sex(value: object) -> Sex:
    text = _normal(value) if isinstance(value, str) else ""
    if text not in _SEXES:
        raise _CellError(msg("expected 'female' or 'male' (nữ, nam), found {value!r}",
                             value=value))
    return _SEXES[text]


def _blank(value: object) -> bool:
    return (value is None or (isinstance(value, str) and not value.strip())
            or (isinstance(value, float) and math.isnan(value)))


def measurements_from_rows(
    rows: Iterable[Row],
    *,
    file: str | None,
    decimal: Decimal | None = None,
    plan: Plan | None = None,
) -> tuple[Measurement, ...]:
    """Read every row into a measurement, then check them against `plan` when one is given.

    Raises:
        ValidationError: listing every problem, each with its file, line and column.
    """
    given = list(rows)
    template = any("target" in row.cells for row in given)
    table = [row for row in given if not all(
        _blank(v) for c, (v, _) in row.cells.items() if not template or c in _ENTERED)]
    mark = decimal if decimal is not None else _decimal_mark(table, file)
    units = {} if plan is None else {i.code: i.unit for _, i in plan.indicators()}
    problems: list[Problem] = []
    built: list[Measurement] = []
    typed: list[str] = []
    for index, row in enumerate(table):
        found = _row(row, index, mark, units, file, typed)
        if isinstance(found, Measurement):
            built.append(found)
        else:
            problems.extend(found)
    _warn_typed_codes(typed, file)
    if plan is not None and not problems:
        problems.extend(_at_cell(p, table, file) for p in check_measurements(plan, built))
    if problems:
        raise ValidationError(problems, subject="measurements")
    return tuple(built)


def _row(row: Row, index: int, decimal: Decimal, units: Mapping[str, str],
         file: str | None, typed: list[str]) -> Measurement | list[Problem]:
    cells = {k: v for k, v in row.cells.items() if not _blank(v[0])}
    problems: list[Problem] = []
    fields: dict[str, Any] = {}

    def percent_ok() -> str | None:
        unit = fields.get("unit") or units.get(fields.get("indicator", ""))
        if unit is None:
            return msg("the row has no unit")
        return None if unit == "percent" else msg("the unit is {unit!r}", unit=unit)

    readers: dict[str, Callable[[object], object]] = {
        "period": _period,
        "value": lambda v: _value(v, decimal, percent_ok),
        "numerator": lambda v: _number(v, decimal, percent_ok),
        "denominator": lambda v: _number(v, decimal, percent_ok),
        "sex": _sex,
    }
    for column in _READ_ORDER:  # indicator and unit first: a '%' after a value needs them
        if column not in cells:
            if column in REQUIRED:
                label = row.cells.get(column, (None, column))[1]
                problems.append(Problem(file=file, line=row.line, column=label,
                                        path=f"measurements[{index}].{column}",
                                        message=msg("the {column} is empty", column=column)))
            continue
        value, label = cells[column]
        if column == "indicator":
            value = _code_cell(value, label, units, typed)
        try:
            fields[column] = readers.get(column, lambda v, c=column: _text(v, c))(value)
        except _CellError as error:
            problems.append(Problem(file=file, line=row.line, column=label,
                                    path=f"measurements[{index}].{column}",
                                    message=error.message, hint=error.hint))
        except ValidationError as error:
            problems.extend(
                attrs.evolve(p, file=file, line=row.line, column=label,
                             path=f"measurements[{index}].{column}")
                for p in error.problems
            )
    for name, (vi, en) in _LABELS.items():
        if vi in fields or en in fields:
            if vi not in fields:
                problems.append(Problem(file=file, line=row.line, column=cells[en][1],
                                        path=f"measurements[{index}].{vi}",
                                        message=msg("{en} needs {vi}, the Vietnamese text",
                                                    en=en, vi=vi),
                                        hint=msg("fill in the {vi} column as well", vi=vi)))
                continue
            fields[name] = LocalizedText(vi=fields.pop(vi), en=fields.pop(en, None))
    if problems:
        return problems
    try:
        return Measurement(**fields)
    except ValidationError as error:
        return [_at_cell(p.prefixed(f"measurements[{index}]"), {index: row}, file)
                for p in error.problems]


def _code_cell(value: object, label: str, units: Mapping[str, str],
               typed: list[str]) -> object:
    """A code Excel stored as a number (2.1) read as the plan's code; noted in `typed`."""
    if not isinstance(value, float) or value.is_integer():
        return value
    code = code_from_number(value, units)
    if code is None:
        return value  # no plan, or no single code reads so: refused with the Text hint
    typed.append(f"{label} {code!r}")
    return code


def _warn_typed_codes(typed: Sequence[str], file: str | None) -> None:
    """One warning for every code typed as a number, naming their cells."""
    if typed:
        warnings.warn(
            msg("{file}: indicator codes typed as numbers were read as the plan's codes "
                "({cells}); format the column as Text to keep codes as typed",
                file=file or "-", cells=", ".join(typed)),
            GenderPlanWarning,
            stacklevel=4,
        )


def _at_cell(problem: Problem, rows: Sequence[Row] | Mapping[int, Row],
             file: str | None) -> Problem:
    """Pin a problem whose path is ``measurements[i].column`` to that row's line and cell."""
    match = re.match(r"measurements\[(\d+)\](?:\.(\w+))?", problem.path)
    if match is None:  # pragma: no cover - every check names a measurement
        return attrs.evolve(problem, file=file)
    row = rows[int(match.group(1))]
    column = match.group(2)
    label = row.cells[column][1] if column in row.cells else None
    return attrs.evolve(problem, file=file, line=row.line, column=label)


def cells_of(measurement: Measurement) -> dict[str, object]:
    """The cells of one measurement for a table: texts escaped, numbers as numbers."""
    cells: dict[str, object] = {}
    labels = {
        column: None if text is None else (text.vi, text.en)[position]
        for name, columns in _LABELS.items()
        for text in (getattr(measurement, name),)
        for position, column in enumerate(columns)
    }
    for column in COLUMNS:
        value = labels[column] if column in labels else getattr(measurement, column)
        if value is None:
            cells[column] = None
        elif isinstance(value, Sex):
            cells[column] = value.value
        elif isinstance(value, Period):
            cells[column] = str(value)
        elif isinstance(value, str):
            cells[column] = escape(value)
        else:
            cells[column] = value
    return cells


def frame_problem(file: str | None, message: str) -> FileFormatError:
    """A table that cannot be read at all (no header row, an unreadable sheet)."""
    return FileFormatError([Problem(file=file, message=message)], subject="measurement table")
