"""Checks of measurements against the plan they measure."""

from __future__ import annotations

import difflib
from collections.abc import Iterable

from gender_plan import units
from gender_plan._i18n import QuantityText, UnitText, msg
from gender_plan.errors import Problem, UnitError, ValidationError
from gender_plan.model.indicator import Indicator
from gender_plan.model.measurement import Measurement
from gender_plan.model.plan import Plan

__all__ = ["check_measurements", "validate_measurements"]

YEARS_BEFORE_PLAN = 30
"""How many years before a plan starts a measurement may lie (older data is likely a typo)."""
YEARS_AFTER_PLAN = 5
"""How many years after a plan ends a measurement may lie."""


def check_measurements(plan: Plan, measurements: Iterable[Measurement]) -> tuple[Problem, ...]:
    """Return every problem of `measurements` with respect to `plan` (empty when all is well).

    Checked: the indicator code exists, the unit measures the same kind of quantity, the value
    is a number or a yes/no as the indicator needs and lies within its natural limits, the period
    is not far outside the plan, and no value repeats for the same indicator, period, series,
    place and sex.
    """
    indicators = {indicator.code: indicator for _, indicator in plan.indicators()}
    problems: list[Problem] = []
    seen: dict[tuple[object, ...], int] = {}
    for index, row in enumerate(measurements):
        path = f"measurements[{index}]"
        indicator = indicators.get(row.indicator)
        if indicator is None:
            close = difflib.get_close_matches(row.indicator, list(indicators), n=1)
            problems.append(
                Problem(
                    path=f"{path}.indicator",
                    message=msg("the plan has no indicator {code!r}", code=row.indicator),
                    hint=msg("did you mean {close!r}?", close=close[0]) if close else
                    msg("known codes: {codes}", codes=", ".join(indicators)),
                )
            )
            continue
        problems.extend(_check_value(indicator, row, path))
        first, last = plan.start_year - YEARS_BEFORE_PLAN, plan.end_year + YEARS_AFTER_PLAN
        if not first <= row.period.year <= last:
            problems.append(
                Problem(
                    path=f"{path}.period",
                    message=msg("period {period} lies far outside the plan's {start}-{end} "
                                "(accepted: {first}-{last})", period=str(row.period),
                                start=plan.start_year, end=plan.end_year, first=first, last=last),
                    hint=msg("check the year for a typo"),
                )
            )
        key = (row.indicator, row.period, row.series, row.place, row.sex)
        if key in seen:
            problems.append(
                Problem(
                    path=path,
                    message=msg("duplicate value for indicator {code!r}, period {period}, series "
                                "{series!r}, place {place!r}, sex {sex!r}: already at "
                                "measurements[{index}]", code=row.indicator,
                                period=str(row.period), series=row.series, place=row.place,
                                sex=row.sex.value if row.sex else None, index=seen[key]),
                    hint=msg("keep one, or tell them apart by series or place"),
                )
            )
        else:
            seen[key] = index
    return tuple(problems)


def _check_value(indicator: Indicator, row: Measurement, path: str) -> list[Problem]:
    if indicator.is_yes_no != isinstance(row.value, bool):
        wanted = (msg("true or false (Có or Không)") if indicator.is_yes_no
                  else msg("a number in {unit!r}", unit=indicator.unit))
        return [
            Problem(
                path=f"{path}.value",
                message=msg("indicator {code!r} takes {wanted}, found {value!r}",
                            code=indicator.code, wanted=wanted, value=row.value),
            )
        ]
    if isinstance(row.value, bool):
        return []
    try:
        value = units.convert(row.value, row.unit or indicator.unit, indicator.unit)
    except UnitError as error:
        return [Problem(path=f"{path}.unit", message=error.describe())]
    if indicator.limits is not None and not indicator.limits.contains(value):
        return [
            Problem(
                path=f"{path}.value",
                message=msg("{quantity} lies outside indicator {code!r}'s limits {limits} "
                            "{limit_unit}", quantity=QuantityText(row.value,
                                                                  row.unit or indicator.unit),
                            code=indicator.code, limits=str(indicator.limits),
                            limit_unit=UnitText(indicator.unit)),
            )
        ]
    return _check_ratio(indicator, row, value, path)


RATIO_SLACK = 0.01
"""How far (relative) a value may lie from its numerator / denominator beyond its rounding."""


def _check_ratio(indicator: Indicator, row: Measurement, value: float,
                 path: str) -> list[Problem]:
    """A rate given with its numerator and denominator must agree with them (90% is not 5/10).

    The value may be rounded at its last written digit, and 1% more is allowed.
    """
    from gender_plan.rollup.aggregation import Ratio, rule_for  # noqa: PLC0415 - light, no cycle

    if row.numerator is None or row.denominator is None:
        return []
    rule = rule_for(indicator)
    if not isinstance(rule, Ratio):
        return []
    expected = rule.scale * row.numerator / row.denominator
    written = repr(float(row.value))
    decimals = 0 if "e" in written else len(written.partition(".")[2].rstrip("0"))
    rounding = 0.5 * 10.0**-decimals * abs(value / row.value if row.value else 1.0)
    if abs(value - expected) <= rounding + RATIO_SLACK * abs(expected):
        return []
    return [
        Problem(
            path=f"{path}.value",
            message=msg("the value {value} does not match its numerator and denominator: "
                        "{numerator} / {denominator} is {expected}",
                        value=QuantityText(float(row.value), row.unit or indicator.unit),
                        numerator=format(row.numerator, "g"),
                        denominator=format(row.denominator, "g"),
                        expected=QuantityText(float(format(expected, ".4g")), indicator.unit)),
            hint=msg("check the three cells: one of them is mistyped"),
        )
    ]


def validate_measurements(plan: Plan, measurements: Iterable[Measurement]) -> None:
    """Raise a `ValidationError` with every problem of `measurements`, if there are any."""
    problems = check_measurements(plan, measurements)
    if problems:
        raise ValidationError(problems, subject="measurements")
