"""A folder of plan files, loaded and indexed by their plans' codes (a portfolio's plans).

Every ``.yaml``, ``.yml``, ``.json`` and ``.toml`` file directly in the folder is a plan; other
files are left alone. All files are read before any problem is raised, so that one run lists the
problems of every file; two files with the same plan code are refused, naming both.

A nation's 3,356 plan files are read in seconds: with a cache, the folder's plans are kept in
one bundle (see `gender_plan.io.plan_cache`) and only files whose content changed are parsed
again; with ``workers``, the files to parse are shared among processes. Either way the result,
and every problem with its file and line, is the same as parsing each file in turn.
"""

from __future__ import annotations

import gc
import logging
import os
import sys
import threading
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs

from gender_plan._gc import collector_paused
from gender_plan._i18n import msg
from gender_plan.errors import FileAccessError, GenderPlanError, Problem, ValidationError
from gender_plan.io import _plan_pickle
from gender_plan.io._limits import MAX_PLAN_BYTES, read_bytes
from gender_plan.io.plan_cache import (
    PlanCache,
    content_key,
    file_key,
    pickle_plan,
    unpickle_plan,
)
from gender_plan.io.plan_files import format_of, plan_from_bytes
from gender_plan.model import Plan

if TYPE_CHECKING:
    from multiprocessing.context import BaseContext

__all__ = ["PLAN_SUFFIXES", "PlanFolder", "load_plan_folder"]

PLAN_SUFFIXES = (".yaml", ".yml", ".json", ".toml")
"""The suffixes of the files a plan folder's loading reads."""

PARALLEL_FROM = 64
"""With ``workers``, fewer files to parse than this are parsed in this process all the same:
starting the worker processes would cost more than it saves."""

_LOG = logging.getLogger(__name__)

_Parsed = tuple[str | None, Plan | None, bytes | memoryview | None, list[Problem]]
"""One file parsed: its content key (when a cache wants it), the plan, the plan pickled (for
the cache, or from a worker), or the file's problems."""
_Remote = tuple[str | None, tuple[int, int] | None, list[Problem]]
"""One file parsed by a worker process: the key, where its pickled plan lies in the worker's
file, or the problems."""


@attrs.frozen(kw_only=True)
class PlanFolder:
    """The plans of a folder, by plan code, and the file each came from."""

    plans: Mapping[str, Plan] = attrs.field(hash=False)
    files: Mapping[str, Path] = attrs.field(hash=False)
    """The file of each plan, by plan code."""


def load_plan_folder(
    folder: str | os.PathLike[str],
    *,
    cache: PlanCache | bool | None = True,
    workers: int | None = 1,
) -> PlanFolder:
    """Load every plan file in `folder` (not its subfolders), indexed by plan code.

    Args:
        folder: the folder of plan files.
        cache: a `PlanCache`, True for the user's cache folder (the default), or False/None
            to parse every file.
        workers: how many processes parse the files that are not in the cache, this one
            included: 1 (the default) parses them here, None uses one process per CPU core.
            With `PARALLEL_FROM` files or more to parse, ``workers - 1`` processes are started
            (forked on Linux when this program runs no other thread, else spawned: then, as
            always with multiprocessing, a script must start from
            ``if __name__ == "__main__":``).

    Raises:
        FileAccessError: the folder cannot be read.
        ValidationError: every problem of every file (with the file and line), and plan codes
            found in two files.
    """
    root = Path(folder)
    if not root.is_dir():
        raise FileAccessError(str(root), msg("it is not a folder of plan files"))
    count = _worker_count(workers)
    with collector_paused(promote=True):  # plans that live on: see `collector_paused`
        return _load(root, PlanCache() if cache is True else cache or None, count)


def _load(root: Path, chosen: PlanCache | None, workers: int) -> PlanFolder:
    with os.scandir(root) as entries:  # the kind of each entry without a stat, on most systems
        names = sorted(entry.path for entry in entries
                       if os.path.splitext(entry.name)[1].lower() in PLAN_SUFFIXES  # noqa: PTH122
                       and entry.is_file())
    outcomes: list[Plan | list[Problem]] = [[] for _ in names]
    kept: dict[str, bytes | memoryview] = {}  # the plans of the files as they are: the next bundle
    bundle, keys = ({}, []) if chosen is None else _bundle_and_keys(chosen, root, names)
    todo = [] if keys else list(range(len(names)))  # keys: one for each file, or none
    for index, key in enumerate(keys):
        stored = None if key is None else bundle.get(key)
        plan = None if stored is None else unpickle_plan(stored)
        if plan is None or key is None:
            todo.append(index)  # parsing it reports a file that cannot be read
        else:
            outcomes[index] = plan
            kept[key] = bundle[key]
    parsed = _parse_all([names[i] for i in todo], keyed=chosen is not None, workers=workers)
    for index, (key, plan, payload, problems) in zip(todo, parsed, strict=True):
        outcomes[index] = problems if plan is None else plan
        if key is not None and payload is not None:
            kept[key] = payload
    if chosen is not None and kept.keys() != bundle.keys():
        chosen.put_folder(root, kept)
    return _indexed(root, names, outcomes)


