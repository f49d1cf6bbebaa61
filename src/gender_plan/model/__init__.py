"""The plan model: frozen attrs value objects with no I/O and no evaluation."""

from gender_plan.model.activity import Activity, Participants
from gender_plan.model.document import DocumentKind, DocumentReference
from gender_plan.model.events import DayOfYear, RecurringEvent
from gender_plan.model.funding import FundingSource
from gender_plan.model.goal import Field, Goal, Subsection
from gender_plan.model.indicator import Baseline, Direction, Indicator, Limits
from gender_plan.model.measurement import Measurement, Sex
from gender_plan.model.period import Frequency, PartialDate, Period
from gender_plan.model.plan import Plan, Signatory
from gender_plan.model.responsible import Assignment, ResponsibleUnit
from gender_plan.model.share import ShareOfPlaces
from gender_plan.model.target import Comparator, Target, TargetKind
from gender_plan.model.task import Role, Task, TaskLink
from gender_plan.model.text import LANGUAGES, Language, LocalizedText

__all__ = [
    "LANGUAGES",
    "Activity",
    "Assignment",
    "Baseline",
    "Comparator",
    "DayOfYear",
    "Direction",
    "DocumentKind",
    "DocumentReference",
    "Field",
    "Frequency",
    "FundingSource",
    "Goal",
    "Indicator",
    "Language",
    "Limits",
    "LocalizedText",
    "Measurement",
    "PartialDate",
    "Participants",
    "Period",
    "Plan",
    "RecurringEvent",
    "ResponsibleUnit",
    "Role",
    "Sex",
    "ShareOfPlaces",
    "Signatory",
    "Subsection",
    "Target",
    "TargetKind",
    "Task",
    "TaskLink",
]
