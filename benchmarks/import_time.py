"""Time `import gender_plan` against importing its core dependencies (attrs, cattrs, pint).

Each import runs in a fresh interpreter, repeated, the snippets interleaved so that both sides
see the same machine load; the script prints the median of each and the ratio of
`import gender_plan` to attrs + cattrs + pint (the target: at most 1.5). numpy, a core
dependency for the assessment engine, is imported on first use: the last two lines show what
the first assessment adds.
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
    "numpy alone": "import numpy",
    "gender_plan + first assessment (numpy)": (
        "import gender_plan as g; g.is_met(1.0, g.Comparator.GE, 0.5)"
    ),
}


def once(code: str) -> float:
    """Wall time in milliseconds of running `code` in a fresh interpreter."""
    timer = (
        f"import time; t = time.perf_counter(); exec(compile({code!r}, '<b>', 'exec')); "
        "print((time.perf_counter() - t) * 1000)"
    )
    return float(subprocess.run([sys.executable, "-c", timer], capture_output=True, text=True,
                                check=True).stdout)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args()
    runs: dict[str, list[float]] = {label: [] for label in SNIPPETS}
    for _ in range(args.repeat):  # interleaved: each round times every snippet once
        for label, code in SNIPPETS.items():
            runs[label].append(once(code))
    median = {label: statistics.median(times) for label, times in runs.items()}
    print(f"median of {args.repeat} fresh interpreters, Python {sys.version.split()[0]}")
    for label in SNIPPETS:
        print(f"{label:40s} {median[label]:8.1f} ms")
    ratio = median["import gender_plan"] / median["attrs + cattrs + pint"]
    print(f"{'import gender_plan / attrs+cattrs+pint':40s} {ratio:8.2f} x  (target <= 1.5)")


if __name__ == "__main__":
    main()
