"""How long traceability checks take: Lai Khê against the national strategy, many times over.

A country has 3,321 commune-level units; checking each commune's plan against the national
strategy (and through its province) is this loop. Prints the time per check, best of a few
repeats. Run from the repository root:

    python benchmarks/traceability.py [CHECKS]
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from gender_plan import check_chain, check_traceability, load_plan, national_strategy

ROOT = Path(__file__).resolve().parents[1]


def best(function: object, checks: int, repeats: int = 3) -> float:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        for _ in range(checks):
            function()  # type: ignore[operator]
        times.append((time.perf_counter() - start) / checks)
    return min(times)


def main() -> None:
    checks = int(sys.argv[1]) if len(sys.argv) > 1 else 300
    lai_khe = load_plan(ROOT / "examples" / "laikhe_2026_2030.yaml")
    strategy = national_strategy()
    one = best(lambda: check_traceability(lai_khe, strategy, by_number=True), checks)
    chain = best(lambda: check_chain(lai_khe, [strategy, strategy], by_number=True), checks)
    print(f"check_traceability, Lai Khê against the strategy by number: {one * 1e3:.2f} ms "
          f"per check ({checks} checks, best of 3)")
    print(f"check_chain over two levels: {chain * 1e3:.2f} ms per check")
    print(f"3,321 communes, one level: {one * 3321:.1f} s")


if __name__ == "__main__":
    main()
