"""Assessing a level to stay near: the band transform around the per-indicator engine.

Every value is replaced by its distance to the chosen target's band (`band.distance`), the
indicator becomes lower-is-better with every target ``d <= 0``, the engine judges that, and the
assessment is given back on the indicator's own scale: its target, its observed values, the gap
to the nearest edge, and the expected and projected values on the baseline's side of the band.
The ratio and score are the methods' own, computed on distances.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

import attrs

from gender_plan import units
from gender_plan.errors import UnitError
from gender_plan.evaluation import band
from gender_plan.evaluation.reasons import Reason, ReasonCode
from gender_plan.model.indicator import Direction, Indicator
from gender_plan.model.measurement import Measurement
from gender_plan.model.target import Comparator, Target

__all__ = ["assess_toward", "edges"]

if TYPE_CHECKING:
    from gender_plan.evaluation.assessment import Assessment


def edges(indicator: Indicator, target: Target | None) -> tuple[float, float]:
    """The band the assessment measures distances to: the target's, else the reference."""
    if target is not None:
        return indicator.target_band(target)
    reference = indicator.reference
    assert reference is not None  # the indicator refuses a level without target or reference
    return float(reference), float(reference)


def assess_toward(
    assess: Callable[..., Assessment],
    indicator: Indicator,
    measurements: Iterable[Measurement],
    target: Target | None,
    **options: Any,
) -> Assessment:
    """Assess a level to stay near with `assess` (the engine) on distances to its band."""
    lower, upper = edges(indicator, target)
    place = options.get("place")
    raw: dict[tuple[object, ...], float] = {}
    converted: list[Measurement] = []
    for row in measurements:
        value = _in_unit(indicator, row)
        if value is None:
            converted.append(row)  # left for the engine to report or skip, as it would
            continue
        if place is None or row.place == place:
            raw[(row.period, row.series)] = value
        converted.append(attrs.evolve(row, value=band.distance(value, lower, upper), unit=None))
    targets = tuple(
        Target(comparator=Comparator.LE, value=0.0, year=t.year, kind=t.kind,
               start_year=t.start_year, frequency=t.frequency)
        for t in indicator.targets
    )
    baseline = indicator.baseline
    if baseline is not None and not isinstance(baseline.value, bool):
        baseline = attrs.evolve(baseline,
                                value=band.distance(float(baseline.value), lower, upper))
    distances = attrs.evolve(indicator, direction=Direction.LOWER_IS_BETTER, reference=None,
                             limits=None, targets=targets, baseline=baseline, unit=indicator.unit)
    found = assess(distances, converted, **options)
    return _restore(found, indicator, targets, raw, (lower, upper))


def _in_unit(indicator: Indicator, row: Measurement) -> float | None:
    """A total's value in the indicator's unit, or None when the engine must judge the row."""
    if row.indicator != indicator.code or row.sex is not None or isinstance(row.value, bool):
        return None
    try:
        return units.convert(row.value, row.unit or indicator.unit, indicator.unit)
    except UnitError:
        return None


def _restore(
    found: Assessment,
    indicator: Indicator,
    targets: tuple[Target, ...],
    raw: dict[tuple[object, ...], float],
    edges_: tuple[float, float],
) -> Assessment:
    """The engine's assessment of distances, told on the indicator's own scale."""
    lower, upper = edges_

    def original(target: Target | None) -> Target | None:
        if target is None:
            return None
        index = next(i for i, t in enumerate(targets) if t is target)
        return indicator.targets[index]

    chosen = original(found.target)
    baseline = found.baseline
    if baseline is not None:
        if baseline.stated and indicator.baseline is not None:
            baseline = attrs.evolve(baseline, value=indicator.baseline.value)
        else:
            baseline = attrs.evolve(
                baseline, value=raw[(baseline.period, baseline.series)])
    latest = found.latest
    if latest is not None:
        latest = attrs.evolve(latest, value=raw[(latest.period, latest.series)])
    on = 0  # the side the figures are told on: the baseline's, else the latest value's
    for seen in (baseline, latest):
        if on == 0 and seen is not None and not isinstance(seen.value, bool):
            on = band.side(float(seen.value), lower, upper)
    gap = None
    if latest is not None and chosen is not None and not isinstance(latest.value, bool):
        y = float(latest.value)
        gap = 0.0 if band.inside(y, lower, upper) else (lower - y if y < lower else upper - y)

    def back(value: float | None) -> float | None:
        if value is None or math.isnan(value):
            return value
        found = band.restore(value, lower, upper, on)
        return None if math.isnan(found) else found

    shown = f"[{lower:g}, {upper:g}]"
    reasons = [Reason(code=ReasonCode.BAND_DISTANCE, detail=shown)]
    for reason in found.reasons:
        if reason.code in (ReasonCode.BASELINE_STATED, ReasonCode.BASELINE_MEASURED) and (
            baseline is not None and not isinstance(baseline.value, bool)
        ):
            reasons.append(attrs.evolve(reason, value=float(baseline.value)))
        else:
            reasons.append(reason)
    return attrs.evolve(
        found,
        target=chosen,
        target_value=None if chosen is None else indicator.target_value(chosen),
        other_targets=tuple(t for t in indicator.targets if t is not chosen),
        baseline=baseline,
        latest=latest,
        gap=gap,
        expected=back(found.expected),
        projected=back(found.projected),
        reasons=tuple(reasons),
    )

