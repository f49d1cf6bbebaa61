"""The command line's grammar: every command, its options, and an example in its help."""

from __future__ import annotations

import argparse
import datetime
import textwrap

__all__ = ["build_parser", "parse_as_of"]

PROG = "gender-plan"
_PLAN = "examples/laikhe_2026_2030.yaml"
_DATA = "examples/data/laikhe-measurements.csv"
_PLAN_HELP = "the plan file (.yaml, .yml, .json or .toml)"
_SECTIONS = ("heading", "bases", "objective", "goals", "tasks", "funding", "units", "calendar",
             "closing", "signature")
"""The parts `show --section` takes, as `gender_plan.report.document.SECTIONS` names them."""


def parse_as_of(text: str) -> datetime.date | int:
    """Read ``--as-of``: a year (its last day) or an ISO date."""
    value = text.strip()
    if value.isdigit() and len(value) == 4:
        return int(value)
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"expected a year such as 2027 or a date such as 2027-12-31, found {text!r}"
        ) from None


def _example(*lines: str) -> str:
    return "example:\n" + "\n".join(f"  {line}" for line in lines)


def _command(
    commands: argparse._SubParsersAction[argparse.ArgumentParser],
    name: str,
    summary: str,
    description: str,
    example: str,
) -> argparse.ArgumentParser:
    parser = commands.add_parser(
        name,
        help=summary,
        description=textwrap.dedent(description).strip(),
        epilog=example,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    # SUPPRESS: given after the command it sets debug, otherwise the main parser's False stays.
    parser.add_argument("--debug", action="store_true", default=argparse.SUPPRESS,
                        help="on an error, show the full traceback as well")
    return parser


def _lang(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--lang", choices=("vi", "en"), default="vi",
        help="language of the text printed: Vietnamese (default) or English",
    )


def _assessment_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("plan", metavar="PLAN", help=_PLAN_HELP)
    parser.add_argument("measurements", metavar="MEASUREMENTS",
                        help="the measurements file (.csv or .xlsx)")
    parser.add_argument(
        "--as-of", type=parse_as_of, default=None, metavar="DATE",
        help="assess with the data known on this date: a year (its 31 December) or YYYY-MM-DD "
        "(default: today)",
    )
    parser.add_argument(
        "--method", choices=("linear", "growth", "projection"), default="linear",
        help="how progress is judged: the linear path from baseline to target (default), the "
        "Open SDG growth-rate ratio, or the UN Statistics Division's projection",
    )
    parser.add_argument("--place", default=None,
                        help="the place whose measurements to use, when the file has several")


def _activity_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--activities", default=None, metavar="FILE",
                        help="a record of activities (.csv, or a workbook's 'Hoạt động' sheet); "
                        "default: the sheet of the MEASUREMENTS workbook, when it has one")


def _portfolio_command(
    commands: argparse._SubParsersAction[argparse.ArgumentParser],
) -> None:
    """The ``portfolio`` command's grammar (its own function: it has many options)."""
    portfolio = _command(
        commands, "portfolio", "assess every place of a portfolio against its own plan",
        """
        Assess every place against the plan it adopted: the places with no places below from
        their own rows, the places above (provinces, the nation) from the sums of the places
        below, against their own plans. PLANS is a folder of plan files (found by their codes),
        PLACES a CSV file place,level,parent,plan. What cannot be judged without guessing (a
        place without a plan, an indicator without a counterpart) is listed on stderr. Loaded
        plans are cached by file content in the user's cache folder. Needs numpy (the 'scale'
        extra).
        """,
        _example(f"{PROG} portfolio plans/ places.csv measurements.csv --as-of 2025 "
                 "--level province"),
    )
    portfolio.add_argument("plans", metavar="PLANS", help="the folder of plan files")
    portfolio.add_argument("places", metavar="PLACES",
                           help="the place hierarchy: CSV place,level,parent,plan")
    portfolio.add_argument("measurements", metavar="MEASUREMENTS",
                           help="the long measurement table of the bottom places (.csv, or "
                           ".parquet/.arrow/.feather with the 'arrow' extra)")
    portfolio.add_argument(
        "--as-of", type=parse_as_of, default=None, metavar="DATE",
        help="assess with the data known on this date: a year or YYYY-MM-DD (default: today)",
    )
    portfolio.add_argument("--method", choices=("linear", "growth", "projection"),
                           default="linear", help="how progress is judged (default: linear)")
    portfolio.add_argument("--level", default=None, metavar="LEVEL",
                           help="print only the places of this level (commune, province, "
                           "nation); default: every level")
    portfolio.add_argument("--match", choices=("implements", "number"), default="implements",
                           help="match indicators across plans by their 'implements' links "
                           "(default) or by their numbers")
    portfolio.add_argument("--format", choices=("table", "json", "csv"), default="table",
                           dest="output_format", help="output: a table (default), JSON or CSV")
    portfolio.add_argument("--dashboard", default=None, metavar="PLACE",
                           help="also write the HTML dashboard of this province (its communes' "
                           "statuses per target, shares on track, its own assessment, a "
                           "ranking) to --out")
    portfolio.add_argument("--out", default=None, metavar="FILE.html",
                           help="where to write the dashboard (with --dashboard)")
    portfolio.add_argument("--no-cache", action="store_true",
                           help="parse every plan file, without the cache")


