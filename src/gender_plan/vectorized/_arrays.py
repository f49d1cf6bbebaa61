"""Rows of one indicator arranged per place: one padded row of a 2-D array per place."""

from __future__ import annotations

import datetime
from collections.abc import Mapping

import attrs
import numpy as np
import numpy.typing as npt

from gender_plan.vectorized.frame import MeasurementFrame

IntArray = npt.NDArray[np.int64]
FloatArray = npt.NDArray[np.float64]
BoolArray = npt.NDArray[np.bool_]

@attrs.frozen(kw_only=True, eq=False)
class Groups:
    """Indicators' values in the chosen series, a row per (indicator, place), in time order.

    Positions past a group's last value are padding (`mask` False).
    """

    indicator: IntArray
    """Each row's indicator in the frame."""
    place: IntArray
    """Each row's place in the output."""
    source_place: IntArray
    """Each row's place in the frame."""
    series: IntArray
    mask: BoolArray
    value: FloatArray
    time: FloatArray
    year: IntArray
    start: IntArray
    end: IntArray
    frequency: IntArray


def group(
    frame: MeasurementFrame,
    rows: IntArray,
    place_map: IntArray,
    preferred: Mapping[int, str | None],
    date: datetime.date,
) -> Groups:
    """Choose each place's series as the engine does, then lay its values out in time order.

    `rows` are totals in the order of `MeasurementFrame.totals` (by indicator, place, series
    and period), each indicator's rows together; `preferred` maps the frame's indicator codes to
    their preferred series.
    """
    indicators = frame.indicator[rows]
    places = frame.place[rows]
    series = frame.series[rows]
    new = _starts(indicators, places)
    mixed = ~new[1:] & (series[1:] != series[:-1])
    if mixed.any():
        keep = np.ones(len(rows), dtype=bool)
        for code in np.unique(indicators[1:][mixed]).tolist():
            part = np.flatnonzero(indicators == code)
            keep[part] = _chosen_series(frame, rows[part], preferred.get(code), date)
        rows, indicators, places = rows[keep], indicators[keep], places[keep]
        new = _starts(indicators, places)
    first = np.flatnonzero(new)
    counts = np.diff(np.append(first, len(rows)))
    width = int(counts.max())
    shape = (len(first), width)
    if (counts == width).all():

        def lay(column: npt.NDArray[np.generic], fill: object) -> npt.NDArray[np.generic]:
            return column[rows].reshape(shape)

        mask = np.ones(shape, dtype=bool)
    else:
        group_of = np.repeat(np.arange(len(first)), counts)
        position = np.arange(len(rows)) - first[group_of]

        def lay(column: npt.NDArray[np.generic], fill: object) -> npt.NDArray[np.generic]:
            out = np.full(shape, fill, dtype=column.dtype)
            out[group_of, position] = column[rows]
            return out

        mask = np.zeros(shape, dtype=bool)
        mask[group_of, position] = True
    source = places[first]
    return Groups(
        indicator=indicators[first],
        place=place_map[source],
        source_place=source,
        series=frame.series[rows[first]],
        mask=mask,
        value=lay(frame.value, np.nan),  # type: ignore[arg-type]
        time=lay(frame.time, np.nan),  # type: ignore[arg-type]
        year=lay(frame.year, 0),  # type: ignore[arg-type]
        start=lay(frame.start, 0),  # type: ignore[arg-type]
        end=lay(frame.end, np.iinfo(np.int64).max),  # type: ignore[arg-type]
        frequency=lay(frame.frequency, -1),  # type: ignore[arg-type]
    )


def _starts(indicators: IntArray, places: IntArray) -> BoolArray:
    """Where a new (indicator, place) group begins."""
    starts: BoolArray = np.empty(len(places), dtype=bool)
    starts[:1] = True
    starts[1:] = (indicators[1:] != indicators[:-1]) | (places[1:] != places[:-1])
    return starts


def _chosen_series(
    frame: MeasurementFrame, rows: IntArray, preferred: str | None, date: datetime.date
) -> BoolArray:
    """Which rows belong to their place's chosen series (the engine's `_choose_series`).

    The preferred series where the place has it; else the most values up to the date, then the
    most recent such value, then the greatest name.
    """
    places = frame.place[rows]
    series = frame.series[rows]
    usable = frame.end[rows] <= date.toordinal()
    names = [name or "" for name in frame.series_names]
    name_rank = np.empty(len(names), dtype=np.int64)
    name_rank[np.argsort(np.array(names, dtype=object), kind="stable")] = np.arange(len(names))
    if preferred is not None and preferred in frame.series_names:
        preferred_code = frame.series_names.index(preferred)
        name_rank[preferred_code] = len(names)
    pair = places * len(names) + series
    pairs, inverse = np.unique(pair, return_inverse=True)
    count = np.bincount(inverse, weights=usable.astype(np.float64), minlength=len(pairs))
    latest = np.full(len(pairs), -1, dtype=np.int64)
    np.maximum.at(latest, inverse, np.where(usable, frame.end[rows], -1))
    pair_place = pairs // len(names)
    pair_rank = name_rank[pairs % len(names)]
    preferred_first = pair_rank == len(names)
    order = np.lexsort((pair_rank, latest, count, preferred_first, pair_place))
    last_of_place = np.concatenate((pair_place[order][1:] != pair_place[order][:-1], [True]))
    winners = pairs[order][last_of_place]
    return np.isin(pair, winners)
