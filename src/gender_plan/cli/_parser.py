"""The command line's grammar: every command, its options, and an example in its help.

Every text is a message of the catalogue, rendered in the language the parser is built for.
"""

from __future__ import annotations

import argparse
import datetime
import textwrap
from collections.abc import Callable

from gender_plan._i18n import Language, Msg, msg, render
from gender_plan.cli._argparse import Parser

__all__ = ["build_parser", "parse_as_of"]

PROG = "gender-plan"
_PLAN = "examples/laikhe_2026_2030.yaml"
_DATA = "examples/data/laikhe-measurements.csv"
_METAVARS = {
    "PLAN": msg("PLAN"), "MEASUREMENTS": msg("MEASUREMENTS"), "FILE": msg("FILE"),
    "MARK": msg("MARK"), "DATE": msg("DATE"), "NAME": msg("NAME"), "YEAR": msg("YEAR"),
    "COMMAND": msg("COMMAND"), "PLACE": msg("PLACE"), "FOLDER": msg("FOLDER"),
    "PLANS": msg("PLANS"), "PLACES": msg("PLACES"), "LEVEL": msg("LEVEL"),
    "FILE.html": msg("FILE.html"), "FIRST-LAST": msg("FIRST-LAST"),
}
"""The placeholders of the usage lines, in the parser's language."""
_PLAN_HELP = msg("the plan file (.yaml, .yml, .json or .toml)")
_DEBUG_HELP = msg("on an error, show the full traceback as well")
_LANG_HELP = msg("language of the text printed: Vietnamese (default, or as the locale says) "
                 "or English")
_SECTIONS = ("heading", "bases", "objective", "goals", "tasks", "calendar", "funding", "units",
             "closing", "signature")
"""The parts `show --section` takes, as `gender_plan.report.document.SECTIONS` names them."""


def parse_as_of(text: str, language: Language = "en") -> datetime.date | int:
    """Read ``--as-of``: a year (its last day) or an ISO date."""
    value = text.strip()
    if value.isdigit() and len(value) == 4:
        return int(value)
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(render(
            msg("expected a year such as 2027 or a date such as 2027-12-31, found {text!r}",
                text=text), language)) from None


def _example(language: Language, *lines: str) -> str:
    head = render(msg("example:"), language)
    return head + "\n" + "\n".join(f"  {line}" for line in lines)


class _Grammar:
    """Adds commands and options with their texts rendered in one language."""

    def __init__(self, language: Language) -> None:
        self.language = language

    def text(self, message: Msg) -> str:
        return render(message, self.language)

    def command(
        self,
        commands: argparse._SubParsersAction[Parser],
        name: str,
        summary: Msg,
        description: Msg,
        *example: str,
    ) -> argparse.ArgumentParser:
        parser = commands.add_parser(
            name,
            help=self.text(summary),
            description=textwrap.fill(self.text(description), 92, break_on_hyphens=False),
            epilog=_example(self.language, *example),
            language=self.language,
        )
        # SUPPRESS: given after the command it sets debug, otherwise the main parser's stays.
        parser.add_argument("--debug", action="store_true", default=argparse.SUPPRESS,
                            help=self.text(_DEBUG_HELP))
        parser.add_argument("--lang", choices=("vi", "en"), default=argparse.SUPPRESS,
                            help=self.text(_LANG_HELP))
        return parser

    def add(self, parser: argparse.ArgumentParser, *names: str, help: Msg,
            **options: object) -> None:
        metavar = options.get("metavar")
        if isinstance(metavar, str) and metavar in _METAVARS:
            options["metavar"] = self.text(_METAVARS[metavar])
        parser.add_argument(*names, help=self.text(help), **options)  # type: ignore[arg-type]

    def decimal(self, parser: argparse.ArgumentParser) -> None:
        self.add(parser, "--decimal", choices=(",", "."), default=None, metavar="MARK",
                 help=msg("the decimal mark of numbers typed as text in the measurements: ',' "
                          "(1,4) or '.' (1.4); default: read a comma where it cannot be a "
                          "thousands separator, and say so"))

    def assessment_options(self, parser: argparse.ArgumentParser) -> None:
        as_of: Callable[[str], object] = lambda text: parse_as_of(text, self.language)  # noqa: E731
        self.add(parser, "plan", metavar="PLAN", help=_PLAN_HELP)
        self.add(parser, "measurements", metavar="MEASUREMENTS",
                 help=msg("the measurements file (.csv or .xlsx)"))
        self.add(parser, "--as-of", type=as_of, default=None, metavar="DATE",
                 help=msg("assess with the data known on this date: a year (its 31 December) "
                          "or YYYY-MM-DD (default: today)"))
        self.add(parser, "--method", choices=("linear", "growth", "projection"),
                 default="linear",
                 help=msg("how progress is judged: the linear path from baseline to target "
                          "(default), the Open SDG growth-rate ratio, or the UN Statistics "
                          "Division's projection"))
        self.add(parser, "--place", default=None, metavar="PLACE",
                 help=msg("the place whose measurements to use, when the file has several"))
        self.decimal(parser)


