"""Local gender-equality action plans as typed, validated models, and their assessment.

The public API is re-exported here; see `__all__`.
"""

from importlib.metadata import PackageNotFoundError, version

from gender_plan.errors import (
    AssessmentError,
    GenderPlanError,
    IncompatibleUnitsError,
    Problem,
    UnitError,
    UnknownCodeError,
    ValidationError,
)
from gender_plan.model import (
    Assignment,
    Baseline,
    Comparator,
    DayOfYear,
    Direction,
    DocumentKind,
    DocumentReference,
    Field,
    Frequency,
    FundingSource,
    Goal,
    Indicator,
    Limits,
    LocalizedText,
    Measurement,
    PartialDate,
    Period,
    Plan,
    RecurringEvent,
    ResponsibleUnit,
    Sex,
    Signatory,
    Subsection,
    Target,
    TargetKind,
    Task,
)

try:
    __version__ = version("gender-plan")
except PackageNotFoundError:  # pragma: no cover - running from a source tree without install
    __version__ = "0.0.0"

__all__ = [
    "AssessmentError",
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
    "GenderPlanError",
    "Goal",
    "IncompatibleUnitsError",
    "Indicator",
    "Limits",
    "LocalizedText",
    "Measurement",
    "PartialDate",
    "Period",
    "Plan",
    "Problem",
    "RecurringEvent",
    "ResponsibleUnit",
    "Sex",
    "Signatory",
    "Subsection",
    "Target",
    "TargetKind",
    "Task",
    "UnitError",
    "UnknownCodeError",
    "ValidationError",
    "__version__",
]
