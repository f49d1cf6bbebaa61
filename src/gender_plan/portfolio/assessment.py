"""Assess a portfolio: every place against its own plan, places above from the sums below.

A place with no places below it is judged from its own measurement rows; a place with places
below it from the Σ of their rows (Σ numerators / Σ denominators for a rate), each row renamed
to the counterpart indicator of the place's plan (`gender_plan.portfolio.matching`), and its
shares of places from the count of places below meeting their condition
(`gender_plan.portfolio._shares`). The assessment engine runs once for the places with no places
below and once for the others (once per set of indicator codes the plans use), every place
against its own plan: groups whose plans differ only in their values are judged together.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping

import numpy as np

from gender_plan._gc import collector_paused
from gender_plan._i18n import Msg, NumberText, msg
from gender_plan.evaluation.by_plan import assess_plans
from gender_plan.evaluation.frame import MeasurementFrame
from gender_plan.evaluation.method import Method
from gender_plan.evaluation.table import AssessmentTable
from gender_plan.model.plan import Plan
from gender_plan.portfolio import _carry, _shares
from gender_plan.portfolio._carry import RATIO, SKIP, SUM, Rows
from gender_plan.portfolio.gaps import Gap, GapKind
from gender_plan.portfolio.matching import Counterparts, MatchBy, counterparts
from gender_plan.portfolio.portfolio import Portfolio
from gender_plan.portfolio.results import PortfolioAssessment
from gender_plan.rollup._groups import group_key, refuse_valueless
from gender_plan.rollup.aggregation import CountMet, Ratio, Rule, rule_for

__all__ = ["assess_portfolio"]

_ROW_COLUMNS = ("series", "sex", "year", "start", "end", "time", "frequency")


@collector_paused()  # a nation's specs and codes: no cycles
def assess_portfolio(
    portfolio: Portfolio,
    frame: MeasurementFrame,
    *,
    as_of: datetime.date | int,
    method: Method | None = None,
    match: MatchBy = MatchBy.IMPLEMENTS,
) -> PortfolioAssessment:
    """Assess every place of `portfolio` that has a plan, from the long table `frame`.

    `frame` holds the rows of the places with no places below them, in their own plans' codes
    and units (read it with `portfolio.units()`). What cannot be judged without guessing is in
    the result's `gaps`.

    Raises:
        AggregationError: a row carried up to a rate without its numerator or denominator, or
            a place above whose rows of a rate in one period have a Σ denominator of 0.
        ValidationError: two values of one period in one series at one place.
    """
    state = _State(portfolio, frame, match)
    upper_data = state.upper_frame()
    context = state.share_context()
    shares = _shares.share_rows(context, lambda: [state.leaf_frame(), upper_data])
    if len(shares["place"]):
        upper_data = {name: np.concatenate([upper_data[name], shares[name]])
                      for name in upper_data}
    state.gaps += context.gaps()
    tables: list[AssessmentTable] = []
    for leaf in (True, False):  # each place against its own plan, one engine call a level
        data = frame if leaf else MeasurementFrame(
            places=state.names, indicators=tuple(state.vocabulary),
            series_names=frame.series_names, **upper_data)
        alike: dict[tuple[str, ...], list[int]] = {}  # plans of the same codes: one table
        for m in np.flatnonzero((state.place_plan >= 0) & (state.has_below != leaf)).tolist():
            alike.setdefault(state.codes[state.place_plan[m]], []).append(m)
        for members in alike.values():
            table = assess_plans(state.plans, state.place_plan[members], data,
                                 tuple(state.names[m] for m in members), as_of=as_of,
                                 method=method)
            tables.append(table if leaf else _shares.flag_shares(table))
    return PortfolioAssessment(
        as_of=tables[0].as_of if tables else _date(as_of), portfolio=portfolio, match=match,
        tables=tuple(tables), gaps=(*portfolio.gaps(), *state.gaps),
        counterparts=state.pairs_by_code(),
    )


def _date(as_of: datetime.date | int) -> datetime.date:
    return as_of if isinstance(as_of, datetime.date) else datetime.date(as_of, 12, 31)


class _State:
    """The arrays one assessment shares: places, plans, the vocabulary of codes, the rows."""

    def __init__(self, portfolio: Portfolio, frame: MeasurementFrame, match: MatchBy) -> None:
        self.frame = frame
        self.match = match
        hierarchy = portfolio.hierarchy
        self.names = tuple(p.code for p in hierarchy.places)
        self.levels = [p.level for p in hierarchy.places]
        index = {name: i for i, name in enumerate(self.names)}
        self.parent = np.array([index[p.parent] if p.parent is not None else -1
                                for p in hierarchy.places], dtype=np.int32)
        self.has_below = np.zeros(len(self.names), dtype=bool)
        self.has_below[self.parent[self.parent >= 0]] = True
        self.plans: list[Plan] = [portfolio.plans[c] for c in sorted(portfolio.plans)]
        plan_index = {plan.code: k for k, plan in enumerate(self.plans)}
        self.place_plan = np.array([plan_index.get(p.plan, -1) if p.plan is not None else -1
                                    for p in hierarchy.places], dtype=np.int32)
        self.indicators = [[i for goal in plan.goals for i in goal.indicators]
                           for plan in self.plans]
        """Each plan's indicators in its order: read several times below."""
        self.codes = [tuple(i.code for i in mine) for mine in self.indicators]
        self.vocabulary = list(frame.indicators)
        self.code_index = {code: i for i, code in enumerate(self.vocabulary)}
        for codes in self.codes:
            for code in codes:
                self._code(code)
        self.gaps: list[Gap] = []
        self._signatures: dict[int, tuple[object, ...]] = {}
        self._kinds()
        self._pairs(match)
        self.leaf_rows = self._leaf_rows(index)

    def _code(self, code: str) -> int:
        found = self.code_index.get(code)
        if found is None:
            found = self.code_index[code] = len(self.vocabulary)
            self.vocabulary.append(code)
        return found

    def _kinds(self) -> None:
        """How each plan's indicators take the rows of the places below: kind and scale."""
        shape = (max(len(self.plans), 1), len(self.vocabulary))
        self.kind = np.zeros(shape, dtype=np.int8)
        self.scale = np.ones(shape)
        self.in_plan = np.zeros(shape, dtype=bool)
        rules: dict[str, Rule] = {}  # a rule follows from the unit: one look per unit
        plan_at, code_at, kinds, scales = [], [], [], []
        for k, mine in enumerate(self.indicators):
            for indicator in mine:
                rule = rules.get(indicator.unit) or rules.setdefault(indicator.unit,
                                                                     rule_for(indicator))
                plan_at.append(k)
                code_at.append(self.code_index[indicator.code])
                # A share of places is counted from the places below (`_shares`), not summed.
                kinds.append(SKIP if isinstance(rule, CountMet)
                             or indicator.share_of_places is not None
                             else RATIO if isinstance(rule, Ratio) else SUM)
                scales.append(rule.scale if isinstance(rule, Ratio) else 1.0)
        self.in_plan[plan_at, code_at] = True
        self.kind[plan_at, code_at] = kinds
        self.scale[plan_at, code_at] = scales
        above: dict[int, list[str]] = {}
        for p in np.flatnonzero((self.place_plan >= 0) & self.has_below).tolist():
            above.setdefault(int(self.place_plan[p]), []).append(self.names[p])
        for k, places in above.items():
            plan = self.plans[k]
            for indicator in self.indicators[k]:
                if places and indicator.is_yes_no:
                    self.gaps.append(Gap(
                        kind=GapKind.NOT_SUMMED, plan=plan.code, indicator=indicator.code,
                        places=places, message=msg(
                            "indicator {indicator!r} of plan {plan!r} is a yes/no fact: the "
                            "facts of the places below do not add up, so it is not judged there "
                            "(declare a share-of-places indicator to count the places that hold "
                            "it)", indicator=indicator.code, plan=plan.code)))

    def _pairs(self, match: MatchBy) -> None:
        """The counterparts of every (place's plan, parent's plan) pair in the hierarchy."""
        places_of: dict[tuple[int, int], list[str]] = {}
        self.pair_at = np.full(len(self.names), -1, dtype=np.int32)
        """Each place's row in the pair tables (-1 where either plan is unknown)."""
        self.pair_row: dict[tuple[int, int], int] = {}
        for p in np.flatnonzero(self.parent >= 0).tolist():
            pair = (int(self.place_plan[p]), int(self.place_plan[self.parent[p]]))
            if min(pair) >= 0:
                self.pair_at[p] = self.pair_row.setdefault(pair, len(self.pair_row))
                places_of.setdefault(pair, []).append(self.names[p])
        self.pair_list = list(places_of)
        size = len(self.vocabulary)
        self.mapped = np.full((max(len(self.pair_list), 1), size), -1, dtype=np.int32)
        self.factor = np.ones((max(len(self.pair_list), 1), size))
        self.matches: list[Counterparts] = []
        # Plans alike but for their values match alike: each kind of pair is matched once.
        alike: dict[tuple[object, ...], tuple[Counterparts, int]] = {}
        for r, (child, upper) in enumerate(self.pair_list):
            key = (self.signature(child), self.signature(upper),
                   self.plans[child].code == self.plans[upper].code)
            if key in alike:
                found, done = alike[key]
                self.matches.append(found)
                self.mapped[r], self.factor[r] = self.mapped[done], self.factor[done]
                continue
            found = counterparts(self.plans[child], self.plans[upper], match)
            self.matches.append(found)
            before = len(self.gaps)
            used: dict[str, str] = {}
            shares = {i.code for i in self.indicators[upper]
                      if i.share_of_places is not None}
            for upper_code, code in found.codes.items():
                if upper_code in shares:  # counted, not carried up: see `_shares`
                    continue
                v = self.code_index[code]
                if code in used:  # one indicator counted towards two: neither is guessed
                    self.gaps.append(Gap(
                        kind=GapKind.AMBIGUOUS, plan=self.plans[child].code, indicator=code,
                        parent_plan=self.plans[upper].code, parent_indicator=upper_code,
                        places=places_of[(child, upper)],
                        message=msg("indicator {indicator!r} of plan {plan!r} matches both "
                                    "{first!r} and {second!r} of plan {parent!r}: it counts "
                                    "towards neither", indicator=code,
                                    plan=self.plans[child].code, first=used[code],
                                    second=upper_code, parent=self.plans[upper].code)))
                    self.mapped[r, v] = -1
                    continue
                used[code] = upper_code
                self.mapped[r, v] = self.code_index[upper_code]
                self.factor[r, v] = found.factors[upper_code]
            for gap in found.gaps:
                if gap.parent_indicator not in shares:  # `_shares` reports those
                    self.gaps.append(_with_places(gap, places_of[(child, upper)]))
            if not found.gaps and len(self.gaps) == before:  # gaps name their plans
                alike[key] = (found, r)

    def signature(self, k: int) -> tuple[object, ...]:
        """What matching reads of plan `k`: its indicators' codes, links, numbers, units."""
        found = self._signatures.get(k)
        if found is None:
            found = self._signatures[k] = tuple(
                (i.code, i.implements, i.label, i.unit, i.share_of_places)
                for i in self.indicators[k])
        return found

    def share_context(self) -> _shares.ShareContext:
        """What `_shares` needs to count the places below that meet a condition."""
        return _shares.ShareContext(
            names=self.names, levels=self.levels, parent=self.parent, has_below=self.has_below,
            place_plan=self.place_plan, plans=self.plans, code_index=self.code_index,
            match=self.match)

    def pairs_by_code(self) -> dict[tuple[str, str], Counterparts]:
        """The counterparts by (place's plan code, parent's plan code)."""
        return {(self.plans[c].code, self.plans[u].code): self.matches[r]
                for r, (c, u) in enumerate(self.pair_list)}

    def _leaf_rows(self, index: Mapping[str, int]) -> _carry.IntArray:
        """The measurement rows read: those of bottom places with a plan that has the code."""
        frame = self.frame
        where = np.array([index.get(name, -1) for name in frame.places] or [-1],
                         dtype=np.int32)
        self.row_place = where[frame.place] if len(frame) else np.zeros(0, dtype=np.int32)
        known = self.row_place >= 0
        # Place -1 (not in the hierarchy) reads the last entry: no places below, no plan.
        below = np.append(self.has_below, False)[self.row_place]
        plan = np.append(self.place_plan, -1)[self.row_place]
        no_plan = known & ~below & (plan < 0)
        in_plan = self.in_plan[np.maximum(plan, 0), frame.indicator] & (plan >= 0)
        not_in_plan = known & ~below & (plan >= 0) & ~in_plan
        self._unused(~known, msg("rows of places that are not in the place hierarchy (add "
                                 "them, or correct their codes)"))
        self._unused(below, msg("rows of places with places below them, which are judged from "
                                "the sums of the places below (remove the rows, or the places "
                                "below)"))
        self._unused(no_plan, msg("rows of places without a plan in the portfolio"))
        for k in np.unique(plan[not_in_plan]).tolist():
            for v in np.unique(frame.indicator[not_in_plan & (plan == k)]).tolist():
                chosen = not_in_plan & (plan == k) & (frame.indicator == v)
                code = frame.indicators[v]
                self._unused(chosen, msg("rows of indicator {code!r}, which plan {plan!r} of "
                                         "their places does not have", code=code,
                                         plan=self.plans[k].code),
                             plan=self.plans[k].code, indicator=code)
        read = known & ~below & in_plan
        found = np.arange(len(frame)) if read.all() else np.flatnonzero(read)
        return found.astype(np.int32) if len(frame) < 2**31 else found

    def _unused(self, rows: np.ndarray, what: Msg, **about: str) -> None:
        count = int(rows.sum())
        if count:
            names = sorted({self.frame.places[p] for p in np.unique(self.frame.place[rows])})
            self.gaps.append(Gap(kind=GapKind.UNUSED_ROWS, rows=count, places=names,
                                 message=msg("{count} measurement rows are not used: {what}",
                                             count=NumberText(count), what=what), **about))

    def leaf_frame(self) -> dict[str, np.ndarray]:
        """The bottom places' rows, as columns with hierarchy positions for places."""
        frame, rows = self.frame, self.leaf_rows
        columns = {name: getattr(frame, name)[rows] for name in
                   ("value", "numerator", "denominator", *_ROW_COLUMNS)}
        columns["place"] = self.row_place[rows]
        columns["indicator"] = frame.indicator[rows]
        return columns

    def upper_frame(self) -> dict[str, np.ndarray]:
        """The rows of the places with places below: sums of the rows carried up to them."""
        frame, rows = self.frame, self.leaf_rows
        if len(rows) == len(frame):  # every row is read: the columns themselves
            start = Rows(carrier=self.row_place, code=frame.indicator, value=frame.value,
                         source=rows)
        else:
            start = Rows(carrier=self.row_place[rows], code=frame.indicator[rows],
                         value=frame.value[rows], source=rows)
        lacking = np.isnan(frame.numerator) | np.isnan(frame.denominator)
        arrived = _carry.carry_up(start, self.parent, self.place_plan, self.pair_at,
                                  self.mapped, self.factor, self.kind, lacking, self.names)
        return _sums(arrived, self, frame)


