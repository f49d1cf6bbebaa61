"""Shares of places: a place's share of the places below meeting a condition, then judged."""

from __future__ import annotations

import datetime

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gender_plan import (
    Comparator,
    Field,
    Frequency,
    Goal,
    Indicator,
    LocalizedText,
    Measurement,
    MeasurementFrame,
    PartialDate,
    Period,
    Plan,
    ReasonCode,
    ShareOfPlaces,
    Status,
    Target,
    TargetKind,
    dumps_plan,
    loads_plan,
)
from gender_plan.portfolio import GapKind, MatchBy, Portfolio
from gender_plan.portfolio.assessment import assess_portfolio
from gender_plan.rollup import Place, PlaceHierarchy

TEXT = LocalizedText(vi="chỉ tiêu", en="indicator")
UNITS = {"6.3": "items / year", "6.4": "percent", "5.1": "yes_no", "5.2": "percent",
         "6.5": "percent", "6.6": "percent", "q": "items / quarter"}
ORDER = (Status.ACHIEVED, Status.ON_TRACK, Status.NEEDS_ACCELERATION, Status.LIMITED_PROGRESS,
         Status.DETERIORATING)


def _plan(code: str, *indicators: Indicator) -> Plan:
    return Plan(code=code, title=TEXT, issuer=TEXT, place=TEXT, start_year=2026, end_year=2030,
                date=PartialDate(year=2026),
                goals=[Goal(code="6", field=Field.INFORMATION_COMMUNICATION, title=TEXT,
                            indicators=list(indicators))])


def _news(code: str = "6.3", implements: str | None = "6.4", unit: str = "items / year",
          ) -> Indicator:
    """A commune's count of news items (its own target: at least 16 a year)."""
    return Indicator(code=code, name=TEXT, unit=unit, implements=implements,
                     targets=[Target(comparator=Comparator.GE, value=16, year=2030)])


def _share(code: str = "6.4", *, target: Target | None = None, **condition: object) -> Indicator:
    """A province's share of communes meeting a condition (at least 16 items a year)."""
    share = ShareOfPlaces(**{"comparator": Comparator.GE, "value": 16, **condition})
    return Indicator(code=code, name=TEXT, unit="percent", share_of_places=share,
                     targets=[target or Target(comparator=Comparator.GE, value=100, year=2030)])


def _portfolio(plans: list[Plan], places: list[tuple[str, str, str | None, str | None]],
               ) -> Portfolio:
    return Portfolio(plans={p.code: p for p in plans}, hierarchy=PlaceHierarchy(places=[
        Place(code=c, level=level, parent=parent, plan=plan)
        for c, level, parent, plan in places]))


def _communes(count: int, parent: str = "tinh", plan: str = "kh-xa",
              prefix: str = "x") -> list[tuple[str, str, str | None, str | None]]:
    return [(f"{prefix}{k}", "commune", parent, plan) for k in range(count)]


def _frame(values: dict[tuple[str, str], dict[str, float | bool]]) -> MeasurementFrame:
    """Rows from {(place, indicator): {period: value}}."""
    rows = [Measurement(indicator=code, period=Period.parse(period), value=value, place=place)
            for (place, code), series in values.items() for period, value in series.items()]
    return MeasurementFrame.from_measurements(rows, UNITS)


def _reason(result, place: str, code: str, wanted: ReasonCode):
    found = [r for r in result.table_of(place).reasons(place, code) if r.code is wanted]
    assert found, [r.code for r in result.table_of(place).reasons(place, code)]
    return found[0]


# --- examples, computed by hand ----------------------------------------------------------------

