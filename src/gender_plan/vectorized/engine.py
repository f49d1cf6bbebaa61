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
    count = len(chosen_places)
    specs = [_Spec.of(plan, indicator, chosen, frame, date)
             for indicator, chosen in zip(indicators, used, strict=True)]
    out = _empty(specs, count)
    segments = _segments(frame, place_map, count)
    batches: dict[tuple[object, ...], list[int]] = {}
    for k, spec in enumerate(specs):
        if spec.code >= 0 and segments[spec.code].size:
            batches.setdefault(spec.batch, []).append(k)
    with np.errstate(all="ignore"):
        for members in batches.values():
            _assess_batch(plan, [specs[k] for k in members], members, frame, segments,
                          place_map, count, date, out)
    return AssessmentTable(
        places=chosen_places,
        indicators=tuple(indicator.code for indicator in indicators),
        methods=tuple(chosen.name for chosen in used),
        as_of=date,
        series_names=frame.series_names,
        **out,
    )


_FIELDS = ("status", "ratio", "score", "expected", "projected", "gap", "baseline",
           "baseline_time", "latest", "latest_time", "target_value", "deadline", "series")


@attrs.frozen(kw_only=True, eq=False)
class _Spec:
    """What one indicator's assessment needs besides its data, found once per call."""

    indicator: Indicator
    method: Method
    target: Target | None
    deadline: int | None
    y_T: float | None
    passed: bool
    """Whether the date is past the deadline."""
    code: int
    """The indicator's position in the frame's `indicators` (-1 when it has no rows)."""
    batch: tuple[object, ...]
    """Indicators with the same `batch` are assessed in one pass: it holds everything that
    changes which steps run, so that they differ only in numbers."""

    @classmethod
    def of(cls, plan: Plan, indicator: Indicator, method: Method, frame: MeasurementFrame,
           date: datetime.date) -> _Spec:
        target, _ = _choose_target(indicator, date, plan.end_year)
        deadline: int | None = None
        y_T: float | None = None
        if target is not None:
            deadline = target.year if target.year is not None else plan.end_year
            y_T = float(indicator.target_value(target))
        passed = deadline is not None and date.year > deadline
        code = frame.indicators.index(indicator.code) if indicator.code in frame.indicators else -1
        batch: tuple[object, ...]
        if target is not None and target.is_periodic:
            batch = ("periodic", indicator.code)
        elif target is not None and target.kind is TargetKind.YES_NO:
            batch = ("yes/no", passed)
        else:
            batch = ("trend", id(method), passed, indicator.is_yes_no, _limit(indicator),
                     indicator.baseline is None,
                     None if target is None else (target.comparator, target.tolerance))
        return cls(indicator=indicator, method=method, target=target, deadline=deadline,
                   y_T=y_T, passed=passed, code=code, batch=batch)


def _empty(specs: list[_Spec], count: int) -> dict[str, npt.NDArray[Any]]:
    """The table's columns before any data: no data, and each indicator's target and deadline."""
    size = len(specs) * count
    out: dict[str, npt.NDArray[Any]] = {name: np.full(size, np.nan) for name in _FIELDS}
    out["status"] = np.full(size, _CODE[Status.NO_DATA], dtype=np.int64)
    out["series"] = np.full(size, -1, dtype=np.int64)
    out["target_value"] = np.repeat(
        np.array([np.nan if s.y_T is None else s.y_T for s in specs], dtype=np.float64), count)
    out["deadline"] = np.repeat(
        np.array([-1 if s.deadline is None else s.deadline for s in specs], dtype=np.int64),
        count)
    return out


def _segments(
    frame: MeasurementFrame, place_map: npt.NDArray[np.int64], count: int
) -> list[npt.NDArray[np.int64]]:
    """The rows to assess (totals at the chosen places) of each frame indicator.

    In the order of `MeasurementFrame.totals`: no sorting, the frame keeps its totals sorted.
    """
    rows = frame.totals
    if count < len(frame.places) or (place_map[:-1] < 0).any():
        rows = rows[place_map[frame.place[rows]] >= 0]
    codes = frame.indicator[rows]
    edges = np.searchsorted(codes, np.arange(len(frame.indicators) + 1))
    return [rows[edges[k] : edges[k + 1]] for k in range(len(frame.indicators))]


