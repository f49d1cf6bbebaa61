"""Every place's assessment of every indicator at once, with numpy, exactly as the engine does it.

`assess_frame` applies the rules of `gender_plan.evaluation.assess_indicator` (series choice,
baseline, latest value at or before the date, deadline, milestones, yes/no and hold-every-period
targets, lost achievement, too few data) and the three methods' formulas to arrays of every
place at once. It reports the same statuses and figures, bit for bit; it does not produce the
reasons (use the engine on one place for those).
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any

import attrs
import numpy as np
import numpy.typing as npt

from gender_plan.errors import AssessmentError, Problem, ValidationError
from gender_plan.evaluation.assessment import _choose_target, _limit, to_date
from gender_plan.evaluation.growth import GrowthRatio
from gender_plan.evaluation.linear import LinearPath
from gender_plan.evaluation.method import Method
from gender_plan.evaluation.projection import Projection
from gender_plan.evaluation.status import Status
from gender_plan.model.indicator import Indicator
from gender_plan.model.plan import Plan
from gender_plan.model.target import Target, TargetKind
from gender_plan.vectorized import _methods
from gender_plan.vectorized._arrays import Groups, group
from gender_plan.vectorized._methods import Judged, Trends
from gender_plan.vectorized._pyfloat import FloatArray
from gender_plan.vectorized.frame import FREQUENCIES, MeasurementFrame

__all__ = ["STATUSES", "AssessmentTable", "assess_frame"]

STATUSES: tuple[Status, ...] = tuple(Status)
"""The `status` column's codes, in `Status`'s order."""

_CODE = {status: code for code, status in enumerate(STATUSES)}


@attrs.frozen(kw_only=True, eq=False)
class AssessmentTable:
    """One row per (indicator, place): statuses and figures as arrays, indicator by indicator.

    Row `k * len(places) + p` is indicator `indicators[k]` at place `places[p]`. Figures a
    method does not produce are NaN.
    """

    places: tuple[str, ...]
    indicators: tuple[str, ...]
    methods: tuple[str, ...]
    """The method used for each indicator."""
    as_of: datetime.date
    status: npt.NDArray[np.int64] = attrs.field(eq=False)
    """Positions in `STATUSES`."""
    ratio: FloatArray = attrs.field(eq=False)
    score: FloatArray = attrs.field(eq=False)
    expected: FloatArray = attrs.field(eq=False)
    projected: FloatArray = attrs.field(eq=False)
    gap: FloatArray = attrs.field(eq=False)
    baseline: FloatArray = attrs.field(eq=False)
    """The baseline's value (NaN without one)."""
    baseline_time: FloatArray = attrs.field(eq=False)
    latest: FloatArray = attrs.field(eq=False)
    latest_time: FloatArray = attrs.field(eq=False)
    target_value: FloatArray = attrs.field(eq=False)
    deadline: npt.NDArray[np.int64] = attrs.field(eq=False)
    """The deadline of the target assessed against (-1 without a target)."""
    series: npt.NDArray[np.int64] = attrs.field(eq=False)
    """The series used, as positions in `series_names` (-1 without data)."""
    series_names: tuple[str | None, ...] = (None,)

    def row(self, place: str, indicator: str) -> int:
        """The row of `indicator` at `place`."""
        try:
            return self.indicators.index(indicator) * len(self.places) + self.places.index(place)
        except ValueError:
            raise AssessmentError(
                f"no row for indicator {indicator!r} at place {place!r}: the table covers "
                f"{len(self.indicators)} indicators at {len(self.places)} places"
            ) from None

    def status_of(self, place: str, indicator: str) -> Status:
        """The status of `indicator` at `place`."""
        return STATUSES[int(self.status[self.row(place, indicator)])]

    def statuses(self, indicator: str) -> tuple[Status, ...]:
        """Every place's status for `indicator`, in the order of `places`."""
        k = self.indicators.index(indicator) * len(self.places)
        return tuple(STATUSES[int(code)] for code in self.status[k : k + len(self.places)])


