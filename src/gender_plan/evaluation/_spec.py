"""What an indicator's assessment needs besides its data: the target, deadline and years.

A `Spec` is one indicator of one plan; `Rules` are what the rules read of the specs of a batch
of groups: what they share (their `Spec.key`) once, and per group what they do not (the target
value, the deadline, the direction, a stated baseline, a band's edges), so that the groups of
many indicators and many plans are judged at once.
"""

from __future__ import annotations

import datetime
import itertools
import math
from collections.abc import Mapping, Sequence
from typing import Any

import attrs
import numpy as np

from gender_plan._i18n import msg
from gender_plan.errors import AssessmentError
from gender_plan.evaluation._layout import FloatArray, IntArray, pick
from gender_plan.evaluation.linear import LinearPath
from gender_plan.evaluation.method import Method
from gender_plan.model.indicator import Direction, Indicator
from gender_plan.model.period import Frequency
from gender_plan.model.plan import Plan
from gender_plan.model.target import Comparator, Target, TargetKind

__all__ = ["Rules", "Spec", "SpecColumns", "choose_target", "edges", "plan_specs"]


def choose_target(
    indicator: Indicator, date: datetime.date, end_year: int | None
) -> tuple[Target | None, tuple[Target, ...]]:
    """The next target whose deadline is not yet past, else the last one; and the others."""
    targets = indicator.targets
    if not targets:
        return None, ()
    if end_year is None and any(t.year is None for t in targets):
        raise AssessmentError(msg(
            "indicator {code!r} has a target without a year: pass end_year (the plan's end "
            "year), or assess the whole plan with assess_plan", code=indicator.code))
    if len(targets) == 1:  # the usual case
        return targets[0], ()

    def deadline(target: Target) -> int:
        return target.year if target.year is not None else end_year or 0

    ordered = sorted(indicator.targets, key=deadline)
    chosen = next((t for t in ordered if deadline(t) >= date.year), ordered[-1])
    return chosen, tuple(t for t in indicator.targets if t is not chosen)


def edges(indicator: Indicator, target: Target | None) -> tuple[float, float]:
    """The band a level to stay near is measured to: the target's, else the reference."""
    if target is not None:
        return indicator.target_band(target)
    reference = indicator.reference
    assert reference is not None  # the indicator refuses a level without target or reference
    return float(reference), float(reference)


class Spec:
    """One indicator's rules for one call: its target, deadline, years and method.

    A plain class rather than an attrs one: a nation of plans makes one per plan and indicator.
    """

    __slots__ = ("base_year", "date", "deadline", "first_year", "indicator", "key", "method",
                 "others", "row", "target", "target_value")

    def __init__(self, indicator: Indicator, method: Method, date: datetime.date, *,
                 start_year: int | None, end_year: int | None, base_year: int | None) -> None:
        # Written for speed (a nation makes 54,000 of them): each attribute read once.
        self.indicator, self.method, self.date, self.base_year = indicator, method, date, base_year
        target, self.others = choose_target(indicator, date, end_year)
        self.target: Target | None = target
        direction, limits, stated = indicator.direction, indicator.limits, indicator.baseline
        toward, sign = direction is Direction.TOWARD_REFERENCE, direction.sign
        deadline = value = comparator = tolerance = frequency = None
        first_year, kind = start_year, "reach"  # first_year: where a periodic target applies
        if target is not None:
            deadline = target.year if target.year is not None else end_year
            value = indicator.target_value(target)  # in the indicator's unit
            comparator, tolerance, frequency = target.comparator, target.tolerance, target.frequency
            kind = ("periodic" if target.is_periodic else
                    "yes/no" if target.kind is TargetKind.YES_NO else "reach")
            if target.start_year is not None:
                first_year = target.start_year
        self.deadline: int | None = deadline
        self.target_value: float | bool | None = value
        self.first_year = first_year
        periodic = kind == "periodic"
        fact = isinstance(value, bool)
        self.key: tuple[Any, ...] = (  # enums by value: a tuple of them hashes faster
            kind, id(method), None if comparator is None else comparator._value_, tolerance,
            deadline is not None and date.year > deadline,
            value is not None and not fact and not indicator.is_yes_no, fact,
            None if limits is None else limits.upper if sign > 0 else limits.lower, base_year,
            first_year if periodic else None, None if frequency is None else frequency._value_,
            deadline if periodic else None,
            stated is not None, toward)
        """`Rules`' shared fields, the method by identity: what a batch's specs share."""
        lower, upper = edges(indicator, target) if toward else (math.nan, math.nan)
        self.row = (math.nan if value is None else float(value),
                    math.nan if deadline is None else deadline, sign,
                    math.nan if stated is None else stated.year,
                    math.nan if stated is None else float(stated.value), bool(self.others),
                    toward, lower, upper)
        """The numbers `SpecColumns` holds of the spec."""


