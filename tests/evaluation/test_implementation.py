"""Task implementation status and the calendar check, derived from the record of activities."""

from __future__ import annotations

import datetime

import laikhe_2026_2030
import pytest
from hypothesis import given
from hypothesis import strategies as st

from gender_plan import (
    Activity,
    ImplementationStatus,
    Participants,
    Period,
    ValidationError,
    calendar_gaps,
    check_activities,
    task_progress,
)
from gender_plan.implementation import duty_progress, held_at
from gender_plan.testing import activities

PLAN = laikhe_2026_2030.build_plan()
EVENTS = {e.code: e for e in PLAN.events}


def _activity(task: str | None = "II.2.3.2", start: str = "2026-11-20", end: str | None = None,
              **changes: object) -> Activity:
    fields: dict[str, object] = {"unit": "culture-society-office", "description": "Mít tinh",
                                 "task": task, "start": Period.parse(start),
                                 "end": None if end is None else Period.parse(end)}
    fields.update(changes)
    return Activity(**fields)  # type: ignore[arg-type]


def _status(record: list[Activity], task: str, year: int = 2026) -> ImplementationStatus:
    return next(p for p in task_progress(PLAN, record, year) if p.task == task).status


def test_a_task_without_activities_has_not_started() -> None:
    assert ImplementationStatus.NOT_STARTED == _status([], "II.1.1")
    assert ImplementationStatus.NOT_STARTED == _status([_activity(start="2027-03")], "II.2.3.2")


def test_a_task_with_activities_is_in_progress_until_one_reports_it_done() -> None:
    record = [_activity(task="II.2.4.3", start="2026-Q2")]
    assert ImplementationStatus.IN_PROGRESS == _status(record, "II.2.4.3")
    record.append(_activity(task="II.2.4.3", start="2026-10", completed=True))
    assert ImplementationStatus.DONE == _status(record, "II.2.4.3")


def test_a_task_carried_out_at_events_is_held_when_every_event_had_an_activity() -> None:
    # II.2.3.1 is carried out on 20/3, 28/6 and 25/11
    record = [_activity(task="II.2.3.1", start="2026-03-20"),
              _activity(task="II.2.3.1", start="2026-06-28")]
    (progress,) = [p for p in task_progress(PLAN, record, 2026) if p.task == "II.2.3.1"]
    assert ImplementationStatus.IN_PROGRESS == progress.status
    assert ("day-against-violence-against-women",) == progress.missing_events
    record.append(_activity(task="II.2.3.1", start="2026-11"))  # November holds 25/11
    assert ImplementationStatus.EVENT_HELD == _status(record, "II.2.3.1")


def test_an_entry_for_a_whole_quarter_does_not_count_as_held_on_one_day() -> None:
    day = EVENTS["day-against-violence-against-women"]
    assert not held_at(PLAN, _activity(task="II.2.3.1", start="2026-Q4"), day, 2026)
    assert held_at(PLAN, _activity(task="II.2.3.1", start="2026-11-25"), day, 2026)
    # an activity that names no event and serves a task not held at it does not count
    assert not held_at(PLAN, _activity(task="II.1.1", start="2026-11-25"), day, 2026)
    assert held_at(PLAN, _activity(task="II.1.1", start="2026-11-25",
                                   event="day-against-violence-against-women"), day, 2026)


def test_a_year_whose_action_month_has_no_entry_is_reported() -> None:
    record = [_activity(start="2026-11-15", end="2026-12-15")]
    gaps = calendar_gaps(PLAN, record, [2026, 2027])
    months = [g for g in gaps if g.event == "action-month"]
    assert [2027] == [g.year for g in months]
    assert (datetime.date(2027, 11, 15), datetime.date(2027, 12, 15)) == (
        months[0].first_day, months[0].last_day)
    problem = months[0].problem(PLAN)
    assert "Tháng hành động vì bình đẳng giới" in problem.message
    assert "(15/11-15/12) of 2027" in problem.message


@given(record=st.lists(activities(plan=PLAN), max_size=8), year=st.integers(2026, 2030))
def test_status_follows_the_rule(record: list[Activity], year: int) -> None:
    for progress in task_progress(PLAN, record, year):
        mine = [a for a in record if a.task == progress.task
                and a.first_day.year <= year <= a.last_day.year]
        assert tuple(mine) == progress.activities
        if not mine:
            assert ImplementationStatus.NOT_STARTED == progress.status
        elif any(a.completed for a in mine):
            assert ImplementationStatus.DONE == progress.status
        else:
            task = next(t for t in PLAN.tasks if t.code == progress.task)
            held = bool(task.events) and not progress.missing_events
            assert (ImplementationStatus.EVENT_HELD if held
                    else ImplementationStatus.IN_PROGRESS) == progress.status


@given(record=st.lists(activities(plan=PLAN), max_size=8), year=st.integers(2026, 2030))
def test_every_duty_is_judged_by_its_own_activities(record: list[Activity], year: int) -> None:
    found = duty_progress(PLAN, record, year)
    assert [(u.code, n) for u in PLAN.units for n in range(1, len(u.duties) + 1)] == [
        (d.unit, d.duty) for d in found]
    for progress in found:
        mine = tuple(a for a in record if (a.unit, a.duty) == (progress.unit, progress.duty)
                     and a.first_day.year <= year <= a.last_day.year)
        assert mine == progress.activities
        expected = (ImplementationStatus.NOT_STARTED if not mine
                    else ImplementationStatus.DONE if any(a.completed for a in mine)
                    else ImplementationStatus.IN_PROGRESS)
        assert expected == progress.status


@given(record=st.lists(activities(plan=PLAN), max_size=8), year=st.integers(2026, 2030))
def test_a_gap_is_exactly_an_event_no_activity_was_held_at(record: list[Activity],
                                                           year: int) -> None:
    gaps = {g.event for g in calendar_gaps(PLAN, record, [year])}
    for event in PLAN.events:
        held = any(held_at(PLAN, a, event, year) for a in record)
        assert held == (event.code not in gaps)


@given(record=st.lists(activities(plan=PLAN), max_size=5))
def test_activities_made_for_the_plan_fit_it(record: list[Activity]) -> None:
    assert [] == check_activities(PLAN, record)


def test_activities_check_their_own_fields() -> None:
    with pytest.raises(ValidationError) as caught:
        Activity(unit="schools", description=" ", start=Period(year=2026),
                 end=Period(year=2025), cost=-1)
    paths = sorted(p.path for p in caught.value.problems)
    assert ["cost", "description", "end", "task"] == paths
    with pytest.raises(ValidationError, match="below women and men together"):
        Participants(female=3, male=4, total=5)
    assert 7 == Participants(female=3, male=4).count
    assert Participants().count is None
