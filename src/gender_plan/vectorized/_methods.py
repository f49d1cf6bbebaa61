"""The engine's baseline rule, `is_met` and the three methods' formulas, on arrays of places."""

from __future__ import annotations

import attrs
import numpy as np

from gender_plan.evaluation.comparison import _REL_TOL
from gender_plan.evaluation.growth import ZERO_REPLACEMENT, GrowthRatio, _limit_factor
from gender_plan.evaluation.linear import LinearPath
from gender_plan.evaluation.method import Method
from gender_plan.evaluation.projection import Projection
from gender_plan.evaluation.status import Status
from gender_plan.model.target import Comparator, Target
from gender_plan.vectorized._arrays import BoolArray, FloatArray, Groups, IntArray
from gender_plan.vectorized._pyfloat import at_least, py_pow, py_round, row_sums

_ABS_TOL = 1e-12
"""`math.isclose`'s absolute tolerance in `gender_plan.evaluation.comparison`."""


@attrs.frozen(kw_only=True, eq=False)
class Trends:
    """The engine's `Trend` of every place at once (NaN where a place has none)."""

    d: IntArray
    """Each place's direction sign (+1 to rise, -1 to fall)."""
    b: FloatArray
    y_b: FloatArray
    t: FloatArray
    y_t: FloatArray
    T: FloatArray
    y_T: FloatArray | None
    """Each place's target value; None for yes/no indicators and without a target."""
    has_trend: BoolArray
    """Whether the place has a baseline (so a trend)."""
    history_time: FloatArray
    history_value: FloatArray
    history_mask: BoolArray
    limit: float | None


@attrs.frozen(kw_only=True, eq=False)
class Judged:
    """What the methods conclude for every place."""

    status: IntArray
    ratio: FloatArray
    score: FloatArray
    expected: FloatArray
    projected: FloatArray

    @classmethod
    def empty(cls, size: int) -> Judged:
        """NaN figures and status 0 for `size` places."""
        return cls(
            status=np.zeros(size, dtype=np.int64),
            ratio=np.full(size, np.nan),
            score=np.full(size, np.nan),
            expected=np.full(size, np.nan),
            projected=np.full(size, np.nan),
        )


def _close(a: FloatArray, b: FloatArray | float) -> BoolArray:
    """`math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-12)`, element by element."""
    diff = np.abs(b - a)
    close: BoolArray = (
        (a == b)
        | (diff <= np.abs(_REL_TOL * b))
        | (diff <= np.abs(_REL_TOL * a))
        | (diff <= _ABS_TOL)
    )
    return close


def is_met(values: FloatArray, target: Target, value: FloatArray | float) -> BoolArray:
    """`gender_plan.evaluation.is_met` for every value against a numeric target's comparator.

    `value` is the target value, one for all or one per value.
    """
    comparator = target.comparator
    if comparator is Comparator.ABOUT:
        tolerance = target.tolerance or 0.0
        distance = np.abs(values - value)
        return (distance <= tolerance) | _close(distance, tolerance)
    equal = _close(values, value)
    if comparator is Comparator.EQ:
        return equal
    if comparator is Comparator.GE:
        return equal | (values > value)
    if comparator is Comparator.GT:
        return ~equal & (values > value)
    if comparator is Comparator.LE:
        return equal | (values < value)
    return ~equal & (values < value)


def _first(mask: BoolArray) -> IntArray:
    positions = np.where(mask, np.arange(mask.shape[1]), mask.shape[1])
    first = positions.min(axis=1)
    return np.where(first == mask.shape[1], -1, first)


def _last(mask: BoolArray) -> IntArray:
    last: IntArray = np.where(mask, np.arange(mask.shape[1]), -1).max(axis=1)
    return last


