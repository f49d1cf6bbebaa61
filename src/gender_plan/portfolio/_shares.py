"""Shares of places: each place's share of the places below that meet a condition, per period.

A share-of-places indicator (`gender_plan.ShareOfPlaces`) of a place's plan is computed here
from the values of the places below it, period by period, into rows that the engine then
assesses like any measured series, against the place's own targets:

- the places counted are those directly below the place (or those at `level` below it) whose
  plan has the indicator the share looks at: the denominator. A place without a plan, or whose
  plan has no such indicator, is left out and reported as a gap; a place with none to count at
  all is a gap too, and has no share;
- a place's value in a period is what the engine would judge it on: its own measurement rows
  at the bottom, the sums of the rows carried up to it above (and, for a share of shares, its
  own computed share); only totals count, not values by sex;
- a place meets the condition in a period if its value meets it, compared as the engine
  compares values with targets (`CountMet.counts`); a place without a value in that period
  counts as not meeting it (a period without data is not a period met), so the share of a
  period is 100 × (places meeting) / (places counted). A period in which no place counted
  reports, in a series, has no share: the engine then sees a period without data;
- the rows keep the count met as their numerator and the places counted as their denominator,
  from which the reason "12 of 15" is read.

Places are taken deepest first, so that a share at a province is known before the nation's
share of provinces is computed from it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

import numpy as np
import numpy.typing as npt

from gender_plan import units
from gender_plan._i18n import msg
from gender_plan.evaluation.reasons import ReasonCode
from gender_plan.evaluation.table import AssessmentTable
from gender_plan.model.indicator import Indicator
from gender_plan.portfolio.gaps import Gap, GapKind
from gender_plan.portfolio.matching import MatchBy, counterparts
from gender_plan.rollup._groups import group_key
from gender_plan.rollup.aggregation import CountMet

if TYPE_CHECKING:
    from gender_plan.model.plan import Plan

__all__ = ["ShareContext", "flag_shares", "share_rows"]

IntArray = npt.NDArray[np.signedinteger[Any]]
Columns = dict[str, npt.NDArray[np.generic]]

COLUMNS = ("place", "indicator", "value", "numerator", "denominator", "series", "sex", "year",
           "start", "end", "time", "frequency")
"""The columns of the rows the engine reads for the places above the bottom."""
FLOATS = ("value", "numerator", "denominator", "time")


class ShareContext:
    """What the shares need of a portfolio's assessment: places, plans, codes and matching."""

    def __init__(self, *, names: tuple[str, ...], levels: Sequence[str], parent: IntArray,
                 has_below: npt.NDArray[np.bool_], place_plan: IntArray, plans: Sequence[Plan],
                 code_index: Mapping[str, int], match: MatchBy) -> None:
        self.names, self.levels, self.parent = names, np.array(levels, dtype=object), parent
        self.has_below, self.place_plan, self.plans = has_below, place_plan, plans
        self.code_index, self.match = code_index, match
        self.depth = np.zeros(len(names), dtype=np.int64)
        up = parent.copy()
        while (up >= 0).any():
            self.depth += up >= 0
            up = np.where(up >= 0, parent[np.maximum(up, 0)], -1)
        self._found: dict[tuple[int, int, str], tuple[str | None, Gap | None]] = {}
        self._matched: set[tuple[int, int]] = set()
        self._gaps: dict[tuple[object, ...], tuple[Gap, set[int]]] = {}

    def counterpart(self, lower: int, upper: int, code: str) -> tuple[str | None, Gap | None]:
        """The code that share `code` of plan `upper` looks at in plan `lower`, or its gap."""
        if (lower, upper) not in self._matched:  # one matching per pair of plans
            self._matched.add((lower, upper))
            found = counterparts(self.plans[lower], self.plans[upper], self.match)
            for share in (i for _, i in self.plans[upper].indicators()
                          if i.share_of_places is not None):
                gap = next((g for g in found.gaps if g.parent_indicator == share.code), None)
                self._found[(lower, upper, share.code)] = (found.codes.get(share.code), gap)
        return self._found[(lower, upper, code)]

    def report(self, gap: Gap, places: IntArray) -> None:
        """Keep `gap` for `places` (gaps of the same kind and subject are merged)."""
        key = (gap.kind, gap.plan, gap.indicator, gap.parent_plan, gap.parent_indicator,
               gap.message)
        kept = self._gaps.setdefault(key, (gap, set()))
        kept[1].update(places.tolist())

    def gaps(self) -> list[Gap]:
        """The gaps found, each with its places in the hierarchy's order."""
        from attrs import evolve  # noqa: PLC0415

        return [evolve(gap, places=tuple(self.names[p] for p in sorted(places)))
                for gap, places in self._gaps.values()]


