"""Each place judged against its own plan's targets, in one table."""

from __future__ import annotations

import gc
import math

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from gender_plan import (
    AssessmentError,
    Baseline,
    Comparator,
    Direction,
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
    ReasonCode,
    Status,
    Target,
    assess_by_plan,
    assess_frame,
    assess_indicator,
)

TEXT = LocalizedText(vi="x", en="x")
SRB = Indicator(code="4.1", name=TEXT, unit="boys / 100 girls",
                direction=Direction.LOWER_IS_BETTER,
                targets=[Target(comparator=Comparator.LE, value=111, year=2030)])
SHARE = Indicator(code="1.1", name=TEXT, unit="percent",
                  targets=[Target(comparator=Comparator.GE, value=60, year=2030)])


def plan(code, *indicators, start=2026, end=2030):
    return Plan(code=code, title=TEXT, issuer=TEXT, place=TEXT, start_year=start, end_year=end,
                date=PartialDate(year=start),
                goals=[Goal(code="1", field=Field.POLITICS, title=TEXT,
                            indicators=list(indicators))])


NATION = plan("nation", SRB, SHARE)
CITY = plan("city", attrs.evolve(SRB, targets=[
    Target(comparator=Comparator.LE, value=107, year=2030)]), SHARE)


def rows(place, srb, share=None):
    found = [Measurement(indicator="4.1", period=Period(year=y), value=v, place=place)
             for y, v in srb.items()]
    found += [Measurement(indicator="1.1", period=Period(year=y), value=v, place=place)
              for y, v in (share or {}).items()]
    return found


DATA = [*rows("city", {2025: 112.0, 2027: 109.0}, {2025: 40.0, 2027: 50.0}),
        *rows("commune", {2025: 112.0, 2027: 109.0}, {2025: 40.0, 2027: 50.0})]
FRAME = MeasurementFrame.from_measurements(DATA, NATION)


def test_each_place_is_judged_against_its_own_target():
    table = assess_by_plan({"city": CITY, "commune": NATION}, FRAME, as_of=2027)
    # Same data: 109 meets the nation's "at most 111" but not the city's "at most 107".
    assert Status.ACHIEVED == table.status_of("commune", "4.1")
    # The city: from 112 to 109 of the 5 to 107, 60% of the gap in 2 of 5 years: R = 1.5.
    assert Status.ON_TRACK == table.status_of("city", "4.1")
    assert 1.5 == pytest.approx(table.ratio[table.row("city", "4.1")])
    assert [107.0, 111.0] == table.target_value[table.row("city", "4.1"):][:2].tolist()
    assert table.status_of("city", "1.1") == table.status_of("commune", "1.1")


def test_one_shared_plan_gives_exactly_the_one_plan_table():
    one = assess_frame(NATION, FRAME, as_of=2027, method=GrowthRatio())
    shared = assess_by_plan({"city": NATION, "commune": NATION}, FRAME, as_of=2027,
                            method=GrowthRatio())
    assert one.indicators == shared.indicators
    for name in ("status", "series", "latest_row", "baseline_row", "deadline"):
        assert getattr(one, name).tolist() == getattr(shared, name).tolist(), name
    for name in ("ratio", "score", "gap", "target_value", "latest", "baseline"):
        a, b = getattr(one, name).tolist(), getattr(shared, name).tolist()
        assert all((math.isnan(x) and math.isnan(y)) or x == y for x, y in zip(a, b, strict=True))
    for place in one.places:
        for code in one.indicators:
            assert one.reasons(place, code) == shared.reasons(place, code)


def test_an_indicator_the_plan_lacks_is_reported_not_guessed():
    lean = plan("lean", SRB)
    table = assess_by_plan({"city": CITY, "commune": lean}, FRAME, as_of=2027)
    assert Status.NO_DATA == table.status_of("commune", "1.1")
    assert [ReasonCode.NOT_IN_PLAN] == [r.code for r in table.reasons("commune", "1.1")]
    assert "This place's plan has no counterpart of the indicator." == (
        table.reasons("commune", "1.1")[0].text("en"))


