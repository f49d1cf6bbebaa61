"""Strategies for goals, tasks, units and whole plans, and the table of every class's strategy.

The value-level strategies are in `gender_plan.testing.values`, the indicator-level ones in
`gender_plan.testing.measures`; all are re-exported from `gender_plan.testing`.
"""

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
    DayOfYear,
    Direction,
    DocumentKind,
    DocumentReference,
    Field,
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
    Role,
    ShareOfPlaces,
    Signatory,
    Subsection,
    Target,
    Task,
    TaskLink,
)
from gender_plan.model.activity import Activity, Participants
from gender_plan.testing._memo import maybe, shared
from gender_plan.testing.measures import (
    _with,
    baselines,
    indicators,
    measurements,
    shares_of_places,
    targets,
)
from gender_plan.testing.values import (
    _WORD,
    _codes,
    day_of_years,
    limits,
    localized_texts,
    partial_dates,
    periods,
)
from gender_plan.units import YES_NO

__all__ = [
    "STRATEGIES",
    "document_references",
    "funding_sources",
    "goals",
    "plans",
    "recurring_events",
    "responsible_units",
    "signatories",
    "subsections",
    "task_links",
    "tasks",
]


@shared
def subsections() -> st.SearchStrategy[Subsection]:
    """Lettered subsections of a goal."""
    return st.builds(Subsection, code=st.sampled_from("abcdef"), title=localized_texts())


@shared
def every_form(
    *, code: str | None = None, start_year: int = 2021, end_year: int = 2030
) -> st.SearchStrategy[Indicator]:
    """Indicators of every form a plan file holds.

    Higher or lower is better, levels to stay near with their bands, yes/no facts held from a
    year on, and shares of the places below that meet a condition.
    """
    return st.one_of(
        indicators(code=code, start_year=start_year, end_year=end_year),
        indicators(code=code, start_year=start_year, end_year=end_year,
                   direction=Direction.TOWARD_REFERENCE),
        indicators(code=code, start_year=start_year, end_year=end_year, unit=YES_NO,
                   held_facts=True),
        st.builds(_with_share, indicators(code=code, start_year=start_year, end_year=end_year,
                                          unit="percent"), shares_of_places()),
    )


def _with_share(indicator: Indicator, share: ShareOfPlaces) -> Indicator:
    """`indicator` as a share of places (looking at another indicator than itself)."""
    if share.indicator == indicator.code:
        share = _with(share, indicator=None)
    result: Indicator = _with(indicator, share_of_places=share)
    return result


@shared
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
        indicator = draw(every_form(code=f"{goal_code}.{index + 1}", start_year=start_year,
                                    end_year=end_year))
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
        tasks_heading=draw(maybe(localized_texts())),
    )


@shared
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


@shared
def recurring_events(*, code: str | None = None) -> st.SearchStrategy[RecurringEvent]:
    """Yearly single days and spans."""
    return st.builds(
        RecurringEvent,
        code=st.just(code) if code is not None else _codes("e"),
        name=localized_texts(),
        start=day_of_years(),
        end=maybe(day_of_years()),
    )


@shared
def funding_sources(*, code: str | None = None) -> st.SearchStrategy[FundingSource]:
    """Funding sources with a description."""
    return st.builds(
        FundingSource,
        code=st.just(code) if code is not None else _codes("f"),
        description=localized_texts(),
    )


@shared
def document_references(*, code: str | None = None) -> st.SearchStrategy[DocumentReference]:
    """References to resolutions, letters, plans…, numbered or not, dated or not."""
    return st.builds(
        DocumentReference,
        code=st.just(code) if code is not None else _codes("d"),
        kind=st.sampled_from(DocumentKind),
        issuer=localized_texts(),
        number=maybe(st.from_regex(r"\A[0-9]{1,4}/[A-ZĐ\-]{2,10}\Z")),
        date=maybe(partial_dates(min_year=1990, max_year=2030)),
        title=maybe(localized_texts()),
        note=maybe(localized_texts()),
    )


@shared
def signatories() -> st.SearchStrategy[Signatory]:
    """Signatories with a title and the lines of authority above it."""
    return st.builds(
        Signatory,
        name=st.lists(_WORD, min_size=1, max_size=4).map(" ".join),
        title=localized_texts(),
        authority=st.lists(localized_texts(), max_size=2),
    )


@shared
def task_links(*, unit: str | None = None) -> st.SearchStrategy[TaskLink]:
    """Links to a unit: with a role and its evidence, or with evidence only, or bare."""
    units = st.just(unit) if unit is not None else _codes("u")
    with_role = st.builds(TaskLink, unit=units, role=st.sampled_from(Role),
                          evidence=localized_texts(), where=maybe(_codes("IV.")))
    without = st.builds(TaskLink, unit=units, evidence=maybe(localized_texts()),
                        where=maybe(_codes("II.")))
    return with_role | without


@shared
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
        goal=draw(maybe(st.sampled_from(goal_codes))) if goal_codes else None,
        links=[draw(task_links(unit=unit)) for unit in some(unit_codes)],
        events=some(event_codes),
    )


@shared
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
    number = draw(maybe(st.from_regex(r"\A[0-9]{1,3}/KH-UBND\Z")))
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
        number=number,
        number_suffix=draw(maybe(st.just("/KH-UBND"))),
        preamble=draw(st.lists(localized_texts(), max_size=2)),
        introduction=draw(maybe(localized_texts())),
        base_year=draw(maybe(st.integers(start_year - 5, end_year))),
        general_objective=draw(maybe(localized_texts())),
        legal_bases=bases,
        references=references,
        parent=draw(maybe(st.sampled_from([d.code for d in bases]))) if bases else None,
        goals=goal_list,
        tasks=task_list,
        units=unit_list,
        funding=[draw(funding_sources(code=f"f{i}")) for i in range(draw(st.integers(0, 2)))],
        events=event_list,
        closing=draw(maybe(localized_texts())),
        contact=draw(maybe(st.sampled_from([u.code for u in unit_list])))
        if unit_list else None,
        signatory=draw(maybe(signatories())),
        recipients=draw(st.lists(localized_texts(), max_size=3)),
    )


from gender_plan.testing.activities import activities, participants  # noqa: E402

STRATEGIES: dict[type, Callable[[], st.SearchStrategy[Any]]] = {
    Activity: activities,
    Baseline: baselines,
    DayOfYear: day_of_years,
    DocumentReference: document_references,
    FundingSource: funding_sources,
    Goal: goals,
    Indicator: every_form,
    Limits: limits,
    LocalizedText: localized_texts,
    Measurement: measurements,
    Participants: participants,
    PartialDate: partial_dates,
    Period: periods,
    Plan: plans,
    RecurringEvent: recurring_events,
    ResponsibleUnit: responsible_units,
    ShareOfPlaces: shares_of_places,
    Signatory: signatories,
    Subsection: subsections,
    Target: targets,
    Task: tasks,
    TaskLink: task_links,
}
"""The strategy for each public model class, for generic tests (round trips, reprs)."""
