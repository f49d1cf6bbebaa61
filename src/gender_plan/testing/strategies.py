"""The strategies themselves: one per public model class, valid by construction."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from gender_plan.errors import MissingDependencyError

try:
    from hypothesis import strategies as st
except ImportError:
    raise MissingDependencyError("hypothesis", "testing", "gender_plan.testing") from None

from gender_plan.model import (
    Assignment,
    Baseline,
    Comparator,
    DayOfYear,
    Direction,
    DocumentKind,
    DocumentReference,
    Field,
    Frequency,
    FundingSource,
    Goal,
    Indicator,
    Limits,
    LocalizedText,
    Measurement,
    PartialDate,
    Period,
    Plan,
    RecurringEvent,
    ResponsibleUnit,
    Signatory,
    Subsection,
    Target,
    TargetKind,
    Task,
)
from gender_plan.units import YES_NO

__all__ = [
    "STRATEGIES",
    "UNIT_FAMILIES",
    "baselines",
    "day_of_years",
    "document_references",
    "funding_sources",
    "goals",
    "indicators",
    "limits",
    "localized_texts",
    "measurements",
    "partial_dates",
    "periods",
    "plans",
    "recurring_events",
    "responsible_units",
    "series_for",
    "signatories",
    "subsections",
    "targets",
    "tasks",
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

_LETTERS = "aăâbcdđeêghiklmnoôơpqrstuưvxyàáạảãầấậẩẫằắặẳẵèéẹẻẽềếệểễỏốồộổỗớờợởỡùúụủũứừựửữ"
_WORD = st.text(alphabet=_LETTERS + _LETTERS.upper() + "0123456789-,.%/", min_size=1, max_size=9)


def _finite(low: float, high: float) -> st.SearchStrategy[float]:
    return st.floats(low, high, allow_nan=False, allow_infinity=False)


def localized_texts(*, translated: bool | None = None) -> st.SearchStrategy[LocalizedText]:
    """Texts of a few words in Vietnamese letters.

    The English translation is always there when `translated` is True, never when False, and
    sometimes when None.
    """
    sentence = st.lists(_WORD, min_size=1, max_size=6).map(" ".join)
    english: st.SearchStrategy[str | None]
    if translated is None:
        english = st.none() | sentence
    elif translated:
        english = sentence
    else:
        english = st.none()
    return st.builds(LocalizedText, vi=sentence, en=english)


def periods(*, min_year: int = 2000, max_year: int = 2040) -> st.SearchStrategy[Period]:
    """Years, quarters, months and days between `min_year` and `max_year`."""
    years = st.integers(min_year, max_year)
    return st.one_of(
        st.builds(Period, year=years),
        st.builds(Period, year=years, quarter=st.integers(1, 4)),
        st.builds(Period, year=years, month=st.integers(1, 12)),
        st.builds(Period.from_date, st.dates(_date(min_year, 1), _date(max_year, 12))),
    )


def _date(year: int, month: int) -> Any:
    import datetime  # noqa: PLC0415

    return datetime.date(year, month, 31 if month == 12 else 1)


def partial_dates(*, min_year: int = 2000, max_year: int = 2040) -> st.SearchStrategy[PartialDate]:
    """Dates with the day, or the month and day, possibly unknown (drafts)."""
    years = st.integers(min_year, max_year)
    return st.one_of(
        st.builds(PartialDate, year=years),
        st.builds(PartialDate, year=years, month=st.integers(1, 12)),
        st.builds(PartialDate.from_date, st.dates(_date(min_year, 1), _date(max_year, 12))),
    )


def day_of_years() -> st.SearchStrategy[DayOfYear]:
    """Days of the year, 29 February included."""
    return st.dates(_date(2024, 1), _date(2024, 12)).map(
        lambda d: DayOfYear(month=d.month, day=d.day)
    )


def _codes(prefix: str = "") -> st.SearchStrategy[str]:
    return st.from_regex(r"\A[A-Za-z0-9][A-Za-z0-9.\-]{0,6}\Z").map(lambda c: prefix + c)


def limits() -> st.SearchStrategy[Limits]:
    """Natural limits: a lower bound, an upper bound, or both (lower below upper)."""
    low = _finite(-1000, 1000)
    return st.one_of(
        st.builds(Limits, lower=low),
        st.builds(Limits, upper=low),
        st.tuples(low, _finite(0.001, 1000)).map(lambda p: Limits(lower=p[0], upper=p[0] + p[1])),
    )


def baselines(
    *, unit: str = "percent", min_year: int = 1995, max_year: int = 2030
) -> st.SearchStrategy[Baseline]:
    """Stated baselines with a value that fits `unit`'s family."""
    low, high = _family(unit)[2]
    value: st.SearchStrategy[float | bool] = (
        st.booleans() if unit == YES_NO else _finite(low, high)
    )
    return st.builds(Baseline, value=value, year=st.integers(min_year, max_year),
                     source=st.none() | _WORD)


