"""The officer's guide in Vietnamese, walked as an officer walks it: new, fill in, Excel, report.

The plan file is edited as an officer edits it (day/month/year date, the commented placeholders
filled in), the workbook typed as an officer types it (Vietnamese headers, codes and years typed
as numbers, 55% typed as a percentage, "Có" for a yes/no fact, one decimal comma in a text cell).
Nothing printed on the way may be English, and nothing a reasonable officer wrote is refused.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest

ROOT = Path(__file__).resolve().parents[1]
ENGLISH = re.compile(
    r"\b(the|is|are|of|to|and|or|not|expected|found|error|problem|problems|file|"
    r"warning|valid|plan|measurements?|report|written|bytes|fill|read|write|usage|line|"
    r"cannot|missing|unknown)\b",
    re.IGNORECASE,
)
"""English words our messages use, less those that are Vietnamese words too ("in", "an", "a")."""


def officer(cwd: Path, *argv: str) -> tuple[str, str]:
    """Run gender-plan as on an officer's machine (no locale set: the default applies)."""
    env = {"PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "PYTHONPATH": str(ROOT / "src"),
           "COLUMNS": "100"}
    result = subprocess.run([sys.executable, "-m", "gender_plan", *argv], cwd=cwd, env=env,
                            capture_output=True, text=True, check=False, timeout=120)
    assert 0 == result.returncode, f"gender-plan {' '.join(argv)} refused:\n{result.stderr}"
    return result.stdout, result.stderr


def _no_english(text: str) -> None:
    quoted = re.sub(r"'[^']*'|\S+\.(yaml|xlsx|html)\b|gender-plan[^\n;]*", "", text)
    # YAML keys the officer edits by name are quoted by the placeholders' line: allow them there.
    quoted = quoted.replace("number, date, signatory, parent, baselines", "")
    found = ENGLISH.findall(quoted)
    assert [] == found, f"English in:\n{text}"


def _fill_in(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    text = text.replace("# number: 45/KH-UBND", "number: 45/KH-UBND")
    text = text.replace("date: '2026'\n", "date: 15/06/2026\n", 1)
    text = text.replace("# signatory:\n#   name: Nguyễn Văn A\n#   title: Chủ tịch\n"
                        "#   authority: [TM. ỦY BAN NHÂN DÂN]",
                        "signatory:\n  name: Trần Thị B\n  title: Phó Chủ tịch\n"
                        "  authority: [TM. ỦY BAN NHÂN DÂN, KT. CHỦ TỊCH]")
    path.write_text(text, encoding="utf-8")


def _workbook(path: Path) -> None:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Số liệu"
    sheet.append(["Mã chỉ tiêu", "Kỳ", "Giá trị", "Đơn vị", "Nguồn"])
    sheet.append([1.1, 2026, 0.55, "percent", "Văn phòng UBND xã"])
    sheet["C2"].number_format = "0%"  # typed as 55%
    sheet.append([2.1, 2026, "40,5", "percent", "Điều tra lao động xã"])  # a Text cell
    sheet.append([5.1, 2026, "Có", None, "Văn phòng UBND xã"])
    sheet.append(["3.2a", 2026, 97, "percent", "Trạm y tế xã"])
    workbook.save(path)


def test_the_officers_path_meets_no_english_and_no_unexpected_refusal(tmp_path: Path) -> None:
    out, err = officer(tmp_path, "new", "--commune", "Hưng Đạo", "--out", "hung-dao.yaml")
    _no_english(out + err)
    _fill_in(tmp_path / "hung-dao.yaml")
    _workbook(tmp_path / "so-lieu.xlsx")

    out, err = officer(tmp_path, "validate", "hung-dao.yaml", "so-lieu.xlsx")
    assert "hung-dao.yaml: kế hoạch 'hung-dao-2026-2030' hợp lệ (6 mục tiêu" in out
    assert "dự thảo" not in out  # number and date filled in: no longer a draft
    assert "so-lieu.xlsx: 4 số liệu khớp với kế hoạch" in out
    assert 2 == len(err.splitlines())  # the codes typed as numbers, the decimal comma
    assert all(line.startswith("cảnh báo: so-lieu.xlsx") for line in err.splitlines())
    _no_english(out + err)

    out, err = officer(tmp_path, "assess", "hung-dao.yaml", "so-lieu.xlsx", "--as-of", "2026")
    assert "Mục tiêu 1: Trong lĩnh vực chính trị" in out
    assert "55% (2026)" in out
    assert "40,5% (2026)" in out
    _no_english(out + err)

    out, err = officer(tmp_path, "report", "hung-dao.yaml", "so-lieu.xlsx", "--as-of", "2026",
                       "--out", "bao-cao.html")
    assert out.startswith("bao-cao.html: đã ghi báo cáo (")
    _no_english(out + err)
    page = (tmp_path / "bao-cao.html").read_text(encoding="utf-8")
    assert '<html lang="vi"' in page
    assert "Hưng Đạo" in page
    assert "45/KH-UBND" in page


@pytest.mark.parametrize(
    "argv",
    [["validate", "--help"], ["assess", "--help"], ["report", "--help"], ["new", "--help"],
     ["--help"]],
)
def test_the_help_an_officer_reads_is_vietnamese(tmp_path: Path, argv: list[str]) -> None:
    out, err = officer(tmp_path, *argv)
    # Options, their choices, the commands' names and the examples are the program's words.
    _no_english(re.sub(r"(?m)--[a-z-]+|\{[a-z,]+\}|^ +gender-plan .*$|"
                       r"^ {4}(validate|show|assess|report|new|schema)\b", "", out + err))
