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
    measurements = tuple(gender_plan.load_measurements(args.measurements, plan=plan))
    as_of = args.as_of if args.as_of is not None else datetime.date.today()
    assessment = gender_plan.assess_plan(
        plan, measurements, as_of=as_of, method=_method(args.method), place=args.place
    )
    return plan, measurements, assessment


def validate(args: argparse.Namespace) -> int:
    """Check the plan and the measurements; list every problem of both."""
    import gender_plan  # noqa: PLC0415

    errors: list[GenderPlanError] = []
    plan = measurements = None
    try:
        plan = gender_plan.load_plan(args.plan)
    except GenderPlanError as error:
        errors.append(error)
    if args.measurements is not None:
        try:
            # With the plan, every problem of a row comes back with its file, line and column.
            measurements = tuple(gender_plan.load_measurements(args.measurements, plan=plan))
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
            print(f"error: {found}", file=sys.stderr)
        return 2
    assert plan is not None
    indicators = sum(1 for _ in plan.indicators())
    text = (f"{args.plan}: plan {plan.code!r} is valid ({len(plan.goals)} goals, "
            f"{indicators} indicators, {len(plan.tasks)} tasks)")
    if plan.is_draft:
        text += "; it is a draft (no number or day of issue yet)"
    print(text)
    if measurements is not None:
        print(f"{args.measurements}: {len(measurements)} measurements fit the plan")
    if activities is not None:
        print(f"{args.activities or args.measurements}: {len(activities)} activities fit the "
              "plan")
        for note in calendar_notes(plan, activities, args.as_of):
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
    plan, _, assessment = _load(args)
    if args.output_format == "json":
        from gender_plan.report.data import assessment_data  # noqa: PLC0415

        json.dump(assessment_data(plan, assessment), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    elif args.output_format == "csv":
        from gender_plan.report.data import CSV_COLUMNS, assessment_rows  # noqa: PLC0415

        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=CSV_COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(assessment_rows(plan, assessment, language=args.lang))
        sys.stdout.write(buffer.getvalue())
    else:
        from gender_plan.cli._text import assessment_table  # noqa: PLC0415

        sys.stdout.write(assessment_table(plan, assessment, args.lang))
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
            [Problem(message=f"cannot tell the report format from the suffix {suffix!r}",
                     file=str(args.out), hint="name the file *.html, *.md, *.docx or *.pdf")],
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
    print(f"{path}: report written ({path.stat().st_size:,} bytes)")
    return 0


def new(args: argparse.Namespace) -> int:
    """Start another commune's plan file."""
    import gender_plan  # noqa: PLC0415
    from gender_plan.cli._new import TO_FILL, derive_plan  # noqa: PLC0415

    out = Path(args.out)
    if out.exists() and not args.force:
        raise ValidationError(
            [Problem(message="the file exists already", file=str(out),
                     hint="choose another name, or add --force to overwrite it")],
            subject="output file",
        )
    if args.national:
        from gender_plan.cli._new import derive_province  # noqa: PLC0415

        if args.source is not None:
            raise ValidationError(
                [Problem(message="both --national and --from given",
                         hint="--national starts from the national strategy; drop one")],
                subject="command line")

        plan, left_out = derive_province(
            _template(NATIONAL), province=args.commune, province_en=args.commune_en,
            start_year=args.start_year, end_year=args.end_year)
        gender_plan.save_plan(plan, out)
        print(f"{out}: plan {plan.code!r} started from the national strategy; every indicator "
              "implements the national one")
        if left_out:
            print(f"left out, due before the plan starts: {', '.join(left_out)}")
        print(f"fill in: {', '.join(TO_FILL)}; then check it: gender-plan trace {out} "
              "--parent national")
        return 0
    if args.source is not None:
        source = gender_plan.load_plan(args.source)
    else:
        template = resources.files("gender_plan").joinpath("templates", TEMPLATE)
        with resources.as_file(template) as path:
            source = gender_plan.load_plan(path)
    plan = derive_plan(source, commune=args.commune, commune_en=args.commune_en,
                       start_year=args.start_year, end_year=args.end_year)
    gender_plan.save_plan(plan, out)
    print(f"{out}: plan {plan.code!r} started from {source.code!r}")
    print(f"fill in: {', '.join(TO_FILL)}; then collect measurements in a CSV file "
          "and run: gender-plan validate PLAN MEASUREMENTS")
    return 0


def trace(args: argparse.Namespace) -> int:
    """Check the plan against the plans above it."""
    from gender_plan.cli._trace import trace as run  # noqa: PLC0415

    return run(args)


def schema(args: argparse.Namespace) -> int:
    """Print the JSON Schema of plan files."""
    import gender_plan  # noqa: PLC0415

    del args
    json.dump(gender_plan.plan_schema(), sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
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
