"""The ``portfolio`` command: every place against its own plan; bad input exits 2."""

from __future__ import annotations

import csv
import io
import json
import sys
from pathlib import Path

import pytest

from gender_plan import (
    Comparator,
    Direction,
    Field,
    Goal,
    Indicator,
    LocalizedText,
    PartialDate,
    Plan,
    ShareOfPlaces,
    Target,
    save_plan,
)
from gender_plan.cli import main


def _plan(code: str, value: float, implements: str | None) -> Plan:
    text = LocalizedText(vi=code, en=code)
    share = Indicator(code="4.1", name=text, unit="percent", implements=implements,
                      targets=[Target(comparator=Comparator.GE, value=value, year=2030)])
    return Plan(code=code, title=text, issuer=text, place=text, start_year=2026, end_year=2030,
                date=PartialDate(year=2026),
                goals=[Goal(code="1", field=Field.POLITICS, title=text, indicators=[share])])


@pytest.fixture
def files(tmp_path: Path) -> tuple[str, str, str]:
    plans = tmp_path / "plans"
    plans.mkdir()
    save_plan(_plan("kh-tinh", 40.0, None), plans / "tinh.yaml")
    save_plan(_plan("kh-a", 35.0, "4.1"), plans / "a.yaml")
    save_plan(_plan("kh-b", 45.0, "4.1"), plans / "b.json")
    places = tmp_path / "places.csv"
    places.write_text("place,level,parent,plan\na,commune,tinh,kh-a\nb,commune,tinh,kh-b\n"
                      "c,commune,tinh,kh-missing\ntinh,province,,kh-tinh\n", encoding="utf-8")
    rows = tmp_path / "m.csv"
    rows.write_text("place,indicator,period,value,numerator,denominator\n"
                    "a,4.1,2025,30,6,20\na,4.1,2027,34,8.5,25\nb,4.1,2025,40,10,25\n"
                    "b,4.1,2027,38,9.5,25\n", encoding="utf-8")
    return str(plans), str(places), str(rows)


def test_csv_output_has_each_place_against_its_own_plan(files, capsys):
    assert 0 == main(["portfolio", *files, "--as-of", "2027", "--no-cache", "--format", "csv"])
    out, err = capsys.readouterr()
    rows = {r["place"]: r for r in csv.DictReader(io.StringIO(out))}
    assert {"a", "b", "tinh"} == set(rows)
    assert ("35.0", "45.0", "40.0") == (rows["a"]["target_value"], rows["b"]["target_value"],
                                        rows["tinh"]["target_value"])
    assert 36.0 == float(rows["tinh"]["latest"])  # (8.5 + 9.5) / (25 + 25)
    assert "no plan file has the code 'kh-missing'" in err


def test_json_output_and_one_level(files, capsys):
    assert 0 == main(["portfolio", *files, "--as-of", "2027", "--no-cache", "--format", "json",
                      "--level", "province"])
    document = json.loads(capsys.readouterr().out)
    assert ["tinh"] == [r["place"] for r in document["results"]]
    assert ["unknown_plan"] == [g["kind"] for g in document["gaps"]]


def test_bad_input_exits_2_with_the_file_and_line(files, tmp_path, capsys):
    plans, places, rows = files
    Path(places).write_text("place,level,parent,plan\na,commune,nowhere,kh-a\n",
                            encoding="utf-8")
    assert 2 == main(["portfolio", plans, places, rows, "--no-cache"])
    assert f"{places}:2 [parent]" in capsys.readouterr().err


def test_an_unknown_level_exits_2(files, capsys):
    assert 2 == main(["portfolio", *files, "--no-cache", "--level", "district"])
    assert "no place has the level 'district'" in capsys.readouterr().err


def _share_plans(folder: Path) -> None:
    """A province counting its communes with at least 16 news items a year; communes count them."""
    text = LocalizedText(vi="tin", en="news")

    def plan(code: str, indicator: Indicator) -> Plan:
        return Plan(code=code, title=text, issuer=text, place=text, start_year=2026,
                    end_year=2030, date=PartialDate(year=2026),
                    goals=[Goal(code="6", field=Field.INFORMATION_COMMUNICATION, title=text,
                                indicators=[indicator])])

    share = Indicator(code="6.4", name=text, unit="percent",
                      share_of_places=ShareOfPlaces(comparator=Comparator.GE, value=16),
                      targets=[Target(comparator=Comparator.GE, value=100, year=2030)])
    news = Indicator(code="6.3", name=text, unit="items / year", implements="6.4",
                     targets=[Target(comparator=Comparator.GE, value=16, year=2030)])
    save_plan(plan("kh-tinh", share), folder / "tinh.yaml")
    save_plan(plan("kh-xa", news), folder / "xa.toml")


@pytest.fixture
def share_files(tmp_path: Path) -> tuple[str, str, str]:
    plans = tmp_path / "plans"
    plans.mkdir()
    _share_plans(plans)
    places = tmp_path / "places.csv"
    places.write_text("place,level,parent,plan\n" + "".join(
        f"x{k},commune,tinh,kh-xa\n" for k in range(4)) + "tinh,province,,kh-tinh\n",
        encoding="utf-8")
    rows = tmp_path / "m.csv"
    rows.write_text("place,indicator,period,value\n" + "".join(
        f"x{k},6.3,{year},{value}\n" for k, values in enumerate(((20, 18), (16, 16), (10, 17),
                                                                 (3, 15)))
        for year, value in zip((2025, 2027), values, strict=True)), encoding="utf-8")
    return str(plans), str(places), str(rows)


