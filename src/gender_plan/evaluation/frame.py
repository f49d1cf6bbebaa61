"""Measurements as columns of arrays: the long table (place, indicator, period, ...) for numpy."""

from __future__ import annotations

import functools
import math
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

import attrs
import numpy as np
import numpy.typing as npt

from gender_plan import units
from gender_plan._i18n import msg
from gender_plan.errors import Problem, UnitError, ValidationError
from gender_plan.evaluation._layout import Layout, lay_out, period_of
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
required, the others may be missing or left empty. Another column is refused, except those of a
measurement file a frame does not hold (sources, labels, notes), which are read past."""

FloatArray = npt.NDArray[np.float64]

COLUMN_TYPES: dict[str, type[np.generic]] = {
    "place": np.int32, "indicator": np.int32, "series": np.int32, "sex": np.int8,
    "year": np.int16, "start": np.int32, "end": np.int32, "time": np.float64,
    "frequency": np.int8, "value": np.float64, "numerator": np.float64,
    "denominator": np.float64,
}
"""Each column's dtype: codes and days in 32 bits, sex and frequency in 8, years in 16, the
figures in 64 (their last bits are the data's): 56 bytes a measurement."""


def _array(values: object) -> npt.NDArray[Any]:
    return np.asarray(values)  # in its column's type in __attrs_post_init__


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
    place: npt.NDArray[np.int32] = attrs.field(converter=_array)
    indicator: npt.NDArray[np.int32] = attrs.field(converter=_array)
    series: npt.NDArray[np.int32] = attrs.field(converter=_array)
    sex: npt.NDArray[np.int8] = attrs.field(converter=_array)
    """0 for a total, 1 female, 2 male (see `SEXES`)."""
    year: npt.NDArray[np.int16] = attrs.field(converter=_array)
    start: npt.NDArray[np.int32] = attrs.field(converter=_array)
    """The period's first day, as a proleptic Gregorian ordinal (`date.toordinal()`)."""
    end: npt.NDArray[np.int32] = attrs.field(converter=_array)
    """The period's last day, as an ordinal."""
    time: FloatArray = attrs.field(converter=_array)
    """The period's `Period.time`: the methods' decimal-year axis."""
    frequency: npt.NDArray[np.int8] = attrs.field(converter=_array)
    """Positions in `FREQUENCIES`."""
    value: FloatArray = attrs.field(converter=_array)
    numerator: FloatArray = attrs.field(converter=_array)
    denominator: FloatArray = attrs.field(converter=_array)

    def __attrs_post_init__(self) -> None:
        for name, dtype in COLUMN_TYPES.items():  # no copy of a column in its type already
            object.__setattr__(self, name, _typed(name, getattr(self, name), dtype))
        lengths = {name: len(getattr(self, name)) for name in COLUMN_TYPES}
        if len(set(lengths.values())) > 1:
            raise ValidationError(
                [Problem(message=msg("columns of different lengths: {lengths}",
                                     lengths=lengths))],
                subject="measurement frame",
            )

    @functools.cached_property
    def layout(self) -> Layout:
        """The totals (sex 0) laid out for assessment, a column per group in time order.

        A group is one (indicator, place, series). Done once, the first time the frame is
        assessed (a frame only read and written again is never sorted), so that assessing it
        again sorts and copies nothing.
        """
        return lay_out(self)

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
        problems: list[Problem] = []
        rows = [(m.place or "", m.indicator, m.series, SEXES.index(m.sex), m.period,
                 _value(m.indicator, m.value, m.unit, unit_of, f"[{index}]", problems),
                 m.numerator, m.denominator) for index, m in enumerate(measurements)]
        if problems:
            raise ValidationError(problems, subject="measurements")
        return cls._of_rows(rows)

    @classmethod
    def read_csv(
        cls,
        path: str | Path,
        plan: Plan | Mapping[str, str],
        *,
        encoding: str = "utf-8",
        engine: Literal["auto", "pyarrow", "pandas", "csv"] = "auto",
    ) -> MeasurementFrame:
        """Read the long table from a CSV file with a header row of `CSV_COLUMNS`.

        With pyarrow (the ``arrow`` extra) or pandas (the ``pandas`` extra) installed the file
        is read column by column, pyarrow about thirty times faster than row by row and pandas
        about five (`benchmarks/national_scale.py`); a file the fast readers are not sure of is
        read again row by row with Python's csv module, which reports its problems. All give
        the same frame.

        Args:
            path: the CSV file (comma separated, a header row).
            plan: the plan, or a mapping of indicator code to unit, that gives each unit.
            encoding: the file's text encoding.
            engine: ``"pyarrow"``, ``"pandas"`` or ``"csv"`` to choose the reader; ``"auto"``
                uses pyarrow, else pandas, when installed.

        Raises:
            FileFormatError: a file over the readers' bounds (256 MiB, 10 million rows, 1,000
                columns: `gender_plan.io._limits`), not text in `encoding`, or not CSV.
            ValidationError: every malformed row, with the file and line.
            MissingDependencyError: ``engine="pyarrow"`` or ``"pandas"`` without it installed.
        """
        from gender_plan.io._frame_tables import read_csv  # noqa: PLC0415 - the edge

        return read_csv(cls, path, _units(plan), encoding=encoding, engine=engine)

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
        from gender_plan.io._frame_tables import from_dataframe  # noqa: PLC0415 - the edge

        return from_dataframe(cls, data, _units(plan))

    @classmethod
    def _from_columns(
        cls, places: list[str], indicators: list[str], series: list[str | None],
        columns: dict[str, npt.NDArray[Any]],
    ) -> MeasurementFrame:
        return cls(places=tuple(places), indicators=tuple(indicators),
                   series_names=tuple(series) or (None,), **columns)

    @classmethod
    def _of_rows(cls, rows: Sequence[Row]) -> MeasurementFrame:
        """A frame of `rows`, each name coded in order of first appearance."""
        names: tuple[dict[Any, int], ...] = ({}, {}, {})
        codes = [[names[k].setdefault(row[k], len(names[k])) for row in rows] for k in range(3)]
        periods = np.array([_period_columns(row[4]) for row in rows]).reshape(-1, 5).T
        return cls(
            places=tuple(map(str, names[0])), indicators=tuple(map(str, names[1])),
            series_names=tuple(names[2]) or (None,), place=codes[0], indicator=codes[1],
            series=codes[2], sex=[row[3] for row in rows], year=periods[0], start=periods[1],
            end=periods[2], time=periods[3], frequency=periods[4],
            value=[row[5] for row in rows],
            numerator=[math.nan if row[6] is None else row[6] for row in rows],
            denominator=[math.nan if row[7] is None else row[7] for row in rows])

    def to_measurements(self, units_of: Mapping[str, str] | None = None) -> list[Measurement]:
        """The frame's rows as `Measurement` objects (values in the indicators' units)."""
        facts = {code for code, unit in (units_of or {}).items() if units.is_yes_no(unit)}
        return [Measurement(
            indicator=self.indicators[self.indicator[i]],
            period=period_of(int(self.start[i]), int(self.end[i])),
            value=(bool(self.value[i]) if self.indicators[self.indicator[i]] in facts
                   else float(self.value[i])),
            series=self.series_names[self.series[i]], place=self.places[self.place[i]] or None,
            sex=SEXES[self.sex[i]], numerator=_optional(self.numerator[i]),
            denominator=_optional(self.denominator[i])) for i in range(len(self))]


Row = tuple[str, str, "str | None", int, Period, float, "float | None", "float | None"]
"""One row: place, indicator, series, sex (`SEXES` position), period, value (in the
indicator's unit), numerator, denominator."""


def _units(plan: Plan | Mapping[str, str]) -> Mapping[str, str]:
    if isinstance(plan, Plan):
        return {indicator.code: indicator.unit for _, indicator in plan.indicators()}
    return plan


def _typed(name: str, column: npt.NDArray[Any], dtype: type[np.generic]) -> npt.NDArray[Any]:
    """`column` as `dtype`, refused where that would change a value.

    300 in 8 bits, 1.5 or NaN as an integer, text as a number: refused, not wrapped or cut.
    """
    try:
        with np.errstate(invalid="ignore"):  # NaN as an integer: refused below, not warned of
            typed = column.astype(dtype, copy=False)
    except (TypeError, ValueError):
        typed = None
    if typed is None or (typed is not column and np.issubdtype(dtype, np.integer)
                         and not np.array_equal(typed, column)):
        raise ValidationError([Problem(
            path=name, message=msg("column {name!r} holds values that are not {kind} ({dtype})",
                                   name=name, kind=msg("whole numbers in range")
                                   if np.issubdtype(dtype, np.integer) else msg("numbers"),
                                   dtype=np.dtype(dtype).name),
            hint=msg("give codes, days and years as whole numbers, figures as numbers"))],
            subject="measurement frame")
    return typed


def _optional(value: float) -> float | None:
    """A figure, or None for NaN (none)."""
    return None if math.isnan(value) else float(value)


@functools.cache
def _period_columns(period: Period) -> tuple[int, int, int, float, int]:
    return (period.year, period.start.toordinal(), period.end.toordinal(), period.time,
            FREQUENCIES.index(period.frequency))


@functools.cache
def _parse_period(text: str) -> Period:
    return Period.parse(text)


def _value(code: str, value: float | bool, unit: str | None, unit_of: Mapping[str, str],
           path: str, problems: list[Problem], period: Period | None = None) -> float:
    """A measured value in its indicator's unit (yes/no as 1.0 or 0.0), or NaN with a problem.

    The one place where values are prepared for the engine, whatever they are read from.
    """
    target = unit_of.get(code)
    if target is None:
        problems.append(Problem(path=f"{path}.indicator",
                                message=msg("no unit known for indicator {code!r}", code=code),
                                hint=msg("pass the plan that defines it")))
        return math.nan
    yes_no = units.is_yes_no(target)
    if isinstance(value, bool) != yes_no:
        wanted = msg("true or false (Có or Không)") if yes_no else msg("numbers")
        problems.append(Problem(path=f"{path}.value", message=(
            msg("indicator {code!r} takes {wanted}, found {value!r} for {period}", code=code,
                wanted=wanted, value=value, period=str(period)) if period else
            msg("indicator {code!r} takes {wanted}, found {value!r}", code=code, wanted=wanted,
                value=value))))
        return math.nan
    if yes_no:
        return 1.0 if value else 0.0
    try:
        converted = units.convert(value, unit or target, target)
    except UnitError as error:
        problems.append(Problem(path=f"{path}.unit", message=error.describe()))
        return math.nan
    if not math.isfinite(converted):  # 1e307 as a fraction: infinity in percent
        problems.append(Problem(path=f"{path}.value", message=msg(
            "{value!r} in {unit} is more than a number can hold in {target}", value=value,
            unit=unit or target, target=target)))
        return math.nan
    return converted


