"""Assessing one indicator against its measurements: the common rules around every method."""

from __future__ import annotations

import datetime
from collections.abc import Iterable

import attrs

from gender_plan import units
from gender_plan._i18n import msg
from gender_plan.errors import AssessmentError, Problem, UnitError, ValidationError
from gender_plan.evaluation.comparison import is_met
from gender_plan.evaluation.linear import LinearPath
from gender_plan.evaluation.method import Method, Trend, Verdict
from gender_plan.evaluation.reasons import Reason, ReasonCode
from gender_plan.evaluation.status import Status
from gender_plan.model.indicator import Indicator
from gender_plan.model.measurement import Measurement
from gender_plan.model.period import Period
from gender_plan.model.target import Target, TargetKind

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


def flat_figures(assessment: Assessment) -> dict[str, object]:
    """The assessment's figures as flat columns, for tables (CSV rows, DataFrames).

    Keys: deadline, baseline, baseline_period, latest, latest_period, series, gap, ratio, score,
    expected, projected; a missing observation gives None for its value and period.
    """
    baseline, latest = assessment.baseline, assessment.latest
    return {
        "deadline": assessment.deadline,
        "baseline": None if baseline is None else baseline.value,
        "baseline_period": None if baseline is None else str(baseline.period),
        "latest": None if latest is None else latest.value,
        "latest_period": None if latest is None else str(latest.period),
        "series": assessment.series,
        "gap": assessment.gap,
        "ratio": assessment.ratio,
        "score": assessment.score,
        "expected": assessment.expected,
        "projected": assessment.projected,
    }


def to_date(as_of: datetime.date | int) -> datetime.date:
    """Read an assessment date: a date, or a year meaning its last day."""
    if isinstance(as_of, datetime.date):
        return as_of
    if isinstance(as_of, int) and not isinstance(as_of, bool):
        return datetime.date(as_of, 12, 31)
    raise AssessmentError(f"as_of must be a date or a year, found {as_of!r}")


@attrs.frozen
class _Point:
    """A measurement in the indicator's unit, ready for the rules."""

    value: float | bool
    period: Period
    series: str | None
    source: str | None

    def observation(self) -> Observation:
        return Observation(
            value=self.value, period=self.period, series=self.series, source=self.source
        )


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
    method = method if method is not None else LinearPath()
    date = to_date(as_of)
    reasons: list[Reason] = []
    points = _points(indicator, measurements, place, reasons)
    target, others = _choose_target(indicator, date, end_year)
    base = attrs.evolve(
        _EMPTY,
        indicator=indicator.code,
        method=method.name,
        as_of=date,
        unit=indicator.unit,
        target=target,
        other_targets=others,
    )
    if target is not None:
        deadline = target.year if target.year is not None else end_year
        assert deadline is not None  # _choose_target raised otherwise
        base = attrs.evolve(
            base, deadline=deadline, target_value=indicator.target_value(target)
        )
        if others:
            reasons.append(Reason(code=ReasonCode.MILESTONE, detail=f"{deadline}"))
    if not points:
        reasons.append(Reason(code=ReasonCode.NO_DATA))
        return attrs.evolve(base, status=Status.NO_DATA, reasons=tuple(reasons))
    series, points = _choose_series(indicator, points, date, reasons)
    base = attrs.evolve(base, series=series)
    available = [p for p in points if p.period.end <= date]
    later = [p for p in points if p.period.end > date]
    if target is not None and base.deadline is not None and date.year > base.deadline:
        reasons.append(Reason(code=ReasonCode.DEADLINE_PASSED, detail=str(base.deadline)))
        later += [p for p in available if p.period.year > base.deadline]
        available = [p for p in available if p.period.year <= base.deadline]
    if later:
        detail = ", ".join(str(p.period) for p in sorted(later, key=_key))
        reasons.append(Reason(code=ReasonCode.LATER_VALUES_IGNORED, detail=detail))
    if not available:
        reasons.append(Reason(code=ReasonCode.NO_DATA))
        return attrs.evolve(base, status=Status.NO_DATA, reasons=tuple(reasons))
    if target is not None and target.is_periodic:
        return _assess_periodic(base, target, available, start_year, reasons)
    latest = available[-1]
    base = attrs.evolve(base, latest=latest.observation())
    if target is not None and target.kind is TargetKind.YES_NO:
        met = is_met(latest.value, target.comparator, target.value)
        reasons.append(Reason(code=ReasonCode.MET if met else ReasonCode.NOT_MET))
        status = Status.ACHIEVED if met else Status.NOT_ACHIEVED
        return attrs.evolve(base, status=status, reasons=tuple(reasons))
    return _assess_reach(indicator, method, base, available, base_year, reasons)