def test_a_share_of_places_is_printed_like_the_other_indicators(share_files, capsys):
    assert 0 == main(["portfolio", *share_files, "--as-of", "2027", "--no-cache",
                      "--level", "province"])
    out, err = capsys.readouterr()
    # 50% of the communes in 2025, 75% in 2027: half the gap to 100% in 2 of 5 years.
    assert ["tinh", "province", "kh-tinh", "6.4", "on_track", "1.25"] == out.splitlines()[2].split()
    assert "" == err
    assert 0 == main(["portfolio", *share_files, "--as-of", "2027", "--no-cache",
                      "--format", "json"])
    document = json.loads(capsys.readouterr().out)
    province = next(r for r in document["results"] if r["place"] == "tinh")
    assert (75.0, 100.0, "on_track") == (province["latest"], province["target_value"],
                                         province["status"])


def _band_plan(code: str, lower: float, upper: float, implements: str | None) -> Plan:
    text = LocalizedText(vi=code, en=code)
    ratio = Indicator(code="4.1", name=text, unit="boys / 100 girls",
                      direction=Direction.TOWARD_REFERENCE, implements=implements,
                      targets=[Target(comparator=Comparator.BETWEEN, value=lower, upper=upper,
                                      year=2030)])
    return Plan(code=code, title=text, issuer=text, place=text, start_year=2026, end_year=2030,
                date=PartialDate(year=2026),
                goals=[Goal(code="1", field=Field.POLITICS, title=text, indicators=[ratio])])


def test_a_band_target_is_assessed_at_every_place_of_a_portfolio(tmp_path, capsys):
    """The sex ratio at birth to stay within a band, two communes and their province (from the
    sums of boys and girls born), as of 2027 with baseline 2025 and deadline 2030 (S = 0.4):

    - a, band 105-109: 115 -> 111, distance 6 -> 2, P = 4/6, R = (4/6) / 0.4 = 1.67: on track;
    - b, band 105-109: 104 -> 112, distance 1 below -> 3 above, P = -2: deteriorating;
    - tinh, band 106-112: (115 + 104) / 200 = 109.5 -> (111 + 112) / 200 = 111.5, inside.
    """
    plans = tmp_path / "plans"
    plans.mkdir()
    save_plan(_band_plan("kh-tinh", 106.0, 112.0, None), plans / "tinh.yaml")
    save_plan(_band_plan("kh-a", 105.0, 109.0, "4.1"), plans / "a.yaml")
    save_plan(_band_plan("kh-b", 105.0, 109.0, "4.1"), plans / "b.toml")
    places = tmp_path / "places.csv"
    places.write_text("place,level,parent,plan\na,commune,tinh,kh-a\nb,commune,tinh,kh-b\n"
                      "tinh,province,,kh-tinh\n", encoding="utf-8")
    rows = tmp_path / "m.csv"
    rows.write_text("place,indicator,period,value,numerator,denominator\n"
                    "a,4.1,2025,115,115,100\na,4.1,2027,111,111,100\n"
                    "b,4.1,2025,104,104,100\nb,4.1,2027,112,112,100\n", encoding="utf-8")
    assert 0 == main(["portfolio", str(plans), str(places), str(rows), "--as-of", "2027",
                      "--no-cache", "--format", "csv"])
    out, err = capsys.readouterr()
    found = {r["place"]: r for r in csv.DictReader(io.StringIO(out))}
    assert ("on_track", "deteriorating", "achieved") == (
        found["a"]["status"], found["b"]["status"], found["tinh"]["status"])
    assert pytest.approx(4 / 6 / 0.4) == float(found["a"]["ratio"])
    assert pytest.approx(-2 / 0.4) == float(found["b"]["ratio"])
    assert pytest.approx(111.5) == float(found["tinh"]["latest"])
    assert ("105.0", "106.0") == (found["a"]["target_value"], found["tinh"]["target_value"])
    assert "" == err


@pytest.mark.parametrize("output", ["csv", "json"])
def test_json_and_csv_keep_vietnamese_codes_on_a_console_that_cannot_show_them(
    tmp_path, monkeypatch, output
):
    """Data for programs are UTF-8 whatever the console (as `assess` writes them): a place code
    'xã "A", Hưng Đạo' must not come out as 'xa "A", Hung Dao', a code no place has."""
    plans = tmp_path / "plans"
    plans.mkdir()
    save_plan(_plan("kh-tinh", 40.0, None), plans / "tinh.yaml")
    save_plan(_plan("kh-xa", 35.0, "4.1"), plans / "xa.yaml")
    code = 'xã "A", Hưng Đạo'
    places = tmp_path / "places.csv"
    places.write_text('place,level,parent,plan\n"xã ""A"", Hưng Đạo",commune,tỉnh,kh-xa\n'
                      "tỉnh,province,,kh-tinh\n", encoding="utf-8")
    rows = tmp_path / "m.csv"
    rows.write_text('place,indicator,period,value,numerator,denominator\n'
                    '"xã ""A"", Hưng Đạo",4.1,2027,34,8.5,25\n', encoding="utf-8")
    out_bytes = io.BytesIO()
    monkeypatch.setattr(sys, "stdout", io.TextIOWrapper(out_bytes, encoding="cp1252",
                                                        write_through=True))
    monkeypatch.setattr(sys, "stderr", io.TextIOWrapper(io.BytesIO(), encoding="cp1252",
                                                        write_through=True))
    assert 0 == main(["portfolio", str(plans), str(places), str(rows), "--as-of", "2027",
                      "--no-cache", "--format", output])
    text = out_bytes.getvalue().decode("utf-8")
    if output == "json":
        found = [(r["place"], r["plan"]) for r in json.loads(text)["results"]]
    else:
        found = [(r[0], r[2]) for r in list(csv.reader(io.StringIO(text)))[1:]]
    assert [(code, "kh-xa"), ("tỉnh", "kh-tinh")] == found
