"""The ``portfolio`` command: load plans, places and rows, assess, print rows and gaps."""

from __future__ import annotations

import argparse
import csv
import datetime
import io
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from gender_plan._i18n import Language, msg, render
from gender_plan.cli import WARNING
from gender_plan.cli._console import write_data
from gender_plan.errors import Problem, ValidationError

if TYPE_CHECKING:
    from gender_plan.evaluation.method import Method

__all__ = ["COLUMNS", "HEADERS", "run_portfolio"]

COLUMNS = ("place", "level", "plan", "indicator", "number", "status", "ratio", "latest",
           "target_value", "deadline")
"""The fields of each result row (JSON objects and CSV columns): names for programs, the same
in every language."""
HEADERS = (msg("place"), msg("level"), msg("plan"), msg("no"), msg("status"), msg("ratio"))
"""The table's column headers, for people: in the reader's language."""


def run_portfolio(args: argparse.Namespace, method: Method) -> int:
    """Run the command; 0 when done (gaps are listed on stderr, not an error)."""
    from gender_plan.io._extras import require  # noqa: PLC0415

    require("numpy", package="numpy", extra="scale", feature=msg("assessing a portfolio"))
    from gender_plan.evaluation.frame import MeasurementFrame  # noqa: PLC0415
    from gender_plan.portfolio import MatchBy, Portfolio  # noqa: PLC0415
    from gender_plan.portfolio.assessment import assess_portfolio  # noqa: PLC0415

    if (args.dashboard is None) != (args.out is None):
        raise ValidationError([Problem(message=msg("--dashboard PLACE and --out FILE.html go "
                                                   "together"),
                                       hint=msg("give both, or neither"))],
                              subject="command line")
    # A command of its own, so it may start processes: one per core parses a nation's files.
    portfolio = Portfolio.load(args.plans, args.places, cache=not args.no_cache, workers=None)
    levels = {p.level for p in portfolio.hierarchy.places}
    if args.level is not None and args.level not in levels:
        raise ValidationError([Problem(file=args.places, message=msg(
            "no place has the level {level!r}", level=args.level), hint=msg(
            "the levels are {levels}", levels=", ".join(sorted(levels))))], subject="--level")
    if Path(args.measurements).suffix.lower() in (".parquet", ".arrow", ".feather"):
        from gender_plan.io.arrow import read_arrow_frame  # noqa: PLC0415

        frame = read_arrow_frame(args.measurements, portfolio.units())
    else:
        frame = MeasurementFrame.read_csv(args.measurements, portfolio.units())
    as_of = args.as_of if args.as_of is not None else datetime.date.today()
    result = assess_portfolio(portfolio, frame, as_of=as_of, method=method,
                              match=MatchBy(args.match))
    rows = [{"place": r.place, "level": r.level, "plan": r.plan, "indicator": r.indicator,
             "number": r.number, "status": r.status.value, "ratio": r.ratio,
             "latest": r.latest, "target_value": r.target_value, "deadline": r.deadline}
            for r in result.results(args.level)]
    if args.output_format == "json":  # data for programs: UTF-8 whatever the console
        gaps = [{"kind": g.kind.value, "message": render(g.message, args.lang),
                 "places": list(g.places), "plan": g.plan, "indicator": g.indicator,
                 "parent_plan": g.parent_plan, "parent_indicator": g.parent_indicator,
                 "rows": g.rows} for g in result.gaps]
        write_data(json.dumps({"as_of": result.as_of.isoformat(), "results": rows, "gaps": gaps},
                              ensure_ascii=False, indent=2) + "\n")
    elif args.output_format == "csv":
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows({k: "" if v is None else v for k, v in row.items()} for row in rows)
        write_data(buffer.getvalue())
    else:
        from gender_plan.cli._text import table  # noqa: PLC0415

        lines = [[str(row[c]) if row[c] is not None else "-" for c in
                  ("place", "level", "plan", "number")]
                 + [_status(str(row["status"]), args.lang), _ratio(row["ratio"], args.lang)]
                 for row in rows]
        sys.stdout.write(table([render(h, args.lang) for h in HEADERS], lines, wrap=2) + "\n")
    if args.dashboard is not None:
        from gender_plan.io._atomic import write_bytes_atomic  # noqa: PLC0415
        from gender_plan.report.dashboard import dashboard_html  # noqa: PLC0415

        write_bytes_atomic(args.out, dashboard_html(result, args.dashboard).encode("utf-8"))
        print(render(msg("{file}: dashboard of {place} written", file=args.out,
                         place=args.dashboard), args.lang), file=sys.stderr)
    for gap in result.gaps:
        print(f"{render(WARNING, args.lang)}: {gap.render(args.lang)}", file=sys.stderr)
    return 0


def _status(code: str, language: Language) -> str:
    """A status in the table: its name in Vietnamese, its code in English.

    The English table shows the codes JSON and CSV write (as it always has: the docs pin them).
    """
    from gender_plan.evaluation.status import Status  # noqa: PLC0415

    return code if language == "en" else Status(code).text(language)


def _ratio(ratio: object, language: Language) -> str:
    """A ratio with two decimals, in the decimal sign of `language` (``1,25`` in Vietnamese)."""
    if not isinstance(ratio, float):
        return "-"
    text = f"{ratio:.2f}"
    return text if language == "en" else text.replace(".", ",")
