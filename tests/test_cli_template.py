"""The plan `gender-plan new` starts from is shipped in the package and is Lai Khê's plan."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import laikhe_2026_2030

from gender_plan import load_plan
from gender_plan.cli._commands import TEMPLATE

ROOT = Path(__file__).resolve().parents[1]
REFRESH = "cp examples/laikhe_2026_2030.yaml src/gender_plan/templates/laikhe_2026_2030.yaml"


def _template_text() -> str:
    return resources.files("gender_plan").joinpath("templates", TEMPLATE).read_text("utf-8")


def test_template_is_the_generated_example_file() -> None:
    """The examples' generator (examples/generate_yaml.py) writes the file; we ship a copy."""
    example = (ROOT / "examples" / "laikhe_2026_2030.yaml").read_text(encoding="utf-8")
    assert example == _template_text(), f"the shipped template is stale: {REFRESH}"


def test_template_reads_as_the_encoded_plan(tmp_path: Path) -> None:
    path = tmp_path / TEMPLATE
    path.write_text(_template_text(), encoding="utf-8")
    assert laikhe_2026_2030.build_plan() == load_plan(path)
