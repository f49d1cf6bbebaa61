"""Numbers and quantities written the way each language writes them (reports, reasons, CLI).

Vietnamese writes ``1.234,5`` and ``60,5%``; English writes ``1,234.5`` and ``60.5%``. These are
the CLDR symbols for ``vi`` and ``en`` (the tests check them against Babel, which reads CLDR).
Two fixed pairs of symbols do not justify a run-time dependency on Babel's locale database
(tens of megabytes, a slow first import) in the core command line, so the rule is written here.
"""

from __future__ import annotations

import math

from gender_plan.model.text import Language

__all__ = ["format_number", "format_quantity", "format_yes_no", "unit_label"]

_SYMBOLS: dict[str, tuple[str, str]] = {"vi": (",", "."), "en": (".", ",")}
"""(decimal separator, group separator) for each language, from CLDR."""


def format_number(value: float, language: Language = "vi", *, decimals: int = 2) -> str:
    """Write `value` with at most `decimals` decimals, trailing zeros dropped, digits grouped.

    >>> format_number(60.5, "vi"), format_number(1234567.25, "en")
    ('60,5', '1,234,567.25')
    """
    if not math.isfinite(value):
        return str(value)
    decimal, group = _SYMBOLS[language]
    text = f"{abs(value):.{decimals}f}"
    whole, _, fraction = text.partition(".")
    fraction = fraction.rstrip("0")
    digits = [whole[max(0, end - 3) : end] for end in range(len(whole), 0, -3)]
    grouped = group.join(reversed(digits))
    negative = value < 0 and (int(whole) != 0 or bool(fraction))
    return ("-" if negative else "") + grouped + (decimal + fraction if fraction else "")


_UNIT_LABELS: dict[str, tuple[str, str, bool]] = {
    "percent": ("%", "%", False),
    "fraction": ("", "", True),
    "times": ("lần", "times", True),
    "boys / 100 girls": ("bé trai/100 bé gái", "boys per 100 girls", True),
    "deaths / 100000 live_births": (
        "ca/100.000 trẻ đẻ sống",
        "deaths per 100,000 live births",
        True,
    ),
    "births / 1000 women": ("trẻ/1.000 phụ nữ", "births per 1,000 women", True),
    "hours / week": ("giờ/tuần", "hours per week", True),
    "items / month": ("/tháng", "per month", True),
    "items / quarter": ("/quý", "per quarter", True),
    "items / year": ("/năm", "per year", True),
    "items": ("mục", "items", True),
    "people": ("người", "people", True),
    "organisations": ("tổ chức", "organisations", True),
}
"""For each common unit text: its Vietnamese and English labels, and whether a space separates
the label from the number."""


_SINGULAR = {"items": "item", "people": "person", "organisations": "organisation"}
"""English labels that change for exactly one (Vietnamese nouns do not inflect)."""


def unit_label(unit: str, language: Language = "vi") -> str:
    """The unit as a reader expects it (``%``, ``bé trai/100 bé gái``); unknown units as written."""
    known = _UNIT_LABELS.get(unit)
    if known is None:
        return unit
    return known[1] if language == "en" else known[0]


def format_yes_no(value: bool, language: Language = "vi") -> str:
    """``Có``/``Không`` in Vietnamese, ``Yes``/``No`` in English."""
    if language == "en":
        return "Yes" if value else "No"
    return "Có" if value else "Không"


def format_quantity(
    value: float | bool, unit: str, language: Language = "vi", *, decimals: int = 2
) -> str:
    """A value with its unit: ``60,5%``, ``109,7 bé trai/100 bé gái``, ``Có``."""
    if isinstance(value, bool):
        return format_yes_no(value, language)
    number = format_number(value, language, decimals=decimals)
    text = unit_label(unit, language)
    spaced = _UNIT_LABELS.get(unit, ("", "", True))[2]
    if language == "en" and value == 1:
        text = _SINGULAR.get(text, text)
    if not text:
        return number
    if text.startswith("/"):
        return number + text
    return f"{number} {text}" if spaced else number + text
