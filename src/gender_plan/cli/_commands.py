"""What each command does: read files through the io layer, call the library, print."""

from __future__ import annotations

import argparse
import csv
import datetime
import io
import json
import sys
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from gender_plan._i18n import NumberText, msg, render
from gender_plan.cli import ERROR, WARNING
from gender_plan.cli._console import write_data
from gender_plan.cli._reporting import (
    OFFICE_SUFFIXES,
    activities_for,
    calendar_notes,
    office_report,
    template,
)
from gender_plan.errors import GenderPlanError, Problem, ValidationError

if TYPE_CHECKING:
    from gender_plan.evaluation.method import Method
    from gender_plan.evaluation.plan_assessment import PlanAssessment
    from gender_plan.model.measurement import Measurement
    from gender_plan.model.plan import Plan

__all__ = ["COMMANDS", "NATIONAL", "TEMPLATE"]

TEMPLATE = "laikhe_2026_2030.yaml"
"""The plan `new` starts from by default, shipped in ``gender_plan/templates``."""
NATIONAL = "national_strategy_2021_2030.yaml"
"""The national strategy's milestone targets, shipped in ``gender_plan/templates``."""


def _template(name: str) -> Plan:
    """A plan shipped in ``gender_plan/templates``."""
    import gender_plan  # noqa: PLC0415

    template = resources.files("gender_plan").joinpath("templates", name)
    with resources.as_file(template) as path:
        return gender_plan.load_plan(path)


def _method(name: str) -> Method:
    from gender_plan.evaluation import GrowthRatio, LinearPath, Projection  # noqa: PLC0415

    methods: dict[str, type[Method]] = {
        "linear": LinearPath, "growth": GrowthRatio, "projection": Projection,
    }
    return methods[name]()


def _load(args: argparse.Namespace) -> tuple[Plan, tuple[Measurement, ...], PlanAssessment]:
    import gender_plan  # noqa: PLC0415 - keeps `gender-plan --help` fast

    plan = gender_plan.load_plan(args.plan)
    measurements = tuple(gender_plan.load_measurements(args.measurements, plan=plan,
                                                       decimal=args.decimal))
    as_of = args.as_of if args.as_of is not None else datetime.date.today()
    assessment = gender_plan.assess_plan(
        plan, measurements, as_of=as_of, method=_method(args.method), place=args.place
    )
    return plan, measurements, assessment


def validate(args: argparse.Namespace) -> int:
    """Check the plan and the measurements; list every problem of both."""
    import gender_plan  # noqa: PLC0415
    from gender_plan._wording import check_wording  # noqa: PLC0415

    language = args.lang
    errors: list[GenderPlanError] = []
    plan = measurements = None
    try:
        plan = gender_plan.load_plan(args.plan)
    except GenderPlanError as error:
        errors.append(error)
    if args.measurements is not None:
        try:
            # With the plan, every problem of a row comes back with its file, line and column.
            measurements = tuple(gender_plan.load_measurements(
                args.measurements, plan=plan, decimal=args.decimal))
        except GenderPlanError as error:
            errors.append(error)
    activities = None
    # The workbook's own record is looked for only in a workbook that was read without problems.
    if args.activities is not None or measurements is not None:
        try:
            activities = activities_for(args, plan)
        except GenderPlanError as error:
            errors.append(error)
    if errors:
        for found in errors:
            print(f"{render(ERROR, language)}: {found.render(language)}", file=sys.stderr)
        return 2
    assert plan is not None
    for problem in check_wording(plan):
        print(f"{render(WARNING, language)}: {args.plan} {problem.render(language)}",
              file=sys.stderr)
    indicators = sum(1 for _ in plan.indicators())
    text = msg("{file}: plan {code!r} is valid ({goals} goals, {indicators} indicators, "
               "{tasks} tasks)", file=args.plan, code=plan.code, goals=len(plan.goals),
               indicators=indicators, tasks=len(plan.tasks))
    line = render(text, language)
    if plan.is_draft:
        line += render(msg("; it is a draft (no number or day of issue yet)"), language)
    print(line)
    if measurements is not None:
        print(render(msg("{file}: {count} measurements fit the plan", file=args.measurements,
                         count=len(measurements)), language))
    if activities is not None:
        print(render(msg("{file}: {count} activities fit the plan",
                         file=args.activities or args.measurements, count=len(activities)),
                     language))
        for note in calendar_notes(plan, activities, args.as_of, language):
            print(note)
    return 0


def show(args: argparse.Namespace) -> int:
    """Print the plan."""
    import gender_plan  # noqa: PLC0415
    from gender_plan.report.document import plan_text  # noqa: PLC0415

    sys.stdout.write(plan_text(gender_plan.load_plan(args.plan), args.lang, args.section))
    return 0


def assess(args: argparse.Namespace) -> int:
    """Print every target's status and reasons as a table, JSON or CSV."""
    plan, measurements, assessment = _load(args)
    if args.output_format == "json":
        from gender_plan.report.data import assessment_data  # noqa: PLC0415

        write_data(json.dumps(assessment_data(plan, assessment, measurements),
                              ensure_ascii=False, indent=2) + "\n")
    elif args.output_format == "csv":
        from gender_plan.report.data import CSV_COLUMNS, assessment_rows  # noqa: PLC0415

        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=CSV_COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(assessment_rows(plan, assessment, language=args.lang,
                                         measurements=measurements))
        write_data(buffer.getvalue(), bom=True)  # Excel reads UTF-8 only after a BOM
    else:
        from gender_plan.cli._text import assessment_table  # noqa: PLC0415

        sys.stdout.write(assessment_table(plan, assessment, args.lang, measurements))
    return 0


