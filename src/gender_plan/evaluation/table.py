"""Every place's assessment of every indicator as columns: statuses, figures and reason codes.

The text of a reason is rendered from its code and figures only when someone reads it
(`AssessmentTable.reasons`, `AssessmentTable.to_frame`), in Vietnamese or English.
"""

from __future__ import annotations

import datetime
import functools
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import attrs
import numpy as np
import numpy.typing as npt

from gender_plan._i18n import NumberText, msg
from gender_plan.errors import AssessmentError
from gender_plan.evaluation._layout import BoolArray, FloatArray, IntArray, period_of
from gender_plan.evaluation._rules import FIGURES, Part
from gender_plan.evaluation._spec import Spec, edges
from gender_plan.evaluation.frame import MeasurementFrame
from gender_plan.evaluation.reasons import Reason, ReasonCode
from gender_plan.evaluation.status import STATUSES, Status
from gender_plan.model.period import Period
from gender_plan.model.text import Language

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["READING_ORDER", "AssessmentTable"]

READING_ORDER = (
    ReasonCode.BAND_DISTANCE, ReasonCode.DISAGGREGATED_IGNORED, ReasonCode.MILESTONE,
    ReasonCode.PREFERRED_SERIES_UNAVAILABLE, ReasonCode.SERIES_CHOSEN,
    ReasonCode.SERIES_SET_ASIDE, ReasonCode.DEADLINE_PASSED, ReasonCode.LATER_VALUES_IGNORED,
    ReasonCode.NO_DATA, ReasonCode.PERIODS_OF_OTHER_LENGTH, ReasonCode.NO_PERIOD_IN_RANGE,
    ReasonCode.PERIODS_FAILING, ReasonCode.PERIODS_WITHOUT_DATA, ReasonCode.BASELINE_STATED,
    ReasonCode.BASELINE_MEASURED, ReasonCode.NO_BASELINE, ReasonCode.SHARE_OF_PLACES,
    ReasonCode.MET, ReasonCode.NOT_MET,
    ReasonCode.LOST_ACHIEVEMENT, ReasonCode.ONE_DATA_POINT, ReasonCode.LATEST_BEFORE_BASELINE,
    ReasonCode.PROGRESS_RATIO, ReasonCode.NOT_IN_PLAN,
)
"""The order the engine's own reasons are read in; a method's reasons follow."""


