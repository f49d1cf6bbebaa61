"""Rules fixed in the one engine (issues 14 and 15), and properties of many places at once."""

from __future__ import annotations

import datetime
import math
from fractions import Fraction

import attrs
import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from gender_plan import (
    Baseline,
    Comparator,
    Direction,
    Field,
    Frequency,
    Goal,
    GrowthRatio,
    History,
    Indicator,
    LinearPath,
    LocalizedText,
    Measurement,
    MeasurementFrame,
    PartialDate,
    Period,
    Plan,
    Projection,
    ReasonCode,
    Status,
    Target,
    TargetKind,
    Verdict,
    assess_frame,
    assess_indicator,
    is_met,
)

NAME = LocalizedText(vi="chỉ tiêu", en="indicator")


def codes(result):
    return [reason.code for reason in result.reasons]


def monthly(**changes):
    target = Target(comparator=Comparator.GE, value=1, kind=TargetKind.COUNT_PER_PERIOD,
                    frequency=Frequency.MONTH, start_year=2026, year=2027)
    return Indicator(code="6.3", name=NAME, unit="items", targets=[attrs.evolve(target, **changes)])


def months(values, code="6.3"):
    return [Measurement(indicator=code, period=Period(year=y, month=m), value=v)
            for (y, m), v in values.items()]


# --- issue 15: a stated baseline after the latest value; a preferred series without data ----

def test_a_stated_baseline_after_the_latest_value_is_not_a_lost_achievement():
    ind = Indicator(code="x", name=NAME, unit="items", direction=Direction.LOWER_IS_BETTER,
                    baseline=Baseline(value=4, year=2025),
                    targets=[Target(comparator=Comparator.LE, value=5, year=2030)])
    rows = [Measurement(indicator="x", period=Period(year=2024), value=6)]
    result = assess_indicator(ind, rows, as_of=2025)
    assert Status.INSUFFICIENT_DATA is result.status
    assert ReasonCode.LOST_ACHIEVEMENT not in codes(result)
    reason = next(r for r in result.reasons if r.code is ReasonCode.LATEST_BEFORE_BASELINE)
    assert "The latest value (2024) predates the baseline: the trend cannot be judged." == (
        reason.text("en"))


def test_a_preferred_series_without_a_value_by_the_date_gives_way_with_a_reason():
    ind = Indicator(code="x", name=NAME, unit="items", series="survey",
                    targets=[Target(comparator=Comparator.GE, value=5, year=2030)])
    rows = [Measurement(indicator="x", period=Period(year=2027), value=6, series="survey"),
            Measurement(indicator="x", period=Period(year=2021), value=1, series="admin"),
            Measurement(indicator="x", period=Period(year=2024), value=3, series="admin")]
    result = assess_indicator(ind, rows, as_of=2025, base_year=2021)
    assert ("admin", Status.ON_TRACK) == (result.series, result.status)  # R = 0.5/(1/3) = 1.5
    reason = next(r for r in result.reasons
                  if r.code is ReasonCode.PREFERRED_SERIES_UNAVAILABLE)
    assert "survey" == reason.detail
    later = assess_indicator(ind, rows, as_of=2028, base_year=2021)
    assert "survey" == later.series  # once it has a value, the preference holds
    assert ReasonCode.PREFERRED_SERIES_UNAVAILABLE not in codes(later)


# --- issue 14: a period without data is not a period met -----------------------------------

def test_a_month_without_data_is_not_a_month_met_before_the_deadline():
    result = assess_indicator(monthly(), months({(2026, 1): 1}), as_of=datetime.date(2026, 4, 30))
    assert Status.INSUFFICIENT_DATA is result.status
    reason = next(r for r in result.reasons if r.code is ReasonCode.PERIODS_WITHOUT_DATA)
    assert "2026-02, 2026-03, 2026-04" == reason.detail
    assert ReasonCode.MET not in codes(result)


