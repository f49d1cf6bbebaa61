"""The bounds every reader applies, the same for YAML, JSON, TOML, CSV and XLSX.

A crafted file must be refused in seconds with a library error, never crash, hang or fill the
memory. So the work is bounded before parsing (the bytes read, control characters and runs of
digits in the text) and while building (nesting, values, list lengths, key lengths). A real
commune plan is some 100 kB, nests 8 deep and holds a few thousand values: the bounds are far
above what a plan needs and far below what hurts.
"""

from __future__ import annotations

import errno
import os
import re
from pathlib import Path

from gender_plan._i18n import Msg, NumberText, msg
from gender_plan.errors import FileAccessError, FileFormatError, Problem

__all__ = [
    "BOUND_HINT",
    "MAX_ALIASES",
    "MAX_COLUMNS",
    "MAX_DEPTH",
    "MAX_DIGITS",
    "MAX_FILE_BYTES",
    "MAX_FRAME_BYTES",
    "MAX_FRAME_ROWS",
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
    "has_digit_run",
    "os_reason",
    "passes_check",
    "read_bytes",
    "string_problem",
    "too_deep",
    "too_many_values",
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
MAX_FRAME_BYTES = 256 * 1024 * 1024
"""The largest table `MeasurementFrame.read_csv` accepts: the array engine reads a whole
nation's table (3,321 communes × 16 indicators × 5 years is 12 MB; ten times that, 117 MB), so
its bound is the one the other readers keep, scaled to a nation, not to a commune's file."""
MAX_FRAME_ROWS = 10_000_000
"""The most rows `MeasurementFrame.read_csv` accepts (ten times a nation is 2.7 million)."""

BOUND_HINT = msg("a plan or measurement file needs nothing like it: is it the right file?")

# C0 controls other than tab, line feed and carriage return; DEL; lone surrogates.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")
_DIGIT_RUN = re.compile(f"[0-9]{{{MAX_DIGITS + 1},}}")
# The same search over the UTF-8 bytes, digits made zeros: five times quicker than the pattern,
# which tries a match at every digit (ASCII digits are the only bytes 0x30-0x39 in UTF-8).
_ZEROED = bytes.maketrans(b"0123456789", b"0" * 10)
_ZERO_RUN = b"0" * (MAX_DIGITS + 1)
_CONTROL_BYTES = bytes([*range(0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F])
# Digits made zeros and the controls of `_CONTROL` made NULs, for `passes_check`.
_MARKED = bytes.maketrans(b"0123456789" + _CONTROL_BYTES, b"0" * 10 + bytes(len(_CONTROL_BYTES)))


class LimitError(Exception):
    """A bound passed while building a document, found on `line` (made a Problem by the reader)."""

    def __init__(self, message: str, line: int | None, hint: str | None = BOUND_HINT) -> None:
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
            raise IsADirectoryError(errno.EISDIR, "it is a folder, not a file")
        size = source.stat().st_size
        data = b""
        if size <= limit:
            with source.open("rb") as stream:
                data = stream.read(limit + 1)
    except OSError as error:
        raise FileAccessError(str(path), os_reason(error)) from None
    if size > limit or len(data) > limit:
        # A device or a pipe has no size: it is read up to the limit and no further.
        message = (msg("the file is {size} bytes, more than the {limit} accepted",
                       size=NumberText(size), limit=NumberText(limit)) if size > limit
                   else msg("the file holds more than the {limit} bytes accepted",
                            limit=NumberText(limit)))
        raise FileFormatError([Problem(file=str(path), message=message, hint=BOUND_HINT)])
    return data


_REASONS: dict[int, Msg] = {
    errno.ENOENT: msg("no such file or folder"),
    errno.EACCES: msg("permission denied"),
    errno.EPERM: msg("permission denied"),
    errno.EISDIR: msg("it is a folder, not a file"),
    errno.ENOTDIR: msg("a part of the path is not a folder"),
    errno.ENAMETOOLONG: msg("the name is too long"),
    errno.ENOSPC: msg("no space left on the disk"),
    errno.EROFS: msg("the disk is read-only"),
}
"""The reasons a file cannot be used that people meet, in words the catalogue translates."""


def os_reason(error: OSError) -> str:
    """Why the system refused a file, as a message (the system's own English words otherwise)."""
    reason = _REASONS.get(error.errno) if error.errno is not None else None
    return reason if reason is not None else (error.strerror or str(error))


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
            message=msg("character {character!r} is not allowed in a plan file",
                        character=control.group()),
            hint=msg("remove the invisible control character from this line, or check that it "
                     "is the right file"))])
    digits = _DIGIT_RUN.search(text) if has_digit_run(text) else None
    if digits is not None:
        raise FileFormatError([Problem(
            file=file, line=_line(text, digits.start()),
            message=msg("a run of {count} digits: no value needs more than {most}",
                        count=NumberText(len(digits.group())), most=MAX_DIGITS),
            hint=BOUND_HINT)])


