"""Measurements: a value of an indicator for a period, from a named series."""

from __future__ import annotations

import enum

import attrs

from gender_plan._i18n import msg
from gender_plan.model._checks import Checker
from gender_plan.model.period import Period

__all__ = ["Measurement", "Sex"]


class Sex(enum.Enum):
    """The sex a disaggregated measurement counts; a total has none."""

    FEMALE = "female"
    MALE = "male"


@attrs.frozen(kw_only=True)
class Measurement:
    """One measured value of one indicator for one period."""

    indicator: str
    """The code of the indicator measured."""
    period: Period
    value: float | bool
    """A number in `unit`, or True/False for a yes/no indicator."""
    unit: str | None = None
    """The unit of `value`; None means the indicator's own unit."""
    series: str | None = None
    """The series the value belongs to ("civil registration", "labour force survey")."""
    source: str | None = None
    """Where the value was published, or how it was made ("illustrative")."""
    numerator: float | None = None
    """What was counted (births, women in leadership), when known: rates add up through it."""
    denominator: float | None = None
    """What it was counted out of, when known."""
    place: str | None = None
    """The place measured (a commune, a province); None for the plan's own place."""
    sex: Sex | None = None
    """For sex-disaggregated data, whose value this is; None for a total."""

    def __attrs_post_init__(self) -> None:
        check = Checker(f"measurement of {self.indicator!r}")
        check.code(self.indicator, "indicator")
        check.instance(self.period, Period, "period", "a period")
        if not isinstance(self.value, bool):
            check.number(self.value, "value")
        for name in ("unit", "series", "source", "place"):
            value = getattr(self, name)
            if value is not None:
                check.require(
                    isinstance(value, str) and bool(value.strip()),
                    name,
                    msg("expected a non-empty text or nothing, found {value!r}", value=value),
                )
        for name in ("numerator", "denominator"):
            value = getattr(self, name)
            if value is not None and check.number(value, name):
                check.require(value >= 0, name, msg("expected 0 or more, found {value!r}",
                                                                value=value))
        if isinstance(self.denominator, int | float) and not isinstance(self.denominator, bool):
            check.require(self.denominator != 0, "denominator", msg("a denominator cannot be 0"))
        if self.sex is not None:
            check.instance(self.sex, Sex, "sex", "'female' or 'male'")
        check.done()
