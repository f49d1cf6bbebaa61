"""The long table read column by column: the fast paths of `MeasurementFrame` (pyarrow, pandas).

`columns_of` turns a table of texts (every cell a str, '' for empty), or of texts and numbers
(pyarrow parses a CSV file's numbers itself; a null number is an empty cell), into the frame's
columns with a handful of array operations: each distinct period, indicator, unit and sex is
read once. It reads exactly what the row-by-row reader reads and gives the same numbers
(numpy's and Arrow's text to float conversions are correctly rounded, as Python's `float` is;
Arrow refuses what it does not read, such as `1_000` or, in a cast, spaces around a number,
and the table is then read another way).
It does not report problems: on anything it is not sure of it returns None, and the caller reads
the rows one by one with the stdlib reader, which names every problem with its line.
"""

from __future__ import annotations

import importlib
import math
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

import numpy as np
import numpy.typing as npt

from gender_plan import units
from gender_plan.errors import UnitError, ValidationError

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["ArrowTexts", "PandasTexts", "columns_of"]

_SEXES = {"": 0, "female": 1, "male": 2}
_OPTIONAL = ("numerator", "denominator")
_BOOLEANS = {"true": 1.0, "yes": 1.0, "1": 1.0, "false": 0.0, "no": 0.0, "0": 0.0}

Rows = npt.NDArray[np.intp] | None
"""Row positions to read (None: every row)."""


class PandasTexts:
    """A pandas DataFrame of texts, column by column."""

    def __init__(self, table: pd.DataFrame) -> None:
        self.table, self.size = table, len(table)

    def has(self, name: str) -> bool:
        return name in self.table.columns

    def _cells(self, name: str, rows: Rows) -> Any:
        cells = self.table[name]
        return cells if rows is None else cells.iloc[rows]

    def codes(self, name: str, rows: Rows = None) -> tuple[npt.NDArray[Any], list[str]]:
        import pandas as pd  # noqa: PLC0415 - only with pandas installed

        if not self.has(name):  # a missing column is empty
            return np.zeros(self.size if rows is None else len(rows), dtype=np.int32), [""]
        codes, uniques = pd.factorize(self._cells(name, rows), sort=False)
        return codes, [str(u) for u in uniques]

    def floats(self, name: str, rows: Rows = None) -> npt.NDArray[np.float64] | None:
        # numpy converts an object array of texts with Python's own float(): the same number,
        # to the last bit, as the row-by-row reader (which strips spaces; float() ignores them).
        try:
            numbers = self._cells(name, rows).to_numpy(dtype=object).astype(np.float64)
        except ValueError:
            return None
        return numbers if np.isfinite(numbers).all() else None

    def empty(self, name: str) -> npt.NDArray[np.bool_]:
        if not self.has(name):
            return np.ones(self.size, dtype=bool)
        return (self._cells(name, None) == "").to_numpy(dtype=bool)  # type: ignore[no-any-return]

    def optional(self, name: str) -> npt.NDArray[np.float64] | None:
        return _optional(self, name)

    @staticmethod
    def take(values: npt.NDArray[Any], codes: npt.NDArray[Any]) -> npt.NDArray[Any]:
        return np.take(values, codes)


