"""The requirement a plan's milestones put in force in a given year, and how two compare.

A requirement is kept as the weakest value the targets still accept (an "about" target counts
its tolerance against it), in one unit and one direction, with whether equality fails (> and <).
Between two milestones the requirement is the value on the straight line between them: the
linear path's own line, ``y_b + S·(y_T - y_b)`` with ``S = (t - b) / (T - b)``
(`/work/shared/design/evaluation.md`, method 1). It is written out here, not imported from the
evaluation engine, so the two can change apart.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence

import attrs

from gender_plan import units
from gender_plan.model.indicator import Baseline, Indicator
from gender_plan.model.target import Comparator, Target

__all__ = ["Level", "Point", "baseline_point", "compare", "level_at", "nearly_equal", "points"]

_REL_TOL = 1e-9


@attrs.frozen(kw_only=True)
class Point:
    """One milestone: its year, its value as written and the weakest value it accepts."""

    year: int
    value: float
    """The target value in the unit of comparison (yes/no as 1 or 0)."""
    weakest: float
    strict: bool
    comparator: Comparator | None
    """None for a stated baseline, which is a starting point, not a requirement."""
    index: int | None = None
    """The target's position in its indicator (None for a baseline)."""
    target: Target | None = None


@attrs.frozen(kw_only=True)
class Level:
    """The requirement in force in `year`, and where it comes from."""

    year: int
    value: float
    """The value as a reader would write it (on the line between the milestones' values)."""
    weakest: float
    strict: bool
    basis: str
    """``milestone`` (due that year), ``line`` (between two milestones), ``baseline`` (between
    the stated baseline and the first milestone) or ``last`` (after the last milestone, which
    stays in force)."""
    before: Point | None = None
    """The earlier end of the line, or the milestone itself."""
    after: Point | None = None
    """The later end of the line (None unless `basis` is line or baseline)."""


def _number(value: float | bool) -> float:
    return float(value)  # a yes/no value counts as 1 (yes) or 0 (no)


def points(indicator: Indicator, chosen: Sequence[tuple[int, Target]],
           deadline: Callable[[Target], int], factor: float, sign: int) -> list[Point]:
    """`chosen` targets of `indicator` as points in the unit of comparison, by year.

    `deadline` is the plan's `deadline` method; `factor` converts the indicator's unit to the
    unit of comparison; `sign` is the direction of comparison (+1 higher is better).
    """
    found = []
    for index, target in chosen:
        value = _number(indicator.target_value(target)) * factor
        tolerance = 0.0
        if target.comparator is Comparator.ABOUT and target.tolerance is not None:
            # The tolerance is written in the target's unit, like its value.
            scale = 1.0 if target.unit is None else units.conversion_factor(
                target.unit, indicator.unit)
            tolerance = target.tolerance * scale * factor
        found.append(Point(
            year=deadline(target),
            value=value, weakest=value - sign * tolerance,
            strict=target.comparator.is_strict, comparator=target.comparator,
            index=index, target=target,
        ))
    return sorted(found, key=lambda point: point.year)


def baseline_point(baseline: Baseline | None, factor: float) -> Point | None:
    """A stated baseline as the start of the line to the first milestone."""
    if baseline is None:
        return None
    value = _number(baseline.value) * factor
    return Point(year=baseline.year, value=value, weakest=value, strict=False, comparator=None)


def level_at(milestones: Sequence[Point], year: int, *, baseline: Point | None = None,
             line: bool = True) -> Level | None:
    """The requirement `milestones` put in force in `year`, or None.

    None before the first milestone without a usable baseline (`baseline` dated before the
    first milestone, at or before `year`). Without `line` (yes/no facts, which have no line)
    a year between two milestones keeps the earlier one in force, and a baseline is not used.
    """
    if not milestones:
        return None
    for point in milestones:
        if point.year == year:
            return Level(year=year, value=point.value, weakest=point.weakest,
                         strict=point.strict, basis="milestone", before=point)
    first, last = milestones[0], milestones[-1]
    if year > last.year:
        return Level(year=year, value=last.value, weakest=last.weakest, strict=last.strict,
                     basis="last", before=last)
    if year < first.year:
        if not line or baseline is None or not baseline.year <= year < first.year:
            return None
        return _between(baseline, first, year, "baseline")
    earlier = max((p for p in milestones if p.year < year), key=lambda p: p.year)
    later = min((p for p in milestones if p.year > year), key=lambda p: p.year)
    if not line:
        return Level(year=year, value=earlier.value, weakest=earlier.weakest,
                     strict=earlier.strict, basis="last", before=earlier)
    return _between(earlier, later, year, "line")


def _between(start: Point, end: Point, year: int, basis: str) -> Level:
    share = (year - start.year) / (end.year - start.year)  # S, the share of the time elapsed

    def on_line(begin: float, finish: float) -> float:
        return begin + share * (finish - begin)

    return Level(
        year=year, value=on_line(start.value, end.value),
        weakest=on_line(start.weakest, end.weakest),
        # Strict between two milestones only when both are: equality then fails at both ends.
        strict=start.strict and end.strict and start.comparator is not None,
        basis=basis, before=start, after=end,
    )


def nearly_equal(value: float, other: float) -> bool:
    """Equal but for floating-point noise (unit conversions, the line's arithmetic)."""
    return math.isclose(value, other, rel_tol=_REL_TOL, abs_tol=1e-12)


def compare(mine: Level | Point, theirs: Level | Point, sign: int) -> int:
    """-1 when `mine` accepts less than `theirs` asks (weaker), 0 when equal, 1 when more.

    Values first, in the direction `sign`; at equal values a strict comparator asks more
    than a non-strict one.
    """
    if nearly_equal(mine.weakest, theirs.weakest):
        return (mine.strict > theirs.strict) - (mine.strict < theirs.strict)
    return 1 if sign * (mine.weakest - theirs.weakest) > 0 else -1
