"""References to other documents: the legal bases and parent plans a plan cites."""

from __future__ import annotations

import enum

import attrs

from gender_plan._i18n import msg
from gender_plan.model._checks import Checker
from gender_plan.model.period import PartialDate
from gender_plan.model.text import LocalizedText

__all__ = ["DocumentKind", "DocumentReference"]


class DocumentKind(enum.Enum):
    """The kind of a Vietnamese administrative document (the part of its number after the /)."""

    LAW = "law"
    RESOLUTION = "resolution"
    """Nghị quyết (NQ)."""
    DECISION = "decision"
    """Quyết định (QĐ)."""
    OFFICIAL_LETTER = "official_letter"
    """Công văn."""
    PLAN = "plan"
    """Kế hoạch (KH)."""
    STRATEGY = "strategy"
    PROGRAMME = "programme"
    OTHER = "other"


@attrs.frozen(kw_only=True)
class DocumentReference:
    """A document a plan cites: kind, number, date, issuer and title."""

    code: str
    """An identifier unique within the plan, used to refer to this document."""
    kind: DocumentKind
    issuer: LocalizedText
    number: str | None = None
    """The document's number as printed (``"28/NQ-CP"``); None when it has none yet."""
    date: PartialDate | None = None
    title: LocalizedText | None = None
    note: LocalizedText | None = None
    """A remark, e.g. a correction of a number misprinted in the citing text."""

    def __attrs_post_init__(self) -> None:
        check = Checker(f"document {self.code!r}")
        check.code(self.code, "code")
        check.instance(self.kind, DocumentKind, "kind", msg("a document kind"))
        check.instance(self.issuer, LocalizedText, "issuer", msg("a localized text"))
        if self.number is not None:
            check.code(self.number, "number")
        if self.date is not None:
            check.instance(self.date, PartialDate, "date", msg("a date"))
        for name in ("title", "note"):
            if getattr(self, name) is not None:
                check.instance(getattr(self, name), LocalizedText, name, msg("a localized text"))
        check.done()