@attrs.frozen(kw_only=True, eq=False)
class AssessmentTable:
    """One row per (indicator, place): statuses, figures and reason codes as arrays.

    Row `k * len(places) + p` is indicator `indicators[k]` at place `places[p]`. Figures a
    method does not produce are NaN.
    """

    places: tuple[str, ...]
    indicators: tuple[str, ...]
    methods: tuple[str, ...]
    """The method used for each indicator."""
    as_of: datetime.date
    status: IntArray
    """Positions in `STATUSES` (`Status.code`)."""
    ratio: FloatArray
    score: FloatArray
    expected: FloatArray
    projected: FloatArray
    gap: FloatArray
    baseline: FloatArray
    """The baseline's value (NaN without one)."""
    baseline_time: FloatArray
    latest: FloatArray
    latest_time: FloatArray
    target_value: FloatArray
    deadline: IntArray
    """The deadline of the target assessed against (-1 without a target)."""
    series: IntArray
    """The series used, as positions in `series_names` (-1 without data)."""
    series_names: tuple[str | None, ...] = (None,)
    latest_row: IntArray
    """The frame row of the latest value used (-1: none)."""
    baseline_row: IntArray
    """The frame row of a measured baseline (-1: none, or stated by the plan)."""
    flags: dict[ReasonCode, BoolArray] = attrs.field(repr=False)
    """For each reason code of the engine, whether it holds in each row."""
    frame: MeasurementFrame = attrs.field(repr=False)
    specs: tuple[Spec, ...] = attrs.field(repr=False)
    """The rules each row was judged by (one per indicator, or per indicator and plan)."""
    spec_at: IntArray = attrs.field(repr=False)
    """Each row's position in `specs` (-1: the place's plan lacks the indicator)."""
    parts: tuple[tuple[npt.NDArray[np.int64], Part], ...] = attrs.field(repr=False)
    """Each assessed group of rows (the table rows, the engine's part), for reasons' details."""
    frame_place: IntArray = attrs.field(repr=False)
    """Each table place's position in the frame (-1: not in it)."""
    locate: IntArray = attrs.field(repr=False)
    """For each row, the part (high bits) and the column in it (low 32 bits); -1: none."""

    def __len__(self) -> int:
        return len(self.status)

    @functools.cached_property
    def _positions(self) -> tuple[dict[str, int], dict[str, int]]:  # looked up by name, once
        return ({code: k for k, code in enumerate(self.indicators)},
                {name: p for p, name in enumerate(self.places)})

    def row(self, place: str, indicator: str) -> int:
        """The row of `indicator` at `place`."""
        indicators, places = self._positions
        try:
            return indicators[indicator] * len(self.places) + places[place]
        except KeyError:
            raise AssessmentError(msg(
                "no row for indicator {indicator!r} at place {place!r}: the table covers "
                "{indicators} indicators at {places} places", indicator=indicator, place=place,
                indicators=NumberText(len(self.indicators)),
                places=NumberText(len(self.places)))) from None

    def status_of(self, place: str, indicator: str) -> Status:
        """The status of `indicator` at `place`."""
        return STATUSES[int(self.status[self.row(place, indicator)])]

    def rows_of(self, indicator: str) -> slice:
        """The rows of `indicator`, one per place in the order of `places`."""
        k = self._positions[0].get(indicator)
        if k is None:
            raise AssessmentError(msg(
                "no indicator {indicator!r} in the table: it has {codes}", indicator=indicator,
                codes=", ".join(self.indicators)))
        return slice(k * len(self.places), (k + 1) * len(self.places))

    def statuses(self, indicator: str) -> tuple[Status, ...]:
        """Every place's status for `indicator`, in the order of `places`."""
        return tuple(STATUSES[int(code)] for code in self.status[self.rows_of(indicator)])

    def reasons(self, place: str, indicator: str) -> tuple[Reason, ...]:
        """The reasons behind the status of `indicator` at `place`, in reading order."""
        return self.reasons_at(self.row(place, indicator))

    def reasons_at(self, row: int) -> tuple[Reason, ...]:
        """The reasons of table row `row`, rendered from its codes and figures."""
        flags = self.flags
        found = [self._reason(code, row) for code in READING_ORDER
                 if code in flags and flags[code][row]]
        located = self.part_of(row)
        if located is not None:
            part, column = located
            found += [reason for reason, mask in part.method_flags if mask[column]]
        return tuple(found)

    def _reason(self, code: ReasonCode, row: int) -> Reason:
        read = _READ.get(code)
        found = {} if read is None else read(self, self.specs[int(self.spec_at[row])], row)
        return Reason(code=code, **({"detail": found} if isinstance(found, str) else found))

    def part_of(self, row: int) -> tuple[Part, int] | None:
        """The engine's part holding row `row` and the row's column in it (None: no data)."""
        where = int(self.locate[row])
        return None if where < 0 else (self.parts[where >> 32][1], where & 0xFFFFFFFF)

    def periods(self, rows: npt.NDArray[np.int64]) -> list[Period]:
        """The periods of frame rows `rows`."""
        frame = self.frame
        return [period_of(int(frame.start[r]), int(frame.end[r])) for r in rows]

    def to_frame(self, language: Language = "en") -> pd.DataFrame:
        """Every place × indicator as a pandas DataFrame, a row each.

        Figures are floats, the status an ordered categorical in `Status` order (best first),
        the deadline a nullable integer; `reason_codes` and `reasons` give the reasons' codes
        (joined by ";") and their text in `language`.

        Needs pandas (``pip install "gender-plan[pandas]"``).
        """
        from gender_plan.io._extras import require  # noqa: PLC0415

        pandas: Any = require("pandas", package="pandas", extra="pandas",
                              feature="AssessmentTable.to_frame")
        count = len(self.places)
        reasons = [self.reasons_at(r) for r in range(len(self))]
        data: dict[str, Any] = {
            "place": np.tile(np.array(self.places, dtype=object), len(self.indicators)),
            "indicator": np.repeat(np.array(self.indicators, dtype=object), count),
            "method": np.repeat(np.array(self.methods, dtype=object), count),
            "status": pandas.Categorical.from_codes(
                self.status, categories=[s.value for s in STATUSES], ordered=True),
        }
        for name in (*FIGURES, "target_value"):
            data[name] = getattr(self, name).astype(np.float64)
        data["deadline"] = pandas.array(np.where(self.deadline >= 0, self.deadline, 0),
                                        dtype="Int64")
        data["deadline"][self.deadline < 0] = pandas.NA
        data["series"] = [None if s < 0 else self.series_names[s] for s in self.series]
        data["reason_codes"] = [";".join(r.code.value for r in found) for found in reasons]
        data["reasons"] = [" ".join(r.text(language) for r in found) for found in reasons]
        table: pd.DataFrame = pandas.DataFrame(data)
        return table


_Reader = Callable[[AssessmentTable, Spec, int], str | dict[str, Any]]


def _column(table: AssessmentTable, row: int) -> tuple[Part, int]:
    found = table.part_of(row)
    assert found is not None  # a reason beyond NO_DATA needs the row's part
    return found


