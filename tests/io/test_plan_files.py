"""Plan files: round trips in every format, the schema key, the Lai Khê plan, values kept."""

from __future__ import annotations

import json
import sys
import tomllib
from pathlib import Path
from typing import Any

import attrs
import generate_yaml
import laikhe_2026_2030
import pytest
import yaml
from hypothesis import given

from gender_plan import (
    FileAccessError,
    FileFormatError,
    MissingDependencyError,
    Plan,
    ValidationError,
    dumps_plan,
    load_measurements,
    load_plan,
    loads_plan,
    save_plan,
)
from gender_plan.io import plan_files
from gender_plan.io.plan_files import FORMATS, SCHEMA, format_of
from gender_plan.testing import plans

ROOT = Path(__file__).resolve().parents[2]
LAIKHE: Plan = laikhe_2026_2030.build_plan()

WRITTEN = (Path(__file__).resolve().parent / "data" / "hand_written.yaml").read_text(
    encoding="utf-8"
)


@given(plan=plans(max_goals=2))
def test_save_then_load_gives_an_equal_plan_in_every_format(plan: Plan) -> None:
    # One generated plan goes through all three formats: generating plans is the slow part.
    for kind in FORMATS:
        assert plan == loads_plan(dumps_plan(plan, format=kind), format=kind)


@pytest.mark.parametrize("kind", FORMATS)
def test_laikhe_loads_from_every_format_equal_to_the_python_encoding(
    tmp_path: Path, kind: plan_files.Format
) -> None:
    path = tmp_path / f"laikhe.{kind}"
    save_plan(LAIKHE, path)
    assert LAIKHE == load_plan(path)


def test_the_shipped_yaml_never_drifts_from_the_python_encoding() -> None:
    assert LAIKHE == load_plan(generate_yaml.YAML)
    assert generate_yaml.yaml_text() == generate_yaml.YAML.read_text(encoding="utf-8"), (
        "run: python examples/generate_yaml.py"
    )


def test_every_file_starts_with_its_schema() -> None:
    for kind in FORMATS:
        text = dumps_plan(LAIKHE, format=kind)
        assert "gender-plan/1" in "".join(text.splitlines()[:2])


def _paths(data: Any, path: str = "") -> dict[str, Any]:
    """Every leaf of plain data by its path."""
    if isinstance(data, dict):
        found: dict[str, Any] = {}
        for key, value in data.items():
            found |= _paths(value, f"{path}.{key}" if path else key)
        return found
    if isinstance(data, list) and data:
        found = {}
        for index, value in enumerate(data):
            found |= _paths(value, f"{path}[{index}]")
        return found
    return {path: data}


@pytest.mark.parametrize("kind", FORMATS)
def test_load_then_save_keeps_every_value_and_adds_nothing(kind: plan_files.Format) -> None:
    written = _paths(yaml.safe_load(WRITTEN))
    saved_text = dumps_plan(loads_plan(WRITTEN, format="yaml"), format=kind)
    saved = _paths(loads_as_data(saved_text, kind))
    # A text written as a plain string is saved as {vi: ...}: the same value, spelled in full.
    saved = {
        path.removesuffix(".vi") if path.removesuffix(".vi") in written else path: value
        for path, value in saved.items()
    }
    assert set(saved) <= set(written), "no key is added"
    defaults = {"goals[0].indicators[0].direction": "higher",
                "goals[0].indicators[0].targets[0].kind": "reach",
                "units[0].assignment": "assigned", "units[0].focal_point": False}
    for path, value in written.items():
        if path in saved:
            assert str(value) == str(saved[path]) or value == saved[path]
        else:
            assert defaults[path] == value, f"{path} was dropped but is no default"
    assert loads_plan(WRITTEN, format="yaml") == loads_plan(saved_text, format=kind)


def loads_as_data(text: str, kind: str) -> Any:
    if kind == "yaml":
        return yaml.safe_load(text)
    if kind == "json":
        return json.loads(text)
    return tomllib.loads(text)


def test_a_file_without_schema_is_refused_with_a_fix() -> None:
    with pytest.raises(FileFormatError) as caught:
        loads_plan(WRITTEN.replace("schema: gender-plan/1\n", ""), format="yaml")
    (problem,) = caught.value.problems
    assert "does not say its schema" in problem.message
    assert f"schema: {SCHEMA}" in str(problem.hint)


@pytest.mark.parametrize(("version", "fragment"), [
    ("gender-plan/2", "newer gender-plan"), ("other/1", "write 'schema"), ("3", "write 'schema"),
])
def test_an_unknown_schema_is_refused(version: str, fragment: str) -> None:
    text = WRITTEN.replace("schema: gender-plan/1", f"schema: '{version}'")
    with pytest.raises(FileFormatError) as caught:
        loads_plan("# a comment\n" + text, format="yaml")
    (problem,) = caught.value.problems
    assert 2 == problem.line
    assert fragment in str(problem.hint)


