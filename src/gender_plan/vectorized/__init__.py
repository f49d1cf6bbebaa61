"""Assessment of every place at once over arrays: the national-scale path (needs numpy).

Install it with ``pip install "gender-plan[scale]"``. `assess_frame` gives exactly the statuses
and figures of `gender_plan.assess_indicator`, place by place, for the three built-in methods.
"""

from gender_plan.errors import MissingDependencyError

try:
    import numpy  # noqa: F401
except ImportError:
    raise MissingDependencyError("numpy", "scale", "gender_plan.vectorized") from None

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
