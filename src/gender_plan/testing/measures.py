"""Strategies for indicators, their targets and baselines, and measurements that fit them."""

from __future__ import annotations

from typing import Any

from gender_plan.errors import MissingDependencyError

try:
    from hypothesis import strategies as st
except ImportError:
    raise MissingDependencyError("hypothesis", "testing", "gender_plan.testing") from None

from gender_plan.model import (
    Baseline,
    Comparator,
    Direction,
    Frequency,
    Indicator,
    Limits,
    Measurement,
    Period,
    ShareOfPlaces,
    Target,
    TargetKind,
)
from gender_plan.testing._memo import maybe, shared
from gender_plan.testing.values import _WORD, _codes, _finite, localized_texts, periods
from gender_plan.units import YES_NO

__all__ = [
    "UNIT_FAMILIES",
    "baselines",
    "indicators",
    "measurements",
    "series_for",
    "shares_of_places",
    "targets",
]

UNIT_FAMILIES: tuple[tuple[str, Limits | None, tuple[float, float]], ...] = (
    ("percent", Limits(lower=0, upper=100), (0.0, 100.0)),
    ("fraction", Limits(lower=0, upper=1), (0.0, 1.0)),
    ("times", Limits(lower=0), (0.0, 5.0)),
    ("boys / 100 girls", None, (90.0, 130.0)),
    ("deaths / 100000 live_births", Limits(lower=0), (0.0, 200.0)),
    ("births / 1000 women", Limits(lower=0), (0.0, 100.0)),
    ("hours / week", Limits(lower=0), (0.0, 80.0)),
    ("items", Limits(lower=0), (0.0, 50.0)),
    (YES_NO, None, (0.0, 1.0)),
)
"""(unit, natural limits, typical range) of the indicators the strategies build."""


@shared
def baselines(
    *, unit: str = "percent", min_year: int = 1995, max_year: int = 2030
) -> st.SearchStrategy[Baseline]:
    """Stated baselines with a value that fits `unit`'s family."""
    low, high = _family(unit)[2]
    value: st.SearchStrategy[float | bool] = (
        st.booleans() if unit == YES_NO else _finite(low, high)
    )
    return st.builds(Baseline, value=value, year=st.integers(min_year, max_year),
                     source=maybe(_WORD))


def _family(unit: str) -> tuple[str, Limits | None, tuple[float, float]]:
    for family in UNIT_FAMILIES:
        if family[0] == unit:
            return family
    return unit, None, (0.0, 100.0)


_COMPARATORS = {
    Direction.HIGHER_IS_BETTER: (Comparator.GE, Comparator.GT, Comparator.EQ, Comparator.ABOUT),
    Direction.LOWER_IS_BETTER: (Comparator.LE, Comparator.LT, Comparator.EQ, Comparator.ABOUT),
}


@shared
@st.composite
def targets(
    draw: st.DrawFn,
    *,
    unit: str = "percent",
    direction: Direction = Direction.HIGHER_IS_BETTER,
    year: int | None = None,
    start_year: int = 2021,
    end_year: int = 2030,
    kind: TargetKind | None = None,
    reference: float | None = None,
) -> Target:
    """One target that fits an indicator in `unit` with `direction`, due within the years.

    `year` fixes the deadline (None draws one, or none); `kind` fixes the kind. A level to stay
    near (`Direction.TOWARD_REFERENCE`) gets a band that holds `reference` (drawn when None):
    'between', '=', '~', '>=' or '<='. A yes/no target of kind HOLD is a fact to hold from a
    start year on.
    """
    if unit == YES_NO:
        deadline = year if year is not None else draw(maybe(st.integers(start_year,
                                                                              end_year)))
        if kind is TargetKind.HOLD:
            return Target(
                comparator=Comparator.EQ, value=draw(st.booleans()), kind=TargetKind.HOLD,
                year=deadline,
                start_year=draw(maybe(st.integers(start_year, deadline or end_year))),
                frequency=draw(maybe(st.just(Frequency.YEAR))),
                text=draw(maybe(localized_texts())),
            )
        return Target(
            comparator=Comparator.EQ,
            value=draw(st.booleans()),
            kind=TargetKind.YES_NO,
            year=deadline,
            text=draw(maybe(localized_texts())),
        )
    low, high = _family(unit)[2]
    if direction is Direction.TOWARD_REFERENCE:
        centre = reference if reference is not None else draw(_finite(low, high))
        return _band(draw, centre, (high - low) / 10, year, start_year, end_year,
                     kind or draw(st.sampled_from((TargetKind.REACH, TargetKind.HOLD))))
    chosen_kind = kind or draw(
        st.sampled_from((TargetKind.REACH, TargetKind.REACH, TargetKind.HOLD,
                         TargetKind.COUNT_PER_PERIOD))
    )
    comparator = draw(st.sampled_from(_COMPARATORS[direction]))
    deadline = year if year is not None else draw(maybe(st.integers(start_year, end_year)))
    periodic = chosen_kind in (TargetKind.HOLD, TargetKind.COUNT_PER_PERIOD)
    first = draw(maybe(st.integers(start_year, deadline or end_year))) if periodic else None
    frequency = None
    if chosen_kind is TargetKind.COUNT_PER_PERIOD:
        frequency = draw(st.sampled_from((Frequency.YEAR, Frequency.QUARTER, Frequency.MONTH)))
    elif chosen_kind is TargetKind.HOLD:
        frequency = draw(maybe(st.sampled_from((Frequency.YEAR, Frequency.MONTH))))
    return Target(
        comparator=comparator,
        value=draw(_finite(low, high)),
        year=deadline,
        kind=chosen_kind,
        tolerance=draw(_finite(0, (high - low) / 10)) if comparator is Comparator.ABOUT else None,
        start_year=first,
        frequency=frequency,
        text=draw(maybe(localized_texts())),
    )


