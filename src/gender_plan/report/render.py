"""Rendering a report view to HTML or Markdown with Jinja2 templates (the ``report`` extra).

Plan text comes from files that anyone may write, so HTML autoescaping is on for every HTML
template (Jinja2's `select_autoescape`), and Markdown gets its own escaping filter.
"""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING, Any, Literal

from gender_plan._i18n import msg
from gender_plan.errors import MissingDependencyError
from gender_plan.io._extras import require

if TYPE_CHECKING:
    import jinja2

    from gender_plan.report.view import ReportView

__all__ = ["ReportFormat", "escape_markdown", "render"]

ReportFormat = Literal["html", "md"]

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]|~#!])")
_LINE_START = re.compile(r"^(\s*)(\d+(?=[.)](?:\s|$))|(?=[-+](?:\s|$))|(?=[>=]))", re.MULTILINE)


def escape_markdown(text: object) -> str:
    """Escape `text` so that Markdown shows it literally, in a paragraph or a table cell.

    Markdown characters get a backslash, HTML's ``<``, ``>`` and ``&`` become entities (Markdown
    passes raw HTML through), and line breaks become spaces so a table row stays one line.
    """
    # "<" and "&" become entities (Markdown passes raw HTML through); ">" alone opens no tag and
    # is escaped only at a line's start (a quote), so "> 90%" reads as written in a table.
    value = str(text).replace("&", "&amp;").replace("<", "&lt;")
    value = _MARKDOWN_SPECIAL.sub(r"\\\1", value)
    # A line starting "1." or "-" would become a list: escape the marker's punctuation.
    value = _LINE_START.sub(lambda m: m[1] + m[2] + "\\", value)
    return " ".join(value.splitlines())


@functools.cache
def _environment() -> jinja2.Environment:
    try:
        import jinja2  # noqa: PLC0415 - optional dependency, imported on first use
    except ImportError:
        raise MissingDependencyError("jinja2", "report", msg("Writing a report")) from None
    environment = jinja2.Environment(
        loader=jinja2.PackageLoader("gender_plan.report", "templates"),
        autoescape=jinja2.select_autoescape(enabled_extensions=("html", "html.j2"),
                                            default_for_string=True),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    environment.filters["md"] = escape_markdown
    return environment


def render(view: ReportView, report_format: ReportFormat = "html") -> str:
    """The report as one HTML page or one Markdown document."""
    environment = _environment()
    # markupsafe comes with jinja2, but a broken install can lack it: say which extra, too.
    markupsafe = require("markupsafe", package="markupsafe", extra="report",
                         feature=msg("Writing a report"))
    template = environment.get_template(f"report.{report_format}.j2")
    context: dict[str, Any] = {"view": view, "labels": view.labels}
    if report_format == "html":
        # Charts are markup built by gender_plan.report.chart, which escapes every text itself.
        context["charts"] = {
            row.code: markupsafe.Markup(row.chart)
            for goal in view.goals
            for row in goal.rows
            if row.chart is not None
        }
    return template.render(context)
