"""Measurements as columns of arrays: the long table (place, indicator, period, ...) for numpy."""

from __future__ import annotations

import csv
import datetime
import functools
import math
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

import attrs
import numpy as np
import numpy.typing as npt

from gender_plan import units
from gender_plan.errors import Problem, UnitError, ValidationError
from gender_plan.evaluation import _columns as _table
from gender_plan.evaluation._layout import Layout, lay_out
from gender_plan.io._extras import require
from gender_plan.model.measurement import Measurement, Sex
from gender_plan.model.period import Frequency, Period
from gender_plan.model.plan import Plan

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["CSV_COLUMNS", "FREQUENCIES", "SEXES", "MeasurementFrame"]

SEXES: tuple[Sex | None, ...] = (None, Sex.FEMALE, Sex.MALE)
"""The `sex` column's codes: 0 a total, 1 female, 2 male."""
FREQUENCIES: tuple[Frequency, ...] = tuple(Frequency)
"""The `frequency` column's codes, in `Frequency`'s order."""
CSV_COLUMNS = (
    "place", "indicator", "period", "series", "sex", "value", "unit", "numerator", "denominator",
)
"""The columns `MeasurementFrame.read_csv` reads; only place, indicator, period and value are
required, the others may be missing or left empty."""

IntArray = npt.NDArray[np.int64]
FloatArray = npt.NDArray[np.float64]


def _ints(values: object) -> IntArray:
    return np.asarray(values, dtype=np.int64)


def _floats(values: object) -> FloatArray:
    return np.asarray(values, dtype=np.float64)


