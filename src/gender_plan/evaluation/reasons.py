"""Machine-readable reasons behind an assessment, with their text for people."""

from __future__ import annotations

import enum
import math
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING

import attrs

from gender_plan._i18n import Msg, msg, translate
from gender_plan.model.text import Language
from gender_plan.numbers import format_number

if TYPE_CHECKING:
    from gender_plan.model.measurement import Measurement

__all__ = ["Reason", "ReasonCode", "series_labels"]


class ReasonCode(enum.Enum):
    """Why an assessment came out as it did, or what it had to decide on the way."""

    NO_DATA = "no_data"
    LATER_VALUES_IGNORED = "later_values_ignored"
    NO_BASELINE = "no_baseline"
    BASELINE_STATED = "baseline_stated"
    BASELINE_MEASURED = "baseline_measured"
    ONE_DATA_POINT = "one_data_point"
    MET = "met"
    NOT_MET = "not_met"
    DEADLINE_PASSED = "deadline_passed"
    LOST_ACHIEVEMENT = "lost_achievement"
    LEVEL_TO_HOLD = "level_to_hold"
    ZERO_REPLACED = "zero_replaced"
    ZERO_VALUE = "zero_value"
    SIGN_CHANGE = "sign_change"
    SERIES_CHOSEN = "series_chosen"
    SERIES_SET_ASIDE = "series_set_aside"
    MILESTONE = "milestone"
    PERIODS_FAILING = "periods_failing"
    PERIODS_OF_OTHER_LENGTH = "periods_of_other_length"
    NO_PERIOD_IN_RANGE = "no_period_in_range"
    DISAGGREGATED_IGNORED = "disaggregated_ignored"
    NO_NUMERIC_TARGET = "no_numeric_target"
    PROGRESS_RATIO = "progress_ratio"
    PREFERRED_SERIES_UNAVAILABLE = "preferred_series_unavailable"
    PERIODS_WITHOUT_DATA = "periods_without_data"
    LATEST_BEFORE_BASELINE = "latest_before_baseline"
    NOT_IN_PLAN = "not_in_plan"
    BAND_DISTANCE = "band_distance"
    SHARE_OF_PLACES = "share_of_places"
    """A share of places, computed from the places below: how many met its condition."""


