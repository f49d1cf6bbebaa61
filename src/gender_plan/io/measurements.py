"""Measurement files: long-form tables in CSV and XLSX, read and written back.

One row per measured value, with the columns of `COLUMNS` (Vietnamese headers are accepted too,
see `ALIASES`). Reading reports every problem with its file, line and column (a CSV header, an
XLSX cell such as ``C7``); writing is atomic and neutralises texts a spreadsheet would run as
formulas.
"""

from __future__ import annotations

import csv
import io
import os
import zipfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any

from gender_plan._i18n import NumberText, msg
from gender_plan.errors import FileFormatError, Problem, ValidationError
from gender_plan.io._atomic import write_atomic, write_bytes_atomic
from gender_plan.io._bad_workbook import not_a_workbook
from gender_plan.io._extras import require
from gender_plan.io._limits import (
    BOUND_HINT,
    MAX_COLUMNS,
    MAX_FILE_BYTES,
    MAX_ROWS,
    MAX_UNZIPPED_BYTES,
)
from gender_plan.io._parser_words import csv_problem
from gender_plan.io._source import decode, read_bytes
from gender_plan.io._table import (
    ALIASES,
    COLUMNS,
    Decimal,
    Percent,
    Row,
    cells_of,
    header,
    measurements_from_rows,
)
from gender_plan.model import Measurement, Plan

__all__ = ["ALIASES", "COLUMNS", "MAX_XLSX_BYTES", "load_measurements", "save_measurements"]

MAX_XLSX_BYTES = MAX_UNZIPPED_BYTES
"""The most an XLSX file may hold once unzipped: a small file that unzips to gigabytes is a bomb."""
_DELIMITERS = (",", ";", "\t")


def load_measurements(
    path: str | os.PathLike[str],
    *,
    decimal: Decimal | None = None,
    sheet: str | None = None,
    plan: Plan | None = None,
) -> tuple[Measurement, ...]:
    """Read measurements from a CSV or XLSX file in long form (one value per row).

    Args:
        path: a ``.csv`` file (UTF-8, comma, semicolon or tab separated) or an ``.xlsx`` workbook.
        decimal: the decimal mark of numbers written as text, ``"."`` or ``","``. When None, a
            decimal comma is read only when it cannot be a thousands separator (``1,4``, not
            ``1,400``), and a `GenderPlanWarning` says so.
        sheet: the worksheet to read in a workbook; None reads the first.
        plan: when given, the measurements are also checked against it (unknown indicators,
            units of the wrong kind, values outside natural limits, duplicates, periods far
            outside the plan), and a ``%`` after a value is allowed where the indicator's unit
            is percent.

    Raises:
        FileFormatError: the file or its header cannot be read.
        ValidationError: listing every problem of the rows, each with file, line and column.
    """
    name = str(path)
    if decimal not in (None, ".", ","):
        raise FileFormatError([Problem(message=msg("unknown decimal mark {mark!r}", mark=decimal),
                                       hint=msg("use decimal='.' or decimal=','"))])
    suffix = Path(path).suffix.lower()
    if suffix == ".csv":
        if sheet is not None:
            raise FileFormatError([Problem(file=name, message=msg("a CSV file has no sheets"),
                                           hint=msg("pass sheet= only for .xlsx files"))])
        rows = _csv_rows(decode(read_bytes(path), name, controls=False), name)
    elif suffix == ".xlsx":
        rows = _xlsx_rows(path, name, sheet)
    elif suffix in (".parquet", ".arrow", ".feather"):
        from gender_plan.io.arrow import arrow_rows  # noqa: PLC0415 - needs the arrow extra

        rows = arrow_rows(path)
    else:
        raise FileFormatError([Problem(file=name, message=msg("cannot read measurements from a "
                                       "{suffix} file", suffix=suffix or "suffix-less"),
                                       hint=msg("use a .csv, .xlsx, .parquet, .arrow or .feather "
                                                "file"))])
    return measurements_from_rows(rows, file=name, decimal=decimal, plan=plan)


def save_measurements(measurements: Iterable[Measurement], path: str | os.PathLike[str]) -> None:
    """Write measurements to a ``.csv`` (UTF-8 with a byte-order mark, for Excel) or ``.xlsx``.

    Every column is written, empty where a value is absent; numbers stay numbers, and texts
    that a spreadsheet would run as formulas get a leading apostrophe (read back unchanged).
    The file is replaced atomically.
    """
    rows = [cells_of(m) for m in measurements]
    suffix = Path(path).suffix.lower()
    if suffix == ".csv":
        write_bytes_atomic(path, _csv_text(rows).encode("utf-8-sig"))
    elif suffix == ".xlsx":
        _save_xlsx(rows, path)
    elif suffix in (".parquet", ".arrow", ".feather"):
        from gender_plan.io.arrow import write_arrow  # noqa: PLC0415 - needs the arrow extra

        write_arrow(rows, path)
    else:
        raise FileFormatError([Problem(file=str(path), message=msg("cannot write measurements "
                                       "to a {suffix} file", suffix=suffix or "suffix-less"),
                                       hint=msg("use a .csv, .xlsx, .parquet, .arrow or .feather "
                                                "file"))])


