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
from gender_plan.evaluation.assessment import to_date
from gender_plan.evaluation.growth import GrowthRatio
from gender_plan.evaluation.linear import LinearPath
from gender_plan.evaluation.method import Method
from gender_plan.evaluation.projection import Projection
from gender_plan.evaluation.status import Status
from gender_plan.model.plan import Plan
from gender_plan.model.target import TargetKind
from gender_plan.vectorized._arrays import Batch, select
from gender_plan.vectorized._layout import PAST, BoolArray, FloatArray, IntArray
from gender_plan.vectorized._trends import available, last, trends
from gender_plan.vectorized._verdicts import CODE, Spec, constant, periodic, reach, stated, yes_no
from gender_plan.vectorized.frame import MeasurementFrame

__all__ = ["STATUSES", "AssessmentTable", "assess_frame"]

STATUSES: tuple[Status, ...] = tuple(Status)
"""The `status` column's codes, in `Status`'s order."""



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
    place_map: IntArray | None = None
    if chosen_places != frame.places:
        wanted = {name: position for position, name in enumerate(chosen_places)}
        place_map = np.array([wanted.get(name, -1) for name in frame.places], dtype=np.int64)
    indicators = [indicator for _, indicator in plan.indicators()]
    used = [overrides.get(indicator.code, method) for indicator in indicators]
    for chosen in used:
        if not isinstance(chosen, LinearPath | GrowthRatio | Projection):
            raise AssessmentError(
                f"the vectorized path knows LinearPath, GrowthRatio and Projection, not "
                f"{type(chosen).__name__}: assess with gender_plan.assess_plan instead"
            )
    for indicator in indicators:
        # band transform: levels to stay near and yes/no facts held from a year on are judged
        # by the per-indicator engine only, until the one array engine (issue 12) takes them.
        if indicator.is_toward or any(
            t.kind is TargetKind.HOLD and isinstance(t.value, bool) for t in indicator.targets
        ):
            raise AssessmentError(
                f"indicator {indicator.code!r} is a level to stay near or a yes/no fact to hold "
                "from a year on, which the vectorized path does not judge: assess it with "
                "gender_plan.assess_plan or assess_indicator instead"
            )
    count = len(chosen_places)
    specs = [Spec.of(plan, indicator, chosen, frame, date)
             for indicator, chosen in zip(indicators, used, strict=True)]
    out = _Columns(specs, count)
    layout = frame.layout
    batches: dict[tuple[object, ...], list[int]] = {}
    for k, spec in enumerate(specs):
        span = layout.spans.get(spec.code)
        if span is not None:
            batches.setdefault((span.block, *spec.batch), []).append(k)
    context = _Context(plan=plan, frame=frame, place_map=place_map, count=count, date=date,
                       out=out, name_rank=_name_rank(frame.series_names))
    # Python's float arithmetic overflows to inf silently, as numpy's does with warnings off;
    # only `**` raises OverflowError, and `py_pow` raises it just as the engine does.
    with np.errstate(all="ignore"):
        for members in batches.values():
            _assess_batch(context, [specs[k] for k in members], members)
    return AssessmentTable(
        places=chosen_places,
        indicators=tuple(indicator.code for indicator in indicators),
        methods=tuple(chosen.name for chosen in used),
        as_of=date,
        series_names=frame.series_names,
        **out.finish(),
    )


_FIELDS = ("status", "ratio", "score", "expected", "projected", "gap", "baseline",
           "baseline_time", "latest", "latest_time", "target_value", "deadline", "series")


class _Columns:
    """The table's columns, filled batch by batch.

    A column starts as no data (NaN, or the status NO_DATA and series -1). When one batch
    fills a whole column with an array of its own, that array becomes the column as it is.
    """

    def __init__(self, specs: list[Spec], count: int) -> None:
        self.size = len(specs) * count
        self.columns: dict[str, npt.NDArray[Any]] = {
            "target_value": np.repeat(np.array([np.nan if s.y_T is None else s.y_T
                                                for s in specs], dtype=np.float64), count),
            "deadline": np.repeat(np.array([-1 if s.deadline is None else s.deadline
                                            for s in specs], dtype=np.int64), count),
        }

    def write(self, name: str, slots: slice | IntArray, values: object) -> None:
        """Write a batch's `values` of column `name` into rows `slots`."""
        column = self.columns.get(name)
        if (column is None and isinstance(slots, slice) and slots == slice(0, self.size)
                and isinstance(values, np.ndarray)
                and values.base is None and values.dtype == _DTYPES.get(name, np.float64)
                and values.shape == (self.size,)
                and all(values is not taken for taken in self.columns.values())):
            self.columns[name] = values
            return
        if column is None:
            column = self.columns[name] = self._empty(name)
        column[slots] = values

    def finish(self) -> dict[str, npt.NDArray[Any]]:
        """Every column, those no batch wrote as no data."""
        return {name: self.columns.get(name, self._empty(name)) for name in _FIELDS}

    def _empty(self, name: str) -> npt.NDArray[Any]:
        if name in _DTYPES:
            return np.full(self.size, -1 if name == "series" else CODE[Status.NO_DATA],
                           dtype=np.int64)
        return np.full(self.size, np.nan)