def _sums(arrived: Iterable[Rows], state: _State,
          frame: MeasurementFrame) -> dict[str, np.ndarray]:
    """The sums at each place above, one level at a time (the places of two levels never mix).

    A place whose bottom places sit at different depths below it (a province with communes
    beside one with none listed below it, under the nation) takes rows at more than one step:
    its rows are set aside and summed together at the end, in the measurement rows' order.
    """
    names = ("value", "numerator", "denominator", *_ROW_COLUMNS, "place", "indicator")
    found: dict[str, list[np.ndarray]] = {name: [np.zeros(0, dtype=getattr(
        frame, name).dtype if name not in ("place", "indicator") else np.int64)]
        for name in names}
    periods: np.ndarray | None = None
    mixed = _mixed_depths(state.parent, state.has_below)
    aside: list[Rows] = []
    for rows in arrived:
        if periods is None:  # series, sex and period of every row, as one dense code: the
            # groups' keys below then span few values, and are counted rather than sorted
            periods = group_key([frame.series, frame.sex, frame.start,
                                 frame.end - frame.start])[1]
        now = rows
        if mixed is not None and (later := mixed[rows.carrier]).any():
            aside.append(_taken(rows, later))
            now = _taken(rows, ~later)
        columns = _summed(now, periods, state, frame)
        for name in names:
            found[name].append(columns[name])
    if aside and periods is not None:
        rows = Rows(**{name: np.concatenate([getattr(r, name) for r in aside])
                       for name in ("carrier", "code", "value", "source")})
        columns = _summed(_taken(rows, np.argsort(rows.source, kind="stable")), periods,
                          state, frame)
        for name in names:
            found[name].append(columns[name])
    return {name: np.concatenate(parts) for name, parts in found.items()}


