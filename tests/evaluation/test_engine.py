"""The one engine: every place at once gives each place's own one-place result, whatever the
other places hold and in whatever order; custom methods run at scale; worked cases."""

from __future__ import annotations

import datetime
import math
from pathlib import Path

import attrs
import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

import gender_plan.testing as gs
from gender_plan import (
    Baseline,
    Comparator,
    Direction,
    Field,
    Frequency,
    Goal,
    GrowthRatio,
    Indicator,
    LinearPath,
    LocalizedText,
    Measurement,
    Method,
    PartialDate,
    Period,
    Plan,
    Projection,
    Sex,
    Status,
    Target,
    TargetKind,
    Trend,
    Verdict,
    assess_indicator,
)
from gender_plan.errors import AssessmentError, ValidationError
from gender_plan.evaluation import MeasurementFrame, assess_frame, classify

TEXT = LocalizedText(vi="x", en="x")
METHODS: tuple[Method, ...] = (LinearPath(), GrowthRatio(), Projection())


def plan_of(*indicators: Indicator, start: int = 2021, end: int = 2030) -> Plan:
    return Plan(
        code="p", title=TEXT, issuer=TEXT, place=TEXT, start_year=start, end_year=end,
        date=PartialDate(year=start),
        goals=[Goal(code="1", field=Field.POLITICS, title=TEXT, indicators=list(indicators))],
    )


@st.composite
def scenarios(draw: st.DrawFn) -> tuple[Plan, list[Measurement], int, Method]:
    indicator = draw(gs.indicators(code="1.1", start_year=2021, end_year=2030))
    rows = draw(rows_of(indicator))
    as_of = draw(st.integers(2019, 2033))
    return plan_of(indicator), rows, as_of, draw(st.sampled_from(METHODS))


@st.composite
def rows_of(draw: st.DrawFn, indicator: Indicator) -> list[Measurement]:
    places = draw(st.lists(st.sampled_from(["a", "b", "c", "d"]), min_size=1, max_size=4,
                           unique=True))
    rows: dict[tuple[object, ...], Measurement] = {}
    for place in places:
        yearly = draw(st.booleans())
        if yearly:
            drawn = draw(gs.series_for(indicator, max_size=6, min_year=2016, max_year=2032,
                                       series=draw(st.none() | st.sampled_from(["s", "t"]))))
        else:
            drawn = draw(st.lists(gs.measurements(indicator, min_year=2016, max_year=2032),
                                  max_size=6))
        for drawn_row in drawn:
            row = attrs.evolve(drawn_row, place=place, unit=None, series=drawn_row.series
                               if drawn_row.series in (None, "s", "t") else "s")
            rows[(place, row.period, row.series)] = row
    return list(rows.values())


@st.composite
def several(draw: st.DrawFn) -> tuple[Plan, list[Measurement], int, Method]:
    """Plans of several indicators, often alike, so that they are assessed in one pass."""
    first = draw(gs.indicators(code="1.1", start_year=2021, end_year=2030))
    indicators = [first]
    for code in ("1.2", "1.3"):
        drawn = draw(gs.indicators(code=code, start_year=2021, end_year=2030))
        shift = draw(st.sampled_from([0.0, 1.0, 7.5]))
        try:  # the same steps, another target value
            alike = attrs.evolve(first, code=code, targets=[
                attrs.evolve(t, value=t.value + shift)
                if isinstance(t.value, float | int) and not isinstance(t.value, bool) else t
                for t in first.targets
            ])
        except ValidationError:  # the shifted value is out of the indicator's limits
            alike = attrs.evolve(first, code=code)
        indicators.append(draw(st.sampled_from([drawn, alike])))
    rows = [row for indicator in indicators for row in draw(rows_of(indicator))]
    rows = draw(st.permutations(rows))
    as_of = draw(st.integers(2019, 2033))
    return plan_of(*indicators), rows, as_of, draw(st.sampled_from(METHODS))


