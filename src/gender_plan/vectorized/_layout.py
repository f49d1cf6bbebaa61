"""A frame's totals laid out once for assessment: a column per group, a row per position.

A group is one indicator's values at one place in one series, in the engine's order (by start,
then end). Groups of indicators with the same number of positions share a `Block`, so that an
assessment of many indicators reads contiguous slices of one array instead of copying. Laying
out is done once, when the frame is built; assessing sorts and copies nothing in the usual case.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import attrs
import numpy as np
import numpy.typing as npt

if TYPE_CHECKING:
    from gender_plan.vectorized.frame import MeasurementFrame

IntArray = npt.NDArray[np.int64]
FloatArray = npt.NDArray[np.float64]
BoolArray = npt.NDArray[np.bool_]

PAST = np.iinfo(np.int64).max
"""The end of a padding position: later than any date, so that padding is never available."""


@attrs.frozen(kw_only=True, eq=False)
class Block:
    """The groups of every indicator with `width` positions at most, side by side.

    2-D arrays have a row per position and a column per group; positions past a group's last
    value are padding (`valid` False, `end` `PAST`).
    """

    width: int
    indicator: IntArray
    place: IntArray
    """Each group's place in the frame."""
    series: IntArray
    value: FloatArray
    time: FloatArray
    year: IntArray
    end: IntArray
    frequency: IntArray
    valid: BoolArray
    duplicate: BoolArray
    """Whether a group holds two values of one period."""


@attrs.frozen(kw_only=True, eq=False)
class Span:
    """Where one indicator's groups lie in its block."""

    block: int
    first: int
    stop: int
    mixed: bool
    """Whether some place has values in more than one series (a series must be chosen)."""
    periods: tuple[tuple[int, int], ...] | None
    """The (first day, last day) of every position when all groups hold the same periods, so
    that one set of positions serves all; else None."""


@attrs.frozen(kw_only=True, eq=False)
class Layout:
    """Every indicator's groups, by the indicator's position in the frame."""

    blocks: tuple[Block, ...]
    spans: dict[int, Span]


def lay_out(frame: MeasurementFrame) -> Layout:
    """Sort the frame's totals into groups and lay each block out."""
    rows = _totals_in_order(frame)
    indicator = frame.indicator[rows]
    place = frame.place[rows]
    series = frame.series[rows]
    new = np.ones(len(rows), dtype=bool)
    new[1:] = ((indicator[1:] != indicator[:-1]) | (place[1:] != place[:-1])
               | (series[1:] != series[:-1]))
    first = np.flatnonzero(new)
    counts = np.diff(np.append(first, len(rows)))
    codes = indicator[first]
    edges = np.searchsorted(codes, np.arange(len(frame.indicators) + 1))
    present = [k for k in range(len(frame.indicators)) if edges[k + 1] > edges[k]]
    widths = {k: int(counts[edges[k] : edges[k + 1]].max()) for k in present}
    blocks: list[Block] = []
    spans: dict[int, Span] = {}
    for width in sorted(set(widths.values())):
        members = [k for k in present if widths[k] == width]
        groups = np.concatenate([np.arange(edges[k], edges[k + 1]) for k in members])
        block, start = _block(frame, rows, first[groups], counts[groups], width)
        offset = 0
        for k in members:
            stop = offset + int(edges[k + 1] - edges[k])
            same = bool(block.valid[:, offset:stop].all()
                        and (start[:, offset:stop] == start[:, offset : offset + 1]).all()
                        and (block.end[:, offset:stop] == block.end[:, offset : offset + 1]).all())
            spans[k] = Span(
                block=len(blocks), first=offset, stop=stop,
                mixed=bool((block.place[offset + 1 : stop] == block.place[offset : stop - 1])
                           .any()),
                periods=tuple(zip(start[:, offset].tolist(), block.end[:, offset].tolist(),
                                  strict=True)) if same else None,
            )
            offset = stop
        blocks.append(block)
    return Layout(blocks=tuple(blocks), spans=spans)


def _block(frame: MeasurementFrame, rows: IntArray, first: IntArray, counts: IntArray,
           width: int) -> tuple[Block, IntArray]:
    """The block of the groups starting at rows `first`, and each position's first day."""
    size = len(first)
    column = np.repeat(np.arange(size), counts)
    position = np.arange(len(column)) - np.repeat(np.cumsum(counts) - counts, counts)
    source = rows[np.repeat(first, counts) + position]

    def lay(values: npt.NDArray[np.generic], fill: object) -> npt.NDArray[np.generic]:
        out = np.full((width, size), fill, dtype=values.dtype)
        out[position, column] = values[source]
        return out

    valid = np.zeros((width, size), dtype=bool)
    valid[position, column] = True
    start = lay(frame.start, 0)
    end = lay(frame.end, PAST)
    duplicate = (valid[1:] & valid[:-1] & (start[1:] == start[:-1])
                 & (end[1:] == end[:-1])).any(axis=0)
    block = Block(
        width=width, indicator=frame.indicator[rows[first]], place=frame.place[rows[first]],
        series=frame.series[rows[first]], value=lay(frame.value, np.nan),  # type: ignore[arg-type]
        time=lay(frame.time, np.nan),  # type: ignore[arg-type]
        year=lay(frame.year, 0),  # type: ignore[arg-type]
        end=end,  # type: ignore[arg-type]
        frequency=lay(frame.frequency, -1),  # type: ignore[arg-type]
        valid=valid, duplicate=duplicate,
    )
    return block, start  # type: ignore[return-value]


def _totals_in_order(frame: MeasurementFrame) -> IntArray:
    """The rows of totals sorted by (indicator, place, series, start, length), stably."""
    rows = np.flatnonzero(frame.sex == 0)
    if rows.size == 0:
        return rows.astype(np.int64)
    start = frame.start[rows]
    length = frame.end[rows] - start
    keys = (length, start - start.min(), frame.series[rows], frame.place[rows],
            frame.indicator[rows])
    if min(int(key.min()) for key in keys) < 0:
        return rows[np.lexsort(keys)]
    bits = [max(int(key.max()), 1).bit_length() for key in keys]
    if sum(bits) > 62:  # the bits of a non-negative int64
        return rows[np.lexsort(keys)]
    composite = np.zeros(len(rows), dtype=np.int64)
    shift = 0
    for key, width in zip(keys, bits, strict=True):
        composite |= key.astype(np.int64) << shift
        shift += width
    if (np.diff(composite) >= 0).all():
        return rows
    return rows[np.argsort(composite, kind="stable")]