def trends(
    groups: Groups,
    available: BoolArray,
    latest: IntArray,
    base_year: int,
    d: IntArray,
    T: FloatArray | None,  # noqa: N803 - the evaluation docs' symbol
    y_T: FloatArray | None,  # noqa: N803 - the evaluation docs' symbol
    stated: tuple[FloatArray, FloatArray] | None,
    limit: float | None,
) -> Trends:
    """Latest value, baseline (stated, else in the base year, else the first after) and history.

    `d`, `T` (the deadline; None without a target), `y_T` and `stated` (the stated baseline's
    year and value) hold one entry per group.
    """
    at = np.arange(len(latest))
    pick = np.where(latest >= 0, latest, 0)
    t = groups.time[at, pick]
    y_t = groups.value[at, pick]
    if stated is not None:
        b, y_b = stated
        has_trend = latest >= 0
        history = available & (groups.time >= b[:, None])
        history_time = np.concatenate((b[:, None], groups.time), axis=1)
        history_value = np.concatenate((y_b[:, None], groups.value), axis=1)
        history_mask = np.concatenate((has_trend[:, None], history), axis=1)
    else:
        candidates = available & (groups.year >= base_year)
        in_base = _last(candidates & (groups.year == base_year))
        chosen = np.where(in_base >= 0, in_base, _first(candidates))
        has_trend = chosen >= 0
        where = np.where(has_trend, chosen, 0)
        b = np.where(has_trend, groups.time[at, where], np.nan)
        y_b = np.where(has_trend, groups.value[at, where], np.nan)
        history_time, history_value = groups.time, groups.value
        history_mask = available & (groups.time >= b[:, None])
    return Trends(
        d=d, b=b, y_b=y_b, t=t, y_t=y_t, T=T if T is not None else t, y_T=y_T,
        has_trend=has_trend, history_time=history_time, history_value=history_value,
        history_mask=history_mask, limit=limit,
    )


def judge(
    method: Method, trends: Trends, where: BoolArray, judged: Judged, codes: dict[Status, int]
) -> None:
    """Apply `method.judge` to the places in `where`, writing into `judged`."""
    index = np.flatnonzero(where)
    if isinstance(method, LinearPath):
        _linear(method, trends, index, judged, codes)
    elif isinstance(method, GrowthRatio):
        _growth(method, trends, index, judged, codes)
    else:
        assert isinstance(method, Projection)
        _projection(method, trends, index, judged, codes)


def classify(
    ratio: FloatArray, on_track: float, needs_acceleration: float, codes: dict[Status, int]
) -> IntArray:
    """`gender_plan.evaluation.method.classify` for every ratio."""
    return np.where(
        at_least(ratio, on_track),
        codes[Status.ON_TRACK],
        np.where(
            at_least(ratio, needs_acceleration),
            codes[Status.NEEDS_ACCELERATION],
            np.where(at_least(ratio, 0.0), codes[Status.LIMITED_PROGRESS],
                     codes[Status.DETERIORATING]),
        ),
    )


def _least_squares(trends: Trends, index: IntArray) -> FloatArray:
    """`least_squares_at(history, T)` with Python's sums and powers."""
    mask = trends.history_mask[index]
    times = trends.history_time[index]
    values = trends.history_value[index]
    count = mask.sum(axis=1)
    low = np.where(mask, times, np.inf).min(axis=1)
    high = np.where(mask, times, -np.inf).max(axis=1)
    distinct = high > low
    safe = np.maximum(count, 1)
    mean_t = row_sums(times, mask) / safe
    mean_y = row_sums(values, mask) / safe
    dt = np.where(mask, times - mean_t[:, None], 0.0)
    dy = np.where(mask, values - mean_y[:, None], 0.0)
    squares = np.zeros_like(dt)
    # Few distinct deviations (whole years around a mean): Python's pow on each once.
    distinct_dt, where = np.unique(dt[mask], return_inverse=True)
    squares[mask] = py_pow(distinct_dt, 2)[where.ravel()]
    with np.errstate(divide="ignore", invalid="ignore"):
        slope = row_sums(dt * dy, mask) / row_sums(squares, mask)
        return np.where(distinct, mean_y + slope * (trends.T[index] - mean_t), np.nan)


def _linear(
    method: LinearPath, trends: Trends, index: IntArray, judged: Judged, codes: dict[Status, int]
) -> None:
    if trends.y_T is None:
        judged.status[index] = codes[Status.INSUFFICIENT_DATA]
        return
    b, t, T, y_b, y_t, y_T = (
        x[index] for x in (trends.b, trends.t, trends.T, trends.y_b, trends.y_t, trends.y_T))
    d = trends.d[index]
    share_of_time = (t - b) / (T - b)
    judged.expected[index] = y_b + share_of_time * (y_T - y_b)
    judged.projected[index] = _least_squares(trends, index)
    gap = np.abs(y_T - y_b)
    hold = _close(y_b, y_T)
    with np.errstate(all="ignore"):
        ratio = d * (y_t - y_b) / gap / share_of_time
    status = classify(ratio, method.on_track, method.needs_acceleration, codes)
    judged.status[index] = np.where(hold, codes[Status.DETERIORATING], status)
    judged.ratio[index] = np.where(hold, np.nan, ratio)


def _cagr(v1: FloatArray, v0: FloatArray, t1: FloatArray, t0: FloatArray) -> FloatArray:
    return py_pow(v1 / v0, 1 / (t1 - t0)) - 1


