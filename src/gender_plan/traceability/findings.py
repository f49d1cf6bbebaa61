"""Traceability findings: what a comparison of a plan with a higher plan found, as data."""

from __future__ import annotations

import enum

import attrs

from gender_plan.model.target import Target
from gender_plan.model.text import Language, LocalizedText

__all__ = ["Finding", "FindingKind"]


class FindingKind(enum.Enum):
    """What a traceability finding is about."""

    WEAKER_VALUE = "weaker_value"
    """Less ambitious: the local value is worse than the parent's requirement in force then."""
    LATER_YEAR = "later_year"
    """Less ambitious: the local target is due later (or a level to hold starts later)."""
    WEAKER_COMPARATOR = "weaker_comparator"
    """Less ambitious: same value, but the local comparator accepts it where the parent's is
    strict ("at least 90%" where the parent says "more than 90%")."""
    MORE_AMBITIOUS = "more_ambitious"
    """Information: the local target asks for more than the parent's requirement in force."""
    EQUAL = "equal"
    """Information: the local target asks exactly what the parent's requirement in force does
    (listed only when asked for, with ``include_equal=True``)."""
    NOT_COMPARABLE = "not_comparable"
    """The two cannot be compared: a different kind of target, or a deadline before the
    parent's first milestone where the parent states no baseline. Never counted as weaker."""
    MISSING_INDICATOR = "missing_indicator"
    """A parent indicator with targets that no local indicator carries."""
    MISSING_TARGET = "missing_target"
    """The local indicator carries the parent's, but has no target of the parent target's
    kind."""
    UNKNOWN_PARENT_INDICATOR = "unknown_parent_indicator"
    """A local indicator `implements` a code the parent plan does not have."""
    UNIT_MISMATCH = "unit_mismatch"
    """The local and parent indicators measure different kinds of quantity."""
    DIRECTION_MISMATCH = "direction_mismatch"
    """The local indicator counts higher as better where the parent counts lower, or back."""

    @property
    def label(self) -> LocalizedText:
        """A short label, in Vietnamese and English ("kém tham vọng hơn", "less ambitious")."""
        vi, en = _LABELS[self]
        return LocalizedText(vi=vi, en=en)

    @property
    def is_weaker(self) -> bool:
        """Whether the finding says the local plan is less ambitious than its parent."""
        return self in _WEAKER

    @property
    def is_missing(self) -> bool:
        """Whether the finding says something of the parent is not carried at all."""
        return self in (FindingKind.MISSING_INDICATOR, FindingKind.MISSING_TARGET)

    @property
    def is_information(self) -> bool:
        """Whether the finding only informs (more ambitious, equal, not comparable)."""
        return self in (FindingKind.MORE_AMBITIOUS, FindingKind.EQUAL,
                        FindingKind.NOT_COMPARABLE)

    @property
    def fails(self) -> bool:
        """Whether a reviewer must act (``gender-plan trace`` then exits 1).

        Weaker, missing, or a link that cannot be followed: an unknown parent indicator, a unit
        or direction mismatch.
        """
        return not self.is_information


_LABELS = {
    FindingKind.WEAKER_VALUE: ("kém tham vọng hơn", "less ambitious"),
    FindingKind.LATER_YEAR: ("muộn hơn", "later"),
    FindingKind.WEAKER_COMPARATOR: ("ngưỡng lỏng hơn", "looser comparator"),
    FindingKind.MORE_AMBITIOUS: ("tham vọng hơn", "more ambitious"),
    FindingKind.EQUAL: ("bằng", "equal"),
    FindingKind.NOT_COMPARABLE: ("không so sánh được", "not comparable"),
    FindingKind.MISSING_INDICATOR: ("thiếu chỉ tiêu", "missing indicator"),
    FindingKind.MISSING_TARGET: ("thiếu mục tiêu", "missing target"),
    FindingKind.UNKNOWN_PARENT_INDICATOR: ("chỉ tiêu cấp trên không có", "unknown parent code"),
    FindingKind.UNIT_MISMATCH: ("khác đơn vị", "unit mismatch"),
    FindingKind.DIRECTION_MISMATCH: ("ngược chiều", "direction mismatch"),
}

_WEAKER = frozenset(
    (FindingKind.WEAKER_VALUE, FindingKind.LATER_YEAR, FindingKind.WEAKER_COMPARATOR)
)


@attrs.frozen(kw_only=True)
class Finding:
    """One comparison of a local plan's target with its parent's, or one thing not carried."""

    kind: FindingKind
    indicator: str | None
    """The local indicator's code (None when the finding is about a parent indicator alone)."""
    parent_indicator: str
    """The parent plan's indicator code concerned."""
    path: str
    """Where in the local plan (``goals[1].indicators[0].targets[0]``; '' if not in it)."""
    parent_path: str
    """Where in the parent plan ('' when the parent has no such indicator)."""
    message: LocalizedText
    """What was found, in Vietnamese and English, with both sides' values, years and units."""
    target: Target | None = None
    """The local target concerned, if any."""
    parent_target: Target | None = None
    """The parent's milestone concerned, if one (None for a value on the line between two)."""
    parent_plan: str = ""
    """The code of the parent plan compared with (in a chain, the plan of that level)."""
    by_number: bool = False
    """Whether the two indicators were matched by their plan numbering, not an `implements`
    link: a reviewer should confirm the match."""
    year: int | None = None
    """The local target's deadline (for a level to hold: the year it starts)."""
    value: float | bool | None = None
    """The local target's value, in `unit`."""
    unit: str | None = None
    """The local indicator's unit."""
    parent_year: int | None = None
    """The year of the parent's requirement compared with."""
    parent_value: float | bool | None = None
    """The parent's requirement in force at `parent_year`, in `parent_unit` (a value on the
    straight line between two milestones when the year falls between them)."""
    parent_unit: str | None = None
    """The parent indicator's unit."""

    def text(self, language: Language = "vi") -> str:
        """The message in `language`."""
        return self.message.get(language)
