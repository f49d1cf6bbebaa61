"""A frame's totals laid out once for assessment: a column per group, indicators side by side.

A group is one indicator's values at one place in one series, in time order (by start, then
end). Groups form `Block`s of 2-D arrays, a row per position and a column per group, so that
the rules run on every place at once; indicators whose groups have as many positions, and the
same periods where every group shares them, share one block, so that the rules run on them at
once too. Laying out is done once, when the frame is built.
"""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING, Any

import attrs
import numpy as np
import numpy.typing as npt

from gender_plan.model.period import Period

if TYPE_CHECKING:
    from gender_plan.evaluation.frame import MeasurementFrame

IntArray = npt.NDArray[np.int64]
FloatArray = npt.NDArray[np.float64]
BoolArray = npt.NDArray[np.bool_]

PAST = np.iinfo(np.int32).max
"""The end of a padding position: later than any date, so that padding is never available."""


@attrs.frozen(kw_only=True, eq=False)
class Block:
    """Groups side by side, a column per group, sorted by indicator, place, then series.

    Positions past a group's last value are padding (`valid` False, `end` `PAST`, `row` -1).
    Where every group holds the same periods (`shared`: national data usually do), the period
    arrays (`time`, `year`, `start`, `end`, `frequency`, `valid`) hold one column that
    broadcasts to every group, so that masks built from them are computed once.
    """

    indicator: Any
    """Each group's indicator in the frame."""
    place: Any
    """Each group's place in the frame."""
    series: Any
    row: IntArray
    """Each position's row in the frame."""
    value: FloatArray
    time: FloatArray
    year: Any
    start: Any
    end: Any
    frequency: Any
    valid: BoolArray
    duplicate: BoolArray
    """Whether a group holds two values of one period."""

    def __len__(self) -> int:
        return len(self.place)

    @property
    def shared(self) -> bool:
        """Whether the period arrays are one column shared by every group."""
        return bool(self.valid.shape[1] == 1)

    def columns(self, groups: IntArray | slice) -> Block:
        """The block of the groups at positions `groups` only."""

        def columns(values: Any) -> Any:  # np.take is twice as fast as indexing
            return values[:, groups] if isinstance(groups, slice) else np.take(
                values, groups, axis=1)

        def periods(values: Any) -> Any:
            return values if values.shape[1] == 1 else columns(values)

        return Block(
            indicator=self.indicator[groups], place=self.place[groups],
            series=self.series[groups], row=columns(self.row), value=columns(self.value),
            time=periods(self.time), year=periods(self.year), start=periods(self.start),
            end=periods(self.end), frequency=periods(self.frequency),
            valid=periods(self.valid), duplicate=self.duplicate[groups])


@attrs.frozen(kw_only=True, eq=False)
class Layout:
    """The blocks of a frame's totals, and each indicator's columns in them."""

    classes: tuple[Block, ...]
    """The blocks; each indicator's groups are consecutive columns of one."""
    members: tuple[tuple[int, ...], ...]
    """The indicators of each block, in its order."""
    blocks: dict[int, Block]
    """Each indicator's own block (those columns), by its position in the frame."""
    disaggregated: dict[int, BoolArray]
    """Per indicator, whether each frame place has sex-disaggregated rows of it."""


def pick(values: Any, index: IntArray) -> Any:
    """`values[..., index]`; an entry shared by every group (broadcast) stays shared."""
    if values.shape[-1] == 1 or values.strides[-1] == 0:
        return np.broadcast_to(values[..., :1], (*values.shape[:-1], len(index)))
    return np.take(values, index, axis=-1)


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
    """Sort the frame's totals into groups and lay them out, indicators of one shape together."""
    rows = _totals_in_order(frame)
    indicator, place, series = frame.indicator[rows], frame.place[rows], frame.series[rows]
    new = np.ones(len(rows), dtype=bool)
    new[1:] = ((indicator[1:] != indicator[:-1]) | (place[1:] != place[:-1])
               | (series[1:] != series[:-1]))
    first = np.flatnonzero(new)
    counts = np.diff(np.append(first, len(rows)))
    edges = np.searchsorted(indicator[first], np.arange(len(frame.indicators) + 1))
    shapes: dict[tuple[object, ...], list[int]] = {}
    for k in np.flatnonzero(np.diff(edges)).tolist():
        mine = slice(int(edges[k]), int(edges[k + 1]))
        width = int(counts[mine].max())
        shape: tuple[object, ...] = (width,)
        if (counts[mine] == width).all():  # the same periods everywhere: one column of them
            at = rows[first[mine][:, None] + np.arange(width)]
            start, end = frame.start[at], frame.end[at]
            if (start == start[0]).all() and (end == end[0]).all():
                shape = (width, start[0].tobytes(), end[0].tobytes())
        shapes.setdefault(shape, []).append(k)
    classes, blocks = [], {}
    for shape, members in shapes.items():
        groups = np.concatenate([np.arange(edges[k], edges[k + 1]) for k in members])
        block = _block(frame, rows, first[groups], counts[groups], shared=len(shape) > 1)
        classes.append(block)
        offset = 0
        for k in members:
            size = int(edges[k + 1] - edges[k])
            blocks[k] = block.columns(slice(offset, offset + size))
            offset += size
    disaggregated = {}
    split = np.flatnonzero(frame.sex != 0)
    for k in np.unique(frame.indicator[split]).tolist():
        flags = np.zeros(len(frame.places), dtype=bool)
        flags[frame.place[split[frame.indicator[split] == k]]] = True
        disaggregated[int(k)] = flags
    return Layout(classes=tuple(classes), members=tuple(map(tuple, shapes.values())),
                  blocks=blocks, disaggregated=disaggregated)


def _block(frame: MeasurementFrame, rows: IntArray, first: IntArray, counts: IntArray, *,
           shared: bool) -> Block:
    """The block of the groups starting at rows `first` (of `rows`), `counts` values each."""
    size, width = len(first), int(counts.max())
    column = np.repeat(np.arange(size), counts)
    position = np.arange(len(column)) - np.repeat(np.cumsum(counts) - counts, counts)
    source = rows[np.repeat(first, counts) + position]
    row = np.full((width, size), -1, dtype=np.int64)
    row[position, column] = source
    if shared:  # every group full, with the first group's periods
        row = np.ascontiguousarray(row)
        one = row[:, :1]

        def lay(values: npt.NDArray[Any], fill: object) -> Any:
            del fill
            return values[one]

        valid = np.ones((width, 1), dtype=bool)
    else:

        def lay(values: npt.NDArray[Any], fill: object) -> Any:
            out = np.full((width, size), fill, dtype=values.dtype)
            out[position, column] = values[source]
            return out

        valid = np.zeros((width, size), dtype=bool)
        valid[position, column] = True
    start, end = lay(frame.start, 0), lay(frame.end, PAST)
    duplicate = (valid[1:] & valid[:-1] & (start[1:] == start[:-1])
                 & (end[1:] == end[:-1])).any(axis=0)
    value = frame.value[row] if shared else lay(frame.value, np.nan)
    return Block(
        indicator=frame.indicator[rows[first]], place=frame.place[rows[first]],
        series=frame.series[rows[first]], row=row, value=value, time=lay(frame.time, np.nan),
        year=lay(frame.year, 0), start=start, end=end, frequency=lay(frame.frequency, -1),
        valid=valid, duplicate=np.broadcast_to(duplicate, (size,)),
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
