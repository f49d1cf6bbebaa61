"""The documentation site in a real browser: both languages, the switcher, formulas, the API.

The site is built with ``mkdocs build --strict`` (as CI does) and opened from disk by Debian's
headless Chromium, with no network: formulas must render from the KaTeX shipped in
``docs/assets/katex``. Screenshots are written beside the build for a person to look at.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image

import gender_plan

ROOT = Path(__file__).resolve().parents[2]
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run",
         "--disable-default-apps", "--virtual-time-budget=8000")


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("site")
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir",
                             str(out)], cwd=ROOT, capture_output=True, text=True, timeout=600,
                            check=False)
    assert 0 == result.returncode, result.stderr
    return out


def _chromium(tmp_path: Path, *arguments: str) -> subprocess.CompletedProcess[str]:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    assert found is not None, "Chromium is needed: apt-get install chromium (see .ci/run)"
    return subprocess.run([found, *FLAGS, f"--user-data-dir={tmp_path / 'profile'}",
                           *arguments], capture_output=True, text=True, timeout=120, check=False)


def _dom(tmp_path: Path, page: Path) -> str:
    result = _chromium(tmp_path, "--dump-dom", page.as_uri())
    assert 0 == result.returncode, result.stderr
    return result.stdout


def _screenshot(tmp_path: Path, page: Path, name: str, height: int) -> Image.Image:
    shot = page.parent / f"{name}.png"
    result = _chromium(tmp_path, f"--window-size=1280,{height}", f"--screenshot={shot}",
                       page.as_uri())
    assert shot.exists(), result.stderr
    image = Image.open(shot).convert("L")
    assert (1280, height) == image.size
    return image


def test_the_methods_page_renders_its_formulas_offline(site: Path, tmp_path: Path) -> None:
    page = site / "explanation" / "methods" / "index.html"
    dom = _dom(tmp_path, page)
    formulas = len(re.findall(r'class="arithmatex"', dom))
    assert formulas >= 4
    assert formulas == len(re.findall(r'class="katex-display"', dom))  # every one rendered
    assert "\\frac" not in re.sub(r"<annotation.*?</annotation>", "", dom, flags=re.DOTALL)
    image = _screenshot(tmp_path, page, "methods", 3200)
    # Rendered formulas are drawn glyphs: the page has many grey levels, not a blank sheet.
    assert sum(1 for count in image.histogram() if count) > 50


def test_each_page_has_its_vietnamese_version_and_a_language_switcher(
    site: Path, tmp_path: Path
) -> None:
    for name in ("how-to/officer-workflow", "how-to/measurements-from-excel",
                 "reference/statuses", "reference/cli", "tutorial/encode-your-plan"):
        english = (site / name / "index.html").read_text(encoding="utf-8")
        vietnamese = (site / "vi" / name / "index.html").read_text(encoding="utf-8")
        assert '<html lang="en"' in english
        assert '<html lang="vi"' in vietnamese
        assert 'hreflang="vi"' in english
        assert 'hreflang="en"' in vietnamese
        title = re.search(r"<h1[^>]*>(.*?)</h1>", vietnamese, re.DOTALL)
        assert title is not None
        assert re.search(r"[ạảấầẩậắằẳặẹẻếềểệịỉọỏốồổộớờởợụủứừửựỳỷđ]", title.group(1)), name
    page = site / "vi" / "how-to" / "officer-workflow" / "index.html"
    dom = _dom(tmp_path, page)
    assert "Các bước của cán bộ xã" in dom
    assert "Tiếng Việt" in dom  # the switcher's two entries
    assert "English" in dom
    image = _screenshot(tmp_path, page, "officer-vi", 1000)
    assert sum(1 for count in image.histogram() if count) > 50


def test_the_api_reference_lists_every_public_name(site: Path) -> None:
    html = (site / "reference" / "api" / "index.html").read_text(encoding="utf-8")
    ids = set(re.findall(r'id="(gender_plan[\w.]*)"', html))
    documented = {identifier.rsplit(".", 1)[-1] for identifier in ids}
    missing = sorted(name for name in gender_plan.__all__
                     if name not in documented and not name.startswith("__"))
    assert [] == missing
