"""The one assessment engine: every indicator at every place of a frame, at once.

`assess_frame` runs the common rules (`_rules`) and each indicator's method on arrays with one
column per place. `assess_indicator` and `assess_plan` are this engine run on one place.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping, Sequence

import numpy as np

from gender_plan._i18n import msg
from gender_plan.errors import AssessmentError
from gender_plan.evaluation._layout import Block, BoolArray, IntArray
from gender_plan.evaluation._rules import (
    FIGURES,
    Part,
    assess_block,
    choose_series,
    refuse_duplicates,
)
from gender_plan.evaluation._spec import Spec, specs_of
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
    refuse_levels_to_stay_near(specs)
    return assess_specs(frame, specs, places if places is not None else frame.places, date)


Columns = Sequence[Sequence[tuple[Spec, BoolArray | None]]]
"""Per indicator of a table, its specs and the table places each applies to (None: every
place): one spec for a plan's indicator, one per plan when places follow their own plans."""


def refuse_levels_to_stay_near(specs: Sequence[Spec]) -> None:
    """Refuse a level to stay near on the many-places path, saying what to use instead.

    # band transform: it runs per place (`assess_indicator`, `assess_plan`);
    `gender_plan.evaluation.band` works on arrays, ready to be wired here.
    """
    for spec in specs:
        if spec.indicator.is_toward:
            raise AssessmentError(msg(
                "indicator {code!r} is a level to stay near, which the many-places path does "
                "not judge yet: assess it place by place with gender_plan.assess_plan or "
                "assess_indicator", code=spec.indicator.code))


def assess_specs(frame: MeasurementFrame, specs: Sequence[Spec], places: tuple[str, ...],
                 date: datetime.date, *, columns: Columns | None = None) -> AssessmentTable:
    """Assess each spec's indicator at `places` from `frame`: the engine's core.

    With `columns`, indicator `k` of the table is assessed at each place by the spec of
    `columns[k]` that applies there (`specs` then only name the indicators and methods); a
    place that no spec covers is NO_DATA with the reason `not_in_plan`.

    """
    count = len(places)
    size = len(specs) * count
    groups = columns if columns is not None else [[(spec, None)] for spec in specs]
    wanted = {name: position for position, name in enumerate(places)}
    known = {name: position for position, name in enumerate(frame.places)}
    frame_place = np.array([known.get(p, -1) for p in places], dtype=np.int64)
    to_table = np.array([wanted.get(name, -1) for name in frame.places], dtype=np.int64)
    figures = {name: np.full(size, np.nan) for name in FIGURES}
    status = np.full(size, Status.NO_DATA.code, dtype=np.int64)
    rows: dict[str, IntArray] = {name: np.full(size, -1, dtype=np.int64)
                                 for name in ("series", "latest_row", "baseline_row", "spec")}
    target_value, deadline = np.full(size, np.nan), np.full(size, -1, dtype=np.int64)
    flags: dict[ReasonCode, BoolArray] = {}
    locate = np.full(size, -1, dtype=np.int64)
    parts: list[tuple[IntArray, Part]] = []
    every: list[Spec] = []
    names = frame.series_names
    rank = np.empty(len(names), dtype=np.int64)
    rank[np.argsort(np.array([n or "" for n in names], dtype=object), kind="stable")] = (
        np.arange(len(names)))
    for k, column in enumerate(groups):
        for spec, where in column:
            here = k * count + (np.arange(count) if where is None else np.flatnonzero(where))
            rows["spec"][here] = len(every)
            every.append(spec)
            target_value[here] = spec.y_T if spec.y_T is not None else _fact(spec)
            deadline[here] = -1 if spec.deadline is None else spec.deadline
            if spec.others:
                _flag(flags, ReasonCode.MILESTONE, size)[here] = True
            position = (frame.indicators.index(spec.indicator.code)
                        if spec.indicator.code in frame.indicators else -1)
            if position in frame.layout.disaggregated:
                seen = frame.layout.disaggregated[position]
                table_place = here - k * count
                _flag(flags, ReasonCode.DISAGGREGATED_IGNORED, size)[here] = np.where(
                    frame_place[table_place] >= 0,
                    seen[np.maximum(frame_place[table_place], 0)], False)
            block = frame.layout.blocks.get(position)
            if block is not None:
                found = _assess_block(frame, block, spec, here - k * count, to_table, rank)
                if found is not None:
                    slots, part = k * count + found[0], found[1]
                    status[slots] = part.status
                    for name in FIGURES:
                        figures[name][slots] = part.figures[name]
                    rows["series"][slots] = part.block.series
                    rows["latest_row"][slots] = part.latest_row
                    rows["baseline_row"][slots] = part.baseline_row
                    for reason, flag in part.flags.items():
                        _flag(flags, reason, size)[slots] = flag
                    locate[slots] = (len(parts) << 32) | np.arange(len(slots))
                    parts.append((slots, part))
    uncovered = rows["spec"] < 0
    flags[ReasonCode.NO_DATA] = (status == Status.NO_DATA.code) & ~uncovered
    if uncovered.any():
        flags[ReasonCode.NOT_IN_PLAN] = uncovered
    if ReasonCode.SERIES_CHOSEN in flags:
        flags[ReasonCode.SERIES_SET_ASIDE] = flags[ReasonCode.SERIES_CHOSEN]
    return AssessmentTable(
        places=places, indicators=tuple(s.indicator.code for s in specs),
        methods=tuple(s.method.name for s in specs), as_of=date, status=status,
        target_value=target_value, deadline=deadline, series_names=names, flags=flags,
        frame=frame, specs=tuple(every), spec_at=rows["spec"], parts=tuple(parts),
        frame_place=frame_place, locate=locate, series=rows["series"],
        latest_row=rows["latest_row"], baseline_row=rows["baseline_row"], **figures,
    )


def _assess_block(frame: MeasurementFrame, block: Block, spec: Spec, table_places: IntArray,
                  to_table: IntArray, rank: IntArray) -> tuple[IntArray, Part] | None:
    """One spec's indicator at the table places `table_places`: their table places, the part."""
    mine = np.zeros(max(int(to_table.max(initial=0)), int(table_places.max(initial=0))) + 1,
                    dtype=bool)
    mine[table_places] = True
    keep = (to_table[block.place] >= 0) & mine[np.maximum(to_table[block.place], 0)]
    if not keep.any():
        return None
    names = frame.series_names
    preferred = names.index(spec.indicator.series) if spec.indicator.series in names else -1
    chosen, series_count, aside = choose_series(block, keep, spec, preferred, rank)
    whole = len(chosen) == len(block.place) and bool((np.diff(chosen) > 0).all())
    picked = block if whole else block.columns(chosen)
    refuse_duplicates(picked, spec.indicator.code, frame.places, names)
    return to_table[picked.place], assess_block(picked, spec, series_count, aside)


def _fact(spec: Spec) -> float:
    """A yes/no target's wanted value as 1.0 or 0.0 (NaN without a target)."""
    if isinstance(spec.target_value, bool):
        return 1.0 if spec.target_value else 0.0
    return np.nan


def _flag(flags: dict[ReasonCode, BoolArray], code: ReasonCode, size: int) -> BoolArray:
    found = flags.get(code)
    if found is None:
        found = flags[code] = np.zeros(size, dtype=bool)
    return found
