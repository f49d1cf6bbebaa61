"""How far the plan's tasks were carried out, judged from the record of activities.

The plan lists tasks (section II) and the units' duties (section IV) but says nothing about how
to tell a task's state: the four states here, and the rule that derives them, are the
library's, stated in `task_progress`. The calendar (the Action Month 15/11-15/12, 20/3, 28/6,
25/11) is the plan's own (section II.1.3, II.2.3.1-2).
"""

from __future__ import annotations

import datetime
import enum
from collections.abc import Iterable, Sequence

import attrs

from gender_plan._i18n import msg
from gender_plan.errors import Problem
from gender_plan.model.activity import Activity
from gender_plan.model.events import RecurringEvent
from gender_plan.model.plan import Plan
from gender_plan.model.task import Task
from gender_plan.model.text import Language, LocalizedText

__all__ = [
    "CalendarGap",
    "DutyProgress",
    "ImplementationStatus",
    "TaskProgress",
    "calendar_gaps",
    "check_activities",
    "duty_progress",
    "held_at",
    "task_progress",
]

_SLACK_DAYS = 31
"""How much longer than its event an entry may last and still count as held at it: an entry for
"November" counts for 25/11, one for the fourth quarter does not."""


class ImplementationStatus(enum.Enum):
    """Where a task stands in one period, by the record of activities."""

    NOT_STARTED = "not_started"
    """No activity recorded for the task in the period."""
    IN_PROGRESS = "in_progress"
    """Activities recorded, none reporting the task done."""
    DONE = "done"
    """An activity reports the task done (hoàn thành) in the period."""
    EVENT_HELD = "event_held"
    """A task carried out at recurring events: every one of its events was held in the year."""

    def text(self, language: Language = "vi") -> str:
        """The state's name in `language`."""
        return _LABELS[self].get(language)


_LABELS = {
    ImplementationStatus.NOT_STARTED: LocalizedText(vi="Chưa triển khai", en="Not started"),
    ImplementationStatus.IN_PROGRESS: LocalizedText(vi="Đang triển khai", en="In progress"),
    ImplementationStatus.DONE: LocalizedText(vi="Hoàn thành", en="Done"),
    ImplementationStatus.EVENT_HELD: LocalizedText(vi="Đã tổ chức sự kiện hằng năm",
                                                   en="Recurring event held"),
}


@attrs.frozen(kw_only=True)
class TaskProgress:
    """One task's state in one year, with the activities it was judged from."""

    task: str
    year: int
    status: ImplementationStatus
    activities: tuple[Activity, ...] = ()
    missing_events: tuple[str, ...] = ()
    """For a task carried out at events: the codes of its events not held that year."""


@attrs.frozen(kw_only=True)
class DutyProgress:
    """One unit's duty (section IV) in one year, with the activities recorded for it."""

    unit: str
    duty: int
    """The duty's 1-based number among the unit's duties."""
    year: int
    status: ImplementationStatus
    """NOT_STARTED, IN_PROGRESS or DONE, by the same rule as a task's (duties have no events)."""
    activities: tuple[Activity, ...] = ()


@attrs.frozen(kw_only=True)
class CalendarGap:
    """A year in which one of the plan's recurring events has no activity recorded."""

    event: str
    year: int
    first_day: datetime.date
    last_day: datetime.date

    def problem(self, plan: Plan, language: Language = "vi") -> Problem:
        """The gap as a problem to report, naming the event and its days."""
        event = next(e for e in plan.events if e.code == self.event)
        days = (f"{self.first_day:%d/%m}" if self.first_day == self.last_day
                else f"{self.first_day:%d/%m}-{self.last_day:%d/%m}")
        return Problem(
            path=f"activities (events: {self.event})",
            message=msg("no activity is recorded for {event} ({days}) of {year}",
                        event=event.name.get(language), days=days, year=self.year),
            hint=msg("record what was done then, with the event column set to {code!r}, or "
                     "with a task the plan carries out at it", code=self.event))


def _overlaps(activity: Activity, first: datetime.date, last: datetime.date) -> bool:
    long = (activity.last_day - activity.first_day).days > (last - first).days + _SLACK_DAYS
    return not long and activity.first_day <= last and activity.last_day >= first


def held_at(plan: Plan, activity: Activity, event: RecurringEvent, year: int) -> bool:
    """Whether `activity` counts as held at `event` in `year`.

    It must name the event, or serve a task the plan carries out at it, and its days must
    overlap the event's without lasting more than a month longer.
    """
    tasks = {task.code: task for task in plan.tasks}
    task = tasks.get(activity.task) if activity.task is not None else None
    named = activity.event == event.code or (task is not None and event.code in task.events)
    return named and _overlaps(activity, *event.dates(year))


def _in_year(activity: Activity, year: int) -> bool:
    return activity.first_day.year <= year <= activity.last_day.year


