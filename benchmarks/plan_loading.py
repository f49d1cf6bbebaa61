"""How fast a nation's plan files load and validate: 3,356 files (3,321 communes, 34 provinces,
a nation), each parsed, checked against the model and indexed by its plan code.

Run: ``python benchmarks/plan_loading.py [--size laikhe|synthetic] [--workers N]``.

``--size laikhe`` (the default) writes the Lai Khê plan (examples/laikhe_2026_2030.yaml, 70 kB
of YAML, 16 targets, 28 tasks) under each place's own code; ``--size synthetic`` writes the
5 kB 16-indicator plans of ``portfolio_scale.py``, each with its own target values. Prints the
phases of one file, then the folder: without a cache in one process and with ``--workers``
processes (default: one per CPU core), with an empty (cold) cache, with a warm cache (every
file unchanged), and with a warm cache after one file was changed in place keeping its size
and modification time (it must be parsed again, and is). Each figure is the best of
``--repeat`` runs; the machine's load average is printed with them.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from gender_plan import dumps_plan, load_plan
from gender_plan.io import converter
from gender_plan.io._limits import read_bytes
from gender_plan.io._source import decode
from gender_plan.io._yaml import load_yaml
from gender_plan.io._yaml_fast import load_yaml_data
from gender_plan.io.plan_cache import PlanCache
from gender_plan.io.plan_folder import _worker_count, load_plan_folder
from gender_plan.model import Plan

ROOT = Path(__file__).resolve().parent.parent
LAIKHE = ROOT / "examples" / "laikhe_2026_2030.yaml"


def place_codes() -> list[str]:
    import synthetic_nation as nation  # noqa: PLC0415 - numpy only for the synthetic plans

    return [place.code for place in nation.hierarchy().places]


def write_folder(folder: Path, size: str) -> None:
    """One plan file per place of the synthetic nation, each under the place's own code."""
    codes = place_codes()
    if size == "laikhe":
        text = LAIKHE.read_text(encoding="utf-8")
        line = "code: lai-khe-2026-2030\n"
        assert line in text
        for code in codes:
            (folder / f"{code}.yaml").write_text(text.replace(line, f"code: kh-{code}\n", 1),
                                                 encoding="utf-8")
        return
    import numpy as np  # noqa: PLC0415
    import synthetic_nation as nation  # noqa: PLC0415
    from portfolio_scale import own_plan  # noqa: PLC0415

    rng = np.random.default_rng(7)
    base = nation.plan()
    hierarchy = nation.hierarchy()
    for place in hierarchy.places:
        plan = own_plan(base, f"kh-{place.code}", place.parent, rng)
        (folder / f"{place.code}.yaml").write_text(dumps_plan(plan, format="yaml"),
                                                   encoding="utf-8")


def cpu() -> float:
    """CPU seconds used so far by this process and the processes it waited for."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def timed(run: Callable[[], object], repeat: int) -> tuple[float, float]:
    """The least wall time of `repeat` calls of `run`, and the CPU time of that call, in s."""
    runs = []
    for _ in range(repeat):
        began, used = time.perf_counter(), cpu()
        run()
        runs.append((time.perf_counter() - began, cpu() - used))
    return min(runs)


def best(run: Callable[[], object], repeat: int) -> float:
    """The least wall time of `repeat` calls of `run`, in seconds."""
    return timed(run, repeat)[0]


def phases(path: Path, repeat: int) -> None:
    """Milliseconds for each step of loading one file, best of many runs."""
    data = read_bytes(path)
    text = decode(data, str(path))
    body = load_yaml_data(text)
    assert body is not None
    plain = dict(body[0])
    plain.pop("schema")
    steps = {
        "read the bytes": lambda: read_bytes(path),
        "decode and check the text": lambda: decode(data, str(path)),
        "YAML, fast path (libyaml composer, no lines)": lambda: load_yaml_data(text),
        "YAML, with every line (as for a problem)": lambda: load_yaml(text, None),
        "structure and validate (cattrs, attrs)": lambda: converter.structure(plain, Plan),
        "load_plan, all of it": lambda: load_plan(path),
    }
    print(f"one file ({path.stat().st_size:,} bytes), best of {repeat * 10}:")
    for label, step in steps.items():
        print(f"  {label:<46} {best(step, repeat * 10) * 1000:7.2f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--size", choices=("laikhe", "synthetic"), default="laikhe")
    parser.add_argument("--workers", type=int, default=None)
    parser.add_argument("--repeat", type=int, default=2)
    arguments = parser.parse_args()
    workers = _worker_count(arguments.workers)
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name) / "plans"
        folder.mkdir()
        began = time.perf_counter()
        write_folder(folder, arguments.size)
        files = sorted(folder.iterdir())
        total = sum(p.stat().st_size for p in files)
        print(f"== {len(files):,} plan files ({arguments.size}, {total / len(files) / 1000:.1f} kB"
              f" each, {total / 1e6:.0f} MB; written in {time.perf_counter() - began:.1f} s), "
              f"{os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f}")
        phases(files[0], arguments.repeat)
        cache_folder = Path(name) / "cache"

        def cold(count: int) -> Callable[[], object]:
            def run() -> object:
                shutil.rmtree(cache_folder, ignore_errors=True)
                return load_plan_folder(folder, cache=PlanCache(folder=cache_folder),
                                        workers=count)
            return run

        def load(count: int = 1) -> object:
            return load_plan_folder(folder, cache=PlanCache(folder=cache_folder), workers=count)

        rows = [
            ("no cache, 1 process", lambda: load_plan_folder(folder, cache=False)),
            (f"no cache, {workers} processes",
             lambda: load_plan_folder(folder, cache=False, workers=workers)),
            ("cold cache, 1 process (parse + write the bundle)", cold(1)),
            (f"cold cache, {workers} processes", cold(workers)),
            ("warm cache (every file unchanged)", load),
        ]
        print(f"the folder, best of {arguments.repeat} (wall time; CPU time of all processes):")
        for label, run in rows:
            wall, used = timed(run, arguments.repeat)
            print(f"  {label:<50} {wall:7.2f} s  (CPU {used:6.2f} s, load average "
                  f"{os.getloadavg()[0]:.1f})", flush=True)
        changed = files[len(files) // 2]
        content = changed.read_bytes()
        stat = changed.stat()
        target = load_plan(changed)
        # The same size and modification time, another content: a check by stat alone would
        # serve the old plan.
        edited = content.replace(b"code: kh-", b"code: kx-", 1)
        assert len(edited) == len(content)
        changed.write_bytes(edited)
        os.utime(changed, ns=(stat.st_atime_ns, stat.st_mtime_ns))
        began = time.perf_counter()
        loaded = load_plan_folder(folder, cache=PlanCache(folder=cache_folder))
        print(f"  {'warm cache, one file edited (same size and mtime)':<50} "
              f"{time.perf_counter() - began:7.2f} s")
        assert target.code not in loaded.plans
        assert target.code.replace("kh-", "kx-", 1) in loaded.plans
        bundle = sum(p.stat().st_size for p in cache_folder.iterdir())
        print(f"  cache bundle: {bundle / 1e6:.0f} MB; peak memory (ru_maxrss) "
              f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


if __name__ == "__main__":
    main()
