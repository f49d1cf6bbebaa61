"""The status vocabulary shared by every assessment method."""

from __future__ import annotations

import enum

from gender_plan.model.text import Language, LocalizedText

__all__ = ["STATUSES", "Status"]


class Status(enum.Enum):
    """How a target is doing; one vocabulary for all methods (see the evaluation docs)."""

    ACHIEVED = "achieved"
    """The latest value meets the target."""
    ON_TRACK = "on_track"
    """Not met yet, progressing fast enough."""
    NEEDS_ACCELERATION = "needs_acceleration"
    """Progressing, but too slowly."""
    LIMITED_PROGRESS = "limited_progress"
    """Little or no progress."""
    DETERIORATING = "deteriorating"
    """Moving away from the target."""
    NOT_ACHIEVED = "not_achieved"
    """A yes/no or hold-every-period target that fails, or a deadline passed unmet."""
    INSUFFICIENT_DATA = "insufficient_data"
    """Data exist but the method cannot judge (one point, an unusable zero, a sign change)."""
    NO_DATA = "no_data"
    """No measurement at all."""

    @property
    def label(self) -> LocalizedText:
        """The status's name for people, in Vietnamese and English."""
        return _LABELS[self]

    def text(self, language: Language = "vi") -> str:
        """The status's name in `language`."""
        return _LABELS[self].get(language)

    @property
    def code(self) -> int:
        """The status's position in `STATUSES`: how status columns of arrays hold it."""
        return _CODES[self]

    @property
    def rank(self) -> int | None:
        """Position in the order ACHIEVED (4) > ON_TRACK > … > DETERIORATING (0).

        NOT_ACHIEVED ranks with DETERIORATING at the bottom; INSUFFICIENT_DATA and NO_DATA stand
        outside the order (None).
        """
        return _RANKS.get(self)


_LABELS = {
    Status.ACHIEVED: LocalizedText(vi="Đã đạt", en="Achieved"),
    Status.ON_TRACK: LocalizedText(vi="Đúng lộ trình", en="On track"),
    Status.NEEDS_ACCELERATION: LocalizedText(vi="Cần đẩy nhanh", en="Needs acceleration"),
    Status.LIMITED_PROGRESS: LocalizedText(vi="Tiến bộ hạn chế", en="Limited progress"),
    Status.DETERIORATING: LocalizedText(vi="Đi xuống", en="Deteriorating"),
    Status.NOT_ACHIEVED: LocalizedText(vi="Không đạt", en="Not achieved"),
    Status.INSUFFICIENT_DATA: LocalizedText(vi="Chưa đủ số liệu", en="Insufficient data"),
    Status.NO_DATA: LocalizedText(vi="Chưa có số liệu", en="No data"),
}

_RANKS = {Status.ACHIEVED: 4, Status.ON_TRACK: 3, Status.NEEDS_ACCELERATION: 2,
          Status.LIMITED_PROGRESS: 1, Status.DETERIORATING: 0, Status.NOT_ACHIEVED: 0}

STATUSES: tuple[Status, ...] = tuple(Status)
"""Every status in the vocabulary's order: the codes of status columns (`Status.code`)."""

_CODES = {status: code for code, status in enumerate(STATUSES)}
