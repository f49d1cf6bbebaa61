"""Whether a value meets a target: the target's own comparator, with a rounding guard."""

from __future__ import annotations

import math

from gender_plan.model.target import Comparator

__all__ = ["is_met", "nearly_equal"]

_REL_TOL = 1e-9
"""Values this close count as equal, so that a unit conversion's rounding (0.9 × 100 is
90.00000000000001) cannot flip a strict comparison."""


def nearly_equal(value: float, other: float) -> bool:
    """Whether two values are equal but for floating-point noise (relative 1e-9)."""
    return math.isclose(value, other, rel_tol=_REL_TOL, abs_tol=1e-12)


def is_met(
    value: float | bool,
    comparator: Comparator,
    target: float | bool,
    tolerance: float | None = None,
) -> bool:
    """Tell whether `value` meets `target` under `comparator` (both in the same unit).

    Strictness matters: 90 does not meet "more than 90" (`Comparator.GT`).
    """
    if isinstance(value, bool) or isinstance(target, bool):
        return comparator is Comparator.EQ and value is target
    if comparator is Comparator.ABOUT:
        return abs(value - target) <= (tolerance or 0.0) or nearly_equal(
            abs(value - target), tolerance or 0.0
        )
    equal = nearly_equal(value, target)
    if comparator is Comparator.EQ:
        return equal
    if comparator is Comparator.GE:
        return equal or value > target
    if comparator is Comparator.GT:
        return not equal and value > target
    if comparator is Comparator.LE:
        return equal or value < target
    return not equal and value < target
