"""Place hierarchy files: CSV ``place,level,parent[,plan][,name]``, one place a row.

Vietnamese headers are accepted too (`PLACE_ALIASES`: ``địa bàn``, ``cấp``, ``cấp trên``,
``kế hoạch``, ``tên``), case and spacing aside, as the measurement tables accept theirs.

The ``plan`` column names the code of the plan each place adopted (see `gender_plan.portfolio`);
a file without it is a plain hierarchy, as `PlaceHierarchy.from_pairs` builds. Every problem is
reported with the file and line; the hierarchy's own checks (unique codes, known parents, no
cycles) then run with each problem pointing at its row.
"""

from __future__ import annotations

import csv
import io
import os
import unicodedata
from collections.abc import Mapping

from gender_plan._i18n import ListText, msg
from gender_plan.errors import FileFormatError, Problem, ValidationError
from gender_plan.io._atomic import write_bytes_atomic
from gender_plan.io._parser_words import csv_problem
from gender_plan.io._source import decode, read_bytes
from gender_plan.rollup.places import Place, PlaceHierarchy, cycles_of

__all__ = ["PLACE_ALIASES", "PLACE_COLUMNS", "load_places", "save_places"]

PLACE_COLUMNS = ("place", "level", "parent", "plan", "name")
"""The columns of a place hierarchy file; ``place`` and ``level`` are required, ``parent``
(empty for the top), ``plan`` and ``name`` may be left out or empty."""
PLACE_ALIASES: Mapping[str, str] = {
    "địa bàn": "place",
    "cấp": "level",
    "cấp trên": "parent",
    "kế hoạch": "plan",
    "tên": "name",
}
"""Vietnamese headers accepted for each column."""
_REQUIRED = ("place", "level")
_SUBJECT = msg("place hierarchy")


def _column(header: str) -> str:
    name = " ".join(unicodedata.normalize("NFC", header).casefold().split())
    return PLACE_ALIASES.get(name, name)


def load_places(path: str | os.PathLike[str]) -> PlaceHierarchy:
    """Read a place hierarchy from a CSV file (UTF-8, comma separated, a header row).

    Raises:
        FileFormatError: the file cannot be read, or its header lacks ``place`` or ``level``.
        ValidationError: a row without a code or level, a code given twice, an unknown parent,
            or a cycle; every problem with the file and line.
    """
    name = str(path)
    text = decode(read_bytes(path), name)
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    places: list[Place] = []
    lines: list[int] = []
    problems: list[Problem] = []
    columns: list[str] | None = None
    try:
        for record in reader:
            line = reader.line_num
            if not any(cell.strip() for cell in record):
                continue
            if columns is None:
                columns = [_column(cell) for cell in record]
                _check_header(columns, name, line)
                continue
            cells = dict(zip(columns, (cell.strip() for cell in record), strict=False))
            if len(record) > len(columns) and any(c.strip() for c in record[len(columns):]):
                problems.append(Problem(file=name, line=line,
                                        message=msg("a value in a column without a header"),
                                        hint=msg("name the column in the first row ({columns})",
                                                 columns=", ".join(PLACE_COLUMNS))))
                continue
            missing = [c for c in _REQUIRED if not cells.get(c)]
            if missing:
                problems.append(Problem(file=name, line=line, column=missing[0],
                                        message=msg("the row has no {column}",
                                                    column=missing[0]) if len(missing) == 1
                                        else msg("the row has no {first} and no {second}",
                                                 first=missing[0], second=missing[1]),
                                        hint=msg("every place needs its code and its level")))
                continue
            places.append(Place(code=cells["place"], level=cells["level"],
                                parent=cells.get("parent") or None,
                                plan=cells.get("plan") or None, name=cells.get("name") or None))
            lines.append(line)
    except csv.Error as error:
        raise FileFormatError([Problem(file=name, line=reader.line_num,
                                       message=msg("not valid CSV: {error}",
                                                   error=csv_problem(str(error))),
                                       hint=msg("check the quotes on this line"))],
                              subject=_SUBJECT) from None
    if columns is None:
        raise FileFormatError([Problem(file=name, message=msg("the file has no header row"),
                                       hint=msg("the first row names the columns: {columns}",
                                                columns=", ".join(PLACE_COLUMNS)))],
                              subject=_SUBJECT)
    problems += _hierarchy_problems(places, lines, name)
    if problems:
        raise ValidationError(problems, subject=_SUBJECT)
    return PlaceHierarchy(places=places)


def save_places(hierarchy: PlaceHierarchy, path: str | os.PathLike[str]) -> None:
    """Write `hierarchy` as a place hierarchy CSV file (UTF-8), atomically."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(PLACE_COLUMNS)
    for place in hierarchy.places:
        writer.writerow([place.code, place.level, place.parent or "", place.plan or "",
                         place.name or ""])
    write_bytes_atomic(path, buffer.getvalue().encode("utf-8"))


def _check_header(columns: list[str], name: str, line: int) -> None:
    unknown = [c for c in columns if c not in PLACE_COLUMNS]
    missing = [c for c in _REQUIRED if c not in columns]
    if unknown or missing:
        what = [*([msg("missing columns {names}", names=missing)] if missing else []),
                *([msg("unknown columns {names}", names=unknown)] if unknown else [])]
        raise FileFormatError([Problem(file=name, line=line, message=msg(
            "the header has {what}", what=ListText("; ", what)), hint=msg(
            "the columns are {columns} (place and level required)",
            columns=", ".join(PLACE_COLUMNS)))], subject=_SUBJECT)


def _hierarchy_problems(places: list[Place], lines: list[int], name: str) -> list[Problem]:
    """The hierarchy's own checks, each problem pointed at the row it concerns."""
    first: dict[str, int] = {}
    problems: list[Problem] = []
    for place, line in zip(places, lines, strict=True):
        if place.code in first:
            problems.append(Problem(file=name, line=line, column="place",
                                    message=msg("the place {code!r} appears twice (first at "
                                                "line {first})", code=place.code,
                                                first=first[place.code]),
                                    hint=msg("keep one row per place")))
        else:
            first[place.code] = line
    for place, line in zip(places, lines, strict=True):
        if place.parent is not None and place.parent not in first:
            problems.append(Problem(file=name, line=line, column="parent",
                                    message=msg("{code!r} names an unknown parent {parent!r}",
                                                code=place.code, parent=place.parent),
                                    hint=msg("add a row for that place, or correct the code")))
    if problems:
        return problems
    return [Problem(file=name, message=cycle, hint=msg("a place cannot contain itself"))
            for cycle in cycles_of(places)]
