"""What the engine concludes, for every group of a batch at once: statuses and figures.

The steps of `gender_plan.evaluation.assess_indicator` after the data is laid out: yes/no facts,
hold-every-period targets, and targets to reach (met, deadline passed, lost achievement, too few
data), with the linear path's figures computed here and growth and projection's in `_methods`.
"""

from __future__ import annotations

import datetime
from typing import Any

import attrs
import numpy as np

from gender_plan.evaluation.assessment import _choose_target, _limit
from gender_plan.evaluation.growth import GrowthRatio
from gender_plan.evaluation.linear import LinearPath
from gender_plan.evaluation.method import Method
from gender_plan.evaluation.projection import Projection
from gender_plan.evaluation.status import Status
from gender_plan.model.indicator import Indicator
from gender_plan.model.plan import Plan
from gender_plan.model.target import Target, TargetKind
from gender_plan.vectorized._arrays import Batch
from gender_plan.vectorized._layout import BoolArray, FloatArray, IntArray
from gender_plan.vectorized._methods import Figures, Judged, classify, close, is_met
from gender_plan.vectorized._methods import judge as judge_methods
from gender_plan.vectorized._trends import Trends, Values, last, take
from gender_plan.vectorized.frame import FREQUENCIES, MeasurementFrame

CODE = {status: code for code, status in enumerate(Status)}
"""Each status's code in the table's `status` column (its position in `Status`)."""


@attrs.frozen(kw_only=True, eq=False)
class Spec:
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
           date: datetime.date) -> Spec:
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


def constant(values: list[float], member: IntArray) -> FloatArray | np.float64:
    """Each group's value of a per-indicator constant: one number when all are equal."""
    if all(value == values[0] for value in values):  # False for NaN too: NaN != NaN
        return np.float64(values[0])
    return np.array(values, dtype=np.float64)[member]


def stated(specs: list[Spec], batch: Batch) -> tuple[Values, Values] | None:
    """Each group's stated baseline (year, value), or None when the indicators have none."""
    baselines = [spec.indicator.baseline for spec in specs]
    if any(baseline is None for baseline in baselines):
        return None
    return (constant([float(b.year) for b in baselines if b is not None], batch.member),
            constant([float(b.value) for b in baselines if b is not None], batch.member))


def yes_no(batch: Batch, latest: int | IntArray, wanted: Values) -> dict[str, object]:
    """A fact to hold: the latest value is the wanted one or not."""
    if isinstance(latest, int):
        value: Values = batch.value[latest]
        time: Values = batch.time[latest]
        has: BoolArray | bool = True
    else:
        value, time, has = take(batch.value, latest), take(batch.time, latest), latest >= 0
    status = np.where(value == wanted, CODE[Status.ACHIEVED], CODE[Status.NOT_ACHIEVED])
    return {"latest": value, "latest_time": time,
            "status": np.where(has, status, CODE[Status.NO_DATA])}


def reach(first: Spec, specs: list[Spec], batch: Batch, trend: Trends) -> dict[str, Any]:
    """The engine's `_assess_reach` after the baseline is found, for every group at once."""
    size, target, method = len(batch), first.target, first.method
    y_T = None
    if first.y_T is not None:
        target_value = constant([float(spec.y_T or 0) for spec in specs], batch.member)
        y_T = None if first.indicator.is_yes_no else target_value
    found: dict[str, Any] = {"latest": trend.y_t, "latest_time": trend.t,
                                "baseline": trend.y_b, "baseline_time": trend.b}
    if first.y_T is not None:
        found["gap"] = target_value - trend.y_t
    met = (is_met(trend.y_t, target, y_T) if target is not None and y_T is not None
           else np.zeros(size, dtype=bool))
    status = np.where(met, CODE[Status.ACHIEVED], CODE[Status.INSUFFICIENT_DATA])
    rest = trend.has & ~met
    if target is not None and first.passed:
        status = np.where(rest, CODE[Status.NOT_ACHIEVED], status)
    else:
        rest = rest & trend.has_trend
        enough = (trend.t - trend.b) >= 1
        judge = rest & enough
        lost = (rest & is_met(trend.y_b, target, y_T) if target is not None and y_T is not None
                else np.zeros(size, dtype=bool))
        d = constant([float(spec.indicator.direction.sign) for spec in specs], batch.member)
        T = (constant([float(spec.deadline or 0) for spec in specs], batch.member)
             if first.deadline is not None else trend.t)
        if isinstance(method, LinearPath):
            figures = _linear(method, trend, judge, d, T, y_T, status)
        else:
            assert isinstance(method, GrowthRatio | Projection)
            figures = _growth_or_projection(method, trend, judge, met, d, T, y_T,
                                            _limit(first.indicator), status)
        status = figures.pop("status")  # type: ignore[assignment]
        status = np.where(lost, CODE[Status.DETERIORATING], status)
        found.update(figures)
    if isinstance(method, GrowthRatio) and "score" not in found:
        found["score"] = np.where(met, method.met_score, np.nan)
    found["status"] = status
    if not isinstance(trend.has, bool) and not trend.has.all():
        found = {name: np.where(trend.has, values, CODE[Status.NO_DATA] if name == "status"
                                else np.nan) for name, values in found.items()}
    return found


