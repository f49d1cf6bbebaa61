"""The one assessment engine: every indicator at every place of a frame, at once.

`assess_frame` runs the common rules (`_rules`) and each indicator's method on arrays with one
column per place; a level to stay near is judged on its distance to its band (`_banded`).
Groups whose specs share their rules (`Rules`) are judged together, whatever their indicator
or plan: one pass for a plan whose indicators are alike, and for a nation of plans.
`assess_indicator` and `assess_plan` are this engine run on one place.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np

from gender_plan.evaluation._banded import assess_band
from gender_plan.evaluation._layout import BoolArray, IntArray
from gender_plan.evaluation._rules import (
    FIGURES,
    Part,
    assess_block,
    choose_series,
    refuse_duplicates,
)
from gender_plan.evaluation._spec import Spec, SpecColumns, specs_of
from gender_plan.evaluation.assessment import to_date
from gender_plan.evaluation.frame import MeasurementFrame
from gender_plan.evaluation.linear import LinearPath
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
    method = method if method is not None else LinearPath()
    overrides = dict(methods or {})
    for code in overrides:
        plan.indicator(code)  # raises UnknownCodeError for a code the plan lacks
    date = to_date(as_of)
    indicators = [indicator for _, indicator in plan.indicators()]
    specs = specs_of(indicators, [overrides.get(i.code, method) for i in indicators], date,
                     start_year=plan.start_year, end_year=plan.end_year,
                     base_year=plan.effective_base_year)
    return assess_specs(frame, specs, places if places is not None else frame.places, date)


def assess_specs(frame: MeasurementFrame, specs: Sequence[Spec], places: tuple[str, ...],
                 date: datetime.date, *, every: Sequence[Spec] | None = None,
                 spec_at: IntArray | None = None) -> AssessmentTable:
    """Assess each spec's indicator at `places` from `frame`: the engine's core.

    With `every` and `spec_at`, the row of indicator `k` at place `p` is judged by the spec
    `every[spec_at[k * len(places) + p]]` (`specs` then only name the indicators and
    methods); a row whose `spec_at` is -1 is NO_DATA with the reason `not_in_plan`.
    """
    count = len(places)
    size = len(specs) * count
    if every is None or spec_at is None:
        every, spec_at = specs, np.repeat(np.arange(len(specs)), count)
    columns = SpecColumns(every, frame.series_names)
    frame_place, to_table = _positions(frame.places, places)
    known = {code: k for k, code in enumerate(frame.indicators)}
    position = [known.get(s.indicator.code, -1) for s in specs]
    table_of = np.full(len(frame.indicators) + 1, -1, dtype=np.int64)
    table_of[position] = np.arange(len(specs))
    table_of[-1] = -1
    at = np.maximum(spec_at, 0)
    covered = spec_at >= 0
    disaggregated = np.zeros(size, dtype=bool)
    for k, found in enumerate(position):
        split = frame.layout.disaggregated.get(found)
        if split is not None:
            disaggregated[k * count: (k + 1) * count] = (frame_place >= 0) & split[frame_place]
    flags = {code: flag for code, flag in (
        (ReasonCode.MILESTONE, covered & columns.others[at]),
        (ReasonCode.BAND_DISTANCE, covered & columns.toward[at]),
        (ReasonCode.DISAGGREGATED_IGNORED, covered & disaggregated)) if flag.any()}
    out = _Out(size, flags)
    names = frame.series_names
    rank = np.empty(len(names), dtype=np.int64)
    rank[np.argsort(np.array([n or "" for n in names], dtype=object), kind="stable")] = (
        np.arange(len(names)))
    lookup = np.append(spec_at, -1)
    for block in frame.layout.classes:
        row = table_of[block.indicator] * count + to_table[block.place]
        ok = (table_of[block.indicator] >= 0) & (to_table[block.place] >= 0)
        spec = lookup[np.where(ok, row, -1)]
        batch = np.where(spec >= 0, columns.key[np.maximum(spec, 0)], -1)
        for key in np.unique(batch[batch >= 0]).tolist():
            groups = np.flatnonzero(batch == key)
            span: IntArray | slice = groups
            if len(groups) == len(block) or groups[-1] - groups[0] + 1 == len(groups):
                span = slice(int(groups[0]), int(groups[-1]) + 1)
            sub = block.columns(span)
            chosen, series_count, aside = choose_series(
                sub, columns.preferred[spec[span]], date, rank)
            picked = sub if chosen is None else sub.columns(chosen)
            mine = spec[span] if chosen is None else spec[span][chosen]
            refuse_duplicates(picked, frame.indicators, frame.places, names)
            rules = columns.rules(mine)
            part = (assess_band(picked, rules, series_count, aside, frame.value) if rules.toward
                    else assess_block(picked, rules, series_count, aside))
            out.add(row[span] if chosen is None else row[span][chosen], part)
    uncovered = ~covered
    out.flags[ReasonCode.NO_DATA] = (out.status == Status.NO_DATA.code) & covered
    if uncovered.any():
        out.flags[ReasonCode.NOT_IN_PLAN] = uncovered
    if ReasonCode.SERIES_CHOSEN in out.flags:
        out.flags[ReasonCode.SERIES_SET_ASIDE] = out.flags[ReasonCode.SERIES_CHOSEN]
    return AssessmentTable(
        places=places, indicators=tuple(s.indicator.code for s in specs),
        methods=tuple(s.method.name for s in specs), as_of=date, status=out.status,
        target_value=np.where(covered, columns.goal[at], np.nan),
        deadline=np.where(covered, columns.deadline[at], -1), series_names=names,
        flags=out.flags,
        frame=frame, specs=tuple(every), spec_at=spec_at, parts=tuple(out.parts),
        frame_place=frame_place, locate=out.locate, **out.rows, **out.figures)


def _positions(names: tuple[str, ...], places: tuple[str, ...]) -> tuple[IntArray, IntArray]:
    """Each table place's position in the frame, and each frame place's in the table.

    -1 for none; the second has one more entry, for -1 to look up.
    """
    if names == places:
        same = np.append(np.arange(len(names)), -1)
        return same[:-1], same
    known = {name: position for position, name in enumerate(names)}
    wanted = {name: position for position, name in enumerate(places)}
    return (np.array([known.get(p, -1) for p in places], dtype=np.int64),
            np.array([*(wanted.get(n, -1) for n in names), -1], dtype=np.int64))


class _Out:
    """The table's columns, written part by part."""

    def __init__(self, size: int, flags: dict[ReasonCode, BoolArray]) -> None:
        self.size, self.flags = size, flags
        self.status = np.full(size, Status.NO_DATA.code, dtype=np.int64)
        self.figures = {name: np.full(size, np.nan) for name in FIGURES}
        self.rows: dict[str, Any] = {name: np.full(size, -1, dtype=np.int64)
                     for name in ("series", "latest_row", "baseline_row")}
        self.locate = np.full(size, -1, dtype=np.int64)
        self.parts: list[tuple[IntArray, Part]] = []

    def add(self, slots: IntArray, part: Part) -> None:
        """Write `part`, whose groups are the table rows `slots`."""
        self.status[slots] = part.status
        for name in FIGURES:
            column = part.figures[name]
            if column.strides != (0,) or not np.isnan(column[0]):  # not NaN everywhere
                self.figures[name][slots] = column
        self.rows["series"][slots] = part.block.series
        self.rows["latest_row"][slots] = part.latest_row
        self.rows["baseline_row"][slots] = part.baseline_row
        for reason, flag in part.flags.items():
            found = self.flags.get(reason)
            if found is None:
                found = self.flags[reason] = np.zeros(self.size, dtype=bool)
            found[slots] = flag
        self.locate[slots] = (len(self.parts) << 32) | np.arange(len(slots))
        self.parts.append((slots, part))
