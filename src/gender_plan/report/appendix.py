"""The report's appendix and signature block, and each indicator's facts and measured values.

Kept apart from `gender_plan.report.view` so that the parts a report adds about the plan itself
(the whole plan, as `gender-plan show` prints it; who signs it; what each indicator measures)
can grow without touching how the assessment is laid out.
"""

from __future__ import annotations

from collections.abc import Iterable

import attrs

from gender_plan import units
from gender_plan.model.indicator import Indicator
from gender_plan.model.measurement import Measurement, Sex
from gender_plan.model.plan import Plan
from gender_plan.model.text import Language
from gender_plan.numbers import format_quantity, unit_label
from gender_plan.report.document import SECTIONS, plan_text

__all__ = [
    "AppendixSection",
    "IndicatorFacts",
    "MeasuredValue",
    "SignatureView",
    "appendix",
    "indicator_facts",
    "measured_values",
    "signature",
    "source_text",
]

_SEX = {Sex.FEMALE: ("nữ", "female"), Sex.MALE: ("nam", "male")}
_TOTAL = ("tổng", "total")


@attrs.frozen(kw_only=True)
class AppendixSection:
    """One part of the plan, as text, in the document's order."""

    name: str
    text: str


@attrs.frozen(kw_only=True)
class SignatureView:
    """The signature block and the recipients, as the plan states them."""

    authority: tuple[str, ...]
    title: str
    name: str
    recipients: tuple[str, ...]


@attrs.frozen(kw_only=True)
class IndicatorFacts:
    """What an indicator measures: the plan's words, its unit, and where its values come from."""

    definition: str
    unit: str
    series: str
    sources: tuple[str, ...]


@attrs.frozen(kw_only=True)
class MeasuredValue:
    """One measured value, for the table under an indicator."""

    period: str
    sex: str
    value: str
    series: str
    source: str


def appendix(plan: Plan, language: Language) -> tuple[AppendixSection, ...]:
    """The whole plan, part by part: the same text `gender-plan show` prints."""
    return tuple(
        AppendixSection(name=name, text=plan_text(plan, language, [name], width=None).rstrip())
        for name in SECTIONS
    )


def signature(plan: Plan, language: Language) -> SignatureView | None:
    """The signature block of the plan ("TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH …"), if it has one."""
    if plan.signatory is None:
        return None
    return SignatureView(
        authority=tuple(line.get(language) for line in plan.signatory.authority),
        title=plan.signatory.title.get(language),
        name=plan.signatory.name,
        recipients=tuple(recipient.get(language) for recipient in plan.recipients),
    )


def _mine(indicator: Indicator, measurements: Iterable[Measurement]) -> list[Measurement]:
    return [m for m in measurements if m.indicator == indicator.code]


def source_text(source: str | None, measurements: Iterable[Measurement],
                language: Language) -> str | None:
    """`source` in `language`, from the label a measurement of it carries (else as written)."""
    for row in measurements:
        if row.source == source and row.source_label is not None:
            return row.source_label.get(language)
    return source


def indicator_facts(indicator: Indicator, measurements: Iterable[Measurement],
                    series: str | None, language: Language) -> IndicatorFacts:
    """The indicator's definition (the plan's words), unit, chosen series and every source."""
    rows = _mine(indicator, measurements)
    series_text = series or "—"
    for row in rows:
        if row.series == series and row.series_label is not None:
            series_text = row.series_label.get(language)
            break
    sources: list[str] = []
    for row in rows:
        text = row.source_text(language)
        if text is not None and text not in sources:
            sources.append(text)
    return IndicatorFacts(
        definition=indicator.name.get(language),
        unit=(("yes/no" if language == "en" else "có/không") if indicator.is_yes_no
              else unit_label(indicator.unit, language) or indicator.unit),
        series=series_text,
        sources=tuple(sources),
    )


def measured_values(indicator: Indicator, measurements: Iterable[Measurement],
                    language: Language) -> tuple[MeasuredValue, ...]:
    """Every measured value of the indicator, by period, then by sex where disaggregated."""
    english = language == "en"
    rows = sorted(_mine(indicator, measurements),
                  key=lambda m: (m.period.start, m.series or "", m.sex is not None,
                                 m.sex.value if m.sex else ""))
    values = []
    for row in rows:
        if isinstance(row.value, bool):
            value = format_quantity(row.value, indicator.unit, language)
        else:
            value = format_quantity(
                units.convert(row.value, row.unit or indicator.unit, indicator.unit),
                indicator.unit, language)
        sex = _TOTAL if row.sex is None else _SEX[row.sex]
        values.append(MeasuredValue(
            period=str(row.period),
            sex=sex[1] if english else sex[0],
            value=value,
            series=row.series_text(language) or "—",
            source=row.source_text(language) or "—",
        ))
    return tuple(values)
