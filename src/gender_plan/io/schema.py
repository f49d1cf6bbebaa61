"""The JSON Schema (draft 2020-12) of plan files, generated from the model's attrs classes.

Editors that know JSON Schema (VS Code with the YAML extension, JetBrains IDEs) complete keys and
flag mistakes as people type. The schema says what the converter accepts; the model's own rules
across fields (unique codes, targets in the plan's years) are checked on loading.
"""

from __future__ import annotations

import ast
import enum
import functools
import inspect
import itertools
import textwrap
import types
import typing
from typing import Any

import attrs

from gender_plan.io.plan_files import SCHEMA
from gender_plan.model import DayOfYear, LocalizedText, PartialDate, Period, Plan
from gender_plan.model.share import CONDITION_COMPARATORS

__all__ = ["plan_schema"]

_ID = "https://gender-plan.readthedocs.io/schema/gender-plan-1.json"
_NUMBER = {"type": "number"}
_SPECIAL: dict[Any, dict[str, Any]] = {
    str: {"type": "string"},
    int: {"type": "integer"},
    float: _NUMBER,
    bool: {"type": "boolean"},
    LocalizedText: {"$ref": "#/$defs/LocalizedText"},
    Period: {
        "description": "A year, quarter, month or day: 2025, 2025-Q3, 2025-07, 2025-07-14.",
        "anyOf": [
            {"type": "integer"},
            {"type": "string", "pattern": r"^\d{4}(-Q[1-4]|-\d{2}(-\d{2})?)?$"},
        ],
    },
    PartialDate: {
        "description": "A date whose month or day may be unknown: 2026, 2026-05, 2026-05-07.",
        "anyOf": [
            {"type": "integer"},
            {"type": "string", "pattern": r"^\d{4}(-\d{2}(-\d{2})?)?$"},
        ],
    },
    DayOfYear: {
        "description": "A day that comes back every year, as MM-DD (11-25).",
        "type": "string",
        "pattern": r"^\d{2}-\d{2}$",
    },
}
_LOCALIZED_TEXT = {
    "description": "A text in Vietnamese, or {vi: ..., en: ...} with an English translation.",
    "anyOf": [
        {"type": "string", "minLength": 1},
        {
            "type": "object",
            "properties": {"vi": {"type": "string", "minLength": 1},
                           "en": {"type": "string", "minLength": 1}},
            "required": ["vi"],
            "additionalProperties": False,
        },
    ],
}


@functools.cache
def _plan_schema() -> dict[str, Any]:
    definitions: dict[str, Any] = {"LocalizedText": _LOCALIZED_TEXT}
    plan = _object(Plan, definitions)
    plan["properties"] = {
        "schema": {"const": SCHEMA, "description": "The version of the file format."},
        **plan["properties"],
    }
    plan["required"] = ["schema", *plan["required"]]
    # A condition on the places below compares with one value: no band (the model refuses it).
    definitions["ShareOfPlaces"]["properties"]["comparator"]["enum"] = [
        comparator.value for comparator in CONDITION_COMPARATORS]
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": _ID,
        "title": "gender-plan plan file",
        **plan,
        "$defs": dict(sorted(definitions.items())),
    }


def plan_schema() -> dict[str, Any]:
    """Return the JSON Schema of plan files (a new dict each call: callers may change it)."""
    return typing.cast(dict[str, Any], _copy(_plan_schema()))


def _copy(value: Any) -> Any:
    if isinstance(value, dict):
        return {key: _copy(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_copy(item) for item in value]
    return value


def _object(cls: type, definitions: dict[str, Any]) -> dict[str, Any]:
    hints = typing.get_type_hints(cls)
    notes = _attribute_docs(cls)
    properties: dict[str, Any] = {}
    required: list[str] = []
    for field in attrs.fields(cls):
        schema = dict(_type(hints[field.name], definitions))
        if field.name in notes:
            schema["description"] = notes[field.name]
        default = field.default
        if default is attrs.NOTHING:
            required.append(field.name)
        elif isinstance(default, enum.Enum):
            schema["default"] = default.value
        elif isinstance(default, bool | int | float | str):
            schema["default"] = default
        properties[field.name] = schema
    return {
        "description": inspect.cleandoc(cls.__doc__ or "").split("\n\n")[0],
        "type": "object",
        "properties": properties,
        "required": required,
        "additionalProperties": False,
    }


def _type(hint: Any, definitions: dict[str, Any]) -> dict[str, Any]:
    if hint in _SPECIAL:
        return _SPECIAL[hint]
    origin = typing.get_origin(hint)
    arguments = typing.get_args(hint)
    if origin in (types.UnionType, typing.Union):
        options = [a for a in arguments if a is not type(None)]
        if set(options) == {float, bool}:
            inner: dict[str, Any] = {"type": ["number", "boolean"]}
        else:
            (only,) = options
            inner = _type(only, definitions)
        return {"anyOf": [inner, {"type": "null"}]} if type(None) in arguments else inner
    if origin is tuple:
        return {"type": "array", "items": _type(arguments[0], definitions)}
    if isinstance(hint, type) and issubclass(hint, enum.Enum):
        return {"enum": [member.value for member in hint]}
    if attrs.has(hint):
        name = hint.__name__
        if name not in definitions:
            definitions[name] = {}  # a placeholder while the class is being described
            definitions[name] = _object(hint, definitions)
        return {"$ref": f"#/$defs/{name}"}
    raise TypeError(f"no JSON Schema for {hint!r}")  # pragma: no cover - a new model type


def _attribute_docs(cls: type) -> dict[str, str]:
    """Read the attribute docstrings (a string right below a field) from the class's source."""
    try:
        tree = ast.parse(textwrap.dedent(inspect.getsource(cls)))
    except (OSError, TypeError):  # pragma: no cover - source not shipped
        return {}
    body = tree.body[0].body if isinstance(tree.body[0], ast.ClassDef) else []
    notes: dict[str, str] = {}
    for node, after in itertools.pairwise(body):
        if (
            isinstance(node, ast.AnnAssign)
            and isinstance(node.target, ast.Name)
            and isinstance(after, ast.Expr)
            and isinstance(after.value, ast.Constant)
            and isinstance(after.value.value, str)
        ):
            notes[node.target.id] = " ".join(inspect.cleandoc(after.value.value).split())
    return notes
