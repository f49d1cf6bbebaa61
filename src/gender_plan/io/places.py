"""Place hierarchy files: CSV ``place,level,parent[,plan][,name]``, one place a row.

The ``plan`` column names the code of the plan each place adopted (see `gender_plan.portfolio`);
a file without it is a plain hierarchy, as `PlaceHierarchy.from_pairs` builds. Every problem is
reported with the file and line; the hierarchy's own checks (unique codes, known parents, no
cycles) then run with each problem pointing at its row.
"""

from __future__ import annotations

import csv
import io
import os

from gender_plan.errors import AggregationError, FileFormatError, Problem, ValidationError
from gender_plan.io._atomic import write_bytes_atomic
from gender_plan.io._source import decode, read_bytes
from gender_plan.rollup.places import Place, PlaceHierarchy

__all__ = ["PLACE_COLUMNS", "load_places", "save_places"]

PLACE_COLUMNS = ("place", "level", "parent", "plan", "name")
"""The columns of a place hierarchy file; ``place`` and ``level`` are required, ``parent``
(empty for the top), ``plan`` and ``name`` may be left out or empty."""
_REQUIRED = ("place", "level")


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
                columns = [cell.strip().lower() for cell in record]
                _check_header(columns, name, line)
                continue
            cells = dict(zip(columns, (cell.strip() for cell in record), strict=False))
            if len(record) > len(columns) and any(c.strip() for c in record[len(columns):]):
                problems.append(Problem(file=name, line=line, message="a value in a column "
                                        "without a header", hint="name the column in the first "
                                        f"row ({', '.join(PLACE_COLUMNS)})"))
                continue
            missing = [c for c in _REQUIRED if not cells.get(c)]
            if missing:
                problems.append(Problem(file=name, line=line, column=missing[0],
                                        message=f"the row has no {' and no '.join(missing)}",
                                        hint="every place needs its code and its level"))
                continue
            places.append(Place(code=cells["place"], level=cells["level"],
                                parent=cells.get("parent") or None,
                                plan=cells.get("plan") or None, name=cells.get("name") or None))
            lines.append(line)
    except csv.Error as error:
        raise FileFormatError([Problem(file=name, line=reader.line_num,
                                       message=f"not valid CSV: {error}",
                                       hint="check the quotes on this line")],
                              subject="place hierarchy") from None
    if columns is None:
        raise FileFormatError([Problem(file=name, message="the file has no header row",
                                       hint=f"the first row names the columns: "
                                       f"{', '.join(PLACE_COLUMNS)}")], subject="place hierarchy")
    problems += _hierarchy_problems(places, lines, name)
    if problems:
        raise ValidationError(problems, subject="place hierarchy")
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
        what = (f"missing columns {missing}" if missing else "") + (
            ("; " if missing else "") + f"unknown columns {unknown}" if unknown else "")
        raise FileFormatError([Problem(file=name, line=line, message=f"the header has {what}",
                                       hint=f"the columns are {', '.join(PLACE_COLUMNS)} "
                                       "(place and level required)")],
                              subject="place hierarchy")


def _hierarchy_problems(places: list[Place], lines: list[int], name: str) -> list[Problem]:
    """The hierarchy's own checks, each problem pointed at the row it concerns."""
    first: dict[str, int] = {}
    problems: list[Problem] = []
    for place, line in zip(places, lines, strict=True):
        if place.code in first:
            problems.append(Problem(file=name, line=line, column="place",
                                    message=f"the place {place.code!r} appears twice (first at "
                                    f"line {first[place.code]})", hint="keep one row per place"))
        else:
            first[place.code] = line
    for place, line in zip(places, lines, strict=True):
        if place.parent is not None and place.parent not in first:
            problems.append(Problem(file=name, line=line, column="parent",
                                    message=f"{place.code!r} names an unknown parent "
                                    f"{place.parent!r}", hint="add a row for that place, or "
                                    "correct the code"))
    if problems:
        return problems
    try:
        PlaceHierarchy(places=places)
    except AggregationError as error:  # a cycle: the hierarchy's message names it
        problems.append(Problem(file=name, message=str(error).split("\n  - ", 1)[-1],
                                hint="a place cannot contain itself"))
    return problems
