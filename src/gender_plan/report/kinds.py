"""Report kinds: the annual results report, the mid-term review and the final review.

The plan's section IV asks the focal point to report results to the city and to advise on the
mid-term and final reviews ("sơ kết, tổng kết"). The plan does not date the mid-term review; the
library puts it at the middle year of the plan (2028 for 2026-2030, 2025 for the national
strategy 2021-2030, whose mid-term review was held in 2025).
"""

from __future__ import annotations

import datetime
import enum

import attrs

from gender_plan._i18n import msg
from gender_plan.errors import Problem, ValidationError
from gender_plan.model.plan import Plan
from gender_plan.model.text import Language, LocalizedText

__all__ = ["ReportKind", "ReportPeriod", "mid_term_year", "report_period"]


class ReportKind(enum.Enum):
    """What a results report serves."""

    ANNUAL = "annual"
    """The year's results (báo cáo kết quả thực hiện năm)."""
    MID_TERM = "mid-term"
    """The mid-term review (sơ kết), from the plan's start to its middle year."""
    FINAL = "final"
    """The final review (tổng kết), over the whole plan."""

    @property
    def label(self) -> LocalizedText:
        """The kind's name for people."""
        return _LABELS[self]


_LABELS = {
    ReportKind.ANNUAL: LocalizedText(vi="Kết quả thực hiện", en="Results"),
    ReportKind.MID_TERM: LocalizedText(vi="Sơ kết giữa kỳ", en="Mid-term review"),
    ReportKind.FINAL: LocalizedText(vi="Tổng kết", en="Final review"),
}


_REVIEWS = {ReportKind.MID_TERM: msg("mid-term"), ReportKind.FINAL: msg("final")}
"""The reviews' names, as messages say them."""


def mid_term_year(plan: Plan) -> int:
    """The middle year of the plan, when its mid-term review is held (2028 for 2026-2030)."""
    return plan.start_year + (plan.end_year - plan.start_year) // 2


@attrs.frozen(kw_only=True)
class ReportPeriod:
    """The years a report covers and the date its data are taken at."""

    kind: ReportKind
    first_year: int
    last_year: int
    as_of: datetime.date

    @property
    def years(self) -> range:
        """Every year covered, in order."""
        return range(self.first_year, self.last_year + 1)

    def summary(self, title: str, language: Language = "vi") -> str:
        """The report's summary line for the plan called `title` (its kind and period)."""
        plan = title[:1].lower() + title[1:]
        span = f"{self.first_year}-{self.last_year}"
        if language == "en":
            return {ReportKind.ANNUAL: f"Results of the plan {plan} in {self.last_year}",
                    ReportKind.MID_TERM: f"Mid-term review ({span}) of the plan {plan}",
                    ReportKind.FINAL: f"Final review of the plan {plan}"}[self.kind]
        return {ReportKind.ANNUAL: f"Kết quả thực hiện Kế hoạch {plan} năm {self.last_year}",
                ReportKind.MID_TERM: f"Sơ kết giữa kỳ ({span}) thực hiện Kế hoạch {plan}",
                ReportKind.FINAL: f"Tổng kết thực hiện Kế hoạch {plan}"}[self.kind]

    def text(self, language: Language = "vi") -> str:
        """``năm 2026`` or ``giai đoạn 2026-2028`` (``in 2026``, ``2026-2028``)."""
        if self.first_year == self.last_year:
            return f"năm {self.first_year}" if language == "vi" else f"in {self.first_year}"
        span = f"{self.first_year}-{self.last_year}"
        return f"giai đoạn {span}" if language == "vi" else span


def report_period(plan: Plan, kind: ReportKind,
                  as_of: datetime.date | int | None = None) -> ReportPeriod:
    """The period a report of `kind` covers.

    An annual report covers the year of `as_of` (default today); the mid-term review the plan's
    first year to its middle year, the final review the whole plan. `as_of` (a year means its
    31 December) defaults to the end of the last year covered, and may not lie before the
    first year.

    Raises:
        ValidationError: when `as_of` lies before the period.
    """
    if isinstance(as_of, int):
        as_of = datetime.date(as_of, 12, 31)
    if kind is ReportKind.ANNUAL:
        date = as_of or datetime.date.today()
        return ReportPeriod(kind=kind, first_year=date.year, last_year=date.year, as_of=date)
    last = mid_term_year(plan) if kind is ReportKind.MID_TERM else plan.end_year
    date = as_of or datetime.date(last, 12, 31)
    if date.year < plan.start_year:
        raise ValidationError([Problem(
            message=msg("the {kind} review covers {first}-{last}, but the data are taken at "
                        "{date}", kind=_REVIEWS[kind], first=plan.start_year, last=last,
                        date=date.isoformat()),
            hint=msg("give --as-of within the period, or leave it out"))],
            subject=msg("report period"))
    return ReportPeriod(kind=kind, first_year=plan.start_year, last_year=min(last, date.year),
                        as_of=date)
