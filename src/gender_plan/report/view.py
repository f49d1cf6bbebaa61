"""What a report shows, worked out once for every output format: text in one language.

The HTML and Markdown templates only lay this out; every number is already written in the
report's language and every chart drawn, so the two formats cannot disagree.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

import attrs

from gender_plan import units
from gender_plan.evaluation.assessment import Assessment
from gender_plan.evaluation.growth import GrowthRatio
from gender_plan.evaluation.linear import LinearPath
from gender_plan.evaluation.method import Method
from gender_plan.evaluation.plan_assessment import PlanAssessment, Summary
from gender_plan.evaluation.projection import Projection
from gender_plan.evaluation.status import Status
from gender_plan.model.indicator import Indicator
from gender_plan.model.measurement import Measurement
from gender_plan.model.period import PartialDate
from gender_plan.model.plan import Plan
from gender_plan.model.target import Target, TargetKind
from gender_plan.model.text import Language
from gender_plan.numbers import format_number, format_quantity
from gender_plan.report.chart import Chart, render_svg
from gender_plan.report.labels import label, labels

if TYPE_CHECKING:
    from gender_plan.report.parent import ParentView

__all__ = [
    "GoalView",
    "ReportView",
    "SummaryView",
    "TargetRow",
    "build_view",
    "format_date",
    "method_label",
    "target_text",
]

# An assessment records only its method's name, so the shipped methods are looked up by it.
_METHODS: dict[str, Method] = {
    method.name: method for method in (LinearPath(), GrowthRatio(), Projection())
}
_MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August",
              "September", "October", "November", "December")


@attrs.frozen(kw_only=True)
class SummaryView:
    """Statuses counted for a goal or for the whole plan."""

    title: str
    counts: tuple[tuple[Status, int], ...]
    """(status, count) for every status, in the vocabulary's order."""
    total: int
    mean_score: str | None = None


@attrs.frozen(kw_only=True)
class TargetRow:
    """One indicator's line in a goal's table."""

    number: str
    """The plan's numbering of the target ("3.2"); two-part targets share it."""
    code: str
    name: str
    baseline: str
    latest: str
    latest_brief: str
    """The latest value and its period, without the source (for narrow tables)."""
    target: str
    other_targets: tuple[str, ...]
    status: Status
    status_text: str
    reasons: tuple[str, ...]
    measurements: str
    """The values the chart draws, as text (for Markdown, which has no charts)."""
    expected: str | None = None
    """The value expected now on the linear path, where the method computes one."""
    chart: str | None = None
    """An inline SVG, for numeric targets with data."""


@attrs.frozen(kw_only=True)
class GoalView:
    """One goal: its title, its summary and its targets."""

    code: str
    title: str
    field: str
    summary: SummaryView
    rows: tuple[TargetRow, ...]


@attrs.frozen(kw_only=True)
class ReportView:
    """The whole report in one language."""

    language: Language
    title: str
    issuer: str
    place: str
    period: str
    number: str | None
    date: str
    draft: bool
    as_of: str
    method: str
    plan_summary: SummaryView
    goals: tuple[GoalView, ...]
    statuses: tuple[tuple[Status, str], ...]
    """Every status with its text, for the legend."""
    labels: dict[str, str] = attrs.field(hash=False)
    parent: ParentView | None = None
    """Each target beside its parent plan's, when a parent plan was given."""


def method_label(name: str, language: Language) -> str:
    """The `label` of the shipped method called `name`; any other method keeps its own name.

    Only the name is known here (an assessment records no more), so a user-defined method shows
    its name even if it defines a label: use `method.label.get(language)` where you hold it.
    """
    method = _METHODS.get(name)
    return name if method is None else method.label.get(language)


def format_date(date: PartialDate, language: Language) -> str:
    """``ngày 7 tháng 5 năm 2026`` / ``7 May 2026``; a draft's missing day is left out."""
    if language == "en":
        month = f"{_MONTHS_EN[date.month - 1]} " if date.month is not None else ""
        day = f"{date.day} " if date.day is not None else ""
        return f"{day}{month}{date.year}"
    day = f"ngày {date.day} " if date.day is not None else ""
    month = f"tháng {date.month} " if date.month is not None else ""
    return f"{day}{month}năm {date.year}"


def _summary(title: str, summary: Summary, language: Language) -> SummaryView:
    score = summary.mean_score
    return SummaryView(
        title=title,
        counts=summary.counts,
        total=summary.total,
        mean_score=None if score is None else format_number(score, language),
    )


def target_text(plan: Plan, indicator: Indicator, target: Target, language: Language) -> str:
    """A target as a reader expects it: ``≥ 60% (đến năm 2030)``, ``= 100% (mỗi năm, từ 2025)``."""
    value = format_quantity(indicator.target_value(target), indicator.unit, language)
    text = f"{target.comparator.symbol} {value}"
    if target.comparator.name == "ABOUT" and target.tolerance is not None:
        text += f" ± {format_number(target.tolerance, language)}"
    if target.kind in (TargetKind.HOLD, TargetKind.COUNT_PER_PERIOD):
        frequency = target.frequency.value if target.frequency is not None else "year"
        start = target.start_year if target.start_year is not None else plan.start_year
        return (f"{text} ({label('every', language)} {label(frequency, language)}, "
                f"{label('from_year', language)} {start})")
    return f"{text} ({label('by', language)} {plan.deadline(target)})"