_EMPTY = Assessment(
    indicator="-", status=Status.NO_DATA, method="-", as_of=datetime.date(2000, 1, 1), unit="-"
)


def _key(point: _Point) -> tuple[datetime.date, datetime.date]:
    return point.period.start, point.period.end


def _points(
    indicator: Indicator,
    measurements: Iterable[Measurement],
    place: str | None,
    reasons: list[Reason],
) -> list[_Point]:
    """Select this indicator's total values for one place, converted to its unit."""
    rows = [m for m in measurements if m.indicator == indicator.code]
    places = {m.place for m in rows}
    if place is not None:
        rows = [m for m in rows if m.place == place]
    elif len(places) > 1:
        raise AssessmentError(
            msg("measurements of indicator {code!r} come from several places ({places}): pass "
                "place=… (on the command line: --place) to choose one, or aggregate them first",
                code=indicator.code, places=", ".join(sorted(str(p) for p in places)))
        )
    disaggregated = [m for m in rows if m.sex is not None]
    if disaggregated:
        reasons.append(
            Reason(
                code=ReasonCode.DISAGGREGATED_IGNORED,
                detail=", ".join(sorted({str(m.period) for m in disaggregated})),
            )
        )
    problems: list[Problem] = []
    points: list[_Point] = []
    for index, row in enumerate(r for r in rows if r.sex is None):
        value = _convert(indicator, row, f"measurements[{index}]", problems)
        if value is not None:
            points.append(_Point(value, row.period, row.series, row.source))
    if problems:
        raise ValidationError(problems, subject=f"measurements of {indicator.code!r}")
    return points


def _convert(
    indicator: Indicator, row: Measurement, path: str, problems: list[Problem]
) -> float | bool | None:
    if indicator.is_yes_no or isinstance(row.value, bool):
        if indicator.is_yes_no and isinstance(row.value, bool):
            return row.value
        problems.append(
            Problem(
                path=f"{path}.value",
                message=msg("indicator {code!r} takes {wanted}, found {value!r} for {period}",
                            code=indicator.code, value=row.value, period=str(row.period),
                            wanted=msg("true or false (Có or Không)") if indicator.is_yes_no
                            else msg("numbers")),
            )
        )
        return None
    try:
        return units.convert(row.value, row.unit or indicator.unit, indicator.unit)
    except UnitError as error:
        problems.append(Problem(path=f"{path}.unit", message=error.describe()))
        return None


def _choose_target(
    indicator: Indicator, date: datetime.date, end_year: int | None
) -> tuple[Target | None, tuple[Target, ...]]:
    """The next target whose deadline is not yet past, else the last one; and the others."""
    if not indicator.targets:
        return None, ()
    if end_year is None and any(t.year is None for t in indicator.targets):
        raise AssessmentError(
            f"indicator {indicator.code!r} has a target without a year: pass end_year (the "
            "plan's end year), or assess the whole plan with assess_plan"
        )

    def deadline(target: Target) -> int:
        return target.year if target.year is not None else end_year or 0

    ordered = sorted(indicator.targets, key=deadline)
    chosen = next((t for t in ordered if deadline(t) >= date.year), ordered[-1])
    return chosen, tuple(t for t in indicator.targets if t is not chosen)