# --- CSV -----------------------------------------------------------------------------------------


def _csv_rows(text: str, name: str) -> list[Row]:
    first = text.split("\n", 1)[0]
    delimiter = max(_DELIMITERS, key=first.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    rows: list[Row] = []
    columns: list[str | None] | None = None
    names: list[str] = []
    start = 1
    try:
        for record in reader:
            line, start = start, reader.line_num + 1
            if len(record) > MAX_COLUMNS:
                raise FileFormatError([Problem(file=name, line=line, message=msg(
                    "the row has {count} columns, more than the {most} accepted",
                    count=NumberText(len(record)), most=NumberText(MAX_COLUMNS)),
                    hint=BOUND_HINT)], subject="measurement table")
            if columns is None:
                if not any(cell.strip() for cell in record):
                    continue
                columns = header(record, record, name, line)
                names = record
                continue
            rows.append(_row(record, columns, line, name, _header_label(names)))
    except csv.Error as error:
        raise FileFormatError([Problem(file=name, line=reader.line_num,
                                       message=msg("not valid CSV: {error}",
                                                   error=csv_problem(str(error))),
                                       hint=msg("check the quotes on this line"))],
                              subject="measurement table") from None
    if columns is None:
        raise FileFormatError([Problem(file=name, message=msg("the file has no header row"),
                                       hint=msg("the first row names the columns: {columns}",
                                                columns=", ".join(COLUMNS)))],
                              subject="measurement table")
    return rows


def _header_label(names: list[str]) -> Any:
    """A CSV cell's label: its column's header as the file writes it (``giá trị``)."""
    return lambda i, column: names[i].strip() if i < len(names) else column


def _row(record: list[Any], columns: list[str | None], line: int, name: str,
         label: Any) -> Row:
    """Pair a record's cells with their columns; a value beyond the named columns is refused."""
    cells: dict[str, tuple[object, str]] = {}
    for index, value in enumerate(record):
        column = columns[index] if index < len(columns) else None
        if column is not None:
            cells[column] = (value, label(index, column))
        elif value is not None and str(value).strip():
            raise FileFormatError([Problem(file=name, line=line, column=label(index, "?"),
                                           message=msg("the value {value!r} is in a column "
                                                       "without a header", value=value),
                                           hint=msg("name the column in the first row, or "
                                                    "move the value"))],
                                  subject="measurement table")
    return Row(line=line, cells=cells)


def _csv_text(rows: list[dict[str, object]]) -> str:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer)
    writer.writerow(COLUMNS)
    for row in rows:
        writer.writerow([_csv_cell(row[column]) for column in COLUMNS])
    return buffer.getvalue()


def _csv_cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return repr(value)
    return str(value)


# --- XLSX ----------------------------------------------------------------------------------------


def _openpyxl() -> Any:
    return require("openpyxl", package="openpyxl", extra="excel", feature=msg("reading and "
                   "writing Excel files"))


def _xlsx_rows(path: str | os.PathLike[str], name: str, sheet: str | None) -> list[Row]:
    openpyxl = _openpyxl()
    data = io.BytesIO(read_bytes(path))  # the size limit, before unzipping anything
    try:
        with zipfile.ZipFile(data) as archive:
            sizes = {info.filename: info.file_size for info in archive.infolist()}
    except Exception as error:  # zipfile raises a zoo of types for a bad file
        raise not_a_workbook(name, data.getvalue(), error,
                             subject="measurement table") from None
    # Checked before openpyxl unzips anything: it reads all shared strings when it opens the file.
    unzipped, largest = sum(sizes.values()), max(sizes.values(), default=0)
    if unzipped > MAX_XLSX_BYTES or largest > MAX_FILE_BYTES:
        raise FileFormatError([Problem(file=name, message=msg(
            "the workbook unzips to {size} bytes (its largest part {largest}), more than the "
            "{most} ({part} for one part) accepted", size=NumberText(unzipped),
            largest=NumberText(largest), most=NumberText(MAX_XLSX_BYTES),
            part=NumberText(MAX_FILE_BYTES)), hint=BOUND_HINT)], subject="measurement table")
    try:
        # Formulas are read as formulas, to refuse them: their values are Excel's to compute.
        workbook = openpyxl.load_workbook(data, read_only=True, data_only=False)
    except Exception as error:  # openpyxl raises a zoo of types for a bad file
        raise not_a_workbook(name, data.getvalue(), error,
                             subject="measurement table") from None
    try:
        names = list(workbook.sheetnames)
        if sheet is not None and sheet not in names:
            raise FileFormatError([Problem(file=name, message=msg("the workbook has no sheet "
                                           "{sheet!r}", sheet=sheet),
                                           hint=msg("its sheets: {names}",
                                                    names=", ".join(names)))],
                                  subject="measurement table")
        worksheet = workbook[sheet] if sheet is not None else workbook.worksheets[0]
        _check_geometry(worksheet.max_row, worksheet.max_column, name, openpyxl)
        # The declared size may lie: read what is there, and check each row as it comes.
        worksheet.reset_dimensions()
        # In a workbook of several sheets a cell is named with its sheet: 'Số liệu'!E7.
        where = f"'{worksheet.title}'!" if len(names) > 1 else ""
        return _sheet_rows(_values(worksheet.iter_rows(min_row=1), name, where, openpyxl),
                           name, openpyxl, where)
    except (FileFormatError, ValidationError):
        raise
    except Exception as error:  # a broken sheet inside a readable archive
        raise not_a_workbook(name, data.getvalue(), error,
                             subject="measurement table") from None
    finally:
        workbook.close()


