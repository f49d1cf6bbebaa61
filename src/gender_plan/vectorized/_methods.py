"""The engine's `is_met`, its classification and the growth and projection formulas, on arrays."""

from __future__ import annotations

import attrs
import numpy as np

from gender_plan.evaluation.comparison import _REL_TOL
from gender_plan.evaluation.growth import ZERO_REPLACEMENT, GrowthRatio, _limit_factor
from gender_plan.evaluation.projection import Projection
from gender_plan.evaluation.status import Status
from gender_plan.model.target import Comparator, Target
from gender_plan.vectorized._layout import BoolArray, FloatArray, IntArray
from gender_plan.vectorized._pyfloat import at_least, py_pow, py_round

_ABS_TOL = 1e-12
"""`math.isclose`'s absolute tolerance in `gender_plan.evaluation.comparison`."""


@attrs.frozen(kw_only=True, eq=False)
class Figures:
    """The figures growth and projection need, one entry per group (NaN where none)."""

    d: FloatArray
    """Each group's direction sign (+1 to rise, -1 to fall)."""
    b: FloatArray
    y_b: FloatArray
    t: FloatArray
    y_t: FloatArray
    T: FloatArray
    y_T: FloatArray | None
    """Each group's target value; None for yes/no indicators and without a target."""
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


def close(a: FloatArray | float, b: FloatArray | float) -> BoolArray:
    """`math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-12)`, element by element."""
    # `d <= |r·a| or d <= |r·b| or d <= t` is `d <= max(r·max(|a|, |b|), t)` (r > 0 scales
    # exactly in order), computed in place to spare the allocations.
    bound = np.asarray(np.maximum(np.abs(a), np.abs(b)))
    bound *= _REL_TOL
    np.maximum(bound, _ABS_TOL, out=bound)
    distance = np.asarray(np.subtract(b, a))
    np.abs(distance, out=distance)
    close: BoolArray = distance <= bound
    close |= np.equal(a, b)
    return close


def is_met(values: FloatArray | float, target: Target, value: FloatArray | float) -> BoolArray:
    """`gender_plan.evaluation.is_met` for every value against a numeric target's comparator.

    `value` is the target value, one for all or one per value.
    """
    comparator = target.comparator
    if comparator is Comparator.ABOUT:
        tolerance = target.tolerance or 0.0
        distance = np.abs(values - value)
        return (distance <= tolerance) | close(distance, tolerance)
    equal = close(values, value)
    if comparator is Comparator.EQ:
        return equal
    if comparator is Comparator.GE:
        return equal | (values > value)
    if comparator is Comparator.GT:
        return ~equal & (values > value)
    if comparator is Comparator.LE:
        return equal | (values < value)
    return ~equal & (values < value)


def judge(
    method: GrowthRatio | Projection, trends: Figures, where: BoolArray, judged: Judged,
    codes: dict[Status, int],
) -> None:
    """Apply `method.judge` to the groups in `where`, writing into `judged`."""
    index = np.flatnonzero(where)
    if isinstance(method, GrowthRatio):
        _growth(method, trends, index, judged, codes)
    else:
        _projection(method, trends, index, judged, codes)


def classify(
    ratio: FloatArray, on_track: float, needs_acceleration: float, codes: dict[Status, int]
) -> IntArray:
    """`gender_plan.evaluation.method.classify` for every ratio."""
    steps = (codes[Status.ON_TRACK], codes[Status.NEEDS_ACCELERATION],
             codes[Status.LIMITED_PROGRESS], codes[Status.DETERIORATING])
    if on_track >= needs_acceleration >= 0.0 and steps == (1, 2, 3, 4):
        # Nested thresholds: each one the ratio reaches moves it one status up.
        reached = at_least(ratio, 0.0).view(np.int8)
        reached += at_least(ratio, needs_acceleration).view(np.int8)
        reached += at_least(ratio, on_track).view(np.int8)
        return (4 - reached).astype(np.int64)
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


def _cagr(v1: FloatArray, v0: FloatArray, t1: FloatArray, t0: FloatArray) -> FloatArray:
    return py_pow(v1 / v0, 1 / (t1 - t0)) - 1


def _growth(
    method: GrowthRatio, trends: Figures, index: IntArray, judged: Judged,
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
    hold = close(y_b, y_T)
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
    method: GrowthRatio, trends: Figures, index: IntArray, p: FloatArray, distance: FloatArray,
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
    method: Projection, trends: Figures, index: IntArray, judged: Judged,
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
    hold = close(y_b, y_T)
    with np.errstate(all="ignore"):
        ratio = trends.d[index] * (projected - y_b) / gap
    judged.status[index] = np.where(
        hold,
        codes[Status.DETERIORATING],
        classify(ratio, method.on_track, method.needs_acceleration, codes),
    )
    judged.ratio[index] = np.where(hold, np.nan, ratio)
