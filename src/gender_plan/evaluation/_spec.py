"""What one indicator's assessment needs besides its data: the target, deadline and years."""

from __future__ import annotations

import datetime
from collections.abc import Sequence

import attrs

from gender_plan._i18n import msg
from gender_plan.errors import AssessmentError
from gender_plan.evaluation.method import Method
from gender_plan.model.indicator import Indicator
from gender_plan.model.target import Target, TargetKind

__all__ = ["Spec", "choose_target"]


def choose_target(
    indicator: Indicator, date: datetime.date, end_year: int | None
) -> tuple[Target | None, tuple[Target, ...]]:
    """The next target whose deadline is not yet past, else the last one; and the others."""
    if not indicator.targets:
        return None, ()
    if end_year is None and any(t.year is None for t in indicator.targets):
        raise AssessmentError(msg(
            "indicator {code!r} has a target without a year: pass end_year (the plan's end "
            "year), or assess the whole plan with assess_plan", code=indicator.code))

    def deadline(target: Target) -> int:
        return target.year if target.year is not None else end_year or 0

    ordered = sorted(indicator.targets, key=deadline)
    chosen = next((t for t in ordered if deadline(t) >= date.year), ordered[-1])
    return chosen, tuple(t for t in indicator.targets if t is not chosen)


@attrs.frozen(kw_only=True, eq=False)
class Spec:
    """One indicator's rules for one call: its target, deadline, years and method."""

    indicator: Indicator
    method: Method
    date: datetime.date
    target: Target | None
    others: tuple[Target, ...]
    deadline: int | None
    target_value: float | bool | None
    """The target's value in the indicator's unit."""
    start_year: int | None
    """Where hold-every-period targets without a start year start (the plan's start)."""
    base_year: int | None
    """Where measured baselines are looked for."""

    @classmethod
    def of(cls, indicator: Indicator, method: Method, date: datetime.date, *,
           start_year: int | None, end_year: int | None, base_year: int | None) -> Spec:
        """The spec of `indicator` assessed with `method` as of `date`."""
        target, others = choose_target(indicator, date, end_year)
        deadline = None
        value: float | bool | None = None
        if target is not None:
            deadline = target.year if target.year is not None else end_year
            value = indicator.target_value(target)
        return cls(indicator=indicator, method=method, date=date, target=target, others=others,
                   deadline=deadline, target_value=value, start_year=start_year,
                   base_year=base_year)

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


def specs_of(indicators: Sequence[Indicator], methods: Sequence[Method], date: datetime.date,
             *, start_year: int | None, end_year: int | None,
             base_year: int | None) -> list[Spec]:
    """Every indicator's spec."""
    return [Spec.of(i, m, date, start_year=start_year, end_year=end_year, base_year=base_year)
            for i, m in zip(indicators, methods, strict=True)]