def _period(table: AssessmentTable, frame_row: int) -> str:
    return str(table.periods(np.array([frame_row]))[0])


def _named(names: tuple[str, ...]) -> dict[str, Any]:
    return {"detail": ", ".join(names), "names": names}


def _listed(mask_code: ReasonCode) -> _Reader:
    def detail(table: AssessmentTable, spec: Spec, row: int) -> str:
        part, column = _column(table, row)
        mask = part.masks[mask_code][:, column]
        return ", ".join(str(p) for p in table.periods(part.block.row[mask, column]))
    return detail


def _disaggregated(table: AssessmentTable, spec: Spec, row: int) -> str:
    frame = table.frame
    place = table.frame_place[row % len(table.places)]
    k = table.frame.indicators.index(spec.indicator.code)
    rows = np.flatnonzero((frame.indicator == k) & (frame.place == place) & (frame.sex != 0))
    return ", ".join(sorted({str(p) for p in table.periods(rows)}))


def _set_aside(table: AssessmentTable, spec: Spec, row: int) -> dict[str, Any]:
    part, column = _column(table, row)
    block = table.frame.layout.blocks[table.frame.indicators.index(
        table.indicators[row // len(table.places)])]
    chosen = part.block.series[column]
    others = block.series[(block.place == part.block.place[column]) & (block.series != chosen)]
    return _named(tuple(sorted(str(table.series_names[s]) for s in others.tolist())))


def _missing(table: AssessmentTable, spec: Spec, row: int) -> str:
    part, column = _column(table, row)
    assert part.missing is not None
    return ", ".join(str(p) for p, gone in zip(part.expected, part.missing[:, column],
                                               strict=True) if gone)


def _band(table: AssessmentTable, spec: Spec, row: int) -> dict[str, Any]:
    lower, upper = edges(spec.indicator, spec.target)  # figures: as the reader writes numbers
    return {"detail": f"[{lower:g}, {upper:g}]", "value": lower, "total": upper}


def _stated(table: AssessmentTable, spec: Spec, row: int) -> dict[str, Any]:
    stated = spec.indicator.baseline
    return {} if stated is None else {"detail": str(stated.year), "value": float(stated.value)}


def _share(table: AssessmentTable, spec: Spec, row: int) -> dict[str, Any]:
    """The period of the latest share, the condition, the level of the places: the counts."""
    share = spec.indicator.share_of_places
    assert share is not None  # the flag is only set on shares of places
    latest = int(table.latest_row[row])
    level = "" if share.level is None else f", {share.level}"
    return {"detail": f"{_period(table, latest)}: {share.describe()}{level}",
            "value": float(table.frame.numerator[latest]),
            "total": float(table.frame.denominator[latest])}


_READ: dict[ReasonCode, _Reader] = {
    ReasonCode.BAND_DISTANCE: _band,
    ReasonCode.DISAGGREGATED_IGNORED: _disaggregated,
    ReasonCode.MILESTONE: lambda table, spec, row: str(spec.deadline),
    ReasonCode.PREFERRED_SERIES_UNAVAILABLE: lambda table, spec, row: _named(
        (str(spec.indicator.series),)),
    ReasonCode.SERIES_CHOSEN: lambda table, spec, row: _named(
        (str(table.series_names[table.series[row]]),)),
    ReasonCode.SERIES_SET_ASIDE: _set_aside,
    ReasonCode.DEADLINE_PASSED: lambda table, spec, row: str(spec.deadline),
    ReasonCode.LATER_VALUES_IGNORED: _listed(ReasonCode.LATER_VALUES_IGNORED),
    ReasonCode.PERIODS_OF_OTHER_LENGTH: _listed(ReasonCode.PERIODS_OF_OTHER_LENGTH),
    ReasonCode.NO_PERIOD_IN_RANGE: lambda table, spec, row: str(spec.first_year),
    ReasonCode.PERIODS_FAILING: _listed(ReasonCode.PERIODS_FAILING),
    ReasonCode.PERIODS_WITHOUT_DATA: _missing,
    ReasonCode.BASELINE_STATED: _stated,
    ReasonCode.BASELINE_MEASURED: lambda table, spec, row: {
        "detail": _period(table, table.baseline_row[row]), "value": float(table.baseline[row])},
    ReasonCode.NO_BASELINE: lambda table, spec, row: str(spec.base_year),
    ReasonCode.SHARE_OF_PLACES: _share,
    ReasonCode.LATEST_BEFORE_BASELINE: lambda table, spec, row: _period(
        table, table.latest_row[row]),
    ReasonCode.PROGRESS_RATIO: lambda table, spec, row: {"value": float(table.ratio[row])},
}
"""How each reason with particulars reads them from a row: its detail, or `Reason`'s fields."""
