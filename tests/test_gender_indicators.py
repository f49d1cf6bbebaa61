"""Gender indicators from counts by sex: female share, parity index, gap."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gender_plan import (
    Comparator,
    Direction,
    Field,
    Goal,
    Indicator,
    LocalizedText,
    Measurement,
    PartialDate,
    Period,
    Plan,
    Sex,
    Status,
    Target,
    TargetKind,
    ValidationError,
    assess_indicator,
)
from gender_plan.gender_indicators import (
    SexPair,
    female_share,
    gender_gap,
    parity_index,
    sex_pairs,
)
from gender_plan.rollup import PlaceHierarchy, aggregate

TEXT = LocalizedText(vi="x", en="x")


def count(sex: Sex | None, value: float | bool, year: int = 2025, *, place: str | None = "a",
          unit: str | None = None, series: str | None = None,
          indicator: str = "leaders") -> Measurement:
    return Measurement(indicator=indicator, period=Period(year=year), value=value, sex=sex,
                       place=place, unit=unit, series=series)


def by_sex(female: float, male: float, **kwargs: object) -> list[Measurement]:
    return [count(Sex.FEMALE, female, **kwargs), count(Sex.MALE, male, **kwargs)]


def test_the_female_share_keeps_numerator_and_denominator():
    (share,) = female_share(by_sex(3, 9), indicator="leaders", code="share", unit="people")
    assert ("share", 25.0, 3.0, 12.0, "percent", "a", None) == (
        share.indicator, share.value, share.numerator, share.denominator, share.unit,
        share.place, share.sex)
    assert "female share of 'leaders' (female 3, male 9)" == share.source


def test_the_parity_index_is_female_over_male_in_times():
    (index,) = parity_index(by_sex(3, 4, unit="people"), indicator="leaders", code="gpi")
    assert (0.75, 3.0, 4.0, "times") == (index.value, index.numerator, index.denominator,
                                         index.unit)


def test_the_gap_is_male_minus_female_in_the_values_unit():
    (gap,) = gender_gap(by_sex(3, 9), indicator="leaders", code="gap", unit="people")
    assert (6.0, "people", None, None) == (gap.value, gap.unit, gap.numerator, gap.denominator)
    # For rates in percent the gap is in percentage points, written 'percent'.
    (gap,) = gender_gap(by_sex(92.5, 97.0), indicator="leaders", code="gap", unit="percent")
    assert (4.5, "percent") == (gap.value, gap.unit)


def test_the_parity_index_of_rates_is_allowed_but_their_share_is_refused():
    (index,) = parity_index(by_sex(90, 100), indicator="leaders", code="gpi", unit="percent")
    assert 0.9 == index.value
    with pytest.raises(ValidationError, match="rates, not counts"):
        female_share(by_sex(90, 100), indicator="leaders", code="share", unit="percent")


def test_results_are_assessed_by_the_engine_like_any_indicator():
    rows = by_sex(2, 8, year=2021) + by_sex(4, 8, year=2023)
    shares = female_share(rows, indicator="leaders", code="share", unit="people")
    indicator = Indicator(code="share", name=TEXT, unit="percent",
                          targets=[Target(comparator=Comparator.GE, value=40, year=2025)])
    assessment = assess_indicator(indicator, shares, as_of=2023, start_year=2021,
                                  end_year=2025, place="a")
    assert Status.ON_TRACK == assessment.status
    assert 100 * 4 / 12 == assessment.latest.value


def test_a_share_combines_across_places_by_its_counts():
    rows = by_sex(1, 9, place="a") + by_sex(30, 30, place="b")
    shares = female_share(rows, indicator="leaders", code="share", unit="people")
    plan = Plan(code="p", title=TEXT, issuer=TEXT, place=TEXT, start_year=2021, end_year=2030,
                date=PartialDate(year=2021), goals=[Goal(
                    code="1", field=Field.POLITICS, title=TEXT, indicators=[
                        Indicator(code="share", name=TEXT, unit="percent")])])
    places = PlaceHierarchy.from_pairs([("a", "commune", "P"), ("b", "commune", "P"),
                                        ("P", "province", None)])
    (combined,) = aggregate(shares, places, "province", plan).measurements
    assert 100 * 31 / 70 == combined.value


def test_a_gap_of_counts_can_be_targeted_to_close():
    gaps = gender_gap(by_sex(3, 9, year=2021) + by_sex(5, 7, year=2023), indicator="leaders",
                      code="gap", unit="people")
    indicator = Indicator(code="gap", name=TEXT, unit="people",
                          direction=Direction.LOWER_IS_BETTER,
                          targets=[Target(comparator=Comparator.LE, value=0, year=2025)])
    assessment = assess_indicator(indicator, gaps, as_of=2023, start_year=2021, end_year=2025,
                                  place="a")
    assert Status.ON_TRACK == assessment.status


def test_totals_and_other_indicators_are_not_used():
    rows = [*by_sex(1, 3), count(None, 4), count(Sex.FEMALE, 7, indicator="other")]
    assert (SexPair(indicator="leaders", period=Period(year=2025), series=None, place="a",
                    unit="people", female=1.0, male=3.0),) == sex_pairs(
        rows, indicator="leaders", unit="people")


def test_one_sex_only_is_refused_naming_the_missing_one():
    with pytest.raises(ValidationError) as caught:
        female_share([count(Sex.FEMALE, 3), *by_sex(1, 2, year=2024)], indicator="leaders",
                     code="share", unit="people")
    (problem,) = caught.value.problems
    assert "[0]" == problem.path
    assert "a female value of indicator 'leaders' at 'a' in 2025 but no male value" in (
        problem.message)
    assert "add the male row" in str(caught.value)


def test_a_sex_given_twice_is_refused():
    rows = [*by_sex(1, 2), count(Sex.MALE, 5)]
    with pytest.raises(ValidationError, match=r"two male values .* \(rows 1 and 2\)"):
        sex_pairs(rows, indicator="leaders", unit="people")


def test_different_units_are_refused():
    rows = [count(Sex.FEMALE, 1, unit="people"), count(Sex.MALE, 2, unit="organisations")]
    with pytest.raises(ValidationError, match=r"'people' and the male value .* 'organisations'"):
        parity_index(rows, indicator="leaders", code="gpi")


def test_an_unknown_unit_is_refused():
    with pytest.raises(ValidationError, match="pass unit="):
        parity_index(by_sex(1, 2), indicator="leaders", code="gpi")


def test_yes_no_values_are_refused():
    with pytest.raises(ValidationError, match="yes/no fact"):
        gender_gap(by_sex(True, False), indicator="leaders", code="gap", unit="yes_no")


def test_no_rows_of_the_indicator_is_refused():
    with pytest.raises(ValidationError, match="no female or male values of indicator 'x'"):
        female_share(by_sex(1, 2), indicator="x", code="share", unit="people")


@pytest.mark.parametrize(
    ("function", "female", "male", "message"),
    [
        (female_share, 0, 0, "no one was counted"),
        (female_share, -1, 2, "cannot be negative"),
        (parity_index, 1, 0, "male value is 0"),
        (parity_index, -1, 2, "0 or more"),
    ],
)
def test_undefined_results_are_refused(function, female, male, message):
    with pytest.raises(ValidationError, match=message):
        function(by_sex(female, male), indicator="leaders", code="d", unit="people")


def test_a_share_of_per_population_rates_is_refused():
    with pytest.raises(ValidationError, match="rates, not counts"):
        female_share(by_sex(1, 2), indicator="leaders", code="d", unit="births / 1000 women")


# --- properties -----------------------------------------------------------------------------

places = st.sampled_from(["a", "b", "c"])
years = st.integers(2015, 2030)


@st.composite
def pairs_of_rows(draw: st.DrawFn, *, positive: bool = False) -> list[Measurement]:
    """Female and male rows of distinct (place, year) keys, shuffled."""
    keys = draw(st.lists(st.tuples(places, years), min_size=1, max_size=8, unique=True))
    rows = []
    values = st.integers(1 if positive else 0, 10**6).map(float)
    for place, year in keys:
        female, male = draw(values), draw(values)
        rows += [count(Sex.FEMALE, female, year, place=place),
                 count(Sex.MALE, male, year, place=place)]
    return draw(st.permutations(rows))


@given(pairs_of_rows(positive=True))
def test_the_share_lies_between_0_and_100(rows):
    for share in female_share(rows, indicator="leaders", code="s", unit="people"):
        assert 0 <= share.value <= 100


@given(pairs_of_rows(positive=True))
def test_parity_times_male_is_female(rows):
    pairs = {(p.place, p.period): p for p in sex_pairs(rows, indicator="leaders", unit="people")}
    for index in parity_index(rows, indicator="leaders", code="g", unit="people"):
        pair = pairs[(index.place, index.period)]
        assert math.isclose(pair.female, index.value * pair.male, rel_tol=1e-12)


@given(pairs_of_rows(), st.randoms())
def test_the_order_of_rows_changes_nothing(rows, random):
    shuffled = list(rows)
    random.shuffle(shuffled)
    assert gender_gap(rows, indicator="leaders", code="g", unit="people") == gender_gap(
        shuffled, indicator="leaders", code="g", unit="people")
    assert sex_pairs(rows, indicator="leaders", unit="people") == sex_pairs(
        shuffled, indicator="leaders", unit="people")


@given(pairs_of_rows(positive=True))
def test_share_parity_and_gap_agree(rows):
    shares = female_share(rows, indicator="leaders", code="s", unit="people")
    indices = parity_index(rows, indicator="leaders", code="g", unit="people")
    gaps = gender_gap(rows, indicator="leaders", code="d", unit="people")
    for share, index, gap in zip(shares, indices, gaps, strict=True):
        # share = 100·F/(F+M) = 100·g/(1+g), and the gap is M − F = F/g − F.
        assert math.isclose(100 * index.value / (1 + index.value), share.value, rel_tol=1e-9)
        assert math.isclose(share.numerator / index.value - share.numerator, gap.value,
                            rel_tol=1e-9, abs_tol=1e-6)


def test_a_hold_target_on_the_share_is_judged_every_year():
    rows = by_sex(5, 5, year=2026) + by_sex(4, 6, year=2027)
    shares = female_share(rows, indicator="leaders", code="s", unit="people")
    indicator = Indicator(code="s", name=TEXT, unit="percent", targets=[
        Target(comparator=Comparator.GE, value=50, kind=TargetKind.HOLD)])
    assessment = assess_indicator(indicator, shares, as_of=2027, start_year=2026,
                                  end_year=2030, place="a")
    assert Status.NOT_ACHIEVED == assessment.status


def test_an_unreadable_unit_is_refused():
    with pytest.raises(ValidationError, match="indicator 'leaders' in 2025: unknown or malformed"):
        gender_gap(by_sex(1, 2, place=None), indicator="leaders", code="g", unit="bogus")


def test_problems_name_the_series():
    with pytest.raises(ValidationError, match="in 2025 series 'survey' but no male"):
        sex_pairs([count(Sex.FEMALE, 1, series="survey")], indicator="leaders", unit="people")