def _activity_options(g: _Grammar, parser: argparse.ArgumentParser) -> None:
    g.add(parser, "--activities", default=None, metavar="FILE",
          help=msg("a record of activities (.csv, or a workbook's 'Hoạt động' sheet); default: "
                   "the sheet of the MEASUREMENTS workbook, when it has one"))


def _template_command(g: _Grammar, commands: argparse._SubParsersAction[Parser]) -> None:
    """The ``template`` command's grammar: the measurement workbook of the reporting year."""
    template = g.command(
        commands, "template", msg("write the measurement workbook for a plan (.xlsx)"),
        msg("Write an Excel workbook to collect the plan's figures and the record of what was "
            "done: one row per indicator (and part) and period with its name, unit and target "
            "shown, a sheet of activities, the plan's lists and a sheet that explains how to "
            "fill it in. Fill it in, then run 'validate PLAN FILE.xlsx'. Needs the 'excel' "
            "extra."),
        f"{PROG} template {_PLAN} --out so-lieu.xlsx --years 2025-2030",
    )
    g.add(template, "plan", metavar="PLAN", help=_PLAN_HELP)
    g.add(template, "--out", required=True, metavar="FILE", help=msg("the workbook (.xlsx)"))
    g.add(template, "--years", default=None, metavar="FIRST-LAST",
          help=msg("the years to list (default: the year before the plan to its last year)"))
    g.add(template, "--places", default=None, metavar="CSV",
          help=msg("a place hierarchy, as portfolio reads it (CSV place,level,parent): every row "
                   "is listed once for each place with no place below it"))
    g.add(template, "--force", action="store_true", help=msg("overwrite FILE if it exists"))


def _portfolio_command(
    g: _Grammar, commands: argparse._SubParsersAction[Parser],
) -> None:
    """The ``portfolio`` command's grammar (its own function: it has many options)."""
    portfolio = g.command(
        commands, "portfolio", msg("assess every place of a portfolio against its own plan"),
        msg("Assess every place against the plan it adopted: the places with no places below "
            "from their own rows, the places above (provinces, the nation) from the sums of the "
            "places below, against their own plans. PLANS is a folder of plan files (found by "
            "their codes), PLACES a CSV file place,level,parent,plan. What cannot be judged "
            "without guessing (a place without a plan, an indicator without a counterpart) is "
            "listed on stderr. Loaded plans are cached by file content in the user's cache "
            "folder."),
        f"{PROG} portfolio plans/ places.csv measurements.csv --as-of 2025 --level province",
    )
    as_of: Callable[[str], object] = lambda text: parse_as_of(text, g.language)  # noqa: E731
    g.add(portfolio, "plans", metavar="PLANS", help=msg("the folder of plan files"))
    g.add(portfolio, "places", metavar="PLACES",
          help=msg("the place hierarchy: CSV place,level,parent,plan"))
    g.add(portfolio, "measurements", metavar="MEASUREMENTS",
          help=msg("the long measurement table of the bottom places (.csv, or "
                   ".parquet/.arrow/.feather with the 'arrow' extra)"))
    g.add(portfolio, "--as-of", type=as_of, default=None, metavar="DATE",
          help=msg("assess with the data known on this date: a year or YYYY-MM-DD (default: "
                   "today)"))
    g.add(portfolio, "--method", choices=("linear", "growth", "projection"), default="linear",
          help=msg("how progress is judged (default: linear)"))
    g.add(portfolio, "--level", default=None, metavar="LEVEL",
          help=msg("print only the places of this level (commune, province, nation); default: "
                   "every level"))
    g.add(portfolio, "--match", choices=("implements", "number"), default="implements",
          help=msg("match indicators across plans by their 'implements' links (default) or by "
                   "their numbers"))
    g.add(portfolio, "--format", choices=("table", "json", "csv"), default="table",
          dest="output_format", help=msg("output: a table (default), JSON or CSV"))
    g.add(portfolio, "--dashboard", default=None, metavar="PLACE",
          help=msg("also write the HTML dashboard of this province (its communes' statuses per "
                   "target, shares on track, its own assessment, a ranking) to --out"))
    g.add(portfolio, "--out", default=None, metavar="FILE.html",
          help=msg("where to write the dashboard (with --dashboard)"))
    g.add(portfolio, "--no-cache", action="store_true",
          help=msg("parse every plan file, without the cache"))