def test_months_without_data_fail_the_target_after_the_deadline():
    result = assess_indicator(monthly(year=2026), months({(2026, 1): 1, (2026, 2): 3}),
                              as_of=2027)
    assert Status.NOT_ACHIEVED is result.status
    assert ReasonCode.PERIODS_WITHOUT_DATA in codes(result)


def test_every_month_with_data_that_meets_it_is_achieved():
    data = months({(2026, m): 1 for m in range(1, 5)})
    result = assess_indicator(monthly(), data, as_of=datetime.date(2026, 4, 30))
    assert Status.ACHIEVED is result.status
    assert [ReasonCode.MET] == codes(result)


def test_a_failing_month_is_named_beside_the_months_without_data():
    result = assess_indicator(monthly(), months({(2026, 1): 1, (2026, 3): 0}),
                              as_of=datetime.date(2026, 3, 31))
    assert Status.NOT_ACHIEVED is result.status
    assert (Period(year=2026, month=3),) == result.failing_periods
    details = {r.code: r.detail for r in result.reasons}
    assert "2026-02" == details[ReasonCode.PERIODS_WITHOUT_DATA]


def test_a_yearly_hold_names_the_years_without_data():
    hold = Indicator(code="h", name=NAME, unit="percent", targets=[
        Target(comparator=Comparator.GE, value=100, kind=TargetKind.HOLD, start_year=2025)])
    rows = [Measurement(indicator="h", period=Period(year=y), value=100.0) for y in (2025, 2027)]
    result = assess_indicator(hold, rows, as_of=2027, end_year=2030)
    assert Status.INSUFFICIENT_DATA is result.status
    assert "2026" == next(r.detail for r in result.reasons
                          if r.code is ReasonCode.PERIODS_WITHOUT_DATA)


# --- many places at once ---------------------------------------------------------------------

def plan_of(*indicators):
    return Plan(code="p", title=NAME, issuer=NAME, place=NAME, start_year=2021, end_year=2030,
                date=PartialDate(year=2021),
                goals=[Goal(code="1", field=Field.POLITICS, title=NAME, indicators=list(indicators))])


SHARE = Indicator(code="s", name=NAME, unit="percent",
                  targets=[Target(comparator=Comparator.GE, value=60, year=2030)])
series = st.dictionaries(st.integers(2018, 2026), st.floats(0, 100).map(lambda v: round(v, 2)),
                         max_size=5)


@given(st.lists(series, min_size=1, max_size=6), st.randoms(use_true_random=False),
       st.integers(2019, 2031))
def test_permuting_places_changes_no_place_result(histories, shuffle, as_of):
    places = [f"p{i}" for i in range(len(histories))]
    rows = [Measurement(indicator="s", period=Period(year=y), value=v, place=place)
            for place, history in zip(places, histories, strict=True) for y, v in history.items()]
    plan = plan_of(SHARE)
    table = assess_frame(plan, MeasurementFrame.from_measurements(rows, plan), as_of=as_of,
                         places=tuple(places))
    order = list(places)
    shuffle.shuffle(order)
    shuffle.shuffle(rows)
    other = assess_frame(plan, MeasurementFrame.from_measurements(rows, plan), as_of=as_of,
                         places=tuple(order))
    for place in places:
        first, second = table.row(place, "s"), other.row(place, "s")
        assert table.status[first] == other.status[second]
        assert table.reasons(place, "s") == other.reasons(place, "s")
        for name in ("ratio", "expected", "projected", "latest", "baseline", "gap"):
            a, b = getattr(table, name)[first], getattr(other, name)[second]
            assert (math.isnan(a) and math.isnan(b)) or a == b, name


