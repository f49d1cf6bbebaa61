"""A portfolio: each place against its own plan; places above from the sums of those below."""

import sys
from pathlib import Path

import attrs
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))

import synthetic_nation as nation

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
)
from gender_plan.errors import AggregationError
from gender_plan.portfolio import GapKind, MatchBy, Portfolio
from gender_plan.portfolio.assessment import assess_portfolio
from gender_plan.rollup import Place, PlaceHierarchy
from gender_plan.rollup.levels import assess_levels

FIELDS = ("status", "ratio", "score", "latest", "baseline", "target_value", "deadline")


def _with_plans(hierarchy: PlaceHierarchy, plan_of: dict[str, str]) -> PlaceHierarchy:
    return PlaceHierarchy(places=[attrs.evolve(p, plan=plan_of.get(p.code)) for p in
                                  hierarchy.places])


def _nation(tmp_path: Path, communes: int, provinces: int, indicators: int, seed: int):
    plan = nation.plan(indicators)
    hierarchy = nation.hierarchy(communes, provinces)
    path = tmp_path / f"m-{communes}-{provinces}-{seed}.csv"
    nation.write_csv(path, communes, indicators, seed=seed)
    return plan, hierarchy, MeasurementFrame.read_csv(path, plan)


def _row(table, place, code):
    return {name: getattr(table, name)[table.row(place, code)] for name in FIELDS}


def _same(one: dict, other: dict) -> bool:
    return all(np.array_equal(one[k], other[k], equal_nan=True) for k in one)


@settings(max_examples=8)
@given(communes=st.integers(1, 12), provinces=st.integers(1, 3), seed=st.integers(0, 99))
def test_one_plan_everywhere_gives_exactly_the_one_plan_results(tmp_path_factory, communes,
                                                               provinces, seed):
    plan, hierarchy, frame = _nation(tmp_path_factory.mktemp("n"), communes, provinces, 3, seed)
    expected = assess_levels(plan, frame, hierarchy, as_of=2025)
    portfolio = Portfolio(plans={plan.code: plan},
                          hierarchy=_with_plans(hierarchy, dict.fromkeys(
                              (p.code for p in hierarchy.places), plan.code)))
    actual = assess_portfolio(portfolio, frame, as_of=2025)
    assert () == actual.gaps
    for table in expected.values():
        for place in table.places:
            for code in table.indicators:
                assert _same(_row(table, place, code),
                             _row(actual.table_of(place), place, code)), (place, code)


def _own_plans(hierarchy: PlaceHierarchy, indicators: int, seed: int):
    """Every place its own plan: the commune targets vary, linked to the province's by code."""
    rng = np.random.default_rng(seed)
    base = nation.plan(indicators)
    plans = {}
    for place in hierarchy.places:
        goal = base.goals[0]
        changed = [attrs.evolve(i, code=f"{place.code}-{i.code}", implements=(
            None if place.parent is None else f"{place.parent}-{i.code}"),
            targets=[Target(comparator=Comparator.GE, value=float(rng.integers(30, 70)),
                            year=2030)]) for i in goal.indicators]
        plans[place.code] = attrs.evolve(base, code=f"plan-{place.code}",
                                         goals=[attrs.evolve(goal, indicators=changed)])
    return plans


def _renamed_frame(frame: MeasurementFrame) -> MeasurementFrame:
    """The synthetic rows with each indicator code prefixed by its place (own plans' codes)."""
    codes = sorted({(p, i) for p, i in zip(frame.place.tolist(), frame.indicator.tolist(),
                                            strict=True)})
    index = {pair: k for k, pair in enumerate(codes)}
    names = tuple(f"{frame.places[p]}-{frame.indicators[i]}" for p, i in codes)
    columns = {f: getattr(frame, f) for f in ("place", "series", "sex", "year", "start", "end",
                                              "time", "frequency", "value", "numerator",
                                              "denominator")}
    indicator = [index[(p, i)] for p, i in zip(frame.place.tolist(), frame.indicator.tolist(),
                                                strict=True)]
    return MeasurementFrame(places=frame.places, indicators=names,
                            series_names=frame.series_names, indicator=indicator, **columns)


def _portfolio(hierarchy, plans, order=None):
    places = list(hierarchy.places)
    if order is not None:
        places = [places[k] for k in order]
    return Portfolio(plans={p.code: p for p in plans.values()},
                     hierarchy=PlaceHierarchy(places=[attrs.evolve(p, plan=f"plan-{p.code}")
                                                      for p in places]))


def _all_rows(result):
    return {(r.place, r.indicator): r for r in result.results()}


