"""Assessment of targets: the status vocabulary, the methods, and the engine around them."""

from gender_plan.evaluation.assessment import Assessment, Observation, assess_indicator
from gender_plan.evaluation.comparison import is_met
from gender_plan.evaluation.growth import GrowthRatio
from gender_plan.evaluation.linear import LinearPath
from gender_plan.evaluation.method import Method, Trend, Verdict
from gender_plan.evaluation.plan_assessment import (
    GoalSummary,
    NumberedTargetAssessment,
    PlanAssessment,
    Summary,
    assess_plan,
    combine_statuses,
)
from gender_plan.evaluation.projection import Projection
from gender_plan.evaluation.reasons import Reason, ReasonCode
from gender_plan.evaluation.status import Status

__all__ = [
    "Assessment",
    "GoalSummary",
    "GrowthRatio",
    "LinearPath",
    "Method",
    "NumberedTargetAssessment",
    "Observation",
    "PlanAssessment",
    "Projection",
    "Reason",
    "ReasonCode",
    "Status",
    "Summary",
    "Trend",
    "Verdict",
    "assess_indicator",
    "assess_plan",
    "combine_statuses",
    "is_met",
]
