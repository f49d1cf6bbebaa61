"""The properties evaluation.md lists, checked over generated data for every method."""

import random

import attrs
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from gender_plan import (
    Comparator,
    Direction,
    GrowthRatio,
    Indicator,
    LinearPath,
    LocalizedText,
    Measurement,
    Period,
    Projection,
    ReasonCode,
    Status,
    Target,
    assess_indicator,
    is_met,
)

METHODS = [LinearPath(), GrowthRatio(), Projection()]
NAME = LocalizedText(vi="chỉ tiêu")
ONE_SIDED = {
    Direction.HIGHER_IS_BETTER: (Comparator.GE, Comparator.GT),
    Direction.LOWER_IS_BETTER: (Comparator.LE, Comparator.LT),
}
MIRROR = {Comparator.GE: Comparator.LE, Comparator.GT: Comparator.LT,
          Comparator.LE: Comparator.GE, Comparator.LT: Comparator.GT}
values = st.floats(-1000, 1000, allow_nan=False).map(lambda v: round(v, 3))
positive = st.floats(0.01, 1000, allow_nan=False).map(lambda v: round(v, 3))


def assert_figures_close(expected, actual, figures, *, rel, abs_):
    """Each figure agrees within tolerance; None on both sides is equal, None against a number fails.

    `pytest.approx(None)` raises a TypeError in pytest 9.2 (9.0 let it pass), so None is compared here, not there.
    """
    for figure in figures:
        left, right = getattr(expected, figure), getattr(actual, figure)
        if left is None or right is None:
            assert left is right, f"{figure}: {left!r} against {right!r}"
        else:
            assert left == pytest.approx(right, rel=rel, abs=abs_), figure


FIGURES = ("ratio", "score", "projected", "expected", "gap")


@st.composite
def scenarios(draw, *, value_strategy=values):
    """An indicator with one one-sided target and a yearly series, assessed before its deadline."""
    direction = draw(st.sampled_from((Direction.HIGHER_IS_BETTER, Direction.LOWER_IS_BETTER)))
    years = draw(st.lists(st.integers(2018, 2030), min_size=1, max_size=6, unique=True))
    series = {year: draw(value_strategy) for year in sorted(years)}
    indicator = Indicator(
        code="x", name=NAME, unit="items", direction=direction,
        targets=[Target(comparator=draw(st.sampled_from(ONE_SIDED[direction])),
                        value=draw(value_strategy), year=2030)],
    )
    as_of = draw(st.integers(max(series), 2030))
    return indicator, series, as_of


def run(indicator, series, as_of, method, *, unit=None, shift=0, order=None):
    rows = [Measurement(indicator="x", period=Period(year=y + shift), value=v, unit=unit)
            for y, v in series.items()]
    if order is not None:
        order.shuffle(rows)
    return assess_indicator(indicator, rows, as_of=as_of + shift, method=method,
                            base_year=min(series) + shift, end_year=2030 + shift)


@pytest.mark.parametrize("method", METHODS, ids=lambda m: m.name)
@given(scenario=scenarios(), seed=st.integers(0, 2**32))
def test_order_independence(method, scenario, seed):
    indicator, series, as_of = scenario
    assert run(indicator, series, as_of, method) == run(
        indicator, series, as_of, method, order=random.Random(seed))


@pytest.mark.parametrize("method", METHODS, ids=lambda m: m.name)
@given(scenario=scenarios(), shift=st.integers(-15, 15))
def test_time_shift_invariance(method, scenario, shift):
    indicator, series, as_of = scenario
    moved = attrs.evolve(indicator, targets=[attrs.evolve(indicator.targets[0], year=2030 + shift)])
    before = run(indicator, series, as_of, method)
    after = run(moved, series, as_of, method, shift=shift)
    assert before.status is after.status
    assert_figures_close(before, after, FIGURES, rel=1e-6, abs_=1e-9)