def assess_frame(
    plan: Plan,
    frame: MeasurementFrame,
    *,
    as_of: datetime.date | int,
    method: Method | None = None,
    methods: Mapping[str, Method] | None = None,
    places: tuple[str, ...] | None = None,
) -> AssessmentTable:
    """Assess every indicator of `plan` at every place of `frame` (or `places`) as of `as_of`.

    The same statuses and figures as `assess_indicator(indicator, rows, place=p, ...)` with the
    plan's start, end and base years, for `LinearPath`, `GrowthRatio` and `Projection`.

    Raises:
        AssessmentError: a method the vectorized path does not know.
        ValidationError: two values of one period in one series at one place.
    """
    method = method if method is not None else LinearPath()
    overrides = dict(methods or {})
    for code in overrides:
        plan.indicator(code)
    date = to_date(as_of)
    chosen_places = places if places is not None else frame.places
    wanted = {name: position for position, name in enumerate(chosen_places)}
    place_map = np.array([wanted.get(name, -1) for name in frame.places] + [-1], dtype=np.int64)
    indicators = [indicator for _, indicator in plan.indicators()]
    used = [overrides.get(indicator.code, method) for indicator in indicators]
    for chosen in used:
        if not isinstance(chosen, LinearPath | GrowthRatio | Projection):
            raise AssessmentError(
                f"the vectorized path knows LinearPath, GrowthRatio and Projection, not "
                f"{type(chosen).__name__}: assess with gender_plan.assess_plan instead"
            )
    # Python's float arithmetic overflows to inf silently, as numpy's does with warnings off;
    # only `**` raises OverflowError, and `py_pow` raises it just as the engine does.
    by_indicator = _rows_by_indicator(frame, place_map)
    with np.errstate(all="ignore"):
        blocks = [
            _assess_indicator(plan, indicator, chosen, frame, by_indicator, place_map,
                              len(chosen_places), date)
            for indicator, chosen in zip(indicators, used, strict=True)
        ]
    return AssessmentTable(
        places=chosen_places,
        indicators=tuple(indicator.code for indicator in indicators),
        methods=tuple(chosen.name for chosen in used),
        as_of=date,
        series_names=frame.series_names,
        **_concatenate(blocks),
    )


def _concatenate(blocks: list[dict[str, npt.NDArray[Any]]]) -> dict[str, npt.NDArray[Any]]:
    return {
        name: np.concatenate([block[name] for block in blocks])
        if blocks
        else np.zeros(0, dtype=np.int64 if name in _INTEGER else np.float64)
        for name in _FIELDS
    }


_FIELDS = ("status", "ratio", "score", "expected", "projected", "gap", "baseline",
           "baseline_time", "latest", "latest_time", "target_value", "deadline", "series")
_INTEGER = ("status", "deadline", "series")


def _assess_indicator(
    plan: Plan,
    indicator: Indicator,
    method: Method,
    frame: MeasurementFrame,
    by_indicator: dict[int, npt.NDArray[np.int64]],
    place_map: npt.NDArray[np.int64],
    count: int,
    date: datetime.date,
) -> dict[str, npt.NDArray[Any]]:
    out: dict[str, npt.NDArray[Any]] = {
        name: np.full(count, np.nan) for name in _FIELDS
    }
    out["status"] = np.full(count, _CODE[Status.NO_DATA], dtype=np.int64)
    out["series"] = np.full(count, -1, dtype=np.int64)
    target, _ = _choose_target(indicator, date, plan.end_year)
    deadline: int | None = None
    y_T: float | None = None
    if target is not None:
        deadline = target.year if target.year is not None else plan.end_year
        value = indicator.target_value(target)
        y_T = float(value)
        out["target_value"] = np.full(count, y_T)
    out["deadline"] = np.full(count, -1 if deadline is None else deadline, dtype=np.int64)
    code = frame.indicators.index(indicator.code) if indicator.code in frame.indicators else -1
    rows = by_indicator.get(code, _NO_ROWS)
    if rows.size == 0:
        return out
    groups = group(frame, rows, place_map, indicator.series, date)
    _check_duplicates(indicator, frame, groups)
    out["series"][groups.place] = groups.series
    available = groups.mask & (groups.end <= date.toordinal())
    passed = deadline is not None and date.year > deadline
    if deadline is not None and passed:
        available &= groups.year <= deadline
    latest = _last(available)
    has = latest >= 0
    at = np.arange(len(latest))
    pick = np.where(has, latest, 0)
    if target is not None and target.is_periodic:
        _periodic(out, groups, available, target, plan.start_year, y_T)
        return out
    out["latest"][groups.place[has]] = groups.value[at, pick][has]
    out["latest_time"][groups.place[has]] = groups.time[at, pick][has]
    if target is not None and target.kind is TargetKind.YES_NO:
        met = groups.value[at, pick] == (1.0 if target.value else 0.0)
        status = np.where(met, _CODE[Status.ACHIEVED], _CODE[Status.NOT_ACHIEVED])
        out["status"][groups.place[has]] = status[has]
        return out
    trends = _methods.trends(indicator, groups, available, latest, plan.effective_base_year,
                             deadline, y_T, _limit(indicator))
    if y_T is not None:
        out["gap"][groups.place[has]] = (y_T - trends.y_t)[has]
    out["baseline"][groups.place[has]] = trends.y_b[has]
    out["baseline_time"][groups.place[has]] = trends.b[has]
    judged = _reach(method, target, trends, passed, has)
    for name in ("status", "ratio", "score", "expected", "projected"):
        out[name][groups.place[has]] = getattr(judged, name)[has]
    return out


_NO_ROWS = np.zeros(0, dtype=np.int64)