_DTYPES = {"status": np.dtype(np.int64), "series": np.dtype(np.int64)}


@attrs.frozen(kw_only=True, eq=False)
class _Context:
    """What every batch of one call shares."""

    plan: Plan
    frame: MeasurementFrame
    place_map: IntArray | None
    """Each frame place's position among the places assessed (-1: left out); None: the same."""
    count: int
    date: datetime.date
    out: _Columns
    name_rank: IntArray
    """Each series' rank by name ('' for no series), the engine's last tie-break."""

    def preferred(self, specs: list[Spec]) -> dict[int, int]:
        """The preferred series' code of each indicator that has one in the frame."""
        names = self.frame.series_names
        return {spec.code: names.index(spec.indicator.series) for spec in specs
                if spec.indicator.series is not None and spec.indicator.series in names}


def _name_rank(names: tuple[str | None, ...]) -> IntArray:
    """Each series' rank by name ('' for no series), the engine's last tie-break."""
    texts = np.array([name or "" for name in names], dtype=object)
    rank = np.empty(len(texts), dtype=np.int64)
    rank[np.argsort(texts, kind="stable")] = np.arange(len(texts))
    return rank


def _assess_batch(context: _Context, specs: list[Spec], members: list[int]) -> None:
    """Assess indicators that take the same steps, all their places at once, into `out`."""
    frame, date = context.frame, context.date
    batch = select(frame.layout, [spec.code for spec in specs],
                   None if context.place_map is None else context.place_map >= 0,
                   context.preferred(specs), context.name_rank, date, len(frame.places))
    if not len(batch):
        return
    if batch.duplicate.any():
        _refuse_duplicates(specs, batch, frame)
    slots = _slots(batch, members, context.place_map, context.count)

    def write(name: str, values: object) -> None:
        context.out.write(name, slots, values)

    write("series", batch.series)
    first = specs[0]
    deadline = (constant([float(spec.deadline or 0) for spec in specs], batch.member)
                if first.passed else None)
    where = available(batch, date.toordinal(), deadline)
    if first.target is not None and first.target.is_periodic:
        for name, values in periodic(batch, _as_mask(where, batch), first.target,
                                      context.plan.start_year, first.y_T).items():
            write(name, values)
        return
    if isinstance(where, list) and not where:
        return  # no group has a value available: NO_DATA, as the table starts
    if first.target is not None and first.target.kind is TargetKind.YES_NO:
        wanted = constant([1.0 if spec.target is not None and spec.target.value else 0.0
                            for spec in specs], batch.member)
        latest = where[-1] if isinstance(where, list) else last(where)
        for name, values in yes_no(batch, latest, wanted).items():
            write(name, values)
        return
    trend = trends(batch, where, context.plan.effective_base_year, stated(specs, batch))
    for name, values in reach(first, specs, batch, trend).items():
        write(name, values)


def _slots(batch: Batch, members: list[int], place_map: IntArray | None,
           count: int) -> slice | IntArray:
    """Where each group's row lies in the table: a slice when they lie in order."""
    if batch.whole and members == list(range(members[0], members[0] + len(members))):
        return slice(members[0] * count, (members[-1] + 1) * count)
    place = batch.place if place_map is None else place_map[batch.place]
    return np.asarray(members, dtype=np.int64)[batch.member] * count + place


def _as_mask(where: list[int] | BoolArray, batch: Batch) -> BoolArray:
    if not isinstance(where, list):
        return where
    mask = np.zeros(batch.end.shape, dtype=bool)
    mask[where] = True
    return mask


def _refuse_duplicates(specs: list[Spec], batch: Batch, frame: MeasurementFrame) -> None:
    """Two values of one period in one series at one place: the first such indicator's."""
    k = int(batch.member[batch.duplicate].min())
    code = specs[k].indicator.code
    same = ((batch.end[1:] == batch.end[:-1]) & (batch.time[1:] == batch.time[:-1])
            & (batch.end[1:] != PAST))
    problems = []
    for g in np.flatnonzero(batch.duplicate & (batch.member == k)).tolist():
        for position in np.flatnonzero(same[:, g]).tolist():
            place = frame.places[batch.place[g]]
            problems.append(
                Problem(
                    message=f"two values of indicator {code!r} for one period of "
                    f"{int(batch.year[position, g])} at place {place!r} in series "
                    f"{frame.series_names[batch.series[g]]!r}",
                    hint="keep one, or give them different series",
                )
            )
    raise ValidationError(problems, subject=f"measurements of {code!r}")
