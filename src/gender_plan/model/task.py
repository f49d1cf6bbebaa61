"""Tasks and solutions (nhiệm vụ, giải pháp): what the plan will do, and which units do it."""

from __future__ import annotations

import enum

import attrs

from gender_plan._i18n import msg
from gender_plan.model._checks import Checker, to_tuple
from gender_plan.model.text import LocalizedText

__all__ = ["Role", "Task", "TaskLink"]


class Role(enum.Enum):
    """A unit's part in a task, as the words of the plan's implementation section state it."""

    LEAD = "lead"
    """"chủ trì": the unit leads the task."""
    COORDINATE = "coordinate"
    """"phối hợp": the unit works with others on it."""
    ADVISE = "advise"
    """"tham mưu": the unit advises the committee on it."""

    @property
    def words(self) -> str:
        """The Vietnamese words that give a unit this role."""
        return _ROLE_WORDS[self]


_ROLE_WORDS = {Role.LEAD: "chủ trì", Role.COORDINATE: "phối hợp", Role.ADVISE: "tham mưu"}


@attrs.frozen(kw_only=True)
class TaskLink:
    """A responsible unit linked to a task, with the words of the plan that link them.

    `role` is None where the text links the unit to the task (the task names the unit's kind of
    institution, or a duty restates the task) without saying "chủ trì", "phối hợp" or "tham
    mưu": no role is invented where the plan states none.
    """

    unit: str
    """The code of the responsible unit."""
    role: Role | None = None
    """The unit's part in the task, where the plan's words state it."""
    evidence: LocalizedText | None = None
    """The words of the plan that link the unit to the task, verbatim."""
    where: str | None = None
    """Where those words stand in the plan ("IV.1, duty 4"; "II.2.5.1")."""

    def __attrs_post_init__(self) -> None:
        check = Checker(f"link to {self.unit!r}")
        check.code(self.unit, "unit")
        if self.role is not None:
            check.instance(self.role, Role, "role", msg("'lead', 'coordinate' or 'advise'"))
            check.require(
                self.evidence is not None,
                "evidence",
                msg("a role needs the words of the plan that state it"),
                hint=msg("quote the duty that says 'chủ trì', 'phối hợp' or 'tham mưu', or "
                         "leave the role out"),
            )
        if self.evidence is not None:
            check.instance(self.evidence, LocalizedText, "evidence", msg("a localized text"))
        if self.where is not None:
            check.code(self.where, "where")
        check.done()


@attrs.frozen(kw_only=True)
class Task:
    """A task of the plan: general (no goal) or for the field of one goal."""

    code: str
    """An identifier unique within the plan; the plan's numbering (``"II.1.1"``)."""
    text: LocalizedText
    goal: str | None = None
    """The code of the goal whose field the task serves; None for a general task."""
    links: tuple[TaskLink, ...] = attrs.field(default=(), converter=to_tuple)
    """The units the plan's text links to the task, each with its role and evidence."""
    events: tuple[str, ...] = attrs.field(default=(), converter=to_tuple)
    """Codes of the recurring events the task is carried out at."""

    def __attrs_post_init__(self) -> None:
        check = Checker(f"task {self.code!r}")
        check.code(self.code, "code")
        check.instance(self.text, LocalizedText, "text", msg("a localized text"))
        if self.goal is not None:
            check.code(self.goal, "goal")
        if check.items(self.links, TaskLink, "links", msg("task links")):
            check.unique(
                ((f"links[{i}].unit", link.unit) for i, link in enumerate(self.links)),
                "linked unit",
            )
        check.items(self.events, str, "events", msg("codes"))
        check.done()

    @property
    def is_general(self) -> bool:
        """Whether the task serves the whole plan rather than one goal."""
        return self.goal is None

    @property
    def units(self) -> tuple[str, ...]:
        """The codes of every unit linked to the task, in the plan's order."""
        return tuple(link.unit for link in self.links)

    def units_in(self, role: Role | None) -> tuple[str, ...]:
        """The codes of the units with `role` (None: linked without a stated role)."""
        return tuple(link.unit for link in self.links if link.role is role)
