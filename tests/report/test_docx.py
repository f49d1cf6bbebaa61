"""The results report as a Word document, opened with python-docx: layout, fonts, content."""

from __future__ import annotations

import datetime
from pathlib import Path

import docx
import laikhe_2026_2030
import pytest
from docx.shared import Pt

from gender_plan import assess_plan, load_activities, load_measurements
from gender_plan.cli import main
from gender_plan.report.docx import FONT, results_report, write_docx
from gender_plan.report.kinds import ReportKind, mid_term_year, report_period

ROOT = Path(__file__).resolve().parents[2]
PLAN_FILE = ROOT / "examples" / "laikhe_2026_2030.yaml"
DATA = ROOT / "examples" / "data" / "laikhe-measurements.csv"
RECORD = ROOT / "examples" / "data" / "laikhe-activities-2026.csv"
PLAN = laikhe_2026_2030.build_plan()
MEASUREMENTS = load_measurements(DATA, plan=PLAN)
ACTIVITIES = load_activities(RECORD, plan=PLAN)

@pytest.fixture(autouse=True)
def _vietnamese_command_line(monkeypatch: pytest.MonkeyPatch) -> None:
    """The officer's command line speaks Vietnamese: the reports here are read in it."""
    monkeypatch.setenv("LANGUAGE", "vi")



def _write(tmp_path: Path, kind: ReportKind = ReportKind.ANNUAL, language: str = "vi",
           as_of: int | None = 2026) -> docx.document.Document:
    period = report_period(PLAN, kind, as_of)
    assessment = assess_plan(PLAN, MEASUREMENTS, as_of=period.as_of)
    path = write_docx(PLAN, assessment, MEASUREMENTS, ACTIVITIES, tmp_path / "r.docx",
                      period=period, language=language, year_of_issue=2026)  # type: ignore[arg-type]
    return docx.Document(str(path))


@pytest.fixture(scope="module")
def document(tmp_path_factory: pytest.TempPathFactory) -> docx.document.Document:
    return _write(tmp_path_factory.mktemp("docx"))


def _texts(document: docx.document.Document) -> list[str]:
    texts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            texts.extend(cell.text for cell in row.cells)
    return texts


def test_the_page_is_a4_with_the_decree_margins(document: docx.document.Document) -> None:
    section = document.sections[0]
    def mm(length: object) -> int:
        return round(length.mm)  # type: ignore[attr-defined] # Word stores twentieths of a point

    assert (210, 297) == (mm(section.page_width), mm(section.page_height))
    assert (20, 20, 30, 15) == (mm(section.top_margin), mm(section.bottom_margin),
                                mm(section.left_margin), mm(section.right_margin))


def test_every_run_is_times_new_roman_of_11_to_14_points(
        document: docx.document.Document) -> None:
    runs = [r for p in document.paragraphs for r in p.runs]
    runs += [r for t in document.tables for row in t.rows for c in row.cells
             for p in c.paragraphs for r in p.runs]
    assert runs
    assert {FONT} == {r.font.name for r in runs if r.text}
    sizes = {r.font.size for r in runs if r.text}
    assert all(Pt(11) <= size <= Pt(14) for size in sizes), sizes
    body = [p for p in document.paragraphs if p.text.startswith("Ủy ban nhân dân xã Lai Khê ban")]
    assert Pt(14) == body[0].runs[0].font.size
    assert FONT == document.styles["Normal"].font.name


def test_the_heading_has_the_issuer_motto_number_place_and_date(
        document: docx.document.Document) -> None:
    heading = document.tables[0]
    left = heading.cell(0, 0).text.splitlines()
    right = heading.cell(0, 1).text.splitlines()
    assert ["ỦY BAN NHÂN DÂN", "XÃ LAI KHÊ"] == left
    assert ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"] == right
    assert all(r.font.bold for r in heading.cell(0, 1).paragraphs[1].runs)
    assert heading.cell(1, 0).text.startswith("Số:")
    assert heading.cell(1, 0).text.endswith("/BC-UBND")
    date = heading.cell(1, 1).paragraphs[0]
    assert "Lai Khê, ngày      tháng      năm 2026" == date.text
    assert date.runs[0].font.italic
    titles = [p.text for p in document.paragraphs if p.text]
    assert "BÁO CÁO" == titles[0]
    assert titles[1].startswith("Kết quả thực hiện Kế hoạch triển khai thực hiện Chiến lược quốc "
                                "gia về bình đẳng giới")
    assert titles[1].endswith("năm 2026")


