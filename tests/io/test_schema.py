"""The JSON Schema of plan files: valid, accepts real plans, refuses mistakes, documented."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import yaml
from hypothesis import given

from gender_plan import Plan, dumps_plan, plan_schema
from gender_plan.testing import plans

ROOT = Path(__file__).resolve().parents[2]
VALIDATOR = jsonschema.Draft202012Validator(plan_schema())
COMMITTED = ROOT / "docs" / "reference" / "plan.schema.json"


def test_the_schema_is_valid_draft_2020_12() -> None:
    jsonschema.Draft202012Validator.check_schema(plan_schema())


def test_the_laikhe_yaml_is_valid() -> None:
    text = (ROOT / "examples" / "laikhe_2026_2030.yaml").read_text(encoding="utf-8")
    VALIDATOR.validate(yaml.safe_load(text))


@given(plan=plans(max_goals=2))
def test_every_generated_plan_is_valid(plan: Plan) -> None:
    VALIDATOR.validate(json.loads(dumps_plan(plan, format="json")))


def test_unknown_keys_and_wrong_values_are_flagged() -> None:
    data = yaml.safe_load((ROOT / "tests" / "io" / "data" / "hand_written.yaml").read_text(
        encoding="utf-8"))
    data["titel"] = "x"
    data["goals"][0]["field"] = "sports"
    errors = sorted(e.message for e in VALIDATOR.iter_errors(data))
    assert 2 == len(errors)
    assert any("titel" in e for e in errors)


def test_the_committed_schema_matches() -> None:
    expected = json.dumps(plan_schema(), ensure_ascii=False, indent=2) + "\n"
    assert expected == COMMITTED.read_text(encoding="utf-8"), (
        "regenerate: python -c \"import json, gender_plan; print(json.dumps("
        "gender_plan.plan_schema(), ensure_ascii=False, indent=2))\" > " + str(COMMITTED)
    )


def test_the_file_format_page_names_every_top_level_key() -> None:
    page = (ROOT / "docs" / "reference" / "file-format.md").read_text(encoding="utf-8")
    missing = [key for key in plan_schema()["properties"] if f"`{key}`" not in page]
    assert [] == missing


def test_each_call_returns_a_fresh_copy() -> None:
    first = plan_schema()
    first["properties"].clear()
    assert plan_schema()["properties"]
