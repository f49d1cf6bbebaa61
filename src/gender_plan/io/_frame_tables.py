"""Reading the long measurement table into a `MeasurementFrame`: CSV files and DataFrames.

The edge of the array engine: the stdlib csv reader names every bad cell with its file and line;
with pyarrow or pandas installed, `_frame_columns` reads column by column first (pyarrow
parsing the numbers as it reads the file) and falls back to it.
A file is read within the bounds of `_limits` before either reader sees it: at most
`MAX_FRAME_BYTES` and `MAX_FRAME_ROWS` (a nation's table, far more than a commune's file may
hold), and `MAX_COLUMNS` columns.
"""

from __future__ import annotations

import codecs
import csv
import difflib
import importlib
import io
import math
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

import numpy.typing as npt

from gender_plan import units
from gender_plan._i18n import ListText, NumberText, msg
from gender_plan.errors import FileFormatError, Problem, ValidationError
from gender_plan.evaluation.frame import CSV_COLUMNS, MeasurementFrame, _parse_period, _value
from gender_plan.io import _frame_columns as _table
from gender_plan.io._extras import require
from gender_plan.io._limits import (
    BOUND_HINT,
    MAX_COLUMNS,
    MAX_FRAME_BYTES,
    MAX_FRAME_ROWS,
    read_bytes,
)
from gender_plan.io._parser_words import csv_problem
from gender_plan.model.period import Period

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["from_dataframe", "read_csv"]


def read_csv(cls: type[MeasurementFrame], path: str | Path, unit_of: Mapping[str, str], *,
             encoding: str,
             engine: Literal["auto", "pyarrow", "pandas", "csv"]) -> MeasurementFrame:
    """`MeasurementFrame.read_csv`, with each indicator's unit in `unit_of`.

    Raises:
        FileFormatError: the file is larger, longer or wider than the bounds, not text in
            `encoding`, or not CSV.
        ValidationError: every malformed row, with the file and line.
    """
    name = str(path)
    data = _unmarked(read_bytes(path, limit=MAX_FRAME_BYTES), encoding)
    if engine in ("auto", "pyarrow"):
        table = _arrow_table(data, name, encoding, required=engine == "pyarrow",
                             numbers=_numbers(unit_of))
        if table is not None:
            del data  # the table holds every cell: not the file's bytes as well
            pool = importlib.import_module("pyarrow").default_memory_pool()
            pool.release_unused()  # what parsing took and gave back, before the frame is made
            fast = _table.columns_of(_table.ArrowTexts(table), unit_of)
            del table
            pool.release_unused()
            if fast is not None:
                return cls._from_columns(*fast)
            data = _unmarked(read_bytes(path, limit=MAX_FRAME_BYTES), encoding)  # for a reader
            # that is sure
    if engine in ("auto", "pandas"):
        fast = _read_csv_fast(data, name, unit_of, encoding, required=engine == "pandas")
        if fast is not None:
            return cls._from_columns(*fast)
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as error:
        raise FileFormatError([Problem(
            file=name, line=data[: error.start].count(b"\n") + 1,
            message=msg("the file is not {encoding} text: byte 0x{byte} cannot be read",
                        encoding=encoding, byte=data[error.start : error.start + 1].hex().upper()),
            hint=msg("pass the file's encoding (encoding=...), or save it as UTF-8"))],
            subject="measurement table") from None
    reader = csv.DictReader(io.StringIO(text, newline=""))
    read = [1]  # the last line of the last record read whole (the header's, at first)
    try:
        _check_header(reader.fieldnames or (), name)
        return _from_records(cls, _bounded(reader, name, read), unit_of, name, first_line=2)
    except csv.Error as error:
        raise FileFormatError([Problem(file=name, line=read[0] + 1,
                                       message=msg("not valid CSV: {error}",
                                                   error=csv_problem(str(error))),
                                       hint=msg("check the quotes on this line"))],
                              subject="measurement table") from None


def _unmarked(data: bytes, encoding: str) -> bytes:
    """`data` without the UTF-8 byte-order mark that Excel and `save_measurements` write."""
    if data.startswith(codecs.BOM_UTF8) and codecs.lookup(encoding).name == "utf-8":
        return data[len(codecs.BOM_UTF8):]
    return data


