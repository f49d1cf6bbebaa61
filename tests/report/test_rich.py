"""Rich display in Jupyter: HTML views that carry the report's badges and chart."""

from __future__ import annotations

import html.parser
from pathlib import Path

from gender_plan import (
    Comparator,
    Direction,
    Indicator,
    LocalizedText,
    Measurement,
    Period,
    Target,
    assess_plan,
)
from gender_plan.io import load_plan
from gender_plan.report._format import target_text

ROOT = Path(__file__).resolve().parents[2]
PLAN = load_plan(ROOT / "examples" / "laikhe_2026_2030.yaml")
ROWS = [Measurement(indicator="1.1", period=Period(year=y), value=v)
        for y, v in ((2025, 40), (2027, 47))]


class _Tags(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.classes: list[str] = []
        self.tags: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.classes.extend((dict(attrs).get("class") or "").split())

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def parsed(markup: str) -> _Tags:
    found = _Tags()
    found.feed(markup)
    return found


def test_a_plan_shows_its_title_and_every_indicator() -> None:
    found = parsed(PLAN._repr_html_())
    text = "".join(found.text)
    assert PLAN.title.vi in text
    assert len(list(PLAN.indicators())) == found.tags.count("tr") - 1
    assert "≤ 109" in text


def test_an_assessment_shows_its_badge_chart_and_reasons() -> None:
    assessment = assess_plan(PLAN, ROWS, as_of=2027)
    found = parsed(assessment["1.1"]._repr_html_())
    assert "badge" in found.classes
    assert assessment["1.1"].status.value in found.classes
    assert "svg" in found.tags
    assert "polyline" in found.tags
    text = "".join(found.text)
    assert all(r.text("vi") in text for r in assessment["1.1"].reasons)
    assert ".gender-plan .badge" in text  # the report's own badge rules, scoped


def test_a_plan_assessment_shows_every_indicator_with_a_badge() -> None:
    assessment = assess_plan(PLAN, ROWS, as_of=2027)
    found = parsed(assessment._repr_html_())
    assert len(assessment.indicators) == found.classes.count("badge") - sum(
        1 for _, count in assessment.summary.counts if count)
    assert "no_data" in found.classes


def test_a_band_reads_as_its_two_edges() -> None:
    parity = Indicator(code="x", name=LocalizedText(vi="x"), unit="fraction",
                       direction=Direction.TOWARD_REFERENCE, reference=1.0,
                       targets=[Target(comparator=Comparator.BETWEEN, value=0.97, upper=1.03,
                                       year=2030)])
    assert "0,97–1,03 (đến năm 2030)" == target_text(PLAN, parity, parity.targets[0], "vi")
    assert "0.97–1.03 (by 2030)" == target_text(PLAN, parity, parity.targets[0], "en")
