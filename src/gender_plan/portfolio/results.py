"""A portfolio's assessment: a table per level and set of codes, read place by place or flat."""

from __future__ import annotations

import datetime
import math
from collections.abc import Iterator, Mapping

import attrs

from gender_plan.evaluation.reasons import Reason, ReasonCode
from gender_plan.evaluation.status import STATUSES, Status
from gender_plan.evaluation.table import AssessmentTable
from gender_plan.portfolio.gaps import Gap
from gender_plan.portfolio.matching import Counterparts, MatchBy
from gender_plan.portfolio.portfolio import Portfolio

__all__ = ["PlaceResult", "PortfolioAssessment"]


@attrs.frozen(kw_only=True)
class PlaceResult:
    """One indicator's status at one place, against that place's own plan."""

    place: str
    level: str
    plan: str
    indicator: str
    number: str
    """The plan's numbering of the indicator's target."""
    status: Status
    ratio: float | None
    latest: float | None
    target_value: float | None
    deadline: int | None


def _optional(value: float) -> float | None:
    return None if math.isnan(value) else float(value)


@attrs.frozen(kw_only=True, eq=False)
class PortfolioAssessment:
    """Every assessed place's statuses, by plan, with the gaps that were not guessed."""

    as_of: datetime.date
    portfolio: Portfolio
    match: MatchBy
    tables: tuple[AssessmentTable, ...]
    """The places with no places below, then those with some: each against its own plan."""
    gaps: tuple[Gap, ...]
    counterparts: Mapping[tuple[str, str], Counterparts] = attrs.field(hash=False)
    """The matching of indicators by (place's plan code, parent's plan code)."""
    _where: dict[str, tuple[int, int]] = attrs.field(init=False, repr=False)

    def __attrs_post_init__(self) -> None:
        where = {place: (k, p) for k, table in enumerate(self.tables)
                 for p, place in enumerate(table.places)}
        object.__setattr__(self, "_where", where)

    def assessed(self, place: str) -> bool:
        """Whether `place` was assessed (it has a plan in the portfolio)."""
        return place in self._where

    def table_of(self, place: str) -> AssessmentTable:
        """The table that holds `place` (its plan's)."""
        return self.tables[self._where[place][0]]

    def status_of(self, place: str, indicator: str) -> Status:
        """The status of `indicator` (a code of the place's own plan) at `place`."""
        return self.table_of(place).status_of(place, indicator)

    def reasons(self, place: str, indicator: str) -> tuple[Reason, ...]:
        """The reasons behind the status of `indicator` at `place`, in reading order."""
        return self.table_of(place).reasons(place, indicator)

    def places_met(self, place: str, indicator: str) -> tuple[int, int] | None:
        """(places meeting, places counted) of a share of places in its latest period judged.

        None for an indicator that is no share of places computed at `place`, or without data.
        """
        table = self.table_of(place)
        row = table.row(place, indicator)
        flag = table.flags.get(ReasonCode.SHARE_OF_PLACES)
        if flag is None or not flag[row]:
            return None
        latest = int(table.latest_row[row])
        return int(table.frame.numerator[latest]), int(table.frame.denominator[latest])

    def results(self, level: str | None = None) -> Iterator[PlaceResult]:
        """Every assessed place's result per indicator, in the hierarchy's order."""
        indexes = [{code: k for k, code in enumerate(t.indicators)} for t in self.tables]
        for place in self.portfolio.hierarchy.places:
            if place.code not in self._where or (level is not None and place.level != level):
                continue
            k, p = self._where[place.code]
            table, plan = self.tables[k], self.portfolio.plans[str(place.plan)]
            count, index = len(table.places), indexes[k]
            for _, indicator in plan.indicators():
                code = indicator.code
                row = index[code] * count + p
                deadline = int(table.deadline[row])
                yield PlaceResult(
                    place=place.code, level=place.level, plan=plan.code, indicator=code,
                    number=indicator.label,
                    status=STATUSES[int(table.status[row])],
                    ratio=_optional(float(table.ratio[row])),
                    latest=_optional(float(table.latest[row])),
                    target_value=_optional(float(table.target_value[row])),
                    deadline=None if deadline < 0 else deadline,
                )