@st.composite
def shared_periods(draw: st.DrawFn) -> tuple[Plan, list[Measurement], int, Method]:
    """Every place measured in the same periods, as national data usually is: the path that
    finds the positions once for all places."""
    first = draw(gs.indicators(code="1.1", start_year=2021, end_year=2030))
    indicators = [first]
    for code in ("1.2", "1.3"):
        indicators.append(draw(st.sampled_from([
            attrs.evolve(first, code=code),
            draw(gs.indicators(code=code, start_year=2021, end_year=2030)),
        ])))
    periods = draw(st.lists(st.sampled_from([Period(year=y) for y in range(2016, 2033)]
                                            + [Period(year=2024, quarter=q) for q in (1, 2)]),
                            min_size=1, max_size=6, unique=True))
    rows = []
    for indicator in indicators:
        one = gs.measurements(indicator, min_year=2016, max_year=2032)
        for place in draw(st.sampled_from([("a", "b", "c"), ("a", "b", "c", "d", "e")])):
            rows += [attrs.evolve(draw(one), period=period, place=place, unit=None, series=None, series_label=None,
                                  sex=None) for period in periods]
    return plan_of(*indicators), rows, draw(st.integers(2019, 2033)), draw(
        st.sampled_from(METHODS))


def same(expected: float | bool | None, actual: float) -> bool:
    """The table's figure is the one-place figure (NaN standing for None, and NaN itself)."""
    if expected is None or math.isnan(expected):
        return math.isnan(actual)
    return float(expected) == actual


def assert_agree(plan: Plan, rows: list[Measurement], as_of: int, method: Method) -> None:
    """Each place's row of the many-place table is that place assessed alone, reasons too."""
    frame = MeasurementFrame.from_measurements(rows, plan)
    table = assess_frame(plan, frame, as_of=as_of, method=method)
    for _, indicator in plan.indicators():
        for place in table.places:
            expected = assess_indicator(
                indicator, rows, as_of=as_of, method=method, start_year=plan.start_year,
                end_year=plan.end_year, base_year=plan.effective_base_year, place=place,
            )
            row = table.row(place, indicator.code)
            assert expected.status == table.status_of(place, indicator.code)
            for name in ("ratio", "score", "expected", "projected", "gap"):
                assert same(getattr(expected, name), getattr(table, name)[row]), name
            for name in ("baseline", "latest"):
                observation = getattr(expected, name)
                assert same(None if observation is None else observation.value,
                            getattr(table, name)[row]), name
                assert same(None if observation is None else observation.period.time,
                            getattr(table, f"{name}_time")[row]), name
            chosen = table.series[row]
            if expected.latest is not None or expected.baseline is not None:
                assert expected.series == table.series_names[chosen]
            assert expected.reasons == table.reasons(place, indicator.code)


@given(scenarios())
def test_each_place_is_judged_as_if_alone_on_random_data(
    scenario: tuple[Plan, list[Measurement], int, Method],
) -> None:
    assert_agree(*scenario)


@given(several())
def test_each_place_is_judged_as_if_alone_with_several_indicators(
    scenario: tuple[Plan, list[Measurement], int, Method],
) -> None:
    assert_agree(*scenario)


@given(shared_periods())
def test_each_place_is_judged_as_if_alone_when_places_share_periods(
    scenario: tuple[Plan, list[Measurement], int, Method],
) -> None:
    assert_agree(*scenario)


@given(scenarios(), st.sampled_from(METHODS))
def test_each_place_is_judged_as_if_alone_with_a_stated_baseline_or_no_target(
    scenario: tuple[Plan, list[Measurement], int, Method], method: Method,
) -> None:
    plan, rows, as_of, _ = scenario
    indicator = next(i for _, i in plan.indicators())
    if indicator.is_yes_no:
        return
    for changed in (attrs.evolve(indicator, targets=()),
                    attrs.evolve(indicator, baseline=Baseline(value=rows[0].value if rows and
                                 not isinstance(rows[0].value, bool) else 0.0, year=2020))):
        assert_agree(plan_of(changed), rows, as_of, method)


@st.composite
def long_series(draw: st.DrawFn) -> tuple[Plan, list[Measurement], int, Method]:
    """Monthly values, more than numpy sums a single column of in order (8), at places that
    share their months or not: the least-squares fit adds them the same way at every width."""
    months = [Period(year=y, month=m) for y in (2021, 2022, 2023) for m in range(1, 13)]
    values = st.floats(0, 100, allow_nan=False)
    rows = []
    for place in draw(st.sampled_from([("a",), ("a", "b"), ("a", "b", "c")])):
        mine = months if draw(st.booleans()) else draw(
            st.lists(st.sampled_from(months), min_size=9, max_size=36, unique=True))
        rows += [Measurement(indicator="1.1", period=period, value=draw(values), place=place)
                 for period in mine]
    return plan_of(rate()), rows, draw(st.integers(2023, 2026)), draw(st.sampled_from(METHODS))


