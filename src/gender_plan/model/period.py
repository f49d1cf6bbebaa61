"""Periods of time that measurements describe: a year, a quarter, a month or a single day."""

from __future__ import annotations

import calendar
import datetime
import enum
import re

import attrs

from gender_plan._i18n import msg
from gender_plan.model._checks import Checker

__all__ = ["Frequency", "PartialDate", "Period"]


class Frequency(enum.Enum):
    """How long a period lasts; also how often a hold-every-period target is checked."""

    YEAR = "year"
    QUARTER = "quarter"
    MONTH = "month"
    DAY = "day"


_PERIOD = re.compile(r"^([0-9]{4})(?:-Q([1-4])|-([0-9]{2})(?:-([0-9]{2}))?)?$")


@attrs.frozen(kw_only=True)
class Period:
    """A calendar year, quarter, month or day.

    Written ``2025``, ``2025-Q3``, ``2025-07`` or ``2025-07-14`` in files.
    """

    year: int
    quarter: int | None = None
    """1-4 for a quarter; otherwise None."""
    month: int | None = None
    """1-12 for a month or a day; otherwise None."""
    day: int | None = None
    """The day of the month for a single day; otherwise None."""

    def __attrs_post_init__(self) -> None:
        check = Checker("period")
        check.year(self.year, "year")
        # Messages are built only for a problem found: every measurement makes a period.
        if self.quarter is not None:
            if self.month is not None or self.day is not None:
                check.add("quarter", msg("a period is a quarter or a month, not both"))
            if self.quarter not in (1, 2, 3, 4) or isinstance(self.quarter, bool):
                check.add("quarter", msg("expected a quarter from 1 to 4, found {value!r}",
                                         value=self.quarter))
        _check_month_and_day(check, self.year, self.month, self.day)

    @classmethod
    def parse(cls, text: str) -> Period:
        """Read ``2025``, ``2025-Q3``, ``2025-07`` or ``2025-07-14``."""
        match = _PERIOD.match(text.strip()) if isinstance(text, str) else None
        if match is None:
            Checker("period").fail(
                "",
                msg("expected a period such as 2025, 2025-Q3, 2025-07 or 2025-07-14, found "
                    "{text!r}", text=text),
            )
        year, quarter, month, day = match.groups()
        return cls(
            year=int(year),
            quarter=int(quarter) if quarter else None,
            month=int(month) if month else None,
            day=int(day) if day else None,
        )

    @classmethod
    def from_date(cls, date: datetime.date) -> Period:
        """Return the single-day period of `date`."""
        return cls(year=date.year, month=date.month, day=date.day)

    @property
    def frequency(self) -> Frequency:
        """How long this period lasts."""
        if self.day is not None:
            return Frequency.DAY
        if self.month is not None:
            return Frequency.MONTH
        if self.quarter is not None:
            return Frequency.QUARTER
        return Frequency.YEAR

    @property
    def start(self) -> datetime.date:
        """The first day of the period."""
        if self.quarter is not None:
            return datetime.date(self.year, 3 * self.quarter - 2, 1)
        return datetime.date(self.year, self.month or 1, self.day or 1)

    @property
    def end(self) -> datetime.date:
        """The last day of the period."""
        if self.day is not None:
            return self.start
        last_month = 3 * self.quarter if self.quarter is not None else self.month or 12
        return datetime.date(
            self.year, last_month, calendar.monthrange(self.year, last_month)[1]
        )

    @property
    def time(self) -> float:
        """The period's start as a decimal year, the methods' time axis.

        A quarter or a month counts in equal steps (2025-Q3 is 2025.5, 2025-07 is 2025.5) so that
        shifting every period by whole years shifts every time by the same amount.
        """
        if self.quarter is not None:
            return self.year + (self.quarter - 1) / 4
        if self.month is None:
            return float(self.year)
        if self.day is None:
            return self.year + (self.month - 1) / 12
        length = 366 if calendar.isleap(self.year) else 365
        return self.year + (self.start.timetuple().tm_yday - 1) / length

    def __str__(self) -> str:
        if self.quarter is not None:
            return f"{self.year}-Q{self.quarter}"
        if self.day is not None:
            return f"{self.year}-{self.month:02d}-{self.day:02d}"
        if self.month is not None:
            return f"{self.year}-{self.month:02d}"
        return str(self.year)


def _check_month_and_day(check: Checker, year: int, month: int | None, day: int | None) -> None:
    """Check the month and day of a period or a date, then raise if anything is wrong."""
    if month is not None and not (
        isinstance(month, int) and not isinstance(month, bool) and 1 <= month <= 12
    ):
        check.add("month", msg("expected a month from 1 to 12, found {value!r}", value=month))
    if day is not None and month is None:
        check.add("day", msg("a day needs a month"))
    check.done()
    if day is None or month is None:
        return
    last = calendar.monthrange(year, month)[1]
    if not (isinstance(day, int) and not isinstance(day, bool) and 1 <= day <= last):
        check.fail("day", msg("{year}-{month:02d} has no day {day!r}", year=year, month=month,
                              day=day))


_PARTIAL = re.compile(r"^([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?$")


@attrs.frozen(kw_only=True)
class PartialDate:
    """A date whose month or day may not be known yet.

    A draft plan reads "ngày  tháng 5 năm 2026": May 2026, the day left blank.
    """

    year: int
    month: int | None = None
    day: int | None = None

    def __attrs_post_init__(self) -> None:
        check = Checker("date")
        check.year(self.year, "year")
        _check_month_and_day(check, self.year, self.month, self.day)

    @classmethod
    def parse(cls, text: str) -> PartialDate:
        """Read ``2026``, ``2026-05`` or ``2026-05-07``."""
        match = _PARTIAL.match(text.strip()) if isinstance(text, str) else None
        if match is None:
            Checker("date").fail(
                "", msg("expected a date such as 2026, 2026-05 or 2026-05-07, found {text!r}",
                        text=text)
            )
        year, month, day = match.groups()
        return cls(year=int(year), month=int(month) if month else None,
                   day=int(day) if day else None)

    @classmethod
    def from_date(cls, date: datetime.date) -> PartialDate:
        """Return the complete date `date`."""
        return cls(year=date.year, month=date.month, day=date.day)

    @property
    def is_complete(self) -> bool:
        """Whether year, month and day are all known."""
        return self.day is not None

    def to_date(self) -> datetime.date | None:
        """Return the date when it is complete, else None."""
        if self.month is None or self.day is None:
            return None
        return datetime.date(self.year, self.month, self.day)

    def __str__(self) -> str:
        if self.day is not None:
            return f"{self.year}-{self.month:02d}-{self.day:02d}"
        if self.month is not None:
            return f"{self.year}-{self.month:02d}"
        return str(self.year)
