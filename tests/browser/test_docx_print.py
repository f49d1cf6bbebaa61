"""The Word report opened by LibreOffice (headless) and printed to PDF, its pages looked at as PNG;
and the PDF report that the command writes from the HTML through headless Chromium.

LibreOffice is Debian's ``libreoffice-writer-nogui`` and pdftoppm is ``poppler-utils`` (``.ci/run``
installs both). Outside CI a machine without ``soffice`` skips the LibreOffice test; under
``CI=true`` it fails instead, so CI never passes without opening the document.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader

from gender_plan.cli import main

ROOT = Path(__file__).resolve().parents[2]
PLAN = ROOT / "examples" / "laikhe_2026_2030.yaml"
DATA = ROOT / "examples" / "data" / "laikhe-measurements.csv"
RECORD = ROOT / "examples" / "data" / "laikhe-activities-2026.csv"


def _program(name: str, package: str) -> str:
    found = shutil.which(name)
    if found is None:
        if os.environ.get("CI") != "true":
            pytest.skip(f"{name} is not installed (apt-get install {package})")
        pytest.fail(f"{name} is needed under CI: apt-get install {package} (see .ci/run)")
    return found


@pytest.fixture(scope="module")
def printed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    soffice = _program("soffice", "libreoffice-writer-nogui")
    work = tmp_path_factory.mktemp("docx-print")
    report = work / "bao-cao.docx"
    assert 0 == main(["report", str(PLAN), str(DATA), "--activities", str(RECORD), "--as-of",
                      "2026", "--out", str(report)])
    done = subprocess.run(
        [soffice, "--headless", f"-env:UserInstallation=file://{work / 'profile'}",
         "--convert-to", "pdf", "--outdir", str(work), str(report)],
        capture_output=True, text=True, timeout=180, check=False)
    pdf = work / "bao-cao.pdf"
    assert pdf.exists(), done.stderr
    return pdf


def test_libreoffice_opens_the_report_as_a4_pages_with_its_text(printed: Path) -> None:
    reader = PdfReader(printed)
    assert len(reader.pages) >= 3
    for page in reader.pages:
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        assert (595, 842) == (round(width), round(height))  # A4 in points
    first = reader.pages[0].extract_text()
    for text in ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "BÁO CÁO",
                 "TÌNH HÌNH CHUNG", "XÃ LAI KHÊ"):
        assert text in first, text
    everything = "\n".join(page.extract_text() for page in reader.pages)
    for text in ("ĐỀ XUẤT, KIẾN NGHỊ", "37.900.000", "Phạm Văn Liêm", "Tỷ số giới tính khi sinh"):
        assert text in everything, text
    fonts = {str(font.get("/BaseFont")) for page in reader.pages
             for font in page["/Resources"]["/Font"].values()
             for font in [font.get_object()]}
    assert all("Times" in name or "Liberation" in name for name in fonts if name != "None"), \
        fonts


def test_the_pages_have_ink_where_the_decree_puts_it(printed: Path) -> None:
    pdftoppm = _program("pdftoppm", "poppler-utils")
    out = printed.parent / "page"
    subprocess.run([pdftoppm, "-r", "40", "-png", str(printed), str(out)], check=True,
                   timeout=120)
    pages = sorted(printed.parent.glob("page-*.png"))
    assert len(pages) == len(PdfReader(printed).pages)
    with Image.open(pages[0]) as image:
        gray = image.convert("L")
        width, height = gray.size
        # The left margin (30 mm of 210) is blank; the heading's top band holds text.
        margin = gray.crop((0, 0, int(width * 25 / 210), height))
        assert margin.getextrema()[0] > 200
        heading = gray.crop((int(width * 0.15), int(height * 0.05), int(width * 0.95),
                             int(height * 0.12)))
        assert heading.getextrema()[0] < 100  # dark text in the motto block
    for path in pages:
        with Image.open(path) as image:
            assert image.convert("L").getextrema()[0] < 100, path.name  # no blank page


def test_the_pdf_report_is_the_html_printed_by_chromium(tmp_path: Path) -> None:
    assert shutil.which("chromium") is not None, "apt-get install chromium (see .ci/run)"
    out = tmp_path / "report.pdf"
    assert 0 == main(["report", str(PLAN), str(DATA), "--as-of", "2026", "--out", str(out)])
    reader = PdfReader(out)
    assert len(reader.pages) >= 2
    assert "Lai Khê" in reader.pages[0].extract_text()


def test_a_missing_chromium_is_a_clear_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.delenv("CHROMIUM", raising=False)
    assert 2 == main(["report", str(PLAN), str(DATA), "--as-of", "2026", "--out",
                      str(tmp_path / "r.pdf")])
    err = capsys.readouterr().err
    assert "needs the program 'chromium', which is not found" in err
    assert not (tmp_path / "r.pdf").exists()
