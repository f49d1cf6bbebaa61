"""Roll-up: the hierarchy is checked, rates combine by numerators and denominators."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from gender_plan import (
    Comparator,
    Field,
    Goal,
    Indicator,
    LocalizedText,
    Measurement,
    MeasurementFrame,
    PartialDate,
    Period,
    Plan,
    Status,
    Target,
    TargetKind,
)
from gender_plan.errors import AggregationError
from gender_plan.rollup import (
    CountMet,
    PlaceHierarchy,
    Ratio,
    Sum,
    WeightedMean,
    aggregate,
    rule_for,
)
from gender_plan.rollup.levels import aggregate_frame, assess_levels, ranking, share_on_track

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
PLACES = PlaceHierarchy.from_pairs([("a", "commune", "P"), ("b", "commune", "P"),
                                    ("c", "commune", "Q"), ("P", "province", "VN"),
                                    ("Q", "province", "VN"), ("VN", "nation", None)])


def share(place: str, year: int, numerator: float | None, denominator: float | None,
          value: float | None = None) -> Measurement:
    if value is None:
        assert numerator is not None
        assert denominator is not None
        value = 100 * numerator / denominator
    return Measurement(indicator="s", period=Period(year=year), value=value, place=place,
                       numerator=numerator, denominator=denominator)


def test_hierarchy_reports_unknown_parents_cycles_and_duplicates() -> None:
    with pytest.raises(AggregationError, match="unknown parent 'X'"):
        PlaceHierarchy.from_pairs([("a", "commune", "X")])
    with pytest.raises(AggregationError, match="cycle"):
        PlaceHierarchy.from_pairs([("a", "commune", "b"), ("b", "province", "a")])
    with pytest.raises(AggregationError, match="twice"):
        PlaceHierarchy.from_pairs([("a", "commune", None), ("a", "commune", None)])
    assert "P" == PLACES.ancestor("a", "province")
    assert "VN" == PLACES.ancestor("a", "nation")
    assert ("commune", "province", "nation") == PLACES.levels
    assert "province" == PLACES.get("P").level
    with pytest.raises(AggregationError):
        PLACES.get("zz")


def test_rules_follow_the_unit() -> None:
    assert Ratio(scale=100.0) == rule_for(SHARE)
    assert Sum() == rule_for(COUNT)
    mmr = Indicator(code="m", name=TEXT, unit="deaths / 100000 live_births")
    assert Ratio(scale=100000.0) == rule_for(mmr)


@given(st.lists(st.tuples(st.integers(0, 500), st.integers(1, 1000)), min_size=2, max_size=6))
def test_a_rate_is_sum_of_numerators_over_sum_of_denominators(
    pairs: list[tuple[int, int]],
) -> None:
    hierarchy = PlaceHierarchy.from_pairs(
        [(f"c{i}", "commune", "P") for i in range(len(pairs))] + [("P", "province", None)])
    rows = [share(f"c{i}", 2024, min(n, d), d) for i, (n, d) in enumerate(pairs)]
    result = aggregate(rows, hierarchy, "province", PLAN).measurements[0]
    numerator = sum(min(n, d) for n, d in pairs)
    denominator = sum(d for _, d in pairs)
    assert pytest.approx(100 * numerator / denominator) == result.value
    assert (numerator, denominator) == (result.numerator, result.denominator)


def test_percentages_without_denominators_are_refused_and_weights_are_labelled() -> None:
    rows = [share("a", 2024, None, None, value=40.0), share("b", 2024, 1, 2)]
    with pytest.raises(AggregationError, match="numerator or denominator"):
        aggregate(rows, PLACES, "province", PLAN)
    weighted = aggregate(rows, PLACES, "province", PLAN,
                         rules={"s": WeightedMean(weights={"a": 3, "b": 1})})
    assert pytest.approx(42.5) == weighted.measurements[0].value
    assert "weighted mean" in str(weighted.measurements[0].source)
    with pytest.raises(AggregationError, match="no weight"):
        aggregate(rows, PLACES, "province", PLAN, rules={"s": WeightedMean(weights={"a": 1})})


def test_counts_add_and_facts_are_counted() -> None:
    rows = [Measurement(indicator="n", period=Period(year=2024), value=v, place=p)
            for p, v in (("a", 3), ("b", 4), ("c", 5))]
    rows += [Measurement(indicator="f", period=Period(year=2024), value=v, place=p)
             for p, v in (("a", True), ("b", False), ("c", True))]
    result = aggregate(rows, PLACES, "nation", PLAN)
    assert [12.0] == [m.value for m in result.measurements]
    assert (2, 3) == (result.counts[0].met, result.counts[0].total)
    assert pytest.approx(200 / 3) == result.counts[0].share
    with pytest.raises(AggregationError, match="no place"):
        aggregate([Measurement(indicator="n", period=Period(year=2024), value=1)], PLACES,
                  "nation", PLAN)
    with pytest.raises(AggregationError, match="no ancestor"):
        aggregate([Measurement(indicator="n", period=Period(year=2024), value=1, place="z")],
                  PLACES, "nation", PLAN)


def test_count_met_counts_the_places_meeting_a_condition_on_their_value() -> None:
    rows = [Measurement(indicator="n", period=Period(year=2024), value=v, place=p)
            for p, v in (("a", 3), ("b", 4), ("c", 5))]
    result = aggregate(rows, PLACES, "nation", PLAN,
                       rules={"n": CountMet(comparator=Comparator.GE, value=4)})
    assert [] == list(result.measurements)
    assert (2, 3) == (result.counts[0].met, result.counts[0].total)
    strict = aggregate(rows, PLACES, "nation", PLAN,
                       rules={"n": CountMet(comparator=Comparator.GT, value=4)})
    assert 1 == strict.counts[0].met  # 4 is not more than 4
    rule = CountMet(comparator=Comparator.LE, value=4, tolerance=None)
    assert [True, True, False] == rule.counts(np.array([3.0, 4.0, 5.0])).tolist()
    # The condition's value in the values' unit: 1 item a month is 3 a quarter.
    assert [False, True] == CountMet(comparator=Comparator.GE, value=1).counts(
        np.array([2.9, 3.0]), 3.0).tolist()
    assert CountMet().holds(True)
    assert not CountMet().holds(False)
    assert not CountMet().holds(1.0)  # a number is not a fact held


def test_frames_aggregate_like_objects_and_every_level_is_assessed() -> None:
    rows = [share("a", 2020, 40, 100), share("a", 2024, 30, 50), share("b", 2020, 10, 100),
            share("b", 2024, 50, 100), share("c", 2020, 5, 10), share("c", 2024, 3, 10)]
    frame = MeasurementFrame.from_measurements(rows, PLAN)
    up = aggregate_frame(frame, PLACES, "province", PLAN)
    by_objects = aggregate(rows, PLACES, "province", PLAN).measurements
    expected = sorted((m.place, m.period.year, m.value) for m in by_objects)
    actual = sorted((up.places[p], int(y), v) for p, y, v in zip(up.place, up.year, up.value, strict=True))
    assert expected == actual
    tables = assess_levels(PLAN, frame, PLACES, as_of=2025)
    assert ("VN",) == tables["nation"].places
    # Nation: 2020 55/210, 2024 83/160.
    assert Status.ON_TRACK == tables["nation"].status_of("VN", "s")
    lines = ranking(tables["commune"], "s")
    assert ["a", "b", "c"] == [line.place for line in lines]  # achieved, on track, falling
    assert pytest.approx(200 / 3) == share_on_track(tables["commune"])["s"]
    missing = MeasurementFrame.from_measurements([share("a", 2020, None, None, 40.0)], PLAN)
    with pytest.raises(AggregationError, match="lack a numerator"):
        aggregate_frame(missing, PLACES, "province", PLAN)


def test_rows_of_a_place_and_of_places_below_it_are_not_summed_twice() -> None:
    """Province P's own total beside its communes' rows: P was 10 + 3 + 4 = 17, silently."""
    rows = [Measurement(indicator="n", period=Period(year=2024), value=v, place=p)
            for p, v in (("a", 3.0), ("b", 4.0), ("P", 10.0))]
    with pytest.raises(AggregationError, match=r"indicator 'n' at 'P', 2024: rows of 'P' and of "
                                               r"places below it \(a, b\)"):
        aggregate(rows, PLACES, "province", PLAN)
    # The documented chain stays: provinces' sums combined again into the nation's.
    provinces = aggregate(rows[:2], PLACES, "province", PLAN).measurements
    (nation,) = aggregate(provinces, PLACES, "nation", PLAN).measurements
    assert 7.0 == nation.value