def test_a_province_of_four_communes_three_meeting_is_at_75_percent_and_on_track():
    portfolio = _portfolio([_plan("kh-tinh", _share()), _plan("kh-xa", _news())],
                           [*_communes(4), ("tinh", "province", None, "kh-tinh")])
    # 2025 (the base year): x0 and x1 publish at least 16 items; 2027: x0, x1 and x2 do.
    frame = _frame({("x0", "6.3"): {"2025": 20, "2027": 18}, ("x1", "6.3"): {"2025": 16,
                   "2027": 16}, ("x2", "6.3"): {"2025": 10, "2027": 17},
                    ("x3", "6.3"): {"2025": 3, "2027": 15.5}})
    result = assess_portfolio(portfolio, frame, as_of=2027)
    row = next(r for r in result.results("province"))
    assert 75.0 == row.latest  # 3 of 4
    # Linear path: P = (75 - 50) / (100 - 50) = 0.5 of the gap in S = 2 / 5 of the time.
    assert 1.25 == pytest.approx(row.ratio)
    assert Status.ON_TRACK == row.status
    reason = _reason(result, "tinh", "6.4", ReasonCode.SHARE_OF_PLACES)
    assert (3.0, 4.0) == (reason.value, reason.total)
    assert ("Places below meeting the condition (2027: ≥ 16): 3 of 4; a place without a value in "
            "that period counts as not meeting it.") == reason.text("en")
    assert reason.text("vi").startswith("Số địa phương cấp dưới đạt điều kiện (2027: ≥ 16): "
                                        "3 trên 4;")
    assert (3, 4) == result.places_met("tinh", "6.4")
    assert () == result.gaps


def _quarterly_city(*, wards: int) -> Portfolio:
    """A city whose every ward is to publish at least 4 items in every quarter from 2026."""
    hold = Target(comparator=Comparator.GE, value=100, kind=TargetKind.HOLD,
                  frequency=Frequency.QUARTER, start_year=2026, year=2030)
    share = _share("6.4", target=hold, value=4, indicator="q")
    ward = _plan("kh-phuong", Indicator(code="q", name=TEXT, unit="items / quarter"))
    return _portfolio([_plan("kh-tp", share), ward],
                      [*_communes(wards, "tp", "kh-phuong"), ("tp", "city", None, "kh-tp")])


def test_every_quarter_held_names_the_quarters_where_a_ward_failed_or_reported_nothing():
    portfolio = _quarterly_city(wards=3)
    every = {f"2026-Q{q}": 5 for q in (1, 2, 3, 4)}
    frame = _frame({("x0", "q"): every, ("x1", "q"): {**every, "2026-Q3": 3},
                    ("x2", "q"): {"2026-Q1": 4, "2026-Q3": 4, "2026-Q4": 6}})
    result = assess_portfolio(portfolio, frame, as_of=datetime.date(2026, 12, 31))
    assert Status.NOT_ACHIEVED == result.status_of("tp", "6.4")
    failing = _reason(result, "tp", "6.4", ReasonCode.PERIODS_FAILING)
    assert "2026-Q2, 2026-Q3" == failing.detail  # x2 reported nothing in Q2, x1 only 3 in Q3
    assert "2026-Q4: ≥ 4" == _reason(result, "tp", "6.4", ReasonCode.SHARE_OF_PLACES).detail
    values = result.table_of("tp").frame.value.tolist()
    assert [100.0, 200 / 3, 200 / 3, 100.0] == pytest.approx(values)


def test_a_quarter_no_ward_reported_is_a_period_without_data_not_a_period_met():
    portfolio = _quarterly_city(wards=2)
    reported = {"2026-Q1": 5, "2026-Q2": 5, "2026-Q4": 5}
    frame = _frame({("x0", "q"): reported, ("x1", "q"): reported})
    result = assess_portfolio(portfolio, frame, as_of=datetime.date(2026, 12, 31))
    assert Status.INSUFFICIENT_DATA == result.status_of("tp", "6.4")
    assert "2026-Q3" == _reason(result, "tp", "6.4", ReasonCode.PERIODS_WITHOUT_DATA).detail


def test_a_condition_in_another_unit_is_converted_to_each_places_own():
    # 12 items a year is 3 a quarter: 3 meets, 2.9 does not.
    share = _share(value=12, unit="items / year", indicator="q")
    wards = _plan("kh-phuong", Indicator(code="q", name=TEXT, unit="items / quarter"))
    portfolio = _portfolio([_plan("kh-tp", share), wards],
                           [*_communes(2, "tp", "kh-phuong"), ("tp", "city", None, "kh-tp")])
    frame = _frame({("x0", "q"): {"2027-Q1": 3}, ("x1", "q"): {"2027-Q1": 2.9}})
    result = assess_portfolio(portfolio, frame, as_of=2027)
    assert 50.0 == next(result.results("city")).latest