@attrs.frozen(kw_only=True, eq=False)
class Rules:
    """The rules of a batch of groups: shared fields, then arrays with an entry per group."""

    kind: str
    method: Method
    comparator: Comparator | None
    """The target's comparator; None without a target (a direction only)."""
    tolerance: float | None
    passed: bool
    numeric: bool
    """Whether the target has a numeric value (`goal`) that methods aim at."""
    fact: bool
    """Whether the target is a yes/no fact (`goal` 1.0 or 0.0)."""
    limit: float | None
    base_year: int | None
    first_year: int | None
    frequency: Frequency | None
    deadline: int | None
    """The deadline of a hold-every-period target (those of others are in `T`)."""
    stated: bool
    """Whether the baselines are stated by the plans (`baseline`) rather than measured."""
    toward: bool
    date: datetime.date
    goal: Any = None
    """Per group: the target value (1.0 or 0.0 for a fact; NaN without a target)."""
    T: Any = None
    """Per group: the deadline year (NaN without a target)."""
    d: Any = None
    """Per group: the direction's sign."""
    baseline: Any = None
    """Per group: the stated baseline's year and value (two rows), when `stated`."""
    lower: Any = None
    """Per group: a level to stay near's band, lower edges (then `upper` edges)."""
    upper: Any = None

    @property
    def day(self) -> int:
        return self.date.toordinal()

    def subset(self, index: IntArray) -> Rules:
        """The rules of the groups at positions `index`."""
        arrays: dict[str, Any] = {name: pick(getattr(self, name), index) for name in _ARRAYS
                                  if getattr(self, name) is not None}
        return attrs.evolve(self, **arrays)


_SHARED = ("kind", "method", "comparator", "tolerance", "passed", "numeric", "fact", "limit",
           "base_year", "first_year", "frequency", "deadline", "stated", "toward")
_ARRAYS = ("goal", "T", "d", "baseline", "lower", "upper")


class SpecColumns:
    """Every spec of a call as arrays, and the batch each belongs to (same `Spec.key`)."""

    def __init__(self, specs: Sequence[Spec], series_names: tuple[str | None, ...]) -> None:
        keys: dict[tuple[object, ...], int] = {}
        self.shared: list[Rules] = []
        found = []
        for spec in specs:
            key = keys.setdefault(spec.key, len(keys))
            found.append(key)
            if key == len(self.shared):
                shared = dict(zip(_SHARED, spec.key, strict=True))
                comparator, frequency = shared["comparator"], shared["frequency"]
                self.shared.append(Rules(date=spec.date, **{
                    **shared, "method": spec.method,
                    "comparator": None if comparator is None else Comparator(comparator),
                    "frequency": None if frequency is None else Frequency(frequency)}))
        self.key = np.array(found, dtype=np.int64)
        table = np.fromiter(itertools.chain.from_iterable(spec.row for spec in specs),
                            dtype=np.float64, count=9 * len(specs)).reshape(-1, 9).T
        self.goal, self.T, self.d, self.baseline = table[0], table[1], table[2], table[3:5]
        self.others, self.toward, self.lower, self.upper = (table[5] > 0, table[6] > 0,
                                                            table[7], table[8])
        self.deadline = np.where(np.isnan(self.T), -1, self.T).astype(np.int64)
        series = {name: k for k, name in enumerate(series_names)}
        self.preferred = np.array([series.get(s.indicator.series, -1) for s in specs],
                                  dtype=np.int64)

    def rules(self, specs: IntArray) -> Rules:
        """The rules of groups judged by the specs at positions `specs` (one batch)."""
        key = int(self.key[specs[0]])
        shared = self.shared[key]
        members = np.flatnonzero(self.key == key)

        def column(values: FloatArray) -> Any:  # one value for the whole batch: broadcast
            mine = values[..., members]
            if (mine == mine[..., :1]).all() or np.isnan(mine).all():
                return np.broadcast_to(mine[..., :1], (*mine.shape[:-1], len(specs)))
            return np.take(values, specs, axis=-1)

        return attrs.evolve(shared, goal=column(self.goal), T=column(self.T), d=column(self.d),
                            baseline=column(self.baseline) if shared.stated else None,
                            lower=column(self.lower) if shared.toward else None,
                            upper=column(self.upper) if shared.toward else None)


def plan_specs(plan: Plan, date: datetime.date, method: Method | None,
               methods: Mapping[str, Method] | None, *, check: bool = True) -> list[Spec]:
    """Every indicator's spec in `plan`: `method` (linear by default), else `methods`' own.

    Raises:
        UnknownCodeError: with `check`, a code in `methods` the plan lacks.
    """
    chosen = method if method is not None else LinearPath()
    overrides = dict(methods or {})
    for code in overrides if check else ():
        plan.indicator(code)  # raises UnknownCodeError for a code the plan lacks
    start, end, base = plan.start_year, plan.end_year, plan.effective_base_year
    return [Spec(i, overrides.get(i.code, chosen), date, start_year=start, end_year=end,
                 base_year=base) for goal in plan.goals for i in goal.indicators]
