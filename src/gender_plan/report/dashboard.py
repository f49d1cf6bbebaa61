"""A province's dashboard, as one self-contained HTML page (no script, prints on A4).

Every commune's status per target (or that it has no plan, or no counterpart indicator), the
share of all its communes achieved or on track per target, the province's own assessment with
its latest values (and, for a share of places, how many places below met its condition) and a
ranking of the communes with a plan, equal counts sharing a rank.

Colours only repeat what the text says: every cell holds the status's name, so the table
reads the same in black and white and to a screen reader.
"""

from __future__ import annotations

import html
import math

from gender_plan._i18n import msg
from gender_plan.errors import AssessmentError
from gender_plan.evaluation.status import Status
from gender_plan.model.indicator import Indicator
from gender_plan.model.share import ShareOfPlaces
from gender_plan.model.target import Comparator
from gender_plan.model.text import Language
from gender_plan.numbers import format_number, format_quantity, format_yes_no
from gender_plan.portfolio.results import PortfolioAssessment

__all__ = ["dashboard_html"]

_GOOD = (Status.ACHIEVED, Status.ON_TRACK)
_STYLE = """
body{font-family:"Noto Sans","DejaVu Sans",sans-serif;margin:1.5em;color:#111}
table{border-collapse:collapse;margin:.5em 0 1.5em}th,td{border:1px solid #999;padding:.25em .5em;
font-size:.85em;text-align:left}th{background:#eee}
.achieved{background:#1a7f37;color:#fff}.on_track{background:#8fd19e}
.needs_acceleration{background:#ffd966}.limited_progress{background:#f4a261}
.deteriorating,.not_achieved{background:#c0392b;color:#fff}
.insufficient_data,.no_data{background:#fff;color:#555;font-style:italic}.none{color:#555}
@page{size:A4 landscape;margin:12mm}
"""


_NO_PLAN = "— (chưa có kế hoạch / no plan)"
_NO_COUNTERPART = "— (không có chỉ tiêu tương ứng / no counterpart)"


def _cell(status: Status | None, *, planned: bool = True) -> str:
    """A status named in both languages, or what the commune lacks: a plan, or a counterpart."""
    if status is None:
        return f'<td class="none">{_NO_COUNTERPART if planned else _NO_PLAN}</td>'
    return (f'<td class="{status.value}">{html.escape(status.text("vi"))}'
            f'<br><small>{html.escape(status.text("en"))}</small></td>')


def _latest(assessment: PortfolioAssessment, place: str, indicator: Indicator) -> str:
    """The latest value judged, with the count of places for a share of places."""
    table = assessment.table_of(place)
    value = float(table.latest[table.row(place, indicator.code)])
    if math.isnan(value):
        return "—"
    shown = html.escape(format_quantity(bool(value) if indicator.is_yes_no else value,
                                        indicator.unit, "vi"))
    counted = assessment.places_met(place, indicator.code)
    share = indicator.share_of_places
    if counted is not None and share is not None:
        met, total = counted
        vi, en = (html.escape(_condition(share, language)) for language in ("vi", "en"))
        shown += (f"<br><small>{met}/{total} địa phương cấp dưới đạt {vi} / {met} of "
                  f"{total} places below meet {en}</small>")
    return shown


def _condition(share: ShareOfPlaces, language: Language) -> str:
    """The condition as `language` writes it: ``≥ 4/quý``, ``≥ 4 per quarter``, ``= Có``."""
    if isinstance(share.value, bool):
        return f"= {format_yes_no(share.value, language)}"
    unit = share.unit or ""
    shown = format_quantity(share.value, unit, language, decimals=6)
    if share.comparator is Comparator.ABOUT and share.tolerance is not None:
        shown = (f"{format_number(share.value, language, decimals=6)} ± "
                 f"{format_quantity(share.tolerance, unit, language, decimals=6)}")
    return f"{share.comparator.symbol} {shown}"


