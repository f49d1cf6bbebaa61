"""A small inline SVG chart of one numeric target: measurements, the target line, the path.

Why not a charting library: the chart is three primitives (a polyline of measurements, a
horizontal target line, a straight segment from the baseline to the target), and it must be
tiny, deterministic and free of scripts so that a report stays one printable file. pygal embeds
script hooks and tens of kilobytes of CSS per chart; matplotlib brings numpy and a slow start.
"""

from __future__ import annotations

import html

import attrs

from gender_plan.model.text import Language
from gender_plan.numbers import format_number

__all__ = ["Chart", "render_svg"]

WIDTH = 260
HEIGHT = 120
_LEFT, _RIGHT, _TOP, _BOTTOM = 44, 10, 8, 20


@attrs.frozen(kw_only=True)
class Chart:
    """What one chart shows: times are decimal years, values in the indicator's unit."""

    points: tuple[tuple[float, float], ...]
    """The measurements used, (time, value), in time order."""
    target: float
    """The target value: a horizontal line."""
    deadline: float
    """The target's year: where the path ends."""
    baseline: tuple[float, float] | None = None
    """(time, value) of the baseline, where the linear path starts; None draws no path."""
    title: str = ""
    """A description for screen readers and tooltips (plain text; escaped here)."""


def _extent(values: list[float], pad: float) -> tuple[float, float]:
    low, high = min(values), max(values)
    if high - low < 1e-9:
        margin = abs(high) * 0.1 or 1.0
        return low - margin, high + margin
    span = high - low
    return low - pad * span, high + pad * span


def render_svg(chart: Chart, language: Language = "vi") -> str:
    """The chart as an SVG element (a string of markup, every text escaped)."""
    times = [t for t, _ in chart.points] + [chart.deadline]
    values = [v for _, v in chart.points] + [chart.target]
    if chart.baseline is not None:
        times.append(chart.baseline[0])
        values.append(chart.baseline[1])
    t0, t1 = min(times), max(times)
    if t1 - t0 < 1e-9:
        t0, t1 = t0 - 0.5, t1 + 0.5
    v0, v1 = _extent(values, 0.12)
    plot_w = WIDTH - _LEFT - _RIGHT
    plot_h = HEIGHT - _TOP - _BOTTOM

    def x(time: float) -> float:
        return round(_LEFT + (time - t0) / (t1 - t0) * plot_w, 1)

    def y(value: float) -> float:
        return round(_TOP + (v1 - value) / (v1 - v0) * plot_h, 1)

    title = html.escape(chart.title)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" '
        f'aria-label="{title}" viewBox="0 0 {WIDTH} {HEIGHT}" width="{WIDTH}" '
        f'height="{HEIGHT}">',
        f"<title>{title}</title>",
        f'<rect x="{_LEFT}" y="{_TOP}" width="{plot_w}" height="{plot_h}" class="frame"/>',
    ]
    for value, anchor_y in ((v1, _TOP + 8), (v0, _TOP + plot_h)):
        text = html.escape(format_number(value, language, decimals=1))
        parts.append(f'<text x="{_LEFT - 3}" y="{anchor_y}" class="axis" '
                     f'text-anchor="end">{text}</text>')
    for time, anchor in ((t0, "start"), (t1, "end")):
        parts.append(f'<text x="{x(time)}" y="{HEIGHT - 6}" class="axis" '
                     f'text-anchor="{anchor}">{int(time)}</text>')
    parts.append(f'<line x1="{_LEFT}" x2="{_LEFT + plot_w}" y1="{y(chart.target)}" '
                 f'y2="{y(chart.target)}" class="target"/>')
    if chart.baseline is not None:
        b_time, b_value = chart.baseline
        parts.append(f'<line x1="{x(b_time)}" y1="{y(b_value)}" x2="{x(chart.deadline)}" '
                     f'y2="{y(chart.target)}" class="path"/>')
    if len(chart.points) > 1:
        line = " ".join(f"{x(t)},{y(v)}" for t, v in chart.points)
        parts.append(f'<polyline points="{line}" class="measured"/>')
    parts.extend(
        f'<circle cx="{x(t)}" cy="{y(v)}" r="2.6" class="point"/>' for t, v in chart.points
    )
    parts.append("</svg>")
    return "".join(parts)
