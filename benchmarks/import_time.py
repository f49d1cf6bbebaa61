"""Time `import gender_plan` against importing its core dependencies (attrs, cattrs, pint).

Each import runs in a fresh interpreter, repeated; the script prints the median of each.
Run: python benchmarks/import_time.py [--repeat N]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys

SNIPPETS = {
    "python (nothing)": "pass",
    "attrs + cattrs + pint": "import attrs, cattrs, pint",
    "import gender_plan": "import gender_plan",
    "gender_plan + first unit conversion": (
        "import gender_plan.units as u; u.convert(1, 'percent', 'fraction')"
    ),
}


def measure(code: str, repeat: int) -> float:
    """Median wall time in milliseconds of running `code` in a fresh interpreter."""
    timer = (
        f"import time; t = time.perf_counter(); exec(compile({code!r}, '<b>', 'exec')); "
        "print((time.perf_counter() - t) * 1000)"
    )
    runs = [
        float(subprocess.run([sys.executable, "-c", timer], capture_output=True, text=True,
                             check=True).stdout)
        for _ in range(repeat)
    ]
    return statistics.median(runs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args()
    print(f"median of {args.repeat} fresh interpreters, Python {sys.version.split()[0]}")
    for label, code in SNIPPETS.items():
        print(f"{label:40s} {measure(code, args.repeat):8.1f} ms")


if __name__ == "__main__":
    main()
