"""Time to load the Lai Khê plan from YAML, JSON and TOML (best of several runs).

Run: python benchmarks/load_plan.py
"""

from __future__ import annotations

import tempfile
import timeit
from pathlib import Path

from gender_plan import load_plan, save_plan

ROOT = Path(__file__).resolve().parent.parent
YAML = ROOT / "examples" / "laikhe_2026_2030.yaml"


def main() -> None:
    plan = load_plan(YAML)
    with tempfile.TemporaryDirectory() as folder:
        paths = {"yaml": YAML}
        for kind in ("json", "toml"):
            paths[kind] = Path(folder) / f"laikhe.{kind}"
            save_plan(plan, paths[kind])
        for kind, path in paths.items():
            runs = timeit.repeat(lambda p=path: load_plan(p), number=1, repeat=10)
            size = path.stat().st_size
            print(f"load_plan {kind:4} ({size:,} bytes): best {min(runs) * 1000:.1f} ms, "
                  f"median {sorted(runs)[len(runs) // 2] * 1000:.1f} ms")


if __name__ == "__main__":
    main()
