"""`gender-plan show` prints the whole plan: every paragraph of Lai Khê's source is in its output."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import laikhe_2026_2030
import pytest
from hypothesis import given

from gender_plan.cli import main
from gender_plan.report.document import SECTIONS, plan_text
from gender_plan.testing import plans

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "examples" / "source" / "lai-khe-gender-equality-plan-2026-2030.vi.txt"
PLAN_FILE = ROOT / "examples" / "laikhe_2026_2030.yaml"
PLAN = laikhe_2026_2030.build_plan()

_NUMBERING = re.compile(r"^(?:[IVX]+\.|\d+(?:\.\d+)*\.)\s*")
_TARGET_LABEL = re.compile(r"^\*?Chỉ tiêu(?: \d+)?:\*?\s*")


def _flat(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split())


def source_paragraphs() -> list[str]:
    """The source's paragraphs, as a reader sees them, without the numbering and list marks.

    A paragraph that starts in lower case continues the one before (the source breaks two
    paragraphs mid-sentence); a block of "- " lines (the recipients) is one paragraph a line.
    """
    blocks: list[str] = []
    for block in re.split(r"\n\s*\n", SOURCE.read_text(encoding="utf-8")):
        lines = [line.strip() for line in block.strip().splitlines() if line.strip()]
        if not lines:
            continue
        if len(lines) > 1 and all(line.startswith("- ") for line in lines):
            blocks.extend(lines)
        elif blocks and lines[0][0].islower():
            blocks[-1] += " " + " ".join(lines)
        else:
            blocks.append(" ".join(lines))
    paragraphs = []
    for block in blocks:
        text = block.removeprefix("- ")
        text = _TARGET_LABEL.sub("", _NUMBERING.sub("", text))
        paragraphs.append(_flat(text.rstrip(".;:")))
    return paragraphs


def test_the_source_has_the_paragraphs_we_expect() -> None:
    """Guards the next test: the split finds the plan's parts, not one lump."""
    paragraphs = source_paragraphs()
    assert 108 == len(paragraphs)  # counted by hand: 6 recipients, 21 targets' and goals' lines, …
    assert "Số: /KH-UBND" == paragraphs[0]
    assert "Phạm Văn Liêm" == paragraphs[-1]
    assert "Sở Nội vụ" in paragraphs


def test_every_paragraph_of_the_source_appears_in_show() -> None:
    out = _flat(plan_text(PLAN, "vi"))
    missing = [p for p in source_paragraphs() if p not in out]
    assert [] == missing


def test_the_paragraphs_appear_in_the_documents_order() -> None:
    out = _flat(plan_text(PLAN, "vi"))
    # The documents cited and the links quote the source again; order is checked on the first
    # paragraph of each part, which nothing repeats before it.
    firsts = ["Số: /KH-UBND", "KẾ HOẠCH", "Thực hiện Nghị quyết số 28/NQ-CP", "MỤC TIÊU",
              "Mục tiêu tổng quát", "Mục tiêu 1:", "NHIỆM VỤ, GIẢI PHÁP CHỦ YẾU",
              "KINH PHÍ THỰC HIỆN", "TỔ CHỨC THỰC HIỆN", "Trên đây là Kế hoạch", "Nơi nhận",
              "TM. ỦY BAN NHÂN DÂN", "Phạm Văn Liêm"]
    positions = [out.index(first) for first in firsts]
    assert sorted(positions) == positions


# The parts of the plan, in the order of Lai Khê's document: the heading, the opening
# paragraphs ("Thực hiện …") with their documents, I (objectives and targets), II (tasks; the
# Action Month "từ ngày 15/11 đến ngày 15/12" and the days 20/3, 28/6, 25/11 are named there,
# in II.1.3 and II.2.3, so their calendar closes II), III (funding), IV (units), the closing
# paragraph, "Nơi nhận" and the signature.
DOCUMENT_ORDER = ["heading", "bases", "objective", "goals", "tasks", "calendar", "funding",
                  "units", "closing", "signature"]
PART_STARTS = {"vi": ["KẾ HOẠCH", "Thực hiện Nghị quyết số 28/NQ-CP", "I. MỤC TIÊU",
                      "Mục tiêu 1:", "II. NHIỆM VỤ, GIẢI PHÁP CHỦ YẾU", "Lịch hằng năm",
                      "III. KINH PHÍ THỰC HIỆN", "IV. TỔ CHỨC THỰC HIỆN", "Trên đây là Kế hoạch",
                      "Nơi nhận"],
               "en": ["PLAN", "Implementing the Government", "I. OBJECTIVES", "Goal 1:",
                      "II. MAIN TASKS AND SOLUTIONS", "Yearly calendar", "III. FUNDING",
                      "IV. IMPLEMENTATION", "The above is", "Recipients"]}


