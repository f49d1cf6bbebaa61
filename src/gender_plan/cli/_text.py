"""Plain text for the terminal: an assessment table (`assess`); `show` is in `_show`.

Why no table library: the command line is part of the core, which depends only on attrs,
cattrs and pint, and these outputs are a few aligned columns; `textwrap` and a width count of
NFC-normalised text (Vietnamese letters are then one character each) are all they need.
"""

from __future__ import annotations

import shutil
import textwrap
import unicodedata
from collections.abc import Iterable, Sequence

from gender_plan.evaluation.plan_assessment import PlanAssessment
from gender_plan.evaluation.reasons import series_labels
from gender_plan.model.measurement import Measurement
from gender_plan.model.plan import Plan
from gender_plan.model.text import Language
from gender_plan.report.labels import label
from gender_plan.report.view import build_view, format_date, method_label

__all__ = ["assessment_table", "table"]


def _width() -> int:
    return max(60, min(shutil.get_terminal_size((100, 24)).columns, 140))


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def table(header: Sequence[str], rows: Sequence[Sequence[str]], *, wrap: int) -> str:
    """Columns aligned with two spaces; column `wrap` (the widest text) wraps to fit."""
    cells = [[_nfc(cell) for cell in row] for row in [header, *rows]]
    widths = [max(len(row[i]) for row in cells) for i in range(len(header))]
    others = sum(w for i, w in enumerate(widths) if i != wrap) + 2 * (len(widths) - 1)
    widths[wrap] = max(20, min(widths[wrap], _width() - others))
    lines = []
    for index, row in enumerate(cells):
        wrapped = [textwrap.wrap(cell, widths[i]) or [""] if i == wrap else [cell]
                   for i, cell in enumerate(row)]
        for depth in range(max(len(part) for part in wrapped)):
            parts = [
                (part[depth] if depth < len(part) else "").ljust(widths[i])
                for i, part in enumerate(wrapped)
            ]
            lines.append("  ".join(parts).rstrip())
        if index == 0:
            lines.append("  ".join("-" * w for w in widths))
    return "\n".join(lines)


def _heading(plan: Plan, language: Language) -> list[str]:
    draft = f" [{label('draft', language).upper()}]" if plan.is_draft else ""
    return [
        _nfc(plan.title.get(language)) + draft,
        f"{label('issuer', language)}: {plan.issuer.get(language)}",
        f"{label('period', language)}: {plan.start_year}-{plan.end_year}",
        f"{label('number', language)}: {plan.number or label('not_stated', language)}",
        f"{label('date', language)}: {format_date(plan.date, language)}",
    ]


def _wrapped(text: str, indent: str) -> list[str]:
    return textwrap.wrap(_nfc(text), _width(), initial_indent=indent,
                         subsequent_indent=indent + "  ")


def assessment_table(
    plan: Plan, assessment: PlanAssessment, language: Language = "vi",
    measurements: Iterable[Measurement] = (),
) -> str:
    """Every target's status and reasons, goal by goal, then the plan's summary.

    With the `measurements` assessed, reasons name each series by its label in `language`.
    """
    view = build_view(plan, assessment, (), language=language)  # no charts for a terminal
    named = series_labels(measurements, language)
    lines = [
        *_heading(plan, language),
        f"{label('as_of', language)}: {view.as_of}",
        f"{label('method', language)}: {method_label(assessment.method, language)}",
    ]
    for goal in view.goals:
        lines += ["", f"{label('goal', language)} {goal.code}: {goal.title}"]
        rows = [
            [row.number if row.number == row.code else row.code, row.name, row.latest_brief,
             row.target, row.status_text,
             " ".join(r.text(language, named) for r in assessment[row.code].reasons)]
            for row in goal.rows
        ]
        # A numbered target with several parts: its combined status in a row right after them.
        table_rows = []
        for row in rows:
            table_rows.append(row[:5])
            table_rows += [[combined.number, combined.text, "", "", combined.status_text]
                           for combined in goal.combined if combined.parts[-1] == row[0]]
        lines.append(table(
            [label("no", language), label("indicator", language), label("latest", language),
             label("target", language), label("status", language)],
            table_rows, wrap=1,
        ))
        for row in rows:
            lines += _wrapped(f"{row[0]}: {row[5]}", "    ")
    summary = view.plan_summary
    counts = ", ".join(f"{status.text(language)} {count}" for status, count in summary.counts
                       if count)
    lines += ["", f"{label('summary', language)} ({summary.total} "
              f"{label('targets', language).lower()}): {counts}"]
    return "\n".join(lines) + "\n"
