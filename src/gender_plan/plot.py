"""Plots for notebooks: one indicator's measurements against its target (``plot`` extra).

matplotlib is imported on first use, so that ``import gender_plan`` never needs it; without it
`plot_indicator` raises `gender_plan.MissingDependencyError` naming the extra to install.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from gender_plan._i18n import msg
from gender_plan.errors import AssessmentError
from gender_plan.io._extras import require

if TYPE_CHECKING:
    from matplotlib.axes import Axes

    from gender_plan.evaluation.assessment import Assessment
    from gender_plan.model.measurement import Measurement
    from gender_plan.model.text import Language

__all__ = ["plot_indicator"]


def plot_indicator(
    assessment: Assessment,
    measurements: Iterable[Measurement] = (),
    *,
    ax: Axes | None = None,
    place: str | None = None,
    language: Language = "en",
) -> Axes:
    """Draw `assessment`'s indicator: its measured values, the target line and the linear path.

    `measurements` are drawn where they are the indicator's totals in the assessment's series
    (at its place, if the measurements carry one); without them, the baseline and the latest
    value are. A band target is shaded between its edges; a yes/no fact is drawn as a timeline
    of 1 (yes) and 0 (no). Every year is labelled on the time axis and the target value on the
    value axis. Returns the axes drawn on (a new figure's when `ax` is None).

    Raises:
        AssessmentError: measurements of several places without `place`.
    """
    pyplot: Any = require("matplotlib.pyplot", package="matplotlib", extra="plot",
                          feature="plots")
    if ax is None:
        _, ax = pyplot.subplots(figsize=(6, 3.5))
    assert ax is not None
    points = _points(assessment, measurements, place)
    times = [t for t, _ in points]
    values = [v for _, v in points]
    status = assessment.status.text(language)
    if times:
        ax.plot(times, values, "o-", color="#5b3fb0",
                label="đo được" if language == "vi" else "measured")
    target, deadline = assessment.target_value, assessment.deadline
    target_label = "chỉ tiêu" if language == "vi" else "target"
    ticks: list[float] = []
    if target is not None and deadline is not None:
        y_target = float(target)
        upper = None if assessment.target is None else assessment.target.upper
        if upper is not None:
            ax.axhspan(y_target, float(upper), color="#b3261e", alpha=0.12, label=target_label)
            ticks = [y_target, float(upper)]
        else:
            ax.axhline(y_target, color="#b3261e", linestyle="--", label=target_label)
            ticks = [y_target]
        baseline = assessment.baseline
        if (upper is None and baseline is not None and not isinstance(baseline.value, bool)
                and not isinstance(target, bool)):
            ax.plot([baseline.period.time, float(deadline)], [float(baseline.value), y_target],
                    ":", color="#7a7a7a",
                    label="lộ trình tuyến tính" if language == "vi" else "linear path")
        times = [*times, float(deadline)]
    if times:
        first, last = math.floor(min(times)), math.ceil(max(times))
        ax.set_xticks(range(first, last + 1))
        ax.set_xlim(first - 0.3, last + 0.3)
    if ticks:
        ax.set_yticks(sorted({*ax.get_yticks(), *ticks}))
        ax.set_ylim(*_limits(values + ticks))
    if assessment.unit == "yes_no":
        ax.set_yticks([0, 1])
        ax.set_yticklabels(["Không", "Có"] if language == "vi" else ["no", "yes"])
        ax.set_ylim(-0.2, 1.2)
    else:
        ax.set_ylabel(assessment.unit)
    ax.set_title(f"{assessment.indicator}: {status}")
    ax.legend(fontsize=8)
    return ax


def _limits(values: list[float]) -> tuple[float, float]:
    low, high = min(values), max(values)
    pad = (high - low) * 0.1 or abs(high) * 0.05 or 1.0
    return low - pad, high + pad


def _points(assessment: Assessment, measurements: Iterable[Measurement],
            place: str | None) -> list[tuple[float, float]]:
    """(time, value) of the values to draw, in time order; yes/no as 1 and 0."""
    from gender_plan import units  # noqa: PLC0415

    rows = [row for row in measurements if row.indicator == assessment.indicator
            and row.sex is None and row.series == assessment.series
            and (place is None or row.place == place)]
    places = {row.place for row in rows}
    if len(places) > 1:
        raise AssessmentError(msg(
            "measurements of indicator {code!r} come from several places ({places}): pass "
            "place=… to plot one", code=assessment.indicator,
            places=", ".join(sorted(str(p) for p in places))))
    drawn: dict[float, float] = {}
    for row in rows:
        value = row.value
        if isinstance(value, bool):
            drawn[row.period.time] = 1.0 if value else 0.0
        else:
            drawn[row.period.time] = units.convert(value, row.unit or assessment.unit,
                                                   assessment.unit)
    if not drawn:
        for seen in (assessment.baseline, assessment.latest):
            if seen is not None:
                drawn[seen.period.time] = float(seen.value)
    return sorted(drawn.items())