def test_the_sections_of_a_results_report_are_there_in_order(
        document: docx.document.Document) -> None:
    headings = [p.text for p in document.paragraphs if p.text[:3] in ("I. ", "II.", "III", "IV.",
                                                                       "V. ")]
    assert ["I. TÌNH HÌNH CHUNG", "II. KẾT QUẢ THỰC HIỆN", "III. KINH PHÍ THỰC HIỆN",
            "IV. KHÓ KHĂN, VƯỚNG MẮC", "V. ĐỀ XUẤT, KIẾN NGHỊ"] == headings
    texts = [p.text for p in document.paragraphs]
    for sub in ("1. Kết quả thực hiện các chỉ tiêu", "2. Kết quả thực hiện nhiệm vụ theo lĩnh vực",
                "3. Kết quả thực hiện theo đơn vị", "4. Các sự kiện hằng năm"):
        assert sub in texts
    assert any(t.startswith("Nơi nhận:") for t in _texts(document))


def test_every_target_is_in_a_table_with_its_status_value_and_trend(
        document: docx.document.Document) -> None:
    targets = [t for t in document.tables if t.rows[0].cells[0].text == "STT"]
    assert len(PLAN.goals) == len(targets)
    rows = {row.cells[0].text: [c.text for c in row.cells]
            for table in targets for row in table.rows[1:]}
    for _, indicator in PLAN.indicators():
        assert indicator.label in rows, indicator.code
    assert sum(1 for _ in PLAN.indicators()) == sum(len(t.rows) - 1 for t in targets)
    assert ["2.1", "Tỷ lệ lao động nữ làm công hưởng lương", "≥ 60% (đến năm 2030)", "47% (2025)",
            "48,4% (2026)", "↑ tăng 1,4% (tiến bộ)", "Tiến bộ hạn chế"] == rows["2.1"]
    assert "Chưa có số liệu" == rows["3.3"][6]


def test_tasks_units_and_funding_are_reported_with_vietnamese_numbers(
        document: docx.document.Document) -> None:
    task_tables = [t for t in document.tables if t.rows[0].cells[0].text == "Mã"]
    tasks = {row.cells[0].text: [c.text for c in row.cells]
             for t in task_tables for row in t.rows[1:]}
    assert len(PLAN.tasks) == len(tasks)
    assert "Hoàn thành" == tasks["II.1.2"][3]
    assert "Đã tổ chức sự kiện hằng năm" == tasks["II.2.3.2"][3]
    assert "Chưa triển khai" == tasks["II.1.1"][3]
    units = {row.cells[0].text: [c.text for c in row.cells]
             for t in document.tables for row in t.rows if len(row.cells) == 7}
    assert ["Phòng Văn hóa-xã hội xã", "4", "290", "168", "458",
            "Kế hoạch số 15/KH-UBND; Quyết định số 40/QĐ-UBND; Kế hoạch số 52/KH-UBND",
            "24.000.000"] == units["Phòng Văn hóa-xã hội xã"]
    funding = [[c.text for c in row.cells] for t in document.tables for row in t.rows
               if len(row.cells) == 3]
    assert ["Tổng cộng", "7", "37.900.000"] == funding[-1]
    assert any("tổng kinh phí 37.900.000 đồng" in p.text for p in document.paragraphs)


def test_every_duty_of_section_iv_is_reported_with_its_state(
        document: docx.document.Document) -> None:
    (table,) = [t for t in document.tables if len(t.columns) == 5
                and t.rows[0].cells[2].text.startswith("Nhiệm vụ của")]
    rows = [[c.text for c in row.cells] for row in table.rows[1:]]
    assert sum(len(u.duties) for u in PLAN.units) == len(rows)
    assert ["Phòng Văn hóa-xã hội xã", "1"] == rows[0][:2]
    assert ("Hoàn thành", "1") == (rows[0][3], rows[0][4])  # the yearly plan, marked done
    assert ("Chưa triển khai", "0") == (rows[1][3], rows[1][4])
    front = [r for r in rows if r[2] == PLAN.units[-1].duties[1].get("vi")]
    assert [("Đang triển khai", "1")] == [(r[3], r[4]) for r in front]


def test_difficulties_and_proposals_come_from_the_figures(
        document: docx.document.Document) -> None:
    texts = [p.text for p in document.paragraphs]
    assert any(t.startswith("- Các chỉ tiêu chưa đạt tiến độ: 2.1 ") for t in texts)
    assert any(t.startswith("- Chưa có hoặc chưa đủ số liệu để đánh giá:") and "3.3 " in t
               for t in texts)
    assert any(t.startswith("- Các nhiệm vụ chưa triển khai năm 2026: II.1.1,") for t in texts)
    assert any(t.startswith("- Phòng Văn hóa-xã hội xã phối hợp các đơn vị thu thập số liệu")
               for t in texts)