class ArrowTexts:
    """A pyarrow Table of cells, column by column: no Python object per cell.

    Each cell reads as the text `str` gives it, as `MeasurementFrame.from_dataframe` reads
    one: a missing text cell is '' and a number is read as a number. A column of numbers with
    a missing cell is not read here (pandas would make its integers floats first: "2021.0"),
    unless it is a numerator or a denominator: a missing one is empty (NaN), and its integers
    are the same numbers as floats.
    """

    def __init__(self, table: Any) -> None:
        self.table, self.size = table, table.num_rows
        self._columns: dict[str, Any] = {}
        self.usable = all(self._text(t) or table.column(k).null_count == 0
                          or (n in _OPTIONAL and self._numeric(t))
                          for k, (n, t) in enumerate(zip(table.column_names,
                                                         table.schema.types, strict=True)))

    @staticmethod
    def _text(kind: Any) -> bool:
        pa = importlib.import_module("pyarrow")  # only with pyarrow installed (no stubs)
        if pa.types.is_dictionary(kind):
            kind = kind.value_type
        return bool(pa.types.is_string(kind) or pa.types.is_large_string(kind))

    @staticmethod
    def _numeric(kind: Any) -> bool:
        pa = importlib.import_module("pyarrow")
        return bool(pa.types.is_integer(kind) or pa.types.is_floating(kind))

    def has(self, name: str) -> bool:
        return name in self.table.column_names

    def _cells(self, name: str, rows: Rows) -> Any:
        pa = importlib.import_module("pyarrow")
        cells = self._columns.get(name)
        if cells is None:  # chunk by chunk, as read: no copy of the whole column
            cells = self.table.column(name)
            if self._text(cells.type) and cells.null_count:
                cells = cells.fill_null("")
            self._columns[name] = cells
        return cells if rows is None else cells.take(pa.array(rows))

    def codes(self, name: str, rows: Rows = None) -> tuple[npt.NDArray[Any], list[str]]:
        if not self.has(name):  # a missing column is empty
            return np.zeros(self.size if rows is None else len(rows), dtype=np.int32), [""]
        pa = importlib.import_module("pyarrow")
        column = self.table.column(name)
        if rows is None and pa.types.is_dictionary(column.type) and not column.null_count:
            # read as codes already: each distinct text once
            encoded = column.unify_dictionaries().combine_chunks()
        else:
            cells = self._cells(name, rows)
            if pa.types.is_dictionary(cells.type):
                cells = cells.cast(pa.string())
            encoded = cells.dictionary_encode().unify_dictionaries().combine_chunks()
        return (encoded.indices.to_numpy(zero_copy_only=False),
                [str(u) for u in encoded.dictionary.to_pylist()])

    def floats(self, name: str, rows: Rows = None, *,
               missing: bool = False) -> npt.NDArray[np.float64] | None:
        """The column's numbers; with `missing`, a null cell of numbers is NaN (an empty one)."""
        pa = importlib.import_module("pyarrow")
        cells = self._cells(name, rows)
        kind = cells.type
        if not (self._text(kind) or self._numeric(kind)):
            return None  # booleans, dates...: the row-by-row reader says what is wrong
        try:
            if not pa.types.is_float64(kind):  # a column of float64 is read as it is
                cells = cells.cast(pa.float64())
        except (pa.ArrowInvalid, pa.ArrowNotImplementedError):
            return None
        numbers = _joined(cells)
        finite = np.isfinite(numbers)
        if finite.all():
            return numbers
        if missing and cells.null_count and not self._text(kind):
            null: npt.NDArray[np.bool_] = cells.is_null().to_numpy(zero_copy_only=False)
            if (finite | null).all():  # NaN, infinity: not read as numbers by the csv reader
                return numbers
        return None

    def empty(self, name: str) -> npt.NDArray[np.bool_]:
        if not self.has(name):
            return np.ones(self.size, dtype=bool)
        pc = importlib.import_module("pyarrow.compute")
        cells = self._cells(name, None)
        if not self._text(cells.type):  # a number; a null cell is an empty one
            nulls: npt.NDArray[np.bool_] = cells.is_null().to_numpy(zero_copy_only=False)
            return nulls
        found: npt.NDArray[np.bool_] = pc.equal(cells, "").to_numpy(zero_copy_only=False)
        return found

    def optional(self, name: str) -> npt.NDArray[np.float64] | None:
        if self.has(name) and self._numeric(self.table.schema.field(name).type):
            return self.floats(name, missing=True)  # no text: every null is an empty cell
        return _optional(self, name)

    @staticmethod
    def take(values: npt.NDArray[Any], codes: npt.NDArray[Any]) -> npt.NDArray[Any]:
        """`values[codes]`, gathered by Arrow (faster than numpy's indexing by int32 codes)."""
        pa = importlib.import_module("pyarrow")
        taken: npt.NDArray[Any] = pa.array(values).take(pa.array(codes)).to_numpy()
        return taken


def _joined(cells: Any) -> npt.NDArray[np.float64]:
    """A float64 Arrow column as one numpy array (a null is NaN), copied chunk by chunk once."""
    numbers = np.empty(len(cells))
    start = 0
    for chunk in getattr(cells, "chunks", [cells]):
        numbers[start : start + len(chunk)] = chunk.to_numpy(zero_copy_only=False)
        start += len(chunk)
    return numbers


Texts = PandasTexts | ArrowTexts


