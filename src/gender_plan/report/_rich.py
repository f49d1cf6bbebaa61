"""Rich display in Jupyter: small HTML views of a plan, an assessment and a plan's assessments.

They reuse the printable report's status badges (its CSS, read from the report template) and
its SVG chart, and import nothing heavy: no jinja2, numpy or pandas.
"""

from __future__ import annotations

import functools
import html
import re
from importlib import resources
from typing import TYPE_CHECKING

from gender_plan.numbers import format_number, format_quantity
from gender_plan.report.chart import Chart, render_svg

if TYPE_CHECKING:
    from gender_plan.evaluation.assessment import Assessment
    from gender_plan.evaluation.plan_assessment import PlanAssessment
    from gender_plan.model.plan import Plan
    from gender_plan.model.target import Target

__all__ = ["assessment_html", "plan_assessment_html", "plan_html"]

_STATUS_CLASSES = ("badge", "achieved", "on_track", "needs_acceleration", "limited_progress",
                   "deteriorating", "not_achieved", "insufficient_data", "no_data")
_SCOPE = "gender-plan"


@functools.cache
def badge_css() -> str:
    """The report's badge and chart rules, scoped to ``.gender-plan`` (a notebook's stay)."""
    template = resources.files("gender_plan.report").joinpath("templates", "report.html.j2")
    text = template.read_text(encoding="utf-8")
    start = re.compile(r"^(svg\.chart|\.(" + "|".join(_STATUS_CLASSES) + r"))\b")
    rules: list[str] = []
    for line in text.splitlines():
        if start.match(line) or (rules and line.startswith(" ") and not rules[-1].endswith("}")):
            rules.append(line)
    css = "\n".join(rules)
    return re.sub(r"(^|\}\s*)(\.|svg\.)", lambda m: f"{m.group(1)}.{_SCOPE} {m.group(2)}",
                  css, flags=re.M)


def _badge(status_value: str, text: str) -> str:
    return f'<span class="badge {html.escape(status_value)}">{html.escape(text)}</span>'


def _wrap(body: str) -> str:
    return f'<div class="{_SCOPE}"><style>{badge_css()}</style>{body}</div>'


def _target(target: Target | None, value: float | bool | None, unit: str) -> str:
    if target is None or value is None:
        return "—"
    if isinstance(value, bool):
        return "Có" if value else "Không"
    head = f"{target.comparator.symbol} {format_quantity(value, unit, 'en')}"
    if target.upper is not None:
        head = f"{format_number(value, 'en')}–{format_quantity(target.upper, unit, 'en')}"
    return head


def _value(value: float | bool | None, unit: str) -> str:
    if value is None:
        return "—"
    if isinstance(value, bool):
        return "Có / yes" if value else "Không / no"
    return format_quantity(value, unit, "en")


def _chart(assessment: Assessment) -> str:
    baseline, latest, target = assessment.baseline, assessment.latest, assessment.target_value
    if latest is None or target is None or isinstance(target, bool) or assessment.deadline is None:
        return ""
    points: list[tuple[float, float]] = []
    for seen in (baseline, latest):
        if seen is not None and not isinstance(seen.value, bool) and (
            not points or points[-1][0] != seen.period.time
        ):
            points.append((seen.period.time, float(seen.value)))
    if not points:
        return ""
    start = None
    if baseline is not None and not isinstance(baseline.value, bool):
        start = (baseline.period.time, float(baseline.value))
    chart = Chart(points=tuple(points), target=float(target),
                  deadline=float(assessment.deadline), baseline=start,
                  title=f"{assessment.indicator}: {assessment.status.text('en')}")
    return render_svg(chart, "en")


def assessment_html(assessment: Assessment) -> str:
    """One assessment: its badge, the target, baseline, latest value, ratio, reasons, chart."""
    unit = assessment.unit
    rows = [
        ("Chỉ tiêu / target", _target(assessment.target, assessment.target_value, unit)
         + (f" ({assessment.deadline})" if assessment.deadline is not None else "")),
        ("Cơ sở / baseline", _value(None if assessment.baseline is None
                                    else assessment.baseline.value, unit)),
        ("Mới nhất / latest", _value(None if assessment.latest is None
                                     else assessment.latest.value, unit)
         + ("" if assessment.latest is None else f" ({assessment.latest.period})")),
        ("Tỷ số / ratio", "—" if assessment.ratio is None
         else format_number(assessment.ratio, "en", decimals=3)),
        ("Phương pháp / method", assessment.method),
    ]
    table = "".join(f"<tr><th>{html.escape(k)}</th><td>{html.escape(v)}</td></tr>"
                    for k, v in rows)
    reasons = "".join(f"<li>{html.escape(r.text('vi'))}<br><small>{html.escape(r.text('en'))}"
                      "</small></li>" for r in assessment.reasons)
    head = (f"<p><b>{html.escape(assessment.indicator)}</b> "
            f"{_badge(assessment.status.value, assessment.status.text('vi'))} "
            f"<small>{html.escape(assessment.status.text('en'))} — "
            f"{assessment.as_of.isoformat()}</small></p>")
    return _wrap(f"{head}<table>{table}</table>{_chart(assessment)}<ul>{reasons}</ul>")


def plan_assessment_html(assessment: PlanAssessment) -> str:
    """Every indicator's status as a badge with its latest value and ratio, and the counts."""
    rows = []
    for code, one in assessment.indicators.items():
        latest = None if one.latest is None else one.latest.value
        ratio = "" if one.ratio is None else format_number(one.ratio, "en", decimals=2)
        rows.append(
            f"<tr><td>{html.escape(code)}</td>"
            f"<td>{_badge(one.status.value, one.status.text('vi'))}</td>"
            f"<td>{html.escape(_target(one.target, one.target_value, one.unit))}</td>"
            f"<td>{html.escape(_value(latest, one.unit))}</td><td>{ratio}</td></tr>")
    counts = " ".join(_badge(status.value, f"{status.text('vi')}: {count}")
                      for status, count in assessment.summary.counts if count)
    head = (f"<p><b>{html.escape(assessment.plan)}</b> — {assessment.as_of.isoformat()} — "
            f"{html.escape(assessment.method)}</p><p>{counts}</p>")
    header = ("<tr><th>Mã / code</th><th>Trạng thái / status</th><th>Chỉ tiêu / target</th>"
              "<th>Mới nhất / latest</th><th>R</th></tr>")
    return _wrap(f"{head}<table>{header}{''.join(rows)}</table>")


def plan_html(plan: Plan) -> str:
    """The plan's heading, years and every goal with its indicators and targets."""
    parts = [f"<p><b>{html.escape(plan.title.vi)}</b>",
             f"<br>{html.escape(plan.issuer.vi)} — {plan.start_year}-{plan.end_year}"
             + (" — <i>dự thảo / draft</i>" if plan.is_draft else "") + "</p>"]
    rows = []
    for goal, indicator in plan.indicators():
        targets = "; ".join(
            _target(t, indicator.target_value(t), indicator.unit)
            + (f" ({t.year})" if t.year is not None else "")
            for t in indicator.targets)
        rows.append(f"<tr><td>{html.escape(goal.code)}</td><td>{html.escape(indicator.label)}"
                    f"</td><td>{html.escape(indicator.name.vi)}</td>"
                    f"<td>{html.escape(targets)}</td></tr>")
    header = ("<tr><th>Mục tiêu / goal</th><th>Số / number</th><th>Chỉ tiêu / indicator</th>"
              "<th>Giá trị / target</th></tr>")
    return _wrap("".join(parts) + f"<table>{header}{''.join(rows)}</table>")
