"""Every level over arrays: aggregate_frame agrees with aggregate, assess, rank, share on track."""

from __future__ import annotations

import math
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import gender_plan
from gender_plan import (
    Comparator,
    Field,
    Goal,
    GrowthRatio,
    Indicator,
    LocalizedText,
    Measurement,
    MeasurementFrame,
    PartialDate,
    Period,
    Plan,
    Sex,
    Status,
    Target,
    TargetKind,
    assess_frame,
    assess_indicator,
)
from gender_plan.errors import AggregationError, AssessmentError
from gender_plan.rollup import PlaceHierarchy, Sum, WeightedMean, aggregate
from gender_plan.rollup.levels import (
    Ranked,
    aggregate_frame,
    assess_levels,
    ranking,
    share_on_track,
)

TEXT = LocalizedText(vi="x", en="x")
SHARE = Indicator(code="s", name=TEXT, unit="percent",
                  targets=[Target(comparator=Comparator.GE, value=60, year=2030)])
COUNT = Indicator(code="n", name=TEXT, unit="items",
                  targets=[Target(comparator=Comparator.GE, value=10, year=2030)])
FACT = Indicator(code="f", name=TEXT, unit="yes_no",
                 targets=[Target(comparator=Comparator.EQ, value=True, kind=TargetKind.YES_NO)])
PLAN = Plan(code="p", title=TEXT, issuer=TEXT, place=TEXT, start_year=2021, end_year=2030,
            date=PartialDate(year=2021),
            goals=[Goal(code="1", field=Field.POLITICS, title=TEXT,
                        indicators=[SHARE, COUNT, FACT])])
COMMUNES = ("a", "b", "c", "d")
PLACES = PlaceHierarchy.from_pairs([("a", "commune", "P"), ("b", "commune", "P"),
                                    ("c", "commune", "Q"), ("d", "commune", "Q"),
                                    ("P", "province", "VN"), ("Q", "province", "VN"),
                                    ("VN", "nation", None)])


@st.composite
def tables(draw: st.DrawFn) -> list[Measurement]:
    """Shares with their counts and counts of items, by place, year, series and sex."""
    keys = draw(st.lists(
        st.tuples(st.sampled_from(COMMUNES), st.sampled_from(("s", "n")),
                  st.integers(2020, 2025), st.sampled_from((None, "survey")),
                  st.sampled_from((None, Sex.FEMALE, Sex.MALE))),
        min_size=1, max_size=25, unique=True))
    rows = []
    for place, code, year, series, sex in keys:
        denominator = draw(st.integers(1, 5000))
        numerator = draw(st.integers(0, denominator))
        value = 100 * numerator / denominator if code == "s" else float(numerator)
        rows.append(Measurement(
            indicator=code, period=Period(year=year), value=value, place=place, series=series,
            sex=sex, numerator=float(numerator) if code == "s" else None,
            denominator=float(denominator) if code == "s" else None))
    return rows


def by_key(rows: list[tuple[str, str, int, str | None, Sex | None, float, float | None,
                            float | None]]) -> dict[tuple[object, ...], tuple[object, ...]]:
    return {row[:5]: row[5:] for row in rows}


@pytest.mark.parametrize("level", ["province", "nation"])
@given(rows=tables())
def test_frames_aggregate_exactly_as_objects_do(level, rows):
    expected = by_key([
        (m.place, m.indicator, m.period.year, m.series, m.sex, m.value, m.numerator,
         m.denominator) for m in aggregate(rows, PLACES, level, PLAN).measurements])
    up = aggregate_frame(MeasurementFrame.from_measurements(rows, PLAN), PLACES, level, PLAN)
    actual = by_key([
        (m.place, m.indicator, m.period.year, m.series, m.sex, m.value, m.numerator,
         m.denominator) for m in up.to_measurements()])
    assert expected.keys() == actual.keys()
    for key, (value, numerator, denominator) in expected.items():
        assert (pytest.approx(value, rel=1e-12), numerator, denominator) == actual[key]