def passes_check(data: bytes, *, controls: bool = True) -> bool:
    """Whether the text of `data`, strictly decoded UTF-8, surely passes `check_text`.

    One pass over the bytes instead of two over the characters: in UTF-8 the ASCII controls and
    digits are the only bytes below 0x80 that stand for them, and a strict decoding refuses
    encoded surrogates. False says nothing: `check_text` then reads the text and words the
    problem, if there is one.
    """
    if not controls:
        return data.translate(_ZEROED).find(_ZERO_RUN) < 0
    marked = data.translate(_MARKED)
    return marked.find(0) < 0 and marked.find(_ZERO_RUN) < 0


def has_digit_run(text: str) -> bool:
    """Whether `text` holds a run of more than `MAX_DIGITS` digits 0-9."""
    return text.encode("utf-8", "surrogatepass").translate(_ZEROED).find(_ZERO_RUN) >= 0


def string_problem(text: str) -> str | None:
    """What is wrong with a decoded string or key (an escaped NUL or lone surrogate), or None."""
    found = _CONTROL.search(text)
    if found is None:
        return None
    char = found.group()
    if "\ud800" <= char <= "\udfff":
        return msg("the text holds a lone surrogate U+{code}, which no UTF-8 file can store",
                   code=format(ord(char), "04X"))
    return msg("the text holds the control character U+{code}", code=format(ord(char), "04X"))


class Budget:
    """Counts the values, list items and nesting of one document as a reader builds it."""

    def __init__(self) -> None:
        self.values = 0

    def value(self, depth: int, line: int | None, path_chars: int) -> None:
        """Count one value at `depth` (the document itself is 0) whose path is `path_chars` long."""
        self.values += 1
        if path_chars > MAX_PATH_CHARS:
            raise LimitError(msg("the path to a value is more than {most} characters long "
                                 "(long keys nested deep)", most=NumberText(MAX_PATH_CHARS)),
                             line)
        if self.values > MAX_VALUES:
            raise LimitError(too_many_values(), line)
        if depth > MAX_DEPTH:
            raise LimitError(too_deep(), line)

    @staticmethod
    def items(count: int, line: int | None, *, mapping: bool = False) -> None:
        """Check the length of one list (or the number of keys of one mapping)."""
        if count > MAX_ITEMS:
            most = NumberText(MAX_ITEMS)
            raise LimitError(msg("a mapping holds more than {most} keys", most=most) if mapping
                             else msg("a list holds more than {most} items", most=most), line)

    @staticmethod
    def key(key: str, line: int | None) -> None:
        """Check one key: short, and free of control characters."""
        if len(key) > MAX_KEY_CHARS:
            raise LimitError(msg("a key of {count} characters: keys are names of at most {most}",
                                 count=NumberText(len(key)), most=MAX_KEY_CHARS), line)
        problem = string_problem(key)
        if problem is not None:
            raise LimitError(msg("a key is not a name: {problem}", problem=problem), line,
                             msg("write keys as plain names such as 'code' or 'targets'"))

    @staticmethod
    def string(text: str, line: int | None) -> None:
        """Check one decoded text value."""
        problem = string_problem(text)
        if problem is not None:
            raise LimitError(problem, line, msg("remove the escape (\\0, \\u0000, \\ud800 ...) "
                                                "from the text"))


def too_many_values() -> Msg:
    """The message of a document with more than `MAX_VALUES` values."""
    return msg("the file holds more than {most} values", most=NumberText(MAX_VALUES))


def too_deep() -> Msg:
    """The message of a document nested more than `MAX_DEPTH` deep."""
    return msg("the file nests lists and mappings more than {most} deep", most=MAX_DEPTH)
