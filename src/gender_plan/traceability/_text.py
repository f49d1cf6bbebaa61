"""The words of traceability findings, in Vietnamese and English."""

from __future__ import annotations

from gender_plan.model.indicator import Direction, Indicator
from gender_plan.model.target import Comparator, Target, TargetKind
from gender_plan.model.text import Language, LocalizedText
from gender_plan.numbers import format_number, format_quantity
from gender_plan.traceability._levels import Level, Point

__all__ = ["better", "describe", "describe_level", "kind_name", "name", "text"]

_KINDS = {
    TargetKind.REACH: ("mục tiêu đạt đến một năm", "reach-by-a-year"),
    TargetKind.HOLD: ("mức duy trì mỗi kỳ", "hold-every-period"),
    TargetKind.YES_NO: ("mục tiêu có/không", "yes/no"),
    TargetKind.COUNT_PER_PERIOD: ("số lượng mỗi kỳ", "count-per-period"),
}


def text(vi: str, en: str) -> LocalizedText:
    """A finding's message."""
    return LocalizedText(vi=vi, en=en)


def name(indicator: Indicator) -> str:
    """The plan's numbering, with the code when they differ (``3.2 (3.2a)``)."""
    if indicator.label == indicator.code:
        return indicator.code
    return f"{indicator.label} ({indicator.code})"


def kind_name(target: Target, language: Language) -> str:
    """The kind of target, in words."""
    vi, en = _KINDS[target.kind]
    return en if language == "en" else vi


def better(direction: Direction, language: Language) -> str:
    """``higher``/``cao hơn`` or ``lower``/``thấp hơn``."""
    higher = direction is Direction.HIGHER_IS_BETTER
    if language == "en":
        return "higher" if higher else "lower"
    return "cao hơn" if higher else "thấp hơn"


def _by(head: str, year: int, language: Language) -> str:
    return f"{head} by {year}" if language == "en" else f"{head} đến năm {year}"


def describe(indicator: Indicator, target: Target, deadline: int, language: Language) -> str:
    """``≥ 75% by 2030`` / ``≥ 75% đến năm 2030``: the target as a reader writes it."""
    value = indicator.target_value(target)
    quantity = format_quantity(value, indicator.unit, language)
    if target.kind is TargetKind.YES_NO:
        head = quantity
    else:
        head = f"{target.comparator.symbol} {quantity}"
        if target.comparator is Comparator.ABOUT and target.tolerance is not None:
            head += f" ± {format_number(target.tolerance, language)}"
    if target.is_periodic:
        first = target.start_year
        if language == "en":
            return f"{head} every period" + (f" from {first}" if first is not None else "")
        return f"{head} mỗi kỳ" + (f" từ năm {first}" if first is not None else "")
    return _by(head, deadline, language)


def _point(indicator: Indicator, point: Point, factor: float, language: Language) -> str:
    if point.target is not None:
        return describe(indicator, point.target, point.year, language)
    value = format_quantity(point.value / factor, indicator.unit, language)
    if language == "en":
        return f"the baseline {value} in {point.year}"
    return f"giá trị cơ sở {value} năm {point.year}"


def describe_level(indicator: Indicator, level: Level, factor: float, language: Language) -> str:
    """The requirement in force in a year, with where it comes from.

    `factor` converts `indicator`'s unit into the level's unit of comparison.
    """
    if level.basis in ("milestone", "last") and level.before is not None:
        return _point(indicator, level.before, factor, language)
    assert level.before is not None
    assert level.after is not None
    higher = indicator.direction is Direction.HIGHER_IS_BETTER
    if indicator.is_yes_no:
        head = format_quantity(bool(level.value), indicator.unit, language)
    else:
        symbol = (">" if level.strict else "≥") if higher else ("<" if level.strict else "≤")
        head = f"{symbol} {format_quantity(level.value / factor, indicator.unit, language)}"
    start = _point(indicator, level.before, factor, language)
    end = _point(indicator, level.after, factor, language)
    if language == "en":
        return f"{_by(head, level.year, language)} (on the straight line from {start} to {end})"
    return (f"{_by(head, level.year, language)} (trên đường thẳng nối {start} với {end})")