@settings(max_examples=6)
@given(seed=st.integers(0, 99), data=st.data())
def test_permuting_places_or_plans_changes_nothing(tmp_path_factory, seed, data):
    _, hierarchy, frame = _nation(tmp_path_factory.mktemp("n"), 8, 2, 2, seed)
    plans = _own_plans(hierarchy, 2, seed)
    frame = _renamed_frame(frame)
    expected = _all_rows(assess_portfolio(_portfolio(hierarchy, plans), frame, as_of=2025))
    order = data.draw(st.permutations(range(len(hierarchy.places))))
    shuffled = dict(data.draw(st.permutations(list(plans.items()))))
    actual = _all_rows(assess_portfolio(_portfolio(hierarchy, shuffled, order), frame,
                                        as_of=2025))
    assert expected == actual


@settings(max_examples=6)
@given(seed=st.integers(0, 99), left_out=st.integers(1, 7))
def test_a_bottom_place_does_not_depend_on_the_other_places(tmp_path_factory, seed, left_out):
    _, hierarchy, frame = _nation(tmp_path_factory.mktemp("n"), 8, 2, 2, seed)
    plans = _own_plans(hierarchy, 2, seed)
    frame = _renamed_frame(frame)
    alone = PlaceHierarchy(places=[p for p in hierarchy.places
                                   if p.code != f"c{left_out:05d}"])
    full = _all_rows(assess_portfolio(_portfolio(hierarchy, plans), frame, as_of=2025))
    fewer = _all_rows(assess_portfolio(_portfolio(alone, plans), frame, as_of=2025))
    assert full[("c00000", "c00000-i1")] == fewer[("c00000", "c00000-i1")]


def test_each_place_is_judged_against_its_own_plan_and_the_province_from_sums(tmp_path):
    _, hierarchy, frame = _nation(tmp_path, 4, 1, 1, 3)
    plans = _own_plans(hierarchy, 1, 3)
    frame = _renamed_frame(frame)
    result = assess_portfolio(_portfolio(hierarchy, plans), frame, as_of=2025)
    rows = _all_rows(result)
    for place in ("c00000", "p00", "vn"):
        code = f"{place}-i1"
        wanted = plans[place].indicator(code).targets[0].value
        assert wanted == rows[(place, code)].target_value
    # The province's latest value is Σ numerators / Σ denominators of its communes in 2025.
    last = frame.year == 2025
    expected = 100 * frame.numerator[last].sum() / frame.denominator[last].sum()
    assert expected == pytest.approx(rows[("p00", "p00-i1")].latest, rel=1e-12)
    assert rows[("p00", "p00-i1")].latest == rows[("vn", "vn-i1")].latest


def test_a_missing_counterpart_a_missing_plan_and_unused_rows_are_reported(tmp_path):
    _, hierarchy, frame = _nation(tmp_path, 4, 1, 2, 3)
    plans = _own_plans(hierarchy, 2, 3)
    frame = _renamed_frame(frame)
    commune = plans["c00001"]
    goal = commune.goals[0]
    plans["c00001"] = attrs.evolve(commune, goals=[attrs.evolve(goal, indicators=[
        attrs.evolve(goal.indicators[0], implements=None), goal.indicators[1]])])
    portfolio = _portfolio(hierarchy, plans)
    places = [attrs.evolve(p, plan=None) if p.code == "c00002" else p
              for p in portfolio.hierarchy.places]
    portfolio = attrs.evolve(portfolio, hierarchy=PlaceHierarchy(places=places))
    result = assess_portfolio(portfolio, frame, as_of=2025)
    kinds = {gap.kind: gap for gap in result.gaps}
    assert ("c00001",) == kinds[GapKind.NO_COUNTERPART].places
    assert "p00-i1" == kinds[GapKind.NO_COUNTERPART].parent_indicator
    assert ("c00002",) == kinds[GapKind.NO_PLAN].places
    assert 10 == kinds[GapKind.UNUSED_ROWS].rows
    assert not result.assessed("c00002")
    # The province's sums for i1 leave out c00001 and c00002: only two communes remain.
    last = (frame.year == 2025) & np.isin(frame.place, [frame.places.index("c00000"),
                                                        frame.places.index("c00003")])
    first = np.array([name.endswith("-i1") for name in frame.indicators])[frame.indicator]
    expected = 100 * frame.numerator[last & first].sum() / frame.denominator[last & first].sum()
    row = _all_rows(result)[("p00", "p00-i1")]
    assert expected == pytest.approx(row.latest, rel=1e-12)


