"""Levels to stay near: the distance to a band, and targets judged on it."""

from __future__ import annotations

import math

import attrs
import numpy as np
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

import gender_plan.testing as gs
from gender_plan import (
    Comparator,
    Direction,
    Indicator,
    LinearPath,
    LocalizedText,
    Measurement,
    Period,
    Status,
    Target,
    TargetKind,
    assess_indicator,
)
from gender_plan.errors import ValidationError
from gender_plan.evaluation import band
from gender_plan.evaluation.reasons import ReasonCode
from gender_plan.units import YES_NO

NAME = LocalizedText(vi="x", en="x")
ORDER = (Status.DETERIORATING, Status.LIMITED_PROGRESS, Status.NEEDS_ACCELERATION,
         Status.ON_TRACK, Status.ACHIEVED)
numbers = st.floats(-1e6, 1e6, allow_nan=False)
widths = st.floats(0, 1e3, allow_nan=False)


def parity(lower: float = 0.97, upper: float = 1.03, **changes: object) -> Indicator:
    target = Target(comparator=Comparator.BETWEEN, value=lower, upper=upper, year=2030)
    fields: dict[str, object] = {"code": "p", "name": NAME, "unit": "fraction",
                                 "direction": Direction.TOWARD_REFERENCE, "reference": 1.0,
                                 "targets": [target]}
    fields.update(changes)
    return Indicator(**fields)  # type: ignore[arg-type]


def yearly(code: str, *values: tuple[int, float]) -> list[Measurement]:
    return [Measurement(indicator=code, period=Period(year=y), value=v) for y, v in values]


def assess(indicator: Indicator, rows: list[Measurement], as_of: int = 2026):
    return assess_indicator(indicator, rows, as_of=as_of, base_year=2020, start_year=2021,
                            end_year=2030)


def test_distance_is_zero_inside_and_grows_outside():
    assert [0.17, 0.0, 0.0, 0.0, 0.2] == pytest.approx(
        [band.distance(y, 0.97, 1.03) for y in (0.8, 0.97, 1.0, 1.03, 1.23)])
    assert 3.0 == band.distance(112.0, -math.inf, 109.0)
    assert 0.0 == band.distance(90.0, -math.inf, 109.0)


@given(st.lists(numbers, min_size=1, max_size=20), numbers, widths)
def test_distance_of_arrays_is_the_distance_of_each_value(values, lower, width):
    found = band.distance(np.array(values), lower, lower + width)
    assert [band.distance(v, lower, lower + width) for v in values] == found.tolist()


@given(numbers, widths, st.floats(0, 1e3), st.floats(0, 1e3))
def test_distance_is_monotone_away_from_the_band(lower, width, near, far):
    """Further from the band on either side is never closer."""
    assume(near <= far)
    upper = lower + width
    assert band.distance(upper + near, lower, upper) <= band.distance(upper + far, lower, upper)
    assert band.distance(lower - near, lower, upper) <= band.distance(lower - far, lower, upper)


@given(numbers, widths)
def test_the_edges_are_inside_and_just_beyond_them_is_not(lower, width):
    upper = lower + width
    step = max(abs(lower), abs(upper), 1.0) * 1e-6
    assert band.inside(lower, lower, upper)
    assert band.inside(upper, lower, upper)
    assert not band.inside(lower - step, lower, upper)
    assert not band.inside(upper + step, lower, upper)


@given(st.floats(0.5, 1.5), st.floats(0, 0.2), st.floats(0, 0.2))
def test_met_exactly_when_inside_the_band_at_its_edges(reference, below, above):
    lower, upper = reference - below, reference + above
    indicator = parity(lower, upper, reference=reference)
    step = max(abs(lower), abs(upper)) * 1e-6
    for value, met in ((lower, True), (upper, True), (lower - step, False),
                       (upper + step, False)):
        found = assess(indicator, yearly("p", (2020, 0.0), (2025, value)))
        assert met == (Status.ACHIEVED == found.status), value


def test_progress_is_the_shrinking_distance():
    """0.8 to 0.9 closes 0.10 of the 0.17 to the band, in 5 of 10 years: R = (10/17) / 0.5."""
    found = assess(parity(), yearly("p", (2020, 0.8), (2025, 0.9)), as_of=2025)
    assert Status.ON_TRACK == found.status
    assert (0.10 / 0.17) / 0.5 == pytest.approx(found.ratio)
    assert 0.9 == found.latest.value
    assert 0.8 == found.baseline.value
    assert 0.97 - 0.9 == pytest.approx(found.gap)
    assert 0.8 + 0.5 * (0.97 - 0.8) == pytest.approx(found.expected)


