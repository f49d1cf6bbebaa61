"""Responsible units (tổ chức thực hiện): who carries out the plan, and on what footing."""

from __future__ import annotations

import enum

import attrs

from gender_plan._i18n import msg
from gender_plan.model._checks import Checker, to_tuple
from gender_plan.model.text import LocalizedText

__all__ = ["Assignment", "ResponsibleUnit"]


class Assignment(enum.Enum):
    """Whether the plan's issuer can assign the unit its duties, or only ask."""

    ASSIGNED = "assigned"
    """A unit under the issuing committee's authority."""
    REQUESTED = "requested"
    """A body outside its authority (the Fatherland Front, mass organisations): "Đề nghị"."""


@attrs.frozen(kw_only=True)
class ResponsibleUnit:
    """A unit named in the plan's implementation section, with its duties."""

    code: str
    name: LocalizedText
    duties: tuple[LocalizedText, ...] = attrs.field(default=(), converter=to_tuple)
    """Each duty the plan lists for the unit, verbatim, in order."""
    assignment: Assignment = Assignment.ASSIGNED
    focal_point: bool = False
    """Whether the unit is the plan's focal point (đầu mối) that advises and reports."""

    def __attrs_post_init__(self) -> None:
        check = Checker(f"responsible unit {self.code!r}")
        check.code(self.code, "code")
        check.instance(self.name, LocalizedText, "name", msg("a localized text"))
        check.items(self.duties, LocalizedText, "duties", msg("localized texts"))
        check.instance(self.assignment, Assignment, "assignment", msg("'assigned' or 'requested'"))
        check.instance(self.focal_point, bool, "focal_point", msg("true or false"))
        check.done()