def _bundle_and_keys(cache: PlanCache, root: Path, names: list[str]
                     ) -> tuple[Mapping[str, memoryview], list[str | None]]:
    """The folder's bundle, and the content key of each file if there is one.

    Every file is read and hashed on every load, so that none is served stale: a thread does it
    while this one reads and checks the bundle. Both wait on the disk or in hashlib and zlib,
    which let go of the interpreter lock, so that the two take the time of the longer. The
    keys are left unfinished (an empty list) where there is no bundle to look them up in.
    """
    keys: list[str | None] = []
    stop = threading.Event()
    failed: list[BaseException] = []

    def hash_files() -> None:
        try:
            for name in names:
                if stop.is_set():
                    return
                keys.append(file_key(name, format_of(name)))
        except BaseException as error:  # given to the caller below
            failed.append(error)

    thread = threading.Thread(target=hash_files, name="gender-plan file keys", daemon=True)
    thread.start()
    bundle: Mapping[str, memoryview] = {}
    try:
        bundle = cache.get_folder(root)
    finally:
        if not bundle:
            stop.set()
        thread.join()
    if failed:
        raise failed[0]
    return (bundle, keys) if bundle else ({}, [])


def _indexed(root: Path, names: list[str], outcomes: list[Plan | list[Problem]]) -> PlanFolder:
    plans: dict[str, Plan] = {}
    files: dict[str, Path] = {}
    problems: list[Problem] = []
    for name, outcome in zip(names, outcomes, strict=True):
        if not isinstance(outcome, Plan):
            problems.extend(outcome)
            continue
        if outcome.code in plans:
            problems.append(Problem(file=name, path="code",
                                    message=msg("the plan code {code!r} is also the code of "
                                                "{file}", code=outcome.code,
                                                file=files[outcome.code]),
                                    hint=msg("each plan in the folder needs its own code")))
            continue
        plans[outcome.code] = outcome
        files[outcome.code] = Path(name)
    if problems:
        raise ValidationError(problems, subject=msg("plans in {folder}", folder=root))
    return PlanFolder(plans=plans, files=files)


def _parse_one(name: str, keyed: bool) -> tuple[str | None, Plan | None, list[Problem]]:
    """Parse one file: its content key (if `keyed`) and plan, or its problems."""
    try:
        kind = format_of(name)
        data = read_bytes(name, limit=MAX_PLAN_BYTES)
        plan = plan_from_bytes(data, kind, name)
    except ValidationError as error:
        return None, None, list(error.problems)
    except GenderPlanError as error:
        return None, None, [Problem(file=name, message=error.describe())]
    return (content_key(data, kind) if keyed else None), plan, []


def _parse_here(names: list[str], keyed: bool) -> list[_Parsed]:
    """`names` parsed in this process (each plan pickled too when the cache keeps it)."""
    parsed: list[_Parsed] = []
    for name in names:
        key, plan, problems = _parse_one(name, keyed)
        parsed.append((key, plan, pickle_plan(plan) if keyed and plan is not None else None,
                       problems))
    return parsed


def _parse_in_worker() -> tuple[int, list[_Remote]] | None:
    """In a worker process, parse the first chunk no process has taken yet, if there is one.

    Returns the chunk's number and its files' keys, problems and where each plan lies in the
    chunk's file: the plans are pickled one after another into a file. Pickled plans are 60 kB
    each: sent through the pool's pipe, 64 kB at a time, each piece would wait for the main
    process's result thread to get the interpreter lock from the thread that parses, and the
    worker would wait with it. From a file, they are read back in one call.
    """
    assert _WORK is not None
    ends, chunks, folder, keyed = _WORK
    with ends.get_lock():
        index = ends[0]
        if index >= ends[1]:
            return None
        ends[0] = index + 1
    parsed: list[_Remote] = []
    end = 0
    with open(_spill(folder, index), "wb") as stream:  # noqa: PTH123 - one call less
        for name in chunks[index]:
            key, plan, problems = _parse_one(name, keyed)
            span = None
            if plan is not None:
                payload = pickle_plan(plan)
                stream.write(payload)
                span = (end, end + len(payload))
                end = span[1]
            parsed.append((key, span, problems))
    return index, parsed


def _spill(folder: str, index: int) -> str:
    return os.path.join(folder, f"{index}.pickles")  # noqa: PTH118


def _parse_all(names: list[str], *, keyed: bool, workers: int) -> list[_Parsed]:
    """Every file of `names` parsed, in order, by this process and `workers` - 1 others."""
    if workers > 1 and len(names) >= PARALLEL_FROM:
        # (imported here: multiprocessing takes 25 ms to import, for many files only)
        from concurrent.futures.process import BrokenProcessPool  # noqa: PLC0415

        try:
            return _parse_shared(names, keyed=keyed, workers=workers)
        # Where processes cannot be started (no semaphores in a sandbox, a process limit) or a
        # worker dies (killed for memory), the files are parsed here: slower, never wrong.
        except (OSError, NotImplementedError, BrokenProcessPool) as error:
            _LOG.debug("parsing %d plan files in this process: %s", len(names), error)
    return _parse_here(names, keyed)


