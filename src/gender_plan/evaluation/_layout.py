"""A frame's totals laid out once for assessment: per indicator, a column per group.

A group is one indicator's values at one place in one series, in time order (by start, then
end). Each indicator's groups form a `Block` of 2-D arrays, a row per position and a column per
group, so that the rules run on every place at once. Laying out is done once, when the frame is
built.
"""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

import attrs
import numpy as np
import numpy.typing as npt

from gender_plan.model.period import Period

if TYPE_CHECKING:
    from gender_plan.evaluation.frame import MeasurementFrame

IntArray = npt.NDArray[np.int64]
FloatArray = npt.NDArray[np.float64]
BoolArray = npt.NDArray[np.bool_]

PAST = np.iinfo(np.int64).max
"""The end of a padding position: later than any date, so that padding is never available."""


@attrs.frozen(kw_only=True, eq=False)
class Block:
    """One indicator's groups side by side, a column per group.

    Positions past a group's last value are padding (`valid` False, `end` `PAST`, `row` -1).
    """

    place: IntArray
    """Each group's place in the frame (groups sorted by place, then series)."""
    series: IntArray
    row: IntArray
    """Each position's row in the frame."""
    value: FloatArray
    time: FloatArray
    year: IntArray
    start: IntArray
    end: IntArray
    frequency: IntArray
    valid: BoolArray
    duplicate: BoolArray
    """Whether a group holds two values of one period."""
    shared: bool = False
    """Whether every group holds the same periods (national data usually do): the rules then
    find positions once for all groups (`grid`)."""

    def grid(self) -> Block:
        """The block with its periods as one column shared by every group, when `shared`.

        Masks built from it are computed once and broadcast; values stay one column per group.
        """
        if not self.shared or self.year.shape[1] <= 1:
            return self
        return attrs.evolve(self, year=self.year[:, :1], time=self.time[:, :1],
                            start=self.start[:, :1], end=self.end[:, :1],
                            frequency=self.frequency[:, :1], valid=self.valid[:, :1])

    def columns(self, groups: IntArray) -> Block:
        """The block of the groups at positions `groups` only."""
        return Block(
            place=self.place[groups], series=self.series[groups], row=self.row[:, groups],
            value=self.value[:, groups], time=self.time[:, groups], year=self.year[:, groups],
            start=self.start[:, groups], end=self.end[:, groups],
            frequency=self.frequency[:, groups], valid=self.valid[:, groups],
            duplicate=self.duplicate[groups], shared=self.shared,
        )


@attrs.frozen(kw_only=True, eq=False)
class Layout:
    """Every indicator's block, by the indicator's position in the frame."""

    blocks: dict[int, Block]
    disaggregated: dict[int, BoolArray]
    """Per indicator, whether each frame place has sex-disaggregated rows of it."""


def period_of(start: int, end: int) -> Period:
    """The period from day `start` to day `end` (ordinals): a day, month, quarter or year."""
    first, last = datetime.date.fromordinal(start), datetime.date.fromordinal(end)
    if first == last:
        return Period.from_date(first)
    if first.month == 1 and last.month == 12:
        return Period(year=first.year)
    if last.month - first.month == 2:
        return Period(year=first.year, quarter=(first.month + 2) // 3)
    return Period(year=first.year, month=first.month)


def lay_out(frame: MeasurementFrame) -> Layout:
    """Sort the frame's totals into groups and lay each indicator's block out."""
    rows = _totals_in_order(frame)
    indicator, place, series = frame.indicator[rows], frame.place[rows], frame.series[rows]
    new = np.ones(len(rows), dtype=bool)
    new[1:] = ((indicator[1:] != indicator[:-1]) | (place[1:] != place[:-1])
               | (series[1:] != series[:-1]))
    first = np.flatnonzero(new)
    counts = np.diff(np.append(first, len(rows)))
    edges = np.searchsorted(indicator[first], np.arange(len(frame.indicators) + 1))
    blocks = {}
    for k in range(len(frame.indicators)):
        if edges[k + 1] > edges[k]:
            groups = slice(int(edges[k]), int(edges[k + 1]))
            blocks[k] = _block(frame, rows, first[groups], counts[groups])
    disaggregated = {}
    split = np.flatnonzero(frame.sex != 0)
    for k in np.unique(frame.indicator[split]).tolist():
        flags = np.zeros(len(frame.places), dtype=bool)
        flags[frame.place[split[frame.indicator[split] == k]]] = True
        disaggregated[int(k)] = flags
    return Layout(blocks=blocks, disaggregated=disaggregated)


def _block(frame: MeasurementFrame, rows: IntArray, first: IntArray, counts: IntArray) -> Block:
    """The block of the groups starting at rows `first` (of `rows`), `counts` values each."""
    size, width = len(first), int(counts.max())
    column = np.repeat(np.arange(size), counts)
    position = np.arange(len(column)) - np.repeat(np.cumsum(counts) - counts, counts)
    source = rows[np.repeat(first, counts) + position]

    def lay(values: npt.NDArray[np.generic], fill: object) -> npt.NDArray[np.generic]:
        out = np.full((width, size), fill, dtype=values.dtype)
        out[position, column] = values[source]
        return out

    valid = np.zeros((width, size), dtype=bool)
    valid[position, column] = True
    row = np.full((width, size), -1, dtype=np.int64)
    row[position, column] = source
    start, end = lay(frame.start, 0), lay(frame.end, PAST)
    duplicate = (valid[1:] & valid[:-1] & (start[1:] == start[:-1])
                 & (end[1:] == end[:-1])).any(axis=0)
    return Block(
        place=frame.place[rows[first]], series=frame.series[rows[first]], row=row,
        value=lay(frame.value, np.nan), time=lay(frame.time, np.nan),  # type: ignore[arg-type]
        year=lay(frame.year, 0), start=start, end=end,  # type: ignore[arg-type]
        frequency=lay(frame.frequency, -1), valid=valid, duplicate=duplicate,  # type: ignore[arg-type]
        shared=bool(valid.all() and (start == start[:, :1]).all() and (end == end[:, :1]).all()),
    )


def _totals_in_order(frame: MeasurementFrame) -> IntArray:
    """The rows of totals sorted by (indicator, place, series, start, length), stably."""
    rows = np.flatnonzero(frame.sex == 0)
    if rows.size == 0:
        return rows.astype(np.int64)
    start = frame.start[rows]
    keys = (frame.end[rows] - start, start, frame.series[rows], frame.place[rows],
            frame.indicator[rows])
    return rows[np.lexsort(keys)]
