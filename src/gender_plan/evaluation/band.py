"""A level to stay near, judged as its distance to a band: one value transform.

Every value `y` is told as its distance to the band, ``d(y) = max(lower - y, 0, y - upper)``:
lower is better and the target is ``d <= 0`` (docs/explanation/methods.md, "Levels to stay
near", explains why). The functions take numbers or numpy arrays (edges too: one band per
place) and give the same kind back.
"""

from __future__ import annotations

from typing import Any, TypeVar, overload

import numpy as np
import numpy.typing as npt

from gender_plan.evaluation.comparison import REL_TOL, close

__all__ = ["REL_TOL", "distance", "inside", "side"]

_A = TypeVar("_A", bound="npt.NDArray[np.float64]")


def _near(value: Any, edge: Any) -> Any:
    """Whether `value` is on a finite `edge` but for rounding (`close`), element by element."""
    edge = np.asarray(edge, dtype=np.float64)
    with np.errstate(invalid="ignore"):
        return np.isfinite(edge) & close(value, edge)


@overload
def distance(value: float, lower: float, upper: float) -> float: ...
@overload
def distance(value: _A, lower: Any, upper: Any) -> _A: ...
def distance(value: Any, lower: Any, upper: Any) -> Any:
    """The distance from `value` to the band [`lower`, `upper`]: 0 inside it (edges included).

    An open side is an infinite edge. A value on an edge but for rounding is at distance 0, so
    that "inside" is exactly ``distance == 0``. NaN stays NaN.
    """
    y = np.asarray(value, dtype=np.float64)
    with np.errstate(invalid="ignore"):
        below = np.where(np.isfinite(lower), np.asarray(lower, dtype=np.float64) - y, -np.inf)
        above = np.where(np.isfinite(upper), y - np.asarray(upper, dtype=np.float64), -np.inf)
        found = np.maximum(np.maximum(below, above), 0.0)
    found = np.where(np.isnan(y), np.nan, np.where(_near(y, lower) | _near(y, upper), 0.0,
                                                   found))
    return found if isinstance(value, np.ndarray) else float(found)


@overload
def inside(value: float, lower: float, upper: float) -> bool: ...
@overload
def inside(value: _A, lower: Any, upper: Any) -> npt.NDArray[np.bool_]: ...
def inside(value: Any, lower: Any, upper: Any) -> Any:
    """Whether `value` lies in the band, edges included: met, for a band target."""
    found = distance(value, lower, upper) == 0.0
    return found if isinstance(found, np.ndarray) else bool(found)


@overload
def side(value: float, lower: float, upper: float) -> int: ...
@overload
def side(value: _A, lower: Any, upper: Any) -> npt.NDArray[np.int64]: ...
def side(value: Any, lower: Any, upper: Any) -> Any:
    """Which side of the band `value` lies on: -1 below, +1 above, 0 inside (or NaN)."""
    y = np.asarray(value, dtype=np.float64)
    outside = ~np.isnan(y) & ~inside(y, lower, upper)
    found = np.where(outside, np.where(y < lower, -1, 1), 0).astype(np.int64)
    return found if isinstance(value, np.ndarray) else int(found)