@pytest.mark.parametrize("text", ["", "- a\n- b\n", "just text\n"])
def test_a_file_that_is_not_a_mapping_is_refused(text: str) -> None:
    with pytest.raises(FileFormatError, match="a plan file holds a mapping"):
        loads_plan(text, format="yaml")


def test_problems_carry_file_line_and_path(tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    path.write_text(WRITTEN.replace("unit: percent", "unit: percnt").replace(
        "focal_point: false", "focal_point: 'no'"), encoding="utf-8")
    with pytest.raises(ValidationError) as caught:
        load_plan(path)
    found = {(p.path, p.line) for p in caught.value.problems}
    assert {("goals[0].indicators[0].unit", 16), ("units[0].focal_point", 25)} == found
    assert all(p.file == str(path) for p in caught.value.problems)


def test_a_code_written_as_a_number_gets_the_quotes_hint() -> None:
    with pytest.raises(ValidationError) as caught:
        loads_plan(WRITTEN.replace("code: '1.1'", "code: 1.1"), format="yaml")
    (problem,) = caught.value.problems
    assert "goals[0].indicators[0].code" == problem.path
    assert "quotes" in str(problem.hint)


def test_toml_syntax_errors_carry_the_line() -> None:
    with pytest.raises(FileFormatError) as caught:
        loads_plan('schema = "gender-plan/1"\ncode = \n', format="toml")
    assert 2 == caught.value.problems[0].line
    with pytest.raises(FileFormatError, match="not valid TOML"):
        loads_plan('schema = "gender-plan/1"\ncode = "x', format="toml")


def test_toml_dates_are_read_as_the_text_written() -> None:
    text = dumps_plan(LAIKHE, format="toml").replace('date = "2026-05"', "date = 2026-05-07", 1)
    assert "2026-05-07" == str(loads_plan(text, format="toml").date)


@pytest.mark.parametrize(("name", "kind"), [("a.yaml", "yaml"), ("a.YML", "yaml"),
                                            ("a.json", "json"), ("a.toml", "toml")])
def test_the_format_comes_from_the_suffix(name: str, kind: str) -> None:
    assert kind == format_of(name)


def test_unknown_suffixes_and_formats_are_refused(tmp_path: Path) -> None:
    with pytest.raises(FileFormatError, match=r"ending in '\.txt'"):
        load_plan(tmp_path / "plan.txt")
    with pytest.raises(FileFormatError, match="unknown plan file format 'xml'"):
        loads_plan("", format="xml")  # type: ignore[arg-type]


def test_save_with_an_explicit_format_ignores_the_suffix(tmp_path: Path) -> None:
    path = tmp_path / "plan.txt"
    save_plan(LAIKHE, path, format="json")
    assert LAIKHE == loads_plan(path.read_text(encoding="utf-8"), format="json")


def test_a_failing_save_leaves_the_old_file_intact(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "plan.yaml"
    save_plan(LAIKHE, path)
    before = path.read_bytes()
    broken = attrs.evolve(LAIKHE, code="changed")

    def fail(data: Any) -> str:
        raise RuntimeError("disk full")

    monkeypatch.setattr(plan_files, "dump_yaml", fail)
    with pytest.raises(RuntimeError):
        save_plan(broken, path)
    assert before == path.read_bytes()
    assert [path] == list(tmp_path.iterdir())


def test_writing_toml_without_the_extra_names_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "tomli_w", None)
    with pytest.raises(MissingDependencyError, match=r"gender-plan\[toml\]"):
        dumps_plan(LAIKHE, format="toml")


@pytest.mark.parametrize("make", ["missing", "folder"])
@pytest.mark.parametrize(("load", "name"), [(load_plan, "plan.yaml"),
                                            (load_measurements, "data.csv")])
def test_a_file_that_cannot_be_opened_raises_a_library_error(tmp_path, make, load, name):
    path = tmp_path / name
    if make == "folder":
        path.mkdir()
    with pytest.raises(FileAccessError) as caught:
        load(path)
    assert str(path) in str(caught.value)
    assert isinstance(caught.value, OSError)


def test_a_control_character_in_yaml_is_reported_with_its_line():
    with pytest.raises(FileFormatError) as caught:
        loads_plan("schema: gender-plan/1\ncode: x\n  \x0b field: politics\n", format="yaml")
    problem = caught.value.problems[0]
    assert 3 == problem.line
    assert "'\\x0b' is not allowed" in problem.message


@pytest.mark.parametrize("text", ["1e+100", "0e0", "-2E5", "0x7EA", "2_030", "true", "2.1"])
def test_a_title_that_looks_like_a_number_is_written_in_quotes_and_read_back(text):
    """The loader reads YAML 1.2 numbers ("1e+100" is one, though not in YAML 1.1): they stay text."""
    plan = attrs.evolve(LAIKHE, title=attrs.evolve(LAIKHE.title, vi=text))
    assert plan == loads_plan(dumps_plan(plan, format="yaml"), format="yaml")
