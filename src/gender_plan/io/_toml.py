"""The line of every table, key and array element of a TOML file, for problems to point at.

The standard library's `tomllib` keeps no positions, so this reads the text a second time, once
`tomllib` has accepted it: table headers (``[a.b]``, ``[[goals.indicators]]``), keys (bare,
quoted, dotted, in inline tables too) and the elements of arrays. Strings and comments are
skipped whole, so a ``#``, ``]`` or ``=`` inside them moves nothing. It is not a second parser:
what it cannot place is left out, and `locate` falls back to the enclosing path.
"""

from __future__ import annotations

import bisect
import re
import tomllib
from typing import TypeAlias

from gender_plan._i18n import msg
from gender_plan.io._limits import MAX_DEPTH, LimitError
from gender_plan.io._source import Locations, join

__all__ = ["check_nesting", "toml_locations"]

_SPACE = re.compile(r"[ \t]*")
_BLANK = re.compile(r"(?:[ \t\r\n]|#[^\n]*)*")  # spaces, line breaks and comments
_STRING = re.compile(
    r'"{3}(?:\\[\s\S]|[\s\S])*?"{3,5}'  # multi-line basic; up to 2 quotes may end its content
    r"|'{3}[\s\S]*?'{3,5}"  # multi-line literal
    r'|"(?:[^"\\\n]|\\.)*"'  # basic, with escapes
    r"|'[^'\n]*'"  # literal
)
_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")
_OTHER_VALUE = re.compile(r"[^,\]}\n#]+")  # numbers, booleans, dates and times (with a space)

_BRACKETS = re.compile(_STRING.pattern + r"|#[^\n]*|[\[\]{}]")
_PART = r"""(?:[A-Za-z0-9_-]+|"(?:[^"\\\n]|\\.)*"|'[^'\n]*')"""
_LONG_KEY = re.compile(_PART + r"(?:[ \t]*\.[ \t]*" + _PART + f"){{{MAX_DEPTH},}}")

_Tables: TypeAlias = "dict[str, _Tables | list[_Tables]]"
"""The tables met so far; only arrays of tables matter, to count their elements."""


def check_nesting(text: str) -> None:
    """Refuse, before `tomllib` recurses into it, a text nested more than `MAX_DEPTH` deep.

    Counts brackets and braces outside strings and comments, and the parts of dotted keys.
    """
    depth = 0
    for match in _BRACKETS.finditer(text):
        char = match.group()
        if char in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                raise LimitError(msg("the file nests arrays and tables more than {most} deep",
                                     most=MAX_DEPTH), text.count("\n", 0, match.start()) + 1)
        elif char in "]}":
            depth -= 1
    dotted = _LONG_KEY.search(text)
    if dotted is not None:
        raise LimitError(msg("a dotted key of more than {most} parts", most=MAX_DEPTH),
                         text.count("\n", 0, dotted.start()) + 1)


def toml_locations(text: str) -> Locations:
    """Map each path of the TOML document `text` (valid TOML) to the line it starts on."""
    scanner = _Scanner(text)
    scanner.document()
    return scanner.locations


class _Scanner:
    def __init__(self, text: str) -> None:
        self.text = text
        self.newlines = [match.start() for match in re.finditer("\n", text)]
        self.locations: Locations = {"": 1}
        self.tables: _Tables = {}

    def note(self, path: str, position: int) -> None:
        # The first mention wins: a table's header comes before the headers of its sub-tables.
        self.locations.setdefault(path, bisect.bisect_left(self.newlines, position) + 1)

    def skip(self, pattern: re.Pattern[str], position: int) -> int:
        match = pattern.match(self.text, position)
        return position if match is None else match.end()

    def document(self) -> None:
        table = ""
        position = self.skip(_BLANK, 0)
        while position < len(self.text):
            if self.text.startswith("[", position):
                end, table = self.header(position)
            else:
                end = self.key_value(position, table)
            # Valid TOML always moves on; the max() keeps a surprise from looping forever.
            position = self.skip(_BLANK, max(end, position + 1))

    def header(self, position: int) -> tuple[int, str]:
        """Read ``[a.b]`` or ``[[a.b]]``; return where it ends and the path it opens."""
        many = self.text.startswith("[[", position)
        keys, end = self.key(position + (2 if many else 1))
        node, path = self.tables, ""
        for number, part in enumerate(keys, 1):
            path = join(path, part)
            self.note(path, position)
            child = node.setdefault(part, [] if many and number == len(keys) else {})
            if isinstance(child, list):
                if many and number == len(keys):
                    child.append({})
                if not child:  # only in invalid TOML (a table where an array of tables was)
                    break
                path = join(path, len(child) - 1)
                self.note(path, position)
                child = child[-1]
            node = child
        end = self.skip(_SPACE, end)
        return end + (2 if many else 1), path

    def key(self, position: int) -> tuple[list[str], int]:
        """Read a key, dotted or not; return its parts and where it ends."""
        parts: list[str] = []
        while True:
            position = self.skip(_SPACE, position)
            quoted = self.text.startswith(('"', "'"), position)
            match = (_STRING if quoted else _BARE_KEY).match(self.text, position)
            if match is None:
                return parts, position
            parts.append(_unquoted(match.group()) if quoted else match.group())
            position = self.skip(_SPACE, match.end())
            if not self.text.startswith(".", position):
                return parts, position
            position += 1

    def key_value(self, position: int, table: str) -> int:
        """Read ``key = value`` inside `table`; return where the value ends."""
        keys, end = self.key(position)
        path = table
        for part in keys:
            path = join(path, part)
            self.note(path, position)
        if not keys or not self.text.startswith("=", end):
            return end
        return self.value(self.skip(_SPACE, end + 1), path)

    def value(self, position: int, path: str) -> int:
        if self.text.startswith("[", position):
            return self.array(position + 1, path)
        if self.text.startswith("{", position):
            return self.inline_table(position + 1, path)
        quoted = self.text.startswith(('"', "'"), position)
        match = (_STRING if quoted else _OTHER_VALUE).match(self.text, position)
        return position if match is None else match.end()

    def array(self, position: int, path: str) -> int:
        position = self.skip(_BLANK, position)
        index = 0
        while position < len(self.text) and self.text[position] != "]":
            element = join(path, index)
            self.note(element, position)
            end = self.skip(_BLANK, self.value(position, element))
            if self.text.startswith(",", end):
                end = self.skip(_BLANK, end + 1)
            if end == position:
                return end
            position, index = end, index + 1
        return position + 1

    def inline_table(self, position: int, path: str) -> int:
        position = self.skip(_BLANK, position)
        while position < len(self.text) and self.text[position] != "}":
            end = self.skip(_BLANK, self.key_value(position, path))
            if self.text.startswith(",", end):
                end = self.skip(_BLANK, end + 1)
            if end == position:
                return end
            position = end
        return position + 1


def _unquoted(key: str) -> str:
    """The text of a quoted key: a literal one as written, a basic one with escapes decoded."""
    if key.startswith("'"):
        return key[1:-1]
    try:
        text: str = tomllib.loads(f"key = {key}")["key"]
    except tomllib.TOMLDecodeError:  # not for a key tomllib accepted; kept as written then
        return key[1:-1]
    return text
