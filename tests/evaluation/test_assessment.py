"""The rules common to every method: data selection, baselines, deadlines, target kinds."""

import datetime

import pytest

from gender_plan import (
    AssessmentError,
    Baseline,
    Comparator,
    Direction,
    Frequency,
    GrowthRatio,
    Indicator,
    LinearPath,
    LocalizedText,
    Measurement,
    Period,
    Projection,
    Reason,
    ReasonCode,
    Sex,
    Status,
    Target,
    TargetKind,
    ValidationError,
    assess_indicator,
    is_met,
)

NAME = LocalizedText(vi="chỉ tiêu", en="indicator")
METHODS = [LinearPath(), GrowthRatio(), Projection()]


def share(*targets, **changes):
    fields = {
        "code": "s",
        "name": NAME,
        "unit": "percent",
        "targets": targets or [Target(comparator=Comparator.GE, value=60, year=2030)],
    }
    fields.update(changes)
    return Indicator(**fields)


def rows(values, code="s", **extra):
    return [
        Measurement(indicator=code, period=Period.parse(str(p)), value=v, **extra)
        for p, v in values.items()
    ]


def codes(result):
    return [reason.code for reason in result.reasons]


@pytest.mark.parametrize(
    ("value", "comparator", "target", "met"),
    [
        (90, Comparator.GT, 90, False),
        (90, Comparator.GE, 90, True),
        (90.0000001, Comparator.GT, 90, True),
        (42, Comparator.LT, 42, False),
        (42, Comparator.LE, 42, True),
        (41.9, Comparator.LT, 42, True),
        (109, Comparator.EQ, 109, True),
        (109.1, Comparator.EQ, 109, False),
        (0.9 * 100, Comparator.GT, 90, False),  # 90.00000000000001 after a unit conversion
        (True, Comparator.EQ, True, True),
        (False, Comparator.EQ, True, False),
    ],
)
def test_met_is_exactly_the_comparator(value, comparator, target, met):
    assert met is is_met(value, comparator, target)


def test_about_uses_its_tolerance():
    assert is_met(103, Comparator.ABOUT, 100, 3)
    assert not is_met(103.5, Comparator.ABOUT, 100, 3)
    assert is_met(100.1 - 0.1, Comparator.ABOUT, 100, 0)


@pytest.mark.parametrize("method", METHODS)
def test_no_measurement_is_no_data(method):
    result = assess_indicator(share(), [], as_of=2027, method=method, end_year=2030)
    assert Status.NO_DATA is result.status
    assert [ReasonCode.NO_DATA] == codes(result)


def test_values_after_the_assessment_date_are_reported_not_used():
    result = assess_indicator(share(), rows({2025: 50, 2026: 55, 2027: 58}),
                              as_of=datetime.date(2026, 12, 31), base_year=2025, end_year=2030)
    assert Period(year=2026) == result.latest.period
    assert "2027" in next(r.detail for r in result.reasons
                          if r.code is ReasonCode.LATER_VALUES_IGNORED)
    early = assess_indicator(share(), rows({2027: 58}), as_of=2026, end_year=2030)
    assert Status.NO_DATA is early.status


def test_a_year_is_counted_once_it_has_ended():
    result = assess_indicator(share(), rows({2025: 50, 2026: 55}),
                              as_of=datetime.date(2026, 11, 29), base_year=2025, end_year=2030)
    assert Period(year=2025) == result.latest.period


@pytest.mark.parametrize("method", METHODS)
def test_one_year_of_data_is_insufficient_unless_met(method):
    single = assess_indicator(share(), rows({2025: 50}), as_of=2026, method=method,
                              base_year=2025, end_year=2030)
    assert Status.INSUFFICIENT_DATA is single.status
    assert ReasonCode.ONE_DATA_POINT in codes(single)
    met = assess_indicator(share(), rows({2025: 65}), as_of=2026, method=method,
                           base_year=2025, end_year=2030)
    assert Status.ACHIEVED is met.status


