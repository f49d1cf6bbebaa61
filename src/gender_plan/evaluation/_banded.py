"""Assessing a level to stay near: the band transform around the rules, on every place at once.

The rules judge each value's distance to the band (`band.distance`; met means inside) to find
each place's baseline and latest value. Where the baseline (else the latest value) lies outside
the band, the methods then judge the value told on that side, ``upper + d`` above it or
``lower - d`` below it, against the near edge as a one-sided target: so that growth rates stay
the indicator's own, whatever its unit (docs/explanation/methods.md, "Levels to stay near",
says why). The figures are told on the indicator's own scale.
"""

from __future__ import annotations

import attrs
import numpy as np

from gender_plan.evaluation import band
from gender_plan.evaluation._layout import Block, BoolArray, FloatArray, IntArray
from gender_plan.evaluation._rules import Part, assess_block
from gender_plan.evaluation._spec import Rules
from gender_plan.model.target import Comparator

__all__ = ["assess_band"]


def assess_band(chosen: Block, rules: Rules, series_count: IntArray, aside: BoolArray,
                values: FloatArray) -> list[tuple[IntArray, Part]]:
    """Every rule on the chosen groups of a level to stay near, judged on distances.

    `values` are the frame's values (on the indicator's scale), read back by frame row. Gives
    a part for the groups judged on each side of the band (their positions in `chosen`).
    """
    lower, upper = rules.lower, rules.upper
    distance = band.distance(chosen.value, lower, upper)
    found = assess_block(attrs.evolve(chosen, value=distance), _on(rules, 0), series_count,
                         aside)
    baseline, latest = _observed(found, rules, values)
    on_baseline = band.side(baseline, lower, upper)
    sides = np.where(on_baseline != 0, on_baseline, band.side(latest, lower, upper))
    if rules.kind != "reach":  # a period's value meets or fails whatever the side
        sides[:] = 0
    parts = []
    for on in (0, 1, -1):
        group = np.flatnonzero(sides == on)
        if len(group):
            mine, block = rules.subset(group), chosen.columns(group)
            told = _on(mine, on)
            gap = distance[:, group]
            value = gap if on == 0 else _told(block.value, gap, mine, on)
            part = found if on == 0 and len(group) == len(sides) else assess_block(
                attrs.evolve(block, value=value), told, series_count[group], aside[group])
            parts.append((group, _restore(part, block, mine, (baseline[group], latest[group]),
                                          judged=on != 0)))
    return parts


def _on(rules: Rules, on: int) -> Rules:
    """The rules of the band told on side `on` of it.

    Above it (+1) the value ``upper + d`` to bring down to ``<= upper``, below it (-1)
    ``lower - d`` to bring up to ``>= lower``; 0 the distance ``d`` itself, down to ``<= 0``.
    """
    edge = rules.upper if on > 0 else rules.lower if on < 0 else np.zeros(len(rules.lower))
    baseline = rules.baseline
    if baseline is not None:
        gap = band.distance(baseline[1], rules.lower, rules.upper)
        baseline = np.vstack([baseline[0], _told(baseline[1], gap, rules, on) if on else gap])
    return attrs.evolve(
        rules, comparator=None if rules.comparator is None
        else Comparator.GE if on < 0 else Comparator.LE, tolerance=None, limit=None,
        goal=edge, d=np.full(len(edge), 1.0 if on < 0 else -1.0), baseline=baseline)


def _told(value: FloatArray, distance: FloatArray, rules: Rules, on: int) -> FloatArray:
    """`value`, at `distance` from the band, told on side `on` (+1 or -1): itself on that side.

    Elsewhere ``edge + on·d``: the near edge inside the band, the value at the same distance on
    this side past the far edge. Not ``edge + on·d`` everywhere: that keeps only the digits of a
    value that the edge's last digit can hold (1e-16 under an edge of 0.5 came back as 1.1e-16).
    """
    lower, upper = rules.lower, rules.upper
    mirrored = (upper if on > 0 else lower) + on * distance
    found: FloatArray = np.where(band.side(value, lower, upper) == on, value, mirrored)
    return found


def _observed(found: Part, rules: Rules, values: FloatArray) -> tuple[FloatArray, FloatArray]:
    """Each group's baseline and latest value on the indicator's scale (NaN: none)."""

    def at(rows: IntArray) -> FloatArray:
        return np.where(rows >= 0, values[np.maximum(rows, 0)], np.nan)

    raw = rules.baseline[1] if rules.stated else at(found.baseline_row)
    return np.where(np.isnan(found.figures["baseline"]), np.nan, raw), at(found.latest_row)


def _restore(found: Part, chosen: Block, rules: Rules,
             observed: tuple[FloatArray, FloatArray], *, judged: bool) -> Part:
    """The rules' part, told on the indicator's own scale.

    The expected and projected values of groups `judged` on a side of the band are on the
    indicator's scale already; the others have none (no side to tell them on).
    """
    lower, upper = rules.lower, rules.upper
    baseline, latest = observed
    gap = np.full(len(latest), np.nan) if rules.comparator is None else (  # signed, 0 inside
        -band.side(latest, lower, upper) * band.distance(latest, lower, upper))
    figures = {**found.figures, "latest": latest, "baseline": baseline, "gap": gap}
    if not judged:
        figures.update(expected=np.full(len(latest), np.nan),
                       projected=np.full(len(latest), np.nan))
    return attrs.evolve(found, block=chosen, figures=figures)