def test_matching_by_number_uses_the_plans_numbering(tmp_path):
    _, hierarchy, frame = _nation(tmp_path, 2, 1, 1, 5)
    plans = _own_plans(hierarchy, 1, 5)
    for code, plan in plans.items():
        goal = plan.goals[0]
        plans[code] = attrs.evolve(plan, goals=[attrs.evolve(goal, indicators=[attrs.evolve(
            i, implements=None, number="1.1") for i in goal.indicators])])
    frame = _renamed_frame(frame)
    by_link = assess_portfolio(_portfolio(hierarchy, plans), frame, as_of=2025)
    assert {GapKind.NO_COUNTERPART} == {g.kind for g in by_link.gaps}
    by_number = assess_portfolio(_portfolio(hierarchy, plans), frame, as_of=2025,
                                 match=MatchBy.NUMBER)
    assert () == by_number.gaps
    assert Status.NO_DATA != by_number.status_of("p00", "p00-i1")


def test_place_hierarchy_keeps_places_in_order_with_plans():
    place = Place(code="x", level="commune", plan="p")
    assert "p" == PlaceHierarchy(places=[place]).get("x").plan


def _items_plan():
    """One plan of a count of items a year (at least 100 by 2030), for every place."""
    text = LocalizedText(vi="tin", en="items")
    items = Indicator(code="n", name=text, unit="items / year",
                      targets=[Target(comparator=Comparator.GE, value=100, year=2030)])
    return Plan(code="kh", title=text, issuer=text, place=text, start_year=2026, end_year=2030,
                date=PartialDate(year=2026),
                goals=[Goal(code="1", field=Field.POLITICS, title=text, indicators=[items])])


def _items(values: dict[str, tuple[float, float]]) -> MeasurementFrame:
    """Rows of indicator n from {place: (value in 2025, value in 2027)}."""
    return MeasurementFrame.from_measurements(
        [Measurement(indicator="n", period=Period(year=year), value=value, place=place)
         for place, pair in values.items() for year, value in zip((2025, 2027), pair,
                                                                  strict=True)],
        {"n": "items / year"})


@pytest.mark.parametrize("places", [
    # A province with no places listed below it, beside one with communes.
    [("x0", "commune", "p1"), ("x1", "commune", "p1"), ("p1", "province", "vn"),
     ("p2", "province", "vn"), ("vn", "nation", None)],
    # Four levels: a province with a district of communes and a commune directly below it
    # (which `assess_levels` refuses: p2 has no ancestor at level 'district').
    [("x0", "commune", "d1"), ("x1", "commune", "d1"), ("d1", "district", "p1"),
     ("p2", "commune", "p1"), ("p1", "province", "vn"), ("vn", "nation", None)],
])
def test_places_below_at_different_depths_are_summed_together(places):
    """A place whose places below sit at different depths is judged from one Σ of them all.

    The rows of p2 (one level below their carrier) and of x0, x1 (two levels below) reach the
    place above them at different steps; they were summed step by step into two values of one
    period, refused as "two values of indicator 'n' for 2025" though the input had none.
    By hand: 2025: 1 + 2 + 4 = 7; 2027: 10 + 20 + 40 = 70. Target 100 by 2030, baseline 2025:
    P = (70 - 7) / (100 - 7), S = 2 / 5, R = P / S = 1.694: on track.
    """
    plan = _items_plan()
    hierarchy = PlaceHierarchy(places=[Place(code=c, level=level, parent=parent, plan="kh")
                                       for c, level, parent in places])
    frame = _items({"x0": (1, 10), "x1": (2, 20), "p2": (4, 40)})
    result = assess_portfolio(Portfolio(plans={"kh": plan}, hierarchy=hierarchy), frame,
                              as_of=2027)
    rows = _all_rows(result)
    upper = result.table_of("vn").frame
    assert [7.0, 70.0] == upper.value[upper.place == upper.places.index("vn")].tolist()
    assert 70.0 == rows[("vn", "n")].latest
    assert 63 / 93 / (2 / 5) == pytest.approx(rows[("vn", "n")].ratio, rel=1e-12)
    assert Status.ON_TRACK == rows[("vn", "n")].status
    assert 30.0 == rows[("p1" if places[2][0] == "p1" else "d1", "n")].latest
    assert () == result.gaps
    if places[2][1] == "district":
        assert 70.0 == rows[("p1", "n")].latest
        return
    # The same as one plan for every level (the hierarchy's own sums).
    expected = assess_levels(plan, frame, PlaceHierarchy.from_pairs(places), as_of=2027)
    for table in expected.values():
        for place in table.places:
            assert _same(_row(table, place, "n"), _row(result.table_of(place), place, "n")), place


