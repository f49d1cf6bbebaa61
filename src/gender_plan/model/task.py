"""Tasks and solutions (nhiệm vụ, giải pháp): what the plan will do, and who leads it."""

from __future__ import annotations

import attrs

from gender_plan.model._checks import Checker, to_tuple
from gender_plan.model.text import LocalizedText

__all__ = ["Task"]


@attrs.frozen(kw_only=True)
class Task:
    """A task of the plan: general (no goal) or for the field of one goal."""

    code: str
    """An identifier unique within the plan; the plan's numbering (``"II.1.1"``)."""
    text: LocalizedText
    goal: str | None = None
    """The code of the goal whose field the task serves; None for a general task."""
    lead: tuple[str, ...] = attrs.field(default=(), converter=to_tuple)
    """Codes of the responsible units that lead (chủ trì) the task."""
    partners: tuple[str, ...] = attrs.field(default=(), converter=to_tuple)
    """Codes of the units that coordinate (phối hợp)."""
    events: tuple[str, ...] = attrs.field(default=(), converter=to_tuple)
    """Codes of the recurring events the task is carried out at."""

    def __attrs_post_init__(self) -> None:
        check = Checker(f"task {self.code!r}")
        check.code(self.code, "code")
        check.instance(self.text, LocalizedText, "text", "a localized text")
        if self.goal is not None:
            check.code(self.goal, "goal")
        for name in ("lead", "partners", "events"):
            check.items(getattr(self, name), str, name, "codes")
        check.done()

    @property
    def is_general(self) -> bool:
        """Whether the task serves the whole plan rather than one goal."""
        return self.goal is None
