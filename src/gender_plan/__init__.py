"""Local gender-equality action plans as typed, validated models, and their assessment.

The public API is re-exported here; see `__all__`. Each name is imported when first reached
(PEP 562), so that ``import gender_plan`` costs next to nothing and a command that reads one
plan loads only the modules it uses (numpy, pint and the report only when needed).
"""

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from gender_plan.errors import (
        AggregationError,
        AssessmentError,
        FileAccessError,
        FileFormatError,
        GenderPlanError,
        GenderPlanWarning,
        IncompatibleUnitsError,
        MissingDependencyError,
        MissingProgramError,
        Problem,
        UnitError,
        UnknownCodeError,
        ValidationError,
    )
    from gender_plan.evaluation import (
        Assessment,
        GoalSummary,
        GrowthRatio,
        History,
        LinearPath,
        Method,
        NumberedTargetAssessment,
        Observation,
        PlanAssessment,
        Projection,
        Reason,
        ReasonCode,
        Status,
        Summary,
        Trend,
        Verdict,
        assess_indicator,
        assess_plan,
        classify,
        combine_statuses,
        is_met,
    )
    from gender_plan.evaluation.by_plan import assess_by_plan
    from gender_plan.evaluation.engine import assess_frame
    from gender_plan.evaluation.frame import MeasurementFrame
    from gender_plan.evaluation.table import AssessmentTable
    from gender_plan.gender_indicators import (
        SexPair,
        female_share,
        gender_gap,
        parity_index,
        sex_pairs,
    )
    from gender_plan.implementation import (
        CalendarGap,
        DutyProgress,
        ImplementationStatus,
        TaskProgress,
        calendar_gaps,
        check_activities,
        duty_progress,
        task_progress,
    )
    from gender_plan.io import (
        dumps_plan,
        load_measurements,
        load_plan,
        loads_plan,
        plan_schema,
        save_measurements,
        save_plan,
    )
    from gender_plan.io.activities import load_activities
    from gender_plan.io.places import load_places
    from gender_plan.io.plan_cache import PlanCache
    from gender_plan.io.plan_folder import PlanFolder, load_plan_folder
    from gender_plan.io.workbook import write_workbook
    from gender_plan.model import (
        Activity,
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
        Participants,
        Period,
        Plan,
        RecurringEvent,
        ResponsibleUnit,
        Role,
        Sex,
        ShareOfPlaces,
        Signatory,
        Subsection,
        Target,
        TargetKind,
        Task,
        TaskLink,
    )
    from gender_plan.plot import plot_indicator
    from gender_plan.portfolio import Gap, GapKind, MatchBy, Portfolio
    from gender_plan.rollup import (
        Aggregation,
        CountMet,
        MetCount,
        Place,
        PlaceHierarchy,
        Ratio,
        Sum,
        WeightedMean,
        aggregate,
        rule_for,
    )
    from gender_plan.rollup.levels import aggregate_frame, assess_levels, ranking, share_on_track
    from gender_plan.traceability import (
        Finding,
        FindingKind,
        check_chain,
        check_traceability,
        national_strategy,
        resolve_chain,
    )
    from gender_plan.validation import check_measurements, validate_measurements

__all__ = [
    "Activity",
    "Aggregation",
    "AggregationError",
    "Assessment",
    "AssessmentError",
    "AssessmentTable",
    "Assignment",
    "Baseline",
    "CalendarGap",
    "Comparator",
    "CountMet",
    "DayOfYear",
    "Direction",
    "DocumentKind",
    "DocumentReference",
    "DutyProgress",
    "Field",
    "FileAccessError",
    "FileFormatError",
    "Finding",
    "FindingKind",
    "Frequency",
    "FundingSource",
    "Gap",
    "GapKind",
    "GenderPlanError",
    "GenderPlanWarning",
    "Goal",
    "GoalSummary",
    "GrowthRatio",
    "History",
    "ImplementationStatus",
    "IncompatibleUnitsError",
    "Indicator",
    "Limits",
    "LinearPath",
    "LocalizedText",
    "MatchBy",
    "Measurement",
    "MeasurementFrame",
    "MetCount",
    "Method",
    "MissingDependencyError",
    "MissingProgramError",
    "NumberedTargetAssessment",
    "Observation",
    "PartialDate",
    "Participants",
    "Period",
    "Place",
    "PlaceHierarchy",
    "Plan",
    "PlanAssessment",
    "PlanCache",
    "PlanFolder",
    "Portfolio",
    "Problem",
    "Projection",
    "Ratio",
    "Reason",
    "ReasonCode",
    "RecurringEvent",
    "ResponsibleUnit",
    "Role",
    "Sex",
    "SexPair",
    "ShareOfPlaces",
    "Signatory",
    "Status",
    "Subsection",
    "Sum",
    "Summary",
    "Target",
    "TargetKind",
    "Task",
    "TaskLink",
    "TaskProgress",
    "Trend",
    "UnitError",
    "UnknownCodeError",
    "ValidationError",
    "Verdict",
    "WeightedMean",
    "__version__",
    "aggregate",
    "aggregate_frame",
    "assess_by_plan",
    "assess_frame",
    "assess_indicator",
    "assess_levels",
    "assess_plan",
    "calendar_gaps",
    "check_activities",
    "check_chain",
    "check_measurements",
    "check_traceability",
    "classify",
    "combine_statuses",
    "dumps_plan",
    "duty_progress",
    "female_share",
    "gender_gap",
    "is_met",
    "load_activities",
    "load_measurements",
    "load_places",
    "load_plan",
    "load_plan_folder",
    "loads_plan",
    "national_strategy",
    "parity_index",
    "plan_schema",
    "plot_indicator",
    "ranking",
    "resolve_chain",
    "rule_for",
    "save_measurements",
    "save_plan",
    "sex_pairs",
    "share_on_track",
    "task_progress",
    "validate_measurements",
    "write_workbook",
]

