"""The record of what was done: activities carried out for the plan's tasks and units' duties.

The plan's section IV asks every unit to carry out its duties and the culture-society office to
collect what was done and report it (báo cáo kết quả). One `Activity` is one entry of that record.
"""

from __future__ import annotations

import datetime

import attrs

from gender_plan._i18n import msg
from gender_plan.model._checks import Checker, to_tuple
from gender_plan.model.period import Period

__all__ = ["Activity", "Participants"]


@attrs.frozen(kw_only=True)
class Participants:
    """How many people took part, by sex where the unit counted them."""

    female: int | None = None
    male: int | None = None
    total: int | None = None
    """Everyone, when not counted by sex (or more than women and men, when some were not)."""

    def __attrs_post_init__(self) -> None:
        check = Checker("participants")
        for name in ("female", "male", "total"):
            value = getattr(self, name)
            if value is not None:
                check.require(isinstance(value, int) and not isinstance(value, bool)
                              and value >= 0, name,
                              msg("expected a whole number of people, 0 or more, found "
                                  "{value!r}", value=value))
        check.done()
        if self.total is not None and self.female is not None and self.male is not None:
            check.require(self.total >= self.female + self.male, "total",
                          msg("the total ({total}) is below women and men together ({female} "
                              "+ {male})", total=self.total, female=self.female, male=self.male))
            check.done()

    @property
    def count(self) -> int | None:
        """Everyone who took part: the total, else women and men added; None when not counted."""
        if self.total is not None:
            return self.total
        if self.female is None and self.male is None:
            return None
        return (self.female or 0) + (self.male or 0)


@attrs.frozen(kw_only=True)
class Activity:
    """One entry of the record: what a unit did, when, for which task or duty, at what cost."""

    unit: str
    """The code of the responsible unit that carried it out."""
    description: str
    """What was done, in the unit's words."""
    start: Period
    """The day, month, quarter or year it was done, or the first of several."""
    end: Period | None = None
    """The last period, for an activity that spans several; None when `start` covers it."""
    task: str | None = None
    """The code of the plan's task it serves; None when it serves only a duty."""
    duty: int | None = None
    """The 1-based number of the `unit`'s duty in the plan's section IV that it serves."""
    event: str | None = None
    """The code of the recurring event it was held at (the Action Month), if any."""
    completed: bool = False
    """Whether the unit reports the task done with this activity (hoàn thành)."""
    participants: Participants = attrs.field(factory=Participants)
    documents: tuple[str, ...] = attrs.field(default=(), converter=to_tuple)
    """The documents issued for it ("Kế hoạch số 12/KH-UBND"), as written."""
    cost: float | None = None
    """What it cost, in đồng; None when not recorded."""
    funding: str | None = None
    """The code of the plan's funding source that paid for it."""
    note: str | None = None

    def __attrs_post_init__(self) -> None:
        check = Checker("activity")
        check.code(self.unit, "unit")
        check.require(isinstance(self.description, str) and bool(self.description.strip()),
                      "description", msg("expected what was done, found {value!r}",
                                         value=self.description))
        check.instance(self.start, Period, "start", msg("a period"))
        if self.end is not None and check.instance(self.end, Period, "end", msg("a period")):
            check.require(isinstance(self.start, Period) and self.end.end >= self.start.start,
                          "end", msg("the activity ends ({end}) before it starts ({start})",
                                     end=self.end, start=self.start))
        for name in ("task", "event", "funding"):
            if getattr(self, name) is not None:
                check.code(getattr(self, name), name)
        if self.duty is not None:
            check.require(isinstance(self.duty, int) and not isinstance(self.duty, bool)
                          and self.duty >= 1, "duty",
                          msg("expected a duty's number, 1 or more, found {value!r}",
                              value=self.duty))
        check.require(self.task is not None or self.duty is not None, "task",
                      msg("an activity serves a task or a unit's duty: name one of them"))
        check.instance(self.completed, bool, "completed", msg("true or false"))
        check.instance(self.participants, Participants, "participants", msg("participants"))
        check.items(self.documents, str, "documents", msg("texts"))
        if self.cost is not None and check.number(self.cost, "cost"):
            check.require(self.cost >= 0, "cost", msg("expected 0 or more, found {value!r}",
                                                      value=self.cost))
        check.done()

    @property
    def first_day(self) -> datetime.date:
        """The first day the activity may have taken place."""
        return self.start.start

    @property
    def last_day(self) -> datetime.date:
        """The last day the activity may have taken place."""
        return (self.end or self.start).end
