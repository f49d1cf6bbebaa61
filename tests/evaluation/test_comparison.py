"""Whether values meet a target: `close`, the rounding guard every comparison goes through."""

from __future__ import annotations

import math

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from gender_plan.evaluation.comparison import ABS_TOL, REL_TOL, close

values = st.floats(-1e6, 1e6) | st.integers(-1000, 1000) | st.sampled_from(
    [0.0, -0.0, 1e-13, math.inf, -math.inf, math.nan])
pairs = st.tuples(values, values) | values.flatmap(lambda a: st.tuples(st.just(a), st.sampled_from(
    [a, a * (1 + 1e-9), a * (1 + 2e-9), a * (1 - 1e-9), a + 1e-12, a + 2e-12,
     float(np.nextafter(a, math.inf))])))


def defined(a: float, b: float) -> bool:
    """The docstring's rule: `math.isclose` with the library's tolerances."""
    return math.isclose(a, b, rel_tol=REL_TOL, abs_tol=ABS_TOL)


@given(st.lists(pairs, max_size=20))
def test_close_is_its_rule_element_by_element(cases: list[tuple[float, float]]) -> None:
    """On arrays and on single numbers, to the last bit of the bound (NaN is close to nothing)."""
    expected = [defined(a, b) for a, b in cases]
    first, second = (np.array([case[k] for case in cases], dtype=np.float64) for k in (0, 1))
    with np.errstate(invalid="ignore"):  # inf - inf
        assert expected == close(first, second).tolist()
        assert expected == [bool(close(a, b)) for a, b in cases]