_TEXTS: dict[ReasonCode, Msg] = {
    ReasonCode.NO_DATA: msg("There is no measurement at all."),
    ReasonCode.LATER_VALUES_IGNORED: msg(
        "Values after the assessment date were reported, not used: {detail}."),
    ReasonCode.NO_BASELINE: msg(
        "No baseline: the plan states none and nothing was measured from base year {detail}."),
    ReasonCode.BASELINE_STATED: msg("Baseline stated in the plan: {value} ({detail})."),
    ReasonCode.BASELINE_MEASURED: msg("Baseline taken from the measurements: {value} ({detail})."),
    ReasonCode.ONE_DATA_POINT: msg("Fewer than two years of data: the trend cannot be judged."),
    ReasonCode.MET: msg("The latest value meets the target."),
    ReasonCode.NOT_MET: msg("The latest value does not meet the target."),
    ReasonCode.DEADLINE_PASSED: msg("The deadline {detail} has passed: the verdict is final."),
    ReasonCode.LOST_ACHIEVEMENT: msg(
        "The baseline met the target but the latest value no longer does."),
    ReasonCode.LEVEL_TO_HOLD: msg(
        "The target equals the baseline (a level to hold) and is not met now."),
    ReasonCode.ZERO_REPLACED: msg(
        "A zero ({detail}) was replaced by 0.001, as the method prescribes."),
    ReasonCode.ZERO_VALUE: msg(
        "A zero value ({detail}): the method cannot compute a growth rate."),
    ReasonCode.SIGN_CHANGE: msg("The values change sign ({detail}): the method does not apply."),
    ReasonCode.SERIES_CHOSEN: msg("Series used: {detail}."),
    ReasonCode.SERIES_SET_ASIDE: msg("Series set aside: {detail}."),
    ReasonCode.MILESTONE: msg("Assessed against the milestone {detail}."),
    ReasonCode.PERIODS_FAILING: msg("Periods that fail: {detail}."),
    ReasonCode.PERIODS_OF_OTHER_LENGTH: msg(
        "Values not measured per the target's period were set aside: {detail}."),
    ReasonCode.BAND_DISTANCE: msg(
        "A level to stay near: progress is judged on the distance to the band [{value}, "
        "{total}], lower is better."),
    ReasonCode.NO_PERIOD_IN_RANGE: msg(
        "No value falls in the periods the target applies to (from {detail})."),
    ReasonCode.DISAGGREGATED_IGNORED: msg(
        "Sex-disaggregated values for {detail} were not used for the total."),
    ReasonCode.NO_NUMERIC_TARGET: msg(
        "The indicator has no numeric target: the method cannot judge it."),
    ReasonCode.PROGRESS_RATIO: msg("Progress ratio {value}."),
    ReasonCode.PREFERRED_SERIES_UNAVAILABLE: msg(
        "The preferred series ({detail}) has no value by the assessment date: another was "
        "used."),
    ReasonCode.PERIODS_WITHOUT_DATA: msg("Periods without data (not counted as met): {detail}."),
    ReasonCode.LATEST_BEFORE_BASELINE: msg(
        "The latest value ({detail}) predates the baseline: the trend cannot be judged."),
    ReasonCode.NOT_IN_PLAN: msg("This place's plan has no counterpart of the indicator."),
    ReasonCode.SHARE_OF_PLACES: msg(
        "Places below meeting the condition ({detail}): {value} of {total}; a place without a "
        "value in that period counts as not meeting it."),
}
"""Each reason's sentence: an English template, in other languages through the catalogue
(``locale/vi/LC_MESSAGES/gender_plan.po``), formatted with `detail`, `value` and `total`."""

_TERMS: dict[str, Msg] = {
    "baseline": msg("baseline"),
    "target": msg("target"),
    "latest": msg("latest value"),
    "baseline → latest": msg("baseline → latest value"),
    "baseline → target": msg("baseline → target"),
}
"""Details that are words rather than names or periods."""


@attrs.frozen(kw_only=True)
class Reason:
    """One reason, as a code for programs and a sentence for people."""

    code: ReasonCode
    detail: str = ""
    """The particulars: a series name, a list of periods, a year, or a term such as
    ``"baseline"``."""
    value: float | None = None
    """A figure the reason states (a baseline value, a progress ratio, a count of places)."""
    total: float | None = None
    """The whole a count is out of (the places a share of places counts)."""
    names: tuple[str, ...] = ()
    """The series the reason names, as the data write them (`detail` lists them)."""

    def text(self, language: Language = "vi", labels: Mapping[str, str] | None = None) -> str:
        """The reason as a sentence in `language`, numbers written as the language writes them.

        `labels` gives a series' name in `language` (`series_labels`): a reason that names
        series shows each by its label where it has one, else as the data write it.
        """
        detail = self.detail
        if detail in _TERMS:
            detail = translate(_TERMS[detail].template, language)
        if self.names and labels:
            detail = ", ".join(labels.get(name, name) for name in self.names)
        value, total = (_figure(x, language) for x in (self.value, self.total))
        template = translate(_TEXTS[self.code].template, language)
        return template.format(detail=detail, value=value, total=total)


def _figure(value: float | None, language: Language) -> str:
    """A reason's figure as `language` writes numbers; an open band's edge as -∞ or +∞."""
    if value is None:
        return ""
    if math.isinf(value):
        return "-∞" if value < 0 else "+∞"
    return format_number(value, language, decimals=3)


def series_labels(measurements: Iterable[Measurement], language: Language) -> dict[str, str]:
    """Each series' name in `language`, from the `series_label` its measurements carry.

    For `Reason.text`: "sổ sách của xã" for the series the data call "commune records".
    """
    found: dict[str, str] = {}
    for row in measurements:
        if row.series is not None and row.series_label is not None:
            found.setdefault(row.series, row.series_label.get(language))
    return found