def test_months_less_than_a_year_apart_are_insufficient():
    result = assess_indicator(share(), rows({"2025-01": 50, "2025-12": 55}), as_of=2026,
                              end_year=2030)
    assert Status.INSUFFICIENT_DATA is result.status


@pytest.mark.parametrize("method", METHODS)
def test_a_lost_achievement_deteriorates_in_every_method(method):
    result = assess_indicator(share(), rows({2025: 62, 2027: 59.9}), as_of=2027, method=method,
                              base_year=2025, end_year=2030)
    assert Status.DETERIORATING is result.status
    assert ReasonCode.LOST_ACHIEVEMENT in codes(result)
    stated = assess_indicator(share(baseline=Baseline(value=61, year=2025)), rows({2025: 50}),
                              as_of=2025, method=method, end_year=2030)
    assert Status.DETERIORATING is stated.status  # even within one year of the baseline


def test_the_stated_baseline_comes_first():
    ind = share(baseline=Baseline(value=40, year=2020, source="census"))
    result = assess_indicator(ind, rows({2025: 50, 2026: 52}), as_of=2026, base_year=2025,
                              end_year=2030)
    assert result.baseline.stated
    assert 40 == result.baseline.value
    assert "census" == result.baseline.source
    # P = 12 / 20, S = 6 / 10: R = 1
    assert 1.0 == pytest.approx(result.ratio)
    assert ReasonCode.BASELINE_STATED in codes(result)


def test_the_measured_baseline_is_the_base_year_else_the_first_after_it():
    data = rows({2023: 30, 2025: 50, 2026: 53, 2027: 56})
    in_base_year = assess_indicator(share(), data, as_of=2027, base_year=2025, end_year=2030)
    assert Period(year=2025) == in_base_year.baseline.period
    after = assess_indicator(share(), data, as_of=2027, base_year=2024, end_year=2030)
    assert Period(year=2025) == after.baseline.period
    none = assess_indicator(share(), rows({2023: 30}), as_of=2027, base_year=2025, end_year=2030)
    assert Status.INSUFFICIENT_DATA is none.status
    assert ReasonCode.NO_BASELINE in codes(none)
    first = assess_indicator(share(), data, as_of=2027, end_year=2030)
    assert Period(year=2023) == first.baseline.period


def test_after_the_deadline_the_verdict_is_final():
    ind = share(Target(comparator=Comparator.GE, value=60, year=2028))
    reached = assess_indicator(ind, rows({2025: 50, 2028: 61, 2029: 40}), as_of=2029,
                               base_year=2025)
    assert Status.ACHIEVED is reached.status
    assert Period(year=2028) == reached.latest.period
    assert ReasonCode.DEADLINE_PASSED in codes(reached)
    assert ReasonCode.LATER_VALUES_IGNORED in codes(reached)
    missed = assess_indicator(ind, rows({2025: 50, 2028: 59}), as_of=2030, base_year=2025)
    assert Status.NOT_ACHIEVED is missed.status
    nothing = assess_indicator(ind, rows({2029: 70}), as_of=2030, base_year=2025)
    assert Status.NO_DATA is nothing.status


def test_milestones_assess_the_next_one_and_report_the_others():
    ind = share(Target(comparator=Comparator.GE, value=75, year=2030),
                Target(comparator=Comparator.GE, value=60, year=2025))
    data = rows({2021: 40, 2024: 50})
    early = assess_indicator(ind, data, as_of=2024, base_year=2021)
    assert 2025 == early.deadline
    assert 60 == early.target.value
    assert (75,) == tuple(t.value for t in early.other_targets)
    assert ReasonCode.MILESTONE in codes(early)
    later = assess_indicator(ind, data, as_of=2026, base_year=2021)
    assert 2030 == later.deadline
    after_all = assess_indicator(ind, data, as_of=2031, base_year=2021)
    assert 2030 == after_all.deadline
    assert Status.NOT_ACHIEVED is after_all.status


