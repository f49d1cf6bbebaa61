"""Dates and targets written as a reader expects them, shared by the report and `show`."""

from __future__ import annotations

from gender_plan.model.indicator import Indicator
from gender_plan.model.period import PartialDate
from gender_plan.model.plan import Plan
from gender_plan.model.target import Target, TargetKind
from gender_plan.model.text import Language
from gender_plan.numbers import format_number, format_quantity
from gender_plan.report.labels import label

__all__ = ["format_date", "target_text"]

_MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August",
              "September", "October", "November", "December")


def format_date(date: PartialDate, language: Language) -> str:
    """``ngày 7 tháng 5 năm 2026`` / ``7 May 2026``; a draft's missing day is left out."""
    if language == "en":
        month = f"{_MONTHS_EN[date.month - 1]} " if date.month is not None else ""
        day = f"{date.day} " if date.day is not None else ""
        return f"{day}{month}{date.year}"
    day = f"ngày {date.day} " if date.day is not None else ""
    month = f"tháng {date.month} " if date.month is not None else ""
    return f"{day}{month}năm {date.year}"



def target_text(plan: Plan, indicator: Indicator, target: Target, language: Language) -> str:
    """A target as a reader expects it: ``≥ 60% (đến năm 2030)``, ``= 100% (mỗi năm, từ 2025)``."""
    value = format_quantity(indicator.target_value(target), indicator.unit, language)
    text = f"{target.comparator.symbol} {value}"
    if target.comparator.name == "ABOUT" and target.tolerance is not None:
        text += f" ± {format_number(target.tolerance, language)}"
    if target.kind in (TargetKind.HOLD, TargetKind.COUNT_PER_PERIOD):
        frequency = target.frequency.value if target.frequency is not None else "year"
        start = target.start_year if target.start_year is not None else plan.start_year
        return (f"{text} ({label('every', language)} {label(frequency, language)}, "
                f"{label('from_year', language)} {start})")
    return f"{text} ({label('by', language)} {plan.deadline(target)})"
