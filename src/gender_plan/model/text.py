"""Text a person reads: Vietnamese as written in the plan, with an optional English translation."""

from __future__ import annotations

from typing import Literal

import attrs

from gender_plan._i18n import msg
from gender_plan.model._checks import Checker

Language = Literal["vi", "en"]
"""The languages the library writes labels and reports in."""

LANGUAGES: tuple[Language, ...] = ("vi", "en")


@attrs.frozen(kw_only=True)
class LocalizedText:
    """A text in the plan's language (Vietnamese) with an optional English translation."""

    vi: str
    """The text as the plan writes it, verbatim."""
    en: str | None = None
    """An English translation, when one has been made."""

    def __attrs_post_init__(self) -> None:
        # A plan holds hundreds of texts: the messages are built only when a check fails.
        vi_ok = isinstance(self.vi, str) and bool(self.vi.strip())
        en_ok = self.en is None or (isinstance(self.en, str) and bool(self.en.strip()))
        if vi_ok and en_ok:
            return
        check = Checker("text")
        check.require(
            vi_ok, "vi",
            msg("expected a non-empty Vietnamese text, found {value!r}", value=self.vi),
        )
        check.require(
            en_ok, "en",
            msg("expected a non-empty English text or nothing, found {value!r}", value=self.en),
        )
        check.done()

    def get(self, language: Language = "vi") -> str:
        """Return the text in `language`, falling back to Vietnamese when no translation exists."""
        if language == "en" and self.en is not None:
            return self.en
        return self.vi

    def __str__(self) -> str:
        return self.vi