def share_rows(context: ShareContext, pools: Callable[[], Sequence[Columns]]) -> Columns:
    """The rows of every share of places at every place with places below, deepest first.

    `pools()` are the rows the engine reads (the bottom places' rows, the sums carried up),
    with hierarchy positions as places and positions in the vocabulary of codes as indicators
    (asked for only when some plan has a share of places).
    """
    shares = [(k, indicator) for k, plan in enumerate(context.plans)
              for _, indicator in plan.indicators() if indicator.share_of_places is not None]
    if not shares:  # the usual portfolio: nothing to copy
        return {n: np.zeros(0, dtype=np.float64 if n in FLOATS else np.int64) for n in COLUMNS}
    pool = _concatenate([{n: p[n][p["sex"] == 0] for n in COLUMNS} for p in pools()])
    judged = context.has_below & (context.place_plan >= 0)
    made: list[Columns] = []
    for depth in sorted(set(context.depth[judged].tolist()), reverse=True):
        here: list[Columns] = []
        for k, indicator in shares:
            owners = np.flatnonzero(judged & (context.place_plan == k)
                                    & (context.depth == depth))
            if len(owners):
                here.append(_one_share(context, k, indicator, owners, pool))
        pool = _concatenate([pool, *here])  # a share of shares sees those below it
        made += here
    return _concatenate([{n: pool[n][:0] for n in COLUMNS}, *made])


def _members(context: ShareContext, owners: IntArray, level: str | None) -> tuple[IntArray,
                                                                                   IntArray]:
    """(owner, member) pairs: each owner's places directly below, or those at `level`."""
    is_owner = np.zeros(len(context.names), dtype=bool)
    is_owner[owners] = True
    if level is None:
        member = np.flatnonzero((context.parent >= 0) & is_owner[np.maximum(context.parent, 0)])
        return context.parent[member], member
    candidates = np.flatnonzero(context.levels == level)
    up = context.parent[candidates]
    owner_parts, member_parts = [], []
    while len(candidates):  # every ancestor of each candidate, one level up at a time
        going = up >= 0
        candidates, up = candidates[going], up[going]
        hit = is_owner[up]
        owner_parts.append(up[hit])
        member_parts.append(candidates[hit])
        up = context.parent[up]
    empty = np.zeros(0, dtype=np.int64)
    return np.concatenate([empty, *owner_parts]), np.concatenate([empty, *member_parts])