def columns_of(
    table: Texts, unit_of: Mapping[str, str]
) -> tuple[list[str], list[str], list[str | None], dict[str, npt.NDArray[Any]]] | None:
    """(places, indicators, series names, columns) of a table of texts, or None to fall back."""
    from gender_plan.evaluation.frame import (  # noqa: PLC0415 - frame imports the reader
        COLUMN_TYPES,
        _parse_period,
        _period_columns,
    )

    place_codes, place_names = table.codes("place")
    indicator_codes, indicator_names = table.codes("indicator")
    series_codes, series_names = table.codes("series")
    if any(n != n.strip() for n in (*place_names, *indicator_names, *series_names)):
        return None  # codes with spaces around them: the row-by-row reader strips them
    # Each distinct text is read once: strip and parse the few uniques, not every cell.
    period_codes, period_texts = table.codes("period")
    try:
        periods = np.array([_period_columns(_parse_period(p.strip())) for p in period_texts],
                           dtype=object).reshape(-1, 5)
    except ValidationError:
        return None
    sex_codes, sex_texts = table.codes("sex")
    sexes = [_SEXES.get(t.strip().lower(), -1) for t in sex_texts]
    if -1 in sexes:
        return None
    value = _values(table, indicator_codes, indicator_names, unit_of)
    numerator, denominator = table.optional("numerator"), table.optional("denominator")
    if value is None or numerator is None or denominator is None or (numerator < 0).any() or (
            denominator < 0).any():  # a negative count: the row-by-row reader names its line
        return None
    types = COLUMN_TYPES
    columns: dict[str, npt.NDArray[Any]] = {
        "place": place_codes, "indicator": indicator_codes, "series": series_codes,
        "sex": _spread(table, np.array(sexes or [0], dtype=types["sex"]), sex_codes),
        "value": value, "numerator": numerator, "denominator": denominator,
    }
    for k, name in enumerate(("year", "start", "end", "time", "frequency")):
        columns[name] = _spread(table, periods[:, k].astype(types[name]), period_codes)
    return (place_names, indicator_names, [s or None for s in series_names],
            {name: column.astype(types[name], copy=False) for name, column in columns.items()})


def _spread(table: Texts, values: npt.NDArray[Any], codes: npt.NDArray[Any]) -> npt.NDArray[Any]:
    """`values[codes]`, each row the value of its code, typed as `values`."""
    if len(values) == 1:  # one period, no sex column...: no gathering
        return np.full(len(codes), values[0], dtype=values.dtype)
    return table.take(values, codes)


def _values(table: Texts, codes: npt.NDArray[Any], names: list[str],
            unit_of: Mapping[str, str]) -> npt.NDArray[np.float64] | None:
    """The value column in each indicator's unit, or None when any cell needs the slow reader."""
    found = [unit_of.get(name.strip()) for name in names]
    if None in found:
        return None
    numeric = not any(units.is_yes_no(str(unit)) for unit in found)
    value = table.floats("value") if numeric else np.full(table.size, math.nan)
    if value is None:
        return None
    for k, unit in enumerate(str(u) for u in found):
        if numeric and not table.has("unit"):  # every value in its indicator's own unit
            try:
                units.conversion_factor(unit, unit)  # the unit is known, as below
            except UnitError:
                return None
            continue
        rows = None if len(names) == 1 else np.flatnonzero(codes == k)
        at = rows if rows is not None else slice(None)
        if units.is_yes_no(unit):
            facts, said = table.codes("value", rows)
            truth = [_BOOLEANS.get(t.strip().lower(), math.nan) for t in said]
            if any(math.isnan(t) for t in truth):
                return None
            value[at] = np.array(truth or [0.0])[facts]
            continue
        numbers = value[at] if numeric else table.floats("value", rows)
        if numbers is None:
            return None
        unit_codes, written = table.codes("unit", rows)
        try:
            factors = np.array([units.conversion_factor(u.strip() or unit, unit)
                                for u in written] or [1.0])
        except UnitError:
            return None
        if not numeric or not (factors == 1.0).all():
            if not value.flags.writeable:  # Arrow's own memory
                value = value.copy()
            with np.errstate(over="ignore"):  # infinity: refused by the row-by-row reader
                value[at] = numbers * factors[unit_codes]
            if not np.isfinite(value[at]).all():
                return None
    return value


def _optional(table: Texts, name: str) -> npt.NDArray[np.float64] | None:
    """An optional column of numbers read from its texts: an empty cell is NaN."""
    empty = table.empty(name)
    if table.has(name) and not empty.any():
        return table.floats(name)
    out = np.full(table.size, math.nan)
    if (~empty).any():
        numbers = table.floats(name, np.flatnonzero(~empty))
        if numbers is None:
            return None
        out[~empty] = numbers
    return out