def _template_command(
    commands: argparse._SubParsersAction[argparse.ArgumentParser],
) -> None:
    """The ``template`` command's grammar: the measurement workbook of the reporting year."""
    template = _command(
        commands, "template", "write the measurement workbook for a plan (.xlsx)",
        """
        Write an Excel workbook to collect the plan's figures and the record of what was done:
        one row per indicator (and part) and period with its name, unit and target shown, a
        sheet of activities, the plan's lists and a sheet that explains how to fill it in.
        Fill it in, then run 'validate PLAN FILE.xlsx'. Needs the 'excel' extra.
        """,
        _example(f"{PROG} template {_PLAN} --out so-lieu.xlsx --years 2025-2030"),
    )
    template.add_argument("plan", metavar="PLAN", help=_PLAN_HELP)
    template.add_argument("--out", required=True, metavar="FILE", help="the workbook (.xlsx)")
    template.add_argument("--years", default=None, metavar="FIRST-LAST",
                          help="the years to list (default: the year before the plan to its "
                          "last year)")
    template.add_argument("--places", default=None, metavar="CSV",
                          help="a CSV file of places (first column 'place'): every row is "
                          "listed once for each place")
    template.add_argument("--force", action="store_true", help="overwrite FILE if it exists")


def build_parser() -> argparse.ArgumentParser:
    """The parser of ``gender-plan`` and all its commands."""
    parser = argparse.ArgumentParser(
        prog=PROG,
        description="Check, show and assess a commune's gender-equality action plan, and write "
        "a printable report of its progress.",
        epilog=_example(
            f"{PROG} new --commune 'Hưng Đạo' --out hung-dao.yaml",
            f"{PROG} template hung-dao.yaml --out so-lieu.xlsx",
            f"{PROG} validate {_PLAN} {_DATA}",
            f"{PROG} assess {_PLAN} {_DATA} --as-of 2026",
            f"{PROG} report {_PLAN} {_DATA} --as-of 2026 --out report.html",
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="store_true", help="print the version and exit")
    parser.add_argument("--debug", action="store_true",
                        help="on an error, show the full traceback as well")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    validate = _command(
        commands, "validate", "check a plan file (and measurements) and list every problem",
        """
        Check a plan file, and optionally a measurements file against it. Every problem is
        listed at once with its file, line and place in the plan. Exit status: 0 when all is
        well, 2 when there is a problem.
        """,
        _example(f"{PROG} validate {_PLAN} {_DATA}"),
    )
    validate.add_argument("plan", metavar="PLAN", help=_PLAN_HELP)
    validate.add_argument("measurements", metavar="MEASUREMENTS", nargs="?", default=None,
                          help="a measurements file to check against the plan (optional); a "
                          "workbook from 'template' has its record of activities checked too")
    _activity_options(validate)
    validate.add_argument("--as-of", type=parse_as_of, default=None, metavar="DATE",
                          help="check the calendar of activities up to this date: a year (its "
                          "31 December) or YYYY-MM-DD (default: today)")

    show = _command(
        commands, "show", "print the whole plan, in the order of the document",
        """
        Print the whole plan in the order of the document: its heading and status (draft or
        issued), the opening paragraphs and the documents cited, the objectives with each
        target's own words and its reading, the tasks with their units and roles, section IV unit
        by unit with every duty, the funding, the calendar, the closing paragraph, the recipients
        and the signature. --section limits it to some parts.
        """,
        _example(f"{PROG} show {_PLAN} --lang en",
                 f"{PROG} show {_PLAN} --section goals --section units"),
    )
    show.add_argument("plan", metavar="PLAN", help=_PLAN_HELP)
    _lang(show)
    show.add_argument(
        "--section", action="append", default=None, metavar="NAME", choices=_SECTIONS,
        help=f"print only this part (repeat for several): {', '.join(_SECTIONS)}",
    )

    assess = _command(
        commands, "assess", "assess every target from measurements",
        """
        Assess every target of the plan from the measurements: its status and the reasons.
        --format json prints a stable document for other programs (its fields are documented in
        the command-line reference); --format csv prints one row per indicator.
        """,
        _example(f"{PROG} assess {_PLAN} {_DATA} --as-of 2026",
                 f"{PROG} assess {_PLAN} {_DATA} --as-of 2026 --format json > assessment.json"),
    )
    _assessment_options(assess)
    assess.add_argument("--format", choices=("table", "json", "csv"), default="table",
                        dest="output_format", help="output: a table for people (default), "
                        "JSON or CSV")
    _lang(assess)

    report = _command(
        commands, "report", "write a report (HTML, Markdown, Word or PDF)",
        """
        Write a report of the assessment: one self-contained HTML page, printable on A4, a
        Markdown document, the results report as a Word document in the form of Decree
        30/2020/ND-CP (.docx: situation, results by goal, tasks by field and by unit, funding,
        difficulties, proposals; needs the 'word' extra), or the HTML page printed to PDF by
        headless Chromium (.pdf). The format follows the file name. HTML, Markdown and PDF need
        the 'report' extra: pip install 'gender-plan[report]'.
        """,
        _example(f"{PROG} report {_PLAN} {_DATA} --as-of 2026 --out report.html",
                 f"{PROG} report {_PLAN} {_DATA} --as-of 2026 --lang en --out report.md",
                 f"{PROG} report {_PLAN} data.xlsx --kind mid-term --out so-ket.docx"),
    )
    _assessment_options(report)
    report.add_argument("--out", required=True, metavar="FILE",
                        help="where to write the report: FILE.html, FILE.md, FILE.docx or "
                        "FILE.pdf")
    report.add_argument(
        "--kind", choices=("annual", "mid-term", "final"), default="annual",
        help="the year's results (default; the year of --as-of), the mid-term review (the "
        "plan's first year to its middle year) or the final review (the whole plan); --as-of "
        "defaults to the end of the period")
    _activity_options(report)
    report.add_argument("--lang", choices=("vi", "en"), default="vi",
                        help="the report's language: the plan's (Vietnamese, default) or English")
    report.add_argument("--parent", default=None, metavar="FILE",
                        help="add a section with each target beside this parent plan's "
                        "('national': the national strategy shipped with the library)")
    report.add_argument("--by-number", action="store_true",
                        help="with --parent: match indicators by plan number too (see trace)")

    new = _command(
        commands, "new", "start another commune's plan file from an existing plan",
        """
        Start a plan file for another commune from an existing plan (Lai Khê's by default): the
        commune's name and the years are filled in; the parts only the commune knows (the plan's
        number, the date of issue, the signatory, the baselines) are left empty for you to fill.
        Measurements go in a separate file.
        """,
        _example(f"{PROG} new --commune 'Hưng Đạo' --out hung-dao.yaml"),
    )
    new.add_argument("--commune", required=True, metavar="NAME",
                     help="the commune's name as written in Vietnamese ('Hưng Đạo')")
    new.add_argument("--commune-en", default=None, metavar="NAME",
                     help="the name as written in English (default: the same)")
    new.add_argument("--from", dest="source", default=None, metavar="PLAN",
                     help="the plan to start from (default: Lai Khê's 2026-2030 plan)")
    new.add_argument("--start-year", type=int, default=None, metavar="YEAR",
                     help="the first year of the new plan (default: the source plan's)")
    new.add_argument("--end-year", type=int, default=None, metavar="YEAR",
                     help="the last year of the new plan (default: the source plan's)")
    new.add_argument("--out", required=True, metavar="FILE",
                     help="the new plan file (.yaml, .json or .toml)")
    new.add_argument("--force", action="store_true", help="overwrite FILE if it exists")
    new.add_argument("--national", action="store_true",
                     help="start a province's plan from the national strategy's milestone "
                     "targets instead (--commune then names the province)")

    trace = _command(
        commands, "trace", "check a plan carries the targets of the plans above it",
        """
        Compare each target of the plan with its parent plan's requirement in force at its
        deadline (a milestone, or the straight line between two), and with the parent's parent
        after it. Lists what is less ambitious, missing, more ambitious or not comparable.
        Exit status: 0 when nothing is less ambitious, missing or untraceable, 1 when something
        is, 2 on invalid input.
        """,
        _example(f"{PROG} trace {_PLAN} --parent national --by-number --lang en",
                 f"{PROG} trace commune.yaml --plans plans/ --format json"),
    )
    trace.add_argument("plan", metavar="PLAN", help=_PLAN_HELP)
    trace.add_argument("--parent", dest="parents", action="append", default=[],
                       metavar="FILE", help="the parent plan's file ('national': the national "
                       "strategy shipped with the library); repeat it for the parent's parent, "
                       "in order up the chain")
    trace.add_argument("--plans", default=None, metavar="FOLDER",
                       help="a folder of plan files: the chain is found by each plan's "
                       "'parent' and the plans' codes and numbers")
    trace.add_argument("--by-number", action="store_true",
                       help="match an indicator without 'implements' to the parent's indicator "
                       "of the same plan number (each such match is marked)")
    trace.add_argument("--equal", action="store_true",
                       help="also list the targets that ask exactly what the parent's do")
    trace.add_argument("--format", choices=("table", "json", "csv"), default="table",
                       dest="output_format", help="output: a table for people (default), "
                       "JSON or CSV")
    _lang(trace)

    _template_command(commands)


    _portfolio_command(commands)

    _command(
        commands, "schema", "print the JSON Schema of plan files",
        "Print the JSON Schema that plan files follow (for editors that check YAML or JSON).",
        _example(f"{PROG} schema > plan.schema.json"),
    )
    return parser
