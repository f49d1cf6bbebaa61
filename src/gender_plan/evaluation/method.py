"""The interface every assessment method implements, and the figures it works on."""

from __future__ import annotations

import abc

import attrs

from gender_plan.evaluation.reasons import Reason
from gender_plan.evaluation.status import Status
from gender_plan.model.text import LocalizedText

__all__ = ["Method", "Trend", "Verdict"]


@attrs.frozen(kw_only=True)
class Trend:
    """What a method judges: a numeric target not yet met, before its deadline.

    Symbols follow the evaluation docs: `d` the direction sign, `b`/`y_b` the baseline's time and
    value, `t`/`y_t` the latest, `T`/`y_T` the deadline and target value. Times are decimal years.
    `y_T` is None for an indicator with no numeric target (direction only).
    """

    d: int
    b: float
    y_b: float
    t: float
    y_t: float
    T: float
    y_T: float | None
    history: tuple[tuple[float, float], ...] = ()
    """Every (time, value) of the series used, from the baseline to the latest, in time order."""
    limit: float | None = None
    """The natural limit the indicator moves towards (100 for a share that should rise)."""


@attrs.frozen(kw_only=True)
class Verdict:
    """What a method concludes: a status, its figures and its reasons."""

    status: Status
    ratio: float | None = None
    """The method's progress ratio R (or p for a direction-only growth rate)."""
    score: float | None = None
    """A score from -5 to 5, for methods that define one."""
    projected: float | None = None
    """The value expected at the deadline at the current pace."""
    expected: float | None = None
    """The value the indicator should have now to be on the line to the target."""
    reasons: tuple[Reason, ...] = ()


class Method(abc.ABC):
    """An assessment method. Subclass it and implement `judge` to add your own.

    The engine applies the common rules (latest value, baseline, deadline, milestones, yes/no
    and hold-every-period targets, already met, lost achievement, too few data) before it asks
    the method; `judge` only decides how fast a not-yet-met target is progressing.
    """

    name: str = "method"
    """A short identifier used in files and reports ("linear", "growth", "projection")."""

    @property
    def label(self) -> LocalizedText:
        """The method's name for people, in Vietnamese and English ("Lộ trình tuyến tính").

        The shipped methods define their own; a method that does not shows its `name` in both
        languages, so methods written before labels existed keep working. Define `label` as a
        field (like `name`) or a property to give yours one.
        """
        return LocalizedText(vi=self.name, en=self.name)

    @abc.abstractmethod
    def judge(self, trend: Trend) -> Verdict:
        """Judge the progress of a target that is not met yet."""

    def judge_met(self, trend: Trend | None) -> Verdict:
        """The verdict for a target the latest value meets (`trend` None without a baseline)."""
        del trend
        return Verdict(status=Status.ACHIEVED)


def rounded(ratio: float) -> float:
    """Round a ratio to 9 decimals before comparing it with thresholds.

    A unit conversion's last-digit noise then cannot move a status across a boundary.
    """
    return round(ratio, 9)


def classify(ratio: float, on_track: float, needs_acceleration: float) -> Status:
    """Map a progress ratio to a status with the two upper thresholds; below 0 deteriorates."""
    value = rounded(ratio)
    if value >= on_track:
        return Status.ON_TRACK
    if value >= needs_acceleration:
        return Status.NEEDS_ACCELERATION
    if value >= 0:
        return Status.LIMITED_PROGRESS
    return Status.DETERIORATING
