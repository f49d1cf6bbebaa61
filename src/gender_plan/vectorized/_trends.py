"""Each group's latest value, baseline and history, found as the engine finds them.

Where every group of a batch holds the same periods, the positions that count are found once for
all (a list of positions); otherwise per group (a 2-D mask). Either way the results are each
group's figures, with a plain number standing for a figure all groups share.
"""

from __future__ import annotations

import attrs
import numpy as np

from gender_plan.vectorized._arrays import Batch
from gender_plan.vectorized._layout import BoolArray, FloatArray, IntArray
from gender_plan.vectorized._pyfloat import column_sums, squares, sums

Values = FloatArray | float
"""A figure of every group, or one number that every group shares."""


def available(batch: Batch, date: int, deadline: Values | None) -> list[int] | BoolArray:
    """The positions available by `date` (an ordinal), as a list or, per group, a mask.

    A position is available once its period has ended and, past a deadline, if its year is not
    after it. The list serves when the batch's groups share their periods.
    """
    if batch.shared and not isinstance(deadline, np.ndarray):
        ends = batch.end[:, 0].tolist()
        years = batch.year[:, 0].tolist()
        return [j for j in range(len(ends))
                if ends[j] <= date and (deadline is None or years[j] <= deadline)]
    mask: BoolArray = batch.end <= date
    if deadline is not None:
        mask &= batch.year <= deadline
    return mask


def last(mask: BoolArray) -> IntArray:
    """Each group's last position where `mask` holds, or -1."""
    weights = np.arange(1, mask.shape[0] + 1)[:, None]
    found: IntArray = (mask * weights).max(axis=0) - 1
    return found


def first(mask: BoolArray) -> IntArray:
    """Each group's first position where `mask` holds, or -1."""
    width = mask.shape[0]
    weights = np.arange(1, width + 1)[:, None]
    found = width - (mask[::-1] * weights).max(axis=0)
    return np.where(found == width, -1, found)


def take(values: FloatArray, position: IntArray) -> FloatArray:
    """Each group's entry at `position` (NaN where it is -1)."""
    picked = np.take_along_axis(values, np.maximum(position, 0)[None, :], axis=0)[0]
    return np.where(position >= 0, picked, np.nan)


@attrs.frozen(kw_only=True, eq=False)
class Trends:
    """What the methods need of every group; `has` False where a group has nothing available."""

    size: int
    has: BoolArray | bool
    t: Values
    y_t: Values
    has_trend: BoolArray | bool
    """Whether a baseline was found (stated or measured)."""
    b: Values
    y_b: Values
    stated: bool
    positions: list[int] | None
    """The available positions, when all groups share them."""
    mask: BoolArray | None
    """The available positions of each group, when they differ."""
    batch: Batch

    def full(self, values: Values | BoolArray | bool) -> FloatArray:
        """A figure as one entry per group."""
        return np.broadcast_to(values, (self.size,)).astype(np.float64)

    def least_squares(self, T: Values) -> FloatArray:  # noqa: N803 - the docs' symbol
        """The engine's `least_squares_at(history, T)`: the fitted line's value at `T`.

        The history is the available values at or after the baseline (the stated baseline
        first), summed in the engine's order with Python's arithmetic.
        """
        batch = self.batch
        if self.positions is not None and not isinstance(self.b, np.ndarray):
            times = [float(t) for t in batch.time[self.positions, 0].tolist()]
            kept = [j for j, t in zip(self.positions, times, strict=True) if t >= self.b]
            columns: list[Values] = [batch.value[j] for j in kept]
            moments = [t for t in times if t >= self.b]
            if self.stated:
                columns.insert(0, self.y_b)
                moments.insert(0, float(self.b))
            return _shared_fit(moments, columns, T, self.size)
        mask = self.mask
        if mask is None:
            mask = np.zeros(batch.value.shape, dtype=bool)
            mask[self.positions or []] = True
        with np.errstate(invalid="ignore"):
            history = mask & (batch.time >= self.b)
        time, value = batch.time, batch.value
        if self.stated:
            history = np.concatenate((np.ones((1, self.size), dtype=bool), history))
            time = np.concatenate((self.full(self.b)[None, :], time))
            value = np.concatenate((self.full(self.y_b)[None, :], value))
        return _fit(time, value, history, T)


