"""Method 1, the default: progress along the straight line from baseline to target."""

from __future__ import annotations

import attrs

from gender_plan.evaluation.comparison import nearly_equal
from gender_plan.evaluation.method import Method, Trend, Verdict, classify
from gender_plan.evaluation.reasons import Reason, ReasonCode
from gender_plan.evaluation.status import Status
from gender_plan.model.text import LocalizedText

__all__ = ["LinearPath"]


def least_squares_at(points: tuple[tuple[float, float], ...], time: float) -> float | None:
    """The value at `time` of the least-squares line through `points` (None if < 2 times)."""
    count = len(points)
    if len({t for t, _ in points}) < 2:
        return None
    mean_t = sum(t for t, _ in points) / count
    mean_y = sum(y for _, y in points) / count
    slope = sum((t - mean_t) * (y - mean_y) for t, y in points) / sum(
        (t - mean_t) ** 2 for t, _ in points
    )
    return mean_y + slope * (time - mean_t)


@attrs.frozen(kw_only=True)
class LinearPath(Method):
    """How far along the line from baseline to target the indicator is, against time elapsed.

    ``P = d·(y_t − y_b)/|y_T − y_b|``, ``S = (t − b)/(T − b)``, ``R = P/S``. Works with zeros and
    sign changes, and reads naturally to a commune officer.
    """

    on_track: float = 0.95
    """R at or above this is ON_TRACK."""
    needs_acceleration: float = 0.6
    """R at or above this (and below `on_track`) is NEEDS_ACCELERATION."""
    name: str = attrs.field(default="linear", init=False)
    label: LocalizedText = attrs.field(
        default=LocalizedText(vi="Lộ trình tuyến tính", en="Linear path"),
        init=False,
        repr=False,
    )

    def judge(self, trend: Trend) -> Verdict:
        """Judge progress as the share of the gap closed over the share of time elapsed."""
        if trend.y_T is None:
            reason = Reason(code=ReasonCode.NO_NUMERIC_TARGET)
            return Verdict(status=Status.INSUFFICIENT_DATA, reasons=(reason,))
        share_of_time = (trend.t - trend.b) / (trend.T - trend.b)
        expected = trend.y_b + share_of_time * (trend.y_T - trend.y_b)
        projected = least_squares_at(trend.history, trend.T)
        gap = abs(trend.y_T - trend.y_b)
        if nearly_equal(trend.y_T, trend.y_b):
            return Verdict(
                status=Status.DETERIORATING,
                expected=expected,
                projected=projected,
                reasons=(Reason(code=ReasonCode.LEVEL_TO_HOLD),),
            )
        progress = trend.d * (trend.y_t - trend.y_b) / gap
        ratio = progress / share_of_time
        return Verdict(
            status=classify(ratio, self.on_track, self.needs_acceleration),
            ratio=ratio,
            expected=expected,
            projected=projected,
        )
