"""Time and peak memory of `gender-plan validate` on every crafted hostile file.

Each file of `gender_plan.testing.hostile.HOSTILE` is written to a temporary folder and checked
by the command line in a fresh process (a plan file alone; a measurement file against the Lai
Khê plan). The script prints, for each, the exit status (2: refused by the library, 0: read),
the wall time, the process's peak resident memory, and the first line of what it printed; then
the slowest and the most memory-hungry file. The files are written by a helper process, so
that this one stays small: a child inherits its parent's peak memory on Linux. A run that takes
longer than the timeout is killed and shown as such. Run from the repository root:

    python benchmarks/hostile_inputs.py [NAME ...] [--timeout SECONDS]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PLAN = ROOT / "examples" / "laikhe_2026_2030.yaml"


def run(path: Path, timeout: float) -> tuple[int | None, float, int, str]:
    """Exit status (None when killed), seconds, peak memory in kB, first line of stderr."""
    arguments = ["validate", str(PLAN), str(path)] if path.suffix in (".csv", ".xlsx") else [
        "validate", str(path)]
    start = time.perf_counter()
    with tempfile.TemporaryFile() as errors:
        process = subprocess.Popen([sys.executable, "-m", "gender_plan", *arguments],
                                   stdout=subprocess.DEVNULL, stderr=errors)
        status: int | None = None
        while True:
            pid, wait_status, usage = os.wait4(process.pid, os.WNOHANG)
            if pid:
                status = os.waitstatus_to_exitcode(wait_status)
                break
            if time.perf_counter() - start > timeout:
                process.kill()
                _, _, usage = os.wait4(process.pid, 0)
                break
            time.sleep(0.01)
        process.returncode = -1  # reaped by wait4 above
        seconds = time.perf_counter() - start
        errors.seek(0)
        text = errors.read(4000).decode("utf-8", "replace")
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    first = " | ".join(lines[:2])
    return status, seconds, usage.ru_maxrss, first[:150]


def write(names: list[str], folder: str) -> list[Path]:
    """Write the hostile files `names` (all when empty) into `folder`, in another process."""
    code = ("import sys; from pathlib import Path; from gender_plan.testing.hostile import "
            "HOSTILE; names = sys.argv[2:] or list(HOSTILE); "
            "[print(HOSTILE[n](Path(sys.argv[1]))) for n in names]")
    written = subprocess.run([sys.executable, "-c", code, folder, *names], check=True,
                             capture_output=True, text=True).stdout
    return [Path(line) for line in written.splitlines()]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("names", nargs="*", help="only these files (default: all)")
    parser.add_argument("--timeout", type=float, default=30.0)
    args = parser.parse_args()
    results = []
    with tempfile.TemporaryDirectory() as folder:
        for path in write(args.names, folder):
            name = path.name
            status, seconds, memory, first = run(path, args.timeout)
            shown = "killed" if status is None else f"exit {status}"
            print(f"{name:<24} {shown:<7} {seconds:6.2f} s {memory / 1024:7.1f} MB  {first}",
                  flush=True)
            results.append((name, seconds, memory))
            if not path.is_symlink():
                path.unlink()
    slowest = max(results, key=lambda r: r[1])
    largest = max(results, key=lambda r: r[2])
    print(f"slowest: {slowest[0]} {slowest[1]:.2f} s; most memory: {largest[0]} "
          f"{largest[2] / 1024:.1f} MB peak")


if __name__ == "__main__":
    main()
