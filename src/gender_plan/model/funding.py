"""Funding sources (kinh phí thực hiện)."""

from __future__ import annotations

import attrs

from gender_plan._i18n import msg
from gender_plan.model._checks import Checker
from gender_plan.model.text import LocalizedText

__all__ = ["FundingSource"]


@attrs.frozen(kw_only=True)
class FundingSource:
    """One source of money the plan names (state budget, sponsorship, ...)."""

    code: str
    description: LocalizedText

    def __attrs_post_init__(self) -> None:
        check = Checker(f"funding source {self.code!r}")
        check.code(self.code, "code")
        check.instance(self.description, LocalizedText, "description", msg("a localized text"))
        check.done()
