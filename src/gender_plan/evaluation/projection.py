"""Method 3: projection to the deadline at the current pace (UN Statistics Division, 2023)."""

from __future__ import annotations

import attrs

from gender_plan.evaluation.comparison import close
from gender_plan.evaluation.growth import cagr
from gender_plan.evaluation.method import Method, Trend, Verdict, classify
from gender_plan.evaluation.reasons import Reason, ReasonCode
from gender_plan.evaluation.status import Status
from gender_plan.model.text import LocalizedText

__all__ = ["Projection"]


@attrs.frozen(kw_only=True)
class Projection(Method):
    """Projects the latest value to the deadline at the compound growth rate seen so far.

    ``v_e = y_t·(1 + CAGR(y_t, y_b))^(T − t)`` and ``R = d·(v_e − y_b)/|y_T − y_b|``, as in the
    UN Statistics Division's 2023 SDG progress chart.
    """

    on_track: float = 0.95
    needs_acceleration: float = 0.10
    name: str = attrs.field(default="projection", init=False)
    label: LocalizedText = attrs.field(
        default=LocalizedText(
            vi="Dự báo đến thời hạn (UNSD 2023)", en="Projection to the deadline (UNSD 2023)"
        ),
        init=False,
        repr=False,
    )

    def judge(self, trend: Trend) -> Verdict:
        """Judge progress by how much of the gap the projected value would close."""
        import numpy as np  # noqa: PLC0415 - numpy is imported on first use

        if trend.y_T is None:
            reason = Reason(code=ReasonCode.NO_NUMERIC_TARGET)
            return Verdict(status=Status.INSUFFICIENT_DATA, reasons=(reason,))
        y_b, y_t, y_T = trend.y_b, trend.y_t, trend.y_T
        zero_baseline = y_b == 0
        zero_latest = (y_t == 0) & ~zero_baseline
        opposite = (y_b * y_t < 0) & ~zero_baseline & ~zero_latest
        unusable = zero_baseline | zero_latest | opposite
        with np.errstate(all="ignore"):
            projected = y_t * (1 + cagr(y_t, y_b, trend.t, trend.b)) ** (trend.T - trend.t)
            ratio = trend.d * (projected - y_b) / np.abs(y_T - y_b)
        hold = close(y_T, y_b) & ~unusable
        status = np.where(
            unusable, Status.INSUFFICIENT_DATA.code,
            np.where(hold, Status.DETERIORATING.code,
                     classify(ratio, self.on_track, self.needs_acceleration)))
        return Verdict(
            status=status,
            ratio=np.where(unusable | hold, np.nan, ratio),
            projected=np.where(unusable, np.nan, projected),
            flags=(
                (Reason(code=ReasonCode.ZERO_VALUE, detail="baseline"), zero_baseline),
                (Reason(code=ReasonCode.ZERO_VALUE, detail="latest"), zero_latest),
                (Reason(code=ReasonCode.SIGN_CHANGE, detail="baseline → latest"), opposite),
                (Reason(code=ReasonCode.LEVEL_TO_HOLD), hold),
            ),
        )
