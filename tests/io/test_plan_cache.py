"""The plan cache: keyed by content, never stale, a corrupt entry ignored and rewritten."""

from pathlib import Path

import attrs
import pytest
from hypothesis import given, settings

from gender_plan import LocalizedText, ValidationError, dumps_plan, load_plan, save_plan
from gender_plan.io import _yaml
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