def trends(batch: Batch, where: list[int] | BoolArray, base_year: int,
           stated: tuple[Values, Values] | None) -> Trends:
    """Each group's latest value and baseline (`where` holds some available position).

    The baseline is the stated one, else the last in the base year, else the first available
    one after it.
    """
    size = len(batch)
    if isinstance(where, list):
        return _shared_trends(batch, where, base_year, stated, size)
    latest = last(where)
    has = latest >= 0
    t, y_t = take(batch.time, latest), take(batch.value, latest)
    if stated is not None:
        b, y_b = stated
        has_trend: BoolArray | bool = has
    else:
        candidates = where & (batch.year >= base_year)
        in_base = last(candidates & (batch.year == base_year))
        chosen = np.where(in_base >= 0, in_base, first(candidates))
        has_trend = chosen >= 0
        b, y_b = take(batch.time, chosen), take(batch.value, chosen)
    return Trends(size=size, has=has, t=t, y_t=y_t, has_trend=has_trend, b=b, y_b=y_b,
                  stated=stated is not None, positions=None, mask=where, batch=batch)


def _shared_trends(batch: Batch, positions: list[int], base_year: int,
                   stated: tuple[Values, Values] | None, size: int) -> Trends:
    latest = positions[-1]
    years = batch.year[:, 0].tolist()
    b: Values
    y_b: Values
    if stated is not None:
        b, y_b = stated
        has_trend = True
    else:
        candidates = [j for j in positions if years[j] >= base_year]
        in_base = [j for j in candidates if years[j] == base_year]
        chosen = in_base[-1] if in_base else candidates[0] if candidates else None
        has_trend = chosen is not None
        b = np.nan if chosen is None else float(batch.time[chosen, 0])
        y_b = np.nan if chosen is None else batch.value[chosen]
    return Trends(size=size, has=True, t=float(batch.time[latest, 0]), y_t=batch.value[latest],
                  has_trend=has_trend, b=b, y_b=y_b, stated=stated is not None,
                  positions=positions, mask=None, batch=batch)


def _shared_fit(times: list[float], columns: list[Values], T: Values,  # noqa: N803
                size: int) -> FloatArray:
    """Least squares over the same times for every group: the times' sums once, in Python."""
    count = len(times)
    if len(set(times)) < 2:
        return np.full(size, np.nan)
    mean_t = sum(times) / count
    deviations = [t - mean_t for t in times]
    spread = sum(d**2 for d in deviations)
    mean_y = column_sums(columns, size) / count
    products = []
    for d, y in zip(deviations, columns, strict=True):
        product = np.subtract(y, mean_y)
        product *= d
        products.append(product)
    cross = column_sums(products, size)
    fitted: FloatArray = mean_y + cross / spread * (T - mean_t)
    return fitted


def _fit(time: FloatArray, value: FloatArray, mask: BoolArray, T: Values) -> FloatArray:  # noqa: N803
    """Least squares group by group, each over its own masked positions."""
    count = mask.sum(axis=0)
    low = np.where(mask, time, np.inf).min(axis=0)
    high = np.where(mask, time, -np.inf).max(axis=0)
    safe = np.maximum(count, 1)
    mean_t = sums(time, mask) / safe
    mean_y = sums(value, mask) / safe
    deviation = time - mean_t
    cross = sums(deviation * (value - mean_y), mask)
    slope = cross / sums(squares(deviation, mask), mask)
    return np.where(high > low, mean_y + slope * (T - mean_t), np.nan)