def test_an_empty_place_hierarchy_leaves_every_row_unused():
    """No place at all: every row is reported unused (it raised numpy's IndexError)."""
    portfolio = Portfolio(plans={"kh": _items_plan()}, hierarchy=PlaceHierarchy(places=[]))
    result = assess_portfolio(portfolio, _items({"x0": (1, 10)}), as_of=2027)
    assert [] == list(result.results())
    (gap,) = result.gaps
    assert (GapKind.UNUSED_ROWS, 2, ("x0",)) == (gap.kind, gap.rows, gap.places)


def _two_communes_of_a_share() -> Portfolio:
    """A province of two communes, one plan for all: a share in percent, 60 or more by 2030."""
    text = LocalizedText(vi="tỷ lệ", en="share")
    share = Indicator(code="r", name=text, unit="percent",
                      targets=[Target(comparator=Comparator.GE, value=60, year=2030)])
    plan = Plan(code="kh", title=text, issuer=text, place=text, start_year=2026, end_year=2030,
                date=PartialDate(year=2026),
                goals=[Goal(code="1", field=Field.POLITICS, title=text, indicators=[share])])
    return Portfolio(plans={"kh": plan}, hierarchy=PlaceHierarchy(places=[
        Place(code="x0", level="commune", parent="p1", plan="kh"),
        Place(code="x1", level="commune", parent="p1", plan="kh"),
        Place(code="p1", level="province", plan="kh")]))


def test_a_rate_whose_places_below_count_out_of_nothing_is_refused_not_judged(tmp_path):
    """Σ denominators of 0 (both communes 0 of 0 in 2025) is no rate: it was NaN, taken as the
    province's baseline, and the province came out deteriorating ("Baseline taken from the
    measurements: nan (2025)"). A file may hold such rows; `Measurement` refuses them."""
    portfolio = _two_communes_of_a_share()
    path = tmp_path / "m.csv"
    path.write_text("place,indicator,period,value,numerator,denominator\n"
                    "x0,r,2025,0,0,0\nx1,r,2025,0,0,0\nx0,r,2027,50,1,2\nx1,r,2027,50,1,2\n",
                    encoding="utf-8")
    frame = MeasurementFrame.read_csv(path, portfolio.units())
    with pytest.raises(AggregationError, match=r"1 sums of a rate have a Σ denominator of 0, "
                       r"and so no value: 'r' at 'p1', 2025 \("):
        assess_portfolio(portfolio, frame, as_of=2027)


def test_a_sum_of_places_below_too_large_for_a_number_is_refused_not_judged(tmp_path):
    """Two numerators of 1e308 out of 25 give an infinite share: the province came out
    "achieved", with `Infinity` in the JSON."""
    portfolio = _two_communes_of_a_share()
    path = tmp_path / "m.csv"
    path.write_text("place,indicator,period,value,numerator,denominator\n"
                    "x0,r,2025,50,1,2\nx1,r,2025,50,1,2\n"
                    "x0,r,2027,50,1e308,25\nx1,r,2027,50,1e308,25\n", encoding="utf-8")
    frame = MeasurementFrame.read_csv(path, portfolio.units())
    with pytest.raises(AggregationError, match=r"1 sums are too large for a number, and so have "
                       r"no value: 'r' at 'p1', 2027 \("):
        assess_portfolio(portfolio, frame, as_of=2027)


def test_a_province_without_a_plan_says_the_places_below_it_leave_the_sums_above(tmp_path):
    """Without the province's plan nothing links its communes' indicators to the nation's:
    their values cannot reach the nation, and the gap says so, counting them."""
    _, hierarchy, frame = _nation(tmp_path, 3, 2, 1, 3)
    plans = _own_plans(hierarchy, 1, 3)
    frame = _renamed_frame(frame)
    portfolio = _portfolio(hierarchy, plans)
    province = portfolio.hierarchy.at_level("province")[0].code
    below = [p.code for p in portfolio.hierarchy.children(province)]
    places = [attrs.evolve(p, plan=None) if p.code == province else p
              for p in portfolio.hierarchy.places]
    portfolio = attrs.evolve(portfolio, hierarchy=PlaceHierarchy(places=places))
    result = assess_portfolio(portfolio, frame, as_of=2025)
    gap = {gap.kind: gap for gap in result.gaps}[GapKind.NO_PLAN]
    assert (province,) == gap.places
    assert f"with those of the {len(below)} places below them in the sums above them" in str(
        gap.message)
    # The nation's latest value is that of the other province's communes alone.
    kept = [p.code for p in portfolio.hierarchy.at_level("commune") if p.code not in below]
    last = (frame.year == 2025) & np.isin(frame.place, [frame.places.index(c) for c in kept])
    expected = 100 * frame.numerator[last].sum() / frame.denominator[last].sum()
    assert expected == pytest.approx(_all_rows(result)[("vn", "vn-i1")].latest, rel=1e-12)
