"""Method 2: the growth-rate ratio of Open SDG 2.4 (Statistics Canada; the Eurostat family)."""

from __future__ import annotations

import attrs

from gender_plan.evaluation.comparison import nearly_equal
from gender_plan.evaluation.method import Method, Trend, Verdict, classify, rounded
from gender_plan.evaluation.reasons import Reason, ReasonCode
from gender_plan.evaluation.status import Status
from gender_plan.model.text import LocalizedText

__all__ = ["GrowthRatio", "cagr"]

ZERO_REPLACEMENT = 0.001
"""What a zero baseline or target becomes, as Open SDG 2.4 prescribes."""


def cagr(v1: float, v0: float, t1: float, t0: float) -> float:
    """Compound annual growth rate from `v0` at `t0` to `v1` at `t1`: (v1/v0)^(1/(t1−t0)) − 1."""
    return float((v1 / v0) ** (1 / (t1 - t0)) - 1)


def _opposite(a: float, b: float) -> bool:
    return a * b < 0


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

    def judge_met(self, trend: Trend | None) -> Verdict:
        """A met target scores 5 whatever the trend."""
        del trend
        return Verdict(status=Status.ACHIEVED, score=self.met_score)

    def judge(self, trend: Trend) -> Verdict:
        """Judge progress by the ratio of actual to required compound growth."""
        reasons: list[Reason] = []
        y_b = trend.y_b
        if y_b == 0:
            y_b = ZERO_REPLACEMENT
            reasons.append(Reason(code=ReasonCode.ZERO_REPLACED, detail="baseline"))
        if _opposite(y_b, trend.y_t):
            reasons.append(Reason(code=ReasonCode.SIGN_CHANGE, detail="baseline → latest"))
            return Verdict(status=Status.INSUFFICIENT_DATA, reasons=tuple(reasons))
        s = -1 if y_b < 0 else 1
        actual = cagr(trend.y_t, y_b, trend.t, trend.b)
        if trend.y_T is None:
            return self._direction_only(trend, s * trend.d * actual, abs(y_b), reasons)
        y_T = trend.y_T
        if y_T == 0:
            y_T = ZERO_REPLACEMENT
            reasons.append(Reason(code=ReasonCode.ZERO_REPLACED, detail="target"))
        if _opposite(y_b, y_T):
            reasons.append(Reason(code=ReasonCode.SIGN_CHANGE, detail="baseline → target"))
            return Verdict(status=Status.INSUFFICIENT_DATA, reasons=tuple(reasons))
        required = cagr(y_T, y_b, trend.T, trend.b)
        if nearly_equal(y_T, y_b):
            reasons.append(Reason(code=ReasonCode.LEVEL_TO_HOLD))
            return Verdict(status=Status.DETERIORATING, score=-5.0, reasons=tuple(reasons))
        ratio = s * trend.d * actual / abs(required)
        value = rounded(ratio)
        if value >= self.needs_acceleration:
            score = min(7.1429 * value - 4.2857, 5.0)
        else:
            score = max(4.1667 * value - 2.5, -5.0)
        return Verdict(
            status=classify(ratio, self.on_track, self.needs_acceleration),
            ratio=ratio,
            score=score,
            reasons=tuple(reasons),
        )

    def _direction_only(
        self, trend: Trend, p: float, distance: float, reasons: list[Reason]
    ) -> Verdict:
        """Open SDG's rule for indicators with a desired direction but no numeric target."""
        c = _limit_factor(distance, trend.limit)
        p = rounded(p)
        if p < 0:
            status, score = Status.DETERIORATING, max(125 * p - 2.5, -5.0)
        elif c == 0:
            status, score = Status.ON_TRACK, 5.0
        elif p >= self.direction_on_track * c:
            status, score = Status.ON_TRACK, min(500 * p / c - 5, 5.0)
        elif p >= self.direction_needs_acceleration * c:
            status, score = Status.NEEDS_ACCELERATION, 250 * p / c - 1.25
        else:
            status, score = Status.LIMITED_PROGRESS, 500 * p / c - 2.5
        return Verdict(status=status, ratio=p, score=score, reasons=tuple(reasons))


def _limit_factor(distance: float, limit: float | None) -> float:
    """C: shrinks the thresholds as the baseline nears its natural limit (Open SDG 2.4)."""
    if limit is None or limit == 0:
        return 1.0
    bound = abs(limit)
    if distance >= 2 * bound:
        return 1.0
    if distance <= bound:
        return float(1 - (distance / bound) ** 4.44)
    return float(1 - ((2 * bound - distance) / bound) ** 4.44)