def test_the_signature_block_is_the_plans_signatory(document: docx.document.Document) -> None:
    closing = document.tables[-1]
    assert ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"] == \
        closing.cell(0, 1).text.splitlines()[:3]
    assert "Phạm Văn Liêm" == closing.cell(0, 1).text.splitlines()[-1]
    assert closing.cell(0, 0).text.startswith("Nơi nhận:\n- Sở Nội vụ;")


def test_the_mid_term_and_final_reviews_have_their_own_periods(tmp_path: Path) -> None:
    assert 2028 == mid_term_year(PLAN)
    mid = report_period(PLAN, ReportKind.MID_TERM)
    assert (2026, 2028, datetime.date(2028, 12, 31)) == (mid.first_year, mid.last_year,
                                                         mid.as_of)
    final = report_period(PLAN, ReportKind.FINAL)
    assert (2026, 2030) == (final.first_year, final.last_year)
    document = _write(tmp_path, ReportKind.MID_TERM, as_of=None)
    titles = [p.text for p in document.paragraphs if p.text]
    assert titles[1].startswith("Sơ kết giữa kỳ (2026-2028) thực hiện Kế hoạch triển khai")
    calendar = next(t for t in document.tables if t.rows[0].cells[0].text == "Sự kiện")
    assert ["Sự kiện", "2026", "2027", "2028"] == [c.text for c in calendar.rows[0].cells]
    texts = [p.text for p in document.paragraphs]
    assert any(t.startswith("- Năm 2027 chưa ghi nhận hoạt động nào trong Tháng hành động")
               for t in texts)


def test_a_review_before_the_plan_starts_is_refused() -> None:
    with pytest.raises(ValueError, match="covers 2026-2028"):
        report_period(PLAN, ReportKind.MID_TERM, 2024)


def test_the_report_in_english_is_laid_out_the_same(tmp_path: Path) -> None:
    document = _write(tmp_path, language="en")
    headings = [p.text for p in document.paragraphs if p.text.startswith(("I.", "V."))]
    assert ["I. GENERAL SITUATION", "V. PROPOSALS"] == headings
    assert any("37,900,000 đồng" in p.text for p in document.paragraphs)


def test_the_content_is_data_before_it_is_a_document() -> None:
    period = report_period(PLAN, ReportKind.ANNUAL, 2026)
    report = results_report(PLAN, assess_plan(PLAN, MEASUREMENTS, as_of=period.as_of),
                            MEASUREMENTS, (), period)
    texts = [b for s in report.sections for b in s.blocks if isinstance(b, str)]
    assert "- Chưa có sổ ghi chép hoạt động của các đơn vị trong kỳ báo cáo." in texts


def test_the_report_command_writes_the_docx_from_the_workbook_or_a_record(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "bao-cao.docx"
    assert 0 == main(["report", str(PLAN_FILE), str(DATA), "--activities", str(RECORD),
                      "--as-of", "2026", "--out", str(out)])
    assert f"{out}: đã ghi báo cáo (" in capsys.readouterr().out  # the officer's language
    document = docx.Document(str(out))
    assert any(p.text.endswith("năm 2026") for p in document.paragraphs)
    assert 0 == main(["report", str(PLAN_FILE), str(DATA), "--kind", "final", "--out",
                      str(out)])
    document = docx.Document(str(out))
    assert any(p.text.startswith("Tổng kết thực hiện Kế hoạch") for p in document.paragraphs)


def test_a_review_kind_takes_the_html_reports_data_at_the_end_of_its_period(
        tmp_path: Path) -> None:
    out = tmp_path / "r.html"
    assert 0 == main(["report", str(PLAN_FILE), str(DATA), "--kind", "mid-term", "--out",
                      str(out)])
    assert "31/12/2028" in out.read_text(encoding="utf-8")
    assert 0 == main(["report", str(PLAN_FILE), str(DATA), "--kind", "final", "--as-of",
                      "2029-06-30", "--out", str(out)])
    assert "30/06/2029" in out.read_text(encoding="utf-8")


def test_the_english_heading_translates_the_issuer_and_the_motto(tmp_path: Path) -> None:
    heading = _write(tmp_path, language="en").tables[0]
    assert ["SOCIALIST REPUBLIC OF VIET NAM", "Independence - Freedom - Happiness"] == \
        heading.cell(0, 1).text.splitlines()
    assert "PEOPLE'S COMMITTEE OF" == heading.cell(0, 0).text.splitlines()[0]


def test_pages_are_numbered_from_the_second_in_the_header(
        document: docx.document.Document) -> None:
    section = document.sections[0]
    assert section.different_first_page_header_footer
    assert 'w:instr="PAGE"' in section.header._element.xml
    assert "PAGE" not in section.first_page_header._element.xml
