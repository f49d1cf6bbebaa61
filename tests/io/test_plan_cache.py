"""The plan cache: keyed by content, never stale, a corrupt entry ignored and rewritten."""

import gc
import logging
import multiprocessing
import os
import threading
from pathlib import Path

import attrs
import pytest
from hypothesis import given, settings

from gender_plan import LocalizedText, ValidationError, dumps_plan, load_plan, save_plan
from gender_plan.io import _yaml, plan_folder
from gender_plan.io.plan_cache import PlanCache
from gender_plan.io.plan_folder import load_plan_folder
from gender_plan.testing import plans

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "laikhe_2026_2030.yaml"


def test_a_cached_plan_equals_the_parsed_one_and_is_served_from_the_cache(tmp_path):
    cache = PlanCache(folder=tmp_path / "cache")
    first = load_plan(EXAMPLE, cache=cache)
    assert load_plan(EXAMPLE) == first
    entries = list((tmp_path / "cache").iterdir())
    assert 1 == len(entries)
    assert first == load_plan(EXAMPLE, cache=cache)


def test_a_changed_file_is_never_served_stale(tmp_path):
    cache = PlanCache(folder=tmp_path / "cache")
    path = tmp_path / "plan.yaml"
    plan = load_plan(EXAMPLE)
    save_plan(plan, path)
    assert plan == load_plan(path, cache=cache)
    changed = attrs.evolve(plan, title=LocalizedText(vi="Khác", en="Other"))
    save_plan(changed, path)
    assert changed == load_plan(path, cache=cache)
    save_plan(plan, path)  # back to the first content: its entry is right again
    assert plan == load_plan(path, cache=cache)


@pytest.mark.parametrize("damage", [b"", b"garbage", None])
def test_a_corrupt_entry_is_ignored_and_rewritten(tmp_path, damage):
    cache = PlanCache(folder=tmp_path / "cache")
    plan = load_plan(EXAMPLE, cache=cache)
    (entry,) = (tmp_path / "cache").iterdir()
    good = entry.read_bytes()
    bad = good[:-10] + b"0123456789" if damage is None else damage
    entry.write_bytes(bad)
    assert cache.get(entry.stem) is None
    assert plan == load_plan(EXAMPLE, cache=cache)
    assert good == entry.read_bytes()


def test_a_plan_with_problems_is_not_cached_and_reports_them_every_time(tmp_path):
    cache = PlanCache(folder=tmp_path / "cache")
    path = tmp_path / "bad.yaml"
    path.write_text("schema: gender-plan/1\ncode: x\n", encoding="utf-8")
    for _ in range(2):
        with pytest.raises(ValidationError):
            load_plan(path, cache=cache)
    assert not (tmp_path / "cache").exists()


def test_a_folder_refuses_two_files_with_one_plan_code(tmp_path):
    plan = load_plan(EXAMPLE)
    save_plan(plan, tmp_path / "a.yaml")
    save_plan(plan, tmp_path / "b.json")
    with pytest.raises(ValidationError, match="also the code of"):
        load_plan_folder(tmp_path, cache=False)
    (tmp_path / "b.json").unlink()
    assert {plan.code: plan} == dict(load_plan_folder(tmp_path, cache=False).plans)


def _python_only(text: str):
    saved = _yaml._load_fast
    _yaml._load_fast = lambda _text: None
    try:
        return _yaml.load_yaml(text, None)
    finally:
        _yaml._load_fast = saved


def test_the_libyaml_path_reads_the_example_exactly_as_the_python_path():
    text = EXAMPLE.read_text(encoding="utf-8")
    assert _python_only(text) == _yaml._load_fast(text)


@settings(max_examples=20)
@given(plan=plans())
def test_the_libyaml_path_reads_every_plan_exactly_as_the_python_path(plan):
    text = dumps_plan(plan, format="yaml")
    assert _python_only(text) == _yaml._load_fast(text)


def _folder(tmp_path: Path, count: int = 3) -> tuple[Path, list]:
    """A folder of `count` plan files, each the example under its own code."""
    folder = tmp_path / "plans"
    folder.mkdir()
    example = load_plan(EXAMPLE)
    plans = [attrs.evolve(example, code=f"plan-{n}") for n in range(count)]
    for n, plan in enumerate(plans):
        save_plan(plan, folder / f"p{n}.yaml")
    return folder, plans