def _too_long(name: str | None) -> FileFormatError:
    return FileFormatError([Problem(file=name, message=msg(
        "the table has more than {most} rows", most=NumberText(MAX_FRAME_ROWS)),
        hint=BOUND_HINT)], subject="measurement table")


def _bounded(reader: csv.DictReader[str], name: str,
             read: list[int]) -> Iterator[dict[str, str | None]]:
    """The records of `reader`, refused once there are more than `MAX_FRAME_ROWS`.

    `read` is kept at the last line of the last record read, for a problem of the next one.
    """
    for count, record in enumerate(reader, start=1):
        if count > MAX_FRAME_ROWS:
            raise _too_long(name)
        read[0] = reader.line_num
        yield record


def from_dataframe(cls: type[MeasurementFrame], data: pd.DataFrame,
                   unit_of: Mapping[str, str]) -> MeasurementFrame:
    """`MeasurementFrame.from_dataframe`, with each indicator's unit in `unit_of`."""
    pandas: Any = require("pandas", package="pandas", extra="pandas", feature=msg("DataFrames"))
    if not isinstance(data, pandas.DataFrame):
        raise FileFormatError([Problem(message=msg("expected a pandas DataFrame, found {kind}",
                                                   kind=type(data).__name__))],
                              subject="DataFrame")
    _check_header([str(c) for c in data.columns], None)
    table = data.rename(columns=str).map(_cell_text)
    fast = _table.columns_of(_table.PandasTexts(table), unit_of)
    if fast is not None:
        return cls._from_columns(*fast)
    records = ({str(k): str(v) for k, v in row.items()} for row in table.to_dict("records"))
    return _from_records(cls, records, unit_of, None, first_line=1)


def _from_records(
    cls: type[MeasurementFrame], records: Iterable[Mapping[str, str | None]],
    unit_of: Mapping[str, str], name: str | None, *, first_line: int,
) -> MeasurementFrame:
    rows = []
    problems: list[Problem] = []
    for line, record in enumerate(records, start=first_line):
        found = _record(record, unit_of, name, line, problems)
        if found is not None:
            period, value, sex, numerator, denominator = found
            # codes without the spaces around them, as `load_measurements` reads them: ' 1.1'
            # is indicator '1.1'
            rows.append(((record["place"] or "").strip(), (record["indicator"] or "").strip(),
                         (record.get("series") or "").strip() or None, sex, period, value,
                         numerator, denominator))
    if problems:
        raise ValidationError(problems, subject="measurements")
    return cls._of_rows(rows)


def _check_header(names: Sequence[str], file: str | None) -> None:
    if len(names) > MAX_COLUMNS:
        raise FileFormatError([Problem(
            file=file, line=1 if file is not None else None,
            message=msg("the header has {count} columns, more than the {most} accepted",
                        count=NumberText(len(names)), most=NumberText(MAX_COLUMNS)),
            hint=BOUND_HINT)], subject="measurement table")
    twice = sorted({n for n in names if n in CSV_COLUMNS and names.count(n) > 1})
    if twice:  # the readers would keep one of the two cells, each its own
        raise ValidationError([Problem(
            file=file, line=1 if file is not None else None,
            message=msg("the column {column!r} appears twice", column=column))
            for column in twice], subject="measurements")
    unknown = [n for n in names if n not in _KNOWN_COLUMNS]
    if unknown:
        raise ValidationError([Problem(
            file=file, line=1 if file is not None else None, column=n,
            message=msg("unknown column {name!r}", name=n),
            hint=msg("did you mean {close!r}?", close=close[0])
            if (close := difflib.get_close_matches(n, sorted(_KNOWN_COLUMNS), n=1))
            else msg("the columns are {columns}", columns=", ".join(CSV_COLUMNS)))
            for n in unknown], subject="measurements")
    missing = REQUIRED - set(names)
    if missing:
        raise ValidationError(
            [Problem(file=file, line=1 if file is not None else None,
                     message=msg("missing columns: {names}", names=sorted(missing)),
                     hint=msg("the header names {columns}", columns=", ".join(CSV_COLUMNS)))],
            subject="measurements",
        )


