"""Combining many places' measurements into their parents', right by construction.

Counts add up; rates and shares combine as Σ numerator / Σ denominator (never as a mean of
percentages); yes/no facts become how many places hold them. A mean of percentages is only
made when the caller gives explicit weights, and the result says so.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

import attrs

from gender_plan import units
from gender_plan._i18n import ListText, Msg, msg
from gender_plan.errors import AggregationError
from gender_plan.model.indicator import Indicator
from gender_plan.model.measurement import Measurement, Sex
from gender_plan.model.period import Period
from gender_plan.model.plan import Plan
from gender_plan.rollup.places import PlaceHierarchy

__all__ = [
    "Aggregation",
    "CountMet",
    "MetCount",
    "Ratio",
    "Rule",
    "Sum",
    "WeightedMean",
    "aggregate",
    "rule_for",
]


@attrs.frozen(kw_only=True)
class Sum:
    """Counts add up (people, items, items per month)."""


@attrs.frozen(kw_only=True)
class Ratio:
    """A rate or share: `scale` × Σ numerator / Σ denominator (scale 100 for percent)."""

    scale: float


@attrs.frozen(kw_only=True)
class CountMet:
    """A yes/no fact: how many places hold it, out of how many reported."""


@attrs.frozen(kw_only=True)
class WeightedMean:
    """A mean of values with explicit weights (e.g. populations); labelled as such."""

    weights: Mapping[str, float] = attrs.field(hash=False)
    """The weight of each place, by place code."""
    label: str = "weighted mean with explicit weights"


Rule = Sum | Ratio | CountMet | WeightedMean


@attrs.frozen(kw_only=True)
class MetCount:
    """How many places' yes/no value is true, for one parent place, indicator and period."""

    place: str
    indicator: str
    period: Period
    met: int
    total: int

    @property
    def share(self) -> float:
        """The share of places that hold the fact, in percent."""
        return 100 * self.met / self.total


@attrs.frozen(kw_only=True)
class Aggregation:
    """The parents' measurements, and for yes/no indicators the counts of places."""

    measurements: tuple[Measurement, ...]
    counts: tuple[MetCount, ...] = ()


_LEADING_NUMBER = re.compile(r"^\s*[\d.eE+]+\s*")


def rule_for(indicator: Indicator) -> Rule:
    """The rule that fits the indicator's unit: a share or rate is a `Ratio`, a count a `Sum`."""
    unit = indicator.unit
    if units.is_yes_no(unit):
        return CountMet()
    if units.describe_dimension(unit) == "a pure number":
        return Ratio(scale=_tidy(units.conversion_factor("fraction", unit)))
    if "/" in unit:
        top, bottom = unit.split("/", 1)
        bottom = _LEADING_NUMBER.sub("", bottom)
        if units.describe_dimension(bottom) != "[time]":
            return Ratio(
                scale=_tidy(units.conversion_factor(f"{top.strip()} / {bottom}", unit))
            )
    return Sum()


def aggregate(
    measurements: Iterable[Measurement],
    hierarchy: PlaceHierarchy,
    level: str,
    plan: Plan,
    *,
    rules: Mapping[str, Rule] | None = None,
) -> Aggregation:
    """Combine the measurements of the places under each place of `level`.

    Rows of places outside the hierarchy or above `level` are refused; `rules` overrides
    `rule_for` by indicator code.

    Raises:
        AggregationError: a rate without numerator or denominator (names the rows and how to
            fix them), a weighted mean without a place's weight, or an unknown place.
    """
    chosen = {code: rule_for(plan.indicator(code)) for code in _codes(plan)}
    chosen.update(rules or {})
    groups: dict[tuple[str, str, Period, str | None, Sex | None], list[Measurement]] = {}
    for row in measurements:
        if row.place is None:
            raise AggregationError(msg("a measurement of {code!r} for {period} has no place: "
                                       "every row to aggregate needs one", code=row.indicator,
                                       period=row.period))
        parent = hierarchy.ancestor(row.place, level)
        if parent is None:
            raise AggregationError(msg("place {place!r} has no ancestor at level {level!r} in "
                                       "the hierarchy (add it, or check the level's name)",
                                       place=row.place, level=level))
        groups.setdefault((parent, row.indicator, row.period, row.series, row.sex),
                          []).append(row)
    out: list[Measurement] = []
    counts: list[MetCount] = []
    problems: list[Msg] = []
    for (parent, code, period, series, sex), rows in groups.items():
        indicator = plan.indicator(code)
        rule = chosen[code]
        base = Measurement(indicator=code, period=period, value=0.0, series=series,
                           place=parent, sex=sex, unit=None)
        if isinstance(rule, CountMet):
            met = sum(1 for r in rows if r.value is True)
            counts.append(MetCount(place=parent, indicator=code, period=period, met=met,
                                   total=len(rows)))
            continue
        values = [units.convert(float(r.value), r.unit or indicator.unit, indicator.unit)
                  for r in rows]
        if isinstance(rule, Sum):
            out.append(attrs.evolve(base, value=sum(values), source=f"sum of {len(rows)} places"))
        elif isinstance(rule, Ratio):
            lacking = [r for r in rows if r.numerator is None or r.denominator is None]
            if lacking:
                problems.append(msg(
                    "indicator {code!r} ({unit}) at {parent!r}, {period}: {lacking} of {rows} "
                    "rows lack a numerator or denominator (places {places})", code=code,
                    unit=indicator.unit, parent=parent, period=period, lacking=len(lacking),
                    rows=len(rows),
                    places=", ".join(sorted({str(r.place) for r in lacking})[:5])))
                continue
            numerator = sum(float(r.numerator or 0) for r in rows)
            denominator = sum(float(r.denominator or 0) for r in rows)
            out.append(attrs.evolve(
                base, value=rule.scale * numerator / denominator, numerator=numerator,
                denominator=denominator,
                source=f"Σ numerator / Σ denominator of {len(rows)} places"))
        else:
            missing = sorted({str(r.place) for r in rows if r.place not in rule.weights})
            if missing:
                problems.append(msg("indicator {code!r} at {parent!r}: no weight for places "
                                    "{places}", code=code, parent=parent,
                                    places=", ".join(missing[:5])))
                continue
            weights = [rule.weights[str(r.place)] for r in rows]
            value = sum(w * v for w, v in zip(weights, values, strict=True)) / sum(weights)
            out.append(attrs.evolve(base, value=value, source=f"{rule.label} of {len(rows)} "
                                    "places (not a rate from numerators and denominators)"))
    if problems:
        raise AggregationError(msg(
            "cannot combine these values without guessing:\n  - {problems}\nA rate or share "
            "combines as Σ numerator / Σ denominator: give every row its numerator and "
            "denominator, or pass rules={{code: WeightedMean(weights=...)}} to average with "
            "explicit weights (the result says so). Averaging percentages without weights is "
            "refused.", problems=ListText("\n  - ", problems)))
    return Aggregation(measurements=tuple(out), counts=tuple(counts))


def _codes(plan: Plan) -> list[str]:
    return [indicator.code for _, indicator in plan.indicators()]


def _tidy(scale: float) -> float:
    """Drop the unit registry's last-digit noise (99999.99999999999 is 100000)."""
    return float(f"{scale:.12g}")