def test_overshooting_to_the_other_side_is_not_progress_beyond_the_far_edge():
    """From 0.80 (0.17 below) to 1.20 (0.17 above): no distance closed."""
    found = assess(parity(), yearly("p", (2020, 0.8), (2025, 1.2)), as_of=2025)
    assert 0.0 == pytest.approx(found.ratio, abs=1e-12)
    assert Status.LIMITED_PROGRESS == found.status
    further = assess(parity(), yearly("p", (2020, 0.8), (2025, 1.3)), as_of=2025)
    assert Status.DETERIORATING == further.status


def test_without_a_target_the_reference_is_the_band():
    indicator = parity(targets=[])
    found = assess(indicator, yearly("p", (2020, 0.8), (2025, 1.1)), as_of=2025)
    assert None is found.target
    assert found.has_reason(ReasonCode.BAND_DISTANCE)
    assert "[1, 1]" in found.reasons[0].text("en")
    assert None is found.gap  # no target, no gap to it



def with_reference(indicator: Indicator) -> Indicator:
    """`indicator` with a reference: its own, or a value inside every band of its targets.

    The strategy leaves the reference out of half the indicators it draws (a band alone says
    where to stay); filtering those out made most draws invalid and the tests slow.
    """
    if indicator.reference is not None:
        return indicator
    bands = [indicator.target_band(t) for t in indicator.targets]
    lower = max(low for low, _ in bands)
    upper = min(high for _, high in bands)
    if math.isinf(lower):
        return attrs.evolve(indicator, reference=upper)
    if math.isinf(upper):
        return attrs.evolve(indicator, reference=lower)
    return attrs.evolve(indicator, reference=(lower + upper) / 2)


@st.composite
def levels(draw: st.DrawFn, *, min_size: int = 1) -> tuple[Indicator, list[Measurement], int]:
    # Yes/no facts have no level to stay near.
    unit = draw(st.sampled_from([family[0] for family in gs.UNIT_FAMILIES if family[0] != YES_NO]))
    indicator = with_reference(draw(gs.indicators(code="b", unit=unit,
                                                  direction=Direction.TOWARD_REFERENCE,
                                                  start_year=2021, end_year=2030)))
    rows = draw(gs.series_for(indicator, min_size=min_size, max_size=6, min_year=2016,
                              max_year=2032))
    return indicator, rows, draw(st.integers(2019, 2033))


@st.composite
def judged_on_latest(draw: st.DrawFn) -> tuple[Indicator, list[Measurement], int]:
    """Levels with a value in the base year (2020) and an assessment date on or after the latest
    value, before the plan's end, so that the latest value is the one judged."""
    indicator, rows, _ = draw(levels(min_size=2))
    later = draw(st.lists(st.integers(2021, 2029), min_size=1, max_size=len(rows) - 1,
                          unique=True))
    years = [2020, *sorted(later)]
    rows = [attrs.evolve(row, period=Period(year=y))
            for row, y in zip(rows[:len(years)], years, strict=True)]
    return indicator, rows, draw(st.integers(years[-1], 2029))


def mirrored(indicator: Indicator, rows: list[Measurement]) -> tuple[Indicator, list[Measurement]]:
    """Every value and band reflected about the reference: y -> 2r - y."""
    r = float(indicator.reference)  # type: ignore[arg-type]

    def flip(target: Target) -> Target:
        lower, upper = indicator.target_band(target)
        low, high = 2 * r - upper, 2 * r - lower
        if math.isinf(low):
            return attrs.evolve(target, comparator=Comparator.LE, value=high, unit=None)
        if math.isinf(high):
            return attrs.evolve(target, comparator=Comparator.GE, value=low, unit=None)
        if target.comparator is Comparator.BETWEEN:
            return attrs.evolve(target, value=low, upper=high, unit=None)
        return attrs.evolve(target, value=2 * r - float(indicator.target_value(target)),
                            unit=None)

    baseline = indicator.baseline
    if baseline is not None:
        baseline = attrs.evolve(baseline, value=2 * r - float(baseline.value))
    flipped = attrs.evolve(indicator, limits=None, baseline=baseline,
                           targets=[flip(t) for t in indicator.targets])
    return flipped, [attrs.evolve(m, value=2 * r - float(m.value), unit=None) for m in rows]


@given(levels())
def test_mirror_symmetry_about_the_reference(scenario):
    """Reflecting the values and the bands about the reference changes no verdict."""
    indicator, rows, as_of = scenario
    r = float(indicator.reference)  # type: ignore[arg-type]
    # Reflection is exact only where 2r - y is: keep to values on a coarse grid.
    try:
        indicator = attrs.evolve(indicator, reference=round(r, 2))
        rows = [attrs.evolve(m, value=round(float(m.value), 2)) for m in rows]
        flipped, flipped_rows = mirrored(indicator, rows)
    except ValidationError:
        assume(False)
    one = assess(indicator, rows, as_of)
    other = assess(flipped, flipped_rows, as_of)
    assert one.status == other.status
    for name in ("ratio", "score"):
        mine, theirs = getattr(one, name), getattr(other, name)
        assert (mine is None) == (theirs is None)
        if mine is not None:
            assert mine == pytest.approx(theirs, rel=1e-6, abs=1e-9)