def _choose_series(
    indicator: Indicator, points: list[_Point], date: datetime.date, reasons: list[Reason]
) -> tuple[str | None, list[_Point]]:
    """One consistent series: the indicator's preferred one, else the best-covered one."""
    by_series: dict[str | None, list[_Point]] = {}
    for point in points:
        by_series.setdefault(point.series, []).append(point)
    chosen: str | None
    if indicator.series is not None and indicator.series in by_series:
        chosen = indicator.series
    else:

        def coverage(name: str | None) -> tuple[int, datetime.date, str]:
            # Most values up to the assessment date, then the most recent, then by name.
            usable = [p for p in by_series[name] if p.period.end <= date]
            latest = max((p.period.end for p in usable), default=datetime.date.min)
            return len(usable), latest, name or ""

        chosen = max(by_series, key=coverage)
    if len(by_series) > 1:
        others = ", ".join(sorted(str(s) for s in by_series if s != chosen))
        reasons.append(Reason(code=ReasonCode.SERIES_CHOSEN, detail=str(chosen)))
        reasons.append(Reason(code=ReasonCode.SERIES_SET_ASIDE, detail=others))
    selected = sorted(by_series[chosen], key=_key)
    _check_duplicates(indicator, selected)
    return chosen, selected


def _check_duplicates(indicator: Indicator, points: list[_Point]) -> None:
    seen: set[Period] = set()
    problems = []
    for point in points:
        if point.period in seen:
            problems.append(
                Problem(
                    message=msg("two values of indicator {code!r} for {period} in series "
                                "{series!r}", code=indicator.code, period=str(point.period),
                                series=point.series),
                    hint=msg("keep one, or give them different series"),
                )
            )
        seen.add(point.period)
    if problems:
        raise ValidationError(problems, subject=f"measurements of {indicator.code!r}")


def _assess_periodic(
    base: Assessment,
    target: Target,
    available: list[_Point],
    start_year: int | None,
    reasons: list[Reason],
) -> Assessment:
    """Hold-every-period and count-per-period targets: every period with data must meet it."""
    first = target.start_year if target.start_year is not None else start_year
    in_range = [p for p in available if first is None or p.period.year >= first]
    if target.frequency is not None:
        other = [p for p in in_range if p.period.frequency is not target.frequency]
        if other:
            reasons.append(
                Reason(
                    code=ReasonCode.PERIODS_OF_OTHER_LENGTH,
                    detail=", ".join(str(p.period) for p in other),
                )
            )
        in_range = [p for p in in_range if p.period.frequency is target.frequency]
    if not in_range:
        reasons.append(Reason(code=ReasonCode.NO_PERIOD_IN_RANGE, detail=str(first)))
        return attrs.evolve(base, status=Status.INSUFFICIENT_DATA, reasons=tuple(reasons))
    value = base.target_value
    assert value is not None
    failing = tuple(
        p.period
        for p in in_range
        if not is_met(p.value, target.comparator, value, target.tolerance)
    )
    latest = in_range[-1]
    if failing:
        reasons.append(
            Reason(code=ReasonCode.PERIODS_FAILING, detail=", ".join(map(str, failing)))
        )
    else:
        reasons.append(Reason(code=ReasonCode.MET))
    return attrs.evolve(
        base,
        status=Status.NOT_ACHIEVED if failing else Status.ACHIEVED,
        latest=latest.observation(),
        gap=_gap(value, latest.value),
        failing_periods=failing,
        reasons=tuple(reasons),
    )


def _gap(target: float | bool | None, latest: float | bool) -> float | None:
    if isinstance(target, bool) or isinstance(latest, bool) or target is None:
        return None
    return target - latest


def _baseline(
    indicator: Indicator, available: list[_Point], base_year: int | None, reasons: list[Reason]
) -> _Point | Observation | None:
    """The stated baseline, else the value in the base year, else the first one after it."""
    if indicator.baseline is not None:
        stated = Observation(
            value=indicator.baseline.value,
            period=Period(year=indicator.baseline.year),
            source=indicator.baseline.source,
            stated=True,
        )
        reasons.append(
            Reason(
                code=ReasonCode.BASELINE_STATED,
                detail=str(indicator.baseline.year),
                value=float(indicator.baseline.value),
            )
        )
        return stated
    candidates = [p for p in available if base_year is None or p.period.year >= base_year]
    if not candidates:
        reasons.append(Reason(code=ReasonCode.NO_BASELINE, detail=str(base_year)))
        return None
    in_base_year = [p for p in candidates if p.period.year == base_year]
    chosen = in_base_year[-1] if in_base_year else candidates[0]
    reasons.append(
        Reason(
            code=ReasonCode.BASELINE_MEASURED,
            detail=str(chosen.period),
            value=float(chosen.value),
        )
    )
    return chosen


