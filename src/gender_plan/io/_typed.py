"""Values as commune officers type them: yes/no words, day/month/year dates, signs, commas.

Shared by the plan-file converter and the measurement tables. Each function reads one habit
where it is unambiguous, or returns the hint that says how to write the value; none guesses.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from gender_plan._i18n import Msg, msg

__all__ = [
    "COMPARATOR_SIGNS",
    "DayMonthYearError",
    "code_from_number",
    "day_month_year",
    "number_text_hint",
    "yes_no",
]

# Only the Vietnamese words: an English "yes" in a plan file stays refused, as before, since the
# plan format's own words are true and false.
_YES_NO = {"có": True, "không": False, "đạt": True, "không đạt": False}
COMPARATOR_SIGNS = {"≥": ">=", "≤": "<=", "≈": "~"}
"""Signs as reports print them (and as people type them), for the plan file's comparators."""
_DMY = re.compile(r"^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$")
_MY = re.compile(r"^(\d{1,2})[/.](\d{4})$")
_COMMA_DECIMAL = re.compile(r"^[+-]?\d+,\d+$")
_NUMBER = re.compile(r"^[+-]?\d+(?:[.,]\d+)?$")


def _normal(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).casefold().split())


def yes_no(text: str) -> bool | None:
    """``Có``/``Không``, ``Đạt``/``Không đạt`` (any case) as True/False; else None."""
    return _YES_NO.get(_normal(text))


class DayMonthYearError(ValueError):
    """A date written day/month/year whose day and month could be swapped."""

    def __init__(self, text: str, iso: str) -> None:
        self.text = text
        self.iso = iso
        super().__init__(text)


def day_month_year(text: str) -> str | None:
    """``13/06/2026`` as ``2026-06-13``, ``06/2026`` as ``2026-06``; None if not of that form.

    Vietnamese documents write day/month/year. When both numbers could be a month (``12/06``)
    a file could have been typed either way, so `DayMonthYearError` carries the reading as
    day/month for the hint instead of a silent choice.

    Raises:
        DayMonthYearError: the day and month could be swapped.
    """
    value = text.strip()
    match = _MY.match(value)
    if match is not None:
        return f"{match.group(2)}-{int(match.group(1)):02d}"
    match = _DMY.match(value)
    if match is None:
        return None
    day, month, year = int(match.group(1)), int(match.group(2)), match.group(3)
    iso = f"{year}-{month:02d}-{day:02d}"
    if day <= 12 and month <= 12 and day != month:
        raise DayMonthYearError(value, iso)
    return iso


def number_text_hint(text: str) -> Msg | None:
    """How to write a number typed as text in a plan file (``1,4``, ``55%``), if we can tell."""
    value = text.strip()
    if value.endswith("%"):
        bare = value[:-1].strip()
        if _NUMBER.match(bare):
            return msg("drop the % sign: the unit says percent (write {number})",
                       number=bare.replace(",", "."))
    if _COMMA_DECIMAL.match(value):
        return msg("write {number} with a decimal point: a plan file takes 1.4, not 1,4",
                   number=value.replace(",", "."))
    return None


def code_from_number(value: float, codes: Iterable[str]) -> str | None:
    """The one code of `codes` that a number typed in a number cell stands for (2.1 for "2.1").

    None when no code, or more than one ("2.1" and "2.10"), reads as that number.
    """
    found = []
    for code in codes:
        try:
            if float(code) == value:
                found.append(code)
        except ValueError:
            continue
    return found[0] if len(found) == 1 else None
