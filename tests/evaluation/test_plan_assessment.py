"""Assessing a whole plan: numbered targets, goal and plan summaries, overrides, checks."""

import pytest

from gender_plan import (
    Comparator,
    Direction,
    Field,
    Goal,
    GrowthRatio,
    Indicator,
    Limits,
    LinearPath,
    LocalizedText,
    Measurement,
    PartialDate,
    Period,
    Plan,
    Status,
    Target,
    TargetKind,
    UnknownCodeError,
    ValidationError,
    assess_plan,
    check_measurements,
    combine_statuses,
)

T = LocalizedText(vi="văn bản", en="text")


def share(code, value, number=None):
    return Indicator(code=code, number=number, name=T, unit="percent",
                     targets=[Target(comparator=Comparator.GT, value=value, year=2030)])


PLAN = Plan(
    code="demo",
    title=T,
    issuer=T,
    place=T,
    start_year=2026,
    end_year=2030,
    date=PartialDate(year=2026, month=5),
    goals=[
        Goal(code="3", field=Field.FAMILY_GBV, title=T, indicators=[
            share("3.2a", 90, number="3.2"),
            share("3.2b", 80, number="3.2"),
            Indicator(code="3.1", name=T, unit="times", direction=Direction.LOWER_IS_BETTER,
                      targets=[Target(comparator=Comparator.LE, value=1.4)]),
        ]),
        Goal(code="5", field=Field.EDUCATION_TRAINING, title=T, indicators=[
            Indicator(code="5.1", name=T, unit="yes_no", targets=[
                Target(comparator=Comparator.EQ, value=True, kind=TargetKind.YES_NO)]),
        ]),
    ],
)


def data(values):
    return [Measurement(indicator=code, period=Period(year=year), value=value)
            for (code, year), value in values.items()]


def test_a_two_part_target_is_achieved_only_when_both_parts_are():
    both = assess_plan(PLAN, data({("3.2a", 2026): 95, ("3.2b", 2026): 85}), as_of=2026)
    numbered = {t.number: t for t in both.targets}
    assert Status.ACHIEVED is numbered["3.2"].status
    assert ("3.2a", "3.2b") == numbered["3.2"].indicators
    one = assess_plan(PLAN, data({("3.2a", 2026): 95, ("3.2b", 2025): 70, ("3.2b", 2026): 75}),
                      as_of=2026)
    assert Status.ACHIEVED is one["3.2a"].status
    assert Status.ACHIEVED is not {t.number: t for t in one.targets}["3.2"].status


def test_summaries_count_numbered_targets_per_goal_and_plan():
    result = assess_plan(
        PLAN,
        data({("3.2a", 2026): 95, ("3.2b", 2026): 85, ("3.1", 2025): 1.8, ("3.1", 2026): 1.7,
              ("5.1", 2026): False}),
        as_of=2026,
    )
    goal3 = result.goal("3")
    assert 2 == goal3.total
    assert 1 == goal3.count(Status.ACHIEVED)
    # 3.1: P = 0.1 / 0.4 = 0.25 in S = 1 / 5 of the time: R = 1.25
    assert Status.ON_TRACK is result["3.1"].status
    assert 1 == goal3.count(Status.ON_TRACK)
    assert 1 == result.goal("5").count(Status.NOT_ACHIEVED)
    assert 3 == result.summary.total
    assert [1, 1, 1] == [result.summary.count(s) for s in
                         (Status.ACHIEVED, Status.ON_TRACK, Status.NOT_ACHIEVED)]
    assert result.summary.mean_score is None
    assert ["3.2a", "3.2b", "3.1", "5.1"] == list(result.indicators)
    assert "linear" == result.method
    with pytest.raises(KeyError):
        result.goal("9")


def test_growth_scores_are_averaged():
    result = assess_plan(PLAN, data({("3.2a", 2026): 95, ("3.2b", 2026): 85}), as_of=2026,
                         method=GrowthRatio())
    assert 5.0 == result.summary.mean_score
    assert 5.0 == result.goal("3").mean_score


def test_methods_can_be_chosen_per_indicator():
    result = assess_plan(PLAN, data({("3.1", 2025): 1.8, ("3.1", 2026): 1.7}), as_of=2026,
                         methods={"3.1": GrowthRatio()})
    assert "growth" == result["3.1"].method
    assert "linear" == result["3.2a"].method
    with pytest.raises(UnknownCodeError):
        assess_plan(PLAN, [], as_of=2026, methods={"9.9": LinearPath()})


def test_measurements_are_checked_against_the_plan_first():
    bad = [
        Measurement(indicator="3.3", period=Period(year=2026), value=1),
        Measurement(indicator="3.1", period=Period(year=2026), value=5, unit="percent"),
        Measurement(indicator="3.1", period=Period(year=2026), value=5, unit="percent"),
        Measurement(indicator="5.1", period=Period(year=2026), value=1),
        Measurement(indicator="3.2a", period=Period(year=1950), value=101),
    ]
    with pytest.raises(ValidationError) as caught:
        assess_plan(PLAN, bad, as_of=2026)
    paths = [p.path for p in caught.value.problems]
    assert ["measurements[0].indicator", "measurements[2]", "measurements[3].value",
            "measurements[4].period"] == paths
    assert "did you mean" in caught.value.problems[0].hint


def test_values_outside_natural_limits_are_refused():
    limited = Plan(code="p", title=T, issuer=T, place=T, start_year=2026, end_year=2030,
                   date=PartialDate(year=2026), goals=[Goal(code="1", field=Field.OTHER, title=T,
                   indicators=[Indicator(code="1.1", name=T, unit="percent",
                                         limits=Limits(lower=0, upper=100))])])
    problems = check_measurements(limited, [
        Measurement(indicator="1.1", period=Period(year=2026), value=101),
        Measurement(indicator="1.1", period=Period(year=2027), value=0.5, unit="fraction"),
        Measurement(indicator="1.1", period=Period(year=2028), value=3, unit="deaths"),
    ])
    assert ["measurements[0].value", "measurements[2].unit"] == [p.path for p in problems]


@pytest.mark.parametrize(
    ("parts", "combined"),
    [
        ((Status.ACHIEVED, Status.ACHIEVED), Status.ACHIEVED),
        ((Status.ACHIEVED, Status.ON_TRACK), Status.ON_TRACK),
        ((Status.ON_TRACK, Status.DETERIORATING), Status.DETERIORATING),
        ((Status.ACHIEVED, Status.NOT_ACHIEVED), Status.NOT_ACHIEVED),
        ((Status.NO_DATA, Status.NOT_ACHIEVED), Status.NOT_ACHIEVED),
        ((Status.ACHIEVED, Status.NO_DATA), Status.INSUFFICIENT_DATA),
        ((Status.NO_DATA, Status.NO_DATA), Status.NO_DATA),
        ((Status.LIMITED_PROGRESS, Status.INSUFFICIENT_DATA), Status.INSUFFICIENT_DATA),
        ((), Status.NO_DATA),
    ],
)
def test_combining_the_parts_of_a_numbered_target(parts, combined):
    assert combined is combine_statuses(parts)
