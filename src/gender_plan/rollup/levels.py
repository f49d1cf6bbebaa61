"""Every place at every level at once: aggregate a frame up the hierarchy, assess, compare."""

from __future__ import annotations

import datetime
import math
from collections.abc import Mapping
from typing import Any

import attrs
import numpy as np
import numpy.typing as npt

from gender_plan._i18n import msg
from gender_plan.errors import AggregationError
from gender_plan.evaluation._layout import period_of
from gender_plan.evaluation.engine import assess_frame
from gender_plan.evaluation.frame import MeasurementFrame
from gender_plan.evaluation.method import Method
from gender_plan.evaluation.status import STATUSES, Status
from gender_plan.evaluation.table import AssessmentTable
from gender_plan.model.plan import Plan
from gender_plan.rollup._groups import group_key, refuse_valueless
from gender_plan.rollup.aggregation import CountMet, Ratio, Rule, Sum, counted_twice, rule_for
from gender_plan.rollup.places import PlaceHierarchy

__all__ = ["Ranked", "aggregate_frame", "assess_levels", "ranking", "share_on_track"]


def aggregate_frame(
    frame: MeasurementFrame,
    hierarchy: PlaceHierarchy,
    level: str,
    plan: Plan,
    *,
    rules: Mapping[str, Rule] | None = None,
) -> MeasurementFrame:
    """`gender_plan.rollup.aggregate` over arrays: each place of `level` from those under it.

    Sums and Σ numerator / Σ denominator ratios; yes/no indicators are left out (count them
    with `aggregate`). A weighted mean is not offered here. Rows of a place beside rows of
    places below it, for one indicator and period, are refused, as `aggregate` refuses them.

    Raises:
        AggregationError: a rate row without numerator or denominator, a rate whose rows of one
            place and period have a Σ denominator of 0, a place outside the hierarchy, or rows
            of a place and of places below it in one sum.
    """
    parents = tuple(p.code for p in hierarchy.at_level(level))
    index = {code: i for i, code in enumerate(parents)}
    ancestor = np.array([index.get(hierarchy.ancestor(p, level) or "", -1) for p in frame.places],
                        dtype=np.int64)
    if len(frame) and (ancestor[frame.place] < 0).any():
        outside = sorted({frame.places[p] for p in frame.place[ancestor[frame.place] < 0]})
        raise AggregationError(msg("places without an ancestor at level {level!r}: {places}",
                                   level=level, places=", ".join(outside[:5])))
    chosen = {i.code: rule_for(i) for _, i in plan.indicators()}
    chosen.update(rules or {})
    kind = np.array([_kind(chosen.get(code)) for code in frame.indicators] or [0], dtype=np.int64)
    scale = np.array([r.scale if isinstance(r := chosen.get(c), Ratio) else 1.0
                      for c in frame.indicators] or [1.0])
    rows_kind = kind[frame.indicator]
    keep = rows_kind > 0
    ratio = rows_kind == 2
    lacking = keep & ratio & (np.isnan(frame.numerator) | np.isnan(frame.denominator))
    if lacking.any():
        codes = sorted({frame.indicators[i] for i in frame.indicator[lacking]})
        raise AggregationError(msg(
            "{count} rows of rate indicators {codes} lack a numerator or denominator: a rate "
            "combines as Σ numerator / Σ denominator, so give every row both (averaging "
            "percentages without them is refused)", count=int(lacking.sum()),
            codes=", ".join(codes)))
    rows = np.flatnonzero(keep)
    first, inverse, size = group_key([ancestor[frame.place[rows]], frame.indicator[rows],
                                      frame.series[rows], frame.sex[rows], frame.start[rows],
                                      frame.end[rows] - frame.start[rows]])
    source = rows[first]
    _refuse_nested(frame, hierarchy, level, rows, inverse, source, parents, ancestor)
    unique = np.stack([ancestor[frame.place[source]], frame.indicator[source],
                       frame.series[source], frame.sex[source], frame.start[source],
                       frame.end[source]])

    def total(column: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
        summed: npt.NDArray[np.float64] = np.bincount(
            inverse, weights=column[rows], minlength=size
        ).astype(np.float64)
        return summed

    numerator = total(np.nan_to_num(frame.numerator))
    denominator = total(np.nan_to_num(frame.denominator))
    indicator = unique[1]
    is_ratio = kind[indicator] == 2
    with np.errstate(all="ignore"):
        value = np.where(is_ratio, scale[indicator] * numerator / denominator, total(frame.value))
    refuse_valueless(value, is_ratio, denominator, lambda k: (
        frame.indicators[indicator[k]], parents[unique[0][k]], int(unique[4][k]),
        int(unique[5][k])))
    return MeasurementFrame(
        places=parents, indicators=frame.indicators, series_names=frame.series_names,
        place=unique[0], indicator=indicator, series=unique[2], sex=unique[3],
        year=frame.year[source], start=unique[4], end=unique[5], time=frame.time[source],
        frequency=frame.frequency[source], value=value,
        numerator=np.where(is_ratio, numerator, np.nan),
        denominator=np.where(is_ratio, denominator, np.nan),
    )


def _refuse_nested(frame: MeasurementFrame, hierarchy: PlaceHierarchy, level: str,
                   rows: npt.NDArray[np.intp], inverse: npt.NDArray[np.signedinteger[Any]],
                   source: npt.NDArray[np.intp], parents: tuple[str, ...],
                   ancestor: npt.NDArray[np.int64]) -> None:
    """Refuse a group that sums rows of a place and of places below it (counted twice)."""
    nested = hierarchy.nested(frame.places, level)  # by the frame's places: no row read
    if not nested:  # a frame of one level, as usual
        return
    place = frame.place[rows]
    index = {code: k for k, code in enumerate(frame.places)}
    for upper, below in nested.items():
        mine = inverse[place == index[upper]]
        theirs = np.isin(place, [index[b] for b in below])
        both = np.intersect1d(mine, inverse[theirs])
        if len(both):
            row = int(source[both[0]])
            raise AggregationError(counted_twice(
                frame.indicators[frame.indicator[row]], parents[ancestor[frame.place[row]]],
                period_of(int(frame.start[row]), int(frame.end[row])), upper,
                {frame.places[p] for p in place[theirs & (inverse == both[0])]}))


def _kind(rule: Rule | None) -> int:
    if isinstance(rule, Sum):
        return 1
    if isinstance(rule, Ratio):
        return 2
    if rule is None or isinstance(rule, CountMet):
        return 0
    raise AggregationError(msg("a weighted mean is only offered by "
                               "gender_plan.rollup.aggregate"))


def assess_levels(
    plan: Plan,
    frame: MeasurementFrame,
    hierarchy: PlaceHierarchy,
    *,
    as_of: datetime.date | int,
    method: Method | None = None,
    methods: Mapping[str, Method] | None = None,
    rules: Mapping[str, Rule] | None = None,
) -> dict[str, AssessmentTable]:
    """Assess the places of the bottom level from `frame`, and every level above from sums.

    `rules` overrides how some indicators combine, by code, as in `aggregate` (a `Sum` or a
    `Ratio`); `methods` overrides `method` for some indicators, as in `assess_frame`.
    """
    levels = hierarchy.levels
    tables = {levels[0]: assess_frame(plan, frame, as_of=as_of, method=method, methods=methods)}
    for level in levels[1:]:
        tables[level] = assess_frame(
            plan, aggregate_frame(frame, hierarchy, level, plan, rules=rules), as_of=as_of,
            method=method, methods=methods)
    return tables


_GOOD = np.array([STATUSES.index(Status.ON_TRACK), STATUSES.index(Status.ACHIEVED)])


def share_on_track(table: AssessmentTable) -> dict[str, float]:
    """Per indicator, the share (percent) of places ACHIEVED or ON_TRACK among all places.

    NaN where no place has data for the indicator (every place NO_DATA, or no place at all):
    a share of nothing is unknown, not 0%.
    """
    count = len(table.places)
    result = {}
    for k, code in enumerate(table.indicators):
        block = table.status[k * count : (k + 1) * count]
        if not count or (block == Status.NO_DATA.code).all():
            result[code] = math.nan
        else:
            result[code] = 100 * float(np.isin(block, _GOOD).mean())
    return result


@attrs.frozen(kw_only=True)
class Ranked:
    """One place's line in a ranking."""

    rank: int
    place: str
    status: Status
    ratio: float | None


def ranking(table: AssessmentTable, indicator: str) -> tuple[Ranked, ...]:
    """Places from best to worst on `indicator`: by status, then by progress ratio."""
    k = table.rows_of(indicator).start
    lines = []
    for p, place in enumerate(table.places):
        status = STATUSES[int(table.status[k + p])]
        ratio = float(table.ratio[k + p])
        lines.append((place, status, None if np.isnan(ratio) else ratio))
    order = sorted(lines, key=lambda line: (-(line[1].rank if line[1].rank is not None else -1),
                                            -(line[2] if line[2] is not None else -np.inf),
                                            line[0]))
    return tuple(Ranked(rank=i + 1, place=place, status=status, ratio=ratio)
                 for i, (place, status, ratio) in enumerate(order))
