"""Method 2: the growth-rate ratio of Open SDG 2.4 (Statistics Canada; the Eurostat family)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import attrs

from gender_plan.evaluation.comparison import close
from gender_plan.evaluation.method import Method, Trend, Verdict, classify, rounded
from gender_plan.evaluation.reasons import Reason, ReasonCode
from gender_plan.evaluation.status import Status
from gender_plan.model.text import LocalizedText

if TYPE_CHECKING:
    from gender_plan.evaluation.method import BoolArray, FloatArray

__all__ = ["GrowthRatio", "cagr"]

ZERO_REPLACEMENT = 0.001
"""What a zero baseline or target becomes, as Open SDG 2.4 prescribes."""


def cagr(v1: FloatArray | float, v0: FloatArray | float, t1: FloatArray | float,
         t0: FloatArray | float) -> FloatArray:
    """Compound annual growth rate from `v0` at `t0` to `v1` at `t1`: (v1/v0)^(1/(t1−t0)) − 1."""
    import numpy as np  # noqa: PLC0415 - numpy is imported on first use

    with np.errstate(all="ignore"):
        found: FloatArray = np.power(np.divide(v1, v0), 1 / np.subtract(t1, t0)) - 1
    return found


@attrs.frozen(kw_only=True)
class GrowthRatio(Method):
    """Compares the actual growth rate with the rate the target requires (Open SDG 2.4).

    With a target: ``R = s·d·CAGR(y_t, y_b)/|CAGR(y_T, y_b)|`` and a score from -5 to 5. Without
    one (direction only): the growth rate ``p`` against thresholds scaled by how close the
    baseline is to the natural limit.
    """

    on_track: float = 0.95
    needs_acceleration: float = 0.6
    direction_on_track: float = 0.015
    """For direction-only indicators: p at or above this (times C) is ON_TRACK."""
    direction_needs_acceleration: float = 0.005
    """For direction-only indicators: p at or above this (times C) is NEEDS_ACCELERATION."""
    met_score: float = 5.0
    name: str = attrs.field(default="growth", init=False)
    label: LocalizedText = attrs.field(
        default=LocalizedText(
            vi="Tỷ số tốc độ tăng trưởng (Open SDG 2.4)", en="Growth-rate ratio (Open SDG 2.4)"
        ),
        init=False,
        repr=False,
    )

    def judge_met(self, trend: Trend) -> Verdict:
        """A met target scores 5 whatever the trend."""
        del trend
        return Verdict(status=Status.ACHIEVED, score=self.met_score)

    def judge(self, trend: Trend) -> Verdict:
        """Judge progress by the ratio of actual to required compound growth."""
        import numpy as np  # noqa: PLC0415 - numpy is imported on first use

        zero_baseline = trend.y_b == 0
        y_b = np.where(zero_baseline, ZERO_REPLACEMENT, trend.y_b)
        opposite = y_b * trend.y_t < 0
        s = np.where(y_b < 0, -1.0, 1.0)
        actual = cagr(trend.y_t, y_b, trend.t, trend.b)
        zero = (Reason(code=ReasonCode.ZERO_REPLACED, detail="baseline"), zero_baseline)
        latest = (Reason(code=ReasonCode.SIGN_CHANGE, detail="baseline → latest"), opposite)
        if trend.y_T is None:
            return self._direction_only(trend, s * trend.d * actual, np.abs(y_b), opposite,
                                        (zero, latest))
        zero_target = (trend.y_T == 0) & ~opposite
        y_T = np.where(trend.y_T == 0, ZERO_REPLACEMENT, trend.y_T)
        across = (y_b * y_T < 0) & ~opposite
        unusable = opposite | across
        hold = close(y_T, y_b) & ~unusable
        with np.errstate(all="ignore"):
            ratio = s * trend.d * actual / np.abs(cagr(y_T, y_b, trend.T, trend.b))
        value = rounded(ratio)
        score = np.where(value >= self.needs_acceleration,
                         np.minimum(7.1429 * value - 4.2857, 5.0),
                         np.maximum(4.1667 * value - 2.5, -5.0))
        judged = unusable | hold
        return Verdict(
            status=np.where(unusable, Status.INSUFFICIENT_DATA.code,
                            np.where(hold, Status.DETERIORATING.code,
                                     classify(ratio, self.on_track, self.needs_acceleration))),
            ratio=np.where(judged, np.nan, ratio),
            score=np.where(unusable, np.nan, np.where(hold, -5.0, score)),
            flags=(zero, latest,
                   (Reason(code=ReasonCode.ZERO_REPLACED, detail="target"), zero_target),
                   (Reason(code=ReasonCode.SIGN_CHANGE, detail="baseline → target"), across),
                   (Reason(code=ReasonCode.LEVEL_TO_HOLD), hold)),
        )

    def _direction_only(self, trend: Trend, p: FloatArray, distance: FloatArray,
                        opposite: BoolArray,
                        flags: tuple[tuple[Reason, BoolArray], ...]) -> Verdict:
        """Open SDG's rule for indicators with a desired direction but no numeric target."""
        import numpy as np  # noqa: PLC0415

        c = limit_factor(distance, trend.limit)
        p = rounded(p)
        with np.errstate(all="ignore"):
            conditions = [p < 0, c == 0, p >= self.direction_on_track * c,
                          p >= self.direction_needs_acceleration * c]
            status = np.select(conditions, [Status.DETERIORATING.code, Status.ON_TRACK.code,
                                            Status.ON_TRACK.code,
                                            Status.NEEDS_ACCELERATION.code],
                               Status.LIMITED_PROGRESS.code)
            score = np.select(conditions, [np.maximum(125 * p - 2.5, -5.0), np.full(len(p), 5.0),
                                           np.minimum(500 * p / c - 5, 5.0), 250 * p / c - 1.25],
                              500 * p / c - 2.5)
        return Verdict(
            status=np.where(opposite, Status.INSUFFICIENT_DATA.code, status),
            ratio=np.where(opposite, np.nan, p),
            score=np.where(opposite, np.nan, score),
            flags=flags,
        )


def limit_factor(distance: FloatArray, limit: float | None) -> FloatArray:
    """C: shrinks the thresholds as the baseline nears its natural limit (Open SDG 2.4)."""
    import numpy as np  # noqa: PLC0415

    if limit is None or limit == 0:
        return np.ones_like(distance)
    bound = abs(limit)
    with np.errstate(all="ignore"):
        found: FloatArray = np.where(
            distance >= 2 * bound, 1.0,
            np.where(distance <= bound, 1 - (distance / bound) ** 4.44,
                     1 - ((2 * bound - distance) / bound) ** 4.44))
    return found
