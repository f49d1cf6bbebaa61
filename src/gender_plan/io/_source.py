"""Reading a file's text safely, and pinning problems to the lines they come from.

Shared by the plan and the measurement readers: a size limit checked before anything is parsed,
strict UTF-8 decoding that says where the first bad byte is, and the map from a path inside the
document (``goals[0].indicators[1].unit``) to the line it was written on.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import attrs

from gender_plan._i18n import msg
from gender_plan.errors import FileAccessError, FileFormatError, Problem

__all__ = [
    "MAX_DEPTH",
    "MAX_FILE_BYTES",
    "Locations",
    "decode",
    "join",
    "locate",
    "read_bytes",
]

MAX_FILE_BYTES = 16 * 1024 * 1024
"""The largest file the readers accept: a commune's plan is some 100 kB, measurements less."""
MAX_DEPTH = 64
"""The deepest nesting of lists and mappings a plan file may have (a plan needs about 8)."""

Locations = dict[str, int]
"""The 1-based line of each path inside a document, as the converter writes paths."""

_LAST_PART = re.compile(r"(\.[^.\[\]]+|\[\d+\])$")


def join(path: str, part: str | int) -> str:
    """Extend `path` by a key or an index, spelled as the converter spells its problem paths."""
    if isinstance(part, int):
        return f"{path}[{part}]"
    return f"{path}.{part}" if path else part


def read_bytes(path: str | os.PathLike[str], *, limit: int = MAX_FILE_BYTES) -> bytes:
    """Return the content of `path`, refusing a file larger than `limit` before reading it."""
    source = Path(path)
    try:
        size = source.stat().st_size
        if source.is_dir():
            raise IsADirectoryError(21, "it is a folder, not a file")
    except OSError as error:
        raise FileAccessError(str(path), error.strerror or str(error)) from None
    if size > limit:
        raise FileFormatError(
            [
                Problem(
                    file=str(path),
                    message=msg("the file is {size} bytes, more than the {limit} accepted",
                                size=format(size, ","), limit=format(limit, ",")),
                    hint=msg("a plan or a measurement table is far smaller: is it the right "
                             "file?"),
                )
            ]
        )
    try:
        return source.read_bytes()
    except OSError as error:
        raise FileAccessError(str(path), error.strerror or str(error)) from None


def decode(data: bytes, file: str | None) -> str:
    """Decode UTF-8 (with or without a byte-order mark), or say where the first bad byte is."""
    try:
        return data.decode("utf-8-sig")
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