def test_frames_of_many_indicators_and_series_aggregate_as_objects_do():
    """Groups are told apart whatever the number of indicators and series: a key packed in
    fixed bit widths (8 bits of indicator, 6 of series) merged indicator 256 of one province
    with indicator 0 of the next, silently."""
    many = [Indicator(code=f"n{k}", name=TEXT, unit="items",
                      targets=[Target(comparator=Comparator.GE, value=10, year=2030)])
            for k in range(300)]
    plan = Plan(code="p", title=TEXT, issuer=TEXT, place=TEXT, start_year=2021, end_year=2030,
                date=PartialDate(year=2021),
                goals=[Goal(code="1", field=Field.POLITICS, title=TEXT, indicators=many)])
    rows = [Measurement(indicator=f"n{k}", period=Period(year=2024), value=float(k + shift),
                        place=place, series=f"s{k % 70}")
            for k in range(300) for place, shift in (("a", 0), ("c", 1000))]
    expected = by_key([(m.place, m.indicator, m.period.year, m.series, m.sex, m.value,
                        m.numerator, m.denominator)
                       for m in aggregate(rows, PLACES, "province", plan).measurements])
    up = aggregate_frame(MeasurementFrame.from_measurements(rows, plan), PLACES, "province", plan)
    assert 600 == len(expected)
    assert expected == by_key([(m.place, m.indicator, m.period.year, m.series, m.sex, m.value,
                                m.numerator, m.denominator) for m in up.to_measurements()])


def test_yes_no_rows_are_left_to_aggregate():
    rows = [Measurement(indicator="f", period=Period(year=2024), value=True, place="a"),
            Measurement(indicator="n", period=Period(year=2024), value=3.0, place="a")]
    up = aggregate_frame(MeasurementFrame.from_measurements(rows, PLAN), PLACES, "nation", PLAN)
    assert [("n", 3.0)] == [(m.indicator, m.value) for m in up.to_measurements()]


def test_places_outside_the_hierarchy_are_refused():
    rows = [Measurement(indicator="n", period=Period(year=2024), value=1.0, place="zz")]
    with pytest.raises(AggregationError, match="without an ancestor at level 'province': zz"):
        aggregate_frame(MeasurementFrame.from_measurements(rows, PLAN), PLACES, "province",
                        PLAN)


def test_a_weighted_mean_is_only_offered_for_objects():
    rows = [Measurement(indicator="s", period=Period(year=2024), value=40.0, place="a")]
    frame = MeasurementFrame.from_measurements(rows, PLAN)
    with pytest.raises(AggregationError, match=r"only offered by gender_plan\.rollup\.aggregate"):
        aggregate_frame(frame, PLACES, "province", PLAN,
                        rules={"s": WeightedMean(weights={"a": 1.0})})


def share(place: str, year: int, numerator: int, denominator: int) -> Measurement:
    return Measurement(indicator="s", period=Period(year=year), value=100 * numerator /
                       denominator, place=place, numerator=numerator, denominator=denominator)


ROWS = [share("a", 2020, 40, 100), share("a", 2024, 65, 100),   # achieved
        share("b", 2020, 10, 100), share("b", 2024, 50, 100),   # on track
        share("c", 2020, 50, 100), share("c", 2024, 52, 100)]   # limited progress; d: no data


def test_every_level_is_assessed_as_the_engine_assesses_its_sums():
    frame = MeasurementFrame.from_measurements(ROWS, PLAN)
    tables = assess_levels(PLAN, frame, PLACES, as_of=2025, method=GrowthRatio())
    assert ("commune", "province", "nation") == tuple(tables)
    assert (GrowthRatio().name,) * 3 == tables["nation"].methods
    summed = aggregate(ROWS, PLACES, "province", PLAN).measurements
    for province in ("P", "Q"):
        engine = assess_indicator(SHARE, summed, as_of=2025, start_year=2021, end_year=2030,
                                  base_year=2020, place=province, method=GrowthRatio())
        assert engine.status == tables["province"].status_of(province, "s")


def test_a_ranking_puts_better_statuses_first_and_places_without_data_last():
    table = assess_frame(PLAN, MeasurementFrame.from_measurements(ROWS, PLAN), as_of=2025,
                         places=COMMUNES)
    lines = ranking(table, "s")
    assert [1, 2, 3, 4] == [line.rank for line in lines]
    assert ["a", "b", "c", "d"] == [line.place for line in lines]
    assert [Status.ACHIEVED, Status.ON_TRACK, Status.LIMITED_PROGRESS, Status.NO_DATA] == [
        line.status for line in lines]
    assert Ranked(rank=4, place="d", status=Status.NO_DATA, ratio=None) == lines[-1]
    assert lines[1].ratio is not None
    assert lines[1].ratio > lines[2].ratio


