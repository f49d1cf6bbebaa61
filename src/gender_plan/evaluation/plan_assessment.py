"""Assessing a whole plan: every indicator, every numbered target, every goal, the plan."""

from __future__ import annotations

import datetime
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence

import attrs

from gender_plan.evaluation.assessment import Assessment, to_date
from gender_plan.evaluation.linear import LinearPath
from gender_plan.evaluation.method import Method
from gender_plan.evaluation.status import Status
from gender_plan.model.measurement import Measurement
from gender_plan.model.plan import Plan
from gender_plan.validation import validate_measurements

__all__ = ["NumberedTargetAssessment", "PlanAssessment", "Summary", "assess_plan",
           "combine_statuses"]


@attrs.frozen(kw_only=True)
class NumberedTargetAssessment:
    """One numbered target of the plan (its own numbering), made of one or more indicators."""

    goal: str
    number: str
    status: Status
    indicators: tuple[str, ...]
    """The codes of its measurable parts, in the plan's order."""


@attrs.frozen(kw_only=True)
class Summary:
    """Statuses counted over numbered targets, and the mean score where the method has one."""

    counts: tuple[tuple[Status, int], ...]
    """(status, count) for every status, in the vocabulary's order."""
    total: int
    mean_score: float | None = None

    def count(self, status: Status) -> int:
        """How many numbered targets have `status`."""
        return dict(self.counts)[status]


@attrs.frozen(kw_only=True)
class GoalSummary:
    """The summary of one goal."""

    goal: str
    summary: Summary


@attrs.frozen(kw_only=True)
class PlanAssessment:
    """Every indicator's assessment by code, each numbered target's, and per-goal summaries."""

    plan: str
    """The plan's code."""
    as_of: datetime.date
    method: str
    indicators: Mapping[str, Assessment] = attrs.field(hash=False)
    """Every indicator's assessment, by indicator code, in the plan's order."""
    targets: tuple[NumberedTargetAssessment, ...]
    goals: tuple[GoalSummary, ...]
    summary: Summary

    def __getitem__(self, code: str) -> Assessment:
        return self.indicators[code]

    def _repr_html_(self) -> str:
        """Every indicator's status badge and the counts as HTML, for Jupyter."""
        from gender_plan.report._rich import plan_assessment_html  # noqa: PLC0415

        return plan_assessment_html(self)

    def goal(self, code: str) -> Summary:
        """The summary of the goal with `code`."""
        return {goal.goal: goal.summary for goal in self.goals}[code]


_JUDGED_ORDER = (Status.NOT_ACHIEVED, Status.DETERIORATING, Status.LIMITED_PROGRESS,
                 Status.NEEDS_ACCELERATION, Status.ON_TRACK, Status.ACHIEVED)


def combine_statuses(statuses: Iterable[Status]) -> Status:
    """The status of a numbered target from those of its parts.

    ACHIEVED only when every part is; NOT_ACHIEVED as soon as one part is (the whole cannot be
    met any more); otherwise a part without a judgement (INSUFFICIENT_DATA, NO_DATA) leaves the
    whole unjudged, and else the worst part decides.
    """
    parts = tuple(statuses)
    if Status.NOT_ACHIEVED in parts:
        return Status.NOT_ACHIEVED
    if all(part is Status.NO_DATA for part in parts):  # no parts too
        return Status.NO_DATA
    if any(part in (Status.NO_DATA, Status.INSUFFICIENT_DATA) for part in parts):
        return Status.INSUFFICIENT_DATA
    return min(parts, key=_JUDGED_ORDER.index)


def _summarise(targets: Sequence[NumberedTargetAssessment],
               assessments: Mapping[str, Assessment]) -> Summary:
    counter = Counter(target.status for target in targets)
    scores = [score for target in targets for code in target.indicators
              if (score := assessments[code].score) is not None]
    return Summary(counts=tuple((status, counter[status]) for status in Status),
                   total=len(targets), mean_score=sum(scores) / len(scores) if scores else None)


def assess_plan(
    plan: Plan,
    measurements: Iterable[Measurement],
    *,
    as_of: datetime.date | int,
    method: Method | None = None,
    methods: Mapping[str, Method] | None = None,
    place: str | None = None,
) -> PlanAssessment:
    """Assess every indicator of `plan` as of `as_of`.

    `method` applies to all indicators (linear path by default); `methods` overrides it for
    some, by indicator code. Measurements are checked against the plan first.

    Raises:
        ValidationError: measurements of unknown indicators, of the wrong kind of unit, outside
            natural limits, or duplicated.
    """
    rows = tuple(measurements)
    validate_measurements(plan, rows)
    from gender_plan.evaluation._one_place import assess_at  # noqa: PLC0415 - needs numpy
    from gender_plan.evaluation._spec import plan_specs  # noqa: PLC0415

    date = to_date(as_of)
    assessments = assess_at(plan_specs(plan, date, method, methods), rows, place)
    targets: list[NumberedTargetAssessment] = []
    goal_summaries: list[GoalSummary] = []
    for goal in plan.goals:
        numbers: dict[str, list[str]] = {}
        for indicator in goal.indicators:
            numbers.setdefault(indicator.label, []).append(indicator.code)
        goal_targets = [NumberedTargetAssessment(
            goal=goal.code, number=number, indicators=tuple(codes),
            status=combine_statuses(assessments[code].status for code in codes))
            for number, codes in numbers.items()]
        targets.extend(goal_targets)
        goal_summaries.append(GoalSummary(goal=goal.code,
                                          summary=_summarise(goal_targets, assessments)))
    return PlanAssessment(plan=plan.code, as_of=date,
                          method=(method if method is not None else LinearPath()).name,
                          indicators=assessments, targets=tuple(targets),
                          goals=tuple(goal_summaries), summary=_summarise(targets, assessments))