def dashboard_html(assessment: PortfolioAssessment, place: str) -> str:
    """The dashboard of `place` (a province) and the places directly below it.

    Raises:
        AssessmentError: `place` was not assessed, or has no places below it.
    """
    portfolio = assessment.portfolio
    hierarchy = portfolio.hierarchy
    if not assessment.assessed(place):
        raise AssessmentError(msg("place {place!r} was not assessed (has it a plan?): no "
                                  "dashboard", place=place))
    below = list(hierarchy.children(place))
    if not below:
        raise AssessmentError(msg("place {place!r} has no places below it: a dashboard shows "
                                  "the places of a province", place=place))
    plan = portfolio.plan_of(place)
    assert plan is not None
    upper = [indicator for _, indicator in plan.indicators()]
    grid: dict[str, list[Status | None]] = {}
    planned = {child.code: assessment.assessed(child.code) for child in below}
    for child in below:
        child_plan = portfolio.plan_of(child.code)
        statuses: list[Status | None] = []
        match = (assessment.counterparts.get((child_plan.code, plan.code))
                 if child_plan is not None else None)
        for indicator in upper:
            code = match.codes.get(indicator.code) if match is not None else None
            statuses.append(None if code is None or not assessment.assessed(child.code)
                            else assessment.status_of(child.code, code))
        grid[child.code] = statuses
    name = hierarchy.get(place).name or place
    heads = "".join(f"<th>{html.escape(i.label)}</th>" for i in upper)
    lines = [f"<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"utf-8\"><title>"
             f"{html.escape(name)}: bảng theo dõi / dashboard</title><style>{_STYLE}</style>"
             "</head><body>",
             f"<h1>{html.escape(name)}: bảng theo dõi mục tiêu / targets dashboard</h1>",
             f"<p>Kế hoạch / plan: {html.escape(plan.title.get('vi'))} ({html.escape(plan.code)})"
             f"; đánh giá đến / as of {assessment.as_of.isoformat()}</p>",
             "<h2>Đánh giá của tỉnh / the province's own assessment</h2>",
             "<table><tr><th>Số / No.</th><th>Chỉ tiêu / indicator</th>"
             "<th>Trạng thái / status</th><th>Giá trị mới nhất / latest value</th></tr>"]
    for indicator in upper:
        lines.append(f"<tr><td>{html.escape(indicator.label)}</td><td>"
                     f"{html.escape(indicator.name.get('vi'))}</td>"
                     f"{_cell(assessment.status_of(place, indicator.code))}"
                     f"<td>{_latest(assessment, place, indicator)}</td></tr>")
    lines += ["</table>", "<h2>Các xã theo từng chỉ tiêu / every commune per target</h2>",
              f"<table><tr><th>Xã / commune</th>{heads}</tr>"]
    for child in below:
        label = html.escape(child.name or child.code)
        cells = "".join(_cell(s, planned=planned[child.code]) for s in grid[child.code])
        lines.append(f"<tr><th>{label}</th>{cells}</tr>")
    count = len(below)
    shares = "".join(f"<td>{_share(column, count)}</td>" for column in zip(*grid.values(),
                                                                             strict=True))
    lines += [f"<tr><th>Tỷ lệ xã đã đạt hoặc đúng lộ trình, trên tổng số {count} xã<br><small>"
              f"share of the {count} communes achieved or on track</small></th>{shares}</tr>",
              "</table>",
              "<p><small>Xã chưa có kế hoạch hoặc không có chỉ tiêu tương ứng được tính là chưa "
              "đạt; — khi không xã nào có số liệu / a commune without a plan or counterpart "
              "counts as not on track; — where no commune has data.</small></p>",
              "<h2>Xếp hạng / ranking</h2>",
              "<table><tr><th>Hạng / rank</th><th>Xã / commune</th>"
              "<th>Mục tiêu đạt hoặc đúng lộ trình / targets achieved or on track</th></tr>"]
    for rank, code, good in _ranked(grid, planned):
        label = html.escape(hierarchy.get(code).name or code)
        score = _NO_PLAN if good is None else f"{good} / {len(upper)}"
        lines.append(f"<tr><td>{rank}</td><td>{label}</td><td>{score}</td></tr>")
    lines += ["</table>", "</body></html>", ""]
    return "\n".join(lines)


def _share(column: tuple[Status | None, ...], count: int) -> str:
    """Communes achieved or on track out of all `count`; unknown (—) when none has data."""
    good = sum(1 for s in column if s in _GOOD)
    if all(s is None or s is Status.NO_DATA for s in column):
        return f"— ({good}/{count})"
    return f"{100 * good / count:.0f}% ({good}/{count})"


def _ranked(grid: dict[str, list[Status | None]],
            planned: dict[str, bool]) -> list[tuple[str, str, int | None]]:
    """(rank, commune, targets achieved or on track), best first.

    Equal counts share a rank (1, 1, 3); communes without a plan come last, unranked (—, None).
    """
    scores = sorted(((sum(1 for s in row if s in _GOOD), code) for code, row in grid.items()
                     if planned[code]), key=lambda item: (-item[0], item[1]))
    ranked: list[tuple[str, str, int | None]] = []
    for position, (good, code) in enumerate(scores, start=1):
        tied = bool(ranked) and ranked[-1][2] == good
        ranked.append((ranked[-1][0] if tied else str(position), code, good))
    return ranked + [("—", code, None) for code in grid if not planned[code]]
