"""Strict JSON with the line of every value: duplicate keys refused, the bounds of `_limits` kept.

The standard library's decoder keeps no positions and lets a repeated key silently replace the
first, so this small reader walks the text itself; strings are decoded by the standard
library's own `json.decoder.scanstring`.
"""

from __future__ import annotations

import bisect
import json
import re
from collections.abc import Callable
from typing import Any

from gender_plan._i18n import msg
from gender_plan.errors import FileFormatError, Problem
from gender_plan.io._limits import MAX_DIGITS, Budget, LimitError
from gender_plan.io._parser_words import json_problem
from gender_plan.io._source import Locations, join

__all__ = ["dump_json", "load_json"]

_SPACE = re.compile(r"[ \t\n\r]*")
_NUMBER = re.compile(r"-?(?:0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?")
_WORDS = {"true": True, "false": False, "null": None}
# The standard library's string decoder; typeshed does not declare it.
_scanstring: Callable[[str, int, bool], tuple[str, int]] = vars(json.decoder)["scanstring"]


class _SyntaxError(Exception):
    def __init__(self, message: str, position: int, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.position = position
        self.hint = hint


class _Reader:
    def __init__(self, text: str) -> None:
        self.text = text
        self.newlines = [m.start() for m in re.finditer("\n", text)]
        self.locations: Locations = {}
        self.budget = Budget()

    def line(self, position: int) -> int:
        return bisect.bisect_left(self.newlines, position) + 1

    def space(self, position: int) -> int:
        match = _SPACE.match(self.text, position)
        assert match is not None
        return match.end()

    def document(self) -> Any:
        position = self.space(0)
        value, position = self.value(position, "", 0)
        position = self.space(position)
        if position != len(self.text):
            raise _SyntaxError(msg("unexpected text after the end of the document"), position)
        return value

    def value(self, position: int, path: str, depth: int) -> tuple[Any, int]:
        self.budget.value(depth, self.line(position), len(path))
        self.locations.setdefault(path, self.line(position))
        char = self.text[position : position + 1]
        if char == "{":
            return self.object(position + 1, path, depth)
        if char == "[":
            return self.array(position + 1, path, depth)
        if char == '"':
            return self.string(position)
        match = _NUMBER.match(self.text, position)
        if match:
            number = match.group()
            if match.group(1) or match.group(2):
                return float(number), match.end()
            if len(number) > MAX_DIGITS:
                raise _SyntaxError(msg("a number of {count} digits", count=len(number)),
                                   position)
            return int(number), match.end()
        for word, meaning in _WORDS.items():
            if self.text.startswith(word, position):
                return meaning, position + len(word)
        found = repr(char) if char else msg("the end of the file")
        raise _SyntaxError(
            msg("expected a value (text in double quotes, a number, true, false, null, [ or {{), "
                "found {found}", found=found),
            position,
        )

    def string(self, position: int) -> tuple[str, int]:
        try:
            text, end = _scanstring(self.text, position + 1, True)
        except json.JSONDecodeError as error:
            if error.msg.startswith("Unterminated"):
                raise _SyntaxError(msg("the text in quotes that starts here never ends"),
                                   error.pos, msg("add the closing double quote")) from None
            raise _SyntaxError(json_problem(error.msg.lower()), error.pos) from None
        Budget.string(text, self.line(position))
        return text, end

    def object(self, position: int, path: str, depth: int) -> tuple[dict[str, Any], int]:
        result: dict[str, Any] = {}
        position = self.space(position)
        if self.text.startswith("}", position):
            return result, position + 1
        while True:
            if not self.text.startswith('"', position):
                raise _SyntaxError(msg("expected a key in double quotes"), position)
            key_position = position
            key, position = self.string(position)
            Budget.key(key, self.line(key_position))
            Budget.items(len(result) + 1, self.line(key_position), mapping=True)
            here = join(path, key)
            if key in result:
                raise _SyntaxError(
                    msg("the key {key!r} appears twice in the same object (first at line "
                        "{line})", key=key, line=self.locations[here]),
                    key_position,
                    msg("keep one of them: a later value would silently replace the first"),
                )
            self.locations[here] = self.line(key_position)
            position = self.space(position)
            if not self.text.startswith(":", position):
                raise _SyntaxError(msg("expected ':' after the key"), position)
            result[key], position = self.value(self.space(position + 1), here, depth + 1)
            position = self.space(position)
            if self.text.startswith("}", position):
                return result, position + 1
            if not self.text.startswith(",", position):
                raise _SyntaxError(msg("expected ',' or '}}' after a value"), position,
                                   msg("is a comma missing at the end of the line before?"))
            position = self.space(position + 1)

    def array(self, position: int, path: str, depth: int) -> tuple[list[Any], int]:
        result: list[Any] = []
        position = self.space(position)
        if self.text.startswith("]", position):
            return result, position + 1
        while True:
            Budget.items(len(result) + 1, self.line(position))
            item, position = self.value(position, join(path, len(result)), depth + 1)
            result.append(item)
            position = self.space(position)
            if self.text.startswith("]", position):
                return result, position + 1
            if not self.text.startswith(",", position):
                raise _SyntaxError(msg("expected ',' or ']' after a value"), position,
                                   msg("is a comma missing at the end of the line before?"))
            position = self.space(position + 1)


def load_json(text: str, file: str | None) -> tuple[Any, Locations]:
    """Read a JSON document into plain data, with the line of every value by its path."""
    reader = _Reader(text)
    try:
        return reader.document(), reader.locations
    except LimitError as error:
        raise error.problem(file) from None
    except _SyntaxError as error:
        line = reader.line(error.position)
        start = text.rfind("\n", 0, error.position) + 1
        message = msg("not valid JSON: {problem} (column {column})", problem=error.message,
                      column=error.position - start + 1)
        hint = error.hint
        if error.position >= len(text.rstrip()):
            message = msg("not valid JSON: the file ends before the document does")
            hint = msg("the file may have been cut short: check its end")
        raise FileFormatError([Problem(file=file, line=line, message=message, hint=hint)]) from None


def dump_json(data: Any) -> str:
    """Write plain data as indented JSON, Vietnamese letters as they are."""
    return json.dumps(data, ensure_ascii=False, indent=2, allow_nan=False) + "\n"
