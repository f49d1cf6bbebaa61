"""How fast the library assesses a whole nation: 3,321 communes × 16 indicators, each its own plan.

Run: ``pip install -e ".[pandas,arrow]" && python benchmarks/national_scale.py`` (add ``--only
1`` to skip the 10× table, 2.7M measurements). The 1× table has 5 yearly values per commune and
indicator (265,680 measurements), the 10× table 50 monthly ones (2,656,800), for the same
3,321 communes. Each table runs in a process of its own, so that its peak memory is its own.
Printed side by side:

- end to end, from the measurement file to every place and level assessed with its reasons,
  each place against its own plan (3,321 commune plans with their own target values, 34
  province plans and a national plan), from CSV and from Parquet, beside the floor of reading
  the same files with pyarrow alone (`pyarrow.csv.read_csv`, `pyarrow.parquet.read_table`);
- peak memory of that run (ru_maxrss);
- one plan for every place (`assess_levels`): every place and level; the communes alone
  against a bare numpy floor (the linear-path ratio of rows already laid out); the time to
  render every reason as Vietnamese text, done only when someone reads it;
- the other readers: pandas, and Python's csv module (1× only: it reads row by row).

Loading and validating the plan files is in ``benchmarks/plan_loading.py``; here the plans
are built in memory. There is one engine: the same code assesses one commune.
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import attrs
import numpy as np

sys.path.insert(0, str(Path(__file__).parent))

import synthetic_nation as nation
from portfolio_scale import arrow_figures, own_plan

from gender_plan import LinearPath, MeasurementFrame, assess_frame, assess_levels
from gender_plan.portfolio import Portfolio
from gender_plan.portfolio.assessment import assess_portfolio
from gender_plan.rollup import PlaceHierarchy

SAMPLE = 200
"""Communes whose reasons are rendered as text, to scale that time to the full size."""
REPEAT = 5
"""Readers are each timed as the best of this many runs."""
ENGINE_REPEAT = 15
"""The engine and the floor (a few milliseconds each) are timed as the best of this many runs,
after one run that warms them up."""


def timed(run: Callable[[], object]) -> float:
    """Seconds one call of `run` takes."""
    began = time.perf_counter()
    run()
    return time.perf_counter() - began


def floor(frame: MeasurementFrame, targets: np.ndarray, deadline: float, years: int) -> float:
    """Seconds for the linear-path ratio alone, rows laid out place × indicator × period."""
    began = time.perf_counter()
    values = frame.value.reshape(-1, years)
    times = frame.time.reshape(-1, years)
    goal = np.repeat(targets, len(values) // len(targets))
    y_b, y_t, b, t = values[:, 0], values[:, -1], times[:, 0], times[:, -1]
    with np.errstate(all="ignore"):
        ratio = (y_t - y_b) / np.abs(goal - y_b) / ((t - b) / (deadline - b))
    np.digitize(np.round(ratio, 9), [0.0, 0.6, 0.95])
    return time.perf_counter() - began


def portfolio_of(communes: int) -> Portfolio:
    """Every place its own plan, with its own target values."""
    rng = np.random.default_rng(7)
    base = nation.plan()
    plans, places = {}, []
    for place in nation.hierarchy(communes).places:
        code = f"kh-{place.code}"
        plans[code] = own_plan(base, code, place.parent, rng)
        places.append(attrs.evolve(place, plan=code))
    return Portfolio(plans=plans, hierarchy=PlaceHierarchy(places=places))


def end_to_end(path: Path, portfolio: Portfolio) -> tuple[float, float, float]:
    """Seconds to read the measurements, to lay them out (which the first assessment does),
    then to assess every place and level."""
    began = time.perf_counter()
    frame = MeasurementFrame.read_csv(path, portfolio.units())
    read = time.perf_counter() - began
    laid = timed(lambda: frame.layout)
    began = time.perf_counter()
    assess_portfolio(portfolio, frame, as_of=2025)
    return read, laid, time.perf_counter() - began


def line(label: str, seconds: float, note: str = "") -> None:
    print(f"  {label:<52}{seconds:8.3f} s  {note}")


def run(scale: int, folder: Path) -> None:
    imported = timed(lambda: __import__("pyarrow.csv"))  # once a process: not a reading cost
    communes, periods = nation.COMMUNES, nation.YEARS if scale == 1 else nation.MONTHS
    portfolio = portfolio_of(communes)
    path = folder / f"nation-{scale}.csv"
    rows = nation.write_csv(path, communes, periods=periods)
    first_read, first_laid, first_assess = end_to_end(path, portfolio)  # a fresh process
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # of that one run
    read_csv, laid, assessed = end_to_end(path, portfolio)  # again, as in a session with plans
    parquet = arrow_figures(path, portfolio, REPEAT)
    units = portfolio.units()  # once: reading alone is timed, as pyarrow's is
    read_best = min(timed(lambda: MeasurementFrame.read_csv(path, units)) for _ in range(REPEAT))
    print(f"\n== {communes:,} communes × {nation.INDICATORS} indicators × {len(periods)} "
          f"{'years' if scale == 1 else 'months'} = {rows:,} measurements "
          f"({path.stat().st_size / 1e6:.0f} MB of CSV)")
    print(f"each place against its own plan ({len(portfolio.plans):,} plans)")
    line("import pyarrow (once a process, before any reading)", imported)
    line("END TO END from CSV, the first in a fresh process",
         first_read + first_laid + first_assess,
         f"(read {first_read:.3f} s + lay out {first_laid:.3f} s + assess {first_assess:.3f} s:"
         " with one-time start-up)")
    line("read the CSV file (MeasurementFrame.read_csv, pyarrow)", read_csv)
    line("lay the frame out (done by its first assessment)", laid)
    line("assess every place and level, with reasons", assessed)
    target = "≤ 0.5 s" if scale == 1 else "≤ 3 s"
    assessed += laid  # what an assessment of a frame just read takes
    line("END TO END from CSV (read + lay out + assess)", read_csv + assessed, f"target {target}")
    print(f"  {'PEAK MEMORY, the first end to end (ru_maxrss)':<52}{peak:8.0f} MB  "
          "target at 2.7M ≤ 600 MB")
    if parquet is not None:
        read_parquet, floor_csv, floor_parquet = parquet
        line("END TO END from Parquet (read + lay out + assess)", read_parquet + assessed)
        print(f"reading alone, best of {REPEAT}, beside pyarrow's own reading of the same file")
        line("read the CSV file (MeasurementFrame.read_csv)", read_best,
             f"({read_best / floor_csv:.1f}× the floor; target ≤ 2×)")
        line("floor: pyarrow.csv.read_csv", floor_csv)
        line("read the Parquet file (read_arrow_frame)", read_parquet,
             f"({read_parquet / floor_parquet:.1f}× the floor; target ≤ 2×)")
        line("floor: pyarrow.parquet.read_table", floor_parquet)
    one_plan(communes, path, len(periods), scale)


def one_plan(communes: int, path: Path, periods: int, scale: int) -> None:
    """The nation with one plan for every place, and the other readers."""
    plan = nation.plan()
    frame = MeasurementFrame.read_csv(path, plan)
    began = time.perf_counter()
    tables = assess_levels(plan, frame, nation.hierarchy(communes), as_of=2025,
                           method=LinearPath())
    levels = time.perf_counter() - began
    assess_frame(plan, frame, as_of=2025)
    communes_only = min(timed(lambda: assess_frame(plan, frame, as_of=2025))
                        for _ in range(ENGINE_REPEAT))
    order = np.lexsort((frame.time, frame.place, frame.indicator))
    laid = MeasurementFrame(**{**{f: getattr(frame, f) for f in (
        "places", "indicators", "series_names")}, **{f: getattr(frame, f)[order] for f in (
        "place", "indicator", "series", "sex", "year", "start", "end", "time", "frequency",
        "value", "numerator", "denominator")}})
    targets = np.array([float(i.targets[0].value) for _, i in plan.indicators()])
    bare = min(floor(laid, targets, 2030.0, periods) for _ in range(ENGINE_REPEAT + 1))
    table = assess_frame(plan, frame, as_of=2025)
    shown = [k * len(table.places) + p for k in range(len(table.indicators))
             for p in range(SAMPLE)]
    began = time.perf_counter()
    for row in shown:
        for reason in table.reasons_at(row):
            reason.text("vi")
    texts = (time.perf_counter() - began) * communes / SAMPLE
    print("one plan for every place")
    line("assess every place and level (reasons as codes)", levels,
         ", ".join(f"{k}: {len(t.places):,}" for k, t in tables.items()))
    line(f"assess the communes alone, best of {ENGINE_REPEAT}", communes_only,
         f"({communes_only / bare:.1f}× the floor)")
    line(f"floor: bare numpy linear-path ratio, best of {ENGINE_REPEAT}", bare)
    line("render every commune's reasons as text (vi)", texts,
         f"({SAMPLE} communes scaled; done only when read)")
    print("the other readers")
    line("read the CSV file with pandas (engine='pandas')",
         timed(lambda: MeasurementFrame.read_csv(path, plan, engine="pandas")))
    if scale == 1:
        line("read the CSV file row by row (engine='csv')",
             timed(lambda: MeasurementFrame.read_csv(path, plan, engine="csv")))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--only", type=int, choices=(1, 10),
                        help="run only the 1× or only the 10× table")
    arguments = parser.parse_args()
    if arguments.only is None:  # each nation in its own process: its own peak memory
        for scale in (1, 10):
            subprocess.run([sys.executable, __file__, "--only", str(scale)], check=True)
        return
    with tempfile.TemporaryDirectory() as folder:
        run(arguments.only, Path(folder))


if __name__ == "__main__":
    main()
