"""The library's exceptions: one base class, specific subclasses that carry their inputs as data.

Every subclass also inherits the matching builtin (`ValueError`, `TypeError`, `KeyError`) so that
callers who already catch those keep working, as pint and cattrs do.
"""

from __future__ import annotations

import difflib
from typing import TYPE_CHECKING

import attrs

from gender_plan._i18n import Language, Msg, msg, render

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
        return self.render("en")

    def render(self, language: Language = "en") -> str:
        """The problem as one line in `language`: where, what, and the hint in brackets."""
        where = []
        if self.file is not None:
            where.append(self.file if self.line is None else f"{self.file}:{self.line}")
        if self.column is not None:
            where.append(f"[{self.column}]")
        if self.path:
            where.append(self.path)
        message = render(self.message, language)
        text = f"{' '.join(where)}: {message}" if where else message
        return f"{text} ({render(self.hint, language)})" if self.hint else text


class GenderPlanError(Exception):
    """Base class of every error the library raises on purpose.

    `render` gives the message in Vietnamese or English (the command line's ``--lang``);
    ``str(error)`` is English, for developers.
    """

    def describe(self) -> str:
        """The message as data (a `Msg` where the raiser gave one); ``str`` renders it."""
        if len(self.args) == 1 and isinstance(self.args[0], str):
            return self.args[0]
        return Exception.__str__(self)

    def render(self, language: Language = "en") -> str:
        """The message in `language`."""
        return render(self.describe(), language)


class ValidationError(GenderPlanError, ValueError):
    """A plan, a part of one, or a set of measurements breaks one or more rules.

    All problems found are reported at once in `problems`.
    """

    def __init__(self, problems: Iterable[Problem], *, subject: str = "plan") -> None:
        self.problems: tuple[Problem, ...] = tuple(problems)
        self.subject = subject
        super().__init__(self.problems)

    def __str__(self) -> str:
        return self.render("en")

    def render(self, language: Language = "en") -> str:
        """Every problem in `language`, one a line under a heading that counts them."""
        count = len(self.problems)
        subject = _subject(self.subject)
        head = (msg("{count} problem in the {subject}", count=count, subject=subject)
                if count == 1 else
                msg("{count} problems in the {subject}", count=format(count, ","),
                    subject=subject))
        shown = self.problems[:MAX_SHOWN]
        text = render(head, language) + ":\n" + "\n".join(
            f"  - {problem.render(language)}" for problem in shown
        )
        if count > MAX_SHOWN:
            text += "\n  " + render(msg("... and {more} more (the first {shown} are shown: fix "
                                         "them and check again)",
                                         more=format(count - MAX_SHOWN, ","), shown=MAX_SHOWN),
                                     language)
        return text


class UnitError(GenderPlanError, ValueError):
    """A unit text that the library's unit registry cannot read."""

    def __init__(self, unit: str, reason: str) -> None:
        self.unit = unit
        self.reason = reason
        super().__init__(unit, reason)

    def describe(self) -> str:
        """The message as data."""
        from gender_plan.units import KNOWN_UNITS  # noqa: PLC0415 - units imports this module

        return msg(
            "unknown or malformed unit {unit!r}: {reason} (write units as in 'percent', "
            "'deaths / 100000 live_births', 'boys / 100 girls'; common units: {known}; see "
            "'Units' in the documentation)",
            unit=self.unit, reason=self.reason, known=", ".join(KNOWN_UNITS),
        )

    def __str__(self) -> str:
        return self.render("en")


class IncompatibleUnitsError(UnitError):
    """Two quantities of different kinds were compared or converted (e.g. deaths and percent)."""

    def __init__(self, unit: str, other: str, found: str, expected: str) -> None:
        self.other = other
        self.found = found
        self.expected = expected
        super().__init__(unit, msg("cannot be converted to {other!r}", other=other))

    def describe(self) -> str:
        """The message as data."""
        return msg(
            "unit {unit!r} ({found}) cannot be compared with or converted to {other!r} "
            "({expected}): they measure different things",
            unit=self.unit, found=self.found, other=self.other, expected=self.expected,
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

    def describe(self) -> str:
        """The message as data."""
        close = difflib.get_close_matches(self.code, self.known, n=1)
        what = _SUBJECTS.get(self.what, self.what)
        if close:
            return msg("the plan has no {what} with code {code!r}; did you mean {close!r}?",
                       what=what, code=self.code, close=close[0])
        return msg("the plan has no {what} with code {code!r}", what=what, code=self.code)

    def __str__(self) -> str:
        return self.render("en")


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

    def describe(self) -> str:
        """The message as data."""
        return msg("cannot read the file {path}: {reason} (check the path and permissions)",
                   path=self.path, reason=self.reason)

    def __str__(self) -> str:
        return self.render("en")


class MissingDependencyError(GenderPlanError, ImportError):
    """A feature needs an optional package that is not installed (an extra of gender-plan)."""

    def __init__(self, package: str, extra: str, feature: str) -> None:
        self.package = package
        self.extra = extra
        self.feature = feature
        super().__init__(package)

    def describe(self) -> str:
        """The message as data."""
        return msg("{feature} needs the package {package!r}, which is not installed: "
                   "pip install 'gender-plan[{extra}]'",
                   feature=self.feature, package=self.package, extra=self.extra)

    def __str__(self) -> str:
        return self.render("en")


_SUBJECTS: dict[str, Msg] = {
    "plan": msg("plan"),
    "Plan": msg("plan"),
    "measurements": msg("measurements"),
    "measurement table": msg("measurement table"),
    "file": msg("file"),
    "output file": msg("output file"),
    "indicator": msg("indicator"),
    "goal": msg("goal"),
    "unit": msg("unit"),
    "Measurement": msg("measurement"),
    "report's file name": msg("report's file name"),
    "sex-disaggregated measurements": msg("sex-disaggregated measurements"),
    "DataFrame": msg("DataFrame"),
    "command line": msg("command line"),
    "--plans folder": msg("--plans folder"),
    "chain of plans": msg("chain of plans"),
    "portfolio": msg("portfolio"),
    "measurement frame": msg("measurement frame"),
    "period": msg("period"),
    "date": msg("date"),
}
"""The subjects errors name, as messages (a subject not here is shown as given)."""


def _subject(text: str) -> str:
    """A subject as a message: a known one, ``measurements of '1.1'``, or the text as given."""
    if text.startswith("measurements of "):
        return msg("measurements of {code}", code=text.removeprefix("measurements of "))
    return _SUBJECTS.get(text, text)


class MissingProgramError(GenderPlanError, OSError):
    """A feature needs a program that is not installed (Chromium, to print a PDF report)."""

    def __init__(self, program: str, feature: str, hint: str) -> None:
        self.program = program
        self.feature = feature
        self.hint = hint
        super().__init__(program)

    def describe(self) -> str:
        """What is missing, as a message rendered in the reader's language."""
        return msg("{feature} needs the program {program!r}, which is not found: {hint}",
                   feature=self.feature, program=self.program, hint=self.hint)

    def __str__(self) -> str:
        return self.render("en")


class GenderPlanWarning(UserWarning):
    """Something the library did on its own that the user should know about (never silently)."""


class AggregationError(GenderPlanError, ValueError):
    """Values of several places cannot be combined as asked.

    For example a rate without its numerator and denominator, or a place hierarchy with a cycle
    or an unknown parent.
    """
