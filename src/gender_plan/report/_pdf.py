"""The HTML report printed to PDF by headless Chromium, where it is installed.

Chromium lays the page out exactly as the browser shows it (the report's A4 print styles), so
the PDF and the HTML page cannot disagree. No Python package does that; a missing browser is a
`MissingProgramError`, which says what to install.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from gender_plan._i18n import msg
from gender_plan.errors import GenderPlanError, MissingProgramError
from gender_plan.io._atomic import write_bytes_atomic

__all__ = ["CHROMIUM_FLAGS", "chromium", "html_to_pdf"]

CHROMIUM_FLAGS = (
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-default-apps",
    "--no-pdf-header-footer",
)
_TIMEOUT_S = 120


def chromium() -> str:
    """The path of headless Chromium (``chromium``, ``chromium-browser``, ``$CHROMIUM``)."""
    found = (os.environ.get("CHROMIUM") or shutil.which("chromium")
             or shutil.which("chromium-browser"))
    if found is None:
        raise MissingProgramError("chromium", "Writing a PDF report",
                                  "install Chromium (Debian: apt-get install chromium), or set "
                                  "CHROMIUM to its path; or write the report as .html or .docx")
    return found


def html_to_pdf(html: str, path: str | os.PathLike[str]) -> Path:
    """Print the HTML page `html` to the PDF file `path` (atomically); return the path."""
    browser = chromium()
    with tempfile.TemporaryDirectory(prefix="gender-plan-pdf-") as work:
        page = Path(work) / "report.html"
        page.write_text(html, encoding="utf-8")
        out = Path(work) / "report.pdf"
        command = [browser, *CHROMIUM_FLAGS, f"--user-data-dir={Path(work) / 'profile'}",
                   f"--print-to-pdf={out}", page.as_uri()]
        try:
            done = subprocess.run(command, capture_output=True, text=True,
                                  timeout=_TIMEOUT_S, check=False)
        except subprocess.TimeoutExpired:
            raise GenderPlanError(msg("Chromium did not print the report within {seconds} s",
                                      seconds=_TIMEOUT_S)) from None
        if done.returncode != 0 or not out.exists():
            tail = "\n".join(done.stderr.strip().splitlines()[-5:])
            raise GenderPlanError(msg("Chromium could not print the report (exit status "
                                      "{status}): {tail}", status=done.returncode, tail=tail))
        write_bytes_atomic(path, out.read_bytes())
    return Path(path)