def _growth(
    method: GrowthRatio, trends: Trends, index: IntArray, judged: Judged,
    codes: dict[Status, int],
) -> None:
    y_b = trends.y_b[index]
    y_b = np.where(y_b == 0, ZERO_REPLACEMENT, y_b)
    y_t = trends.y_t[index]
    opposite = y_b * y_t < 0
    judged.status[index[opposite]] = codes[Status.INSUFFICIENT_DATA]
    keep = ~opposite
    index, y_b, y_t = index[keep], y_b[keep], y_t[keep]
    s = np.where(y_b < 0, -1, 1)
    actual = _cagr(y_t, y_b, trends.t[index], trends.b[index])
    if trends.y_T is None:
        _direction_only(method, trends, index, s * trends.d[index] * actual, np.abs(y_b),
                        judged, codes)
        return
    y_T = trends.y_T[index]
    y_T = np.where(y_T != 0, y_T, ZERO_REPLACEMENT)
    opposite = y_b * y_T < 0
    judged.status[index[opposite]] = codes[Status.INSUFFICIENT_DATA]
    keep = ~opposite
    index, y_b, y_T, s, actual = index[keep], y_b[keep], y_T[keep], s[keep], actual[keep]
    required = _cagr(y_T, y_b, trends.T[index], trends.b[index])
    hold = _close(y_b, y_T)
    judged.status[index[hold]] = codes[Status.DETERIORATING]
    judged.score[index[hold]] = -5.0
    index, s, actual, required = index[~hold], s[~hold], actual[~hold], required[~hold]
    with np.errstate(all="ignore"):
        ratio = s * trends.d[index] * actual / np.abs(required)
    value = py_round(ratio)
    judged.score[index] = np.where(
        value >= method.needs_acceleration,
        np.minimum(7.1429 * value - 4.2857, 5.0),
        np.maximum(4.1667 * value - 2.5, -5.0),
    )
    judged.ratio[index] = ratio
    judged.status[index] = classify(ratio, method.on_track, method.needs_acceleration, codes)


def _direction_only(
    method: GrowthRatio, trends: Trends, index: IntArray, p: FloatArray, distance: FloatArray,
    judged: Judged, codes: dict[Status, int],
) -> None:
    """Open SDG's rule for indicators with a direction but no numeric target."""
    c = np.array([_limit_factor(x, trends.limit) for x in distance.tolist()], dtype=np.float64)
    p = py_round(p)
    with np.errstate(divide="ignore", invalid="ignore"):
        on = p >= method.direction_on_track * c
        needs = p >= method.direction_needs_acceleration * c
        conditions = [p < 0, c == 0, on, needs]
        judged.status[index] = np.select(
            conditions,
            [codes[Status.DETERIORATING], codes[Status.ON_TRACK], codes[Status.ON_TRACK],
             codes[Status.NEEDS_ACCELERATION]],
            codes[Status.LIMITED_PROGRESS],
        )
        judged.score[index] = np.select(
            conditions,
            [np.maximum(125 * p - 2.5, -5.0), np.full(len(p), 5.0),
             np.minimum(500 * p / c - 5, 5.0), 250 * p / c - 1.25],
            500 * p / c - 2.5,
        )
    judged.ratio[index] = p


def _projection(
    method: Projection, trends: Trends, index: IntArray, judged: Judged,
    codes: dict[Status, int],
) -> None:
    if trends.y_T is None:
        judged.status[index] = codes[Status.INSUFFICIENT_DATA]
        return
    y_b, y_t = trends.y_b[index], trends.y_t[index]
    unusable = (y_b == 0) | (y_t == 0) | (y_b * y_t < 0)
    judged.status[index[unusable]] = codes[Status.INSUFFICIENT_DATA]
    index, y_b, y_t = index[~unusable], y_b[~unusable], y_t[~unusable]
    t, b, T = trends.t[index], trends.b[index], trends.T[index]
    projected = y_t * py_pow(1 + _cagr(y_t, y_b, t, b), T - t)
    judged.projected[index] = projected
    y_T = trends.y_T[index]
    gap = np.abs(y_T - y_b)
    hold = _close(y_b, y_T)
    with np.errstate(all="ignore"):
        ratio = trends.d[index] * (projected - y_b) / gap
    judged.status[index] = np.where(
        hold,
        codes[Status.DETERIORATING],
        classify(ratio, method.on_track, method.needs_acceleration, codes),
    )
    judged.ratio[index] = np.where(hold, np.nan, ratio)
