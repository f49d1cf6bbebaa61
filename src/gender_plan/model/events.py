"""The plan's calendar: events that come back every year."""

from __future__ import annotations

import datetime

import attrs

from gender_plan._i18n import msg
from gender_plan.model._checks import Checker
from gender_plan.model.text import LocalizedText

__all__ = ["DayOfYear", "RecurringEvent"]


@attrs.frozen(kw_only=True)
class DayOfYear:
    """A day that comes back every year, such as 25 November."""

    month: int
    day: int

    def __attrs_post_init__(self) -> None:
        check = Checker("day of year")
        ok = all(
            isinstance(v, int) and not isinstance(v, bool) for v in (self.month, self.day)
        )
        if ok:
            try:
                datetime.date(2024, self.month, self.day)  # a leap year admits 29 February
            except ValueError:
                ok = False
        check.require(ok, "", msg("expected a day of the year, found month {month!r} day "
                                  "{day!r}", month=self.month, day=self.day))
        check.done()

    def in_year(self, year: int) -> datetime.date:
        """Return the date in `year` (29 February falls back to the 28th)."""
        try:
            return datetime.date(year, self.month, self.day)
        except ValueError:
            return datetime.date(year, self.month, self.day - 1)

    def __str__(self) -> str:
        return f"{self.day:02d}/{self.month:02d}"


@attrs.frozen(kw_only=True)
class RecurringEvent:
    """A yearly event the plan's tasks are carried out at.

    A single day, or a span such as the Action Month (15 November to 15 December).
    """

    code: str
    name: LocalizedText
    start: DayOfYear
    end: DayOfYear | None = None
    """The last day, for an event that spans several days; None for a single day."""

    def __attrs_post_init__(self) -> None:
        check = Checker(f"event {self.code!r}")
        check.code(self.code, "code")
        check.instance(self.name, LocalizedText, "name", msg("a localized text"))
        check.instance(self.start, DayOfYear, "start", msg("a day of the year"))
        if self.end is not None:
            check.instance(self.end, DayOfYear, "end", msg("a day of the year"))
        check.done()

    def dates(self, year: int) -> tuple[datetime.date, datetime.date]:
        """Return the first and last day of the event's occurrence that starts in `year`."""
        first = self.start.in_year(year)
        if self.end is None:
            return first, first
        last = self.end.in_year(year)
        if last < first:  # a span across New Year ends in the next year
            last = self.end.in_year(year + 1)
        return first, last
