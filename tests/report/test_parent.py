"""The report's optional section: each target beside its parent plan's."""

from __future__ import annotations

from html.parser import HTMLParser

from gender_plan import Measurement, Plan, PlanAssessment, national_strategy
from gender_plan.report import build_view, render_report


class _Cells(HTMLParser):
    """The text of every table cell, row by row, under the section with id parent-plan."""

    def __init__(self) -> None:
        super().__init__()
        self.inside = False
        self.rows: list[list[str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "section":
            self.inside = ("id", "parent-plan") in attrs
        elif self.inside and tag == "tr":
            self.rows.append([])
        elif self.inside and tag in ("td", "th"):
            self.rows[-1].append("")

    def handle_data(self, data: str) -> None:
        if self.inside and self.rows and self.rows[-1]:
            self.rows[-1][-1] += data


def test_without_a_parent_there_is_no_section(laikhe: Plan, assessment: PlanAssessment,
                                              measurements: tuple[Measurement, ...]):
    assert build_view(laikhe, assessment, measurements).parent is None
    assert "parent-plan" not in render_report(laikhe, assessment, measurements)
    assert "Beside the parent plan" not in render_report(
        laikhe, assessment, measurements, language="en", report_format="md")


def test_the_section_lists_each_target_beside_the_parents(
        laikhe: Plan, assessment: PlanAssessment, measurements: tuple[Measurement, ...]):
    view = build_view(laikhe, assessment, measurements, language="en",
                      parent=national_strategy(), by_number=True)
    assert view.parent is not None
    rows = {(row.number, row.parent_number): row for row in view.parent.rows}
    weaker = rows[("1.1", "1.1")]
    assert ("≥ 60% (by 2030)", "≥ 75% (by 2030)", "less ambitious", True) == (
        weaker.target, weaker.parent_target, weaker.finding, weaker.fails)
    assert ("equal", False) == (rows[("2.2", "2.2")].finding, rows[("2.2", "2.2")].fails)
    missing = rows[("", "3.4")]
    assert ("—", "≥ 70% (by 2025); ≥ 100% (by 2030)", "missing indicator") == (
        missing.target, missing.parent_target, missing.finding)
    # Every indicator of the strategy appears (3.2 twice, one row per part).
    assert 13 == len(view.parent.rows)


def test_html_and_markdown_show_the_same_rows(
        laikhe: Plan, assessment: PlanAssessment, measurements: tuple[Measurement, ...]):
    parent = national_strategy()
    page = render_report(laikhe, assessment, measurements, language="en", parent=parent,
                         by_number=True)
    cells = _Cells()
    cells.feed(page)
    header, *body = [[cell.strip() for cell in row] for row in cells.rows]
    assert ["No.", "Target", "Parent's target", "Finding"] == header
    assert 13 == len(body)
    assert ["1.1", "≥ 60% (by 2030)", "1.1: ≥ 75% (by 2030)"] == body[0][:3]
    assert body[0][3].startswith("less ambitious")
    markdown = render_report(laikhe, assessment, measurements, language="en", parent=parent,
                             by_number=True, report_format="md")
    section = markdown.split("## Beside the parent plan")[1]
    table = [line for line in section.splitlines() if line.startswith("| ")]
    assert 2 + 13 == len(table)  # the header, its rule and one row per finding
    assert table[2].startswith("| 1.1 | ≥ 60% (by 2030) | 1.1: ≥ 75% (by 2030) | "
                               "**less ambitious** |")
    vi = render_report(laikhe, assessment, measurements, parent=parent, by_number=True,
                       report_format="md")
    assert "## Đối chiếu với kế hoạch cấp trên" in vi
    assert "kém tham vọng hơn" in vi