def test_strict_and_lower_conditions_are_the_comparators_own():
    values = {("x0", "6.3"): {"2027": 16}, ("x1", "6.3"): {"2027": 15}}
    for condition, expected in (({"comparator": Comparator.GT}, 0.0),
                                ({"comparator": Comparator.LE}, 100.0),
                                ({"comparator": Comparator.LT}, 50.0),
                                ({"comparator": Comparator.EQ}, 50.0),
                                ({"comparator": Comparator.ABOUT, "tolerance": 1.0}, 100.0)):
        portfolio = _portfolio([_plan("kh-tinh", _share(**condition)), _plan("kh-xa", _news())],
                               [*_communes(2), ("tinh", "province", None, "kh-tinh")])
        result = assess_portfolio(portfolio, _frame(values), as_of=2027)
        assert expected == next(result.results("province")).latest, condition


def test_a_yes_no_fact_counts_the_places_that_hold_it():
    fact = Indicator(code="5.1", name=TEXT, unit="yes_no", implements="5.2",
                     targets=[Target(comparator=Comparator.EQ, value=True,
                                     kind=TargetKind.YES_NO)])
    share = _share("5.2", comparator=Comparator.EQ, value=True)
    portfolio = _portfolio([_plan("kh-tinh", share), _plan("kh-xa", fact)],
                           [*_communes(5), ("tinh", "province", None, "kh-tinh")])
    frame = _frame({(f"x{k}", "5.1"): {"2027": k % 2 == 0} for k in range(5)})
    result = assess_portfolio(portfolio, frame, as_of=2027)
    assert 60.0 == next(result.results("province")).latest  # x0, x2, x4


def test_a_commune_without_the_indicator_is_reported_and_left_out_of_the_count():
    lacking = _plan("kh-xa-khac", _news(implements=None))
    portfolio = _portfolio([_plan("kh-tinh", _share()), _plan("kh-xa", _news()), lacking],
                           [*_communes(3), ("y", "commune", "tinh", "kh-xa-khac"),
                            ("z", "commune", "tinh", None), ("tinh", "province", None,
                                                            "kh-tinh")])
    frame = _frame({("x0", "6.3"): {"2027": 20}, ("x1", "6.3"): {"2027": 20},
                    ("y", "6.3"): {"2027": 20}})
    result = assess_portfolio(portfolio, frame, as_of=2027)
    gaps = {gap.kind: gap for gap in result.gaps}
    assert ("y",) == gaps[GapKind.NO_COUNTERPART].places
    assert "6.4" == gaps[GapKind.NO_COUNTERPART].parent_indicator
    assert ("z",) == gaps[GapKind.NO_PLAN].places
    assert pytest.approx(200 / 3) == next(result.results("province")).latest  # x0, x1 of x0-x2
    assert (2, 3) == result.places_met("tinh", "6.4")


def test_no_place_below_to_count_is_a_gap_and_no_data():
    portfolio = _portfolio([_plan("kh-tinh", _share()), _plan("kh-xa", _news(implements=None))],
                           [*_communes(2), ("tinh", "province", None, "kh-tinh")])
    result = assess_portfolio(portfolio, _frame({("x0", "6.3"): {"2027": 20}}), as_of=2027)
    kinds = {gap.kind: gap for gap in result.gaps}
    assert ("tinh",) == kinds[GapKind.NO_PLACES_BELOW].places
    assert "no place directly below has a plan with the indicator" in kinds[
        GapKind.NO_PLACES_BELOW].message
    assert ("x0", "x1") == kinds[GapKind.NO_COUNTERPART].places
    assert Status.NO_DATA == result.status_of("tinh", "6.4")
    assert result.places_met("tinh", "6.4") is None


def test_matched_by_number_the_commune_indicator_numbered_as_the_share_is_counted():
    numbered = attrs.evolve(_news(implements=None), number="6.4")
    portfolio = _portfolio([_plan("kh-tinh", _share()), _plan("kh-xa", numbered)],
                           [*_communes(2), ("tinh", "province", None, "kh-tinh")])
    frame = _frame({("x0", "6.3"): {"2027": 20}, ("x1", "6.3"): {"2027": 2}})
    result = assess_portfolio(portfolio, frame, as_of=2027, match=MatchBy.NUMBER)
    assert 50.0 == next(result.results("province")).latest
    assert {GapKind.NO_COUNTERPART, GapKind.NO_PLACES_BELOW} == {
        g.kind for g in assess_portfolio(portfolio, frame, as_of=2027).gaps}


