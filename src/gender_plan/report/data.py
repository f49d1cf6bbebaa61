"""An assessment as plain data for other tools: a stable JSON document and flat CSV rows.

The JSON document's shape is versioned: `ASSESSMENT_FORMAT` names it and
`ASSESSMENT_SCHEMA_VERSION` changes only when a field is removed or changes meaning (adding a
field does not). The fields are documented in ``docs/reference/cli.md``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from gender_plan.evaluation.assessment import Assessment, Observation, flat_figures
from gender_plan.evaluation.plan_assessment import PlanAssessment, Summary
from gender_plan.evaluation.reasons import series_labels
from gender_plan.model.measurement import Measurement
from gender_plan.model.plan import Plan
from gender_plan.model.target import Target
from gender_plan.model.text import Language

__all__ = [
    "ASSESSMENT_FORMAT",
    "ASSESSMENT_SCHEMA_VERSION",
    "CSV_COLUMNS",
    "assessment_data",
    "assessment_rows",
    "neutralise_cell",
]

ASSESSMENT_FORMAT = "gender-plan/assessment"
"""The value of the document's ``format`` key."""
ASSESSMENT_SCHEMA_VERSION = 1
"""The version of the document's shape."""

CSV_COLUMNS = (
    "goal", "number", "indicator", "name", "unit", "status", "status_text", "comparator",
    "target", "deadline", "baseline", "baseline_period", "latest", "latest_period",
    "latest_source", "series", "gap", "ratio", "score", "expected", "projected", "reasons",
)
"""The columns of `assessment_rows`, in order."""

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise_cell(value: object) -> object:
    """Make a text cell that a spreadsheet would run as a formula read as text (prefix ``'``).

    Numbers pass through: a negative number is data, not a formula.
    """
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def _summary(summary: Summary) -> dict[str, Any]:
    return {
        "total": summary.total,
        "counts": {status.value: count for status, count in summary.counts},
        "mean_score": summary.mean_score,
    }


def _observation(found: Observation | None) -> dict[str, Any] | None:
    if found is None:
        return None
    return {
        "value": found.value,
        "period": str(found.period),
        "series": found.series,
        "source": found.source,
        "stated": found.stated,
    }


def _target(target: Target | None, plan: Plan) -> dict[str, Any] | None:
    if target is None:
        return None
    return {
        "comparator": target.comparator.value,
        "value": target.value,
        "unit": target.unit,
        "year": plan.deadline(target),
        "kind": target.kind.value,
        "tolerance": target.tolerance,
        "start_year": target.start_year,
        "frequency": target.frequency.value if target.frequency is not None else None,
    }


def _indicator(plan: Plan, goal: str, number: str, found: Assessment,
               named: Mapping[str, Mapping[str, str]]) -> dict[str, Any]:
    return {
        "code": found.indicator,
        "goal": goal,
        "number": number,
        "status": found.status.value,
        "status_text": {"vi": found.status.text("vi"), "en": found.status.text("en")},
        "method": found.method,
        "unit": found.unit,
        "target": _target(found.target, plan),
        "other_targets": [_target(other, plan) for other in found.other_targets],
        "deadline": found.deadline,
        "target_value": found.target_value,
        "baseline": _observation(found.baseline),
        "latest": _observation(found.latest),
        "series": found.series,
        "gap": found.gap,
        "ratio": found.ratio,
        "score": found.score,
        "expected": found.expected,
        "projected": found.projected,
        "failing_periods": [str(period) for period in found.failing_periods],
        "reasons": [
            {"code": reason.code.value, "detail": reason.detail,
             "text": {"vi": reason.text("vi", named["vi"]),
                      "en": reason.text("en", named["en"])}}
            for reason in found.reasons
        ],
    }


def assessment_data(plan: Plan, assessment: PlanAssessment,
                    measurements: Iterable[Measurement] = ()) -> dict[str, Any]:
    """The assessment as a JSON-ready document (see the module docstring for its stability).

    With the `measurements` assessed, reasons name each series by its label in each language.
    """
    rows = tuple(measurements)
    named = {language: series_labels(rows, language) for language in ("vi", "en")}
    indicators = [
        _indicator(plan, goal.code, indicator.label, assessment[indicator.code], named)
        for goal, indicator in plan.indicators()
    ]
    return {
        "format": ASSESSMENT_FORMAT,
        "schema_version": ASSESSMENT_SCHEMA_VERSION,
        "plan": {
            "code": plan.code,
            "title": {"vi": plan.title.vi, "en": plan.title.en},
            "start_year": plan.start_year,
            "end_year": plan.end_year,
            "number": plan.number,
            "draft": plan.is_draft,
        },
        "as_of": assessment.as_of.isoformat(),
        "method": assessment.method,
        "summary": _summary(assessment.summary),
        "goals": [
            {"code": goal.goal, "summary": _summary(goal.summary)} for goal in assessment.goals
        ],
        "targets": [
            {"goal": target.goal, "number": target.number, "status": target.status.value,
             "indicators": list(target.indicators)}
            for target in assessment.targets
        ],
        "indicators": indicators,
    }


def assessment_rows(
    plan: Plan, assessment: PlanAssessment, *, language: Language = "vi",
    measurements: Iterable[Measurement] = (),
) -> list[dict[str, object]]:
    """One flat row per indicator (`CSV_COLUMNS`), text cells neutralised against formulas.

    With the `measurements` assessed, reasons name each series and `latest_source` the source
    by their labels in `language`.
    """
    from gender_plan.report.appendix import source_text  # noqa: PLC0415 - a report module

    given = tuple(measurements)
    named = series_labels(given, language)
    rows = []
    for goal, indicator in plan.indicators():
        found = assessment[indicator.code]
        target = found.target
        row: dict[str, object] = {
            "goal": goal.code,
            "number": indicator.label,
            "indicator": indicator.code,
            "name": indicator.name.get(language),
            "unit": found.unit,
            "status": found.status.value,
            "status_text": found.status.text(language),
            "comparator": target.comparator.value if target is not None else None,
            "target": found.target_value,
            **flat_figures(found),
            "latest_source": source_text(found.latest.source, given, language)
            if found.latest else None,
            "reasons": " ".join(reason.text(language, named) for reason in found.reasons),
        }
        rows.append({key: neutralise_cell(row[key]) for key in CSV_COLUMNS})
    return rows