def _band(draw: st.DrawFn, centre: float, spread: float, year: int | None, start_year: int,
          end_year: int, kind: TargetKind) -> Target:
    """A band target holding `centre`: its edges at most `spread` away."""
    comparator = draw(st.sampled_from((Comparator.BETWEEN, Comparator.BETWEEN, Comparator.EQ,
                                       Comparator.ABOUT, Comparator.LE, Comparator.GE)))
    below, above = draw(_finite(0, spread)), draw(_finite(0, spread))
    value, upper, tolerance = centre, None, None
    if comparator is Comparator.BETWEEN:
        value, upper = centre - below, centre + above
    elif comparator is Comparator.ABOUT:
        tolerance = max(below, above)
    elif comparator is Comparator.LE:
        value = centre + above
    elif comparator is Comparator.GE:
        value = centre - below
    deadline = year if year is not None else draw(maybe(st.integers(start_year, end_year)))
    hold = kind is TargetKind.HOLD
    return Target(
        comparator=comparator, value=value, upper=upper, tolerance=tolerance, year=deadline,
        kind=TargetKind.HOLD if hold else TargetKind.REACH,
        start_year=draw(maybe(st.integers(start_year, deadline or end_year))) if hold
        else None,
        frequency=draw(maybe(st.just(Frequency.YEAR))) if hold else None,
        text=draw(maybe(localized_texts())),
    )


@shared
@st.composite
def indicators(
    draw: st.DrawFn,
    *,
    code: str | None = None,
    unit: str | None = None,
    direction: Direction | None = None,
    start_year: int = 2021,
    end_year: int = 2030,
    max_targets: int = 3,
    held_facts: bool = False,
) -> Indicator:
    """An indicator with 1 to `max_targets` targets due within `start_year`-`end_year`.

    Directions are drawn among higher and lower is better; a level to stay near
    (`direction=Direction.TOWARD_REFERENCE`) comes with a reference inside its bands, and
    `held_facts=True` lets a yes/no indicator hold its fact from a year on.
    """
    # A yes/no fact has no level to stay near: asked for one, draw a quantity.
    families = UNIT_FAMILIES if direction is not Direction.TOWARD_REFERENCE else tuple(
        f for f in UNIT_FAMILIES if f[0] != YES_NO)
    family = _family(unit) if unit is not None else draw(st.sampled_from(families))
    chosen_unit = family[0]
    if chosen_unit == YES_NO:
        chosen_direction = Direction.HIGHER_IS_BETTER
    else:
        chosen_direction = direction or draw(
            st.sampled_from((Direction.HIGHER_IS_BETTER, Direction.LOWER_IS_BETTER)))
    reference = None
    if chosen_direction is Direction.TOWARD_REFERENCE:
        low, high = family[2]
        reference = draw(_finite(low + (high - low) / 10, high - (high - low) / 10))
    years = draw(
        st.lists(
            maybe(st.integers(start_year, end_year)),
            min_size=1,
            max_size=max_targets,
            unique=True,
        )
    )
    # A deadline-less target falls to the plan's end: keep it apart from one due that year.
    if None in years and end_year in years:
        years.remove(end_year)
    built = [
        _with(
            draw(targets(unit=chosen_unit, direction=chosen_direction, year=y,
                         start_year=start_year, end_year=end_year, reference=reference,
                         kind=TargetKind.REACH if i == 0 else
                         draw(st.sampled_from((None, TargetKind.HOLD))) if held_facts
                         else None)),
            year=y,
        )
        for i, y in enumerate(years)
    ]
    return Indicator(
        code=code if code is not None else draw(_codes()),
        name=draw(localized_texts()),
        display_name=draw(maybe(localized_texts())),
        unit=chosen_unit,
        direction=chosen_direction,
        reference=reference if reference is None or draw(st.booleans()) or not built
        else None,
        targets=built,
        number=draw(maybe(_codes())),
        limits=family[1],
        baseline=draw(
            st.none()
            | baselines(unit=chosen_unit, min_year=start_year - 5, max_year=end_year)
        ),
        series=draw(maybe(_WORD)),
        implements=draw(maybe(_codes())),
    )


