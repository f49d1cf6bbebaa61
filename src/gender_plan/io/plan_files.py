"""Plan files: YAML (for people), JSON (for tools) and TOML, with a schema version in each.

Every file starts with ``schema: gender-plan/1``. Loading reports every problem at once, each with
the file, the line and the path inside the plan; saving writes atomically and omits fields left
at their default, so that nothing is written back as if the author had stated it.
"""

from __future__ import annotations

import datetime
import os
import re
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

import attrs

from gender_plan._i18n import NumberText, msg
from gender_plan.errors import FileFormatError, Problem, ValidationError
from gender_plan.io._atomic import write_bytes_atomic
from gender_plan.io._extras import require
from gender_plan.io._json import dump_json, load_json
from gender_plan.io._limits import (
    BOUND_HINT,
    MAX_PLAN_BYTES,
    Budget,
    LimitError,
    check_text,
)
from gender_plan.io._parser_words import toml_problem
from gender_plan.io._source import Locations, decode, locate, read_bytes
from gender_plan.io._yaml import dump_yaml, load_yaml
from gender_plan.io._yaml_fast import load_yaml_data
from gender_plan.io.converter import structure, unstructure
from gender_plan.model import Plan

if TYPE_CHECKING:
    from gender_plan.io.plan_cache import PlanCache

__all__ = [
    "FORMATS",
    "SCHEMA",
    "Format",
    "dumps_plan",
    "format_of",
    "load_plan",
    "loads_plan",
    "save_plan",
]

SCHEMA = "gender-plan/1"
"""The version of the plan file format this library reads and writes (the ``schema`` key)."""

Format = Literal["yaml", "json", "toml"]
"""A plan file format."""
FORMATS: tuple[Format, ...] = ("yaml", "json", "toml")
"""The plan file formats, in the order people are most likely to want them."""

_SUFFIXES: dict[str, Format] = {".yaml": "yaml", ".yml": "yaml", ".json": "json", ".toml": "toml"}
_SCHEMA_TEXT = re.compile(r"^gender-plan/([0-9]+)$")
_TOML_POSITION = re.compile(r"\(at line (\d+), column \d+\)|\(at end of document\)")


def format_of(path: str | os.PathLike[str]) -> Format:
    """Tell a plan file's format from its suffix (.yaml, .yml, .json or .toml)."""
    suffix = Path(path).suffix.lower()
    try:
        return _SUFFIXES[suffix]
    except KeyError:
        raise FileFormatError(
            [
                Problem(
                    file=str(path),
                    message=msg("cannot tell the format of a plan file ending in {suffix!r}",
                                suffix=suffix),
                    hint=msg("name it .yaml, .yml, .json or .toml, or pass format="),
                )
            ]
        ) from None


def load_plan(path: str | os.PathLike[str], *, cache: PlanCache | None = None) -> Plan:
    """Read a plan from a YAML, JSON or TOML file (told apart by the suffix).

    With a `cache` (a `gender_plan.io.plan_cache.PlanCache`), a file whose exact content was
    loaded before comes back from the cache without being parsed again; any other is parsed,
    validated and then stored.

    Raises:
        FileFormatError: the file cannot be read (size, encoding, syntax, schema version).
        ValidationError: the plan breaks the model's rules; every problem has the file, the
            line where known, and the path inside the plan.
    """
    name = str(path)
    kind = format_of(path)
    data = read_bytes(path, limit=MAX_PLAN_BYTES)
    if cache is None:
        return plan_from_bytes(data, kind, name)
    key = cache.key(data, kind)
    plan = cache.get(key)
    if plan is None:
        plan = plan_from_bytes(data, kind, name)
        cache.put(key, plan)
    return plan


def plan_from_bytes(data: bytes, kind: Format, file: str | None) -> Plan:
    """Read a plan from the bytes of a file in format `kind` (`file` names it in problems)."""
    return _load(decode(data, file), kind, file, data)


def loads_plan(text: str, *, format: Format) -> Plan:
    """Read a plan from the text of a YAML, JSON or TOML file."""
    kind = _checked(format)
    if len(text) > MAX_PLAN_BYTES:
        raise FileFormatError([Problem(message=msg("the text has {count} characters, more "
                                                   "than the {most} a plan file may have",
                                                   count=NumberText(len(text)),
                                                   most=NumberText(MAX_PLAN_BYTES)),
                                       hint=BOUND_HINT)])
    check_text(text, None)
    return _load(text, kind, None)


def dumps_plan(plan: Plan, *, format: Format) -> str:
    """Write `plan` as the text of a YAML, JSON or TOML file (``schema`` first)."""
    kind = _checked(format)
    data = {"schema": SCHEMA, **unstructure(plan)}
    if kind == "yaml":
        return dump_yaml(data)
    if kind == "json":
        return dump_json(data)
    tomli_w = require("tomli_w", package="tomli-w", extra="toml", feature=msg("writing TOML"))
    text: str = tomli_w.dumps(data)
    return text


def save_plan(
    plan: Plan,
    path: str | os.PathLike[str],
    *,
    format: Format | None = None,
) -> None:
    """Write `plan` to `path` atomically, in `format` or the one its suffix names.

    The file is replaced in one step: if anything fails, the old file is left as it was.
    """
    kind = format_of(path) if format is None else _checked(format)
    write_bytes_atomic(path, dumps_plan(plan, format=kind).encode("utf-8"))