def _parse_shared(names: list[str], *, keyed: bool, workers: int) -> list[_Parsed]:
    """Parse `names` in chunks, the workers from the first on and this process from the last.

    `workers` - 1 worker processes take the chunks in order, this process takes them from the
    last back, until the two meet: a shared pair of numbers under a lock says which chunks are
    left, so that no chunk is parsed twice and no process waits for another but for the last
    chunk. This process's own plans need no pickling on the way back; it reads the workers'
    plans between its own chunks, while they parse on.
    """
    import tempfile  # noqa: PLC0415
    from collections import deque  # noqa: PLC0415
    from concurrent.futures import Future, ProcessPoolExecutor  # noqa: PLC0415

    size = max(1, min(16, len(names) // (workers * 8)))
    chunks = [names[start : start + size] for start in range(0, len(names), size)]
    results: list[list[_Parsed] | None] = [None] * len(chunks)
    context = _context()
    ends = context.Array("q", [0, len(chunks)])  # the first chunk left, and one past the last
    with tempfile.TemporaryDirectory(prefix="gender-plan-") as folder, ProcessPoolExecutor(
        workers - 1, mp_context=context, initializer=_start_worker,
        initargs=(ends, chunks, folder, keyed),
    ) as pool:
        pending: deque[Future[tuple[int, list[_Remote]] | None]] = deque()

        def collect(future: Future[tuple[int, list[_Remote]] | None]) -> None:
            done = future.result()
            if done is not None:
                results[done[0]] = _collected(done[1], _spill(folder, done[0]), keyed)

        while True:
            while len(pending) < 3 * (workers - 1):  # a chunk or two waiting for each worker
                pending.append(pool.submit(_parse_in_worker))
            while pending and pending[0].done():
                collect(pending.popleft())
            index = _take_last(ends)
            if index is None:
                break
            results[index] = _parse_here(chunks[index], keyed)
        for future in pending:
            collect(future)
    return [parsed for chunk in results if chunk is not None for parsed in chunk]


def _take_last(ends: Any) -> int | None:
    """The last chunk no process has taken, now taken by this one; None when none is left."""
    lock = ends.get_lock()
    # A worker holds the lock for a few instructions; only one that died holding it (killed
    # for memory) keeps it longer: the files are then parsed here (see `_parse_all`).
    if not lock.acquire(timeout=_LOCK_WAIT):
        raise OSError("a worker process holds the lock of the plan files left")
    try:
        index: int = ends[1] - 1
        if index < ends[0]:
            return None
        ends[1] = index
        return index
    finally:
        lock.release()


_LOCK_WAIT = 30.0
"""How long, in seconds, this process waits for the lock of the chunks left."""


def _collected(remote: list[_Remote], spill: str, keyed: bool) -> list[_Parsed]:
    """The plans a worker parsed, from its answer and the file it pickled them into."""
    with open(spill, "rb") as stream:  # noqa: PTH123
        data = memoryview(stream.read())
    os.unlink(spill)  # noqa: PTH108
    parsed: list[_Parsed] = []
    for key, span, problems in remote:
        payload = None if span is None else data[span[0] : span[1]]
        parsed.append((key, None if payload is None else _plan_pickle.loads(payload),
                       payload if keyed else None, problems))
    return parsed


def _worker_count(workers: int | None) -> int:
    if workers is None:
        counted: Any = getattr(os, "process_cpu_count", None)  # Python 3.13+
        if counted is not None:
            return int(counted() or 1)
        if hasattr(os, "sched_getaffinity"):
            return len(os.sched_getaffinity(0))
        return os.cpu_count() or 1  # pragma: no cover - platforms without affinity
    if isinstance(workers, bool) or not isinstance(workers, int) or workers < 1:
        raise ValidationError([Problem(message=msg("workers must be a whole number of at least "
                                                   "1, or None, found {value!r}", value=workers),
                                       hint=msg("None uses one process per CPU core"))],
                              subject="load_plan_folder")
    return workers


def _context() -> BaseContext:
    """Fork where it is safe and quick (Linux, no other thread), else spawn a new interpreter."""
    import multiprocessing  # noqa: PLC0415 - only for many files

    if sys.platform == "linux" and threading.active_count() == 1:
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("spawn")


_WORK: tuple[Any, list[list[str]], str, bool] | None = None
"""In a worker process: the shared numbers of the first and past the last chunk left, the
chunks, the folder of the chunks' files, and whether the cache wants the files' keys."""


def _start_worker(ends: Any, chunks: list[list[str]], folder: str, keyed: bool) -> None:
    """Set up a worker process, which only parses files and hands their plans back."""
    global _WORK  # noqa: PLW0603 - the one state of a worker process, set once
    _WORK = (ends, chunks, folder, keyed)
    # The collector would walk every node tree while each file is parsed; in this process of
    # our own, objects are freed by their reference counts when the file is done (the few
    # cycles a parse leaves go when the worker ends).
    gc.disable()
