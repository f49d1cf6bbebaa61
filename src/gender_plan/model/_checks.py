"""Collects every problem of one object before raising, so users see them all at once."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any, NoReturn

from gender_plan._i18n import Msg, msg
from gender_plan.errors import Problem, ValidationError

if TYPE_CHECKING:
    from collections.abc import Iterable

MIN_YEAR = 1900
"""The earliest year the model accepts anywhere (plans, targets, measurements)."""
MAX_YEAR = 2200
"""The latest year the model accepts anywhere."""


def to_tuple(value: Any) -> Any:
    """Turn a list or tuple into a tuple; leave anything else for the checks to report."""
    if isinstance(value, list | tuple):
        return tuple(value)
    return value


_KINDS = {
    "document": msg("document"), "goal": msg("goal"), "indicator": msg("indicator"),
    "subsection": msg("subsection"), "task": msg("task"), "event": msg("event"),
    "responsible unit": msg("responsible unit"), "funding source": msg("funding source"),
    "linked unit": msg("linked unit"),
}
"""The kinds of code that must not repeat, in words."""


class Checker:
    """A list of problems found in one object, with helpers for the common checks."""

    def __init__(self, subject: str) -> None:
        self.subject = subject
        self.problems: list[Problem] = []

    def add(self, path: str, message: str, hint: str | None = None) -> None:
        """Record one problem at `path`."""
        self.problems.append(Problem(message=message, path=path, hint=hint))

    def require(self, condition: bool, path: str, message: str, hint: str | None = None) -> bool:
        """Record a problem unless `condition` holds; return `condition`."""
        if not condition:
            self.add(path, message, hint)
        return condition

    def instance(self, value: object, kind: type | tuple[type, ...], path: str, what: Msg) -> bool:
        """Check that `value` is of `kind` (bool never counts as a number).

        `what` names the kind in words, as a message (``msg("a localized text")``).
        """
        ok = isinstance(value, kind) and not (
            isinstance(value, bool) and kind in (int, float, (int, float))
        )
        if not ok:  # the message only when it is needed: a repr of a whole plan is not free
            self.add(path, msg("expected {what}, found {value!r}", what=what, value=value))
        return ok

    def code(self, value: object, path: str) -> bool:
        """Check an identifier: a non-empty text without surrounding spaces."""
        ok = isinstance(value, str) and bool(value) and value == value.strip()
        if not ok:
            self.add(path, msg("expected a non-empty code without surrounding spaces, found "
                               "{value!r}", value=value))
        return ok

    def number(self, value: object, path: str) -> bool:
        """Check a finite real number (not a yes/no value)."""
        ok = (
            isinstance(value, int | float)
            and not isinstance(value, bool)
            and math.isfinite(value)
        )
        if not ok:
            self.add(path, msg("expected a finite number, found {value!r}", value=value))
        return ok

    def year(self, value: object, path: str) -> bool:
        """Check a calendar year in the range the model accepts."""
        ok = isinstance(value, int) and not isinstance(value, bool) and (
            MIN_YEAR <= value <= MAX_YEAR
        )
        if not ok:
            self.add(path, msg("expected a year between {first} and {last}, found {value!r}",
                               first=MIN_YEAR, last=MAX_YEAR, value=value))
        return ok

    def items(self, values: object, kind: type, path: str, what: Msg) -> bool:
        """Check a tuple whose every item is a `kind` (`what` names them: ``msg("goals")``)."""
        if not isinstance(values, tuple):
            self.add(path, msg("expected a list of {what}, found {values!r}", what=what,
                               values=values))
            return False
        ok = True
        for index, item in enumerate(values):
            ok = self.instance(item, kind, f"{path}[{index}]", what) and ok
        return ok

    def unique(self, codes: Iterable[tuple[str, str]], what: str) -> None:
        """Check that no code repeats; `codes` holds (path, code) pairs."""
        seen: dict[str, str] = {}
        kind = _KINDS.get(what, what)
        for path, code in codes:
            if code in seen:
                self.add(
                    path,
                    msg("duplicate {what} code {code!r}, already used at {path}", what=kind,
                        code=code, path=seen[code]),
                    hint=msg("give each {what} its own code", what=kind),
                )
            else:
                seen[code] = path

    def fail(self, path: str, message: str, hint: str | None = None) -> NoReturn:
        """Record one problem and raise at once (for input that cannot be read any further)."""
        self.add(path, message, hint)
        raise ValidationError(self.problems, subject=self.subject)

    def done(self) -> None:
        """Raise one ValidationError holding every problem found, if any."""
        if self.problems:
            raise ValidationError(self.problems, subject=self.subject)