def test_hold_every_period_names_the_failing_periods():
    hold = share(Target(comparator=Comparator.GE, value=100, kind=TargetKind.HOLD,
                        start_year=2025))
    good = assess_indicator(hold, rows({2024: 80, 2025: 100, 2026: 100}), as_of=2026,
                            end_year=2030)
    assert Status.ACHIEVED is good.status
    bad = assess_indicator(hold, rows({2025: 100, 2026: 95, 2027: 99}), as_of=2027,
                           end_year=2030)
    assert Status.NOT_ACHIEVED is bad.status
    assert (Period(year=2026), Period(year=2027)) == bad.failing_periods
    assert 1 == pytest.approx(bad.gap)
    before = assess_indicator(hold, rows({2024: 80}), as_of=2026, end_year=2030)
    assert Status.INSUFFICIENT_DATA is before.status
    assert ReasonCode.NO_PERIOD_IN_RANGE in codes(before)


def test_hold_without_a_start_year_uses_the_plans_start():
    hold = share(Target(comparator=Comparator.GE, value=100, kind=TargetKind.HOLD))
    result = assess_indicator(hold, rows({2024: 80, 2026: 100}), as_of=2026, start_year=2026,
                              end_year=2030)
    assert Status.ACHIEVED is result.status


def test_count_per_period_checks_its_own_periods():
    columns = Indicator(code="6.3", name=NAME, unit="items", targets=[
        Target(comparator=Comparator.GE, value=1, kind=TargetKind.COUNT_PER_PERIOD,
               frequency=Frequency.MONTH),
    ])
    data = rows({"2026-01": 1, "2026-02": 2, "2026-03": 0, "2026": 12}, code="6.3")
    result = assess_indicator(columns, data, as_of=datetime.date(2026, 12, 31), end_year=2030)
    assert Status.NOT_ACHIEVED is result.status
    assert (Period(year=2026, month=3),) == result.failing_periods
    assert ReasonCode.PERIODS_OF_OTHER_LENGTH in codes(result)
    assert Period(year=2026, month=3) == result.latest.period


def test_yes_no_targets_are_achieved_or_not():
    fact = Indicator(code="5.1", name=NAME, unit="yes_no", targets=[
        Target(comparator=Comparator.EQ, value=True, kind=TargetKind.YES_NO)])
    yes = assess_indicator(fact, rows({2026: True}, code="5.1"), as_of=2026, end_year=2030)
    assert Status.ACHIEVED is yes.status
    no = assess_indicator(fact, rows({2025: True, 2026: False}, code="5.1"), as_of=2026,
                          end_year=2030)
    assert Status.NOT_ACHIEVED is no.status
    assert no.gap is None


def test_one_series_is_used_and_named():
    srb = Indicator(code="4.1", name=NAME, unit="boys / 100 girls",
                    direction=Direction.LOWER_IS_BETTER,
                    targets=[Target(comparator=Comparator.LE, value=109, year=2030)])
    data = [
        *rows({2019: 111.5, 2020: 112.1, 2023: 112.0}, code="4.1", series="census and surveys"),
        *rows({2021: 109.5, 2023: 109.7}, code="4.1", series="civil registration"),
    ]
    most = assess_indicator(srb, data, as_of=2024, end_year=2030)
    assert "census and surveys" == most.series
    assert 112.0 == most.latest.value
    chosen = next(r for r in most.reasons if r.code is ReasonCode.SERIES_CHOSEN)
    assert "Dùng chuỗi số liệu: census and surveys." == chosen.text("vi")
    aside = next(r for r in most.reasons if r.code is ReasonCode.SERIES_SET_ASIDE)
    assert "Series set aside: civil registration." == aside.text("en")
    # With the series' labels in the reader's language, each is named by its label.
    labels = {"census and surveys": "tổng điều tra và điều tra mẫu",
              "civil registration": "đăng ký hộ tịch"}
    assert "Dùng chuỗi số liệu: tổng điều tra và điều tra mẫu." == chosen.text("vi", labels)
    assert "Các chuỗi số liệu không dùng: đăng ký hộ tịch." == aside.text("vi", labels)
    assert "Dùng chuỗi số liệu: census and surveys." == chosen.text("vi", {"other": "khác"})
    preferred = assess_indicator(
        Indicator(code="4.1", name=NAME, unit="boys / 100 girls",
                  direction=Direction.LOWER_IS_BETTER, series="civil registration",
                  targets=srb.targets),
        data, as_of=2024, end_year=2030)
    assert "civil registration" == preferred.series
    assert 109.7 == preferred.latest.value


