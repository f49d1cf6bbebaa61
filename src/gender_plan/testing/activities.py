"""Strategies for the record of activities: participants and activities, free or for a plan."""

from __future__ import annotations

import datetime

from gender_plan.errors import MissingDependencyError

try:
    from hypothesis import strategies as st
except ImportError:
    raise MissingDependencyError("hypothesis", "testing", "gender_plan.testing") from None

from gender_plan.model import Period, Plan
from gender_plan.model.activity import Activity, Participants
from gender_plan.testing._memo import maybe, shared
from gender_plan.testing.values import _WORD, _codes, periods

__all__ = ["activities", "participants"]

_PEOPLE = maybe(st.integers(0, 5000))


@shared
@st.composite
def participants(draw: st.DrawFn) -> Participants:
    """Participants counted by sex, in total, both (a total at least women and men), or not."""
    female, male = draw(_PEOPLE), draw(_PEOPLE)
    least = (female or 0) + (male or 0)
    total = draw(maybe(st.integers(least, least + 500)))
    return Participants(female=female, male=male, total=total)


_TEXT = st.lists(_WORD, min_size=1, max_size=8).map(" ".join)


@shared
@st.composite
def activities(draw: st.DrawFn, *, plan: Plan | None = None) -> Activity:
    """Activities; with `plan`, for its tasks, units, duties, events and funding, in its years."""
    if plan is None:
        unit, task, funding, event = (draw(_codes("u")), draw(maybe(_codes("t"))),
                                      draw(maybe(_codes("f"))), draw(maybe(_codes("e"))))
        duty = draw(maybe(st.integers(1, 9))) if task is not None else draw(
            st.integers(1, 9))
        start = draw(periods())
    else:
        chosen = draw(st.sampled_from(plan.units))
        unit = chosen.code
        task = draw(maybe(st.sampled_from([t.code for t in plan.tasks]))) if plan.tasks \
            else None
        duties = len(chosen.duties)
        if task is None and duties == 0:
            task = draw(st.sampled_from([t.code for t in plan.tasks]))
        duty = None if duties == 0 else draw(
            st.integers(1, duties) if task is None else maybe(st.integers(1, duties)))
        funding = draw(maybe(st.sampled_from([f.code for f in plan.funding]))) \
            if plan.funding else None
        event = draw(maybe(st.sampled_from([e.code for e in plan.events]))) \
            if plan.events else None
        start = draw(periods(min_year=plan.start_year, max_year=plan.end_year))
    end = None
    if draw(st.booleans()):
        days = draw(st.integers(0, 60))
        last = min(start.end + datetime.timedelta(days=days), datetime.date(start.year, 12, 31))
        end = Period.from_date(last)
    return Activity(
        unit=unit, task=task, duty=duty, event=event, funding=funding, start=start, end=end,
        description=draw(_TEXT), completed=draw(st.booleans()), participants=draw(participants()),
        documents=tuple(draw(st.lists(_TEXT.map(lambda t: t.replace(";", " ")), max_size=2))),
        cost=draw(maybe(st.integers(0, 10**9))), note=draw(maybe(_TEXT)),
    )