@given(series, st.floats(0, 50), st.integers(2019, 2029))
def test_monotonicity_across_places_in_one_table(history, better, as_of):
    # Two places alike but for a better latest value at the second: never a worse status.
    rows = [Measurement(indicator="s", period=Period(year=y), value=v, place=place)
            for place in ("a", "b") for y, v in history.items()]
    if history:
        latest = max(history)
        rows = [attrs.evolve(r, value=r.value + better)
                if (r.place, r.period.year) == ("b", latest) else r for r in rows]
    plan = plan_of(SHARE)
    table = assess_frame(plan, MeasurementFrame.from_measurements(rows, plan), as_of=as_of,
                         places=("a", "b"))
    worse, best = table.statuses("s")
    if worse.rank is not None and best.rank is not None:
        assert best.rank >= worse.rank


@given(st.integers(2021, 2029), st.lists(st.integers(2018, 2029), min_size=1, unique=True))
def test_a_stated_baseline_after_every_measurement_is_never_deteriorating(year, years):
    ind = attrs.evolve(SHARE, baseline=Baseline(value=70, year=max(years) + 1))
    rows = [Measurement(indicator="s", period=Period(year=y), value=50.0) for y in years]
    result = assess_indicator(ind, rows, as_of=max(max(years) + 1, year), end_year=2030)
    assert result.status is Status.INSUFFICIENT_DATA


def test_the_table_reads_as_a_dataframe_with_real_dtypes():
    plan = plan_of(SHARE)
    rows = [Measurement(indicator="s", period=Period(year=y), value=v, place="a")
            for y, v in ((2020, 40.0), (2024, 52.0))]
    table = assess_frame(plan, MeasurementFrame.from_measurements(rows, plan), as_of=2025,
                         places=("a", "b"))
    frame = table.to_frame()
    assert ["a", "b"] == frame["place"].tolist()
    assert isinstance(frame["status"].dtype, pd.CategoricalDtype)
    assert frame["status"].cat.ordered
    assert [s.value for s in Status] == list(frame["status"].cat.categories)
    assert ["on_track", "no_data"] == frame["status"].astype(str).tolist()
    for column in ("ratio", "latest", "baseline", "gap", "target_value"):
        assert np.float64 == frame[column].dtype, column
    assert 1.5 == pytest.approx(frame["ratio"][0])
    assert math.isnan(frame["ratio"][1])
    assert "baseline_measured;not_met;progress_ratio" == frame["reason_codes"][0]
    assert "Progress ratio 1.5." in frame["reasons"][0]
    assert "Tỷ số tiến độ 1,5." in table.to_frame("vi")["reasons"][0]
    assert "no_data" == frame["reason_codes"][1]
    assert [2030, 2030] == frame["deadline"].tolist()
    expected = assess_indicator(SHARE, rows, as_of=2025, start_year=2021, end_year=2030,
                                base_year=2020, place="a")
    assert " ".join(r.text("en") for r in expected.reasons) == frame["reasons"][0]


def test_a_place_is_judged_by_its_own_data_only():
    plan = plan_of(SHARE)
    alone = [Measurement(indicator="s", period=Period(year=y), value=v, place="a")
             for y, v in ((2020, 40.0), (2024, 52.0))]
    crowd = [*alone, *(Measurement(indicator="s", period=Period(year=2024), value=99.0,
                                   place=f"x{i}") for i in range(50))]
    one = assess_frame(plan, MeasurementFrame.from_measurements(alone, plan), as_of=2025,
                       method=LinearPath())
    many = assess_frame(plan, MeasurementFrame.from_measurements(crowd, plan), as_of=2025,
                        method=LinearPath())
    assert one.status_of("a", "s") == many.status_of("a", "s")
    assert one.ratio[one.row("a", "s")] == many.ratio[many.row("a", "s")]


METHODS = [LinearPath(), GrowthRatio(), Projection()]
positive = st.floats(0.5, 99.5).map(lambda v: round(v, 3))


@pytest.mark.parametrize("method", METHODS, ids=lambda m: m.name)
@given(histories=st.lists(st.dictionaries(st.integers(2018, 2026), positive, min_size=1,
                                          max_size=5), min_size=1, max_size=6),
       direction=st.sampled_from((Direction.HIGHER_IS_BETTER, Direction.LOWER_IS_BETTER)), goal=positive, shift=st.integers(-10, 10),
       data=st.data())