def _family(unit: str) -> tuple[str, Limits | None, tuple[float, float]]:
    for family in UNIT_FAMILIES:
        if family[0] == unit:
            return family
    return unit, None, (0.0, 100.0)


_COMPARATORS = {
    Direction.HIGHER_IS_BETTER: (Comparator.GE, Comparator.GT, Comparator.EQ, Comparator.ABOUT),
    Direction.LOWER_IS_BETTER: (Comparator.LE, Comparator.LT, Comparator.EQ, Comparator.ABOUT),
}


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
) -> Target:
    """One target that fits an indicator in `unit` with `direction`, due within the years.

    `year` fixes the deadline (None draws one, or none); `kind` fixes the kind.
    """
    if unit == YES_NO:
        return Target(
            comparator=Comparator.EQ,
            value=draw(st.booleans()),
            kind=TargetKind.YES_NO,
            year=year if year is not None else draw(st.none() | st.integers(start_year, end_year)),
            text=draw(st.none() | localized_texts()),
        )
    low, high = _family(unit)[2]
    chosen_kind = kind or draw(
        st.sampled_from((TargetKind.REACH, TargetKind.REACH, TargetKind.HOLD,
                         TargetKind.COUNT_PER_PERIOD))
    )
    comparator = draw(st.sampled_from(_COMPARATORS[direction]))
    deadline = year if year is not None else draw(st.none() | st.integers(start_year, end_year))
    periodic = chosen_kind in (TargetKind.HOLD, TargetKind.COUNT_PER_PERIOD)
    first = draw(st.none() | st.integers(start_year, deadline or end_year)) if periodic else None
    frequency = None
    if chosen_kind is TargetKind.COUNT_PER_PERIOD:
        frequency = draw(st.sampled_from((Frequency.YEAR, Frequency.QUARTER, Frequency.MONTH)))
    elif chosen_kind is TargetKind.HOLD:
        frequency = draw(st.none() | st.sampled_from((Frequency.YEAR, Frequency.MONTH)))
    return Target(
        comparator=comparator,
        value=draw(_finite(low, high)),
        year=deadline,
        kind=chosen_kind,
        tolerance=draw(_finite(0, (high - low) / 10)) if comparator is Comparator.ABOUT else None,
        start_year=first,
        frequency=frequency,
        text=draw(st.none() | localized_texts()),
    )


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
) -> Indicator:
    """An indicator with 1 to `max_targets` targets due within `start_year`-`end_year`."""
    family = _family(unit) if unit is not None else draw(st.sampled_from(UNIT_FAMILIES))
    chosen_unit = family[0]
    if chosen_unit == YES_NO:
        chosen_direction = Direction.HIGHER_IS_BETTER
    else:
        chosen_direction = direction or draw(st.sampled_from(Direction))
    years = draw(
        st.lists(
            st.none() | st.integers(start_year, end_year),
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
                         start_year=start_year, end_year=end_year,
                         kind=TargetKind.REACH if i == 0 else None)),
            year=y,
        )
        for i, y in enumerate(years)
    ]
    return Indicator(
        code=code if code is not None else draw(_codes()),
        name=draw(localized_texts()),
        unit=chosen_unit,
        direction=chosen_direction,
        targets=built,
        number=draw(st.none() | _codes()),
        limits=family[1],
        baseline=draw(
            st.none()
            | baselines(unit=chosen_unit, min_year=start_year - 5, max_year=end_year)
        ),
        series=draw(st.none() | _WORD),
        implements=draw(st.none() | _codes()),
    )


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
    return st.builds(
        Measurement,
        indicator=st.just(indicator.code),
        period=periods(min_year=min_year, max_year=max_year),
        value=value,
        series=st.none() | _WORD,
        source=st.none() | _WORD,
        place=st.just(place),
    )


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


