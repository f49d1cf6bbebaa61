"""Assessment of targets: the status vocabulary, the methods, and the one engine around them.

The engine works on arrays of every place at once (`assess_frame` over a `MeasurementFrame`);
`assess_indicator` and `assess_plan` run it on one place. numpy is imported on first use, so the
array names (`MeasurementFrame`, `AssessmentTable`, `assess_frame`) load when first reached.
"""

from typing import TYPE_CHECKING, Any

from gender_plan.evaluation.assessment import Assessment, Observation, assess_indicator
from gender_plan.evaluation.comparison import is_met
from gender_plan.evaluation.growth import GrowthRatio
from gender_plan.evaluation.linear import LinearPath
from gender_plan.evaluation.method import History, Method, Trend, Verdict, classify
from gender_plan.evaluation.plan_assessment import (
    GoalSummary,
    NumberedTargetAssessment,
    PlanAssessment,
    Summary,
    assess_plan,
    combine_statuses,
)
from gender_plan.evaluation.projection import Projection
from gender_plan.evaluation.reasons import Reason, ReasonCode, series_labels
from gender_plan.evaluation.status import STATUSES, Status

if TYPE_CHECKING:
    from gender_plan.evaluation.by_plan import assess_by_plan
    from gender_plan.evaluation.engine import assess_frame
    from gender_plan.evaluation.frame import MeasurementFrame
    from gender_plan.evaluation.table import AssessmentTable

__all__ = ["STATUSES", "Assessment", "AssessmentTable", "GoalSummary", "GrowthRatio", "History",
           "LinearPath", "MeasurementFrame", "Method", "NumberedTargetAssessment", "Observation",
           "PlanAssessment", "Projection", "Reason", "ReasonCode", "Status", "Summary", "Trend",
           "Verdict", "assess_by_plan", "assess_frame", "assess_indicator", "assess_plan",
           "classify", "combine_statuses", "is_met", "series_labels"]

_LAZY = {
    "AssessmentTable": "gender_plan.evaluation.table",
    "MeasurementFrame": "gender_plan.evaluation.frame",
    "assess_by_plan": "gender_plan.evaluation.by_plan",
    "assess_frame": "gender_plan.evaluation.engine",
}
"""Names whose modules import numpy: loaded when first reached."""


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    import importlib  # noqa: PLC0415

    return getattr(importlib.import_module(module), name)
