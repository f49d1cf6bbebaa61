"""Array arithmetic that gives bit for bit what the per-object engine's Python arithmetic gives.

The engine sums with `sum()` (left to right before Python 3.12, Neumaier-compensated since),
raises to powers with `**` (the C library's `pow`, which differs in the last bit from numpy's
own `power` and even from `x * x` now and then) and rounds ratios with `round(x, 9)` before
comparing them with thresholds. The helpers here reproduce each, so that the vectorized path
reports exactly the figures and statuses the engine does.
"""

from __future__ import annotations

import math
import sys
from collections.abc import Sequence
from typing import Any

import numpy as np
import numpy.typing as npt

__all__ = ["COMPENSATED", "at_least", "column_sums", "py_pow", "py_round", "squares", "sums"]

FloatArray = npt.NDArray[np.float64]
BoolArray = npt.NDArray[np.bool_]

COMPENSATED = sys.version_info >= (3, 12)
"""Whether this Python's `sum()` of floats is Neumaier-compensated (3.12 and later)."""


def sums(values: FloatArray, mask: BoolArray | None = None, *,
         compensated: bool = COMPENSATED) -> FloatArray:
    """Sum each column's entries (where `mask` holds) top to bottom, as `sum()` over them would.

    `values` and `mask` are 2-D, a row per position and a column per group; the loop runs over
    the few positions, each step an operation on whole rows.
    """
    total: FloatArray = np.zeros(values.shape[1])
    correction: FloatArray = np.zeros(values.shape[1])
    for position in range(values.shape[0]):
        take = None if mask is None else mask[position]
        x = values[position] if take is None else np.where(take, values[position], 0.0)
        added = total + x
        if compensated:
            # Neumaier's step, as CPython's builtin_sum_impl does it.
            step = np.where(np.abs(total) >= np.abs(x), (total - added) + x, (x - added) + total)
            correction = correction + step if take is None else np.where(
                take, correction + step, correction)
        # Adding the 0.0 of a skipped entry changes nothing: a running sum that starts at 0.0
        # is never -0.0, and x + 0.0 == x for every other x.
        total = added
    if compensated:
        fix = (correction != 0) & np.isfinite(correction)
        total = np.where(fix, total + correction, total)
    return total


def column_sums(columns: Sequence[FloatArray | float], size: int, *,
                compensated: bool = COMPENSATED) -> FloatArray:
    """`sum()` of the columns' entries, group by group: `sums` of the columns stacked."""
    if not compensated:
        total: FloatArray = np.zeros(size)
        for column in columns:
            total += column
        return total
    return sums(np.array([np.broadcast_to(c, size) for c in columns]).reshape(-1, size),
                compensated=True)


def squares(values: FloatArray, mask: BoolArray) -> FloatArray:
    """`x ** 2` for every x where `mask` holds, as Python's float power gives it.

    Python's `**` is the C library's `pow`, which is not always `x * x` in the last bit. It is
    when `x * x` is exact, as for a whole number of years or of quarters: `x` then fits in 26
    bits, which a Veltkamp split tells. Only the other entries go through Python's `pow`.
    """
    with np.errstate(all="ignore"):
        out: FloatArray = values * values
        high = values * _SPLIT
        high = high - (high - values)
        fits = (values - high == 0) & (np.abs(out) < _HUGE) & ((out == 0) | (np.abs(out) > _TINY))
    other = mask & ~fits
    if other.any():
        out[other] = py_pow(values[other], 2)
    return out


_SPLIT = 2.0**27 + 1
_HUGE = 2.0**1000
_TINY = 2.0**-960


def py_pow(base: FloatArray, exponent: FloatArray | float) -> FloatArray:
    """`base ** exponent` element by element with Python's float power (the C library's)."""
    exponents: list[Any] = (
        np.broadcast_to(exponent, base.shape).tolist()
        if isinstance(exponent, np.ndarray)
        else [exponent] * base.size
    )
    return np.array(
        [x**y for x, y in zip(base.tolist(), exponents, strict=True)], dtype=np.float64
    )


def py_round(values: FloatArray, digits: int = 9) -> FloatArray:
    """`round(x, digits)` element by element (numpy's `round` scales and can differ)."""
    return np.array([round(x, digits) for x in values.tolist()], dtype=np.float64)


def at_least(values: FloatArray, threshold: float, digits: int = 9) -> BoolArray:
    """Whether `round(x, digits) >= threshold`, for every x, without rounding each one.

    `round` is monotone, so the test is `x >= boundary` with the smallest double whose rounded
    value reaches the threshold, found once by stepping from a close guess.
    """
    return values >= _boundary(threshold, digits)


def _boundary(threshold: float, digits: int) -> float:
    guess = threshold - 0.5 * 10.0**-digits
    while round(guess, digits) >= threshold:
        guess = math.nextafter(guess, -math.inf)
    while round(guess, digits) < threshold:
        guess = math.nextafter(guess, math.inf)
    return guess