def _assess_reach(
    indicator: Indicator,
    method: Method,
    base: Assessment,
    available: list[_Point],
    base_year: int | None,
    reasons: list[Reason],
) -> Assessment:
    """A numeric target to reach by a deadline (or no target: direction only)."""
    latest = available[-1]
    target = base.target
    y_T = base.target_value
    met = (
        target is not None
        and y_T is not None
        and is_met(latest.value, target.comparator, y_T, target.tolerance)
    )
    found = _baseline(indicator, available, base_year, reasons)
    baseline = found.observation() if isinstance(found, _Point) else found
    base = attrs.evolve(base, baseline=baseline, gap=_gap(y_T, latest.value))
    trend = None
    if baseline is not None and isinstance(baseline.value, int | float):
        assert not isinstance(latest.value, bool)
        b = baseline.period.time
        history = tuple(
            (p.period.time, float(p.value))
            for p in available
            if p.period.time >= b and not isinstance(p.value, bool)
        )
        if baseline.stated:
            history = ((b, float(baseline.value)), *history)
        deadline = base.deadline
        trend = Trend(
            d=indicator.direction.sign,
            b=b,
            y_b=float(baseline.value),
            t=latest.period.time,
            y_t=float(latest.value),
            T=float(deadline) if deadline is not None else latest.period.time,
            y_T=None if y_T is None or isinstance(y_T, bool) else float(y_T),
            history=history,
            limit=_limit(indicator),
        )
    if met:
        reasons.append(Reason(code=ReasonCode.MET))
        return _apply(base, method.judge_met(trend), reasons)
    if target is not None:
        reasons.append(Reason(code=ReasonCode.NOT_MET))
        if base.deadline is not None and base.as_of.year > base.deadline:
            return attrs.evolve(base, status=Status.NOT_ACHIEVED, reasons=tuple(reasons))
    if trend is None:
        return attrs.evolve(base, status=Status.INSUFFICIENT_DATA, reasons=tuple(reasons))
    enough = trend.t - trend.b >= 1
    if (
        target is not None
        and y_T is not None
        and is_met(trend.y_b, target.comparator, y_T, target.tolerance)
    ):
        # Evaluation rule: a baseline that met the target and a latest value that no longer
        # does is DETERIORATING in every method, whatever the arithmetic says.
        reasons.append(Reason(code=ReasonCode.LOST_ACHIEVEMENT))
        verdict = method.judge(trend) if enough else Verdict(status=Status.DETERIORATING)
        return _apply(base, attrs.evolve(verdict, status=Status.DETERIORATING), reasons)
    if not enough:
        reasons.append(Reason(code=ReasonCode.ONE_DATA_POINT))
        return attrs.evolve(base, status=Status.INSUFFICIENT_DATA, reasons=tuple(reasons))
    return _apply(base, method.judge(trend), reasons)


def _limit(indicator: Indicator) -> float | None:
    """The natural limit the indicator moves towards: the upper for rising, lower for falling."""
    if indicator.limits is None:
        return None
    if indicator.direction.sign > 0:
        return indicator.limits.upper
    return indicator.limits.lower


def _apply(base: Assessment, verdict: Verdict, reasons: list[Reason]) -> Assessment:
    if verdict.ratio is not None:
        reasons.append(Reason(code=ReasonCode.PROGRESS_RATIO, value=verdict.ratio))
    return attrs.evolve(
        base,
        status=verdict.status,
        ratio=verdict.ratio,
        score=verdict.score,
        projected=verdict.projected,
        expected=verdict.expected,
        reasons=(*reasons, *verdict.reasons),
    )
