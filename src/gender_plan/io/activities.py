"""The record of activities: the ``Hoạt động`` sheet of the workbook, or a CSV file of its own.

One row per activity, with the columns of `ACTIVITY_COLUMNS` (Vietnamese headers as the workbook
writes them, or the English column names). Every problem is reported with its file, line and
cell (``'Hoạt động'!D5``); with a plan, unknown tasks, units, duties, events and funding sources
are reported too, and units, events and funding sources may be written by their Vietnamese name.
"""

from __future__ import annotations

import csv
import datetime
import io
import math
import os
import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

import attrs

from gender_plan._i18n import msg
from gender_plan.errors import FileFormatError, Problem, ValidationError
from gender_plan.implementation import check_activities
from gender_plan.io._bad_workbook import not_a_workbook
from gender_plan.io._extras import require
from gender_plan.io._source import decode, read_bytes
from gender_plan.io._table import unescape
from gender_plan.io._workbook_text import ACTIVITY_HEADERS, SHEET_ACTIVITIES
from gender_plan.model import Period, Plan
from gender_plan.model.activity import Activity, Participants

__all__ = ["ACTIVITY_COLUMNS", "has_activities", "load_activities"]

ACTIVITY_COLUMNS = tuple(ACTIVITY_HEADERS)
"""The columns of a record of activities."""
_REQUIRED = ("unit", "start", "description")
_DAY = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")
_MONTH = re.compile(r"^(\d{1,2})/(\d{4})$")
_GROUPED = re.compile(r"^\d{1,3}(?:([., \u00a0])\d{3})(?:\1\d{3})*$")
_YES = {"có": True, "x": True, "true": True, "không": False, "false": False}
_SUBJECT = msg("record of activities")

_Cell = tuple[object, str]
_Named = list[tuple[int, dict[str, _Cell]]]


def _normal(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).casefold().split())


class _CellError(ValueError):
    def __init__(self, message: str, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint


def has_activities(path: str | os.PathLike[str]) -> bool:
    """Whether `path` is a workbook with a ``Hoạt động`` sheet that holds any activity."""
    if Path(path).suffix.lower() != ".xlsx":
        return False
    openpyxl = require("openpyxl", package="openpyxl", extra="excel",
                       feature=msg("reading Excel files"))
    try:
        # Size-limited and read once: the path may be anything (a pipe, /dev/urandom).
        data = io.BytesIO(read_bytes(path))
        workbook = openpyxl.load_workbook(data, read_only=True, data_only=False)
    except Exception:  # the measurement reader reports an unreadable file
        return False
    try:
        if SHEET_ACTIVITIES not in workbook.sheetnames:
            return False
        rows = workbook[SHEET_ACTIVITIES].iter_rows(min_row=2, values_only=True)
        return any(not _blank(value) for row in rows for value in row)
    finally:
        workbook.close()


def load_activities(path: str | os.PathLike[str], *, plan: Plan | None = None,
                    sheet: str | None = None) -> tuple[Activity, ...]:
    """Read a record of activities from a workbook's ``Hoạt động`` sheet or a ``.csv`` file.

    Raises:
        FileFormatError: the file, its sheet or its header cannot be read.
        ValidationError: listing every problem of the rows, each with its file, line and cell.
    """
    name = str(path)
    suffix = Path(path).suffix.lower()
    if suffix == ".csv":
        text = decode(read_bytes(path), name)
        delimiter = max((",", ";", "\t"), key=text.split("\n", 1)[0].count)
        records = enumerate(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter),
                            start=1)
        named = _named(records, name, lambda _line, _index, column: column)
    elif suffix == ".xlsx":
        title = sheet or SHEET_ACTIVITIES
        letter = require("openpyxl.utils", package="openpyxl", extra="excel",
                         feature=msg("reading Excel files")).get_column_letter
        named = _named(_sheet(path, name, title), name,
                       lambda line, index, _c: f"'{title}'!{letter(index + 1)}{line}")
    else:
        raise FileFormatError([Problem(file=name, message=msg(
            "cannot read activities from a {suffix} file", suffix=suffix or "suffix-less"),
                                       hint=msg("use a .xlsx workbook or a .csv file"))],
                              subject=_SUBJECT)
    return _activities(named, name, plan)


