"""The groups one batch of indicators assesses: slices of a laid-out block, a series per place."""

from __future__ import annotations

import datetime
import itertools
from collections.abc import Mapping, Sequence

import attrs
import numpy as np

from gender_plan.vectorized._layout import BoolArray, FloatArray, IntArray, Layout


@attrs.frozen(kw_only=True, eq=False)
class Batch:
    """Some indicators' groups in the chosen series, a column per (indicator, place).

    2-D arrays have a row per position, in the engine's time order; padding is never available
    (its `end` is past every date).
    """

    member: IntArray
    """Each group's position among the batch's indicators."""
    place: IntArray
    """Each group's place in the frame."""
    series: IntArray
    value: FloatArray
    time: FloatArray
    year: IntArray
    end: IntArray
    frequency: IntArray
    duplicate: BoolArray
    shared: bool
    """Whether every group holds the same periods (position `j` is one period for all)."""
    whole: bool
    """Whether the groups are every place of each indicator in turn, in the frame's order."""

    def __len__(self) -> int:
        return len(self.member)


def select(
    layout: Layout,
    codes: Sequence[int],
    places: BoolArray | None,
    preferred: Mapping[int, int],
    name_rank: IntArray,
    date: datetime.date,
    place_count: int,
) -> Batch:
    """The groups of indicators `codes` (of one block) at the wanted `places` (None: all).

    `preferred` maps indicator codes to their preferred series' code; `name_rank` orders the
    series by name, as the engine breaks ties.
    """
    spans = [layout.spans[code] for code in codes]
    block = layout.blocks[spans[0].block]
    sizes = [span.stop - span.first for span in spans]
    member = np.repeat(np.arange(len(spans)), sizes)
    part: slice | IntArray
    if all(a.stop == b.first for a, b in itertools.pairwise(spans)):
        part = slice(spans[0].first, spans[-1].stop)
    else:
        part = np.concatenate([np.arange(span.first, span.stop) for span in spans])
    keep: BoolArray | None = None
    if places is not None:
        keep = places[block.place[part]]
    if any(span.mixed for span in spans):
        chosen = _chosen_series(block.indicator[part], block.place[part], block.series[part],
                                block.end[:, part], preferred, name_rank, date)
        keep = chosen if keep is None else keep & chosen
    if keep is not None and not keep.all():
        rows = np.arange(part.start, part.stop) if isinstance(part, slice) else part
        part, member = rows[keep], member[keep]
    shared = all(span.periods is not None and span.periods == spans[0].periods
                 for span in spans)
    whole = keep is None and all(size == place_count for size in sizes)
    return Batch(
        member=member, place=block.place[part], series=block.series[part],
        value=block.value[:, part], time=block.time[:, part], year=block.year[:, part],
        end=block.end[:, part], frequency=block.frequency[:, part],
        duplicate=block.duplicate[part], shared=shared, whole=whole,
    )


def _chosen_series(
    indicator: IntArray, place: IntArray, series: IntArray, end: IntArray,
    preferred: Mapping[int, int], name_rank: IntArray, date: datetime.date,
) -> BoolArray:
    """Which groups hold their place's chosen series (the engine's `_choose_series`).

    The preferred series where the place has it; else the most values up to the date, then the
    most recent such value, then the greatest name.
    """
    usable = end <= date.toordinal()
    count = usable.sum(axis=0)
    latest = np.where(usable, end, -1).max(axis=0)
    favourite = np.full(int(indicator.max()) + 1, -1, dtype=np.int64)
    for code, wanted in preferred.items():
        if code < len(favourite):
            favourite[code] = wanted
    first = favourite[indicator] == series
    order = np.lexsort((name_rank[series], latest, count, first, place, indicator))
    last = np.ones(len(order), dtype=bool)
    last[:-1] = (indicator[order][1:] != indicator[order][:-1]) | (
        place[order][1:] != place[order][:-1])
    chosen = np.zeros(len(order), dtype=bool)
    chosen[order[last]] = True
    return chosen