def report(args: argparse.Namespace) -> int:
    """Write the HTML or Markdown report."""
    from gender_plan.report import report_format_for, write_report  # noqa: PLC0415
    from gender_plan.report.kinds import ReportKind, report_period  # noqa: PLC0415

    suffix = Path(args.out).suffix.lower()
    if suffix in OFFICE_SUFFIXES:
        return office_report(args)
    if suffix not in (".html", ".htm", ".md", ".markdown"):
        raise ValidationError(
            [Problem(message=msg("cannot tell the report format from the suffix {suffix!r}",
                                 suffix=suffix),
                     file=str(args.out), hint=msg("name the file *.html, *.md, *.docx or *.pdf"))],
            subject="report's file name")
    report_format_for(args.out)  # a wrong suffix fails before any work
    if args.kind != "annual":  # a review's data are taken at the end of its period
        import gender_plan  # noqa: PLC0415

        review = report_period(gender_plan.load_plan(args.plan), ReportKind(args.kind),
                               args.as_of)
        args.as_of = review.as_of
    plan, measurements, assessment = _load(args)
    parent = None
    if args.parent is not None:
        from gender_plan.cli._trace import load_parent  # noqa: PLC0415

        parent = load_parent(args.parent)
    path = write_report(plan, assessment, measurements, args.out, language=args.lang,
                        parent=parent, by_number=args.by_number)
    print(render(msg("{file}: report written ({size} bytes)", file=str(path),
                     size=NumberText(path.stat().st_size)), args.lang))
    return 0


def new(args: argparse.Namespace) -> int:
    """Start another commune's plan file."""
    import gender_plan  # noqa: PLC0415
    from gender_plan.cli._new import TO_FILL, derive_plan, with_placeholders  # noqa: PLC0415
    from gender_plan.io._atomic import write_bytes_atomic  # noqa: PLC0415
    from gender_plan.io.plan_files import format_of  # noqa: PLC0415

    out = Path(args.out)
    if out.exists() and not args.force:
        raise ValidationError(
            [Problem(message=msg("the file exists already"), file=str(out),
                     hint=msg("choose another name, or add --force to overwrite it"))],
            subject="output file",
        )
    file_format = format_of(out)  # a wrong suffix fails before any work
    if args.national:
        from gender_plan.cli._new import derive_province  # noqa: PLC0415

        if args.source is not None:
            raise ValidationError(
                [Problem(message=msg("both --national and --from given"),
                         hint=msg("--national starts from the national strategy; drop one"))],
                subject="command line")

        plan, left_out = derive_province(
            _template(NATIONAL), province=args.commune, province_en=args.commune_en,
            start_year=args.start_year, end_year=args.end_year)
        gender_plan.save_plan(plan, out)
        print(render(msg("{file}: plan {code!r} started from the national strategy; every "
                         "indicator implements the national one", file=str(out),
                         code=plan.code), args.lang))
        if left_out:
            print(render(msg("left out, due before the plan starts: {targets}",
                             targets=", ".join(left_out)), args.lang))
        fields = ", ".join(name for name in TO_FILL if name != "parent")
        print(render(msg("fill in: {fields}; then check it: gender-plan trace {file} --parent "
                         "national", fields=fields, file=str(out)), args.lang))
        return 0
    source = (gender_plan.load_plan(args.source) if args.source is not None
              else _template(TEMPLATE))
    plan = derive_plan(source, commune=args.commune, commune_en=args.commune_en,
                       start_year=args.start_year, end_year=args.end_year)
    plain_text = gender_plan.dumps_plan(plan, format=file_format)
    text = with_placeholders(plain_text, file_format)
    write_bytes_atomic(out, text.encode("utf-8"))
    print(render(msg("{file}: plan {code!r} started from {source!r}", file=str(out),
                     code=plan.code, source=source.code), args.lang))
    fields = ", ".join(TO_FILL)
    todo = (msg("fill in: {fields} (marked by comments in the file); then collect measurements "
                "in a CSV or Excel file and run: gender-plan validate PLAN MEASUREMENTS",
                fields=fields)
            if text != plain_text else  # JSON holds no comments
            msg("fill in: {fields}; then collect measurements in a CSV or Excel file and run: "
                "gender-plan validate PLAN MEASUREMENTS", fields=fields))
    print(render(todo, args.lang))
    return 0


def trace(args: argparse.Namespace) -> int:
    """Check the plan against the plans above it."""
    from gender_plan.cli._trace import trace as run  # noqa: PLC0415

    return run(args)


def schema(args: argparse.Namespace) -> int:
    """Print the JSON Schema of plan files."""
    import gender_plan  # noqa: PLC0415

    del args
    write_data(json.dumps(gender_plan.plan_schema(), ensure_ascii=False, indent=2) + "\n")
    return 0


def portfolio(args: argparse.Namespace) -> int:
    """Assess every place of a portfolio; print one row per place and indicator."""
    from gender_plan.cli._portfolio import run_portfolio  # noqa: PLC0415

    return run_portfolio(args, _method(args.method))


COMMANDS = {
    "validate": validate,
    "show": show,
    "assess": assess,
    "report": report,
    "new": new,
    "portfolio": portfolio,
    "trace": trace,
    "schema": schema,
    "template": template,
}
"""Each command's function, by name."""