def _mixed_depths(parent: np.ndarray, has_below: np.ndarray) -> np.ndarray | None:
    """Which places have bottom places below them at more than one depth (None: no place)."""
    depth = np.full(len(parent), -1, dtype=np.int64)  # the first depth seen below each place
    mixed = np.zeros(len(parent), dtype=bool)
    up, step = parent[~has_below], 1
    while len(up := up[up >= 0]):
        seen = depth[up]
        mixed[up[(seen >= 0) & (seen != step)]] = True
        depth[up] = np.where(seen >= 0, seen, step)  # equal places of one step: one depth
        up, step = parent[up], step + 1
    return mixed if mixed.any() else None


def _taken(rows: Rows, chosen: np.ndarray) -> Rows:
    return Rows(carrier=rows.carrier[chosen], code=rows.code[chosen], value=rows.value[chosen],
                source=rows.source[chosen])


def _summed(rows: Rows, periods: np.ndarray, state: _State,
            frame: MeasurementFrame) -> dict[str, np.ndarray]:
    """The rows' sums by carrier, code, series, sex and period, in the rows' order."""
    source = rows.source
    first, inverse, size = group_key([rows.carrier, rows.code, periods[source]])

    def total(column: np.ndarray) -> np.ndarray:  # summed in the rows' order
        return np.bincount(inverse, weights=column, minlength=size).astype(np.float64)

    place, code = rows.carrier[first], rows.code[first]
    plan = state.place_plan[place]
    ratio = state.kind[plan, code] == RATIO  # a rate: scale × Σ numerator / Σ denominator
    numerator = total(np.nan_to_num(frame.numerator[source], copy=False))
    denominator = total(np.nan_to_num(frame.denominator[source], copy=False))
    with np.errstate(all="ignore"):
        value = np.where(ratio, state.scale[plan, code] * numerator / denominator,
                         total(rows.value))
    refuse_valueless(value, ratio, denominator, lambda k: (
        state.vocabulary[code[k]], state.names[place[k]], int(frame.start[source[first[k]]]),
        int(frame.end[source[first[k]]])))
    columns = {name: getattr(frame, name)[source[first]] for name in _ROW_COLUMNS}
    columns.update(value=value, numerator=np.where(ratio, numerator, np.nan),
                   denominator=np.where(ratio, denominator, np.nan), place=place,
                   indicator=code)
    return columns


def _with_places(gap: Gap, places: list[str]) -> Gap:
    import attrs  # noqa: PLC0415

    return attrs.evolve(gap, places=tuple(places))