@pytest.mark.parametrize("enabled", [True, False])
def test_the_garbage_collector_is_left_as_it_was(enabled):
    # The collector is paused while the specs are made, and put back as it was, on success
    # and on failure alike.
    other = plan("other", attrs.evolve(SHARE, unit="fraction",
                                       targets=[Target(comparator=Comparator.GE, value=0.6,
                                                       year=2030)]))
    was = gc.isenabled()
    try:
        if not enabled:
            gc.disable()
        assess_by_plan({"city": CITY, "commune": NATION}, FRAME, as_of=2027)
        assert enabled == gc.isenabled()
        with pytest.raises(AssessmentError):
            assess_by_plan({"city": NATION, "commune": other}, FRAME, as_of=2027)
        assert enabled == gc.isenabled()
    finally:
        if was:
            gc.enable()


def test_plans_that_disagree_on_a_unit_are_refused():
    other = plan("other", attrs.evolve(SHARE, unit="fraction",
                                       targets=[Target(comparator=Comparator.GE, value=0.6,
                                                       year=2030)]))
    with pytest.raises(AssessmentError, match="one unit per indicator"):
        assess_by_plan({"city": NATION, "commune": other}, FRAME, as_of=2027)
    with pytest.raises(AssessmentError, match="at least one place"):
        assess_by_plan({}, FRAME, as_of=2027)


def judged(owns, changes, as_of):
    """Place p{i} with its own plan of `owns[i]` and SHARE, its sex ratio at birth going from
    `changes[i]`'s first value in 2025 to its second in 2027: the plans, rows, frame, table."""
    plans = {f"p{i}": plan(f"plan{i}", own, SHARE, start=2025 + i % 2)
             for i, own in enumerate(owns)}
    data = [row for i, (before, after) in enumerate(changes)
            for row in rows(f"p{i}", {2025: round(before, 2), 2027: round(after, 2)})]
    frame = MeasurementFrame.from_measurements(data, NATION)
    return plans, data, frame, assess_by_plan(plans, frame, as_of=as_of)


@given(st.lists(st.tuples(st.floats(100, 120), st.floats(100, 120), st.integers(104, 115),
                          st.booleans()), min_size=1, max_size=5),
       st.integers(2026, 2032))
def test_each_place_gets_what_its_own_plan_gives_it_alone(places, as_of):
    owns = [attrs.evolve(SRB, targets=[Target(comparator=Comparator.LE, value=limit, year=2030)],
                         baseline=Baseline(value=before + 1, year=2024) if stated else None)
            for before, _, limit, stated in places]
    plans, _, frame, table = judged(owns, [(b, a) for b, a, _, _ in places], as_of)
    for place, own in plans.items():
        alone = assess_frame(own, frame, as_of=as_of, places=(place,))
        for code in ("4.1", "1.1"):
            assert alone.status_of(place, code) == table.status_of(place, code)
            assert alone.reasons(place, code) == table.reasons(place, code)
            a, b = alone.ratio[alone.row(place, code)], table.ratio[table.row(place, code)]
            assert (math.isnan(a) and math.isnan(b)) or a == b


@given(st.lists(st.tuples(st.floats(100, 120), st.floats(100, 120), st.floats(104, 110),
                          st.floats(0, 4), st.booleans()), min_size=1, max_size=5),
       st.integers(2026, 2032))
def test_each_place_gets_its_own_band(places, as_of):
    """Levels to stay near, a band per plan: each place's row is the one-place assessment
    against its own band, figures and reasons (the band named first) included."""
    owns = [attrs.evolve(SRB, direction=Direction.TOWARD_REFERENCE, targets=[Target(
        comparator=Comparator.BETWEEN, value=round(lower, 2), upper=round(lower + width, 2),
        year=2030)], baseline=Baseline(value=before + 1, year=2024) if stated else None)
        for before, _, lower, width, stated in places]
    plans, data, _, table = judged(owns, [(b, a) for b, a, *_ in places], as_of)
    for place, own in plans.items():
        indicator = own.indicator("4.1")
        alone = assess_indicator(indicator, data, as_of=as_of, place=place,
                                 start_year=own.start_year, end_year=own.end_year,
                                 base_year=own.effective_base_year)
        row = table.row(place, "4.1")
        assert alone.status == table.status_of(place, "4.1")
        assert alone.reasons == table.reasons(place, "4.1")
        assert ReasonCode.BAND_DISTANCE is alone.reasons[0].code
        for name in ("ratio", "gap", "expected"):
            mine = getattr(alone, name)
            assert (mine is None and math.isnan(getattr(table, name)[row])) or (
                mine == getattr(table, name)[row]), name
        assert alone.latest.value == table.latest[row]
