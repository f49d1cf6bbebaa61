"""The one assessment engine: every indicator at every place of a frame, at once.

`assess_frame` runs the common rules (`_rules`) and each indicator's method on arrays with one
column per place; a level to stay near is judged on its distance to its band (`_banded`).
Groups whose specs share their rules (`Rules`) are judged together, whatever their indicator
or plan: one pass for a plan whose indicators are alike, and for a nation of plans.
`assess_indicator` and `assess_plan` are this engine run on one place.
"""

from __future__ import annotations

import datetime
import functools
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np

from gender_plan.evaluation._banded import assess_band
from gender_plan.evaluation._layout import Block, BoolArray, IntArray
from gender_plan.evaluation._rules import (
    FIGURES,
    Part,
    assess_block,
    choose_series,
    refuse_duplicates,
)
from gender_plan.evaluation._spec import Spec, SpecColumns, plan_specs
from gender_plan.evaluation.assessment import to_date
from gender_plan.evaluation.frame import MeasurementFrame
from gender_plan.evaluation.method import Method
from gender_plan.evaluation.reasons import ReasonCode
from gender_plan.evaluation.status import Status
from gender_plan.evaluation.table import AssessmentTable
from gender_plan.model.plan import Plan

__all__ = ["assess_frame", "assess_specs"]


def assess_frame(
    plan: Plan,
    frame: MeasurementFrame,
    *,
    as_of: datetime.date | int,
    method: Method | None = None,
    methods: Mapping[str, Method] | None = None,
    places: tuple[str, ...] | None = None,
) -> AssessmentTable:
    """Assess every indicator of `plan` at every place of `frame` (or `places`) as of `as_of`.

    `method` applies to all indicators (linear path by default), `methods` overrides it for
    some, by indicator code; any `Method` works, the shipped ones and yours. A place's result
    depends on its own data only.

    Raises:
        UnknownCodeError: a code in `methods` the plan lacks.
        ValidationError: two values of one period in one series at one place.
    """
    date = to_date(as_of)
    return assess_specs(frame, plan_specs(plan, date, method, methods),
                        places if places is not None else frame.places, date)


def assess_specs(frame: MeasurementFrame, specs: Sequence[Spec], places: tuple[str, ...],
                 date: datetime.date, *, every: Sequence[Spec] | None = None,
                 spec_at: IntArray | None = None) -> AssessmentTable:
    """Assess each spec's indicator at `places` from `frame`: the engine's core.

    With `every` and `spec_at`, the row of indicator `k` at place `p` is judged by the spec
    `every[spec_at[k * len(places) + p]]` (`specs` then only name the indicators and
    methods); a row whose `spec_at` is -1 is NO_DATA with the reason `not_in_plan`.
    """
    call = _Call(frame, specs, places, date, every, spec_at)
    for block, members in zip(frame.layout.classes, frame.layout.members, strict=True):
        call.judge(block, members)
    return call.table()


