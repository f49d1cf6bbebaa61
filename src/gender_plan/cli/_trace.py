"""The ``trace`` command: a plan against the plans above it, as a table, JSON or CSV."""

from __future__ import annotations

import argparse
import csv
import io
import json
import sys
from pathlib import Path
from typing import Any

from gender_plan._i18n import msg
from gender_plan.errors import Problem, ValidationError
from gender_plan.model.plan import Plan
from gender_plan.model.text import Language
from gender_plan.traceability import Finding, check_chain, resolve_chain

__all__ = ["CSV_COLUMNS", "TRACE_FORMAT", "load_parent", "parents_of", "trace"]

TRACE_FORMAT = "gender-plan/trace"
"""The ``format`` of the JSON document ``trace --format json`` prints (version 1)."""


CSV_COLUMNS = ("parent_plan", "indicator", "parent_indicator", "kind", "fails", "by_number",
               "year", "value", "unit", "parent_year", "parent_value", "parent_unit", "path",
               "parent_path", "message")
"""The columns of ``trace --format csv``, one row per finding."""

_SUFFIXES = (".yaml", ".yml", ".json", ".toml")


def _folder_plans(folder: str) -> list[Plan]:
    from gender_plan.io.plan_files import load_plan  # noqa: PLC0415

    path = Path(folder)
    if not path.is_dir():
        raise ValidationError([Problem(message=msg("no such folder"), file=folder,
                                       hint=msg("give the folder that holds the plan files"))],
                              subject="--plans folder")
    plans = [load_plan(file) for file in sorted(path.iterdir())
             if file.suffix.lower() in _SUFFIXES and file.is_file()]
    seen: dict[str, int] = {}
    for index, plan in enumerate(plans):
        if plan.code in seen:
            raise ValidationError([Problem(
                message=msg("two plan files have the code {code!r}", code=plan.code), file=folder,
                hint=msg("each plan in the folder needs its own code"))], subject="--plans folder")
        seen[plan.code] = index
    return plans


def load_parent(path: str) -> Plan:
    """The plan file at `path`, or the shipped national strategy for ``national``.

    A plan file always has a suffix, so no file is shadowed.
    """
    from gender_plan.io.plan_files import load_plan  # noqa: PLC0415
    from gender_plan.traceability import national_strategy  # noqa: PLC0415

    return national_strategy() if path == "national" else load_plan(path)


def parents_of(plan: Plan, args: argparse.Namespace) -> tuple[Plan, ...]:
    """The plans above `plan`: the ``--parent`` files in order, else the chain in ``--plans``."""
    if args.parents and args.plans is not None:
        raise ValidationError([Problem(message=msg("both --parent and --plans given"),
                                       hint=msg("give the parents one by one, or a folder"))],
                              subject="command line")
    if args.parents:
        return tuple(load_parent(path) for path in args.parents)
    if args.plans is not None:
        others = [p for p in _folder_plans(args.plans) if p.code != plan.code]
        chain = resolve_chain(plan, others, source=msg("the plans in {folder}",
                                                        folder=args.plans))
        if not chain:
            raise ValidationError([Problem(
                path="parent", file=args.plan,
                message=msg("plan {code!r} names no parent plan", code=plan.code),
                hint=msg("set the plan's 'parent' to the legal basis it implements, or use "
                         "--parent"),
            )], subject="chain of plans")
        return chain
    raise ValidationError([Problem(message=msg("no parent plan given"),
                                   hint=msg("add --parent FILE (repeat it for the parent's "
                                            "parent) or --plans FOLDER"))],
                          subject="command line")


def _row(finding: Finding, language: Language) -> dict[str, Any]:
    return {
        "parent_plan": finding.parent_plan, "indicator": finding.indicator,
        "parent_indicator": finding.parent_indicator, "kind": finding.kind.value,
        "fails": finding.kind.fails, "by_number": finding.by_number, "year": finding.year,
        "value": finding.value, "unit": finding.unit, "parent_year": finding.parent_year,
        "parent_value": finding.parent_value, "parent_unit": finding.parent_unit,
        "path": finding.path, "parent_path": finding.parent_path,
        "message": finding.text(language),
    }


def _table(plan: Plan, parents: tuple[Plan, ...], findings: tuple[Finding, ...],
           language: Language) -> str:
    from gender_plan.cli._text import table  # noqa: PLC0415

    en = language == "en"
    lines = []
    for parent in parents:
        mine = [f for f in findings if f.parent_plan == parent.code]
        head = "Against" if en else "So với"
        lines.append(f"{head} {parent.title.get(language)} ({parent.code}):")
        if not mine:
            lines += ["  " + ("no finding" if en else "không có phát hiện nào"), ""]
            continue
        rows = [[f.indicator or "-", f.parent_indicator,
                 f.kind.label.get(language), f.text(language)] for f in mine]
        header = (["indicator", "parent", "finding", "message"] if en
                  else ["chỉ tiêu", "cấp trên", "phát hiện", "nội dung"])
        lines += [table(header, rows, wrap=3), ""]
    failing = sum(f.kind.fails for f in findings)
    if en:
        lines.append(f"{plan.code}: {len(findings)} findings, {failing} to act on "
                     "(less ambitious, missing or not traceable)")
    else:
        lines.append(f"{plan.code}: {len(findings)} phát hiện, {failing} cần xử lý "
                     "(kém tham vọng hơn, thiếu hoặc không đối chiếu được)")
    return "\n".join(lines) + "\n"


def trace(args: argparse.Namespace) -> int:
    """Print the findings; 0 when nothing is weaker, missing or untraceable, else 1."""
    from gender_plan.io.plan_files import load_plan  # noqa: PLC0415

    plan = load_plan(args.plan)
    parents = parents_of(plan, args)
    findings = check_chain(plan, parents, by_number=args.by_number,
                           include_equal=args.equal)
    if args.output_format == "json":
        document = {
            "format": TRACE_FORMAT, "version": 1, "plan": plan.code,
            "parents": [parent.code for parent in parents],
            "findings": [{**_row(f, "vi"), "message": {"vi": f.text("vi"), "en": f.text("en")}}
                         for f in findings],
        }
        json.dump(document, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    elif args.output_format == "csv":
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=CSV_COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(_row(f, args.lang) for f in findings)
        sys.stdout.write(buffer.getvalue())
    else:
        sys.stdout.write(_table(plan, parents, findings, args.lang))
    return 1 if any(f.kind.fails for f in findings) else 0
