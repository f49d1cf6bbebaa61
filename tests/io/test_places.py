"""Place hierarchy files: CSV place,level,parent[,plan][,name]."""

import pytest

from gender_plan import ValidationError
from gender_plan.errors import FileFormatError
from gender_plan.io.places import load_places, save_places


def test_the_plain_form_without_plans_still_reads(tmp_path):
    path = tmp_path / "places.csv"
    path.write_text("place,level,parent\nc1,commune,p1\np1,province,\n", encoding="utf-8")
    hierarchy = load_places(path)
    assert ("commune", "province") == hierarchy.levels
    assert hierarchy.get("c1").plan is None


def test_plans_and_names_read_and_write_back(tmp_path):
    path = tmp_path / "places.csv"
    path.write_text("place,level,parent,plan,name\nc1,commune,p1,kh-c1,Lai Khê\n"
                    "p1,province,,kh-p1,\n", encoding="utf-8")
    hierarchy = load_places(path)
    assert "kh-c1" == hierarchy.get("c1").plan
    assert "Lai Khê" == hierarchy.get("c1").name
    save_places(hierarchy, tmp_path / "again.csv")
    assert hierarchy == load_places(tmp_path / "again.csv")


def test_every_problem_has_its_line(tmp_path):
    path = tmp_path / "places.csv"
    path.write_text("place,level,parent,plan\nc1,commune,p9,x\nc1,commune,,x\n,commune,,\n",
                    encoding="utf-8")
    with pytest.raises(ValidationError) as raised:
        load_places(path)
    lines = sorted(p.line for p in raised.value.problems)
    assert [2, 3, 4] == lines


def test_a_header_without_level_is_refused(tmp_path):
    path = tmp_path / "places.csv"
    path.write_text("place,parent\nc1,\n", encoding="utf-8")
    with pytest.raises(FileFormatError, match="missing columns"):
        load_places(path)
