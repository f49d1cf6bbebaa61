"""How long `gender-plan assess` (and `report`) take on the Lai Khê plan from a cold start.

Each run is a new Python process, so imports, the unit registry and file reading all count.
Prints the minimum, median and maximum wall time of several runs. Run from the repository root:

    python benchmarks/cli_cold_start.py [RUNS]
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PLAN = ROOT / "examples" / "laikhe_2026_2030.yaml"
DATA = ROOT / "examples" / "data" / "laikhe-measurements.csv"


def timed(arguments: list[str], runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "gender_plan", *arguments], check=True,
                       stdout=subprocess.DEVNULL)
        times.append(time.perf_counter() - start)
    return times


def show(name: str, times: list[float]) -> None:
    print(f"{name:<28} min {min(times):6.3f} s  median {statistics.median(times):6.3f} s  "
          f"max {max(times):6.3f} s  ({len(times)} runs)")


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 10
    show("gender-plan --version", timed(["--version"], runs))
    common = [str(PLAN), str(DATA), "--as-of", "2026"]
    show("gender-plan assess (table)", timed(["assess", *common], runs))
    show("gender-plan assess --format json", timed(["assess", *common, "--format", "json"], runs))
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "report.html"
        show("gender-plan report (HTML)", timed(["report", *common, "--out", str(out)], runs))
        print(f"HTML report size: {out.stat().st_size:,} bytes")


if __name__ == "__main__":
    main()