def test_a_ranking_or_statuses_of_an_indicator_not_in_the_table_name_it():
    table = assess_frame(PLAN, MeasurementFrame.from_measurements(ROWS, PLAN), as_of=2025,
                         places=COMMUNES)
    wanted = r"no indicator '9\.9' in the table: it has s"
    with pytest.raises(AssessmentError, match=wanted):
        ranking(table, "9.9")
    with pytest.raises(AssessmentError, match=wanted):
        table.statuses("9.9")


def test_the_share_on_track_counts_achieved_and_on_track_among_all_places():
    table = assess_frame(PLAN, MeasurementFrame.from_measurements(ROWS, PLAN), as_of=2025,
                         places=COMMUNES)
    shares = share_on_track(table)
    assert 50.0 == shares["s"]  # a and b of four places, d without data counted
    # No place has data for n or f: the share is unknown (NaN), not 0%.
    assert math.isnan(shares["n"])
    assert math.isnan(shares["f"])
    empty = assess_frame(PLAN, MeasurementFrame.from_measurements(ROWS, PLAN), as_of=2025,
                         places=())
    assert all(math.isnan(share) for share in share_on_track(empty).values())


def test_a_share_of_places_with_data_none_on_track_is_zero():
    rows = [share("a", 2020, 50, 100), share("a", 2024, 49, 100)]
    table = assess_frame(PLAN, MeasurementFrame.from_measurements(rows, PLAN), as_of=2025,
                         places=COMMUNES)
    assert 0.0 == share_on_track(table)["s"]


def test_assess_levels_takes_rules_as_aggregate_does():
    # Summed instead of combined as a ratio: the province's share becomes 65 + 50 = 115 > 60.
    frame = MeasurementFrame.from_measurements(ROWS, PLAN)
    summed = assess_levels(PLAN, frame, PLACES, as_of=2025, rules={"s": Sum()})
    assert 115.0 == summed["province"].latest[summed["province"].row("P", "s")]
    combined = assess_levels(PLAN, frame, PLACES, as_of=2025)
    assert 57.5 == combined["province"].latest[combined["province"].row("P", "s")]
    expected = aggregate(ROWS, PLACES, "province", PLAN, rules={"s": Sum()}).measurements
    assert {m.value for m in expected if m.place == "P" and m.period.year == 2024} == {115.0}


def test_the_top_level_names_load_without_numpy():
    # The roll-up, traceability and gender-indicator names are re-exported by gender_plan; the
    # array functions (this module's) live in gender_plan.rollup.levels and need numpy.
    code = ("import sys, gender_plan; gender_plan.aggregate; gender_plan.check_traceability; "
            "gender_plan.female_share; print('numpy' in sys.modules, 'pint' in sys.modules)")
    # The child imports the very package under test, wherever it is installed from.
    source = str(Path(gender_plan.__file__).resolve().parents[1])
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([source, os.environ.get("PYTHONPATH", "")])}
    assert "False False" == subprocess.run([sys.executable, "-c", code], capture_output=True,
                                           text=True, check=True, env=env).stdout.strip()


def test_a_band_is_assessed_at_every_level_from_the_sums():
    """The sex ratio at birth to stay within 105-109, from boys and girls born (linear path,
    baseline 2020, latest 2024, deadline 2030: S = 0.4):
    a: 115 -> 111, distance 6 -> 2, R = (4/6) / 0.4 = 1.67, on track;
    b: 104 -> 112, 1 below -> 3 above, R = -2 / 0.4 = -5, deteriorating;
    P = a + b: 219/200 = 109.5 -> 223/200 = 111.5, distance 0.5 -> 2.5, R = -4 / 0.4 = -10."""
    band = Indicator(code="r", name=TEXT, unit="boys / 100 girls",
                     direction=gender_plan.Direction.TOWARD_REFERENCE,
                     targets=[Target(comparator=Comparator.BETWEEN, value=105, upper=109,
                                     year=2030)])
    plan = Plan(code="p", title=TEXT, issuer=TEXT, place=TEXT, start_year=2021, end_year=2030,
                date=PartialDate(year=2021),
                goals=[Goal(code="1", field=Field.HEALTH, title=TEXT, indicators=[band])])
    rows = [Measurement(indicator="r", period=Period(year=year), value=boys, numerator=boys,
                        denominator=100, place=place)
            for place, year, boys in (("a", 2020, 115), ("a", 2024, 111), ("b", 2020, 104),
                                      ("b", 2024, 112))]
    tables = assess_levels(plan, MeasurementFrame.from_measurements(rows, plan), PLACES,
                           as_of=2025)
    commune, province = tables["commune"], tables["province"]
    assert Status.ON_TRACK == commune.status_of("a", "r")
    assert Status.DETERIORATING == commune.status_of("b", "r")
    assert pytest.approx([4 / 6 / 0.4, -2 / 0.4]) == commune.ratio[:2].tolist()
    assert Status.DETERIORATING == province.status_of("P", "r")
    assert pytest.approx(-10.0) == province.ratio[province.row("P", "r")]
    assert pytest.approx(111.5) == province.latest[province.row("P", "r")]
    assert Status.NO_DATA == province.status_of("Q", "r")