@given(long_series())
def test_each_place_is_judged_as_if_alone_with_long_series(
    scenario: tuple[Plan, list[Measurement], int, Method],
) -> None:
    assert_agree(*scenario)


@st.composite
def levels_to_stay_near(draw: st.DrawFn) -> tuple[Plan, list[Measurement], int, Method]:
    """A level to stay near (band targets: between, =, ~, <=, >=, reached or held) beside an
    indicator of another form, measured at several places."""
    band = draw(gs.indicators(code="1.1", direction=Direction.TOWARD_REFERENCE,
                              start_year=2021, end_year=2030))
    if band.reference is not None and draw(st.booleans()):
        band = attrs.evolve(band, targets=())  # the reference is the band
    other = draw(gs.indicators(code="1.2", start_year=2021, end_year=2030))
    rows = draw(st.permutations([*draw(rows_of(band)), *draw(rows_of(other))]))
    return (plan_of(band, other), rows, draw(st.integers(2019, 2033)),
            draw(st.sampled_from(METHODS)))


@given(levels_to_stay_near())
def test_each_place_is_judged_as_if_alone_for_a_level_to_stay_near(
    scenario: tuple[Plan, list[Measurement], int, Method],
) -> None:
    """The many-places path judges band targets: each place's row, figures and reasons (the
    band first) are the one-place assessment's."""
    assert_agree(*scenario)


def test_a_band_at_several_places_worked() -> None:
    """A parity index within 0.97-1.03 by 2030, from 2020, as of 2025 (linear path):
    a: 0.80 -> 0.90 closes 0.10 of the 0.17 below the band in half the time, R = 1.18;
    b: 1.20 -> 0.80 crosses to 0.17 below, no distance closed, R = 0;
    c: 1.10 -> 1.00 is inside the band, achieved."""
    parity = Indicator(code="1.1", name=TEXT, unit="fraction",
                       direction=Direction.TOWARD_REFERENCE, reference=1.0,
                       targets=[Target(comparator=Comparator.BETWEEN, value=0.97, upper=1.03,
                                       year=2030)])
    plan = plan_of(parity, start=2021)
    rows = [*yearly({2020: 0.8, 2025: 0.9}), *yearly({2020: 1.2, 2025: 0.8}, place="b"),
            *yearly({2020: 1.1, 2025: 1.0}, place="c")]
    table = assess_frame(plan, MeasurementFrame.from_measurements(rows, plan), as_of=2025)
    assert (Status.ON_TRACK, Status.LIMITED_PROGRESS, Status.ACHIEVED) == table.statuses("1.1")
    assert pytest.approx([(0.10 / 0.17) / 0.5, 0.0], abs=1e-12) == table.ratio[:2].tolist()
    # The gap to the nearest edge: 0.97 - 0.90, 0.97 - 0.80, none inside.
    assert pytest.approx([0.07, 0.17, 0.0]) == table.gap.tolist()
    # Expected today on the baseline's side: 0.8 + 0.5 * 0.17 below; 1.2 - 0.5 * 0.17 above.
    assert pytest.approx([0.885, 1.115]) == table.expected[:2].tolist()
    assert [0.9, 0.8, 1.0] == table.latest.tolist()
    assert "[0.97, 1.03]" in table.reasons("b", "1.1")[0].text("en")
    assert_agree(plan, rows, 2025, LinearPath())


def rate(code: str = "1.1", **changes: object) -> Indicator:
    base = Indicator(code=code, name=TEXT, unit="percent",
                     targets=[Target(comparator=Comparator.GE, value=60, year=2030)])
    return attrs.evolve(base, **changes)


def yearly(values: dict[int, float], place: str = "a", code: str = "1.1",
           **extra: object) -> list[Measurement]:
    return [Measurement(indicator=code, period=Period(year=y), value=v, place=place, **extra)
            for y, v in values.items()]


@pytest.mark.parametrize("method", METHODS)
def test_worked_cases_judge_each_place_alone(method: Method) -> None:
    plan = plan_of(rate(), rate("1.2", direction=Direction.LOWER_IS_BETTER,
                               targets=[Target(comparator=Comparator.LT, value=25, year=2030)]))
    rows = [
        *yearly({2020: 40, 2022: 45, 2024: 52}),
        *yearly({2020: 40, 2024: 38}, place="b"),
        *yearly({2020: 65, 2024: 55}, place="c"),  # lost achievement
        *yearly({2024: 61}, place="d"),
        *yearly({2020: 40, 2022: 30, 2024: 24}, code="1.2"),
        *yearly({2020: 0, 2024: 20}, code="1.2", place="b"),
    ]
    assert_agree(plan, rows, 2025, method)
    assert_agree(plan, rows, 2031, method)