@shared
@st.composite
def shares_of_places(draw: st.DrawFn, *, unit: str | None = None) -> ShareOfPlaces:
    """Conditions on the places below, for indicators that count them.

    A comparator and a value that fits `unit` (drawn when None), or a yes/no fact to hold;
    sometimes the indicator looked at and the level counted.
    """
    family = _family(unit) if unit is not None else draw(st.sampled_from(UNIT_FAMILIES))
    named: dict[str, Any] = {"indicator": draw(maybe(_codes())),
                             "level": draw(maybe(_WORD))}
    if family[0] == YES_NO:
        return ShareOfPlaces(comparator=Comparator.EQ, value=draw(st.booleans()), **named)
    low, high = family[2]
    comparator = draw(st.sampled_from((Comparator.GE, Comparator.GT, Comparator.LE,
                                       Comparator.LT, Comparator.EQ, Comparator.ABOUT)))
    return ShareOfPlaces(
        comparator=comparator, value=draw(_finite(low, high)),
        unit=draw(maybe(st.just(family[0]))),
        tolerance=draw(_finite(0, (high - low) / 10)) if comparator is Comparator.ABOUT
        else None, **named)


@shared
def measurements(
    indicator: Indicator | None = None,
    *,
    min_year: int = 2015,
    max_year: int = 2035,
    place: str | None = None,
) -> st.SearchStrategy[Measurement]:
    """One measurement whose value fits `indicator` (a new one is drawn when None)."""
    if indicator is None:
        return indicators().flatmap(
            lambda i: measurements(i, min_year=min_year, max_year=max_year, place=place)
        )
    low, high = _family(indicator.unit)[2]
    if indicator.limits is not None:
        low = max(low, indicator.limits.lower if indicator.limits.lower is not None else low)
        high = min(high, indicator.limits.upper if indicator.limits.upper is not None else high)
    value: st.SearchStrategy[float | bool] = (
        st.booleans() if indicator.is_yes_no else _finite(low, high)
    )
    return _measured(indicator.code, periods(min_year=min_year, max_year=max_year), value, place)


@shared
@st.composite
def _measured(draw: st.DrawFn, code: str, period: st.SearchStrategy[Period],
              value: st.SearchStrategy[float | bool], place: str | None) -> Measurement:
    """A measurement, with a vi/en label on its series and source sometimes.

    A composite rather than a ``flatmap``, which builds new strategies on every draw.
    """
    series, source = draw(maybe(_WORD)), draw(maybe(_WORD))
    return Measurement(
        indicator=code, period=draw(period), value=draw(value), series=series, source=source,
        place=place,
        series_label=None if series is None else draw(maybe(localized_texts())),
        source_label=None if source is None else draw(maybe(localized_texts())),
    )


@shared
@st.composite
def series_for(
    draw: st.DrawFn,
    indicator: Indicator,
    *,
    min_size: int = 0,
    max_size: int = 6,
    min_year: int = 2015,
    max_year: int = 2035,
    series: str | None = None,
) -> list[Measurement]:
    """Yearly measurements of `indicator` in one series, one per distinct year."""
    years = draw(
        st.lists(st.integers(min_year, max_year), min_size=min_size, max_size=max_size,
                 unique=True)
    )
    one = measurements(indicator, min_year=min_year, max_year=max_year)
    return [
        Measurement(indicator=indicator.code, period=Period(year=year),
                    value=draw(one).value, series=series)
        for year in sorted(years)
    ]


def _with(obj: Any, **changes: Any) -> Any:
    import attrs  # noqa: PLC0415

    return attrs.evolve(obj, **changes)
