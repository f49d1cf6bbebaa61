"""A yes/no fact to hold from a year on ("from 2025 on, gender content is in the curricula").

Every year from the start year to the assessment date (or the deadline, if earlier) must have
the fact as wanted. A year with a value that is not is a failing period (NOT_ACHIEVED); a year
without data is named, and gives INSUFFICIENT_DATA while the deadline is ahead and NOT_ACHIEVED
once it has passed: a year without data is not a year met.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from typing import TYPE_CHECKING, Protocol

import attrs

from gender_plan.evaluation.reasons import Reason, ReasonCode
from gender_plan.evaluation.status import Status
from gender_plan.model.period import Period
from gender_plan.model.target import Target

if TYPE_CHECKING:
    from gender_plan.evaluation.assessment import Assessment, Observation

__all__ = ["assess_held_fact", "years_due"]


class _Point(Protocol):
    @property
    def value(self) -> float | bool: ...
    @property
    def period(self) -> Period: ...
    def observation(self) -> Observation: ...


def years_due(first: int, as_of: datetime.date, deadline: int | None) -> range:
    """The years a fact must hold in: from `first` to the last year ended by `as_of`.

    At most to the deadline; a year still under way is not due yet.
    """
    last = as_of.year if as_of >= datetime.date(as_of.year, 12, 31) else as_of.year - 1
    if deadline is not None:
        last = min(last, deadline)
    return range(first, last + 1)


def assess_held_fact(
    base: Assessment,
    target: Target,
    available: Sequence[_Point],
    start_year: int | None,
    reasons: list[Reason],
) -> Assessment:
    """Judge a yes/no hold target on the values `available` (one series, up to the date)."""
    first = target.start_year if target.start_year is not None else start_year
    in_range = [p for p in available if first is None or p.period.year >= first]
    failing = tuple(p.period for p in in_range if p.value is not target.value)
    due = years_due(first, base.as_of, base.deadline) if first is not None else range(0)
    seen = {p.period.year for p in in_range}
    missing = [year for year in due if year not in seen]
    passed = base.deadline is not None and base.as_of.year > base.deadline
    latest = in_range[-1].observation() if in_range else None
    if failing:
        reasons.append(
            Reason(code=ReasonCode.PERIODS_FAILING, detail=", ".join(map(str, failing))))
    if missing:
        reasons.append(Reason(code=ReasonCode.PERIODS_WITHOUT_DATA,
                              detail=", ".join(str(year) for year in missing)))
    if failing or (missing and passed):
        status = Status.NOT_ACHIEVED
    elif missing or not in_range:
        status = Status.INSUFFICIENT_DATA
        if not in_range:
            reasons.append(Reason(code=ReasonCode.NO_PERIOD_IN_RANGE, detail=str(first)))
    else:
        status = Status.ACHIEVED
        reasons.append(Reason(code=ReasonCode.MET))
    return attrs.evolve(base, status=status, latest=latest, failing_periods=failing,
                        reasons=tuple(reasons))