@pytest.mark.parametrize("method", METHODS)
@pytest.mark.parametrize("second_year", [2020, 2022])
def test_stated_baselines_when_places_share_periods(method: Method,
                                                          second_year: int) -> None:
    """Places share their periods; each indicator's history starts at its stated baseline."""
    plan = plan_of(rate(baseline=Baseline(value=38, year=2020)),
                   rate("1.2", baseline=Baseline(value=41, year=second_year)))
    rows = [row for place, shift in (("a", 0), ("b", 3), ("c", -2)) for code in ("1.1", "1.2")
            for row in yearly({2021: 40 + shift, 2022: 43, 2023: 47 - shift, 2024: 52},
                              place=place, code=code)]
    assert_agree(plan, rows, 2025, method)


def test_thresholds_out_of_order() -> None:
    """A method whose thresholds are not nested classifies in the order written."""
    plan = plan_of(rate(), rate("1.2"))
    rows = [*yearly({2020: 40, 2022: 45, 2024: 52}), *yearly({2020: 40, 2024: 44}, place="b"),
            *yearly({2020: 30, 2024: 29}, code="1.2")]
    assert_agree(plan, rows, 2025, LinearPath(on_track=0.5, needs_acceleration=0.8))


def test_worked_linear_figures() -> None:
    plan = plan_of(rate())
    rows = yearly({2020: 40, 2022: 45, 2024: 52})
    table = assess_frame(plan, MeasurementFrame.from_measurements(rows, plan), as_of=2025)
    # P = (52 - 40) / 20 = 0.6; S = 4 / 10 = 0.4; R = 1.5.
    assert Status.ON_TRACK == table.status_of("a", "1.1")
    assert pytest.approx(1.5) == table.ratio[0]
    assert (Status.ON_TRACK,) == table.statuses("1.1")


def test_periodic_and_yes_no_targets_judge_each_place_alone() -> None:
    hold = rate("1.1", targets=[Target(comparator=Comparator.GE, value=100, kind=TargetKind.HOLD,
                                       start_year=2022)])
    count = Indicator(code="1.2", name=TEXT, unit="items",
                      targets=[Target(comparator=Comparator.GE, value=1,
                                      kind=TargetKind.COUNT_PER_PERIOD,
                                      frequency=Frequency.MONTH)])
    fact = Indicator(code="1.3", name=TEXT, unit="yes_no",
                     targets=[Target(comparator=Comparator.EQ, value=True,
                                     kind=TargetKind.YES_NO)])
    plan = plan_of(hold, count, fact)
    rows = [
        *yearly({2021: 90, 2022: 100, 2023: 100}),
        *yearly({2021: 100, 2023: 99}, place="b"),
        *yearly({2021: 80}, place="c"),
        Measurement(indicator="1.2", period=Period(year=2023, month=1), value=2, place="a"),
        Measurement(indicator="1.2", period=Period(year=2023, month=2), value=0, place="b"),
        Measurement(indicator="1.2", period=Period(year=2023), value=12, place="c"),
        Measurement(indicator="1.3", period=Period(year=2023), value=True, place="a"),
        Measurement(indicator="1.3", period=Period(year=2023), value=False, place="b"),
    ]
    for method in METHODS:
        assert_agree(plan, rows, 2024, method)


def test_series_choice_and_preferred_series_per_place() -> None:
    plan = plan_of(rate(), rate("1.2", series="survey"))
    rows = [
        *yearly({2020: 40, 2022: 45}, series="admin"),
        *yearly({2020: 41, 2021: 44, 2022: 47}, series="survey"),
        *yearly({2020: 40, 2022: 45}, code="1.2", series="admin"),
        *yearly({2020: 41}, code="1.2", series="survey"),
        *yearly({2020: 41, 2021: 44}, place="b", series="admin"),
        *yearly({2020: 41, 2022: 44}, place="b", series="survey"),
    ]
    assert_agree(plan, rows, 2024, LinearPath())