def _sheet(path: str | os.PathLike[str], name: str,
           title: str) -> Iterable[tuple[int, Sequence[object]]]:
    openpyxl = require("openpyxl", package="openpyxl", extra="excel",
                       feature=msg("reading Excel files"))
    data = io.BytesIO(read_bytes(path))  # the size limit, before unzipping anything
    try:
        # Formulas are read as formulas, to refuse them: their values are Excel's to compute.
        workbook = openpyxl.load_workbook(data, read_only=True, data_only=False)
    except Exception as error:  # openpyxl raises a zoo of types for a bad file
        raise not_a_workbook(name, data.getvalue(), error, subject=_SUBJECT) from None
    try:
        if title not in workbook.sheetnames:
            raise FileFormatError([Problem(file=name, message=msg(
                "the workbook has no sheet {sheet!r}", sheet=title), hint=msg(
                "make the workbook with gender-plan template, or name the sheet"))],
                                  subject=_SUBJECT)
        rows = list(enumerate(workbook[title].iter_rows(), start=1))
        letter = openpyxl.utils.get_column_letter
        formulas = [Problem(file=name, line=line, column=f"'{title}'!{letter(cell.column)}{line}",
                            message=msg("the cell holds a formula ({formula}), not a value",
                                        formula=cell.value),
                            hint=msg("type the value, or paste its value only"))
                    for line, cells in rows for cell in cells
                    if getattr(cell, "data_type", None) == "f"]
        if formulas:
            raise ValidationError(formulas, subject=_SUBJECT)
        return [(line, tuple(getattr(cell, "value", None) for cell in cells))
                for line, cells in rows]
    finally:
        workbook.close()


def _named(records: Iterable[tuple[int, Sequence[object]]], name: str,
           label: Callable[[int, int, str], str]) -> _Named:
    """Each data row's cells by column, with their labels; the header read from the first row."""
    known = {c: c for c in ACTIVITY_COLUMNS} | {_normal(vi): c
                                                  for c, (vi, _) in ACTIVITY_HEADERS.items()}
    columns: list[str | None] | None = None
    rows: _Named = []
    for line, record in records:
        if columns is None:
            if all(_blank(v) for v in record):
                continue
            columns = []
            problems = []
            for index, value in enumerate(record):
                text = "" if value is None else _normal(str(value))
                column = known.get(text)
                if text and (column is None or column in columns):
                    problems.append(Problem(file=name, line=line,
                                            column=label(line, index, str(value)),
                                            message=msg("unknown or repeated column "
                                                        "{value!r}", value=value),
                                            hint=msg("the columns are {columns}", columns=", "
                                                     .join(vi for vi, _ in
                                                           ACTIVITY_HEADERS.values()))))
                columns.append(column)
            problems.extend(Problem(file=name, line=line, message=msg(
                "the column {column!r} ({header}) is missing", column=c,
                header=ACTIVITY_HEADERS[c][0])) for c in _REQUIRED if c not in columns)
            if problems:
                raise FileFormatError(problems, subject=_SUBJECT)
            continue
        cells: dict[str, _Cell] = {}
        for index, value in enumerate(record):
            column = columns[index] if index < len(columns) else None
            if column is not None:
                cells[column] = (value, label(line, index, column))
            elif not _blank(value):
                raise FileFormatError([Problem(file=name, line=line,
                                               column=label(line, index, str(index + 1)),
                                               message=msg("the value {value!r} is in a "
                                                           "column without a header",
                                                           value=value))], subject=_SUBJECT)
        if any(not _blank(v) for v, _ in cells.values()):
            rows.append((line, cells))
    if columns is None:
        raise FileFormatError([Problem(file=name, message=msg("no header row"))],
                              subject=_SUBJECT)
    return rows


def _blank(value: object) -> bool:
    return (value is None or (isinstance(value, str) and not value.strip())
            or (isinstance(value, float) and math.isnan(value)))


def _text(value: object) -> str:
    if isinstance(value, str):
        return unescape(value.strip())
    if isinstance(value, int | float) and not isinstance(value, bool) and float(value).is_integer():
        return str(int(value))
    raise _CellError(msg("expected a text, found {value!r}", value=value))


def _period(value: object) -> Period:
    if isinstance(value, datetime.datetime | datetime.date):
        day = value.date() if isinstance(value, datetime.datetime) else value
        return Period.from_date(day)
    text = _text(value)
    on_day = _DAY.match(text)
    in_month = _MONTH.match(text)
    try:
        if on_day:
            return Period.from_date(datetime.date(int(on_day[3]), int(on_day[2]),
                                                  int(on_day[1])))
        if in_month:
            return Period(year=int(in_month[2]), month=int(in_month[1]))
        return Period.parse(text)
    except (ValueError, ValidationError):
        raise _CellError(msg("expected a date or a period, found {value!r}", value=value),
                         msg("write 25/11/2026, 11/2026, 2026-Q4 or 2026")) from None


