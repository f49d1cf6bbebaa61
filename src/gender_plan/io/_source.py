"""Reading a file's text safely, and pinning problems to the lines they come from.

Shared by the plan and the measurement readers: the bounds of `_limits` checked before anything
is parsed, strict UTF-8 decoding that says where the first bad byte is, and the map from a path
inside the document (``goals[0].indicators[1].unit``) to the line it was written on.
"""

from __future__ import annotations

import re

import attrs

from gender_plan._i18n import msg
from gender_plan.errors import FileFormatError, Problem
from gender_plan.io._limits import (
    MAX_DEPTH,
    MAX_FILE_BYTES,
    MAX_PLAN_BYTES,
    check_text,
    passes_check,
    read_bytes,
)

__all__ = [
    "MAX_DEPTH",
    "MAX_FILE_BYTES",
    "MAX_PLAN_BYTES",
    "Locations",
    "decode",
    "join",
    "locate",
    "read_bytes",
]


Locations = dict[str, int]
"""The 1-based line of each path inside a document, as the converter writes paths."""

_LAST_PART = re.compile(r"(\.[^.\[\]]+|\[\d+\])$")


def join(path: str, part: str | int) -> str:
    """Extend `path` by a key or an index, spelled as the converter spells its problem paths."""
    if isinstance(part, int):
        return f"{path}[{part}]"
    return f"{path}.{part}" if path else part


def decode(data: bytes, file: str | None, *, controls: bool = True) -> str:
    """Decode UTF-8 (with or without a byte-order mark), or say where the first bad byte is.

    The text is then checked by `check_text`: no endless digit runs, and no control characters
    unless `controls` is False.
    """
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        offset = error.start + (3 if data.startswith(b"\xef\xbb\xbf") else 0)
        line = data[: error.start].count(b"\n") + 1
        byte = data[offset : offset + 1].hex().upper() if offset < len(data) else "?"
        raise FileFormatError(
            [
                Problem(
                    file=file,
                    line=line,
                    message=msg("the file is not UTF-8 text: byte 0x{byte} cannot be read",
                                byte=byte),
                    hint=msg("save the file with the UTF-8 encoding (Excel: 'CSV UTF-8'; "
                             "text editors: 'Save with encoding UTF-8')"),
                )
            ]
        ) from None
    if not passes_check(data, controls=controls):
        check_text(text, file, controls=controls)
    return text


def locate(problem: Problem, locations: Locations, file: str | None) -> Problem:
    """Give `problem` the file, and the line of its path or of the nearest enclosing part."""
    path = problem.path
    while True:
        line = locations.get(path)
        if line is not None or not path:
            break
        shorter = _LAST_PART.sub("", path)
        path = "" if shorter == path else shorter
    return attrs.evolve(
        problem,
        file=problem.file if problem.file is not None else file,
        line=problem.line if problem.line is not None else line,
    )