def test_the_parts_are_printed_in_the_order_of_the_document() -> None:
    assert DOCUMENT_ORDER == list(SECTIONS)
    source = SOURCE.read_text(encoding="utf-8")
    # Where the source names the calendar's dates: after II begins, before III.
    for date in ("từ ngày 15/11 đến ngày 15/12", "(20/3)", "(28/6)", "(25/11)"):
        assert (source.index("II. NHIỆM VỤ") < source.index(date)
                < source.index("III. KINH PHÍ")), date


@pytest.mark.parametrize("language", ["vi", "en"])
def test_show_prints_the_calendar_between_the_tasks_and_the_funding(language: str) -> None:
    out = plan_text(PLAN, language)
    starts = [out.index(start) for start in PART_STARTS[language]]
    assert sorted(starts) == starts
    calendar = out[out.index(PART_STARTS[language][5]):out.index(PART_STARTS[language][6])]
    assert "15/11-15/12" in calendar
    assert True is out.rstrip().endswith("Phạm Văn Liêm")


def test_show_marks_roles_the_focal_point_and_the_requested_unit() -> None:
    out = plan_text(PLAN, "vi")
    assert "[đầu mối]" in out.split("IV. TỔ CHỨC THỰC HIỆN")[1].split("\n\n")[1]
    assert "7. Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam xã" in out
    assert "→ Phòng Văn hóa-xã hội xã: tham mưu" in out
    assert "→ Công an xã: phối hợp" in out
    assert "→ Các trường học trên địa bàn xã: liên quan (kế hoạch không nêu vai trò)" in out
    assert "[DỰ THẢO (CHƯA CÓ SỐ, CHƯA CÓ NGÀY BAN HÀNH)]" in out
    assert "Đầu mối liên hệ: Phòng Văn hóa-xã hội xã" in out
    assert "5.1: Nội dung về giới trong chương trình giảng dạy (có/không, càng cao càng tốt)" in out
    assert "yes_no" not in out


def test_show_in_english_prints_the_translations() -> None:
    out = _flat(plan_text(PLAN, "en"))
    assert PLAN.closing is not None
    assert PLAN.closing.en is not None
    for text in (PLAN.closing.en, PLAN.preamble[0].en or "", "I. OBJECTIVES", "leads",
                 "Requested: Commune Committee of the Vietnam Fatherland Front",
                 "On behalf of the People's Committee For the Chair Vice-Chair",
                 "Recipients: - Department of Home Affairs", "[focal point]"):
        assert True is (_flat(text) in out), text


def test_section_limits_the_output(capsys: pytest.CaptureFixture[str]) -> None:
    assert 0 == main(["show", str(PLAN_FILE), "--section", "units", "--section", "signature", "--lang", "vi"])
    out = capsys.readouterr().out
    assert True is out.startswith("IV. TỔ CHỨC THỰC HIỆN")
    assert True is out.rstrip().endswith("Phạm Văn Liêm")
    assert "MỤC TIÊU" not in out
    assert "KINH PHÍ" not in out


def test_an_unknown_section_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["show", str(PLAN_FILE), "--section", "nope"])
    assert 2 == caught.value.code
    assert "invalid choice: 'nope'" in capsys.readouterr().err


def test_the_parser_offers_every_section() -> None:
    from gender_plan.cli._parser import _SECTIONS  # noqa: PLC0415

    assert tuple(SECTIONS) == _SECTIONS


@given(plans())
def test_every_plan_shows_every_goal_task_and_unit(plan: object) -> None:
    from gender_plan import Plan  # noqa: PLC0415

    assert isinstance(plan, Plan)
    out = _flat(plan_text(plan, "vi"))
    for goal in plan.goals:
        assert f"Mục tiêu {goal.code}:" in out
    for task in plan.tasks:
        assert _flat(f"{task.code}. {task.text.vi}") in out
    for unit in plan.units:
        assert _flat(unit.name.vi) in out
        for duty in unit.duties:
            assert _flat(duty.vi) in out


def test_assess_shows_a_two_part_targets_combined_status_after_its_parts(
    capsys: pytest.CaptureFixture[str],
) -> None:
    data = ROOT / "examples" / "data" / "laikhe-measurements.csv"
    assert 0 == main(["assess", str(PLAN_FILE), str(data), "--as-of", "2026", "--lang", "vi"])
    lines = capsys.readouterr().out.splitlines()
    starts = [line.split()[0] for line in lines if line[:3] in ("3.1", "3.2", "3.3")]
    assert ["3.1", "3.2a", "3.2b", "3.2", "3.3"] == starts
    combined = next(line for line in lines if line.startswith("3.2 "))
    # 3.2a is met and 3.2b needs acceleration (the demo data): the whole needs acceleration.
    assert True is combined.rstrip().endswith("Cần đẩy nhanh")