def _whole(value: object) -> int:
    if isinstance(value, int | float) and not isinstance(value, bool):
        if float(value).is_integer() and value >= 0:
            return int(value)
    elif isinstance(value, str):
        text = value.strip()
        if text.isdigit() or _GROUPED.match(text):
            return int(re.sub(r"\D", "", text))
    raise _CellError(msg("expected a whole number, 0 or more, found {value!r}", value=value),
                     msg("digits only, such as 1500000"))


def _cost(value: object) -> float:
    if isinstance(value, int | float) and not isinstance(value, bool) and value >= 0:
        return value
    return _whole(value)


def _yes(value: object) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and _normal(value) in _YES:
        return _YES[_normal(value)]
    raise _CellError(msg("expected Có or Không, found {value!r}", value=value))


def _documents(value: object) -> tuple[str, ...]:
    return tuple(part.strip() for part in _text(value).split(";") if part.strip())


def _by_name(plan: Plan | None) -> dict[str, dict[str, str]]:
    """For units, events and funding sources: code and Vietnamese name, normalised, to code."""
    if plan is None:
        return {}
    def table(items: Iterable[tuple[str, str]]) -> dict[str, str]:
        found: dict[str, str] = {}
        for code, text in items:
            found[_normal(code)] = code
            found[_normal(text)] = code
        return found
    return {
        "unit": table((u.code, u.name.get("vi")) for u in plan.units),
        "event": table((e.code, e.name.get("vi")) for e in plan.events),
        "funding": table((f.code, f.description.get("vi")) for f in plan.funding),
    }


def _activities(rows: _Named, name: str, plan: Plan | None) -> tuple[Activity, ...]:
    names = _by_name(plan)
    readers: dict[str, Callable[[object], object]] = {
        "start": _period, "end": _period, "duty": _whole, "female": _whole, "male": _whole,
        "total": _whole, "cost": _cost, "completed": _yes, "documents": _documents,
    }
    problems: list[Problem] = []
    built: list[Activity] = []
    where: list[dict[str, _Cell]] = []
    for index, (line, cells) in enumerate(rows):
        fields: dict[str, Any] = {}
        bad = []
        for column in ACTIVITY_COLUMNS:
            value, label = cells.get(column, (None, column))
            if _blank(value):
                if column in _REQUIRED:
                    bad.append(Problem(file=name, line=line, column=label,
                                       path=f"activities[{index}].{column}",
                                       message=msg("the {header} is empty",
                                                   header=ACTIVITY_HEADERS[column][0])))
                continue
            try:
                read = readers.get(column, _text)(value)
            except _CellError as error:
                bad.append(Problem(file=name, line=line, column=label, message=error.message,
                                   path=f"activities[{index}].{column}", hint=error.hint))
                continue
            if column in names and isinstance(read, str):
                read = names[column].get(_normal(read), read)
            fields[column] = read
        if bad:
            problems.extend(bad)
            continue
        people = {k: fields.pop(k) for k in ("female", "male", "total") if k in fields}
        try:
            built.append(Activity(participants=Participants(**people), **fields))
            where.append(cells)
        except ValidationError as error:
            problems.extend(_pin(p, index, line, cells, name) for p in error.problems)
    if plan is not None and not problems:
        for problem in check_activities(plan, built):
            index = int(problem.path.split("]")[0].split("[")[1])
            problems.append(_pin(problem, index, rows[index][0], where[index], name,
                                 keep_path=True))
    if problems:
        raise ValidationError(problems, subject=_SUBJECT)
    return tuple(built)


def _pin(problem: Problem, index: int, line: int, cells: dict[str, _Cell], name: str,
         *, keep_path: bool = False) -> Problem:
    """Put a problem of activity `index` on its line and the cell of the field it names."""
    field = problem.path.rsplit(".", 1)[-1].split("[")[0]
    label = cells[field][1] if field in cells else None
    path = problem.path if keep_path else f"activities[{index}].{problem.path}".rstrip(".")
    return attrs.evolve(problem, file=name, line=line, column=label, path=path)