def _one_share(context: ShareContext, k: int, indicator: Indicator, owners: IntArray,
               pool: Columns) -> Columns:
    """The rows of share `indicator` (of plan `k`) at `owners`: one per period and series."""
    share = indicator.share_of_places
    assert share is not None
    owner, member = _members(context, owners, share.level)
    code = np.full(len(member), -1, dtype=np.int64)
    factor = np.ones(len(member))
    member_plan = context.place_plan[member]
    for lower in np.unique(member_plan[member_plan >= 0]).tolist():
        these = member_plan == lower
        found, gap = context.counterpart(lower, k, indicator.code)
        if found is None:  # none, several, or one in a unit the condition does not fit
            if gap is not None:
                context.report(gap, np.unique(member[these]))
            continue
        code[these] = context.code_index[found]
        looked_at = context.plans[lower].indicator(found)
        if share.unit is not None and not looked_at.is_yes_no:
            factor[these] = units.conversion_factor(share.unit, looked_at.unit)
    counted = code >= 0
    size = len(context.names)
    denominator = np.bincount(owner[counted], minlength=size).astype(np.float64)
    empty = owners[denominator[owners] == 0]
    if len(empty):
        context.report(_nobody(context, k, indicator), empty)
    owner, member, code, factor = owner[counted], member[counted], code[counted], factor[counted]
    row, pair = _join(pool, member, code)
    rule = CountMet.of(share)
    meets = np.zeros(len(row), dtype=bool)
    for scale in np.unique(factor[pair]).tolist():
        chosen = factor[pair] == scale
        meets[chosen] = rule.counts(pool["value"][row[chosen]], scale)
    if not len(row):
        return {n: pool[n][:0] for n in COLUMNS}
    keys: list[IntArray] = [owner[pair], *(pool[n][row].astype(np.int64)
                                           for n in ("series", "start", "end"))]
    first, group, groups = group_key(keys)
    # Each place counts once per period: two values of one period would otherwise count twice.
    meeting = np.unique(group[meets] * size + member[pair][meets])
    met = np.bincount(meeting // size, minlength=groups).astype(np.float64)
    at = owner[pair][first]
    columns: Columns = {n: pool[n][row[first]] for n in COLUMNS}
    columns.update(place=at, indicator=np.full(groups, context.code_index[indicator.code]),
                   value=100 * met / denominator[at], numerator=met,
                   denominator=denominator[at])
    return columns


def _join(pool: Columns, member: IntArray, code: IntArray) -> tuple[IntArray, IntArray]:
    """Each (pool row, pair) where the row is the pair's member's value of the pair's code."""
    width = max(int(pool["indicator"].max(initial=0)), int(code.max(initial=0))) + 1
    wanted = member * width + code
    order = np.argsort(wanted, kind="stable")
    keys = wanted[order]
    have = pool["place"].astype(np.int64) * width + pool["indicator"].astype(np.int64)
    low, high = np.searchsorted(keys, have, "left"), np.searchsorted(keys, have, "right")
    many = high - low
    row = np.repeat(np.arange(len(have)), many)
    start = np.repeat(low - np.cumsum(many) + many, many)
    pair = order[start + np.arange(len(row))] if len(row) else np.zeros(0, dtype=np.int64)
    return row, pair


def _nobody(context: ShareContext, k: int, indicator: Indicator) -> Gap:
    share = indicator.share_of_places
    assert share is not None
    plan = context.plans[k].code
    message = (msg("no place directly below has a plan with the indicator that the share of "
                   "places {code!r} of plan {plan!r} looks at: the share is not computed there "
                   "(give the places below such plans, or correct share_of_places)",
                   code=indicator.code, plan=plan) if share.level is None else
               msg("no place at level {level!r} below has a plan with the indicator that the "
                   "share of places {code!r} of plan {plan!r} looks at: the share is not "
                   "computed there (give those places such plans, or correct "
                   "share_of_places.level)", level=share.level, code=indicator.code,
                   plan=plan))
    return Gap(kind=GapKind.NO_PLACES_BELOW, plan=plan, indicator=indicator.code,
               message=message)


def _concatenate(parts: Sequence[Columns]) -> Columns:
    kept = [p for p in parts if p and len(p["place"])] or list(parts[:1])
    return {n: np.concatenate([p[n] for p in kept]) for n in COLUMNS}


def flag_shares(table: AssessmentTable) -> AssessmentTable:
    """`table` (of places with places below) with the reason that names the count of places."""
    share = np.array([s.indicator.share_of_places is not None for s in table.specs] or [False])
    flag = (table.spec_at >= 0) & share[np.maximum(table.spec_at, 0)] & (table.latest_row >= 0)
    if not flag.any():
        return table
    from attrs import evolve  # noqa: PLC0415

    return evolve(table, flags={**table.flags, ReasonCode.SHARE_OF_PLACES: flag})