def _rows_by_indicator(
    frame: MeasurementFrame, place_map: npt.NDArray[np.int64]
) -> dict[int, npt.NDArray[np.int64]]:
    """The rows to assess (totals at the chosen places) of each indicator, in frame order.

    One pass over the frame instead of one per indicator: a stable sort by indicator code keeps
    each indicator's rows in their order (radix sort, on the small codes).
    """
    rows = np.flatnonzero((frame.sex == 0) & (place_map[frame.place] >= 0))
    if rows.size == 0:
        return {}
    codes = frame.indicator[rows]
    small = codes.astype(np.int16) if len(frame.indicators) < 2**15 else codes
    order = np.argsort(small, kind="stable")
    rows, codes = rows[order], codes[order]
    edges = np.flatnonzero(np.diff(codes)) + 1
    return {int(part_codes[0]): part for part, part_codes in
            zip(np.split(rows, edges), np.split(codes, edges), strict=True)}


def _reach(
    method: Method, target: Target | None, trends: Trends, passed: bool, has: npt.NDArray[np.bool_]
) -> Judged:
    """The engine's `_assess_reach` after the baseline is found, on every group at once."""
    size = len(trends.y_t)
    judged = Judged.empty(size)
    met = np.zeros(size, dtype=bool)
    if target is not None and trends.y_T is not None:
        met = _methods.is_met(trends.y_t, target, trends.y_T)
    judged.status[:] = _CODE[Status.INSUFFICIENT_DATA]
    judged.status[met] = _CODE[Status.ACHIEVED]
    if isinstance(method, GrowthRatio):
        judged.score[met] = method.met_score
    rest = has & ~met
    if target is not None and passed:
        judged.status[rest] = _CODE[Status.NOT_ACHIEVED]
        return judged
    rest &= trends.has_trend
    enough = (trends.t - trends.b) >= 1
    lost = np.zeros(size, dtype=bool)
    if target is not None and trends.y_T is not None:
        lost = rest & _methods.is_met(trends.y_b, target, trends.y_T)
    judge = rest & enough
    if judge.any():
        _methods.judge(method, trends, judge, judged, _CODE)
    judged.status[lost] = _CODE[Status.DETERIORATING]
    judged.status[rest & ~enough & ~lost] = _CODE[Status.INSUFFICIENT_DATA]
    return judged


def _last(mask: npt.NDArray[np.bool_]) -> npt.NDArray[np.int64]:
    """Per row, the last position where `mask` holds, or -1."""
    positions = np.where(mask, np.arange(mask.shape[1]), -1)
    return positions.max(axis=1) if mask.shape[1] else np.full(mask.shape[0], -1)


def _periodic(
    out: dict[str, npt.NDArray[Any]],
    groups: Groups,
    available: npt.NDArray[np.bool_],
    target: Target,
    start_year: int,
    value: float | None,
) -> None:
    """Hold-every-period and count-per-period targets: every period with data must meet it."""
    assert value is not None
    first = target.start_year if target.start_year is not None else start_year
    in_range = available & (groups.year >= first)
    if target.frequency is not None:
        in_range &= groups.frequency == FREQUENCIES.index(target.frequency)
    fails = in_range & ~_methods.is_met(groups.value, target, value)
    any_data = available.any(axis=1)
    latest = _last(in_range)
    has = latest >= 0
    at = np.arange(len(latest))
    status = np.where(
        ~has,
        _CODE[Status.INSUFFICIENT_DATA],
        np.where(fails.any(axis=1), _CODE[Status.NOT_ACHIEVED], _CODE[Status.ACHIEVED]),
    )
    status = np.where(any_data, status, _CODE[Status.NO_DATA])
    out["status"][groups.place] = status
    latest_value = groups.value[at, np.where(has, latest, 0)]
    out["latest"][groups.place[has]] = latest_value[has]
    out["latest_time"][groups.place[has]] = groups.time[at, np.where(has, latest, 0)][has]
    out["gap"][groups.place[has]] = (value - latest_value)[has]


def _check_duplicates(indicator: Indicator, frame: MeasurementFrame, groups: Groups) -> None:
    same = (
        groups.mask[:, 1:]
        & groups.mask[:, :-1]
        & (groups.start[:, 1:] == groups.start[:, :-1])
        & (groups.end[:, 1:] == groups.end[:, :-1])
    )
    if not same.any():
        return
    problems = []
    for g, position in zip(*np.nonzero(same), strict=True):
        place = frame.places[groups.source_place[g]]
        year = int(groups.year[g, position])
        problems.append(
            Problem(
                message=f"two values of indicator {indicator.code!r} for one period of {year} "
                f"at place {place!r} in series {frame.series_names[groups.series[g]]!r}",
                hint="keep one, or give them different series",
            )
        )
    raise ValidationError(problems, subject=f"measurements of {indicator.code!r}")