class _Call:
    """One call of the engine: its specs as arrays, where its rows are, the parts judged."""

    def __init__(self, frame: MeasurementFrame, specs: Sequence[Spec], places: tuple[str, ...],
                 date: datetime.date, every: Sequence[Spec] | None,
                 spec_at: IntArray | None) -> None:
        self.frame, self.specs, self.places, self.date = frame, specs, places, date
        self.count = count = len(places)
        self.size = len(specs) * count
        self.uniform = every is None or spec_at is None  # spec k: indicator k at every place
        if every is None or spec_at is None:
            every, spec_at = specs, np.repeat(np.arange(len(specs)), count)
        self.every, self.spec_at = every, spec_at
        self.columns = SpecColumns(every, frame.series_names)
        self.frame_place, self.to_table = _positions(frame.places, places)
        self.codes = tuple(s.indicator.code for s in specs)
        position, self.table_of = _positions(frame.indicators, self.codes)
        self.position = position.tolist()
        self.covered = spec_at >= 0
        self.every_place = bool((self.to_table[:-1] >= 0).all())
        order = np.argsort(np.array([n or "" for n in frame.series_names], dtype=object),
                           kind="stable")
        self.rank = np.argsort(order)  # each series' rank by name: the inverse permutation
        self.parts: list[tuple[IntArray, Part]] = []
        self.whole = False
        """Whether one part holds every row, in order (known once every part is)."""

    @functools.cached_property
    def lookup(self) -> IntArray:
        """Each table row's spec, and -1 for row -1 (none)."""
        return np.append(self.spec_at, -1)

    def spread(self, values: Any, fill: Any) -> Any:
        """Each table row's entry of `values` (one per spec), `fill` where none."""
        if self.uniform:
            return np.repeat(values, self.count)
        return np.where(self.spec_at >= 0, values[np.maximum(self.spec_at, 0)], fill)

    def judge(self, block: Block, members: tuple[int, ...]) -> None:
        """Judge the groups of `block` the table has, a batch per `Rules.key`."""
        columns, table_of = self.columns, self.table_of
        k = np.take(table_of, block.indicator)  # np.take: 3x faster than indexing by int32
        at = np.take(self.to_table, block.place)
        row = k * self.count + at
        whole = self.every_place and bool((table_of[list(members)] >= 0).all())
        if not whole:
            row = np.where((k >= 0) & (at >= 0), row, -1)
        spec = k if self.uniform and whole else np.take(self.lookup, row)
        keys = columns.key[table_of[list(members)]]
        batch = None if self.uniform and whole and (keys == keys[0]).all() else np.where(
            spec >= 0, columns.key[np.maximum(spec, 0)], -1)
        if batch is None or (len(batch) and batch[0] >= 0 and (batch == batch[0]).all()):
            self._batch(block, slice(None), spec, row)  # one batch: no copy of the block
            return
        for key in np.unique(batch[batch >= 0]).tolist():
            groups = np.flatnonzero(batch == key)
            contiguous = groups[-1] - groups[0] + 1 == len(groups)
            self._batch(block, slice(int(groups[0]), int(groups[-1]) + 1) if contiguous
                        else groups, spec, row)

    def _batch(self, block: Block, span: IntArray | slice, spec: IntArray,
               row: IntArray) -> None:
        """Judge the groups `span` of `block`, by the specs `spec` into the rows `row`."""
        frame, columns = self.frame, self.columns
        sub, spec, row = block.columns(span), spec[span], row[span]
        chosen, series_count, aside = choose_series(
            sub, lambda: columns.preferred[spec], self.date, self.rank)
        if chosen is not None:
            sub, spec, row = sub.columns(chosen), spec[chosen], row[chosen]
        refuse_duplicates(sub, frame.indicators, frame.places, frame.series_names)
        rules = columns.rules(spec)
        if rules.toward:  # a part for each side of the band
            for index, part in assess_band(sub, rules, series_count, aside, frame.value):
                self.parts.append((row[index], part))
        else:
            self.parts.append((row, assess_block(sub, rules, series_count, aside)))

    def column(self, read: Any, fill: Any, dtype: Any) -> Any:
        """The table column `read(part)` gives each part's rows of (`fill` elsewhere)."""
        if self.whole:  # one part of every row, in order: its columns are the table's
            value = np.asarray(read(self.parts[0][1]))
            if value.dtype == dtype and value.shape == (self.size,) and (
                    value.strides == (value.itemsize,)):
                return value  # a whole column of the part's (not a broadcast): not copied
            return np.array(np.broadcast_to(value, (self.size,)), dtype=dtype)
        out = np.full(self.size, fill, dtype=dtype)
        for slots, part in self.parts:
            out[slots] = read(part)
        return out

    def flags(self) -> dict[ReasonCode, BoolArray]:
        """Every reason's flag column: the specs', then the parts'."""
        flags: dict[ReasonCode, BoolArray] = {}
        for code, values in ((ReasonCode.MILESTONE, self.columns.others),
                             (ReasonCode.BAND_DISTANCE, self.columns.toward)):
            if values.any():
                flags[code] = self.spread(values, False)
        count, covered = self.count, self.covered
        for k, found in enumerate(self.position):
            split = self.frame.layout.disaggregated.get(found)
            if split is not None:
                flag = flags.setdefault(ReasonCode.DISAGGREGATED_IGNORED,
                                        np.zeros(self.size, dtype=bool))
                flag[k * count: (k + 1) * count] = (
                    (self.frame_place >= 0) & split[self.frame_place]
                    & covered[k * count: (k + 1) * count])
        for code in dict.fromkeys(code for _, part in self.parts for code in part.flags):
            flags[code] = self.column(lambda p, code=code: p.flags.get(code, False), False,
                                      bool)
        return flags

    def table(self) -> AssessmentTable:
        """The table of every row judged."""
        self.whole = len(self.parts) == 1 and np.array_equal(self.parts[0][0],
                                                             np.arange(self.size))
        found: dict[str, Any] = {
            "status": self.column(lambda p: p.status, Status.NO_DATA.code, np.int64),
            "series": self.column(lambda p: p.block.series, -1, np.int64),
            "latest_row": self.column(lambda p: p.latest_row, -1, np.int64),
            "baseline_row": self.column(lambda p: p.baseline_row, -1, np.int64)}
        for name in FIGURES:
            found[name] = self.column(lambda p, name=name: p.figures[name], np.nan, np.float64)
        if self.whole:  # part 0 holds row k at column k
            locate = np.arange(self.size)
        else:
            locate = np.full(self.size, -1, dtype=np.int64)
            for k, (slots, _) in enumerate(self.parts):
                locate[slots] = (k << 32) | np.arange(len(slots))
        flags, covered = self.flags(), self.covered
        flags[ReasonCode.NO_DATA] = (found["status"] == Status.NO_DATA.code) & covered
        if not covered.all():
            flags[ReasonCode.NOT_IN_PLAN] = ~covered
        if ReasonCode.SERIES_CHOSEN in flags:
            flags[ReasonCode.SERIES_SET_ASIDE] = flags[ReasonCode.SERIES_CHOSEN]
        return AssessmentTable(
            places=self.places, indicators=self.codes,
            methods=tuple(s.method.name for s in self.specs), as_of=self.date,
            target_value=self.spread(self.columns.goal, np.nan),
            deadline=self.spread(self.columns.deadline, -1),
            series_names=self.frame.series_names, flags=flags, frame=self.frame,
            specs=tuple(self.every), spec_at=self.spec_at, parts=tuple(self.parts),
            frame_place=self.frame_place, locate=locate, **found)


def _positions(names: tuple[str, ...], wanted: tuple[str, ...]) -> tuple[IntArray, IntArray]:
    """The position in `names` of each of `wanted`, and in `wanted` of each of `names`.

    The frame's places or indicator codes, and the table's. -1 for none; the second has one
    more entry, for -1 to look up.
    """
    if names == wanted:  # the usual case for places: 100 times faster
        same = np.append(np.arange(len(names)), -1)
        return same[:-1], same
    known = {name: position for position, name in enumerate(names)}
    table = {name: position for position, name in enumerate(wanted)}
    return (np.array([known.get(w, -1) for w in wanted], dtype=np.int64),
            np.array([*(table.get(n, -1) for n in names), -1], dtype=np.int64))