def _observation(
    assessment: Assessment, which: str, unit: str, language: Language, *, brief: bool = False
) -> str:
    found = getattr(assessment, which)
    if found is None:
        return label("not_stated", language)
    parts = [str(found.period)]
    if found.stated:
        parts.append(label("stated", language))
    elif found.source and not brief:
        parts.append(found.source)
    return f"{format_quantity(found.value, unit, language)} ({', '.join(parts)})"


def _series(
    indicator: Indicator, assessment: Assessment, measurements: Iterable[Measurement]
) -> tuple[tuple[float, float, str], ...]:
    """The measured values the assessment used: its series, totals, up to its date."""
    points = []
    for row in measurements:
        if (row.indicator != indicator.code or row.sex is not None
                or row.series != assessment.series or isinstance(row.value, bool)
                or row.period.end > assessment.as_of):
            continue
        value = units.convert(row.value, row.unit or indicator.unit, indicator.unit)
        points.append((row.period.time, value, str(row.period)))
    return tuple(sorted(points))


def _row(
    plan: Plan,
    indicator: Indicator,
    assessment: Assessment,
    measurements: tuple[Measurement, ...],
    language: Language,
) -> TargetRow:
    unit = indicator.unit
    series = _series(indicator, assessment, measurements)
    target = assessment.target
    chart = None
    numeric = (
        target is not None
        and isinstance(assessment.target_value, int | float)
        and not isinstance(assessment.target_value, bool)
    )
    if numeric and series and assessment.deadline is not None:
        baseline = assessment.baseline
        start = None
        if (target is not None and target.kind is TargetKind.REACH and baseline is not None
                and not isinstance(baseline.value, bool)):
            start = (baseline.period.time, float(baseline.value))
        chart = render_svg(
            Chart(
                points=tuple((t, v) for t, v, _ in series),
                target=float(assessment.target_value),  # type: ignore[arg-type]
                deadline=float(assessment.deadline),
                baseline=start,
                title=f"{indicator.label} {indicator.name.get(language)}",
            ),
            language,
        )
    expected = None
    if assessment.expected is not None:
        expected = format_quantity(assessment.expected, unit, language)
    return TargetRow(
        number=indicator.label,
        code=indicator.code,
        name=indicator.name.get(language),
        baseline=_observation(assessment, "baseline", unit, language),
        latest=_observation(assessment, "latest", unit, language),
        latest_brief=_observation(assessment, "latest", unit, language, brief=True),
        target=(label("not_stated", language) if target is None
                else target_text(plan, indicator, target, language)),
        other_targets=tuple(
            target_text(plan, indicator, other, language) for other in assessment.other_targets
        ),
        status=assessment.status,
        status_text=assessment.status.text(language),
        reasons=tuple(reason.text(language) for reason in assessment.reasons),
        measurements="; ".join(
            f"{period}: {format_quantity(value, unit, language)}" for _, value, period in series
        ),
        expected=expected,
        chart=chart,
    )


def build_view(
    plan: Plan,
    assessment: PlanAssessment,
    measurements: Iterable[Measurement],
    *,
    language: Language = "vi",
    parent: Plan | None = None,
    by_number: bool = False,
) -> ReportView:
    """Work out everything a report of `assessment` shows, in `language`.

    With `parent`, the report also lists each target beside the parent plan's (matching
    indicators by plan numbering too with `by_number`; see `gender_plan.traceability`).
    """
    rows = tuple(measurements)
    goals = []
    for goal, summary in zip(plan.goals, assessment.goals, strict=True):
        goals.append(
            GoalView(
                code=goal.code,
                title=goal.title.get(language),
                field=goal.field.label.get(language),
                summary=_summary(f"{label('goal', language)} {goal.code}", summary.summary,
                                 language),
                rows=tuple(
                    _row(plan, indicator, assessment[indicator.code], rows, language)
                    for indicator in goal.indicators
                ),
            )
        )
    as_of = assessment.as_of
    return ReportView(
        language=language,
        title=plan.title.get(language),
        issuer=plan.issuer.get(language),
        place=plan.place.get(language),
        period=f"{plan.start_year}-{plan.end_year}",
        number=plan.number,
        date=format_date(plan.date, language),
        draft=plan.is_draft,
        as_of=(as_of.isoformat() if language == "en"
               else f"{as_of.day:02d}/{as_of.month:02d}/{as_of.year}"),
        method=method_label(assessment.method, language),
        plan_summary=_summary(label("plan_total", language), assessment.summary, language),
        goals=tuple(goals),
        statuses=tuple((status, status.text(language)) for status in Status),
        labels=labels(language),
        parent=None if parent is None else _parent_view(plan, parent, by_number=by_number,
                                                        language=language),
    )


def _parent_view(plan: Plan, parent: Plan, *, by_number: bool,
                 language: Language) -> ParentView:
    from gender_plan.report.parent import parent_view  # noqa: PLC0415 - it imports this module

    return parent_view(plan, parent, by_number=by_number, language=language)