def _cell_text(cell: object) -> str:
    """A DataFrame cell as the text a CSV file would hold ('' for a missing one).

    Floats are written in their shortest exact form (``str``), so they read back unchanged.
    """
    import pandas  # noqa: PLC0415 - only called on a DataFrame

    missing: object = pandas.isna(cell)  # type: ignore[call-overload]  # any scalar
    if cell is None or (isinstance(missing, bool) and missing):
        return ""
    return str(cell)


def _read_csv_fast(data: bytes, name: str, unit_of: Mapping[str, str], encoding: str, *,
                   required: bool) -> tuple[list[str], list[str], list[str | None],
                                            dict[str, npt.NDArray[Any]]] | None:
    """The columns read by pandas, or None when pandas is missing or unsure (read row by row)."""
    if required:
        pandas: Any = require("pandas", package="pandas", extra="pandas",
                              feature=msg("reading measurement tables with pandas"))
    else:
        try:
            import pandas  # noqa: PLC0415 - optional, imported on first use
        except ImportError:  # pragma: no cover - depends on the environment
            return None
    if data.startswith(b"\xef\xbb\xbf"):
        return None  # a byte-order mark: leave the header's reading to the csv module
    try:
        table = pandas.read_csv(io.BytesIO(data), dtype=str, keep_default_na=False,
                                na_filter=False, encoding=encoding, skip_blank_lines=True)
    except (ValueError, UnicodeError, pandas.errors.ParserError, pandas.errors.EmptyDataError):
        return None
    if not isinstance(table.index, pandas.RangeIndex):
        return None  # rows longer than the header: pandas took their first cells for an index
    if len(table) > MAX_FRAME_ROWS:
        raise _too_long(name)
    if len(table.columns) > MAX_COLUMNS:
        return None  # the csv reader refuses it, naming the line
    names = [str(c) for c in table.columns]
    if not plain_header(names):
        return None  # pandas renames a column named twice 'value.1': the csv reader refuses it
    result: tuple[list[str], list[str], list[str | None], dict[str, npt.NDArray[Any]]] | None
    result = _table.columns_of(_table.PandasTexts(table.fillna("")), unit_of)
    return result


def _numbers(unit_of: Mapping[str, str]) -> tuple[str, ...]:
    """The columns pyarrow reads as numbers: the value too when no indicator is yes/no."""
    if any(units.is_yes_no(unit) for unit in set(unit_of.values())):
        return ("numerator", "denominator")  # a yes/no value is a text ("yes", "true"...)
    return ("value", "numerator", "denominator")


def _arrow_table(data: bytes, name: str, encoding: str, *, required: bool,
                 numbers: Collection[str] = ()) -> Any:
    """The table pyarrow reads, or None when pyarrow is missing or unsure.

    A file in another encoding than UTF-8, with a byte-order mark, a row of another width or
    anything else pyarrow cannot read is left to the other readers. The columns of codes are
    read as dictionaries: each distinct text once. The columns in `numbers` are read as
    float64 by Arrow's parser, correctly rounded as Python's `float` is (it skips spaces and
    tabs around a number, as the row-by-row reader strips them); an empty cell of them is
    null, and no other text is: "NA" or "null" is not a number, so that the file is read
    another way, as a cell pyarrow cannot read as a number is. Every other cell is a text.
    """
    if required:
        pacsv: Any = require("pyarrow.csv", package="pyarrow", extra="arrow",
                             feature=msg("reading measurement tables with pyarrow"))
    else:
        try:
            pacsv = importlib.import_module("pyarrow.csv")
        except ImportError:  # pragma: no cover - depends on the environment
            return None
    if codecs.lookup(encoding).name != "utf-8" or data.startswith(b"\xef\xbb\xbf"):
        return None
    end = data.find(b"\n")
    try:
        names = next(csv.reader([(data if end < 0 else data[:end]).decode().rstrip("\r")]))
    except (UnicodeDecodeError, csv.Error, StopIteration):
        return None
    if len(names) > MAX_COLUMNS or len(set(names)) < len(names) or not plain_header(names):
        return None
    pa: Any = importlib.import_module("pyarrow")
    codes = pa.dictionary(pa.int32(), pa.string())
    types = {n: codes if n in _CODES else pa.float64() if n in numbers else pa.string()
             for n in names}
    try:
        table = pacsv.read_csv(pa.py_buffer(data), convert_options=pacsv.ConvertOptions(
            column_types=types, null_values=[""], strings_can_be_null=False,
            quoted_strings_can_be_null=False))
    except (pa.ArrowException, ValueError):
        return None
    if table.num_rows > MAX_FRAME_ROWS:
        raise _too_long(name)
    if table.column_names != names or list(table.schema.types) != list(types.values()):
        return None
    return table