@pytest.mark.parametrize("method", METHODS, ids=lambda m: m.name)
@given(scenario=scenarios(value_strategy=positive),
       pair=st.sampled_from([("percent", "fraction", 0.01), ("percent", "permille", 10.0),
                             ("births / 1000 women", "births / 100000 women", 100.0)]))
def test_unit_invariance(method, scenario, pair):
    indicator, series, as_of = scenario
    unit, other, factor = pair
    indicator = attrs.evolve(indicator, unit=unit)
    original = run(indicator, series, as_of, method)
    converted = run(indicator, {y: v * factor for y, v in series.items()}, as_of, method,
                    unit=other)
    assert original.status is converted.status
    assert_figures_close(original, converted, FIGURES, rel=1e-6, abs_=1e-9)


@given(scenario=scenarios())
def test_linear_path_mirror_symmetry(scenario):
    indicator, series, as_of = scenario
    target = indicator.targets[0]
    mirrored = attrs.evolve(
        indicator,
        direction=Direction.LOWER_IS_BETTER if indicator.direction.sign > 0
        else Direction.HIGHER_IS_BETTER,
        targets=[attrs.evolve(target, comparator=MIRROR[target.comparator], value=-target.value)],
    )
    original = run(indicator, series, as_of, LinearPath())
    reflected = run(mirrored, {y: -v for y, v in series.items()}, as_of, LinearPath())
    assert original.status is reflected.status
    assert_figures_close(original, reflected, ("ratio",), rel=1e-9, abs_=1e-12)


@pytest.mark.parametrize("method", METHODS, ids=lambda m: m.name)
@given(scenario=scenarios())
def test_direction_consistency(method, scenario):
    indicator, series, as_of = scenario
    result = run(indicator, series, as_of, method)
    assume(result.status is not Status.ACHIEVED and result.baseline is not None)
    # Open SDG's zero replacement (0 becomes 0.001) can turn a small rise from zero into an
    # apparent fall; the published method accepts that, so such cases stand outside this property.
    assume(not result.has_reason(ReasonCode.ZERO_REPLACED))
    moved = indicator.direction.sign * (result.latest.value - result.baseline.value)
    if moved > 0:
        assert Status.DETERIORATING is not result.status
    elif moved < 0:
        assert result.status.rank in (0, None)


@pytest.mark.parametrize("method", METHODS, ids=lambda m: m.name)
@given(scenario=scenarios(), better=st.floats(0, 500, allow_nan=False))
def test_monotonicity(method, scenario, better):
    indicator, series, as_of = scenario
    latest_year = max(series)
    assume(len(series) >= 2)
    improved = dict(series)
    improved[latest_year] = series[latest_year] + indicator.direction.sign * better
    worse = run(indicator, series, as_of, method).status
    best = run(indicator, improved, as_of, method).status
    if worse.rank is not None and best.rank is not None:
        assert best.rank >= worse.rank


@pytest.mark.parametrize("method", METHODS, ids=lambda m: m.name)
@given(scenario=scenarios())
def test_achieved_exactly_when_the_comparator_holds(method, scenario):
    indicator, series, as_of = scenario
    result = run(indicator, series, as_of, method)
    target = indicator.targets[0]
    latest = series[max(series)]
    assert (Status.ACHIEVED is result.status) == is_met(latest, target.comparator, target.value)


@given(st.floats(-1e6, 1e6, allow_nan=False), st.floats(-1e6, 1e6, allow_nan=False))
def test_strict_and_non_strict_comparators_differ_only_at_equality(value, target):
    for strict, loose in ((Comparator.GT, Comparator.GE), (Comparator.LT, Comparator.LE)):
        if is_met(value, strict, target):
            assert is_met(value, loose, target)
        if is_met(value, loose, target) and not is_met(value, strict, target):
            assert is_met(value, Comparator.EQ, target)
    assert not is_met(target, Comparator.GT, target)
    assert is_met(target, Comparator.GE, target)