def _checked(format: str) -> Format:
    if format not in FORMATS:
        raise FileFormatError(
            [Problem(message=msg("unknown plan file format {format!r}", format=format),
                     hint=msg("use one of {formats}", formats=", ".join(FORMATS)))]
        )
    return format


def _load(text: str, kind: Format, file: str | None, data: bytes | None = None) -> Plan:
    # A valid YAML file is read without recording lines (see `_yaml_fast`); only a problem
    # needs them, and then the file is read again by the reader that records them. `data`:
    # the bytes `text` was decoded from, for libyaml.
    fast = load_yaml_data(text, checked=True, utf8=data) if kind == "yaml" else None
    data, locations = (fast[0], None) if fast is not None else _parse(text, kind, file)

    def lines() -> Locations:
        return locations if locations is not None else _parse(text, kind, file)[1]

    body = _without_schema(data, lines, file)
    try:
        return structure(body, Plan)
    except ValidationError as error:
        found = lines()
        raise ValidationError(
            [_with_hint(locate(problem, found, file)) for problem in error.problems],
            subject="plan",
        ) from None


def _parse(text: str, kind: Format, file: str | None) -> tuple[Any, Locations]:
    if kind == "yaml":
        return load_yaml(text, file)
    if kind == "json":
        return load_json(text, file)
    # TOML's reader is imported for TOML files only: the command line reads YAML mostly.
    import tomllib  # noqa: PLC0415

    from gender_plan.io._toml import check_nesting, toml_locations  # noqa: PLC0415

    try:
        check_nesting(text)
        data = tomllib.loads(text)
        return _plain(data, Budget(), 0, 0), toml_locations(text)
    except LimitError as error:
        raise error.problem(file) from None
    except tomllib.TOMLDecodeError as error:
        message = str(error)
        match = _TOML_POSITION.search(message)
        line = None
        if match is not None:
            line = int(match.group(1)) if match.group(1) else text.count("\n") + 1
            message = message[: match.start()].strip()
        raise FileFormatError(
            [Problem(file=file, line=line, message=msg("not valid TOML: {problem}",
                                                       problem=toml_problem(message.lower())))]
        ) from None


def _plain(value: Any, budget: Budget, depth: int, path_chars: int) -> Any:
    """Turn TOML's dates and times into the text they were written as, like YAML and JSON.

    The bounds of `_limits` are kept as for YAML and JSON (no line: `tomllib` keeps none).
    """
    budget.value(depth, None, path_chars)
    if isinstance(value, dict):
        Budget.items(len(value), None, mapping=True)
        for key in value:
            Budget.key(key, None)
        return {key: _plain(item, budget, depth + 1, path_chars + len(key) + 1)
                for key, item in value.items()}
    if isinstance(value, list):
        Budget.items(len(value), None)
        return [_plain(item, budget, depth + 1, path_chars + len(str(i)) + 2)
                for i, item in enumerate(value)]
    if isinstance(value, str):
        Budget.string(value, None)
    if isinstance(value, datetime.date | datetime.time):
        return value.isoformat()
    return value


def _without_schema(data: Any, lines: Callable[[], Locations], file: str | None
                    ) -> dict[str, Any]:
    """Check the ``schema`` key and return the rest of the document."""
    if not isinstance(data, dict):
        kind = _KINDS.get(type(data), type(data).__name__)
        raise FileFormatError(
            [
                Problem(
                    file=file,
                    line=1,
                    message=msg("a plan file holds a mapping of keys, found {kind}", kind=kind),
                    hint=msg("start the file with 'schema: {schema}' and the plan's keys",
                             schema=SCHEMA),
                )
            ]
        )
    body = dict(data)
    version = body.pop("schema", None)
    if version == SCHEMA:
        return body
    line = lines().get("schema", 1)
    if version is None:
        message = msg("the file does not say its schema")
        hint = msg("add 'schema: {schema}' at the top", schema=SCHEMA)
    else:
        match = _SCHEMA_TEXT.match(version) if isinstance(version, str) else None
        message = msg("unknown schema {version!r}; this version of gender-plan reads "
                      "{schema!r}", version=version, schema=SCHEMA)
        hint = (
            msg("the file was written by a newer gender-plan: upgrade it")
            if match is not None and int(match.group(1)) > 1
            else msg("write 'schema: {schema}'", schema=SCHEMA)
        )
    raise FileFormatError([Problem(file=file, line=line, path="schema", message=message,
                                   hint=hint)])


_KINDS = {type(None): msg("nothing"), list: msg("a list"), str: msg("a text"),
          int: msg("a number"), float: msg("a number"), bool: msg("true or false")}
"""What a document holds instead of a mapping, in words."""


def _with_hint(problem: Problem) -> Problem:
    """Add the usual fix for a code written as a bare number (``code: 2.1``)."""
    if problem.hint is None and re.match(r"expected a text, found -?[\d.]+$", problem.message):
        return attrs.evolve(problem,
                            hint=msg("put it in quotes ('2.1') so that it is read as text"))
    return problem
