"""The Lai Khê HTML report in a real browser: headless Chromium prints it to PDF and PNG.

Chromium is Debian's package (``.ci/run`` installs it when missing). The test fails, never
skips, when it is absent: a report nobody has opened in a browser is not known to work.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader

from gender_plan import load_plan
from gender_plan.cli import main

ROOT = Path(__file__).resolve().parents[2]
PLAN = ROOT / "examples" / "laikhe_2026_2030.yaml"
DATA = ROOT / "examples" / "data" / "laikhe-measurements.csv"
FLAGS = (
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
    "--disable-default-apps", "--no-pdf-header-footer",
)


def _chromium() -> str:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    assert found is not None, "Chromium is needed: apt-get install chromium (see .ci/run)"
    return found


def _run(tmp_path: Path, *arguments: str) -> subprocess.CompletedProcess[str]:
    profile = tmp_path / "profile"
    command = [_chromium(), *FLAGS, f"--user-data-dir={profile}", "--enable-logging=stderr",
               "--v=0", *arguments]
    return subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("browser") / "laikhe.html"
    assert 0 == main(["report", str(PLAN), str(DATA), "--as-of", "2026", "--out", str(path)])
    return path


def _page_errors(stderr: str) -> list[str]:
    """Console errors and failed loads that Chromium logs for the page itself."""
    return [
        line for line in stderr.splitlines()
        if ("CONSOLE" in line and re.search(r"Uncaught|Error|error", line))
        or "Failed to load resource" in line or "ERR_" in line
    ]


def test_page_loads_without_errors_and_renders_fully(report: Path, tmp_path: Path) -> None:
    result = _run(tmp_path, "--dump-dom", report.as_uri())
    assert 0 == result.returncode, result.stderr[-2000:]
    assert [] == _page_errors(result.stderr)
    dom = result.stdout
    plan = load_plan(PLAN)
    assert len(plan.goals) == dom.count('<section class="goal"')
    assert dom.rstrip().endswith("</html>")
    assert "</footer>" in dom


def test_pdf_starts_each_goal_and_the_appendix_on_a_new_page(report: Path, tmp_path: Path) -> None:
    pdf = tmp_path / "laikhe.pdf"
    result = _run(tmp_path, f"--print-to-pdf={pdf}", report.as_uri())
    assert 0 == result.returncode, result.stderr[-2000:]
    assert [] == _page_errors(result.stderr)
    reader = PdfReader(pdf)
    plan = load_plan(PLAN)
    # A goal's measured values may run onto a second page; every goal, and then the appendix
    # (the whole plan), still opens a page of its own, in the plan's order.
    tops = [page.extract_text().lstrip() for page in reader.pages]
    openers = [f"Mục tiêu {goal.code}: " for goal in plan.goals] + ["Phụ lục: toàn văn kế hoạch"]
    opened = [next(i for i, top in enumerate(tops) if top.startswith(opener))
              for opener in openers]
    assert sorted(opened) == opened
    assert 1 == opened[0]
    assert True is ("PHÓ CHỦ TỊCH\nPhạm Văn Liêm" in tops[-1])
    width, height = (float(v) for v in reader.pages[0].mediabox.upper_right)
    # A4 is 210 x 297 mm, 595 x 842 points.
    assert (595, 842) == (round(width), round(height))
    first = reader.pages[0].extract_text()
    assert "2026-2030" in first
    assert "31/12/2026" in first


def test_screenshot_is_not_blank(report: Path, tmp_path: Path) -> None:
    png = tmp_path / "laikhe.png"
    result = _run(tmp_path, "--window-size=900,1400", f"--screenshot={png}", report.as_uri())
    assert 0 == result.returncode, result.stderr[-2000:]
    with Image.open(png) as image:
        assert (900, 1400) == image.size
        rgb = image.convert("RGB")
        colours = rgb.getcolors(maxcolors=1 << 20)
        assert colours is not None
        assert len(colours) > 100  # text, badges and charts, not a flat page
        white = sum(count for count, colour in colours if min(colour) >= 250)
        assert white < 0.95 * image.width * image.height


def test_the_parent_section_prints_on_its_own_pages(tmp_path: Path) -> None:
    html = tmp_path / "parent.html"
    assert 0 == main(["report", str(PLAN), str(DATA), "--as-of", "2026", "--lang", "en",
                      "--parent", "national", "--by-number", "--out", str(html)])
    pdf = tmp_path / "parent.pdf"
    result = _run(tmp_path, f"--print-to-pdf={pdf}", html.as_uri())
    assert 0 == result.returncode, result.stderr[-2000:]
    assert [] == _page_errors(result.stderr)
    reader = PdfReader(pdf)
    goals = len(load_plan(PLAN).goals)
    assert len(reader.pages) > 1 + goals
    assert "Beside the parent plan" not in reader.pages[goals].extract_text()
    section = " ".join(" ".join(page.extract_text().split()) for page in reader.pages[1 + goals:])
    assert "Beside the parent plan" in section
    assert "less ambitious" in section
    assert "3.4: ≥ 70% (by 2025); ≥ 100% (by 2030)" in section
