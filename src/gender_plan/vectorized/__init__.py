"""Assessment of every place at once over arrays: the national-scale path (needs numpy).

Install it with ``pip install "gender-plan[scale]"``. `assess_frame` gives exactly the statuses
and figures of `gender_plan.assess_indicator`, place by place, for the three built-in methods.
"""

try:
    import numpy  # noqa: F401
except ImportError as error:  # pragma: no cover - depends on the environment
    raise ImportError(
        "gender_plan.vectorized needs numpy: pip install 'gender-plan[scale]'"
    ) from error

from gender_plan.vectorized.engine import STATUSES, AssessmentTable, assess_frame
from gender_plan.vectorized.frame import CSV_COLUMNS, FREQUENCIES, SEXES, MeasurementFrame

__all__ = [
    "CSV_COLUMNS",
    "FREQUENCIES",
    "SEXES",
    "STATUSES",
    "AssessmentTable",
    "MeasurementFrame",
    "assess_frame",
]
