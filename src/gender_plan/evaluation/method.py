"""The interface every assessment method implements, and the figures it works on: arrays.

A method judges many places at once: every figure of a `Trend` is an array with one entry per
place (one entry for a single commune; indicators and plans judged alongside add theirs), and a
`Verdict` answers with arrays or with one value for all. A method written once runs on one
commune and on the nation.
"""

from __future__ import annotations

import abc
import functools
from typing import TYPE_CHECKING, Any

import attrs

from gender_plan.evaluation.reasons import Reason
from gender_plan.evaluation.status import Status
from gender_plan.model.text import LocalizedText

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

    FloatArray = npt.NDArray[np.float64]
    IntArray = npt.NDArray[np.int64]
    BoolArray = npt.NDArray[np.bool_]

__all__ = ["History", "Method", "Trend", "Verdict", "classify", "rounded"]

DIGITS = 9
"""Ratios are rounded to this many decimals before they meet a threshold, so that the last bit
of a floating-point computation (a unit conversion, a sum's order) cannot move a status."""


@attrs.frozen(kw_only=True, eq=False)
class History:
    """Every (time, value) of each place's series from its baseline to its latest value.

    2-D arrays with a row per position in time order and a column per place; `mask` says which
    entries belong to the history (a stated baseline comes first). Where every place shares
    its times, `times` and `mask` may hold a single column that broadcasts to every place.
    """

    _times: FloatArray = attrs.field(alias="times")
    _values: FloatArray = attrs.field(alias="values")
    _mask: BoolArray = attrs.field(alias="mask")
    _columns: IntArray | None = attrs.field(default=None, alias="_columns")
    """The columns of the arrays that are this history's places (None: all): the engine judges
    some places of a block without copying it; `fit` and `at` read those columns only."""

    @functools.cached_property
    def times(self) -> FloatArray:
        """Each point's time (decimal years)."""
        found: FloatArray = self._pick(self._times)
        return found

    @functools.cached_property
    def values(self) -> FloatArray:
        """Each point's value, in the indicator's unit."""
        found: FloatArray = self._pick(self._values)
        return found

    @functools.cached_property
    def mask(self) -> BoolArray:
        """Whether each entry belongs to the history."""
        found: BoolArray = self._pick(self._mask)
        return found

    def _pick(self, values: Any) -> Any:
        """This history's places of `values` (one for every place stays one)."""
        import numpy as np  # noqa: PLC0415

        if self._columns is None or values.shape[-1] == 1:
            return values
        return np.take(values, self._columns, axis=-1)

    def at(self, index: int) -> tuple[FloatArray, FloatArray]:
        """Each place's (time, value) of the history's point `index` (negative from the end).

        NaN where a place's history has fewer points.
        """
        import numpy as np  # noqa: PLC0415

        mask, values = self._mask, self._values
        counts = np.cumsum(mask, axis=0)
        total = counts[-1] if len(counts) else np.zeros(mask.shape[1], dtype=np.int64)
        wanted = total + index + 1 if index < 0 else np.full_like(total, index + 1)
        hit = mask & (counts == wanted)
        size = values.shape[1]
        columns = np.arange(size) if self._columns is None else self._columns
        found = np.broadcast_to(hit.any(axis=0), (size,))[columns]
        position = np.broadcast_to(hit.argmax(axis=0), (size,))[columns]
        times = np.broadcast_to(self._times, values.shape)
        nan = np.float64(np.nan)
        return (np.where(found, times[position, columns], nan),
                np.where(found, values[position, columns], nan))

    def fit(self, time: FloatArray | float) -> FloatArray:
        """Each place's least-squares line through its history, at `time` (NaN: < 2 times).

        The line's value at `time` is a weighted sum of the values, ``Σ w_r·y_r`` with
        ``w_r = 1/n + (n·Δt_r − Σ Δt)·(time − t_0 − Σ Δt/n)/(n·Σ Δt² − (Σ Δt)²)``, times
        counted from each place's first time `t_0` so that the sums stay small. It is added in
        time order, the same at every width; where every place shares its times and `time`,
        the weights are computed once for all.
        """
        import numpy as np  # noqa: PLC0415

        time = np.asarray(time)
        if time.ndim == 1 and time.strides == (0,):  # one time for every place: once
            time = time[:1]
        mask, times = self.mask, self.times  # one column shared by every place stays one
        shared = times.shape[1] == mask.shape[1] == time.size == 1
        with np.errstate(all="ignore"):
            start = np.where(mask, times, np.inf).min(axis=0, initial=np.inf)
            dt = np.where(mask, times - start, 0.0)
            n, st = mask.sum(axis=0), _in_order(dt)
            spread = n * _in_order(dt * dt) - st * st
            weight = np.where(mask, 1 / n + (n * dt - st) * (time - start - st / n) / spread,
                              0.0)
            if shared:  # row by row, a masked row adding nothing: no table of products
                values, rows = self._values, np.flatnonzero(mask[:, 0]).tolist()
                fitted = weight[rows[0], 0] * values[rows[0]] if rows else np.zeros(
                    values.shape[1])
                for row in rows[1:]:
                    fitted += weight[row, 0] * values[row]
                fitted = self._pick(fitted)
            else:
                fitted = _in_order(weight * np.where(mask, self.values, 0.0))
            fits = (n >= 2) & (np.abs(spread) > 0)
        return fitted if fits.all() else np.where(fits, fitted, np.nan)

