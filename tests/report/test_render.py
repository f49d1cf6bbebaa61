"""HTML and Markdown reports: content, language, escaping, and the file they are written to."""

from __future__ import annotations

import html
import html.parser
from typing import TYPE_CHECKING

import attrs
import pytest

from gender_plan import (
    GrowthRatio,
    LinearPath,
    LocalizedText,
    Measurement,
    Plan,
    PlanAssessment,
    Status,
    ValidationError,
    assess_plan,
)
from gender_plan.report import (
    build_view,
    escape_markdown,
    render_report,
    report_format_for,
    write_report,
)

if TYPE_CHECKING:
    from pathlib import Path

EVIL = "<script>alert('x')</script> *bold* | [link](http://x) #1"


class _Collector(html.parser.HTMLParser):
    """Collects start tags and text, to look at the page as a browser parses it."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def _parse(page: str) -> _Collector:
    collector = _Collector()
    collector.feed(page)
    return collector


def _evil_plan(plan: Plan) -> Plan:
    goal = plan.goals[0]
    indicator = attrs.evolve(goal.indicators[0], name=LocalizedText(vi=EVIL, en=EVIL))
    goals = (attrs.evolve(goal, title=LocalizedText(vi=EVIL), indicators=(indicator,)),
             *plan.goals[1:])
    return attrs.evolve(plan, title=LocalizedText(vi=EVIL, en=EVIL), goals=goals)


def test_html_report_has_heading_summary_and_every_target(
    laikhe: Plan, assessment: PlanAssessment, measurements: tuple[Measurement, ...]
) -> None:
    page = render_report(laikhe, assessment, measurements)
    parsed = _parse(page)
    text = " ".join(parsed.text)
    assert laikhe.title.vi in text
    assert "Dự thảo" in text
    assert "31/12/2027" in text
    assert "Lộ trình tuyến tính" in text
    assert len(laikhe.goals) == page.count('<section class="goal"')
    for _, indicator in laikhe.indicators():
        assert indicator.name.vi in text
    # 1.1 rose from 30 to 35.5: written the Vietnamese way, with its source and a chart.
    assert "35,5% (2027, records)" in text
    assert "≥ 60% (đến năm 2030)" in text
    assert 2 == page.count('class="chart"')
    assert "script" not in parsed.tags
    assert "link" not in parsed.tags  # no stylesheet or font fetched from anywhere
    assert "http://" not in page.replace('xmlns="http://www.w3.org/2000/svg"', "")


def test_html_status_badge_reads_as_text(
    laikhe: Plan, assessment: PlanAssessment, measurements: tuple[Measurement, ...]
) -> None:
    page = render_report(laikhe, assessment, measurements, language="en")
    status = assessment["1.1"].status
    assert f'<span class="badge {status.value}">{status.text("en")}</span>' in page
    assert "35.5% (2027, records)" in page


def test_html_summary_counts_match_the_assessment(
    laikhe: Plan, assessment: PlanAssessment, measurements: tuple[Measurement, ...]
) -> None:
    view = build_view(laikhe, assessment, measurements, language="en")
    assert assessment.summary.counts == view.plan_summary.counts
    assert assessment.summary.count(Status.NO_DATA) == dict(view.plan_summary.counts)[
        Status.NO_DATA
    ]
    assert [goal.summary.counts for goal in assessment.goals] == [
        goal.summary.counts for goal in view.goals
    ]


def test_plan_text_is_escaped_in_html(
    laikhe: Plan, measurements: tuple[Measurement, ...]
) -> None:
    plan = _evil_plan(laikhe)
    found = assess_plan(plan, measurements[:2], as_of=2027)
    for language in ("vi", "en"):
        page = render_report(plan, found, measurements[:2], language=language)  # type: ignore[arg-type]
        assert "<script>" not in page
        assert "&lt;script&gt;" in page
        parsed = _parse(page)
        assert "script" not in parsed.tags
        assert EVIL in "".join(parsed.text)


def test_plan_text_is_escaped_in_markdown(
    laikhe: Plan, measurements: tuple[Measurement, ...]
) -> None:
    plan = _evil_plan(laikhe)
    found = assess_plan(plan, measurements[:2], as_of=2027)
    page = render_report(plan, found, measurements[:2], report_format="md")
    assert "<script>" not in page
    assert "\\*bold\\*" in page
    assert "\\| \\[link\\]" in page
    # Every table row keeps its columns: escaped pipes do not split cells.
    rows = [line for line in page.splitlines() if line.startswith("| 1.1 |")]
    assert 1 == len(rows)
    assert 6 == rows[0].count(" | ")


def test_markdown_report_has_the_same_content(
    laikhe: Plan, assessment: PlanAssessment, measurements: tuple[Measurement, ...]
) -> None:
    page = render_report(laikhe, assessment, measurements, language="en", report_format="md")
    assert "(DRAFT)" in page
    assert "| Whole plan |" in page
    for goal in laikhe.goals:
        assert f"## Goal {goal.code}: " in page
    assert "35.5% (2027, records)" in page
    assert "Measurements: 2025: 30%; 2027: 35.5%." in page
    assert assessment["1.1"].status.text("en") in page


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a*b_c", "a\\*b\\_c"),
        ("<b>&", "&lt;b>&amp;"),
        ("> 90%", "\\> 90%"),
        ("1. first\n- second", "1\\. first \\- second"),
        ("x | y", "x \\| y"),
        ("plain text, 60,5%", "plain text, 60,5%"),
    ],
)
def test_escape_markdown(text: str, expected: str) -> None:
    assert expected == escape_markdown(text)


def test_reasons_write_numbers_in_the_language(
    laikhe: Plan, assessment: PlanAssessment, measurements: tuple[Measurement, ...]
) -> None:
    vi = build_view(laikhe, assessment, measurements, language="vi").goals[0].rows[0]
    en = build_view(laikhe, assessment, measurements, language="en").goals[0].rows[0]
    ratio = assessment["1.1"].ratio
    assert ratio is not None
    assert any(f"{ratio:.3f}".rstrip("0").replace(".", ",") in reason for reason in vi.reasons)
    assert any(f"{ratio:.3f}".rstrip("0") in reason for reason in en.reasons)
    assert any("30 (2025)" in reason for reason in vi.reasons)


@pytest.mark.parametrize(
    ("name", "expected"),
    [("r.html", "html"), ("R.HTM", "html"), ("r.md", "md"), ("r.markdown", "md")],
)
def test_report_format_follows_the_suffix(name: str, expected: str) -> None:
    assert expected == report_format_for(name)


def test_unknown_suffix_is_a_validation_error() -> None:
    with pytest.raises(ValidationError, match=r"\*\.html or \*\.md"):
        report_format_for("report.pdf")


def test_write_report_writes_the_file(
    tmp_path: Path, laikhe: Plan, assessment: PlanAssessment,
    measurements: tuple[Measurement, ...],
) -> None:
    path = write_report(laikhe, assessment, measurements, tmp_path / "r.md", language="en")
    assert render_report(laikhe, assessment, measurements, language="en",
                         report_format="md") == path.read_text(encoding="utf-8")
    assert [path] == list(tmp_path.iterdir())  # no temporary file left behind


def _demo_data(plan: Plan) -> tuple[Measurement, ...]:
    from pathlib import Path  # noqa: PLC0415

    from gender_plan import load_measurements  # noqa: PLC0415

    data = Path(__file__).resolve().parents[2] / "examples" / "data" / "laikhe-measurements.csv"
    return load_measurements(data, plan=plan)


def test_the_report_shows_signature_appendix_facts_and_values_in_vietnamese(
    laikhe: Plan,
) -> None:
    measurements = _demo_data(laikhe)
    found = assess_plan(laikhe, measurements, as_of=2026)
    page = render_report(laikhe, found, measurements, report_format="md")
    assert "&gt;" not in page
    assert "> 90% (đến năm 2030)" in page
    assert "**TM. ỦY BAN NHÂN DÂN**" in page
    assert "Phạm Văn Liêm" in page
    assert "- Sở Nội vụ" in page
    assert "## Phụ lục: toàn văn kế hoạch" in page
    # The appendix follows the document: the calendar of the occasions section II names
    # closes II, before III (funding) and IV (units).
    appendix = page[page.index("## Phụ lục: toàn văn kế hoạch"):]
    parts = ["II. NHIỆM VỤ, GIẢI PHÁP CHỦ YẾU", "Lịch hằng năm", "III. KINH PHÍ THỰC HIỆN",
             "IV. TỔ CHỨC THỰC HIỆN", "Nơi nhận"]
    assert sorted(appendix.index(part) for part in parts) == [appendix.index(p) for p in parts]
    # The values under 1.1, as the demo data hold them, in Vietnamese.
    assert "| 2025 | tổng | 40% | sổ sách của xã | Minh họa (số liệu giả định cho ví dụ) |" in page
    assert "Định nghĩa (theo kế hoạch): các cơ quan quản lý nhà nước" in page
    # No English series or source label outside the engine's reasons.
    tables = [line for line in page.splitlines() if line.startswith("| 20")]
    assert [] == [line for line in tables if "Illustrative" in line or "commune" in line]


@pytest.mark.parametrize("report_format", ["md", "html"])
def test_the_vietnamese_report_names_no_series_nor_source_in_english(
    laikhe: Plan, report_format: str,
) -> None:
    """Reasons too name the series by their Vietnamese labels ("Dùng chuỗi số liệu: sổ sách
    của xã.", not "commune records"): nothing the demo data write in English is left."""
    import csv  # noqa: PLC0415
    from pathlib import Path  # noqa: PLC0415

    data = Path(__file__).resolve().parents[2] / "examples" / "data" / "laikhe-measurements.csv"
    with data.open(encoding="utf-8", newline="") as file:
        rows = list(csv.DictReader(file))
    english = {row["series"] for row in rows if row["series"] != row["series_vi"]}
    english |= {row["source"] for row in rows if row["source"] != row["source_vi"]}
    measurements = _demo_data(laikhe)
    for method in (LinearPath(), GrowthRatio()):
        found = assess_plan(laikhe, measurements, as_of=2026, method=method)
        page = html.unescape(render_report(laikhe, found, measurements,
                                           report_format=report_format))
        assert [] == [text for text in sorted(english) if text in page]
        assert "Illustrative" not in page
        assert "Dùng chuỗi số liệu: sổ sách của xã." in page
        assert "Các chuỗi số liệu không dùng: số liệu hành chính." in page


def test_the_english_report_uses_the_english_labels(
    laikhe: Plan,
) -> None:
    measurements = _demo_data(laikhe)
    found = assess_plan(laikhe, measurements, as_of=2026)
    page = render_report(laikhe, found, measurements, report_format="md", language="en")
    assert "| 2025 | total | 40% | commune records | Illustrative (invented for the demo) |" in page
    assert "## Appendix: the whole plan" in page
    assert "**On behalf of the People's Committee**" in page


def test_the_report_gives_a_two_part_target_its_combined_status(laikhe: Plan) -> None:
    measurements = _demo_data(laikhe)
    found = assess_plan(laikhe, measurements, as_of=2026)
    page = render_report(laikhe, found, measurements, report_format="md")
    rows = [line.split(" | ")[0] for line in page.splitlines() if line.startswith("| 3.")]
    assert ["| 3.1", "| 3.2a", "| 3.2b", "| 3.2", "| 3.3"] == rows
    assert ("| 3.2 | 3.2a + 3.2b: chỉ tiêu chung, chỉ đạt khi mọi phần cùng đạt | | | | "
            "**Cần đẩy nhanh** | |") in page
    html_page = render_report(laikhe, found, measurements)
    assert 1 == html_page.count('class="combined-row"')


def test_a_draft_prints_its_number_suffix_as_the_document_does(laikhe, assessment, measurements):
    """Lai Khê's draft reads "Số: /KH-UBND": the suffix stands where the number will go."""
    assert laikhe.number is None
    assert "<dd>/KH-UBND</dd>" in render_report(laikhe, assessment, measurements)
