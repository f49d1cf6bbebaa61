"""How fast the library assesses a whole nation: 3,321 communes × 16 indicators × 5 years.

Run: ``pip install -e ".[pandas]" && python benchmarks/national_scale.py`` (add ``--only 1``
to skip the 10× nation). Prints load time (with pandas, and with the stdlib csv fallback),
assessment time for every place and level (with every reason's code as a column, and the time
to render every reason's text), peak memory, and a bare numpy floor. There is one engine: the
same code assesses one commune.
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).parent))

import synthetic_nation as nation

from gender_plan import LinearPath, MeasurementFrame, assess_frame, assess_levels
from gender_plan.evaluation._layout import lay_out

try:
    import pandas  # noqa: F401 - only to say which reader read_csv uses
except ImportError:
    ENGINE = "csv"
else:
    ENGINE = "pandas"

SAMPLE = 200
"""Communes whose reasons are rendered as text, to scale that time to the full size."""
REPEAT = 5
"""The engine and the floor are each timed as the best of this many runs."""


def timed(run: Callable[[], object]) -> float:
    """Seconds one call of `run` takes."""
    began = time.perf_counter()
    run()
    return time.perf_counter() - began


def floor(frame: MeasurementFrame, targets: np.ndarray, deadline: float) -> float:
    """Seconds for the linear-path ratio alone, rows laid out place × indicator × year."""
    years = len(nation.YEARS)
    began = time.perf_counter()
    values = frame.value.reshape(-1, years)
    times = frame.time.reshape(-1, years)
    goal = np.repeat(targets, len(values) // len(targets))
    y_b, y_t, b, t = values[:, 0], values[:, -1], times[:, 0], times[:, -1]
    with np.errstate(all="ignore"):
        ratio = (y_t - y_b) / np.abs(goal - y_b) / ((t - b) / (deadline - b))
    np.digitize(np.round(ratio, 9), [0.0, 0.6, 0.95])
    return time.perf_counter() - began


def run(communes: int, folder: Path) -> None:
    plan = nation.plan()
    places = nation.hierarchy(communes)
    path = folder / f"nation-{communes}.csv"
    rows = nation.write_csv(path, communes)
    size_mb = path.stat().st_size / 1e6
    began = time.perf_counter()
    frame = MeasurementFrame.read_csv(path, plan)
    load = time.perf_counter() - began
    began = time.perf_counter()
    MeasurementFrame.read_csv(path, plan, engine="csv")
    load_csv = time.perf_counter() - began
    lay = min(timed(lambda: lay_out(frame)) for _ in range(3))
    began = time.perf_counter()
    tables = assess_levels(plan, frame, places, as_of=2025, method=LinearPath())
    national = time.perf_counter() - began
    began = time.perf_counter()
    assess_frame(plan, frame, as_of=2025)
    first_call = time.perf_counter() - began
    communes_only = min(timed(lambda: assess_frame(plan, frame, as_of=2025))
                        for _ in range(REPEAT))
    order = np.lexsort((frame.time, frame.place, frame.indicator))
    laid = MeasurementFrame(**{**{f: getattr(frame, f) for f in (
        "places", "indicators", "series_names")}, **{f: getattr(frame, f)[order] for f in (
        "place", "indicator", "series", "sex", "year", "start", "end", "time", "frequency",
        "value", "numerator", "denominator")}})
    targets = np.array([float(i.targets[0].value) for _, i in plan.indicators()])
    bare = min(floor(laid, targets, 2030.0) for _ in range(REPEAT))
    table = assess_frame(plan, frame, as_of=2025)
    shown = [k * len(table.places) + p for k in range(len(table.indicators))
             for p in range(SAMPLE)]
    began = time.perf_counter()
    for row in shown:
        for reason in table.reasons_at(row):
            reason.text("vi")
    texts = (time.perf_counter() - began) * communes / SAMPLE
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"\n== {communes:,} communes × {len(targets)} indicators × {len(nation.YEARS)} years"
          f" = {rows:,} measurements ({size_mb:.0f} MB of CSV)")
    print(f"load (MeasurementFrame.read_csv, {ENGINE:<6})       {load:8.2f} s")
    print(f"load (the same, engine='csv': stdlib csv)     {load_csv:8.2f} s")
    print(f"  (each load includes laying the totals out  {lay:8.3f} s, once per frame)")
    print(f"assess all places and levels (with reason codes) {national:8.3f} s  "
          f"({', '.join(f'{k}: {len(t.places)}' for k, t in tables.items())})")
    print(f"assess communes only, first call              {first_call:8.4f} s")
    print(f"assess communes only, best of {REPEAT}              {communes_only:8.4f} s")
    print(f"render every commune's reasons as text (vi)   {texts:8.2f} s  "
          f"({SAMPLE} communes scaled; done only when read)")
    print(f"bare numpy linear-path ratio (floor), best of {REPEAT} {bare:6.4f} s  "
          f"(the engine is {communes_only / bare:,.1f}× the floor)")
    print(f"peak memory so far (ru_maxrss)                {peak:8.0f} MB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--only", type=int, choices=(1, 10),
                        help="run only the 1× or only the 10× nation")
    arguments = parser.parse_args()
    scales = (1, 10) if arguments.only is None else (arguments.only,)
    with tempfile.TemporaryDirectory() as folder:
        for scale in scales:
            run(nation.COMMUNES * scale, Path(folder))


if __name__ == "__main__":
    main()