def subsections() -> st.SearchStrategy[Subsection]:
    """Lettered subsections of a goal."""
    return st.builds(Subsection, code=st.sampled_from("abcdef"), title=localized_texts())


@st.composite
def goals(
    draw: st.DrawFn,
    *,
    code: str | None = None,
    start_year: int = 2021,
    end_year: int = 2030,
    max_indicators: int = 3,
) -> Goal:
    """A goal whose indicators have codes ``<goal>.<n>``, sometimes grouped in subsections."""
    goal_code = code if code is not None else draw(st.integers(1, 9).map(str))
    count = draw(st.integers(0, max_indicators))
    sections = draw(st.lists(subsections(), max_size=2, unique_by=lambda s: s.code))
    built = []
    for index in range(count):
        indicator = draw(
            indicators(code=f"{goal_code}.{index + 1}", start_year=start_year, end_year=end_year)
        )
        in_section: bool = draw(st.booleans())
        if sections and in_section:
            indicator = _with(indicator, subsection=draw(st.sampled_from(sections)).code)
        built.append(indicator)
    return Goal(
        code=goal_code,
        field=draw(st.sampled_from(Field)),
        title=draw(localized_texts()),
        indicators=built,
        subsections=sections,
    )


def _with(obj: Any, **changes: Any) -> Any:
    import attrs  # noqa: PLC0415

    return attrs.evolve(obj, **changes)


def responsible_units(*, code: str | None = None) -> st.SearchStrategy[ResponsibleUnit]:
    """Units with a few duties, assigned or requested."""
    return st.builds(
        ResponsibleUnit,
        code=st.just(code) if code is not None else _codes("u"),
        name=localized_texts(),
        duties=st.lists(localized_texts(), max_size=3),
        assignment=st.sampled_from(Assignment),
        focal_point=st.booleans(),
    )


def recurring_events(*, code: str | None = None) -> st.SearchStrategy[RecurringEvent]:
    """Yearly single days and spans."""
    return st.builds(
        RecurringEvent,
        code=st.just(code) if code is not None else _codes("e"),
        name=localized_texts(),
        start=day_of_years(),
        end=st.none() | day_of_years(),
    )


def funding_sources(*, code: str | None = None) -> st.SearchStrategy[FundingSource]:
    """Funding sources with a description."""
    return st.builds(
        FundingSource,
        code=st.just(code) if code is not None else _codes("f"),
        description=localized_texts(),
    )


def document_references(*, code: str | None = None) -> st.SearchStrategy[DocumentReference]:
    """References to resolutions, letters, plans…, numbered or not, dated or not."""
    return st.builds(
        DocumentReference,
        code=st.just(code) if code is not None else _codes("d"),
        kind=st.sampled_from(DocumentKind),
        issuer=localized_texts(),
        number=st.none() | st.from_regex(r"\A[0-9]{1,4}/[A-ZĐ\-]{2,10}\Z"),
        date=st.none() | partial_dates(min_year=1990, max_year=2030),
        title=st.none() | localized_texts(),
        note=st.none() | localized_texts(),
    )