def test_the_properties_hold_at_every_place_of_one_table(method, histories, direction, goal,
                                                         shift, data):
    """evaluation.md's properties, checked for many places assessed together."""
    comparator = data.draw(st.sampled_from(
        (Comparator.GE, Comparator.GT) if direction.sign > 0 else (Comparator.LE, Comparator.LT)))
    indicator = Indicator(code="s", name=NAME, unit="percent", direction=direction,
                          targets=[Target(comparator=comparator, value=goal, year=2030)])
    as_of = data.draw(st.integers(max(max(h) for h in histories), 2030))

    def table(unit="percent", factor=1.0, moved=0):
        ind = attrs.evolve(indicator, targets=[attrs.evolve(indicator.targets[0],
                                                            year=2030 + moved)])
        plan = Plan(code="p", title=NAME, issuer=NAME, place=NAME, start_year=2019 + moved,
                    end_year=2030 + moved, base_year=2018 + moved,
                    date=PartialDate(year=2019 + moved),
                    goals=[Goal(code="1", field=Field.POLITICS, title=NAME, indicators=[ind])])
        rows = [Measurement(indicator="s", period=Period(year=y + moved), value=v * factor,
                            unit=unit, place=f"p{i}")
                for i, history in enumerate(histories) for y, v in history.items()]
        return assess_frame(plan, MeasurementFrame.from_measurements(rows, plan),
                            as_of=as_of + moved, method=method,
                            places=tuple(f"p{i}" for i in range(len(histories))))

    base = table()
    statuses = base.statuses("s")
    assert statuses == table("fraction", 0.01).statuses("s")  # unit invariance
    assert statuses == table(moved=shift).statuses("s")  # time-shift invariance
    for i, (history, status) in enumerate(zip(histories, statuses, strict=True)):
        latest = history[max(history)]
        # Met is exactly the comparator.
        assert (status is Status.ACHIEVED) == is_met(latest, comparator, goal)
        row = base.row(f"p{i}", "s")
        baseline = base.baseline[row]
        if status is Status.ACHIEVED or math.isnan(baseline):  # values > 0: no zero replaced
            continue
        moved_by = direction.sign * (latest - baseline)  # direction consistency
        if moved_by > 0:
            assert status is not Status.DETERIORATING
        elif moved_by < 0:
            assert status.rank in (0, None)


def test_a_custom_method_reads_each_places_own_history_when_places_share_periods():
    class Previous(LinearPath):
        def judge(self, trend):
            time, value = trend.history.at(-2)
            assert (len(trend),) == time.shape == value.shape
            return Verdict(status=Status.ON_TRACK, ratio=value)

    plan = plan_of(SHARE)
    rows = [Measurement(indicator="s", period=Period(year=y), value=v + shift, place=place)
            for place, shift in (("a", 0.0), ("b", 5.0), ("c", 9.0))
            for y, v in ((2020, 10.0), (2022, 20.0), (2024, 30.0))]
    frame = MeasurementFrame.from_measurements(rows, plan)
    assert frame.layout.blocks[0].shared
    table = assess_frame(plan, frame, as_of=2025, method=Previous())
    assert [20.0, 25.0, 29.0] == table.ratio.tolist()  # each place's 2022 value
    projected = assess_frame(plan, frame, as_of=2025).projected.tolist()
    assert [60.0, 65.0, 69.0] == pytest.approx(projected)  # each line: +5 a year to 2030