def task_progress(plan: Plan, activities: Iterable[Activity],
                  year: int) -> tuple[TaskProgress, ...]:
    """Every task's state in `year`, in the plan's order.

    The rule: no activity in the year is NOT_STARTED; an activity marked completed makes it
    DONE; a task the plan carries out at recurring events whose every event was held that year
    is EVENT_HELD; any other recorded activity is IN_PROGRESS.
    """
    entries = tuple(activities)
    events = {event.code: event for event in plan.events}
    found = []
    for task in plan.tasks:
        mine = tuple(a for a in entries if a.task == task.code and _in_year(a, year))
        missing = tuple(
            code for code in task.events
            if code in events and not any(held_at(plan, a, events[code], year) for a in mine)
        )
        found.append(TaskProgress(task=task.code, year=year, status=_status(task, mine, missing),
                                  activities=mine, missing_events=missing))
    return tuple(found)


def duty_progress(plan: Plan, activities: Iterable[Activity],
                  year: int) -> tuple[DutyProgress, ...]:
    """Every unit's every duty in `year`, in the plan's order, by the rule of `task_progress`."""
    entries = tuple(activities)
    found = []
    for unit in plan.units:
        for number in range(1, len(unit.duties) + 1):
            mine = tuple(a for a in entries if a.unit == unit.code and a.duty == number
                         and _in_year(a, year))
            status = (ImplementationStatus.NOT_STARTED if not mine
                      else ImplementationStatus.DONE if any(a.completed for a in mine)
                      else ImplementationStatus.IN_PROGRESS)
            found.append(DutyProgress(unit=unit.code, duty=number, year=year, status=status,
                                      activities=mine))
    return tuple(found)


def _status(task: Task, mine: Sequence[Activity], missing: Sequence[str]) -> ImplementationStatus:
    if not mine:
        return ImplementationStatus.NOT_STARTED
    if any(a.completed for a in mine):
        return ImplementationStatus.DONE
    if task.events and not missing:
        return ImplementationStatus.EVENT_HELD
    return ImplementationStatus.IN_PROGRESS


def calendar_gaps(plan: Plan, activities: Iterable[Activity],
                  years: Iterable[int]) -> tuple[CalendarGap, ...]:
    """Every (event, year) of `years` whose event, once over, has no activity held at it."""
    entries = tuple(activities)
    gaps = []
    for year in years:
        for event in plan.events:
            first, last = event.dates(year)
            if not any(held_at(plan, a, event, year) for a in entries):
                gaps.append(CalendarGap(event=event.code, year=year, first_day=first,
                                        last_day=last))
    return tuple(gaps)


def check_activities(plan: Plan, activities: Sequence[Activity]) -> list[Problem]:
    """The problems of a record against its plan: unknown codes, duties the unit does not have.

    Each problem's path is ``activities[i].field``, so a reader can pin it to its cell.
    """
    tasks = {task.code for task in plan.tasks}
    units = {unit.code: unit for unit in plan.units}
    funding = {source.code for source in plan.funding}
    events = {event.code for event in plan.events}
    problems = []

    def unknown(index: int, name: str, value: str, known: Iterable[str], what: str) -> None:
        words = _WHAT[what]
        problems.append(Problem(path=f"activities[{index}].{name}",
                                message=msg("the plan has no {what} {value!r}", what=words,
                                            value=value),
                                hint=msg("the plan's {what} codes: {codes}", what=words,
                                         codes=", ".join(sorted(known)))))

    for index, activity in enumerate(activities):
        if activity.task is not None and activity.task not in tasks:
            unknown(index, "task", activity.task, tasks, "task")
        unit = units.get(activity.unit)
        if unit is None:
            unknown(index, "unit", activity.unit, units, "unit")
        elif activity.duty is not None and activity.duty > len(unit.duties):
            problems.append(Problem(
                path=f"activities[{index}].duty",
                message=msg("{unit} has {count} duties in the plan, not {duty}",
                            unit=unit.name.get("vi"), count=len(unit.duties), duty=activity.duty),
                hint=msg("number the unit's duties as section IV lists them, from 1")))
        if activity.funding is not None and activity.funding not in funding:
            unknown(index, "funding", activity.funding, funding, "funding source")
        if activity.event is not None and activity.event not in events:
            unknown(index, "event", activity.event, events, "event")
        for name in ("start", "end"):
            period = getattr(activity, name)
            if period is not None and not plan.start_year - 1 <= period.year <= plan.end_year:
                problems.append(Problem(
                    path=f"activities[{index}].{name}",
                    message=msg("{period} lies outside the plan's years ({first}-{last})",
                                period=period, first=plan.start_year, last=plan.end_year),
                    hint=msg("record only what was done for this plan")))
    return problems


_WHAT = {"task": msg("task"), "unit": msg("unit"), "funding source": msg("funding source"),
         "event": msg("event")}
"""The kinds of code a record names, in words."""