_EXPORTS: dict[str, tuple[str, ...]] = {
    "gender_plan.errors": (
        "AggregationError", "AssessmentError", "FileAccessError", "FileFormatError",
        "GenderPlanError", "GenderPlanWarning", "IncompatibleUnitsError", "MissingDependencyError",
        "MissingProgramError", "Problem", "UnitError", "UnknownCodeError", "ValidationError",
    ),
    "gender_plan.evaluation": (
        "Assessment", "GoalSummary", "GrowthRatio", "History", "LinearPath", "Method",
        "NumberedTargetAssessment", "Observation", "PlanAssessment", "Projection", "Reason",
        "ReasonCode", "Status", "Summary", "Trend", "Verdict", "assess_indicator", "assess_plan",
        "classify", "combine_statuses", "is_met",
    ),
    "gender_plan.evaluation.by_plan": ("assess_by_plan",),
    "gender_plan.evaluation.engine": ("assess_frame",),
    "gender_plan.evaluation.frame": ("MeasurementFrame",),
    "gender_plan.implementation": (
        "CalendarGap", "DutyProgress", "ImplementationStatus", "TaskProgress", "calendar_gaps",
        "check_activities", "duty_progress", "task_progress",
    ),
    "gender_plan.evaluation.table": ("AssessmentTable",),
    "gender_plan.gender_indicators": (
        "SexPair", "female_share", "gender_gap", "parity_index", "sex_pairs",
    ),
    "gender_plan.io": (
        "dumps_plan", "load_measurements", "load_plan", "loads_plan", "plan_schema",
        "save_measurements", "save_plan",
    ),
    "gender_plan.io.activities": ("load_activities",),
    "gender_plan.io.places": ("load_places",),
    "gender_plan.io.plan_cache": ("PlanCache",),
    "gender_plan.io.plan_folder": ("PlanFolder", "load_plan_folder"),
    "gender_plan.io.workbook": ("write_workbook",),
    "gender_plan.model": (
        "Activity", "Assignment", "Baseline", "Comparator", "DayOfYear", "Direction",
        "DocumentKind", "DocumentReference", "Field", "Frequency", "FundingSource", "Goal",
        "Indicator", "Limits", "LocalizedText", "Measurement", "PartialDate", "Participants",
        "Period", "Plan", "RecurringEvent", "ResponsibleUnit", "Role", "Sex", "ShareOfPlaces",
        "Signatory", "Subsection", "Target", "TargetKind", "Task", "TaskLink",
    ),
    "gender_plan.plot": ("plot_indicator",),
    "gender_plan.portfolio": ("Gap", "GapKind", "MatchBy", "Portfolio"),
    "gender_plan.rollup": (
        "Aggregation", "CountMet", "MetCount", "Place", "PlaceHierarchy", "Ratio", "Sum",
        "WeightedMean", "aggregate", "rule_for",
    ),
    "gender_plan.rollup.levels": ("aggregate_frame", "assess_levels", "ranking", "share_on_track"),
    "gender_plan.traceability": (
        "Finding", "FindingKind", "check_chain", "check_traceability", "national_strategy",
        "resolve_chain",
    ),
    "gender_plan.validation": ("check_measurements", "validate_measurements"),
}
"""Each exported name by the module it comes from (the imports above, for type checkers)."""

_LAZY = {name: module for module, names in _EXPORTS.items() for name in names}


def __getattr__(name: str) -> Any:
    import importlib  # noqa: PLC0415

    if name == "__version__":
        value: Any = _version()
    elif name in _LAZY:
        value = getattr(importlib.import_module(_LAZY[name]), name)
    else:
        # A submodule not imported yet (`gender_plan.units` after `import gender_plan`).
        try:
            value = importlib.import_module(f"{__name__}.{name}")
        except ModuleNotFoundError as error:
            if error.name != f"{__name__}.{name}":
                raise
            raise AttributeError(f"module {__name__!r} has no attribute {name!r}") from None
    globals()[name] = value  # the next use finds it without this function
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version  # noqa: PLC0415 - 50 ms

    try:
        return version("gender-plan")
    except PackageNotFoundError:  # pragma: no cover - running from a source tree without install
        return "0.0.0"