def test_a_rate_whose_places_count_out_of_nothing_is_refused(tmp_path):
    """Σ denominators of 0 (a and b 0 of 0 in 2024) is no rate: it was NaN, and the province
    was judged on it. A file may hold such rows; `Measurement` refuses them."""
    path = tmp_path / "m.csv"
    path.write_text("place,indicator,period,value,numerator,denominator\n"
                    "a,s,2024,0,0,0\nb,s,2024,0,0,0\nc,s,2024,50,1,2\n", encoding="utf-8")
    frame = MeasurementFrame.read_csv(path, PLAN)
    with pytest.raises(AggregationError,
                       match=r"1 sums of a rate have a Σ denominator of 0.*: 's' at 'P', 2024 \("):
        aggregate_frame(frame, PLACES, "province", PLAN)
    # The nation's Σ counts c's 2 too: 1 of 2.
    (nation,) = aggregate_frame(frame, PLACES, "nation", PLAN).to_measurements()
    assert (50.0, 1.0, 2.0) == (nation.value, nation.numerator, nation.denominator)


def test_a_sum_too_large_for_a_number_is_refused(tmp_path):
    """Two counts of 1e308 sum to infinity (and two numerators of 1e308 out of 2 give an
    infinite rate): no value, where it was judged as one (a province "achieved")."""
    path = tmp_path / "m.csv"
    path.write_text("place,indicator,period,value,numerator,denominator\n"
                    "a,n,2024,1e308,,\nb,n,2024,1e308,,\nc,n,2024,1,,\n"
                    "a,s,2025,50,1e308,2\nb,s,2025,50,1e308,2\n", encoding="utf-8")
    frame = MeasurementFrame.read_csv(path, PLAN)
    with pytest.raises(AggregationError, match=r"2 sums are too large for a number, and so have "
                       r"no value: 'n' at 'P', 2024; 's' at 'P', 2025 \(check"):
        aggregate_frame(frame, PLACES, "province", PLAN)


def test_rows_of_a_place_and_of_places_below_it_are_not_summed_twice():
    """Province P's own total beside its communes' rows: P was 10 + 3 + 4 = 17, the places below
    counted twice, silently. Refused, naming both; a period only P reports is P's alone."""
    rows = [Measurement(indicator="n", period=Period(year=2024), value=v, place=p)
            for p, v in (("a", 3.0), ("b", 4.0), ("P", 10.0), ("c", 5.0))]
    frame = MeasurementFrame.from_measurements(rows, PLAN)
    for level, parent in (("province", "P"), ("nation", "VN")):
        with pytest.raises(AggregationError, match=rf"indicator 'n' at '{parent}', 2024: rows of "
                                                   r"'P' and of places below it \(a, b\)"):
            aggregate_frame(frame, PLACES, level, PLAN)
    with pytest.raises(AggregationError, match=r"rows of 'P' and of places below it \(a, b\)"):
        assess_levels(PLAN, frame, PLACES, as_of=2025)
    alone = [*rows[:2], Measurement(indicator="n", period=Period(year=2023), value=10.0,
                                    place="P")]
    up = aggregate_frame(MeasurementFrame.from_measurements(alone, PLAN), PLACES, "province",
                         PLAN)
    assert [(2023, 10.0), (2024, 7.0)] == sorted((m.period.year, m.value)
                                                 for m in up.to_measurements())
