"""An indicator's assessment at one place: the data it carries, and `assess_indicator`."""

from __future__ import annotations

import datetime
from collections.abc import Iterable

import attrs

from gender_plan._i18n import msg
from gender_plan.errors import AssessmentError
from gender_plan.evaluation.method import Method
from gender_plan.evaluation.reasons import Reason, ReasonCode
from gender_plan.evaluation.status import Status
from gender_plan.model.indicator import Indicator
from gender_plan.model.measurement import Measurement
from gender_plan.model.period import Period
from gender_plan.model.target import Target

__all__ = ["Assessment", "Observation", "assess_indicator", "flat_figures", "to_date"]


@attrs.frozen(kw_only=True)
class Observation:
    """A value the assessment used, in the indicator's unit, with where it came from."""

    value: float | bool
    period: Period
    series: str | None = None
    source: str | None = None
    stated: bool = False
    """True for a baseline the plan states rather than one measured."""


@attrs.frozen(kw_only=True)
class Assessment:
    """How one indicator is doing against one of its targets, as of a date: data, not prose."""

    indicator: str
    """The indicator's code."""
    status: Status
    method: str
    """The name of the method that judged the trend."""
    as_of: datetime.date
    unit: str
    """The indicator's unit: every value and the gap below are in it."""
    target: Target | None = None
    """The target assessed against (the next milestone not yet past)."""
    deadline: int | None = None
    target_value: float | bool | None = None
    """The target's value in `unit`."""
    other_targets: tuple[Target, ...] = ()
    """The indicator's other targets (milestones), reported but not assessed."""
    baseline: Observation | None = None
    latest: Observation | None = None
    series: str | None = None
    """The measurement series used."""
    gap: float | None = None
    """Target value minus latest value, in `unit` (positive: the target lies above)."""
    ratio: float | None = None
    score: float | None = None
    projected: float | None = None
    expected: float | None = None
    failing_periods: tuple[Period, ...] = ()
    """For a hold-every-period target, the periods that fail it."""
    reasons: tuple[Reason, ...] = ()

    def has_reason(self, code: ReasonCode) -> bool:
        """Whether `code` is among the reasons."""
        return any(reason.code is code for reason in self.reasons)

    def _repr_html_(self) -> str:
        """The status badge, figures, chart and reasons as HTML, for Jupyter."""
        from gender_plan.report._rich import assessment_html  # noqa: PLC0415

        return assessment_html(self)


def flat_figures(assessment: Assessment) -> dict[str, object]:
    """The assessment's figures as flat columns, for tables (CSV rows, DataFrames).

    Keys: deadline, baseline, baseline_period, latest, latest_period, series, gap, ratio, score,
    expected, projected; a missing observation gives None for its value and period.
    """
    found: dict[str, object] = {"deadline": assessment.deadline}
    for name in ("baseline", "latest"):
        seen: Observation | None = getattr(assessment, name)
        found[name] = None if seen is None else seen.value
        found[f"{name}_period"] = None if seen is None else str(seen.period)
    return {**found, **{name: getattr(assessment, name) for name in (
        "series", "gap", "ratio", "score", "expected", "projected")}}


def to_date(as_of: datetime.date | int) -> datetime.date:
    """Read an assessment date: a date, or a year meaning its last day."""
    if isinstance(as_of, datetime.date):
        return as_of
    if isinstance(as_of, int) and not isinstance(as_of, bool) and (
        datetime.MINYEAR <= as_of <= datetime.MAXYEAR
    ):
        return datetime.date(as_of, 12, 31)
    raise AssessmentError(msg("as_of must be a date or a year, found {value!r}", value=as_of))


def assess_indicator(
    indicator: Indicator,
    measurements: Iterable[Measurement],
    *,
    as_of: datetime.date | int,
    method: Method | None = None,
    start_year: int | None = None,
    end_year: int | None = None,
    base_year: int | None = None,
    place: str | None = None,
) -> Assessment:
    """Assess `indicator` from `measurements` as of `as_of`, with `method` (linear by default).

    Measurements of other indicators are skipped; those of other places than `place` are too.
    `end_year` is the deadline of targets without a year, `base_year` where measured baselines
    are looked for, `start_year` where hold-every-period targets without one start (normally
    the plan's; `assess_plan` fills them in).

    Raises:
        AssessmentError: measurements of several places without `place`, or a target without a
            year and no `end_year`.
        ValidationError: a measurement whose value or unit does not fit the indicator, or two
            values of the same period in the same series.
    """
    from gender_plan.evaluation._one_place import assess_at  # noqa: PLC0415 - needs numpy
    from gender_plan.evaluation._spec import Spec  # noqa: PLC0415
    from gender_plan.evaluation.linear import LinearPath  # noqa: PLC0415

    spec = Spec(indicator, method if method is not None else LinearPath(), to_date(as_of),
                start_year=start_year, end_year=end_year, base_year=base_year)
    (found,) = assess_at([spec], measurements, place).values()
    return found