def _bundles(cache: PlanCache) -> list[Path]:
    return sorted(cache.folder.glob("*.folder"))


def test_a_folder_is_kept_in_one_bundle_and_read_back_equal(tmp_path):
    folder, plans = _folder(tmp_path)
    cache = PlanCache(folder=tmp_path / "cache")
    first = load_plan_folder(folder, cache=cache)
    assert {p.code: p for p in plans} == dict(first.plans)
    assert 1 == len(list(cache.folder.iterdir()))  # one bundle, no entry per file
    (bundle,) = _bundles(cache)
    written = bundle.stat().st_mtime_ns
    again = load_plan_folder(folder, cache=cache)
    assert dict(first.plans) == dict(again.plans)
    assert dict(first.files) == dict(again.files)
    assert written == bundle.stat().st_mtime_ns  # nothing changed: nothing written


def test_a_file_changed_in_place_keeping_its_size_and_time_is_read_again(tmp_path):
    folder, plans = _folder(tmp_path)
    cache = PlanCache(folder=tmp_path / "cache")
    load_plan_folder(folder, cache=cache)
    path = folder / "p1.yaml"
    before = path.stat()
    data = path.read_bytes()
    edited = data.replace(b"code: plan-1", b"code: plan-9")
    assert len(data) == len(edited)
    assert data != edited
    path.write_bytes(edited)
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert (before.st_size, before.st_mtime_ns) == (path.stat().st_size, path.stat().st_mtime_ns)
    loaded = load_plan_folder(folder, cache=cache)
    assert {"plan-0", "plan-9", "plan-2"} == set(loaded.plans)
    assert folder / "p1.yaml" == loaded.files["plan-9"]
    # and one file on its own, through its own entry
    save_plan(plans[1], path)
    assert plans[1] == load_plan(path, cache=cache)
    path.write_bytes(edited)
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert "plan-9" == load_plan(path, cache=cache).code