def test_a_named_lower_indicator_that_a_plan_lacks_is_a_gap_saying_so():
    portfolio = _portfolio([_plan("kh-tinh", _share(indicator="9.9")), _plan("kh-xa", _news())],
                           [*_communes(2), ("tinh", "province", None, "kh-tinh")])
    result = assess_portfolio(portfolio, _frame({("x0", "6.3"): {"2027": 20}}), as_of=2027)
    gap = next(g for g in result.gaps if g.kind is GapKind.NO_COUNTERPART)
    assert ("plan 'kh-xa' has no indicator '9.9' for the share of places '6.4' of plan "
            "'kh-tinh': its places are not counted in that share (add the indicator, or the "
            "link to the one that measures it) (places: x0, x1)") == str(gap)


def test_a_condition_in_a_unit_that_does_not_fit_is_a_unit_mismatch():
    portfolio = _portfolio([_plan("kh-tinh", _share(unit="percent")), _plan("kh-xa", _news())],
                           [*_communes(2), ("tinh", "province", None, "kh-tinh")])
    result = assess_portfolio(portfolio, _frame({("x0", "6.3"): {"2027": 20}}), as_of=2027)
    kinds = {gap.kind: gap for gap in result.gaps}
    assert ("x0", "x1") == kinds[GapKind.UNIT_MISMATCH].places
    assert GapKind.NO_PLACES_BELOW in kinds


def test_a_share_and_a_sum_may_look_at_the_same_commune_indicator():
    total = Indicator(code="6.5", name=TEXT, unit="items / year",
                      targets=[Target(comparator=Comparator.GE, value=10, year=2030)])
    province = _plan("kh-tinh", _share(indicator="6.3"), total)
    commune = _plan("kh-xa", _news(implements="6.5"))
    portfolio = _portfolio([province, commune],
                           [*_communes(2), ("tinh", "province", None, "kh-tinh")])
    frame = _frame({("x0", "6.3"): {"2027": 20}, ("x1", "6.3"): {"2027": 4}})
    result = assess_portfolio(portfolio, frame, as_of=2027)
    rows = {r.indicator: r for r in result.results("province")}
    assert (50.0, 24.0) == (rows["6.4"].latest, rows["6.5"].latest)
    assert () == result.gaps


def test_the_nation_counts_communes_at_a_level_and_provinces_by_their_own_shares():
    of_communes = _share("6.5", level="commune", indicator="6.3")
    of_provinces = _share("6.6", comparator=Comparator.GE, value=100, indicator="6.4")
    nation = _plan("kh-vn", of_communes, of_provinces)
    province = _plan("kh-tinh", _share())
    portfolio = _portfolio([nation, province, _plan("kh-xa", _news())], [
        *_communes(2, "p1", prefix="a"), *_communes(3, "p2", prefix="b"),
        ("p1", "province", "vn", "kh-tinh"), ("p2", "province", "vn", "kh-tinh"),
        ("vn", "nation", None, "kh-vn")])
    frame = _frame({("a0", "6.3"): {"2027": 20}, ("a1", "6.3"): {"2027": 30},
                    ("b0", "6.3"): {"2027": 20}, ("b1", "6.3"): {"2027": 1},
                    ("b2", "6.3"): {"2027": 1}})
    result = assess_portfolio(portfolio, frame, as_of=2027)
    rows = {(r.place, r.indicator): r.latest for r in result.results()}
    assert 100.0 == rows[("p1", "6.4")]
    assert pytest.approx(100 / 3) == rows[("p2", "6.4")]
    assert 60.0 == rows[("vn", "6.5")]  # 3 of the 5 communes
    assert 50.0 == rows[("vn", "6.6")]  # p1 of p1 and p2
    assert () == result.gaps


# --- properties --------------------------------------------------------------------------------