def build_parser(language: Language = "en") -> argparse.ArgumentParser:
    """The parser of ``gender-plan`` and all its commands, its texts in `language`."""
    g = _Grammar(language)
    parser = Parser(
        prog=PROG,
        description=g.text(msg("Check, show and assess a commune's gender-equality action "
                               "plan, and write a printable report of its progress.")),
        epilog=_example(
            language,
            f"{PROG} new --commune 'Hưng Đạo' --out hung-dao.yaml",
            f"{PROG} validate {_PLAN} {_DATA}",
            f"{PROG} assess {_PLAN} {_DATA} --as-of 2026",
            f"{PROG} report {_PLAN} {_DATA} --as-of 2026 --out report.html",
        ),
        language=language,
    )
    g.add(parser, "--version", action="store_true", help=msg("print the version and exit"))
    g.add(parser, "--debug", action="store_true", help=_DEBUG_HELP)
    g.add(parser, "--lang", choices=("vi", "en"), default=None, help=_LANG_HELP)
    commands = parser.add_subparsers(dest="command", metavar=g.text(_METAVARS["COMMAND"]),
                                     title=g.text(msg("commands")))

    validate = g.command(
        commands, "validate", msg("check a plan file (and measurements) and list every problem"),
        msg("Check a plan file, and optionally a measurements file against it. Every problem is "
            "listed at once with its file, line and place in the plan. Exit status: 0 when all "
            "is well, 2 when there is a problem."),
        f"{PROG} validate {_PLAN} {_DATA}",
    )
    g.add(validate, "plan", metavar="PLAN", help=_PLAN_HELP)
    g.add(validate, "measurements", metavar="MEASUREMENTS", nargs="?", default=None,
          help=msg("a measurements file to check against the plan (optional); a workbook from "
                   "'template' has its record of activities checked too"))
    _activity_options(g, validate)
    g.add(validate, "--as-of", type=lambda text: parse_as_of(text, g.language), default=None,
          metavar="DATE",
          help=msg("check the calendar of activities up to this date: a year (its 31 December) "
                   "or YYYY-MM-DD (default: today)"))
    g.decimal(validate)

    show = g.command(
        commands, "show", msg("print the whole plan, in the order of the document"),
        msg("Print the whole plan in the order of the document: its heading and status (draft "
            "or issued), the opening paragraphs and the documents cited, the objectives with "
            "each target's own words and its reading, the tasks with their units and roles, "
            "the calendar of the occasions the tasks name, the funding, section IV unit by "
            "unit with every duty, the closing paragraph, the recipients and the signature. "
            "--section limits it to some parts."),
        f"{PROG} show {_PLAN} --lang en",
        f"{PROG} show {_PLAN} --section goals --section units",
    )
    g.add(show, "plan", metavar="PLAN", help=_PLAN_HELP)
    g.add(show, "--section", action="append", default=None, metavar="NAME", choices=_SECTIONS,
          help=msg("print only this part (repeat for several): {sections}",
                   sections=", ".join(_SECTIONS)))

    assess = g.command(
        commands, "assess", msg("assess every target from measurements"),
        msg("Assess every target of the plan from the measurements: its status and the reasons. "
            "--format json prints a stable document for other programs (its fields are "
            "documented in the command-line reference); --format csv prints one row per "
            "indicator, UTF-8 with a byte-order mark so that Excel shows Vietnamese letters."),
        f"{PROG} assess {_PLAN} {_DATA} --as-of 2026",
        f"{PROG} assess {_PLAN} {_DATA} --as-of 2026 --format json > assessment.json",
    )
    g.assessment_options(assess)
    g.add(assess, "--format", choices=("table", "json", "csv"), default="table",
          dest="output_format", help=msg("output: a table for people (default), JSON or CSV"))

    report = g.command(
        commands, "report", msg("write a report (HTML, Markdown, Word or PDF)"),
        msg("Write a report of the assessment: one self-contained HTML page, printable on A4, a "
            "Markdown document, the results report as a Word document in the form of Decree "
            "30/2020/ND-CP (.docx: situation, results by goal, tasks by field and by unit, "
            "funding, difficulties, proposals; needs the 'word' extra), or the HTML page printed "
            "to PDF by headless Chromium (.pdf). The format follows the file name. HTML, "
            "Markdown and PDF need the 'report' extra: pip install 'gender-plan[report]'."),
        f"{PROG} report {_PLAN} {_DATA} --as-of 2026 --out report.html",
        f"{PROG} report {_PLAN} {_DATA} --as-of 2026 --lang en --out report.md",
        f"{PROG} report {_PLAN} data.xlsx --kind mid-term --out so-ket.docx",
    )
    g.assessment_options(report)
    g.add(report, "--out", required=True, metavar="FILE",
          help=msg("where to write the report: FILE.html, FILE.md, FILE.docx or FILE.pdf"))
    g.add(report, "--kind", choices=("annual", "mid-term", "final"), default="annual",
          help=msg("the year's results (default; the year of --as-of), the mid-term review (the "
                   "plan's first year to its middle year) or the final review (the whole plan); "
                   "--as-of defaults to the end of the period"))
    _activity_options(g, report)
    g.add(report, "--parent", default=None, metavar="FILE",
          help=msg("add a section with each target beside this parent plan's ('national': the "
                   "national strategy shipped with the library)"))
    g.add(report, "--by-number", action="store_true",
          help=msg("with --parent: match indicators by plan number too (see trace)"))

    new = g.command(
        commands, "new", msg("start another commune's plan file from an existing plan"),
        msg("Start a plan file for another commune from an existing plan (Lai Khê's by "
            "default): the commune's name and the years are filled in; what only the commune "
            "knows (the plan's number, the date of issue, the signatory, the province's plan it "
            "carries out, the baselines) is left for you to fill in, marked by comments in the "
            "file. Measurements go in a separate file."),
        f"{PROG} new --commune 'Hưng Đạo' --out hung-dao.yaml",
    )
    g.add(new, "--commune", required=True, metavar="NAME",
          help=msg("the commune's name as written in Vietnamese ('Hưng Đạo')"))
    g.add(new, "--commune-en", default=None, metavar="NAME",
          help=msg("the name as written in English (default: the same)"))
    g.add(new, "--from", dest="source", default=None, metavar="PLAN",
          help=msg("the plan to start from (default: Lai Khê's 2026-2030 plan)"))
    g.add(new, "--start-year", type=int, default=None, metavar="YEAR",
          help=msg("the first year of the new plan (default: the source plan's)"))
    g.add(new, "--end-year", type=int, default=None, metavar="YEAR",
          help=msg("the last year of the new plan (default: the source plan's)"))
    g.add(new, "--out", required=True, metavar="FILE",
          help=msg("the new plan file (.yaml, .json or .toml)"))
    g.add(new, "--force", action="store_true", help=msg("overwrite the file if it exists"))
    g.add(new, "--national", action="store_true",
          help=msg("start a province's plan from the national strategy's milestone targets "
                   "instead (--commune then names the province)"))

    trace = g.command(
        commands, "trace", msg("check a plan carries the targets of the plans above it"),
        msg("Compare each target of the plan with its parent plan's requirement in force at its "
            "deadline (a milestone, or the straight line between two), and with the parent's "
            "parent after it. Lists what is less ambitious, missing, more ambitious or not "
            "comparable. Exit status: 0 when nothing is less ambitious, missing or "
            "untraceable, 1 when something is, 2 on invalid input."),
        f"{PROG} trace {_PLAN} --parent national --by-number --lang en",
        f"{PROG} trace commune.yaml --plans plans/ --format json",
    )
    g.add(trace, "plan", metavar="PLAN", help=_PLAN_HELP)
    g.add(trace, "--parent", dest="parents", action="append", default=[], metavar="FILE",
          help=msg("the parent plan's file ('national': the national strategy shipped with the "
                   "library); repeat it for the parent's parent, in order up the chain"))
    g.add(trace, "--plans", default=None, metavar="FOLDER",
          help=msg("a folder of plan files: the chain is found by each plan's 'parent' and the "
                   "plans' codes and numbers"))
    g.add(trace, "--by-number", action="store_true",
          help=msg("match an indicator without 'implements' to the parent's indicator of the "
                   "same plan number (each such match is marked)"))
    g.add(trace, "--equal", action="store_true",
          help=msg("also list the targets that ask exactly what the parent's do"))
    g.add(trace, "--format", choices=("table", "json", "csv"), default="table",
          dest="output_format", help=msg("output: a table for people (default), JSON or CSV"))

    _template_command(g, commands)
    _portfolio_command(g, commands)

    g.command(
        commands, "schema", msg("print the JSON Schema of plan files"),
        msg("Print the JSON Schema that plan files follow (for editors that check YAML or "
            "JSON)."),
        f"{PROG} schema > plan.schema.json",
    )
    return parser