def _cell_value(cell: Any) -> object:
    """A cell's value; a number Excel shows as a percentage (55% typed, 0.55 stored) as "55%".

    It then goes through the percent-sign check of the row's unit, as a typed "55%" does.
    """
    value = getattr(cell, "value", None)
    number_format = getattr(cell, "number_format", "") or ""
    if (isinstance(value, int | float) and not isinstance(value, bool)
            and "%" in number_format.replace('"%"', "")):
        return Percent(value)
    return value


def _check_geometry(rows: int | None, columns: int | None, name: str, openpyxl: Any) -> None:
    """Refuse a sheet wider than `MAX_COLUMNS` or longer than `MAX_ROWS`, before walking it."""
    if (rows or 0) <= MAX_ROWS and (columns or 0) <= MAX_COLUMNS:
        return
    last = f"{openpyxl.utils.get_column_letter(min(columns or 1, 18278))}{rows or 1}"
    raise FileFormatError([Problem(file=name, message=msg(
        "the sheet reaches cell {last}: more than {rows} rows or {columns} columns", last=last,
        rows=NumberText(MAX_ROWS), columns=NumberText(MAX_COLUMNS)),
        hint=msg("delete the rows and columns after the table, or copy the table to a new "
                 "sheet"))], subject="measurement table")


def _values(rows: Iterator[tuple[Any, ...]], name: str, where: str,
            openpyxl: Any) -> Iterator[tuple[Any, ...]]:
    """Each row's values; a formula anywhere is refused, with every formula cell named."""
    problems: list[Problem] = []
    for number, cells in enumerate(rows, start=1):
        for cell in cells:
            if getattr(cell, "data_type", None) == "f":
                label = f"{where}{openpyxl.utils.get_column_letter(cell.column)}{number}"
                problems.append(Problem(file=name, line=number, column=label,
                                        message=msg("the cell holds a formula ({formula}), not "
                                                    "a value", formula=cell.value),
                                        hint=msg("type the value, or copy the cell and paste "
                                                 "its value only (Paste Special, Values)")))
        if not problems:
            yield tuple(_cell_value(cell) for cell in cells)
    if problems:
        raise ValidationError(problems, subject="measurements")


def _sheet_rows(records: Iterator[tuple[Any, ...]], name: str, openpyxl: Any,
                where: str = "") -> list[Row]:
    letter = openpyxl.utils.get_column_letter
    rows: list[Row] = []
    columns: list[str | None] | None = None
    for number, record in enumerate(records, start=1):
        if len(record) > MAX_COLUMNS or number > MAX_ROWS:
            _check_geometry(number, len(record), name, openpyxl)
        if record.count(None) == len(record):  # a blank row (fast: a sheet may have a million)
            continue
        if columns is None:
            if all(cell is None or not str(cell).strip() for cell in record):
                continue
            labels = [f"{where}{letter(i + 1)}{number}" for i in range(len(record))]
            columns = header(list(record), labels, name, number)
            continue
        rows.append(_row(list(record), columns, number,
                         name, lambda i, _c, n=number: f"{where}{letter(i + 1)}{n}"))
    if columns is None:
        raise FileFormatError([Problem(file=name, message=msg("the sheet has no header row"))],
                              subject="measurement table")
    return rows


def _save_xlsx(rows: list[dict[str, object]], path: str | os.PathLike[str]) -> None:
    openpyxl = _openpyxl()
    illegal = openpyxl.cell.cell.ILLEGAL_CHARACTERS_RE
    problems = [
        Problem(path=f"measurements[{index}].{column}",
                message=msg("the text {value!r} holds a control character that an Excel file "
                            "cannot store", value=value), hint=msg("remove it, or save as .csv"))
        for index, row in enumerate(rows)
        for column, value in row.items()
        if isinstance(value, str) and illegal.search(value)
    ]
    if problems:
        raise ValidationError(problems, subject="measurements")
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "measurements"
    sheet.append(list(COLUMNS))
    for row in rows:
        sheet.append([row[column] for column in COLUMNS])

    def write(stream: IO[bytes]) -> None:
        workbook.save(stream)

    write_atomic(path, write)