@attrs.frozen(kw_only=True, eq=False)
class MeasurementFrame:
    """Measurements of many places as parallel arrays, values already in each indicator's unit.

    Text columns are integer codes into the tuples `places`, `indicators` and `series_names`;
    a missing numerator or denominator is NaN; yes/no values are 1.0 and 0.0.
    """

    places: tuple[str, ...]
    """Place names; the `place` column holds positions in it."""
    indicators: tuple[str, ...]
    """Indicator codes; the `indicator` column holds positions in it."""
    series_names: tuple[str | None, ...] = (None,)
    """Series names (None for values without one); the `series` column holds positions in it."""
    place: IntArray = attrs.field(converter=_ints, eq=False)
    indicator: IntArray = attrs.field(converter=_ints, eq=False)
    series: IntArray = attrs.field(converter=_ints, eq=False)
    sex: IntArray = attrs.field(converter=_ints, eq=False)
    """0 for a total, 1 female, 2 male (see `SEXES`)."""
    year: IntArray = attrs.field(converter=_ints, eq=False)
    start: IntArray = attrs.field(converter=_ints, eq=False)
    """The period's first day, as a proleptic Gregorian ordinal (`date.toordinal()`)."""
    end: IntArray = attrs.field(converter=_ints, eq=False)
    """The period's last day, as an ordinal."""
    time: FloatArray = attrs.field(converter=_floats, eq=False)
    """The period's `Period.time`: the methods' decimal-year axis."""
    frequency: IntArray = attrs.field(converter=_ints, eq=False)
    """Positions in `FREQUENCIES`."""
    value: FloatArray = attrs.field(converter=_floats, eq=False)
    numerator: FloatArray = attrs.field(converter=_floats, eq=False)
    denominator: FloatArray = attrs.field(converter=_floats, eq=False)
    layout: Layout = attrs.field(init=False, eq=False, repr=False)
    """The totals (sex 0) sorted and laid out for assessment, a column per (indicator, place,
    series) in time order: done once when the frame is built, so that assessing it sorts and
    copies nothing in the usual case."""

    def __attrs_post_init__(self) -> None:
        lengths = {
            name: len(getattr(self, name))
            for name in ("place", "indicator", "series", "sex", "year", "start", "end", "time",
                         "frequency", "value", "numerator", "denominator")
        }
        if len(set(lengths.values())) > 1:
            raise ValidationError(
                [Problem(message=f"columns of different lengths: {lengths}")],
                subject="measurement frame",
            )
        object.__setattr__(self, "layout", lay_out(self))

    def __len__(self) -> int:
        return len(self.value)

    @classmethod
    def from_measurements(
        cls, measurements: Iterable[Measurement], plan: Plan | Mapping[str, str]
    ) -> MeasurementFrame:
        """Build a frame from `Measurement` objects, converting values to the indicators' units.

        `plan` gives each indicator's unit (a plan, or a mapping of indicator code to unit).

        Raises:
            ValidationError: a measurement of an indicator without a known unit, or in a unit
                that cannot be converted to it.
        """
        unit_of = _units(plan)
        rows = list(measurements)
        places, indicators, series = _Codes(), _Codes(), _Codes()
        columns: dict[str, list[float]] = {name: [] for name in _COLUMNS}
        problems: list[Problem] = []
        for index, row in enumerate(rows):
            value = _value(row.indicator, row.value, row.unit, unit_of, f"[{index}]", problems)
            _append(columns, places.code(row.place or ""), indicators.code(row.indicator),
                    series.code(row.series), SEXES.index(row.sex), row.period, value,
                    row.numerator, row.denominator)
        if problems:
            raise ValidationError(problems, subject="measurements")
        return cls._build(places, indicators, series, columns)

    @classmethod
    def read_csv(
        cls,
        path: str | Path,
        plan: Plan | Mapping[str, str],
        *,
        encoding: str = "utf-8",
        engine: Literal["auto", "pandas", "csv"] = "auto",
    ) -> MeasurementFrame:
        """Read the long table from a CSV file with a header row of `CSV_COLUMNS`.

        With pandas installed (the ``pandas`` extra) the file is read column by column, about
        ten times faster; a file the fast reader is not sure of is read again row by row with
        Python's csv module, which reports its problems. Both give the same frame.

        Args:
            path: the CSV file (comma separated, a header row).
            plan: the plan, or a mapping of indicator code to unit, that gives each unit.
            encoding: the file's text encoding.
            engine: ``"pandas"`` or ``"csv"`` to choose the reader; ``"auto"`` uses pandas when
                it is installed.

        Raises:
            ValidationError: every malformed row, with the file and line.
            MissingDependencyError: ``engine="pandas"`` without pandas installed.
        """
        unit_of = _units(plan)
        if engine != "csv":
            fast = _read_csv_fast(path, unit_of, encoding, required=engine == "pandas")
            if fast is not None:
                return cls._from_columns(*fast)
        name = str(path)
        with Path(path).open(encoding=encoding, newline="") as handle:
            reader = csv.DictReader(handle)
            _check_header(reader.fieldnames or (), name)
            return cls._from_records(reader, unit_of, name, first_line=2)

    @classmethod
    def from_dataframe(
        cls, data: pd.DataFrame, plan: Plan | Mapping[str, str]
    ) -> MeasurementFrame:
        """Build a frame from a pandas DataFrame with the columns of `CSV_COLUMNS`.

        Cells may be texts or numbers; empty cells (None, NaN, '') are missing. Read column by
        column as `read_csv` reads a file, with the same rules and the same result.

        Raises:
            ValidationError: every malformed row; ``line`` 1 is the DataFrame's first row.
        """
        unit_of = _units(plan)
        _check_header([str(c) for c in data.columns], None)
        table = data.rename(columns=str).map(_cell_text)
        fast = _table.columns_of(table, unit_of)
        if fast is not None:
            return cls._from_columns(*fast)
        records = ({str(k): str(v) for k, v in row.items()} for row in table.to_dict("records"))
        return cls._from_records(records, unit_of, None, first_line=1)

    @classmethod
    def _from_records(
        cls, records: Iterable[Mapping[str, str | None]], unit_of: Mapping[str, str],
        name: str | None, *, first_line: int,
    ) -> MeasurementFrame:
        places, indicators, series = _Codes(), _Codes(), _Codes()
        columns: dict[str, list[float]] = {column: [] for column in _COLUMNS}
        problems: list[Problem] = []
        for line, record in enumerate(records, start=first_line):
            found = _record(record, unit_of, name, line, problems)
            if found is not None:
                period, value, sex, numerator, denominator = found
                _append(columns, places.code(record["place"] or ""),
                        indicators.code(record["indicator"]),
                        series.code(record.get("series") or None), sex, period, value,
                        numerator, denominator)
        if problems:
            raise ValidationError(problems, subject="measurements")
        return cls._build(places, indicators, series, columns)

    @classmethod
    def _from_columns(
        cls, places: list[str], indicators: list[str], series: list[str | None],
        columns: dict[str, npt.NDArray[Any]],
    ) -> MeasurementFrame:
        return cls(places=tuple(places), indicators=tuple(indicators),
                   series_names=tuple(series) or (None,), **columns)

    @classmethod
    def _build(
        cls, places: _Codes, indicators: _Codes, series: _Codes, columns: dict[str, list[float]]
    ) -> MeasurementFrame:
        return cls(
            places=tuple(str(p) for p in places.names),
            indicators=tuple(str(i) for i in indicators.names),
            series_names=tuple(series.names) or (None,),
            **{name: np.asarray(values) for name, values in columns.items()},
        )

    def to_measurements(self, units_of: Mapping[str, str] | None = None) -> list[Measurement]:
        """The frame's rows as `Measurement` objects (values in the indicators' units)."""
        rows = []
        for i in range(len(self)):
            code = self.indicators[self.indicator[i]]
            unit = units_of.get(code) if units_of is not None else None
            value: float | bool = float(self.value[i])
            if unit is not None and units.is_yes_no(unit):
                value = bool(value)
            rows.append(
                Measurement(
                    indicator=code,
                    period=_period(int(self.year[i]), int(self.start[i]), int(self.end[i])),
                    value=value,
                    series=self.series_names[self.series[i]],
                    place=self.places[self.place[i]] or None,
                    sex=SEXES[self.sex[i]],
                    numerator=_optional(self.numerator[i]),
                    denominator=_optional(self.denominator[i]),
                )
            )
        return rows


