"""Printable reports of a plan's assessment (HTML, Markdown), and the figures behind them.

`render_report` and `write_report` need the ``report`` extra (Jinja2); the JSON and CSV forms of
an assessment (`assessment_data`, `assessment_rows`) and the number formatting need nothing more
than the core.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from gender_plan._i18n import msg
from gender_plan.errors import Problem, ValidationError
from gender_plan.numbers import format_number, format_quantity
from gender_plan.report.data import (
    ASSESSMENT_FORMAT,
    ASSESSMENT_SCHEMA_VERSION,
    assessment_data,
    assessment_rows,
)
from gender_plan.report.render import ReportFormat, escape_markdown
from gender_plan.report.view import ReportView, build_view

if TYPE_CHECKING:
    import os
    from collections.abc import Iterable

    from gender_plan.evaluation.plan_assessment import PlanAssessment
    from gender_plan.model.measurement import Measurement
    from gender_plan.model.plan import Plan
    from gender_plan.model.text import Language

__all__ = [
    "ASSESSMENT_FORMAT",
    "ASSESSMENT_SCHEMA_VERSION",
    "ReportFormat",
    "ReportView",
    "assessment_data",
    "assessment_rows",
    "build_view",
    "escape_markdown",
    "format_number",
    "format_quantity",
    "render_report",
    "report_format_for",
    "write_report",
]

_SUFFIXES: dict[str, ReportFormat] = {".html": "html", ".htm": "html", ".md": "md",
                                      ".markdown": "md"}


def render_report(
    plan: Plan,
    assessment: PlanAssessment,
    measurements: Iterable[Measurement],
    *,
    language: Language = "vi",
    report_format: ReportFormat = "html",
    parent: Plan | None = None,
    by_number: bool = False,
) -> str:
    """The report of `assessment` as one self-contained HTML page or one Markdown document.

    With `parent`, a section lists each target beside the parent plan's.
    """
    from gender_plan.report.render import render  # noqa: PLC0415 - needs the report extra

    view = build_view(plan, assessment, measurements, language=language, parent=parent,
                      by_number=by_number)
    return render(view, report_format)


def report_format_for(path: str | os.PathLike[str]) -> ReportFormat:
    """The report format a file name asks for: ``.html``/``.htm`` or ``.md``/``.markdown``.

    Raises:
        ValidationError: for any other suffix.
    """
    suffix = Path(path).suffix.lower()
    if suffix not in _SUFFIXES:
        raise ValidationError(
            [Problem(message=msg("cannot tell the report format from the suffix {suffix!r}",
                                 suffix=suffix),
                     file=str(path), hint=msg("name the file *.html or *.md"))],
            subject="report's file name",
        )
    return _SUFFIXES[suffix]


def write_report(
    plan: Plan,
    assessment: PlanAssessment,
    measurements: Iterable[Measurement],
    path: str | os.PathLike[str],
    *,
    language: Language = "vi",
    parent: Plan | None = None,
    by_number: bool = False,
) -> Path:
    """Write the report to `path` atomically, in the format its suffix names; return the path.

    With `parent`, a section lists each target beside the parent plan's.
    """
    from gender_plan.io._atomic import write_bytes_atomic  # noqa: PLC0415

    report_format = report_format_for(path)
    text = render_report(plan, assessment, measurements, language=language,
                         report_format=report_format, parent=parent, by_number=by_number)
    write_bytes_atomic(path, text.encode("utf-8"))
    return Path(path)
