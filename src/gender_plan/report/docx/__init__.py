"""The results report as a Word document (``.docx``), behind the ``word`` extra (python-docx).

`write_docx` writes the report of an assessment and a record of activities for a report period
(`gender_plan.report.kinds`) in the layout of Decree 30/2020/NĐ-CP; `results_report` gives what
it says as data, for any other layout.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import TYPE_CHECKING

from gender_plan._i18n import msg
from gender_plan.io._atomic import write_bytes_atomic
from gender_plan.io._extras import require
from gender_plan.report.docx._content import ResultsReport, Section, Table, results_report
from gender_plan.report.docx._layout import FONT, layout

if TYPE_CHECKING:
    import os
    from collections.abc import Iterable

    from gender_plan.evaluation.plan_assessment import PlanAssessment
    from gender_plan.model.activity import Activity
    from gender_plan.model.measurement import Measurement
    from gender_plan.model.plan import Plan
    from gender_plan.model.text import Language
    from gender_plan.report.kinds import ReportPeriod

__all__ = ["FONT", "ResultsReport", "Section", "Table", "results_report", "write_docx"]


def write_docx(
    plan: Plan,
    assessment: PlanAssessment,
    measurements: Iterable[Measurement],
    activities: Iterable[Activity],
    path: str | os.PathLike[str],
    *,
    period: ReportPeriod,
    language: Language = "vi",
    year_of_issue: int | None = None,
) -> Path:
    """Write the results report to `path` (``.docx``) atomically; return the path.

    Raises:
        MissingDependencyError: without python-docx (``pip install 'gender-plan[word]'``).
    """
    docx = require("docx", package="python-docx", extra="word",
                   feature=msg("Writing a Word report"))
    for part in ("shared", "enum.text", "enum.table", "oxml", "oxml.ns"):
        require(f"docx.{part}", package="python-docx", extra="word",
                feature=msg("Writing a Word report"))
    report = results_report(plan, assessment, measurements, activities, period,
                            language=language, year_of_issue=year_of_issue)
    buffer = io.BytesIO()
    layout(report, docx).save(buffer)
    write_bytes_atomic(path, buffer.getvalue())
    return Path(path)
