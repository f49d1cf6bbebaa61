"""The bounds every reader applies, the same for YAML, JSON, TOML, CSV and XLSX.

A crafted file must be refused in seconds with a library error, never crash, hang or fill the
memory. So the work is bounded before parsing (the bytes read, control characters and runs of
digits in the text) and while building (nesting, values, list lengths, key lengths). A real
commune plan is some 100 kB, nests 8 deep and holds a few thousand values: the bounds are far
above what a plan needs and far below what hurts.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from gender_plan.errors import FileAccessError, FileFormatError, Problem

__all__ = [
    "BOUND_HINT",
    "MAX_ALIASES",
    "MAX_COLUMNS",
    "MAX_DEPTH",
    "MAX_DIGITS",
    "MAX_FILE_BYTES",
    "MAX_ITEMS",
    "MAX_KEY_CHARS",
    "MAX_PATH_CHARS",
    "MAX_PLAN_BYTES",
    "MAX_ROWS",
    "MAX_UNZIPPED_BYTES",
    "MAX_VALUES",
    "Budget",
    "LimitError",
    "check_text",
    "read_bytes",
    "string_problem",
]

MAX_FILE_BYTES = 16 * 1024 * 1024
"""The largest measurement table the readers accept (some 200,000 rows of CSV)."""
MAX_PLAN_BYTES = 2 * 1024 * 1024
"""The largest plan file: Lai Khê's plan is 58 kB, and a pure-Python YAML parser reads some
1 MB a second, so that a crafted file is refused in a few seconds."""
MAX_DEPTH = 64
"""The deepest nesting of lists and mappings a plan file may have (a plan needs about 8)."""
MAX_VALUES = 50_000
"""The most values a plan file may hold, YAML aliases counted each time they are used (Lai
Khê's plan has some 800)."""
MAX_ITEMS = 10_000
"""The most items one list may hold (goals, tasks, targets, recipients ...)."""
MAX_ALIASES = 100
"""The most aliases (``*name``) a YAML file may use."""
MAX_KEY_CHARS = 200
"""The longest key: every key is a field name of a few letters."""
MAX_PATH_CHARS = 1_000
"""The longest path to a value (``goals[2].indicators[0].targets[1].value`` is 39): each
value's path is kept for its line, so long keys nested deep would otherwise fill the memory."""
MAX_DIGITS = 100
"""The longest run of digits 0-9 anywhere in a file (Python refuses ints over 4,300 digits)."""
MAX_COLUMNS = 1_000
"""The most columns a measurement table may have (it needs 10)."""
MAX_ROWS = 1_000_000
"""The most rows a measurement sheet may have (Excel's own limit is 1,048,576)."""
MAX_UNZIPPED_BYTES = 64 * 1024 * 1024
"""The most an XLSX file may hold once unzipped: a small file that unzips to gigabytes is a bomb."""

BOUND_HINT = "a plan or measurement file needs nothing like it: is it the right file?"

# C0 controls other than tab, line feed and carriage return; DEL; lone surrogates.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")
_DIGIT_RUN = re.compile(f"[0-9]{{{MAX_DIGITS + 1},}}")


class LimitError(Exception):
    """A bound passed while building a document, found on `line` (made a Problem by the reader)."""

    def __init__(self, message: str, line: int | None, hint: str = BOUND_HINT) -> None:
        super().__init__(message)
        self.message = message
        self.line = line
        self.hint = hint

    def problem(self, file: str | None) -> FileFormatError:
        """The error to raise for `file`."""
        return FileFormatError([Problem(file=file, line=self.line, message=self.message,
                                        hint=self.hint)])


def read_bytes(path: str | os.PathLike[str], *, limit: int = MAX_FILE_BYTES) -> bytes:
    """Return the content of `path`, reading at most `limit` bytes, or refuse it.

    The size is checked before reading where the file system knows it, and the read itself is
    bounded, so that a device (``/dev/zero``), a pipe or a growing file cannot fill the memory.
    """
    source = Path(path)
    try:
        if source.is_dir():
            raise IsADirectoryError(21, "it is a folder, not a file")
        size = source.stat().st_size
        data = b""
        if size <= limit:
            with source.open("rb") as stream:
                data = stream.read(limit + 1)
    except OSError as error:
        raise FileAccessError(str(path), error.strerror or str(error)) from None
    if size > limit or len(data) > limit:
        # A device or a pipe has no size: it is read up to the limit and no further.
        message = (f"the file is {size:,} bytes, more than the {limit:,} accepted" if size > limit
                   else f"the file holds more than the {limit:,} bytes accepted")
        raise FileFormatError([Problem(file=str(path), message=message, hint=BOUND_HINT)])
    return data


def _line(text: str, position: int) -> int:
    return text.count("\n", 0, position) + 1


def check_text(text: str, file: str | None, *, controls: bool = True) -> None:
    """Refuse, before parsing, a text with an endless run of digits or control characters.

    `controls` False lets control characters through, for a CSV table: the model allows them in
    texts, and CSV stores them (a NUL is refused by the CSV reader itself).
    """
    control = _CONTROL.search(text) if controls else None
    if control is not None:
        raise FileFormatError([Problem(
            file=file, line=_line(text, control.start()),
            message=f"character {control.group()!r} is not allowed in a plan file",
            hint="remove the invisible control character from this line, or check that it is "
            "the right file")])
    digits = _DIGIT_RUN.search(text)
    if digits is not None:
        raise FileFormatError([Problem(
            file=file, line=_line(text, digits.start()),
            message=f"a run of {len(digits.group()):,} digits: no value needs more than "
            f"{MAX_DIGITS}", hint=BOUND_HINT)])


def string_problem(text: str) -> str | None:
    """What is wrong with a decoded string or key (an escaped NUL or lone surrogate), or None."""
    found = _CONTROL.search(text)
    if found is None:
        return None
    char = found.group()
    if "\ud800" <= char <= "\udfff":
        return (f"the text holds a lone surrogate U+{ord(char):04X}, which no UTF-8 file can "
                "store")
    return f"the text holds the control character U+{ord(char):04X}"


class Budget:
    """Counts the values, list items and nesting of one document as a reader builds it."""

    def __init__(self) -> None:
        self.values = 0

    def value(self, depth: int, line: int | None, path_chars: int) -> None:
        """Count one value at `depth` (the document itself is 0) whose path is `path_chars` long."""
        self.values += 1
        if path_chars > MAX_PATH_CHARS:
            raise LimitError(f"the path to a value is more than {MAX_PATH_CHARS:,} characters "
                             "long (long keys nested deep)", line)
        if self.values > MAX_VALUES:
            raise LimitError(f"the file holds more than {MAX_VALUES:,} values", line)
        if depth > MAX_DEPTH:
            raise LimitError(f"the file nests lists and mappings more than {MAX_DEPTH} deep",
                             line)

    @staticmethod
    def items(count: int, line: int | None, *, mapping: bool = False) -> None:
        """Check the length of one list (or the number of keys of one mapping)."""
        if count > MAX_ITEMS:
            what = "a mapping holds more than {:,} keys" if mapping else (
                "a list holds more than {:,} items")
            raise LimitError(what.format(MAX_ITEMS), line)

    @staticmethod
    def key(key: str, line: int | None) -> None:
        """Check one key: short, and free of control characters."""
        if len(key) > MAX_KEY_CHARS:
            raise LimitError(f"a key of {len(key):,} characters: keys are names of at most "
                             f"{MAX_KEY_CHARS}", line)
        problem = string_problem(key)
        if problem is not None:
            raise LimitError(f"a key is not a name: {problem}", line,
                             "write keys as plain names such as 'code' or 'targets'")

    @staticmethod
    def string(text: str, line: int | None) -> None:
        """Check one decoded text value."""
        problem = string_problem(text)
        if problem is not None:
            raise LimitError(problem, line, "remove the escape (\\0, \\u0000, \\ud800 ...) "
                             "from the text")
