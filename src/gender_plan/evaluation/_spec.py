"""What an indicator's assessment needs besides its data: the target, deadline and years.

A `Spec` is one indicator of one plan; `Rules` are what the rules read of the specs of a batch
of groups: what they share (their `Spec.key`) once, and per group what they do not (the target
value, the deadline, the direction, a stated baseline, a band's edges), so that the groups of
many indicators and many plans are judged at once.
"""

from __future__ import annotations

import datetime
import math
from collections.abc import Sequence
from typing import Any

import attrs
import numpy as np

from gender_plan.errors import AssessmentError
from gender_plan.evaluation._layout import FloatArray, IntArray, pick
from gender_plan.evaluation.method import Method
from gender_plan.model.indicator import Direction, Indicator
from gender_plan.model.period import Frequency
from gender_plan.model.target import Comparator, Target, TargetKind

__all__ = ["Rules", "Spec", "SpecColumns", "choose_target", "edges", "specs_of"]


def choose_target(
    indicator: Indicator, date: datetime.date, end_year: int | None
) -> tuple[Target | None, tuple[Target, ...]]:
    """The next target whose deadline is not yet past, else the last one; and the others."""
    targets = indicator.targets
    if not targets:
        return None, ()
    if end_year is None and any(t.year is None for t in targets):
        raise AssessmentError(
            f"indicator {indicator.code!r} has a target without a year: pass end_year (the "
            "plan's end year), or assess the whole plan with assess_plan"
        )
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

    __slots__ = ("base_year", "date", "deadline", "indicator", "key", "method", "others",
                 "row", "start_year", "target", "target_value")

    def __init__(self, indicator: Indicator, method: Method, date: datetime.date, *,
                 start_year: int | None, end_year: int | None, base_year: int | None) -> None:
        self.indicator, self.method, self.date = indicator, method, date
        self.start_year = start_year  # where periodic targets without a start year start
        self.base_year = base_year  # where measured baselines are looked for
        self.target: Target | None
        self.others: tuple[Target, ...]
        self.target, self.others = target, _ = choose_target(indicator, date, end_year)
        self.deadline: int | None = None
        self.target_value: float | bool | None = None  # in the indicator's unit
        stated, toward = indicator.baseline, indicator.direction is Direction.TOWARD_REFERENCE
        self.key: tuple[object, ...] = (id(method), self.limit, base_year, stated is None,
                                        toward)
        """What the specs judged together with this one share (`Rules`' shared fields);
        enums by identity: their own hash is slow, and a nation has a spec per plan."""
        if target is not None:
            self.deadline = deadline = target.year if target.year is not None else end_year
            self.target_value = value = indicator.target_value(target)
            kind = self.kind
            periodic = kind == "periodic"
            self.key += (kind, id(target.comparator), target.tolerance,
                         deadline is not None and date.year > deadline,
                         not isinstance(value, bool) and not indicator.is_yes_no,
                         isinstance(value, bool), self.first_year if periodic else None,
                         id(target.frequency), deadline if periodic else None)
        lower, upper = edges(indicator, target) if toward else (math.nan, math.nan)
        goal, deadline = self.target_value, self.deadline
        self.row = (math.nan if goal is None else float(goal),
                    math.nan if deadline is None else deadline, indicator.direction.sign,
                    math.nan if stated is None else stated.year,
                    math.nan if stated is None else float(stated.value), bool(self.others),
                    toward, lower, upper)
        """The numbers `SpecColumns` holds of the spec."""

    @property
    def passed(self) -> bool:
        """Whether the date is past the deadline: the verdict is final."""
        return self.deadline is not None and self.date.year > self.deadline

    @property
    def kind(self) -> str:
        """Which rules apply: "periodic", "yes/no" or "reach" (also without a target)."""
        if self.target is not None and self.target.is_periodic:
            return "periodic"
        if self.target is not None and self.target.kind is TargetKind.YES_NO:
            return "yes/no"
        return "reach"

    @property
    def y_T(self) -> float | None:  # noqa: N802 - the docs' symbol
        """The numeric target value a value is compared with (None: none, or a yes/no one)."""
        value = self.target_value
        if value is None or isinstance(value, bool) or self.indicator.is_yes_no:
            return None
        return float(value)

    @property
    def first_year(self) -> int | None:
        """The first year a hold-every-period target applies to."""
        if self.target is not None and self.target.start_year is not None:
            return self.target.start_year
        return self.start_year

    @property
    def limit(self) -> float | None:
        """The natural limit the indicator moves towards: the upper for rising, lower falling."""
        limits = self.indicator.limits
        if limits is None:
            return None
        return limits.upper if self.indicator.direction.sign > 0 else limits.lower


