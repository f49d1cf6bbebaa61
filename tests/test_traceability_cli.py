"""The ``trace`` command, and ``new --national``, on real plan files."""

from __future__ import annotations

import csv
import io
import json
import shutil
from importlib import resources
from pathlib import Path

import pytest

from gender_plan import load_plan
from gender_plan.cli import main

LAI_KHE = "examples/laikhe_2026_2030.yaml"


@pytest.fixture
def national(tmp_path: Path) -> Path:
    source = resources.files("gender_plan").joinpath("templates",
                                                     "national_strategy_2021_2030.yaml")
    target = tmp_path / "national.yaml"
    target.write_bytes(source.read_bytes())
    return target


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def test_the_national_strategy_against_itself_exits_0(capsys, national):
    status, out, _ = run(capsys, "trace", str(national), "--parent", str(national),
                         "--by-number", "--lang", "en")
    assert 0 == status
    assert "no finding" in out
    assert "0 findings, 0 to act on" in out


def test_lai_khe_by_number_exits_1_and_names_what_is_weaker(capsys, national):
    status, out, _ = run(capsys, "trace", LAI_KHE, "--parent", str(national), "--by-number",
                         "--lang", "en")
    assert 1 == status
    assert "less ambitious" in out
    assert "≥ 60% by 2030 is less ambitious than the parent's ≥ 75% by" in " ".join(out.split())


def test_json_and_csv_carry_the_findings_as_data(capsys, national):
    status, out, _ = run(capsys, "trace", LAI_KHE, "--parent", str(national), "--by-number",
                         "--format", "json")
    assert 1 == status
    document = json.loads(out)
    assert ("gender-plan/trace", 1, "lai-khe-2026-2030", ["national-strategy-2021-2030"]) == (
        document["format"], document["version"], document["plan"], document["parents"])
    first = document["findings"][0]
    assert {"kind": "weaker_value", "indicator": "1.1", "value": 60, "parent_value": 75,
            "year": 2030, "parent_year": 2030, "by_number": True, "fails": True}.items() <= (
        first.items())
    assert first["message"]["en"].startswith("Indicator 1.1: ≥ 60% by 2030")
    status, out, _ = run(capsys, "trace", LAI_KHE, "--parent", str(national), "--by-number",
                         "--format", "csv", "--lang", "en")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert {"1.1": "weaker_value", "6.1": "more_ambitious"}.items() <= {
        row["indicator"]: row["kind"] for row in rows}.items()


def test_a_folder_of_plans_is_followed_up_the_chain(capsys, national, tmp_path):
    province = tmp_path / "province.yaml"
    status, _, _ = run(capsys, "new", "--national", "--commune", "Hải Phòng",
                       "--start-year", "2026", "--out", str(province))
    assert 0 == status
    status, out, _ = run(capsys, "trace", str(province), "--plans", str(tmp_path), "--lang",
                         "en")
    assert (0, "no finding") == (status, out.splitlines()[1].strip())


def test_a_missing_link_in_the_chain_exits_2_with_a_clear_error(capsys, national, tmp_path):
    shutil.copy(LAI_KHE, tmp_path / "lai-khe.yaml")
    status, _, err = run(capsys, "trace", str(tmp_path / "lai-khe.yaml"), "--plans",
                         str(tmp_path))
    assert 2 == status
    assert ("plan 'lai-khe-2026-2030' names its parent 'hai-phong-170-kh-ubnd-2026' "
            "(170/KH-UBND), but none of the plans in") in err


@pytest.mark.parametrize("argv", [
    ("trace", LAI_KHE),
    ("trace", LAI_KHE, "--parent", "no-such-file.yaml"),
    ("trace", LAI_KHE, "--plans", "no-such-folder"),
    ("trace", "README.md", "--parent", LAI_KHE),
    ("trace", LAI_KHE, "--parent", "national", "--plans", "examples"),
    ("new", "--national", "--from", LAI_KHE, "--commune", "X", "--out", "x.yaml"),
])
def test_bad_input_exits_2(capsys, argv):
    status, out, err = run(capsys, *argv)
    assert (2, "") == (status, out)
    assert err.startswith("error: ")


def test_new_national_starts_a_province_plan_that_implements_the_strategy(capsys, tmp_path):
    out = tmp_path / "hp.yaml"
    status, printed, _ = run(capsys, "new", "--national", "--commune", "Hải Phòng",
                             "--commune-en", "Hai Phong", "--start-year", "2026",
                             "--out", str(out))
    assert 0 == status
    assert "left out, due before the plan starts: 1.1 (2025)" in printed
    plan = load_plan(out)
    assert ("hai-phong-2026-2030", "nq-28-nq-cp-2021", "Ủy ban nhân dân Hải Phòng") == (
        plan.code, plan.parent, plan.issuer.vi)
    indicators = [indicator for _, indicator in plan.indicators()]
    assert all(i.implements == i.code for i in indicators)
    assert 13 == len(indicators)
    # "From 2025 on": the curriculum fact is due in the plan's first year, not dropped.
    assert [2026] == [t.year for t in plan.indicator("5.1").targets]
    assert [2030] == [t.year for t in plan.indicator("1.1").targets]
