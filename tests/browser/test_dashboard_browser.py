"""A province's dashboard in headless Chromium: it renders, and its text says every status."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from PIL import Image

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from gender_plan.cli import main
from test_cli_portfolio import files, share_files  # noqa: F401 - the fixtures

FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run")


def _chromium() -> str:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    assert found is not None, "Chromium is needed: apt-get install chromium (see .ci/run)"
    return found


def test_the_dashboard_renders_and_reads_as_text(files, tmp_path):  # noqa: F811
    out = tmp_path / "dashboard.html"
    assert 0 == main(["portfolio", *files, "--as-of", "2027", "--no-cache", "--format", "csv",
                      "--dashboard", "tinh", "--out", str(out)])
    shot = tmp_path / "dashboard.png"
    dumped = subprocess.run([_chromium(), *FLAGS, f"--user-data-dir={tmp_path / 'p'}",
                             "--dump-dom", out.as_uri()], capture_output=True, text=True,
                            timeout=120, check=False)
    assert "Đúng lộ trình" in dumped.stdout  # commune a: on track against its own 35%
    assert "Đi xuống" in dumped.stdout  # commune b: deteriorating against its own 45%
    assert "33% (1/3)" in dumped.stdout  # one of three communes on track (c has no plan)
    subprocess.run([_chromium(), *FLAGS, f"--user-data-dir={tmp_path / 'p'}",
                    f"--screenshot={shot}", "--window-size=1000,700", out.as_uri()],
                   capture_output=True, timeout=120, check=False)
    image = Image.open(shot).convert("RGB")
    colours = {image.getpixel((x, y)) for x in range(0, image.width, 2)
               for y in range(0, image.height, 2)}
    assert (0x8F, 0xD1, 0x9E) in colours  # the on-track green is painted
    assert (0xC0, 0x39, 0x2B) in colours  # and the deteriorating red


def test_the_dashboard_shows_a_share_of_places_with_its_count(share_files, tmp_path):  # noqa: F811
    out = tmp_path / "dashboard.html"
    assert 0 == main(["portfolio", *share_files, "--as-of", "2027", "--no-cache", "--format",
                      "csv", "--dashboard", "tinh", "--out", str(out)])
    dumped = subprocess.run([_chromium(), *FLAGS, f"--user-data-dir={tmp_path / 'p'}",
                             "--dump-dom", out.as_uri()], capture_output=True, text=True,
                            timeout=120, check=False)
    assert "75%" in dumped.stdout  # the province's latest share: 3 of its 4 communes
    assert "3/4 địa phương cấp dưới đạt ≥ 16 / 3 of 4 places below meet ≥ 16" in dumped.stdout
    assert "Đúng lộ trình" in dumped.stdout  # the province, on track towards 100%
