"""The reporting year's commands on the Lai Khê plan: their wall times and the files' sizes.

Each command runs in a new Python process (imports count), several times; prints the minimum and
median wall time and the size of the file written. The workbook is filled in by
examples/fill_workbook.py between `template` and `validate`. The .docx to PDF step by LibreOffice
and the PDF by Chromium run once each, where installed. Run from the repository root:

    python benchmarks/reporting_year.py [RUNS]
"""

from __future__ import annotations

import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PLAN = ROOT / "examples" / "laikhe_2026_2030.yaml"
FILL = ROOT / "examples" / "fill_workbook.py"


def timed(command: list[str], runs: int, cwd: Path) -> list[float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, check=True, cwd=cwd, stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL)
        times.append(time.perf_counter() - start)
    return times


def main(runs: int) -> None:
    cli = [sys.executable, "-m", "gender_plan"]
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        steps = [
            ("template", [*cli, "template", str(PLAN), "--out", "so-lieu.xlsx", "--force"],
             "so-lieu.xlsx"),
            ("fill (example script)", [sys.executable, str(FILL), "so-lieu.xlsx"], None),
            ("validate", [*cli, "validate", str(PLAN), "so-lieu.xlsx", "--as-of", "2026"], None),
            ("report .docx (annual)", [*cli, "report", str(PLAN), "so-lieu.xlsx", "--as-of",
                                       "2026", "--out", "bao-cao.docx"], "bao-cao.docx"),
            ("report .docx (mid-term)", [*cli, "report", str(PLAN), "so-lieu.xlsx", "--kind",
                                         "mid-term", "--out", "so-ket.docx"], "so-ket.docx"),
        ]
        if shutil.which("chromium"):
            steps.append(("report .pdf (Chromium)", [*cli, "report", str(PLAN), "so-lieu.xlsx",
                                                     "--as-of", "2026", "--out", "bao-cao.pdf"],
                          "bao-cao.pdf"))
        for name, command, out in steps:
            # the workbook is filled once: template and fill run once, in order, before the rest
            count = 1 if name.startswith(("template", "fill")) else runs
            times = timed(command, count, work)
            size = f"{(work / out).stat().st_size:>9,} bytes" if out else " " * 15
            print(f"{name:<26} {size}  min {min(times):.2f} s  median "
                  f"{statistics.median(times):.2f} s  ({count} run{'s' if count > 1 else ''})")
        soffice = shutil.which("soffice")
        if soffice:
            times = timed([soffice, "--headless", f"-env:UserInstallation=file://{work / 'lo'}",
                           "--convert-to", "pdf", "bao-cao.docx"], 1, work)
            size = (work / "bao-cao.pdf").stat().st_size
            print(f"{'LibreOffice .docx -> .pdf':<26} {size:>9,} bytes  {times[0]:.2f} s "
                  "(first start of a fresh profile)")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 3)
