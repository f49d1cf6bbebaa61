"""A frame's totals laid out once for assessment: a column per group, indicators side by side.

A group is one indicator's values at one place in one series, in time order (by start, then
end). Groups form `Block`s of 2-D arrays, a row per position and a column per group, so that
the rules run on every place at once; indicators whose groups have as many positions, and the
same periods where every group shares them, share one block, so that the rules run on them at
once too. Laying out is done once, when the frame is first assessed.
"""

from __future__ import annotations

import datetime
import functools
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

    @functools.cached_property
    def one_series(self) -> bool:
        """Whether each indicator has one series at each place (found once for a layout's)."""
        return not ((self.indicator[1:] == self.indicator[:-1])
                    & (self.place[1:] == self.place[:-1])).any()

    def columns(self, groups: IntArray | slice) -> Block:
        """The block of the groups at positions `groups` only."""
        if isinstance(groups, slice) and groups == slice(None):  # every group: this block
            return self

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


def all_of(*masks: BoolArray) -> BoolArray:
    """Where every mask holds; a mask of one entry (shared by every group) is applied whole.

    numpy's `&` broadcasting one entry is 15 times slower than on two arrays.
    """
    rest = [mask for mask in masks if mask.shape != (1,)]
    if not all(bool(mask[0]) for mask in masks if mask.shape == (1,)):
        return np.zeros(rest[0].shape if rest else 1, dtype=bool)
    return functools.reduce(np.logical_and, rest) if rest else np.ones(1, dtype=bool)


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
    rows, first = _totals_in_order(frame)
    if first is None:  # where each group begins in `rows`
        first = np.flatnonzero(_new_group(frame.indicator[rows], frame.place[rows],
                                          frame.series[rows]))
    counts = np.diff(np.append(first, len(rows)))
    edges = np.searchsorted(frame.indicator[rows[first]],
                            np.arange(len(frame.indicators) + 1))
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
    if shared and first[-1] - first[0] == (size - 1) * width:  # full groups, one after another
        row = np.ascontiguousarray(rows[first[0]:first[0] + size * width].reshape(size, width).T)
    else:
        column = np.repeat(np.arange(size), counts)
        position = np.arange(len(column)) - np.repeat(np.cumsum(counts) - counts, counts)
        row = np.full((width, size), -1, dtype=rows.dtype)
        row[position, column] = rows[np.repeat(first, counts) + position]
    valid = np.ones((width, 1), dtype=bool) if shared else row >= 0

    def lay(values: npt.NDArray[Any], fill: object) -> Any:
        if shared:  # every group full, with the first group's periods
            return values[row[:, :1]]
        return np.where(valid, values[np.maximum(row, 0)], np.asarray(fill, values.dtype))

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


def composite(columns: tuple[npt.NDArray[Any], ...]) -> IntArray | None:
    """One integer per row that orders rows as the columns do, the first most significant.

    Each column counts from its least value; None when the product of their ranges does not
    fit 62 bits.
    """
    key = np.zeros(len(columns[0]), dtype=np.int64)
    total = 1
    for column in columns:
        low = int(column.min()) if len(column) else 0
        span = int(column.max()) - low + 1 if len(column) else 1
        total *= span
        if total >= 2**62:
            return None
        key *= span  # in place: a nation's key is 21 MB
        key += column
        key -= low
    return key


def _totals_in_order(frame: MeasurementFrame) -> tuple[IntArray, IntArray | None]:
    """The rows of totals sorted by (indicator, place, series, start, length), stably.

    With them, where each group begins among them when that is known already (else None).
    """
    totals = frame.sex == 0
    every = bool(totals.all())  # no values by sex: no copy of the columns

    def column(values: npt.NDArray[Any]) -> Any:
        return values if every else values[totals]

    keys = (column(frame.indicator), column(frame.place), column(frame.series),
            column(frame.start), column(frame.end) - column(frame.start))
    order, first = _groups_in_order(keys)
    if order is None:
        key = composite(keys)  # one sort of one key; data in order (as files are) sort fast
        order = np.argsort(key, kind="stable") if key is not None else np.lexsort(keys[::-1])
    found: IntArray = order if every else np.flatnonzero(totals)[order]
    if len(frame) < 2**31:  # rows: half the memory
        found = found.astype(np.int32, copy=False)
    return found, first


def _groups_in_order(keys: tuple[npt.NDArray[Any], ...]) -> tuple[IntArray | None,
                                                                   IntArray | None]:
    """The stable order of `keys` (group columns, then start and length), and group starts.

    Only when every group's rows are together and in time order already, as files write them:
    only the groups are sorted. (None, None) otherwise: a group's rows apart, or out of time
    order.
    """
    indicator, place, series, start, length = keys
    size = len(indicator)
    if size < 2:
        return None, None
    new = _new_group(indicator, place, series)
    later = (start[1:] > start[:-1]) | ((start[1:] == start[:-1]) & (length[1:] >= length[:-1]))
    if not (new[1:] | later).all():
        return None, None
    first = np.flatnonzero(new)
    if 2 * len(first) > size:  # groups of one or two rows: sorting them saves nothing
        return None, None
    key = composite((indicator[first], place[first], series[first]))
    if key is None:
        return None, None
    groups = np.argsort(key, kind="stable")
    ordered = key[groups]
    if (ordered[1:] == ordered[:-1]).any():  # a group in two runs: sort every row
        return None, None
    starts: Any = first[groups].astype(np.int32 if size < 2**31 else np.int64)
    counts = np.diff(np.append(first, size))[groups]
    offset = np.cumsum(counts) - counts
    found: IntArray = np.repeat(starts - offset.astype(starts.dtype), counts)
    found += np.arange(size, dtype=starts.dtype)
    return found, offset


def _new_group(indicator: npt.NDArray[Any], place: npt.NDArray[Any],
               series: npt.NDArray[Any]) -> BoolArray:
    """Whether each row begins a group: the first row, or another group than the row before."""
    new = np.empty(len(indicator), dtype=bool)
    new[:1] = True
    np.not_equal(indicator[1:], indicator[:-1], out=new[1:])
    new[1:] |= place[1:] != place[:-1]
    new[1:] |= series[1:] != series[:-1]
    return new