def _truncated(data: bytes) -> bytes:
    return data[: len(data) // 2]


def _flipped(data: bytes) -> bytes:
    middle = len(data) // 2
    return data[:middle] + bytes([data[middle] ^ 0x10]) + data[middle + 1:]


@pytest.mark.parametrize("damage", [_truncated, _flipped, lambda _: b"", lambda _: b"garbage",
                                    lambda data: data[:40]])
def test_a_corrupt_bundle_is_ignored_and_rebuilt(tmp_path, damage):
    folder, plans = _folder(tmp_path)
    cache = PlanCache(folder=tmp_path / "cache")
    load_plan_folder(folder, cache=cache)
    (bundle,) = _bundles(cache)
    good = bundle.read_bytes()
    bundle.write_bytes(damage(good))
    assert {} == dict(cache.get_folder(folder))
    assert {p.code: p for p in plans} == dict(load_plan_folder(folder, cache=cache).plans)
    assert good == bundle.read_bytes()


def test_files_added_and_removed_change_the_bundle_to_match(tmp_path):
    folder, plans = _folder(tmp_path)
    cache = PlanCache(folder=tmp_path / "cache")
    load_plan_folder(folder, cache=cache)
    (folder / "p0.yaml").unlink()
    extra = attrs.evolve(plans[0], code="plan-new")
    save_plan(extra, folder / "new.json")
    loaded = load_plan_folder(folder, cache=cache)
    assert {"plan-1", "plan-2", "plan-new"} == set(loaded.plans)
    assert 3 == len(cache.get_folder(folder))
    assert dict(loaded.plans) == dict(load_plan_folder(folder, cache=False).plans)


def test_a_file_with_problems_is_reported_from_a_warm_folder_every_time(tmp_path):
    folder, _ = _folder(tmp_path)
    cache = PlanCache(folder=tmp_path / "cache")
    load_plan_folder(folder, cache=cache)
    (folder / "bad.yaml").write_text("schema: gender-plan/1\ncode: x\n", encoding="utf-8")
    for _ in range(2):
        with pytest.raises(ValidationError) as raised:
            load_plan_folder(folder, cache=cache)
        assert {str(folder / "bad.yaml")} == {p.file for p in raised.value.problems}
        assert all(p.line is not None for p in raised.value.problems)
    assert 3 == len(cache.get_folder(folder))


def _problems(folder: Path, **options) -> list[tuple]:
    with pytest.raises(ValidationError) as raised:
        load_plan_folder(folder, cache=False, **options)
    return [(p.file, p.line, p.path, str(p.message)) for p in raised.value.problems]


def test_worker_processes_give_what_one_process_gives(tmp_path, monkeypatch):
    folder, plans = _folder(tmp_path, count=6)
    monkeypatch.setattr(plan_folder, "PARALLEL_FROM", 2)
    cache = PlanCache(folder=tmp_path / "cache")
    one = load_plan_folder(folder, cache=False)
    many = load_plan_folder(folder, cache=cache, workers=2)
    assert list(one.plans.items()) == list(many.plans.items())
    assert dict(one.files) == dict(many.files)
    assert dict(many.plans) == dict(load_plan_folder(folder, cache=cache, workers=2).plans)
    # problems: every one, with its file and line, in the same order
    (folder / "a-bad.yaml").write_text("schema: gender-plan/1\ncode: x\n", encoding="utf-8")
    (folder / "z-bad.yaml").write_text("schema: gender-plan/1\ncode: [\n", encoding="utf-8")
    save_plan(plans[0], folder / "same-code.yaml")
    expected = _problems(folder)
    assert {str(folder / n) for n in ("a-bad.yaml", "z-bad.yaml", "same-code.yaml")} == {
        file for file, *_ in expected}
    assert expected == _problems(folder, workers=2)


@pytest.mark.parametrize("workers", [0, -1, 1.5, True, "2"])
def test_workers_must_be_a_whole_number_of_at_least_one(tmp_path, workers):
    folder, _ = _folder(tmp_path, count=1)
    with pytest.raises(ValidationError, match="workers must be"):
        load_plan_folder(folder, cache=False, workers=workers)


@pytest.mark.parametrize("enabled", [True, False])
def test_the_garbage_collector_is_left_as_it_was(tmp_path, enabled):
    folder, _ = _folder(tmp_path, count=1)
    was = gc.isenabled()
    try:
        if not enabled:
            gc.disable()
        load_plan_folder(folder, cache=False)
        assert enabled == gc.isenabled()
        with pytest.raises(ValidationError):
            load_plan_folder(folder, cache=False, workers=0)
        assert enabled == gc.isenabled()
    finally:
        if was:
            gc.enable()


def _no_semaphores():
    raise OSError(38, "Function not implemented")  # as where /dev/shm is missing


def _die(*_arguments):
    os._exit(1)  # a worker killed (by the kernel, for memory): its pool is broken


@pytest.mark.skipif("fork" not in multiprocessing.get_all_start_methods(),
                    reason="a worker dies only where it is forked with the test's replacement")
@pytest.mark.parametrize(("name", "replacement"), [("_context", _no_semaphores),
                                                  ("_parse_in_worker", _die)])
def test_where_workers_cannot_run_the_files_are_parsed_in_this_process(
    tmp_path, monkeypatch, caplog, name, replacement
):
    folder, plans = _folder(tmp_path, count=3)
    monkeypatch.setattr(plan_folder, "PARALLEL_FROM", 2)
    monkeypatch.setattr(plan_folder, "_context", lambda: multiprocessing.get_context("fork"))
    monkeypatch.setattr(plan_folder, name, replacement)  # a forked worker runs it too
    with caplog.at_level(logging.DEBUG, logger="gender_plan.io.plan_folder"):
        loaded = load_plan_folder(folder, cache=False, workers=2)
    assert {p.code: p for p in plans} == dict(loaded.plans)
    assert "parsing 3 plan files in this process" in caplog.text


def test_this_process_parses_the_last_chunks_and_the_workers_the_others_each_once(
    tmp_path, monkeypatch
):
    folder, plans = _folder(tmp_path, count=8)
    monkeypatch.setattr(plan_folder, "PARALLEL_FROM", 2)
    here: list[str] = []
    parse_here = plan_folder._parse_here

    def recorded(names, keyed):
        here.extend(names)
        return parse_here(names, keyed)

    monkeypatch.setattr(plan_folder, "_parse_here", recorded)
    names = sorted(str(path) for path in folder.iterdir())
    parsed = plan_folder._parse_all(names, keyed=True, workers=2)
    assert [p.code for p in sorted(plans, key=lambda p: p.code)] == [
        plan.code for _, plan, _, _ in parsed]
    assert len(set(here)) == len(here)  # no chunk twice in this process
    assert names[len(names) - len(here):] == sorted(here)  # from the last back
    keys = [key for key, _, _, _ in parsed]
    assert [plan_folder.file_key(name, "yaml") for name in names] == keys
    # every plan comes with its pickle, for the bundle, whichever process parsed it
    assert all(payload is not None and plan == plan_folder.unpickle_plan(payload)
               for _, plan, payload, _ in parsed)


def test_the_loaded_plans_are_left_for_the_collector_s_full_passes_only(tmp_path):
    folder, _ = _folder(tmp_path, count=3)
    gc.collect()
    loaded = load_plan_folder(folder, cache=False)
    # in the oldest generation, not walked by a young pass on the way
    oldest = {id(obj) for obj in gc.get_objects(generation=2)}
    assert all(id(plan) in oldest for plan in loaded.plans.values())
    assert all(id(goal) in oldest for plan in loaded.plans.values() for goal in plan.goals)
    assert 0 == gc.get_freeze_count()


def test_objects_the_program_froze_stay_frozen(tmp_path):
    folder, _ = _folder(tmp_path, count=1)
    gc.freeze()
    try:
        frozen = gc.get_freeze_count()
        assert frozen > 0
        load_plan_folder(folder, cache=False)
        assert frozen == gc.get_freeze_count()
    finally:
        gc.unfreeze()


def test_a_failure_while_the_files_are_hashed_is_raised_not_lost(tmp_path, monkeypatch):
    folder, _ = _folder(tmp_path, count=2)
    cache = PlanCache(folder=tmp_path / "cache")
    load_plan_folder(folder, cache=cache)

    def broken(name, format):
        raise MemoryError(name)

    monkeypatch.setattr(plan_folder, "file_key", broken)
    with pytest.raises(MemoryError):
        load_plan_folder(folder, cache=cache)
    assert 2 == len(cache.get_folder(folder))  # the bundle is left as it was


def test_this_process_takes_the_last_chunk_left_and_none_once_they_meet(monkeypatch):
    ends = multiprocessing.get_context().Array("q", [1, 3])
    assert 2 == plan_folder._take_last(ends)
    assert 1 == plan_folder._take_last(ends)
    assert plan_folder._take_last(ends) is None
    assert [1, 1] == list(ends)
    # a lock kept by a worker that died holding it: this process stops waiting, and parses
    monkeypatch.setattr(plan_folder, "_LOCK_WAIT", 0.05)
    held, done = threading.Event(), threading.Event()

    def hold():
        with ends.get_lock():
            held.set()
            done.wait(5)

    thread = threading.Thread(target=hold)
    thread.start()
    held.wait(5)
    try:
        with pytest.raises(OSError, match="holds the lock"):
            plan_folder._take_last(ends)
    finally:
        done.set()
        thread.join()


@settings(max_examples=10, deadline=None)
@given(plan=plans())
def test_any_plan_from_a_warm_folder_equals_the_plan_parsed_afresh(tmp_path_factory, plan):
    root = tmp_path_factory.mktemp("warm")
    folder = root / "plans"
    folder.mkdir()
    save_plan(plan, folder / "plan.yaml")
    cache = PlanCache(folder=root / "cache")
    load_plan_folder(folder, cache=cache)  # parsed, and kept in the bundle
    assert 1 == len(cache.get_folder(folder))
    warm = load_plan_folder(folder, cache=cache).plans[plan.code]  # rebuilt from the bundle
    fresh = load_plan(folder / "plan.yaml")
    assert fresh == warm
    assert plan == warm
    assert repr(fresh) == repr(warm)  # the same types and values all the way down


def test_the_code_tag_changes_with_the_unit_definitions(monkeypatch):
    # A plan's units are checked against units.txt: a cached plan must not outlive an edit of it.
    from gender_plan.io.plan_cache import _code_tag  # noqa: PLC0415

    before = _code_tag.__wrapped__()
    real = Path.read_bytes

    def edited(path: Path) -> bytes:
        data = real(path)
        return data + b"\n# a unit removed\n" if path.name == "units.txt" else data

    monkeypatch.setattr(Path, "read_bytes", edited)
    assert before != _code_tag.__wrapped__()
