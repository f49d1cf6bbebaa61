"""The reporting year's commands: the workbook, the record of activities, Word and PDF reports.

`template` writes the workbook, `validate` checks its record of activities, and `report` writes
the Word (.docx) and PDF forms here.
"""

from __future__ import annotations

import argparse
import datetime
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from gender_plan._i18n import Language, NumberText, msg, render
from gender_plan.errors import Problem, ValidationError

if TYPE_CHECKING:
    from gender_plan.model.activity import Activity
    from gender_plan.model.plan import Plan

__all__ = ["OFFICE_SUFFIXES", "activities_for", "calendar_notes", "office_report", "template"]

OFFICE_SUFFIXES = (".docx", ".pdf")
"""The report formats this module writes (the others are `gender_plan.report`'s)."""


def activities_for(args: argparse.Namespace, plan: Plan | None) -> tuple[Activity, ...] | None:
    """The record named by ``--activities``, else the MEASUREMENTS workbook's; None if neither."""
    from gender_plan.io.activities import has_activities, load_activities  # noqa: PLC0415

    if args.activities is not None:
        return load_activities(args.activities, plan=plan)
    measurements = getattr(args, "measurements", None)
    if measurements is not None and has_activities(measurements):
        return load_activities(measurements, plan=plan)
    return None


def calendar_notes(plan: Plan, activities: tuple[Activity, ...],
                   as_of: datetime.date | int | None, language: Language) -> list[str]:
    """A note for every year, up to `as_of`, whose events have no activity recorded.

    Each note is one line in `language`; the event is named as the plan names it (Vietnamese).
    """
    from gender_plan.implementation import calendar_gaps  # noqa: PLC0415

    date = (datetime.date(as_of, 12, 31) if isinstance(as_of, int)
            else as_of or datetime.date.today())
    years = [y for y in range(plan.start_year, min(plan.end_year, date.year) + 1)
             if any(a.first_day.year <= y for a in activities)]
    gaps = [g for g in calendar_gaps(plan, activities, years) if g.last_day <= date]
    return [render(msg("note: {note}", note=gap.problem(plan, "vi").message), language)
            for gap in gaps]


def template(args: argparse.Namespace) -> int:
    """Write the measurement workbook."""
    import gender_plan  # noqa: PLC0415
    from gender_plan.io.places import load_places  # noqa: PLC0415
    from gender_plan.io.workbook import parse_years, write_workbook  # noqa: PLC0415

    out = Path(args.out)
    if out.suffix.lower() != ".xlsx":
        raise ValidationError([Problem(file=str(out),
                                       message=msg("the workbook must be a .xlsx file"),
                                       hint=msg("name it FILE.xlsx"))], subject="output file")
    if out.exists() and not args.force:
        raise ValidationError([Problem(file=str(out), message=msg("the file exists already"),
                                       hint=msg("choose another name, or add --force to "
                                                "overwrite it (its figures would be lost)"))],
                              subject="output file")
    years = parse_years(args.years) if args.years is not None else None
    places: tuple[str, ...] = ()
    if args.places is not None:
        # The places that collect figures: those with no place below them (the communes of a
        # district), as `portfolio` assesses from their own rows.
        hierarchy = load_places(args.places)
        places = tuple(p.code for p in hierarchy.places if not hierarchy.children(p.code))
    plan = gender_plan.load_plan(args.plan)
    rows = write_workbook(plan, out, years=years, places=places)
    print(render(msg("{file}: workbook written ({rows} rows to fill in, {tasks} tasks, {units} "
                     "units; {size} bytes)", file=str(out), rows=rows, tasks=len(plan.tasks),
                     units=len(plan.units), size=NumberText(out.stat().st_size)), args.lang))
    print(render(msg("fill it in, then run: gender-plan validate {plan} {file}", plan=args.plan,
                     file=str(out)), args.lang))
    return 0


def office_report(args: argparse.Namespace) -> int:
    """Write the results report as .docx, or the HTML report printed to .pdf."""
    import gender_plan  # noqa: PLC0415
    from gender_plan.cli._commands import _method  # noqa: PLC0415
    from gender_plan.report.kinds import ReportKind, report_period  # noqa: PLC0415

    suffix = Path(args.out).suffix.lower()
    plan = gender_plan.load_plan(args.plan)
    measurements = tuple(gender_plan.load_measurements(args.measurements, plan=plan))
    period = report_period(plan, ReportKind(args.kind), args.as_of)
    assessment = gender_plan.assess_plan(plan, measurements, as_of=period.as_of,
                                         method=_method(args.method), place=args.place)
    if suffix == ".pdf":
        from gender_plan.report import render_report  # noqa: PLC0415
        from gender_plan.report._pdf import chromium, html_to_pdf  # noqa: PLC0415

        chromium()  # a missing browser fails before any work
        html = render_report(plan, assessment, measurements, language=args.lang)
        path = html_to_pdf(html, args.out)
    else:
        from gender_plan.report.docx import write_docx  # noqa: PLC0415

        activities = activities_for(args, plan) or ()
        path = write_docx(plan, assessment, measurements, activities, args.out, period=period,
                          language=args.lang)
        for note in calendar_notes(plan, activities, period.as_of, args.lang):
            print(note, file=sys.stderr)
    print(render(msg("{file}: report written ({size} bytes)", file=str(path),
                     size=NumberText(path.stat().st_size)), args.lang))
    return 0
