"""Whether values meet a target: the target's own comparator, with a rounding guard.

One implementation, on arrays (`met`, `close`); `is_met` is it on one value.
numpy is imported when a comparison is first made, not when the library is imported.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from gender_plan.model.target import Comparator

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

    FloatArray = npt.NDArray[np.float64]
    BoolArray = npt.NDArray[np.bool_]

__all__ = ["close", "is_met", "met"]

REL_TOL = 1e-9
"""Values this close count as equal, so that a unit conversion's rounding (0.9 × 100 is
90.00000000000001) cannot flip a strict comparison."""
ABS_TOL = 1e-12
"""Values this close to each other near zero count as equal."""


def close(a: FloatArray | float, b: FloatArray | float) -> BoolArray:
    """Element by element, whether `a` and `b` are equal but for floating-point noise.

    `|a - b| <= max(1e-9 · max(|a|, |b|), 1e-12)`, as `math.isclose` with those tolerances: an
    infinity is close only to itself.
    """
    import numpy as np  # noqa: PLC0415 - numpy is imported on first use

    distance = np.abs(np.subtract(b, a))
    equal: BoolArray = np.equal(a, b)
    # Pairs farther apart than the largest bound of all are not close; where none is nearer,
    # no pair's own bound is needed (fmax and fmin skip NaN, which is close to nothing).
    top = max(max(float(np.fmax.reduce(x, axis=None, initial=-np.inf)),
                  -float(np.fmin.reduce(x, axis=None, initial=np.inf)))
              for x in (np.asarray(a, dtype=np.float64), np.asarray(b, dtype=np.float64)))
    if not ((distance <= max(top * REL_TOL, ABS_TOL)) & ~equal).any():
        return equal
    bound = np.maximum(np.abs(a), np.abs(b))
    bound *= REL_TOL  # in place, and each bound tested alone: fewer arrays than their maximum
    found: BoolArray = ((distance <= bound) & np.isfinite(bound)) | (distance <= ABS_TOL) | equal
    return found


def met(
    values: FloatArray | float,
    comparator: Comparator,
    target: FloatArray | float,
    tolerance: float | None = None,
) -> BoolArray:
    """Element by element, whether `values` meet `target` under `comparator` (same unit).

    Strictness matters: 90 does not meet "more than 90" (`Comparator.GT`); NaN meets nothing.
    """
    import numpy as np  # noqa: PLC0415 - numpy is imported on first use

    values, target = np.asarray(values, dtype=np.float64), np.asarray(target, dtype=np.float64)
    if comparator is Comparator.ABOUT:
        distance = np.abs(values - target)
        return (distance <= (tolerance or 0.0)) | close(distance, tolerance or 0.0)
    equal = close(values, target)
    if comparator is Comparator.EQ:
        return equal
    above = values > target if comparator in (Comparator.GE, Comparator.GT) else values < target
    found: BoolArray = equal | above if comparator in (Comparator.GE, Comparator.LE) else (
        ~equal & above)
    return found


def is_met(
    value: float | bool,
    comparator: Comparator,
    target: float | bool,
    tolerance: float | None = None,
) -> bool:
    """Tell whether `value` meets `target` under `comparator` (both in the same unit).

    Strictness matters: 90 does not meet "more than 90" (`Comparator.GT`). A yes/no value meets
    a yes/no target only by `Comparator.EQ`.
    """
    if isinstance(value, bool) or isinstance(target, bool):
        return comparator is Comparator.EQ and value is target
    return bool(met(value, comparator, target, tolerance))
