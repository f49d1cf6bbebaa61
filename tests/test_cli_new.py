"""Starting another commune's plan from an existing one."""

from __future__ import annotations

import json
from pathlib import Path

import laikhe_2026_2030
import pytest
from hypothesis import given
from hypothesis import strategies as st

from gender_plan import Plan, ValidationError
from gender_plan.cli._new import TO_FILL, derive_plan, slug
from gender_plan.io import unstructure

ROOT = Path(__file__).resolve().parents[1]


def _build_plan() -> Plan:
    return laikhe_2026_2030.build_plan()


LAIKHE = _build_plan()

names = st.text(
    alphabet=st.sampled_from("abcdeghiklmnopqrstuvxyĐđàáảãạăâêôơưÀÂÊÔƠƯ "), min_size=1,
    max_size=20,
).map(str.strip).filter(bool)


@pytest.mark.parametrize(
    ("name", "expected"),
    [("Hưng Đạo", "hung-dao"), ("Lai Khê", "lai-khe"), ("  Xã 5 ", "xa-5"), ("!!", "commune")],
)
def test_slug(name: str, expected: str) -> None:
    assert expected == slug(name)


@given(names)
def test_slug_is_a_plain_code(name: str) -> None:
    code = slug(name)
    assert code == code.strip("-")
    assert set(code) <= set("abcdefghijklmnopqrstuvwxyz0123456789-")


@given(names)
def test_new_plan_names_the_new_commune_everywhere(name: str) -> None:
    plan = derive_plan(LAIKHE, commune=name)
    text = json.dumps(unstructure(plan), ensure_ascii=False)
    assert name == plan.place.vi
    assert f"{slug(name)}-2026-2030" == plan.code
    if "Lai Khê".upper() not in name.upper():
        assert "Lai Khê" not in text
        assert "LAI KHÊ" not in text
    assert name in plan.issuer.vi
    assert name in (plan.issuer.en or "")


def test_new_plan_keeps_the_plan_and_leaves_the_commune_parts_empty() -> None:
    plan = derive_plan(LAIKHE, commune="Hưng Đạo", commune_en="Hung Dao")
    assert (None, None) == (plan.number, plan.signatory)
    assert (2026, None, None) == (plan.date.year, plan.date.month, plan.date.day)
    assert plan.is_draft
    assert all(indicator.baseline is None for _, indicator in plan.indicators())
    assert [i.code for _, i in LAIKHE.indicators()] == [i.code for _, i in plan.indicators()]
    assert [t.code for t in LAIKHE.tasks] == [t.code for t in plan.tasks]
    assert "Hung Dao" in (plan.title.en or "")
    assert "Hưng Đạo" in plan.title.vi
    assert ("number", "date", "signatory", "parent", "baselines") == TO_FILL
    assert plan.parent is None  # the source's province plan is the officer's to name
    assert all(d.note is None for d in (*plan.legal_bases, *plan.references))


def test_new_years_move_the_date_with_the_start() -> None:
    plan = derive_plan(LAIKHE, commune="X", start_year=2027)
    assert (2027, 2030, 2027) == (plan.start_year, plan.end_year, plan.date.year)
    assert plan.base_year is None


def test_new_years_that_exclude_targets_are_refused() -> None:
    with pytest.raises(ValidationError, match="outside the plan's period"):
        derive_plan(LAIKHE, commune="X", end_year=2028)
