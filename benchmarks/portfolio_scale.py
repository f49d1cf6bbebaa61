"""A portfolio at national scale: 3,321 commune plan files with their own targets, 34 province
plans and a national plan, judged place by place against their own plans.

Run: ``pip install -e ".[scale,pandas]" && python benchmarks/portfolio_scale.py``. Prints the
time to load and validate the plan files (in one process and in ``--workers`` processes) cold
(empty cache) and warm (every file unchanged), to read the measurements, to assess every place
and level, end to end, and peak memory. These plans are 5 kB each (16 indicators);
``plan_loading.py`` times the loading alone with plans of the Lai Khê plan's size.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

import attrs
import numpy as np

sys.path.insert(0, str(Path(__file__).parent))

import synthetic_nation as nation

from gender_plan import Comparator, MeasurementFrame, Plan, Target, save_plan
from gender_plan.io.places import save_places
from gender_plan.io.plan_cache import PlanCache
from gender_plan.portfolio import Portfolio
from gender_plan.portfolio.assessment import assess_portfolio
from gender_plan.rollup import PlaceHierarchy


def own_plan(base: Plan, code: str, parent: str | None, rng: np.random.Generator) -> Plan:
    """`base` with the place's own target values, each indicator implementing the parent's."""
    goal = base.goals[0]
    indicators = [attrs.evolve(i, implements=None if parent is None else i.code, targets=[
        Target(comparator=Comparator.GE, value=float(rng.integers(40, 80)), year=2030)])
        for i in goal.indicators]
    return attrs.evolve(base, code=code, goals=[attrs.evolve(goal, indicators=indicators)])


def write_portfolio(folder: Path, communes: int) -> tuple[Path, Path]:
    """The plan folder and the place file of a synthetic nation; every place its own plan."""
    rng = np.random.default_rng(7)
    base = nation.plan()
    hierarchy = nation.hierarchy(communes)
    plans = folder / "plans"
    plans.mkdir()
    places = []
    for place in hierarchy.places:
        code = f"kh-{place.code}"
        save_plan(own_plan(base, code, place.parent, rng), plans / f"{place.code}.yaml")
        places.append(attrs.evolve(place, plan=code))
    save_places(PlaceHierarchy(places=places), folder / "places.csv")
    return plans, folder / "places.csv"


def arrow_figures(csv: Path, portfolio: Portfolio,
                  repeat: int = 1) -> tuple[float, float, float] | None:
    """Seconds to read the Parquet copy into a frame, and pyarrow's bare CSV and Parquet reads.

    Each is the best of `repeat` runs, the three interleaved so that they see the same load.
    """
    try:
        import pyarrow.csv as pacsv  # noqa: PLC0415 - optional
        import pyarrow.parquet as pq  # noqa: PLC0415 - optional
    except ImportError:
        print("(pyarrow is not installed: no Parquet figures; pip install '.[arrow]')")
        return None
    from gender_plan.io.arrow import read_arrow_frame  # noqa: PLC0415 - needs pyarrow

    path = csv.with_suffix(".parquet")
    pq.write_table(pacsv.read_csv(csv), path)
    runs, units = [], portfolio.units()  # the units once: the reading alone is timed
    for _ in range(repeat):
        began = time.perf_counter()
        read_arrow_frame(path, units)
        read = time.perf_counter() - began
        began = time.perf_counter()
        pacsv.read_csv(csv)
        floor_csv = time.perf_counter() - began
        began = time.perf_counter()
        pq.read_table(path)
        runs.append((read, floor_csv, time.perf_counter() - began))
    read, floor_csv, floor_parquet = (min(run[k] for run in runs) for k in range(3))
    return read, floor_csv, floor_parquet


def load_figures(plans: Path, places: Path, cache: PlanCache,
                 workers: int) -> tuple[Portfolio, tuple[float, ...]]:
    """Seconds to load the portfolio: no cache, cold cache (1 and `workers` processes), warm."""
    times = []
    for options in ({"cache": False}, {"cache": False, "workers": workers}, {"cache": cache},
                    {"cache": cache, "workers": workers}, {"cache": cache}):
        if options == {"cache": cache, "workers": workers}:
            shutil.rmtree(cache.folder)  # cold again
        began = time.perf_counter()
        portfolio = Portfolio.load(plans, places, **options)  # type: ignore[arg-type]
        times.append(time.perf_counter() - began)
    return portfolio, tuple(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--communes", type=int, default=nation.COMMUNES)
    parser.add_argument("--workers", type=int, default=None,
                        help="processes that parse plan files (default: one per CPU core)")
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        began = time.perf_counter()
        plans, places = write_portfolio(folder, arguments.communes)
        written = time.perf_counter() - began
        rows = nation.write_csv(folder / "m.csv", arguments.communes)
        cache = PlanCache(folder=folder / "cache")
        files = len(list(plans.iterdir()))
        size = sum(p.stat().st_size for p in plans.iterdir()) / files
        workers = arguments.workers or len(os.sched_getaffinity(0))
        portfolio, (uncached, uncached_many, cold, cold_many, warm) = load_figures(
            plans, places, cache, workers)
        began = time.perf_counter()
        frame = MeasurementFrame.read_csv(folder / "m.csv", portfolio.units())
        read = time.perf_counter() - began
        began = time.perf_counter()
        result = assess_portfolio(portfolio, frame, as_of=2025)
        assess = time.perf_counter() - began
        parquet = arrow_figures(folder / "m.csv", portfolio)
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"== {files:,} plan files (YAML, {size / 1000:.1f} kB each; written in {written:.1f} s),"
          f" {rows:,} measurements, {len(result.tables)} engine calls (a level and set of codes"
          " each)")
    print(f"load and validate the plans, no cache          {uncached:8.2f} s (1 process)")
    print(f"load and validate the plans, no cache          {uncached_many:8.2f} s "
          f"({workers} processes)")
    print(f"load and validate the plans, cold cache         {cold:8.2f} s (1 process; parse + "
          "write the bundle)")
    print(f"load and validate the plans, cold cache         {cold_many:8.2f} s "
          f"({workers} processes)")
    print(f"load the plans, warm cache (files unchanged)    {warm:8.2f} s")
    print(f"read the measurements (MeasurementFrame CSV)    {read:8.2f} s")
    print(f"assess every place and level against own plans {assess:8.2f} s")
    print(f"end to end, warm cache (load + read + assess)   {warm + read + assess:8.2f} s")
    print(f"end to end, cold cache                          {cold + read + assess:8.2f} s")
    print(f"end to end, cold cache, {workers} processes".ljust(48)
          + f"{cold_many + read + assess:8.2f} s")
    if parquet is not None:
        read_parquet, floor_csv, floor_parquet = parquet
        print(f"read the measurements (Parquet, read_arrow_frame) {read_parquet:6.2f} s")
        print(f"end to end from Parquet, warm cache             "
              f"{warm + read_parquet + assess:8.2f} s")
        print(f"floor: pyarrow.csv.read_csv                     {floor_csv:8.2f} s")
        print(f"floor: pyarrow.parquet.read_table               {floor_parquet:8.2f} s")
    print(f"gaps reported                                   {len(result.gaps):8d}")
    print(f"peak memory (ru_maxrss)                         {peak:8.0f} MB")


if __name__ == "__main__":
    main()
