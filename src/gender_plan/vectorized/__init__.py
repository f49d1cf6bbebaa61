"""The array names under their former home: the one engine now lives in `gender_plan.evaluation`.

Kept so that code written against ``gender_plan.vectorized`` keeps working; import from
`gender_plan` (or `gender_plan.evaluation`) instead.
"""

from gender_plan.evaluation.engine import assess_frame
from gender_plan.evaluation.frame import CSV_COLUMNS, FREQUENCIES, SEXES, MeasurementFrame
from gender_plan.evaluation.status import STATUSES
from gender_plan.evaluation.table import AssessmentTable

__all__ = [
    "CSV_COLUMNS",
    "FREQUENCIES",
    "SEXES",
    "STATUSES",
    "AssessmentTable",
    "MeasurementFrame",
    "assess_frame",
]
