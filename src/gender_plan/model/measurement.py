"""Measurements: a value of an indicator for a period, from a named series."""

from __future__ import annotations

import enum

import attrs

from gender_plan._i18n import msg
from gender_plan.model._checks import Checker
from gender_plan.model.period import Period
from gender_plan.model.text import Language, LocalizedText

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
    series_label: LocalizedText | None = None
    """How `series` reads in Vietnamese and English; None shows `series` as written."""
    source_label: LocalizedText | None = None
    """How `source` reads in Vietnamese and English; None shows `source` as written."""
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
        check.instance(self.period, Period, "period", msg("a period"))
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
            check.instance(self.sex, Sex, "sex", msg("'female' or 'male'"))
        for name in ("series_label", "source_label"):
            if getattr(self, name) is not None:
                check.instance(getattr(self, name), LocalizedText, name, msg("a localized text"))
        for name in ("series", "source"):
            check.require(
                getattr(self, name) is not None or getattr(self, f"{name}_label") is None,
                f"{name}_label",
                msg("a series label needs the series it labels") if name == "series"
                else msg("a source label needs the source it labels"),
                hint=msg("fill in the {vi} column as well", vi=name),
            )
        check.done()

    def series_text(self, language: Language = "vi") -> str | None:
        """The series in `language` (its label), else as written."""
        if self.series_label is not None:
            return self.series_label.get(language)
        return self.series

    def source_text(self, language: Language = "vi") -> str | None:
        """The source in `language` (its label), else as written."""
        if self.source_label is not None:
            return self.source_label.get(language)
        return self.source
