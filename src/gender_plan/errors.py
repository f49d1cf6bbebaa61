"""The library's exceptions: one base class, specific subclasses that carry their inputs as data.

Every subclass also inherits the matching builtin (`ValueError`, `TypeError`, `KeyError`) so that
callers who already catch those keep working, as pint and cattrs do.
"""

from __future__ import annotations

import difflib
from typing import TYPE_CHECKING

import attrs

if TYPE_CHECKING:
    from collections.abc import Iterable

__all__ = [
    "AggregationError",
    "AssessmentError",
    "FileAccessError",
    "FileFormatError",
    "GenderPlanError",
    "GenderPlanWarning",
    "IncompatibleUnitsError",
    "MissingDependencyError",
    "MissingProgramError",
    "Problem",
    "UnitError",
    "UnknownCodeError",
    "ValidationError",
]


MAX_SHOWN = 100
"""The most problems an error's message lists; the rest are counted (all stay in `problems`)."""


@attrs.frozen(kw_only=True)
class Problem:
    """One thing wrong with a plan, a measurement or a file, and where it is."""

    message: str
    """What must hold and what was found, in one sentence."""
    path: str = ""
    """Where inside the plan (``goals[2].indicators[0].targets[1].value``; '' for the whole)."""
    file: str | None = None
    """The file the problem was found in, when it came from one."""
    line: int | None = None
    """The 1-based line in `file`, where known."""
    hint: str | None = None
    """How to fix it, when there is something useful to say."""
    column: str | None = None
    """The column in a table file: a CSV header (``value``) or a spreadsheet cell (``C7``)."""

    def prefixed(self, prefix: str) -> Problem:
        """Return this problem with `prefix` put in front of its path (for nested objects)."""
        if not prefix:
            return self
        path = f"{prefix}.{self.path}" if self.path and not self.path.startswith("[") else (
            prefix + self.path
        )
        return attrs.evolve(self, path=path)

    def __str__(self) -> str:
        where = []
        if self.file is not None:
            where.append(self.file if self.line is None else f"{self.file}:{self.line}")
        if self.column is not None:
            where.append(f"[{self.column}]")
        if self.path:
            where.append(self.path)
        text = f"{' '.join(where)}: {self.message}" if where else self.message
        return f"{text} ({self.hint})" if self.hint else text


class GenderPlanError(Exception):
    """Base class of every error the library raises on purpose."""


class ValidationError(GenderPlanError, ValueError):
    """A plan, a part of one, or a set of measurements breaks one or more rules.

    All problems found are reported at once in `problems`.
    """

    def __init__(self, problems: Iterable[Problem], *, subject: str = "plan") -> None:
        self.problems: tuple[Problem, ...] = tuple(problems)
        self.subject = subject
        super().__init__(self.problems)

    def __str__(self) -> str:
        count = len(self.problems)
        head = f"{count:,} problem{'s' if count != 1 else ''} in the {self.subject}"
        shown = self.problems[:MAX_SHOWN]
        text = head + ":\n" + "\n".join(f"  - {problem}" for problem in shown)
        if count > MAX_SHOWN:
            text += (f"\n  ... and {count - MAX_SHOWN:,} more (the first {MAX_SHOWN} are shown: "
                     "fix them and check again)")
        return text


class UnitError(GenderPlanError, ValueError):
    """A unit text that the library's unit registry cannot read."""

    def __init__(self, unit: str, reason: str) -> None:
        self.unit = unit
        self.reason = reason
        super().__init__(unit, reason)

    def __str__(self) -> str:
        from gender_plan.units import KNOWN_UNITS  # noqa: PLC0415 - units imports this module

        return (
            f"unknown or malformed unit {self.unit!r}: {self.reason} "
            "(write units as in 'percent', 'deaths / 100000 live_births', 'boys / 100 girls'; "
            f"common units: {', '.join(KNOWN_UNITS)}; see 'Units' in the documentation)"
        )


class IncompatibleUnitsError(UnitError):
    """Two quantities of different kinds were compared or converted (e.g. deaths and percent)."""

    def __init__(self, unit: str, other: str, found: str, expected: str) -> None:
        self.other = other
        self.found = found
        self.expected = expected
        super().__init__(unit, f"cannot be converted to {other!r}")

    def __str__(self) -> str:
        return (
            f"unit {self.unit!r} ({self.found}) cannot be compared with or converted to "
            f"{self.other!r} ({self.expected}): they measure different things"
        )


class AssessmentError(GenderPlanError, ValueError):
    """Measurements cannot be assessed as asked (ambiguous place, unknown indicator, ...)."""


class UnknownCodeError(GenderPlanError, KeyError):
    """A code (of an indicator, a goal, a unit ...) that the plan does not have."""

    def __init__(self, code: str, what: str, known: Iterable[str]) -> None:
        self.code = code
        self.what = what
        self.known = tuple(known)
        super().__init__(code)

    def __str__(self) -> str:
        close = difflib.get_close_matches(self.code, self.known, n=1)
        hint = f"; did you mean {close[0]!r}?" if close else ""
        return f"the plan has no {self.what} with code {self.code!r}{hint}"


class FileFormatError(ValidationError):
    """A plan or measurement file that cannot be read: its syntax, encoding, size or schema.

    Like `ValidationError` it lists every problem found, each with the file and, where known,
    the line.
    """

    def __init__(self, problems: Iterable[Problem], *, subject: str = "file") -> None:
        super().__init__(problems, subject=subject)


class FileAccessError(GenderPlanError, OSError):
    """A file that cannot be opened at all: missing, a folder, or not readable."""

    def __init__(self, path: str, reason: str) -> None:
        self.path = path
        self.reason = reason
        super().__init__(path, reason)

    def __str__(self) -> str:
        return f"cannot read the file {self.path}: {self.reason} (check the path and permissions)"


class MissingDependencyError(GenderPlanError, ImportError):
    """A feature needs an optional package that is not installed (an extra of gender-plan)."""

    def __init__(self, package: str, extra: str, feature: str) -> None:
        self.package = package
        self.extra = extra
        self.feature = feature
        super().__init__(package)

    def __str__(self) -> str:
        return (
            f"{self.feature} needs the package {self.package!r}, which is not installed: "
            f"pip install 'gender-plan[{self.extra}]'"
        )


class MissingProgramError(GenderPlanError, OSError):
    """A feature needs a program that is not installed (Chromium, to print a PDF report)."""

    def __init__(self, program: str, feature: str, hint: str) -> None:
        self.program = program
        self.feature = feature
        self.hint = hint
        super().__init__(program)

    def __str__(self) -> str:
        return f"{self.feature} needs the program {self.program!r}, which is not found: {self.hint}"


class GenderPlanWarning(UserWarning):
    """Something the library did on its own that the user should know about (never silently)."""


class AggregationError(GenderPlanError, ValueError):
    """Values of several places cannot be combined as asked.

    For example a rate without its numerator and denominator, or a place hierarchy with a cycle
    or an unknown parent.
    """
