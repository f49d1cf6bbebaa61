"""pyproject.toml's lower bounds are the releases `.ci/lowest` tests, and the CI script is whole."""

import re
import tomllib
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

ROOT = Path(__file__).resolve().parent.parent


def lower_bounds() -> dict[str, set[Version]]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    texts = list(project["dependencies"])
    for extra in project["optional-dependencies"].values():
        texts.extend(extra)
    bounds: dict[str, set[Version]] = {}
    for text in texts:
        requirement = Requirement(text)
        for spec in requirement.specifier:
            if spec.operator == ">=":
                bounds.setdefault(canonicalize_name(requirement.name), set()).add(
                    Version(spec.version))
    return bounds


def pinned() -> dict[str, Version]:
    lines = (ROOT / ".ci" / "lowest-constraints.txt").read_text(encoding="utf-8").splitlines()
    pins = {}
    for line in lines:
        if line.strip() and not line.startswith("#"):
            name, version = line.split("==")
            pins[canonicalize_name(name)] = Version(version)
    return pins


def test_every_pinned_release_is_the_lower_bound_pyproject_states():
    bounds = lower_bounds()
    for name, version in pinned().items():
        assert {version} == bounds[name], name


def test_the_core_dependencies_are_all_pinned_at_their_lower_bound():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    core = {canonicalize_name(Requirement(text).name) for text in project["dependencies"]}
    assert core <= set(pinned())


def test_one_lower_bound_per_package_across_the_extras():
    """An extra that states an older bound than another would be a range nobody tests."""
    assert {} == {name: found for name, found in lower_bounds().items() if len(found) > 1}


def test_the_ci_script_states_each_step():
    script = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    for step in ("python -m ruff check .", "python -m mypy --strict src",
                 "python -m mkdocs build --strict"):
        assert step in script
    assert re.search(r"python3 -m venv \"\$work/example-env\"", script)
    assert re.search(r"python3 -m venv \"\$work/test-env\"", script)