Rows = list[list[float | None]]


def _counting(*groups: Rows, order: list[int] | None = None) -> tuple[Portfolio,
                                                                        MeasurementFrame]:
    """Province p<i> with the communes of `groups[i]`, each a value per year (None: no row)."""
    places = [(f"x{p}-{k}", "commune", f"p{p}", "kh-xa") for p, rows in enumerate(groups)
              for k in range(len(rows))]
    places += [(f"p{p}", "province", None, "kh-tinh") for p in range(len(groups))]
    if order is not None:
        places = [places[k] for k in order]
    portfolio = _portfolio([_plan("kh-tinh", _share()), _plan("kh-xa", _news())], places)
    years = ("2025", "2026", "2027")
    frame = _frame({(f"x{p}-{k}", "6.3"): {y: v for y, v in zip(years, row, strict=True)
                                           if v is not None}
                    for p, rows in enumerate(groups) for k, row in enumerate(rows)})
    return portfolio, frame


_VALUES = st.lists(st.lists(st.none() | st.sampled_from([0.0, 8.0, 15.9, 16.0, 30.0]),
                            min_size=3, max_size=3), min_size=1, max_size=9)


def _results(portfolio: Portfolio, frame: MeasurementFrame) -> dict:
    result = assess_portfolio(portfolio, frame, as_of=2027)
    return {(r.place, r.indicator): r for r in result.results()}


def _shares(values: Rows) -> dict[int, float]:
    """The province's share by year."""
    table = assess_portfolio(*_counting(values), as_of=2027).table_of("p0")
    return dict(zip(table.frame.year.tolist(), table.frame.value.tolist(), strict=True))


@settings(max_examples=30)
@given(values=_VALUES)
def test_the_share_is_the_hand_count_of_places_meeting_out_of_those_counted(values):
    shares = _shares(values)
    for k, year in enumerate((2025, 2026, 2027)):
        column = [row[k] for row in values]
        if all(v is None for v in column):
            assert year not in shares
            continue
        meeting = sum(1 for v in column if v is not None and v >= 16)
        assert 100 * meeting / len(values) == pytest.approx(shares[year])


@settings(max_examples=15)
@given(values=_VALUES, other=_VALUES, data=st.data())
def test_permuting_places_changes_nothing(values, other, data):
    expected = _results(*_counting(values, other))
    order = data.draw(st.permutations(range(len(values) + len(other) + 2)))
    assert expected == _results(*_counting(values, other, order=order))


@settings(max_examples=30)
@given(values=_VALUES, data=st.data())
def test_one_more_place_meeting_never_lowers_a_share_nor_the_status(values, data):
    k = data.draw(st.integers(0, len(values) - 1))
    year = data.draw(st.integers(0, 2))
    better = [list(row) for row in values]
    better[k][year] = 30.0
    before, after = _shares(values), _shares(better)
    assert all(after[y] >= share for y, share in before.items())
    if year == 2 and 2027 in before:
        # The latest share only rises, the baseline stays: the status is never worse.
        old = _results(*_counting(values))[("p0", "6.4")].status
        new = _results(*_counting(better))[("p0", "6.4")].status
        if old in ORDER and new in ORDER:
            assert ORDER.index(new) <= ORDER.index(old)
        assert not (old is Status.ACHIEVED and new is not Status.ACHIEVED)


@settings(max_examples=15)
@given(values=_VALUES, other=_VALUES, changed=_VALUES)
def test_a_province_does_not_depend_on_the_places_outside_it(values, other, changed):
    one = _results(*_counting(values, other))
    two = _results(*_counting(values, changed))
    assert one[("p0", "6.4")] == two[("p0", "6.4")]


def test_a_plan_stating_the_share_reads_back_from_every_format():
    plan = _plan("kh-tp", _share(value=4, unit="items / quarter", indicator="q", level="ward"))
    for kind in ("yaml", "json", "toml"):
        assert plan == loads_plan(dumps_plan(plan, format=kind), format=kind)
    assert attrs.asdict(plan.indicator("6.4").share_of_places) == {
        "comparator": Comparator.GE, "value": 4, "unit": "items / quarter", "tolerance": None,
        "indicator": "q", "level": "ward"}