def _linear(method: LinearPath, trend: Trends, judge: BoolArray | bool, d: Values, T: Values,  # noqa: N803
            y_T: Values | None, status: IntArray) -> dict[str, object]:  # noqa: N803
    """`LinearPath.judge` on every group; its verdict kept where `judge` holds.

    Without a numeric target the verdict is INSUFFICIENT_DATA, the status `status` holds.
    """
    if y_T is None or not np.any(judge):
        return {"status": status}
    b, y_b = trend.b, trend.y_b
    share_of_time = (trend.t - b) / (T - b)
    expected = y_b + share_of_time * (y_T - y_b)
    projected = trend.least_squares(T)
    hold = close(y_b, y_T)
    ratio = d * (trend.y_t - y_b) / np.abs(y_T - y_b) / share_of_time
    judged = np.where(hold, CODE[Status.DETERIORATING],
                      classify(ratio, method.on_track, method.needs_acceleration, CODE))
    return {
        "status": np.where(judge, judged, status),
        "ratio": np.where(judge & ~hold, ratio, np.nan),
        "expected": np.where(judge, expected, np.nan),
        "projected": np.where(judge, projected, np.nan),
    }


def _growth_or_projection(
    method: GrowthRatio | Projection, trend: Trends, judge: BoolArray | bool,
    met: BoolArray, d: Values, T: Values, y_T: Values | None,  # noqa: N803
    limit: float | None, status: IntArray,
) -> dict[str, object]:
    """`GrowthRatio.judge` or `Projection.judge` on the groups where `judge` holds."""
    full = trend.full
    judged = Judged.empty(trend.size)
    judged.status[:] = status
    if isinstance(method, GrowthRatio):
        judged.score[met] = method.met_score
    figures = Figures(d=full(d), b=full(trend.b), y_b=full(trend.y_b), t=full(trend.t),
                      y_t=full(trend.y_t), T=full(T), y_T=None if y_T is None else full(y_T),
                      limit=limit)
    where = np.broadcast_to(judge, (trend.size,))
    if where.any():
        judge_methods(method, figures, where, judged, CODE)
    return {"status": judged.status, "ratio": judged.ratio, "score": judged.score,
            "expected": judged.expected, "projected": judged.projected}


def periodic(batch: Batch, available: BoolArray, target: Target, start_year: int,
              value: float | None) -> dict[str, object]:
    """Hold-every-period and count-per-period targets: every period with data must meet it."""
    assert value is not None
    first_year = target.start_year if target.start_year is not None else start_year
    in_range = available & (batch.year >= first_year)
    if target.frequency is not None:
        in_range &= batch.frequency == FREQUENCIES.index(target.frequency)
    fails = in_range & ~is_met(batch.value, target, value)
    latest = last(in_range)
    has = latest >= 0
    status = np.where(
        ~has,
        CODE[Status.INSUFFICIENT_DATA],
        np.where(fails.any(axis=0), CODE[Status.NOT_ACHIEVED], CODE[Status.ACHIEVED]),
    )
    latest_value = take(batch.value, latest)
    return {"status": np.where(available.any(axis=0), status, CODE[Status.NO_DATA]),
            "latest": latest_value, "latest_time": take(batch.time, latest),
            "gap": value - latest_value}