def signatories() -> st.SearchStrategy[Signatory]:
    """Signatories with a title and the lines of authority above it."""
    return st.builds(
        Signatory,
        name=st.lists(_WORD, min_size=1, max_size=4).map(" ".join),
        title=localized_texts(),
        authority=st.lists(localized_texts(), max_size=2),
    )


@st.composite
def tasks(
    draw: st.DrawFn,
    *,
    code: str | None = None,
    goal_codes: tuple[str, ...] = (),
    unit_codes: tuple[str, ...] = (),
    event_codes: tuple[str, ...] = (),
) -> Task:
    """A task whose goal, units and events are drawn from the codes given."""
    def some(codes: tuple[str, ...]) -> list[str]:
        if not codes:
            return []
        return draw(st.lists(st.sampled_from(codes), max_size=2, unique=True))

    return Task(
        code=code if code is not None else draw(_codes("t")),
        text=draw(localized_texts()),
        goal=draw(st.none() | st.sampled_from(goal_codes)) if goal_codes else None,
        lead=some(unit_codes),
        partners=some(unit_codes),
        events=some(event_codes),
    )


@st.composite
def plans(draw: st.DrawFn, *, max_goals: int = 3) -> Plan:
    """A whole plan: goals with indicators, tasks linked to goals, units and events."""
    start_year = draw(st.integers(2000, 2035))
    end_year = start_year + draw(st.integers(0, 10))
    goal_list = [
        draw(goals(code=str(i + 1), start_year=start_year, end_year=end_year))
        for i in range(draw(st.integers(1, max_goals)))
    ]
    unit_list = [draw(responsible_units(code=f"u{i}")) for i in range(draw(st.integers(0, 3)))]
    event_list = [draw(recurring_events(code=f"e{i}")) for i in range(draw(st.integers(0, 2)))]
    task_list = [
        draw(
            tasks(
                code=f"t{i}",
                goal_codes=tuple(g.code for g in goal_list),
                unit_codes=tuple(u.code for u in unit_list),
                event_codes=tuple(e.code for e in event_list),
            )
        )
        for i in range(draw(st.integers(0, 4)))
    ]
    bases = [draw(document_references(code=f"d{i}")) for i in range(draw(st.integers(0, 2)))]
    references = [draw(document_references(code=f"r{i}")) for i in range(draw(st.integers(0, 1)))]
    return Plan(
        code=draw(_codes()),
        title=draw(localized_texts()),
        issuer=draw(localized_texts()),
        place=draw(localized_texts()),
        start_year=start_year,
        end_year=end_year,
        date=draw(partial_dates(min_year=start_year - 1, max_year=start_year)),
        number=draw(st.none() | st.from_regex(r"\A[0-9]{1,3}/KH-UBND\Z")),
        base_year=draw(st.none() | st.integers(start_year - 5, end_year)),
        general_objective=draw(st.none() | localized_texts()),
        legal_bases=bases,
        references=references,
        parent=draw(st.none() | st.sampled_from([d.code for d in bases])) if bases else None,
        goals=goal_list,
        tasks=task_list,
        units=unit_list,
        funding=[draw(funding_sources(code=f"f{i}")) for i in range(draw(st.integers(0, 2)))],
        events=event_list,
        signatory=draw(st.none() | signatories()),
        recipients=draw(st.lists(localized_texts(), max_size=3)),
    )


STRATEGIES: dict[type, Callable[[], st.SearchStrategy[Any]]] = {
    Baseline: baselines,
    DayOfYear: day_of_years,
    DocumentReference: document_references,
    FundingSource: funding_sources,
    Goal: goals,
    Indicator: indicators,
    Limits: limits,
    LocalizedText: localized_texts,
    Measurement: measurements,
    PartialDate: partial_dates,
    Period: periods,
    Plan: plans,
    RecurringEvent: recurring_events,
    ResponsibleUnit: responsible_units,
    Signatory: signatories,
    Subsection: subsections,
    Target: targets,
    Task: tasks,
}
"""The strategy for each public model class, for generic tests (round trips, reprs)."""