def test_sex_disaggregated_rows_are_left_out_at_every_place() -> None:
    plan = plan_of(rate())
    rows = [*yearly({2020: 40, 2024: 50}), *yearly({2020: 30, 2024: 35}, sex=Sex.FEMALE)]
    assert_agree(plan, rows, 2025, LinearPath())


def test_duplicate_periods_are_refused() -> None:
    plan = plan_of(rate())
    rows = [*yearly({2020: 40}), *yearly({2020: 41})]
    with pytest.raises(ValidationError, match="two values"):
        assess_frame(plan, MeasurementFrame.from_measurements(rows, plan), as_of=2025)


def test_a_custom_method_runs_on_every_place_at_once() -> None:
    class Halfway(Method):
        """On track where the latest value is past the midpoint from baseline to target."""

        name = "halfway"

        def judge(self, trend: Trend) -> Verdict:
            assert trend.y_T is not None
            past = trend.d * (trend.y_t - (trend.y_b + trend.y_T) / 2) >= 0
            return Verdict(status=np.where(past, Status.ON_TRACK.code,
                                           Status.LIMITED_PROGRESS.code),
                           ratio=trend.y_t / trend.y_T)

    plan = plan_of(rate())
    rows = [*yearly({2020: 40, 2024: 52}), *yearly({2020: 40, 2024: 45}, place="b"),
            *yearly({2020: 40, 2024: 61}, place="c")]
    table = assess_frame(plan, MeasurementFrame.from_measurements(rows, plan), as_of=2025,
                         method=Halfway())
    assert (Status.ON_TRACK, Status.LIMITED_PROGRESS, Status.ACHIEVED) == table.statuses("1.1")
    assert [52 / 60, 45 / 60] == pytest.approx(table.ratio[:2].tolist())
    assert_agree(plan, rows, 2025, Halfway())


def test_places_without_data_are_no_data() -> None:
    plan = plan_of(rate(), rate("1.2"))
    frame = MeasurementFrame.from_measurements(yearly({2020: 40, 2024: 50}), plan)
    table = assess_frame(plan, frame, as_of=2025, places=("a", "z"))
    assert Status.NO_DATA == table.status_of("z", "1.1")
    assert Status.NO_DATA == table.status_of("a", "1.2")
    with pytest.raises(AssessmentError, match="no row"):
        table.row("y", "1.1")


def test_csv_round_trip_gives_the_same_table(tmp_path: Path) -> None:
    plan = plan_of(rate())
    path = tmp_path / "m.csv"
    path.write_text(
        "place,indicator,period,series,sex,value,unit,numerator,denominator\n"
        "a,1.1,2020,,,40,,,\n"
        "a,1.1,2024,,,0.5,fraction,5,10\n"
        "a,1.1,2024-Q1,,female,30,,,\n",
        encoding="utf-8",
    )
    frame = MeasurementFrame.read_csv(path, plan)
    assert [40.0, 50.0, 30.0] == frame.value.tolist()
    assert [0, 0, 1] == frame.sex.tolist()
    rows = frame.to_measurements({"1.1": "percent"})
    assert Period(year=2024, quarter=1) == rows[2].period
    assert 10.0 == rows[1].denominator
    again = MeasurementFrame.from_measurements(rows, plan)
    assert frame.value.tolist() == again.value.tolist()


def test_csv_problems_name_file_and_line(tmp_path: Path) -> None:
    plan = plan_of(rate())
    path = tmp_path / "bad.csv"
    path.write_text(
        "place,indicator,period,value,sex,unit,numerator\n"
        "a,1.1,20x0,40,,,\n"
        "a,1.1,2020,abc,,,\n"
        "a,1.1,2020,4,other,,\n"
        "a,1.1,2021,4,,deaths,\n"
        "a,9.9,2021,4,,,\n"
        "a,1.1,2022,4,,,n\n",
        encoding="utf-8",
    )
    with pytest.raises(ValidationError) as caught:
        MeasurementFrame.read_csv(path, plan)
    lines = [problem.line for problem in caught.value.problems]
    assert [2, 3, 4, 5, 6, 7] == lines
    assert all(problem.file == str(path) for problem in caught.value.problems)
    (tmp_path / "short.csv").write_text("place,value\n", encoding="utf-8")
    with pytest.raises(ValidationError, match="missing columns"):
        MeasurementFrame.read_csv(tmp_path / "short.csv", plan)