def _assess_batch(
    plan: Plan,
    specs: list[_Spec],
    members: list[int],
    frame: MeasurementFrame,
    segments: list[npt.NDArray[np.int64]],
    place_map: npt.NDArray[np.int64],
    count: int,
    date: datetime.date,
    out: dict[str, npt.NDArray[Any]],
) -> None:
    """Assess indicators that take the same steps, all their places at once, into `out`."""
    first = specs[0]
    parts = [segments[spec.code] for spec in specs]
    rows = parts[0] if len(parts) == 1 else np.concatenate(parts)
    groups = group(frame, rows, place_map,
                   {spec.code: spec.indicator.series for spec in specs}, date)
    # Each group's position among `specs`: the codes of a batch's indicators are distinct.
    position = np.full(len(frame.indicators), -1, dtype=np.int64)
    position[[spec.code for spec in specs]] = np.arange(len(specs))
    which = position[groups.indicator]
    _check_duplicates(specs, which, frame, groups)
    slot = np.asarray(members, dtype=np.int64)[which] * count + groups.place
    out["series"][slot] = groups.series
    available = groups.mask & (groups.end <= date.toordinal())
    if first.passed:
        deadlines = np.array([spec.deadline for spec in specs], dtype=np.int64)[which]
        available &= groups.year <= deadlines[:, None]
    if first.target is not None and first.target.is_periodic:
        _periodic(out, slot, groups, available, first.target, plan.start_year, first.y_T)
        return
    latest = _last(available)
    has = latest >= 0
    at = np.arange(len(latest))
    pick = np.where(has, latest, 0)
    here = slot[has]
    y_t = groups.value[at, pick]
    out["latest"][here] = y_t[has]
    out["latest_time"][here] = groups.time[at, pick][has]
    if first.target is not None and first.target.kind is TargetKind.YES_NO:
        wanted = np.array([1.0 if spec.target is not None and spec.target.value else 0.0
                           for spec in specs])[which]
        status = np.where(y_t == wanted, _CODE[Status.ACHIEVED], _CODE[Status.NOT_ACHIEVED])
        out["status"][here] = status[has]
        return
    per_group = _per_group(specs, which)
    trends = _methods.trends(
        groups, available, latest, plan.effective_base_year,
        per_group["d"].astype(np.int64),
        per_group.get("T"), None if first.indicator.is_yes_no else per_group.get("y_T"),
        (per_group["b"], per_group["y_b"]) if first.indicator.baseline is not None else None,
        _limit(first.indicator),
    )
    if first.y_T is not None:
        out["gap"][here] = (per_group["y_T"] - trends.y_t)[has]
    out["baseline"][here] = trends.y_b[has]
    out["baseline_time"][here] = trends.b[has]
    judged = _reach(first.method, first.target, trends, first.passed, has)
    for name in ("status", "ratio", "score", "expected", "projected"):
        out[name][here] = getattr(judged, name)[has]


def _per_group(specs: list[_Spec], which: npt.NDArray[np.int64]) -> dict[str, FloatArray]:
    """Each indicator's constants (direction, deadline, target, stated baseline) per group."""
    columns: dict[str, list[float]] = {"d": [], "T": [], "y_T": [], "b": [], "y_b": []}
    for spec in specs:
        baseline = spec.indicator.baseline
        columns["d"].append(spec.indicator.direction.sign)
        columns["T"].append(np.nan if spec.deadline is None else float(spec.deadline))
        columns["y_T"].append(np.nan if spec.y_T is None else spec.y_T)
        columns["b"].append(np.nan if baseline is None else float(baseline.year))
        columns["y_b"].append(np.nan if baseline is None else float(baseline.value))
    found: dict[str, FloatArray] = {
        name: np.array(values, dtype=np.float64)[which] for name, values in columns.items()
    }
    if specs[0].deadline is None:
        del found["T"], found["y_T"]
    return found


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
    slot: npt.NDArray[np.int64],
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
    out["status"][slot] = status
    latest_value = groups.value[at, np.where(has, latest, 0)]
    out["latest"][slot[has]] = latest_value[has]
    out["latest_time"][slot[has]] = groups.time[at, np.where(has, latest, 0)][has]
    out["gap"][slot[has]] = (value - latest_value)[has]


def _check_duplicates(
    specs: list[_Spec], which: npt.NDArray[np.int64], frame: MeasurementFrame, groups: Groups
) -> None:
    """Two values of one period in one series at one place: the first such indicator's."""
    same = (
        groups.mask[:, 1:]
        & groups.mask[:, :-1]
        & (groups.start[:, 1:] == groups.start[:, :-1])
        & (groups.end[:, 1:] == groups.end[:, :-1])
    )
    if not same.any():
        return
    rows, positions = np.nonzero(same)
    k = int(which[rows].min())
    code = specs[k].indicator.code
    problems = []
    for g, position in zip(rows.tolist(), positions.tolist(), strict=True):
        if which[g] != k:
            continue
        place = frame.places[groups.source_place[g]]
        year = int(groups.year[g, position])
        problems.append(
            Problem(
                message=f"two values of indicator {code!r} for one period of {year} "
                f"at place {place!r} in series {frame.series_names[groups.series[g]]!r}",
                hint="keep one, or give them different series",
            )
        )
    raise ValidationError(problems, subject=f"measurements of {code!r}")