def _in_order(x: FloatArray) -> FloatArray:
    """The sum of `x`'s rows, added in row order whatever its width.

    numpy adds the rows of a 2-D array in order but a single column's entries pairwise: a
    place assessed alone would get other last bits than among other places.
    """
    import numpy as np  # noqa: PLC0415

    if x.shape[1] > 1 and x.strides[1] != 0:
        found: FloatArray = x.sum(axis=0)
        return found
    return np.cumsum(x, axis=0)[-1] if len(x) else np.zeros(x.shape[1])


@attrs.frozen(kw_only=True, eq=False)
class Trend:
    """What a method judges: numeric targets not met yet, before their deadline, at many places.

    Symbols follow the evaluation docs, one array entry per place: `d` the direction sign,
    `b`/`y_b` the baseline's time and value, `t`/`y_t` the latest, `T`/`y_T` the deadline and
    target value. Times are decimal years. `y_T` is None for an indicator with no numeric target
    (direction only).
    """

    d: FloatArray
    b: FloatArray
    y_b: FloatArray
    t: FloatArray
    y_t: FloatArray
    T: FloatArray
    y_T: FloatArray | None
    history: History
    """Every (time, value) of the series used, from the baseline to the latest."""
    limit: float | None = None
    """The natural limit the indicator moves towards (100 for a share that should rise)."""

    def __len__(self) -> int:
        return len(self.y_t)


@attrs.frozen(kw_only=True, eq=False)
class Verdict:
    """What a method concludes for every place of a `Trend`: statuses, figures, reasons.

    Each field is one value for every place or an array with one entry per place; `status`
    takes a `Status` or an array of status codes (`Status.code`, as `classify` returns).
    """

    status: Status | IntArray
    ratio: FloatArray | float | None = None
    """The method's progress ratio R (or p for a direction-only growth rate); NaN: none."""
    score: FloatArray | float | None = None
    """A score from -5 to 5, for methods that define one."""
    projected: FloatArray | float | None = None
    """The value expected at the deadline at the current pace."""
    expected: FloatArray | float | None = None
    """The value the indicator should have now to be on the line to the target."""
    reasons: tuple[Reason, ...] = ()
    """Reasons that hold at every place."""
    flags: tuple[tuple[Reason, BoolArray], ...] = ()
    """Reasons that hold where their mask is True, in the order they are to be read."""


class Method(abc.ABC):
    """An assessment method. Subclass it and implement `judge` to add your own.

    The engine applies the common rules (latest value, baseline, deadline, milestones, yes/no
    and hold-every-period targets, already met, lost achievement, too few data) before it asks
    the method; `judge` only decides how fast not-yet-met targets are progressing, at every
    place at once.
    """

    name: str = "method"
    """A short identifier used in files and reports ("linear", "growth", "projection")."""

    @property
    def label(self) -> LocalizedText:
        """The method's name for people, in Vietnamese and English ("Lộ trình tuyến tính").

        Without one of its own (a field like `name`, or a property), a method shows its `name`.
        """
        return LocalizedText(vi=self.name, en=self.name)

    @abc.abstractmethod
    def judge(self, trend: Trend) -> Verdict:
        """Judge the progress of targets that are not met yet, one entry per place."""

    def judge_met(self, trend: Trend) -> Verdict:
        """The verdict for targets the latest values meet (baselines may be NaN: none found)."""
        del trend
        return Verdict(status=Status.ACHIEVED)


def rounded(ratio: FloatArray | float) -> FloatArray:
    """Round ratios to 9 decimals before comparing them with thresholds.

    A unit conversion's last-digit noise then cannot move a status across a boundary.
    """
    import numpy as np  # noqa: PLC0415

    with np.errstate(all="ignore"):
        found: FloatArray = np.round(np.asarray(ratio, dtype=np.float64), DIGITS).astype(
            np.float64)
    return found


def classify(ratio: FloatArray | float, on_track: float, needs_acceleration: float) -> IntArray:
    """Status codes for progress ratios, with the two upper thresholds; below 0 deteriorates.

    Ratios are rounded (`rounded`) first; a NaN ratio deteriorates.
    """
    import numpy as np  # noqa: PLC0415

    value = rounded(ratio)
    on = value >= on_track
    needs = on | (value >= needs_acceleration)
    limited = needs | (value >= 0)
    # A code up from DETERIORATING for each one passed (the four codes follow each other), with
    # no branch: np.where's is slow where statuses are mixed.
    found: IntArray = np.array(Status.DETERIORATING.code - on.view(np.int8)
                               - needs.view(np.int8) - limited.view(np.int8), dtype=np.int64)
    return found