def test_from_measurements_reports_values_that_do_not_fit() -> None:
    plan = plan_of(rate())
    rows = [Measurement(indicator="1.1", period=Period(year=2020), value=True),
            Measurement(indicator="9", period=Period(year=2020), value=1.0),
            Measurement(indicator="1.1", period=Period(year=2020), value=1.0, unit="deaths")]
    with pytest.raises(ValidationError) as caught:
        MeasurementFrame.from_measurements(rows, plan)
    assert 3 == len(caught.value.problems)


def test_columns_of_different_lengths_are_refused() -> None:
    with pytest.raises(ValidationError, match="different lengths"):
        MeasurementFrame(places=("a",), indicators=("1",), place=[0], indicator=[0, 0],
                         series=[0], sex=[0], year=[2020], start=[1], end=[1], time=[2020.0],
                         frequency=[0], value=[1.0], numerator=[1.0], denominator=[1.0])


@pytest.mark.parametrize(("column", "values", "kind"), [
    ("sex", [300], "whole numbers"), ("start", [1.5], "whole numbers"),
    ("year", [math.nan], "whole numbers"), ("place", ["a"], "whole numbers"),
    ("value", ["many"], "numbers"),
])
def test_values_a_column_cannot_hold_are_refused_not_wrapped(column: str, values: list[object],
                                                             kind: str) -> None:
    """300 in the 8 bits of `sex` would be 44, 1.5 as a day 1: refused, naming the column."""
    columns: dict[str, list[object]] = {
        "place": [0], "indicator": [0], "series": [0], "sex": [0], "year": [2020],
        "start": [1], "end": [1], "time": [2020.0], "frequency": [0], "value": [1.0],
        "numerator": [1.0], "denominator": [1.0]}
    with pytest.raises(ValidationError, match=f"column '{column}' holds values that are not "
                                              f"{kind}") as raised:
        MeasurementFrame(places=("a",), indicators=("1",), **{**columns, column: values})
    assert [column] == [problem.path for problem in raised.value.problems]


@given(st.integers(-50, 50), st.sampled_from([0.95, 0.6, 0.0, 0.1]), st.integers(1, 64))
def test_a_status_does_not_depend_on_the_last_bits(steps: int, threshold: float,
                                                   ulps: int) -> None:
    """Ratios a few units in the last place apart (a sum's order, a conversion) share a status:
    they are compared with the threshold after rounding to 9 decimals."""
    ratio = threshold + steps * 1e-9
    noisy = np.array([ratio, ratio + ulps * np.spacing(ratio), ratio - ulps * np.spacing(ratio)])
    codes = set(classify(noisy, threshold, threshold).tolist())
    expected = Status.ON_TRACK.code if steps >= 0 else (
        Status.LIMITED_PROGRESS.code if ratio >= 5e-10 else Status.DETERIORATING.code)
    assert {expected} == codes


ratios = st.floats(-3, 3) | st.sampled_from([math.nan, math.inf, -math.inf, 0.0, 0.6, 0.95])


@given(st.lists(ratios, max_size=20), ratios, ratios)
def test_a_ratio_takes_the_status_of_the_first_threshold_it_reaches(
        values: list[float], on_track: float, needs_acceleration: float) -> None:
    """ON_TRACK from `on_track`, else NEEDS_ACCELERATION from `needs_acceleration`, else
    LIMITED_PROGRESS from 0, else DETERIORATING (NaN too), whatever order the thresholds are
    in; each ratio alone or many at once."""

    def status(value: float) -> Status:
        for threshold, found in ((on_track, Status.ON_TRACK),
                                 (needs_acceleration, Status.NEEDS_ACCELERATION),
                                 (0.0, Status.LIMITED_PROGRESS)):
            if np.round(value, 9) >= threshold:
                return found
        return Status.DETERIORATING

    expected = [status(v).code for v in values]
    assert expected == classify(np.array(values), on_track, needs_acceleration).tolist()
    assert expected == [int(classify(v, on_track, needs_acceleration)) for v in values]


def test_a_date_as_of_works_like_a_year() -> None:
    plan = plan_of(rate())
    frame = MeasurementFrame.from_measurements(yearly({2020: 40, 2024: 50}), plan)
    by_year = assess_frame(plan, frame, as_of=2025)
    by_date = assess_frame(plan, frame, as_of=datetime.date(2025, 12, 31))
    assert by_year.status.tolist() == by_date.status.tolist()
