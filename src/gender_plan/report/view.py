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
from gender_plan.evaluation.reasons import series_labels
from gender_plan.evaluation.status import Status
from gender_plan.model.indicator import Indicator
from gender_plan.model.measurement import Measurement
from gender_plan.model.plan import Plan
from gender_plan.model.target import TargetKind
from gender_plan.model.text import Language
from gender_plan.numbers import format_number, format_quantity
from gender_plan.report._format import format_date, target_text
from gender_plan.report.appendix import (
    AppendixSection,
    IndicatorFacts,
    MeasuredValue,
    SignatureView,
    appendix,
    indicator_facts,
    measured_values,
    signature,
    source_text,
)
from gender_plan.report.chart import Chart, Timeline, render_svg, render_timeline
from gender_plan.report.labels import label, labels

if TYPE_CHECKING:
    from gender_plan.report.parent import ParentView

__all__ = [
    "CombinedRow",
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
    facts: IndicatorFacts | None = None
    """What the indicator measures: definition, unit, series and sources."""
    values: tuple[MeasuredValue, ...] = ()
    """Every measured value of the indicator, by sex where the data are disaggregated."""


@attrs.frozen(kw_only=True)
class CombinedRow:
    """A numbered target with several measurable parts: its status, beside its parts' rows."""

    number: str
    parts: tuple[str, ...]
    """The codes of the parts ("3.2a", "3.2b")."""
    status: Status
    status_text: str
    text: str
    """What the row says: "3.2a + 3.2b: the numbered target, achieved only when every part is"."""


@attrs.frozen(kw_only=True)
class GoalView:
    """One goal: its title, its summary and its targets."""

    code: str
    title: str
    field: str
    summary: SummaryView
    rows: tuple[TargetRow, ...]
    combined: tuple[CombinedRow, ...] = ()
    """The combined status of each numbered target with more than one part."""


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
    appendix: tuple[AppendixSection, ...] = ()
    """The whole plan, part by part, as `gender-plan show` prints it."""
    signature: SignatureView | None = None
    """The plan's signature block and recipients."""
    parent: ParentView | None = None
    """Each target beside its parent plan's, when a parent plan was given."""


def method_label(name: str, language: Language) -> str:
    """The `label` of the shipped method called `name`; any other method keeps its own name.

    Only the name is known here (an assessment records no more), so a user-defined method shows
    its name even if it defines a label: use `method.label.get(language)` where you hold it.
    """
    method = _METHODS.get(name)
    return name if method is None else method.label.get(language)


def _summary(title: str, summary: Summary, language: Language) -> SummaryView:
    score = summary.mean_score
    return SummaryView(
        title=title,
        counts=summary.counts,
        total=summary.total,
        mean_score=None if score is None else format_number(score, language),
    )


def _observation(
    assessment: Assessment, which: str, unit: str, language: Language, *, brief: bool = False,
    measurements: Iterable[Measurement] = (),
) -> str:
    found = getattr(assessment, which)
    if found is None:
        return label("not_stated", language)
    parts = [str(found.period)]
    if found.stated:
        parts.append(label("stated", language))
    elif found.source and not brief:
        parts.append(source_text(found.source, measurements, language) or found.source)
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
    named = series_labels((m for m in measurements if m.indicator == indicator.code), language)
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
                title=f"{indicator.label} {indicator.title.get(language)}",
            ),
            language,
        )
    if indicator.is_yes_no and assessment.deadline is not None:
        facts = sorted(
            (row.period.time, row.value) for row in measurements
            if row.indicator == indicator.code and isinstance(row.value, bool)
            and row.sex is None and row.period.end <= assessment.as_of
        )
        if facts:
            chart = render_timeline(
                Timeline(points=tuple(facts), deadline=float(assessment.deadline),
                         title=f"{indicator.label} {indicator.title.get(language)}"),
                language,
            )
    expected = None
    if assessment.expected is not None:
        expected = format_quantity(assessment.expected, unit, language)
    return TargetRow(
        number=indicator.label,
        code=indicator.code,
        name=indicator.title.get(language),
        baseline=_observation(assessment, "baseline", unit, language,
                              measurements=measurements),
        latest=_observation(assessment, "latest", unit, language, measurements=measurements),
        latest_brief=_observation(assessment, "latest", unit, language, brief=True),
        target=(label("not_stated", language) if target is None
                else target_text(plan, indicator, target, language)),
        other_targets=tuple(
            target_text(plan, indicator, other, language) for other in assessment.other_targets
        ),
        status=assessment.status,
        status_text=assessment.status.text(language),
        reasons=tuple(reason.text(language, named) for reason in assessment.reasons),
        measurements="; ".join(
            f"{period}: {format_quantity(value, unit, language)}" for _, value, period in series
        ),
        expected=expected,
        chart=chart,
        facts=indicator_facts(indicator, measurements, assessment.series, language),
        values=measured_values(indicator, measurements, language),
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
                combined=tuple(
                    CombinedRow(
                        number=numbered.number,
                        parts=numbered.indicators,
                        status=numbered.status,
                        status_text=numbered.status.text(language),
                        text=f"{' + '.join(numbered.indicators)}: {label('all_parts', language)}",
                    )
                    for numbered in assessment.targets
                    if numbered.goal == goal.code and len(numbered.indicators) > 1
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
        number=plan.printed_number,
        date=format_date(plan.date, language),
        draft=plan.is_draft,
        as_of=(as_of.isoformat() if language == "en"
               else f"{as_of.day:02d}/{as_of.month:02d}/{as_of.year}"),
        method=method_label(assessment.method, language),
        plan_summary=_summary(label("plan_total", language), assessment.summary, language),
        goals=tuple(goals),
        statuses=tuple((status, status.text(language)) for status in Status),
        labels=labels(language),
        appendix=appendix(plan, language),
        signature=signature(plan, language),
        parent=None if parent is None else _parent_view(plan, parent, by_number=by_number,
                                                        language=language),
    )


def _parent_view(plan: Plan, parent: Plan, *, by_number: bool,
                 language: Language) -> ParentView:
    from gender_plan.report.parent import parent_view  # noqa: PLC0415 - it imports this module

    return parent_view(plan, parent, by_number=by_number, language=language)