def test_measurements_in_another_unit_are_converted():
    result = assess_indicator(share(), rows({2025: 0.5, 2027: 0.6}, unit="fraction"), as_of=2027,
                              base_year=2025, end_year=2030)
    assert Status.ACHIEVED is result.status
    assert 60 == pytest.approx(result.latest.value)


def test_sex_disaggregated_values_are_set_aside_for_the_total():
    data = [*rows({2025: 50, 2026: 52}),
            *rows({2026: 70}, sex=Sex.FEMALE), *rows({2026: 30}, sex=Sex.MALE)]
    result = assess_indicator(share(), data, as_of=2026, base_year=2025, end_year=2030)
    assert 52 == result.latest.value
    assert "2026" == next(
        r.detail for r in result.reasons if r.code is ReasonCode.DISAGGREGATED_IGNORED)


def test_several_places_need_a_choice():
    data = [*rows({2025: 50, 2026: 52}, place="Lai Khê"), *rows({2025: 40}, place="An Phú")]
    with pytest.raises(AssessmentError, match="several places"):
        assess_indicator(share(), data, as_of=2026, end_year=2030)
    one = assess_indicator(share(), data, as_of=2026, end_year=2030, place="An Phú")
    assert 40 == one.latest.value


def test_bad_measurements_are_refused_with_their_problems():
    with pytest.raises(ValidationError) as caught:
        assess_indicator(share(), [*rows({2025: True}), *rows({2026: 5}, unit="deaths")],
                         as_of=2026, end_year=2030)
    assert ["measurements[0].value", "measurements[1].unit"] == [
        p.path for p in caught.value.problems]
    with pytest.raises(ValidationError, match="two values"):
        assess_indicator(share(), [*rows({2025: 1}), *rows({2025: 2})], as_of=2026, end_year=2030)


def test_a_target_without_a_year_needs_the_plans_end():
    ind = share(Target(comparator=Comparator.GE, value=60))
    with pytest.raises(AssessmentError, match="end_year"):
        assess_indicator(ind, rows({2025: 50}), as_of=2026)
    assert 2030 == assess_indicator(ind, rows({2025: 50}), as_of=2026, end_year=2030).deadline


@pytest.mark.parametrize("as_of", ["2026", 2026.5, True])
def test_as_of_must_be_a_date_or_a_year(as_of):
    with pytest.raises(AssessmentError, match="as_of"):
        assess_indicator(share(), [], as_of=as_of, end_year=2030)


def test_reasons_read_in_both_languages():
    result = assess_indicator(share(), rows({2025: 50, 2027: 55}), as_of=2027, base_year=2025,
                              end_year=2030)
    assert "Tỷ số tiến độ 1,25." == result.reasons[-1].text("vi")
    assert "Progress ratio 1.25." == result.reasons[-1].text("en")
    assert "Giá trị cơ sở lấy từ số liệu đo lường: 50 (2025)." == result.reasons[0].text("vi")
    zero = Reason(code=ReasonCode.ZERO_REPLACED, detail="baseline")
    assert "Giá trị 0 (giá trị cơ sở) được thay bằng 0,001 theo phương pháp." == zero.text("vi")
    assert "A zero (baseline) was replaced by 0.001, as the method prescribes." == zero.text("en")
    for code in ReasonCode:
        assert Reason(code=code, detail="x").text("vi") != Reason(code=code, detail="x").text("en")
    assert result.has_reason(ReasonCode.NOT_MET)
    assert "Đúng lộ trình" == result.status.text()
    assert "On track" == result.status.label.en