@pytest.mark.parametrize("c_years", [(2020, 2022, 2024), (2019, 2021, 2023)])
def test_a_custom_method_reads_only_the_places_it_judges_of_the_history(c_years):
    """Place b meets its target already: the history the method reads holds a and c only
    (whether the places share their periods or not)."""
    seen = {}

    class Reader(LinearPath):
        def judge(self, trend):
            history = trend.history
            shape = history.values.shape
            seen.update(values=history.values.tolist(),
                        mask=np.broadcast_to(history.mask, shape).tolist(),
                        times=np.broadcast_to(history.times, shape).tolist(),
                        latest=history.at(-1)[1].tolist(), fit=history.fit(2026.0).tolist())
            return Verdict(status=Status.ON_TRACK)

    plan = plan_of(SHARE)
    rows = [Measurement(indicator="s", period=Period(year=y), value=v + shift, place=place)
            for place, shift, years in (("a", 0.0, (2020, 2022, 2024)),
                                        ("b", 40.0, (2020, 2022, 2024)), ("c", 9.0, c_years))
            for y, v in zip(years, (10.0, 20.0, 30.0), strict=True)]
    frame = MeasurementFrame.from_measurements(rows, plan)
    assess_frame(plan, frame, as_of=2025, method=Reader())
    assert [[10.0, 19.0], [20.0, 29.0], [30.0, 39.0]] == seen["values"]
    before_base = c_years[0] < 2020  # the plan's base year: c's history starts after it
    assert [[True, not before_base], [True, True], [True, True]] == seen["mask"]
    assert [[2020.0, c_years[0]], [2022.0, c_years[1]], [2024.0, c_years[2]]] == seen["times"]
    assert [30.0, 39.0] == seen["latest"]
    assert [40.0, 49.0 + 5 * (2024 - c_years[2])] == pytest.approx(seen["fit"])  # +5 a year


def _exact_fit(times: list[float], values: list[float], at: float) -> float | None:
    """The least-squares line through (times, values) at `at`, in exact rational arithmetic."""
    t, y = [Fraction(x) for x in times], [Fraction(v) for v in values]
    n, st, sy = len(t), sum(t), sum(y)
    spread = n * sum(a * a for a in t) - st * st
    if n < 2 or spread == 0:
        return None
    slope = (n * sum(a * b for a, b in zip(t, y, strict=True)) - st * sy) / spread
    return float(sy / n + slope * (Fraction(at) - st / n))


@st.composite
def histories(draw: st.DrawFn) -> tuple[np.ndarray, np.ndarray, np.ndarray, float]:
    """Monthly or yearly times from 2015, a value and a mask entry per time and place."""
    rows, places = draw(st.integers(1, 40)), draw(st.integers(1, 4))
    step = draw(st.sampled_from([1.0, 1 / 12, 0.25]))
    times = 2015.0 + step * np.arange(rows)
    scale = draw(st.sampled_from([1e-3, 1.0, 1e3, 1e6]))
    values = np.array(draw(st.lists(st.floats(-100, 100), min_size=rows * places,
                                    max_size=rows * places))).reshape(rows, places) * scale
    mask = np.array(draw(st.lists(st.booleans(), min_size=rows, max_size=rows)))[:, None]
    return times[:, None], values, mask, draw(st.floats(2016, 2040))


@given(histories())
def test_a_history_fits_its_least_squares_line(
    history: tuple[np.ndarray, np.ndarray, np.ndarray, float],
) -> None:
    """`History.fit` is the exact least-squares line's value, to 1e-9 of the values' size,
    and the same bits whether the places share one column of times or each has its own."""
    times, values, mask, at = history
    shared = History(times=times, values=values, mask=mask).fit(at)
    full = np.broadcast_to
    own = History(times=np.array(full(times, values.shape)), values=values,
                  mask=np.array(full(mask, values.shape))).fit(np.full(values.shape[1], at))
    assert np.array_equal(shared, own, equal_nan=True)
    kept = mask[:, 0]
    for place in range(values.shape[1]):
        exact = _exact_fit(times[kept, 0].tolist(), values[kept, place].tolist(), at)
        if exact is None:
            assert math.isnan(shared[place])
        else:
            size = max(1.0, float(np.abs(values[kept, place]).max()), abs(exact))
            assert abs(shared[place] - exact) <= 1e-9 * size
