"""Method 1, the default: progress along the straight line from baseline to target."""

from __future__ import annotations

import attrs

from gender_plan.evaluation.comparison import close
from gender_plan.evaluation.method import Method, Trend, Verdict, classify
from gender_plan.evaluation.reasons import Reason, ReasonCode
from gender_plan.evaluation.status import Status
from gender_plan.model.text import LocalizedText

__all__ = ["LinearPath"]


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
        import numpy as np  # noqa: PLC0415 - numpy is imported on first use

        if trend.y_T is None:
            reason = Reason(code=ReasonCode.NO_NUMERIC_TARGET)
            return Verdict(status=Status.INSUFFICIENT_DATA, reasons=(reason,))
        y_b, y_T = trend.y_b, trend.y_T
        # times one for every place (broadcast) computed once
        t, b, T = (x[:1] if x.strides == (0,) else x for x in (trend.t, trend.b, trend.T))
        with np.errstate(all="ignore"):
            share_of_time = (t - b) / (T - b)
            gap = y_T - y_b
            expected = y_b + share_of_time * gap
            hold = close(y_T, y_b)
            ratio = trend.d * (trend.y_t - y_b) / np.abs(gap) / share_of_time
        status = classify(ratio, self.on_track, self.needs_acceleration)
        status[hold] = Status.DETERIORATING.code  # levels to hold are few: set in place
        ratio[hold] = np.nan
        return Verdict(
            status=status,
            ratio=ratio,
            expected=expected,
            projected=trend.history.fit(trend.T),
            flags=((Reason(code=ReasonCode.LEVEL_TO_HOLD), hold),),
        )