_COLUMNS = ("place", "indicator", "series", "sex", "year", "start", "end", "time", "frequency",
            "value", "numerator", "denominator")


class _Codes:
    """Assigns consecutive integer codes to names in order of first appearance."""

    def __init__(self) -> None:
        self.index: dict[str | None, int] = {}
        self.names: list[str | None] = []

    def code(self, name: str | None) -> int:
        found = self.index.get(name)
        if found is None:
            found = self.index[name] = len(self.names)
            self.names.append(name)
        return found


def _check_header(names: Sequence[str], file: str | None) -> None:
    missing = {"place", "indicator", "period", "value"} - set(names)
    if missing:
        raise ValidationError(
            [Problem(file=file, line=1 if file is not None else None,
                     message=f"missing columns: {sorted(missing)}",
                     hint=f"the header names {', '.join(CSV_COLUMNS)}")],
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


def _read_csv_fast(path: str | Path, unit_of: Mapping[str, str], encoding: str, *,
                   required: bool) -> tuple[list[str], list[str], list[str | None],
                                            dict[str, npt.NDArray[Any]]] | None:
    """The columns read by pandas, or None when pandas is missing or unsure (read row by row)."""
    if required:
        pandas: Any = require("pandas", package="pandas", extra="pandas",
                              feature="reading measurement tables with pandas")
    else:
        try:
            import pandas  # noqa: PLC0415 - optional, imported on first use
        except ImportError:  # pragma: no cover - depends on the environment
            return None
    with Path(path).open("rb") as handle:
        if handle.read(3) == b"\xef\xbb\xbf":
            return None  # a byte-order mark: leave the header's reading to the csv module
    try:
        table = pandas.read_csv(path, dtype=str, keep_default_na=False, na_filter=False,
                                encoding=encoding, skip_blank_lines=True)
    except (ValueError, UnicodeError, pandas.errors.ParserError, pandas.errors.EmptyDataError):
        return None
    names = [str(c) for c in table.columns]
    if {"place", "indicator", "period", "value"} - set(names):
        return None
    result: tuple[list[str], list[str], list[str | None], dict[str, npt.NDArray[Any]]] | None
    result = _table.columns_of(table.fillna(""), unit_of)
    return result


def _units(plan: Plan | Mapping[str, str]) -> Mapping[str, str]:
    if isinstance(plan, Plan):
        return {indicator.code: indicator.unit for _, indicator in plan.indicators()}
    return plan


@functools.cache
def _period_columns(period: Period) -> tuple[int, int, int, float, int]:
    return (period.year, period.start.toordinal(), period.end.toordinal(), period.time,
            FREQUENCIES.index(period.frequency))


@functools.cache
def _parse_period(text: str) -> Period:
    return Period.parse(text)


def _period(year: int, start: int, end: int) -> Period:
    first = datetime.date.fromordinal(start)
    last = datetime.date.fromordinal(end)
    if first == last:
        return Period.from_date(first)
    if first.month == 1 and last.month == 12:
        return Period(year=year)
    if last.month - first.month == 2:
        return Period(year=year, quarter=(first.month + 2) // 3)
    return Period(year=year, month=first.month)


def _optional(value: float) -> float | None:
    return None if math.isnan(value) else float(value)


def _append(columns: dict[str, list[float]], place: int, indicator: int, series: int, sex: int,
            period: Period, value: float, numerator: float | None,
            denominator: float | None) -> None:
    year, start, end, time, frequency = _period_columns(period)
    for name, item in (("place", place), ("indicator", indicator), ("series", series),
                       ("sex", sex), ("year", year), ("start", start), ("end", end),
                       ("time", time), ("frequency", frequency), ("value", value)):
        columns[name].append(item)
    columns["numerator"].append(math.nan if numerator is None else numerator)
    columns["denominator"].append(math.nan if denominator is None else denominator)


def _value(code: str, value: float | bool, unit: str | None, unit_of: Mapping[str, str],
           path: str, problems: list[Problem]) -> float:
    target = unit_of.get(code)
    if target is None:
        problems.append(Problem(path=f"{path}.indicator", message=f"no unit known for indicator "
                                f"{code!r}", hint="pass the plan that defines it"))
        return math.nan
    if isinstance(value, bool) or units.is_yes_no(target):
        if isinstance(value, bool) and units.is_yes_no(target):
            return 1.0 if value else 0.0
        problems.append(Problem(path=f"{path}.value", message=f"indicator {code!r} takes "
                                f"{'true or false' if units.is_yes_no(target) else 'numbers'}, "
                                f"found {value!r}"))
        return math.nan
    try:
        return units.convert(value, unit or target, target)
    except UnitError as error:
        problems.append(Problem(path=f"{path}.unit", message=str(error)))
        return math.nan


_BOOLEANS = {"true": True, "yes": True, "1": True, "false": False, "no": False, "0": False}


def _record(record: Mapping[str, str | None], unit_of: Mapping[str, str], name: str | None,
            line: int,
            problems: list[Problem]) -> tuple[Period, float, int, float | None,
                                              float | None] | None:
    """One CSV row's period, value (in the indicator's unit), sex, numerator and denominator."""
    before = len(problems)

    def fail(column: str, message: str) -> None:
        problems.append(Problem(file=name, line=line, path=column, message=message))

    try:
        period = _parse_period((record.get("period") or "").strip())
    except ValidationError as error:
        fail("period", "; ".join(p.message for p in error.problems))
    code = (record.get("indicator") or "").strip()
    unit = unit_of.get(code)
    text = (record.get("value") or "").strip()
    raw: float | bool | None = None
    if unit is not None and units.is_yes_no(unit):
        raw = _BOOLEANS.get(text.lower())
        if raw is None:
            fail("value", f"expected true or false for yes/no indicator {code!r}, found {text!r}")
    else:
        raw = _number(text, "value", fail)
    sex_text = (record.get("sex") or "").strip().lower()
    sexes = {"": 0, "female": 1, "male": 2}
    if sex_text not in sexes:
        fail("sex", f"expected 'female', 'male' or nothing, found {sex_text!r}")
    numerator = _number(record.get("numerator") or "", "numerator", fail, optional=True)
    denominator = _number(record.get("denominator") or "", "denominator", fail, optional=True)
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
        fail(column, f"expected a number, found {stripped!r}")
        return None
    return number