_CODES = ("place", "indicator", "period", "series", "sex")
"""The columns of few distinct texts."""

_READ_PAST = frozenset(("source", "series_vi", "series_en", "source_vi", "source_en", "name",
                        "target", "note"))
"""Columns of a measurement file (`save_measurements`, a template workbook's) that a frame reads
past: sources, labels and notes, which it does not hold. Any other column not in
`CSV_COLUMNS` is refused: a misspelt ``units`` or ``numerater`` would be read as no unit or
no numerator."""
_KNOWN_COLUMNS = _READ_PAST | frozenset(CSV_COLUMNS)


REQUIRED = frozenset(("place", "indicator", "period", "value"))
"""The columns every table has."""


def plain_header(names: Collection[str]) -> bool:
    """Whether a header has the required columns and no unknown one (else: the csv reader's)."""
    return _KNOWN_COLUMNS.issuperset(names) and REQUIRED.issubset(names)


_BOOLEANS = {"true": True, "yes": True, "1": True, "false": False, "no": False, "0": False}


def _record(record: Mapping[str, str | None], unit_of: Mapping[str, str], name: str | None,
            line: int,
            problems: list[Problem]) -> tuple[Period, float, int, float | None,
                                              float | None] | None:
    """One CSV row's period, value (in the indicator's unit), sex, numerator and denominator."""
    before = len(problems)

    def fail(column: str, message: str) -> None:  # message: a `msg`
        problems.append(Problem(file=name, line=line, path=column, message=message))

    try:
        period = _parse_period((record.get("period") or "").strip())
    except ValidationError as error:
        fail("period", ListText("; ", (p.message for p in error.problems)))
    code = (record.get("indicator") or "").strip()
    unit = unit_of.get(code)
    text = (record.get("value") or "").strip()
    raw: float | bool | None = None
    if unit is not None and units.is_yes_no(unit):
        raw = _BOOLEANS.get(text.lower())
        if raw is None:
            fail("value", msg("expected true or false for yes/no indicator {code!r}, found "
                              "{text!r}", code=code, text=text))
    else:
        raw = _number(text, "value", fail)
    sex_text = (record.get("sex") or "").strip().lower()
    sexes = {"": 0, "female": 1, "male": 2}
    if sex_text not in sexes:
        fail("sex", msg("expected 'female', 'male' or nothing, found {text!r}", text=sex_text))
    numerator = _number(record.get("numerator") or "", "numerator", fail, optional=True)
    denominator = _number(record.get("denominator") or "", "denominator", fail, optional=True)
    for column, count in (("numerator", numerator), ("denominator", denominator)):
        if count is not None and count < 0:  # counts, as a `Measurement`'s
            fail(column, msg("expected 0 or more, found {value!r}", value=count))
    if len(problems) > before or raw is None:
        return None
    found: list[Problem] = []
    value = _value(code, raw, (record.get("unit") or "").strip() or None, unit_of, "", found)
    problems.extend(Problem(file=name, line=line, path=p.path.lstrip("."), message=p.message,
                            hint=p.hint) for p in found)
    if found:
        return None
    return period, value, sexes[sex_text], numerator, denominator


def _number(
    text: str, column: str, fail: Callable[[str, str], None], *, optional: bool = False
) -> float | None:
    stripped = text.strip()
    if not stripped and optional:
        return None
    try:
        number = float(stripped)
    except ValueError:
        number = math.nan
    if not math.isfinite(number):
        fail(column, msg("expected a number, found {value!r}", value=stripped))
        return None
    return number
