"""Combining many places' measurements into their parents', right by construction.

Counts add up; rates and shares combine as Σ numerator / Σ denominator (never as a mean of
percentages); yes/no facts become how many places hold them. A mean of percentages is only
made when the caller gives explicit weights, and the result says so.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING

import attrs

from gender_plan import units
from gender_plan._i18n import ListText, Msg, msg
from gender_plan.errors import AggregationError
from gender_plan.evaluation.comparison import is_met, met
from gender_plan.model.indicator import Indicator
from gender_plan.model.measurement import Measurement, Sex
from gender_plan.model.period import Period
from gender_plan.model.plan import Plan
from gender_plan.model.share import ShareOfPlaces
from gender_plan.model.target import Comparator
from gender_plan.rollup.places import PlaceHierarchy

if TYPE_CHECKING:
    from gender_plan.evaluation.comparison import BoolArray, FloatArray

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
    """How many places meet a condition on their value, out of how many reported.

    By default the condition is a yes/no fact held (``= true``); a share-of-places indicator
    (`gender_plan.ShareOfPlaces`) counts the places whose value meets its own condition
    ("at least 4 news items a quarter") with the same rule (`counts`).
    """

    comparator: Comparator = Comparator.EQ
    value: float | bool = True
    """The value compared with, in the indicator's unit (true or false for a fact)."""
    tolerance: float | None = None
    """How far from `value` still counts as met, for ``~``."""

    @classmethod
    def of(cls, share: ShareOfPlaces) -> CountMet:
        """The rule that counts the places meeting `share`'s condition (in `share`'s unit)."""
        return cls(comparator=share.comparator, value=share.value, tolerance=share.tolerance)

    def holds(self, value: float | bool) -> bool:
        """Whether one place's `value` meets the condition (comparison as the engine's)."""
        if isinstance(self.value, bool) or isinstance(value, bool):
            return self.comparator is Comparator.EQ and bool(value) is bool(self.value) and (
                isinstance(value, bool) == isinstance(self.value, bool))
        return is_met(float(value), self.comparator, float(self.value), self.tolerance)

    def counts(self, values: FloatArray, factor: float = 1.0) -> BoolArray:
        """Element by element, whether `values` meet the condition (yes/no as 1.0 and 0.0).

        `factor` converts the condition's value and tolerance to the values' unit. Values are
        compared as the engine compares them with targets (`gender_plan.evaluation.comparison`:
        equal within a relative 1e-9); NaN meets nothing.
        """
        if isinstance(self.value, bool):
            return met(values, Comparator.EQ, 1.0 if self.value else 0.0)
        tolerance = None if self.tolerance is None else self.tolerance * factor
        return met(values, self.comparator, self.value * factor, tolerance)


@attrs.frozen(kw_only=True)
class WeightedMean:
    """A mean of values with explicit weights (e.g. populations); labelled as such."""

    weights: Mapping[str, float] = attrs.field(hash=False)
    """The weight of each place, by place code."""
    label: str = "weighted mean with explicit weights"


Rule = Sum | Ratio | CountMet | WeightedMean


@attrs.frozen(kw_only=True)
class MetCount:
    """How many places meet a `CountMet` rule, for one parent place, indicator and period."""

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

    Rows of places outside the hierarchy or above `level` are refused, and so are rows of a
    place beside rows of places below it for one indicator and period (a province's own total
    and its communes': summed, the communes would count twice); `rules` overrides `rule_for` by
    indicator code.

    Raises:
        AggregationError: a rate without numerator or denominator (names the rows and how to
            fix them), a weighted mean without a place's weight, an unknown place, or rows of a
            place and of places below it in one sum.
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
        nested = hierarchy.nested((str(r.place) for r in rows), level)
        if nested:
            problems += [counted_twice(code, parent, period, upper, below)
                         for upper, below in nested.items()]
            continue
        base = Measurement(indicator=code, period=period, value=0.0, series=series,
                           place=parent, sex=sex, unit=None)
        if isinstance(rule, CountMet):
            holding = sum(1 for r in rows if rule.holds(
                r.value if isinstance(r.value, bool) else
                units.convert(float(r.value), r.unit or indicator.unit, indicator.unit)))
            counts.append(MetCount(place=parent, indicator=code, period=period, met=holding,
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


def counted_twice(code: str, parent: str, period: Period | str, place: str,
                  below: Iterable[str]) -> Msg:
    """Why rows of `place` and of places `below` it are not summed together into `parent`."""
    return msg("indicator {code!r} at {parent!r}, {period}: rows of {place!r} and of places "
               "below it ({below}) would both be summed, counting the places below twice (keep "
               "the rows of one of them)", code=code, parent=parent, period=str(period),
               place=place, below=", ".join(sorted(below)[:5]))


def _codes(plan: Plan) -> list[str]:
    return [indicator.code for _, indicator in plan.indicators()]


def _tidy(scale: float) -> float:
    """Drop the unit registry's last-digit noise (99999.99999999999 is 100000)."""
    return float(f"{scale:.12g}")
