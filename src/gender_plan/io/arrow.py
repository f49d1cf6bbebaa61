"""Measurement tables in Parquet and Arrow IPC (.arrow, .feather), behind the ``arrow`` extra.

A ministry's tables come out of databases, not spreadsheets. The columns are those of a CSV
measurement table; each row is checked exactly as a CSV row is, and a problem names the row by
the line it would have in that CSV file (the header is line 1, the first row line 2).
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs

from gender_plan._i18n import msg
from gender_plan.errors import FileFormatError, Problem, ValidationError
from gender_plan.io._atomic import write_atomic
from gender_plan.io._extras import require
from gender_plan.io._limits import MAX_COLUMNS
from gender_plan.io._table import COLUMNS, Row, header

if TYPE_CHECKING:
    from gender_plan.evaluation.frame import MeasurementFrame

__all__ = ["ARROW_SUFFIXES", "arrow_rows", "read_arrow_frame", "write_arrow"]

ARROW_SUFFIXES = (".parquet", ".arrow", ".feather")
"""The suffixes read and written as Parquet (.parquet) or Arrow IPC files (.arrow, .feather)."""


def _modules(feature: str) -> tuple[Any, Any, Any]:
    """pyarrow, pyarrow.parquet and pyarrow.feather, or the error naming the extra."""
    found = [require(name, package="pyarrow", extra="arrow", feature=feature)
             for name in ("pyarrow", "pyarrow.parquet", "pyarrow.feather")]
    return found[0], found[1], found[2]


def _table(path: str | os.PathLike[str], *, codes: bool = False) -> Any:
    """The file's table; with `codes`, Parquet's text columns of codes read as dictionaries."""
    pyarrow, parquet, feather = _modules(msg("reading Parquet and Arrow measurement tables"))
    name = str(path)
    if not Path(path).is_file():
        raise FileFormatError([Problem(file=name, message=msg("the file does not exist"))],
                              subject="measurement table")
    try:
        if Path(path).suffix.lower() != ".parquet":
            return feather.read_table(path)
        schema = parquet.read_schema(path) if codes else []
        return parquet.read_table(path, read_dictionary=[
            f.name for f in schema if f.name in ("place", "indicator", "period", "series", "sex")
            and pyarrow.types.is_string(f.type)] or None)
    except (pyarrow.ArrowException, OSError, ValueError) as error:
        raise FileFormatError([Problem(file=name, message=msg(
            "cannot be read as {kind} ({error})", kind=Path(path).suffix.lstrip("."), error=error),
                                       hint=msg("write it with pyarrow, pandas or a database's "
                                                "Parquet export"))],
                              subject="measurement table") from None


def arrow_rows(path: str | os.PathLike[str]) -> list[Row]:
    """The rows of a Parquet or Arrow file, as the CSV reader gives them (line = CSV line)."""
    table = _table(path)
    names = list(table.column_names)
    columns = header(names, names, str(path), 1)
    data = [table.column(k).to_pylist() for k in range(len(names))]
    rows = []
    for index in range(table.num_rows):
        cells = {column: (data[k][index], column) for k, column in enumerate(columns)
                 if column is not None}
        rows.append(Row(line=index + 2, cells=cells))
    return rows


def read_arrow_frame(path: str | os.PathLike[str], units: Mapping[str, str]) -> MeasurementFrame:
    """A `MeasurementFrame` from a Parquet or Arrow file, read column by column.

    A file the column reader is not sure of is read as a pandas DataFrame (which needs pandas),
    with the same rules and the same result as `MeasurementFrame.from_dataframe` (whole
    numbers with gaps read as whole numbers); a problem names the file and the row by its line
    in a CSV file of the table (the header is line 1).

    `units` gives each indicator's unit (a plan's, or `Portfolio.units()`).
    """
    from gender_plan.evaluation.frame import MeasurementFrame  # noqa: PLC0415
    from gender_plan.io._frame_columns import ArrowTexts, columns_of  # noqa: PLC0415
    from gender_plan.io._frame_tables import plain_header  # noqa: PLC0415

    table = _table(path, codes=True)
    texts = ArrowTexts(table)
    names = table.column_names
    if texts.usable and len(set(names)) == len(names) <= MAX_COLUMNS and plain_header(names):
        found = columns_of(texts, units)  # column by column; else as a DataFrame, row by row
        if found is not None:
            return MeasurementFrame._from_columns(*found)
    # Whole numbers with a gap stay whole (None for the gap), not floats: 26734, not '26734.0'.
    data = table.to_pandas(integer_object_nulls=True)
    try:
        return MeasurementFrame.from_dataframe(data, units)
    except ValidationError as error:  # each row named by its file and its line in a CSV file
        raise ValidationError([attrs.evolve(p, file=str(path), line=(p.line or 0) + 1)
                               for p in error.problems], subject=error.subject) from None


def write_arrow(rows: list[dict[str, object]], path: str | os.PathLike[str]) -> None:
    """Write measurement cells (`cells_of`) as Parquet or Arrow IPC, atomically."""
    pyarrow, parquet, feather = _modules(msg("writing Parquet and Arrow measurement tables"))

    def column(name: str) -> Any:
        values = [row[name] for row in rows]
        if name in ("numerator", "denominator"):
            return pyarrow.array(values, type=pyarrow.float64())
        if name == "value":  # numbers and yes/no facts in one column: written as their text
            texts = [None if v is None else str(v).lower() if isinstance(v, bool)
                     else repr(float(str(v))) for v in values]
            return pyarrow.array(texts, type=pyarrow.string())
        return pyarrow.array([None if v is None else str(v) for v in values],
                             type=pyarrow.string())

    table = pyarrow.table({name: column(name) for name in COLUMNS})
    is_parquet = Path(path).suffix.lower() == ".parquet"

    def write(stream: Any) -> None:
        if is_parquet:
            parquet.write_table(table, stream)
        else:
            feather.write_feather(table, stream)

    write_atomic(path, write)