@attrs.frozen(kw_only=True, eq=False)
class Rules:
    """The rules of a batch of groups: shared fields, then arrays with an entry per group."""

    kind: str
    method: Method
    date: datetime.date
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

    @classmethod
    def of(cls, spec: Spec) -> Rules:
        """The shared fields of a batch, from one of its specs."""
        target, kind = spec.target, spec.kind
        return cls(kind=kind, method=spec.method, date=spec.date,
                   comparator=None if target is None else target.comparator,
                   tolerance=None if target is None else target.tolerance, passed=spec.passed,
                   numeric=spec.y_T is not None, fact=isinstance(spec.target_value, bool),
                   limit=spec.limit, base_year=spec.base_year,
                   first_year=spec.first_year if kind == "periodic" else None,
                   frequency=None if target is None else target.frequency,
                   deadline=spec.deadline if kind == "periodic" else None,
                   stated=spec.indicator.baseline is not None,
                   toward=spec.indicator.is_toward)

    @property
    def day(self) -> int:
        return self.date.toordinal()

    def subset(self, index: IntArray) -> Rules:
        """The rules of the groups at positions `index`."""
        changes: dict[str, Any] = {name: None if value is None else pick(value, index)
                                   for name, value in self._arrays().items()}
        return attrs.evolve(self, **changes)

    def _arrays(self) -> dict[str, Any]:
        return {"goal": self.goal, "T": self.T, "d": self.d, "baseline": self.baseline,
                "lower": self.lower, "upper": self.upper}


class SpecColumns:
    """Every spec of a call as arrays, and the batch each belongs to (same `Rules.key`)."""

    def __init__(self, specs: Sequence[Spec], series_names: tuple[str | None, ...]) -> None:
        keys: dict[tuple[object, ...], int] = {}
        self.shared: list[Rules] = []
        batch = []
        for spec in specs:
            key = keys.setdefault(spec.key, len(keys))
            if key == len(self.shared):
                self.shared.append(Rules.of(spec))
            batch.append(key)
        self.key = np.array(batch, dtype=np.int64)
        table = np.array([spec.row for spec in specs], dtype=np.float64).reshape(-1, 9).T
        self.goal, self.T, self.d, self.baseline = table[0], table[1], table[2], table[3:5]
        self.others, self.toward, self.lower, self.upper = table[5] > 0, table[6] > 0, table[
            7], table[8]
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
            return values[..., specs]

        return attrs.evolve(shared, goal=column(self.goal), T=column(self.T), d=column(self.d),
                            baseline=column(self.baseline) if shared.stated else None,
                            lower=column(self.lower) if shared.toward else None,
                            upper=column(self.upper) if shared.toward else None)


def specs_of(indicators: Sequence[Indicator], methods: Sequence[Method], date: datetime.date,
             *, start_year: int | None, end_year: int | None,
             base_year: int | None) -> list[Spec]:
    """Every indicator's spec."""
    return [Spec(i, m, date, start_year=start_year, end_year=end_year, base_year=base_year)
            for i, m in zip(indicators, methods, strict=True)]
