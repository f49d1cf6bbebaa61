"""A small inline SVG chart of one numeric target: measurements, the target line, the path.

Why not a charting library: the chart is three primitives (a polyline of measurements, a
horizontal target line, a straight segment from the baseline to the target), and it must be
tiny, deterministic and free of scripts so that a report stays one printable file. pygal embeds
script hooks and tens of kilobytes of CSS per chart; matplotlib brings numpy and a slow start.
"""

from __future__ import annotations

import html
import math

import attrs

from gender_plan.model.text import Language
from gender_plan.numbers import format_number

__all__ = ["Chart", "Timeline", "render_svg", "render_timeline"]

WIDTH = 340
HEIGHT = 170
_LEFT, _RIGHT, _TOP, _BOTTOM = 48, 12, 10, 24


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
        # The extremes are left out where the target's own label would overlap them.
        if abs(y(value) - y(chart.target)) < 10:
            continue
        text = html.escape(format_number(value, language, decimals=1))
        parts.append(f'<text x="{_LEFT - 3}" y="{anchor_y}" class="axis" '
                     f'text-anchor="end">{text}</text>')
    target_text = html.escape(format_number(chart.target, language, decimals=2))
    parts.append(f'<text x="{_LEFT - 3}" y="{y(chart.target) + 3}" class="axis target-value" '
                 f'text-anchor="end">{target_text}</text>')
    # Every year on the time axis, with a tick: readers look up a year, not an interpolation.
    years = range(math.ceil(t0 - 1e-9), math.floor(t1 + 1e-9) + 1)
    ticks = " ".join(f"M{x(year)},{_TOP + plot_h} v3" for year in years)
    parts.append(f'<path d="{ticks}" class="ticks"/>')
    parts.extend(
        f'<text x="{x(year)}" y="{HEIGHT - 8}" class="axis" text-anchor="middle">{year}</text>'
        for year in years
    )
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


@attrs.frozen(kw_only=True)
class Timeline:
    """A yes/no fact over the years: one mark a measurement, filled where it holds."""

    points: tuple[tuple[float, bool], ...]
    """(time, value) of each measurement, in time order."""
    deadline: float
    """The year by which the fact must hold."""
    title: str = ""


_TIMELINE_HEIGHT = 64


def render_timeline(timeline: Timeline, language: Language = "vi") -> str:
    """A yes/no fact as a timeline: years along a line, a filled mark where the fact held."""
    yes, no = ("Có", "Không") if language == "vi" else ("Yes", "No")
    times = [t for t, _ in timeline.points] + [timeline.deadline]
    t0, t1 = int(min(times)), int(max(times))
    if t1 == t0:
        t1 = t0 + 1
    plot_w = WIDTH - _LEFT - _RIGHT
    middle = 26

    def x(time: float) -> float:
        return round(_LEFT + (time - t0) / (t1 - t0) * plot_w, 1)

    title = html.escape(timeline.title)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart timeline" role="img" '
        f'aria-label="{title}" viewBox="0 0 {WIDTH} {_TIMELINE_HEIGHT}" width="{WIDTH}" '
        f'height="{_TIMELINE_HEIGHT}">',
        f"<title>{title}</title>",
        f'<line x1="{_LEFT}" x2="{_LEFT + plot_w}" y1="{middle}" y2="{middle}" class="axis-line"/>',
        f'<line x1="{x(timeline.deadline)}" x2="{x(timeline.deadline)}" y1="{middle - 12}" '
        f'y2="{middle + 12}" class="target"/>',
    ]
    parts.extend(
        f'<text x="{x(year)}" y="{_TIMELINE_HEIGHT - 8}" class="axis" '
        f'text-anchor="middle">{year}</text>'
        for year in range(t0, t1 + 1)
    )
    for time, value in timeline.points:
        kind = "point" if value else "point-no"
        parts.append(f'<circle cx="{x(time)}" cy="{middle}" r="5" class="{kind}"/>')
        parts.append(f'<text x="{x(time)}" y="{middle - 9}" class="axis" '
                     f'text-anchor="middle">{yes if value else no}</text>')
    parts.append("</svg>")
    return "".join(parts)
