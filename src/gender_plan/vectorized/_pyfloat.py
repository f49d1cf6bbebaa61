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
from typing import Any

import numpy as np
import numpy.typing as npt

__all__ = ["COMPENSATED", "at_least", "py_pow", "py_round", "row_sums"]

FloatArray = npt.NDArray[np.float64]
BoolArray = npt.NDArray[np.bool_]

COMPENSATED = sys.version_info >= (3, 12)
"""Whether this Python's `sum()` of floats is Neumaier-compensated (3.12 and later)."""


def row_sums(values: FloatArray, mask: BoolArray, *, compensated: bool = COMPENSATED) -> FloatArray:
    """Sum each row's masked entries left to right, as `sum()` over them would.

    `values` and `mask` are 2-D (rows × positions); the loop runs over positions, not rows,
    so it costs a few array operations per position.
    """
    total = np.zeros(values.shape[0])
    correction = np.zeros(values.shape[0])
    for column in range(values.shape[1]):
        take = mask[:, column]
        x = np.where(take, values[:, column], 0.0)
        added = total + x
        if compensated:
            # Neumaier's step, as CPython's builtin_sum_impl does it.
            big = np.abs(total) >= np.abs(x)
            step = np.where(big, (total - added) + x, (x - added) + total)
            correction = np.where(take, correction + step, correction)
        total = np.where(take, added, total)
    if compensated:
        fix = (correction != 0) & np.isfinite(correction)
        total = np.where(fix, total + correction, total)
    return total


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