@settings(suppress_health_check=[HealthCheck.filter_too_much, HealthCheck.too_slow])
@given(judged_on_latest(), st.floats(0, 1), st.floats(0, 1))
def test_a_latest_value_closer_to_the_band_is_never_worse(scenario, closer, further):
    """Monotone in distance (linear path): moving the latest value toward the band helps."""
    indicator, rows, as_of = scenario
    assert len(rows) >= 2
    assert indicator.targets
    found = assess(indicator, rows, as_of)
    assume(found.status in ORDER and found.latest is not None and found.target is not None)
    assume(found.latest.period == rows[-1].period)
    lower, upper = indicator.target_band(found.target)
    y = float(rows[-1].value)
    edge = lower if y < lower else upper
    assume(not band.inside(y, lower, upper) and math.isfinite(edge))
    near, far = sorted((closer, further))

    def with_latest(fraction: float) -> Status:
        value = edge + (y - edge) * fraction
        try:
            moved = [*rows[:-1], attrs.evolve(rows[-1], value=value)]
            return assess(indicator, moved, as_of).status
        except ValidationError:
            return found.status

    better, worse = with_latest(near), with_latest(far)
    assume(better in ORDER and worse in ORDER)
    assert ORDER.index(better) >= ORDER.index(worse)


@given(gs.indicators(code="o", unit="percent", direction=Direction.LOWER_IS_BETTER,
                     start_year=2021,
                     end_year=2030),
       st.lists(st.tuples(st.integers(2016, 2032), st.floats(0, 100)), min_size=1,
                max_size=6, unique_by=lambda pair: pair[0]),
       st.integers(2019, 2033))
def test_a_one_sided_target_judges_as_before(indicator, values, as_of):
    """A level to stay near with the band '<= v' gets the statuses, ratios and expected values
    of the lower-is-better target '<= v' (linear path): one-sided targets are unchanged."""
    targets = [attrs.evolve(t, comparator=Comparator.LE, kind=TargetKind.REACH,
                            tolerance=None, start_year=None, frequency=None)
               for t in indicator.targets]
    years = [t.year for t in targets]
    assume(len(set(years)) == len(years))
    try:
        lower = attrs.evolve(indicator, targets=targets, limits=None, baseline=None)
        toward = attrs.evolve(lower, direction=Direction.TOWARD_REFERENCE)
    except ValidationError:
        assume(False)
    rows = yearly("o", *sorted(values))
    one = assess(lower, rows, as_of)
    other = assess(toward, rows, as_of)
    assert one.status == other.status
    # Inside a band the gap is 0, not v - y; and a baseline inside the band is at distance 0
    # wherever it lies, so the expected value is the near edge, not a point between.
    outside = one.gap is not None and one.gap < 0
    started_outside = one.baseline is not None and one.target_value is not None and (
        float(one.baseline.value) > float(one.target_value))
    for name in ("ratio", *(("gap",) if outside else ()),
                 *(("expected",) if started_outside else ())):
        mine, theirs = getattr(one, name), getattr(other, name)
        if mine is None or theirs is None:
            continue
        assert mine == pytest.approx(theirs, rel=1e-9, abs=1e-9), name
    assert one.latest == other.latest
    assert LinearPath().name == other.method


def test_a_band_needs_a_level_to_stay_near_and_an_upper_edge():
    with pytest.raises(ValidationError, match="direction: toward"):
        parity(direction=Direction.HIGHER_IS_BETTER, reference=None)
    with pytest.raises(ValidationError, match="needs an upper edge"):
        Target(comparator=Comparator.BETWEEN, value=0.97)
    with pytest.raises(ValidationError, match="below the lower edge"):
        Target(comparator=Comparator.BETWEEN, value=1.03, upper=0.97)
    with pytest.raises(ValidationError, match="outside the target's band"):
        parity(reference=1.1)
    with pytest.raises(ValidationError, match="strict comparator"):
        parity(targets=[Target(comparator=Comparator.LT, value=1.1)])
    with pytest.raises(ValidationError, match="reference value or a target"):
        parity(targets=[], reference=None)
    with pytest.raises(ValidationError, match="only a level to stay near"):
        Indicator(code="x", name=NAME, unit="percent", reference=50.0)
