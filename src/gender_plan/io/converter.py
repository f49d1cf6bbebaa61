"""The one cattrs converter that turns plan objects into plain data and back.

Plain data is what JSON, YAML and TOML hold: dicts, lists, strings, numbers, booleans. The
converter is strict: it never coerces (no ``"60"`` into 60, no 1 into True), refuses unknown
keys, and reports every problem of a document at once, each with its path inside the plan.
"""

from __future__ import annotations

import datetime
import difflib
import enum
import math
import types
import typing
from typing import Any, TypeVar

import attrs
import cattrs
from cattrs.errors import (
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
)
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn

from gender_plan import model
from gender_plan._i18n import msg
from gender_plan.errors import GenderPlanError, Problem, ValidationError
from gender_plan.io._typed import (
    COMPARATOR_SIGNS,
    DayMonthYearError,
    day_month_year,
    number_text_hint,
    yes_no,
)
from gender_plan.model import (
    Comparator,
    DayOfYear,
    LocalizedText,
    PartialDate,
    Period,
)

__all__ = ["make_converter", "structure", "unstructure"]

T = TypeVar("T")


class _MismatchError(GenderPlanError, TypeError):
    """A value of the wrong type inside a document (raised inside hooks, reported as a Problem)."""

    def __init__(self, message: str, hint: str | None = None) -> None:
        super().__init__(message)
        self.hint = hint


def _strict_str(value: object, _: type) -> str:
    if not isinstance(value, str):
        raise _MismatchError(msg("expected a text, found {value!r}", value=value))
    return value


def _strict_int(value: object, _: type) -> int:
    if not isinstance(value, int) or isinstance(value, bool):
        raise _MismatchError(msg("expected a whole number, found {value!r}", value=value),
                             number_text_hint(value) if isinstance(value, str) else None)
    return value


def _strict_float(value: object, _: type) -> float:
    if not isinstance(value, int | float) or isinstance(value, bool):
        raise _MismatchError(msg("expected a number, found {value!r}", value=value),
                             number_text_hint(value) if isinstance(value, str) else None)
    if not math.isfinite(value):
        raise _MismatchError(msg("expected a finite number, found {value!r}", value=value))
    return value


def _strict_bool(value: object, _: type) -> bool:
    if isinstance(value, str) and yes_no(value) is not None:
        return bool(yes_no(value))  # "Có", "Không", "Đạt", "Không đạt" as officers write them
    if not isinstance(value, bool):
        raise _MismatchError(msg("expected true or false (Có or Không), found {value!r}",
                                 value=value))
    return value


def _number_or_bool(value: object, _: type) -> float | bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and yes_no(value) is not None:
        return bool(yes_no(value))
    return _strict_float(value, float)


_TEXT_KEYS = frozenset(("vi", "en"))


def _text(value: object, _: type) -> LocalizedText:
    # A plan holds 160 texts: the usual case (a dict of str) is checked without building sets.
    if isinstance(value, str):
        return LocalizedText(vi=value)
    if isinstance(value, dict):
        if not _TEXT_KEYS.issuperset(value):
            raise ForbiddenExtraKeysError("", LocalizedText, set(value) - _TEXT_KEYS)
        if "vi" not in value:
            raise _MismatchError(msg("a text needs its Vietnamese 'vi' (and optionally 'en')"))
        vi, en = value["vi"], value.get("en")
        return LocalizedText(
            vi=vi if type(vi) is str else _strict_str(vi, str),
            en=en if en is None or type(en) is str else _strict_str(en, str),
        )
    raise _MismatchError(msg("expected a text or {{vi: ..., en: ...}}, found {value!r}",
                             value=value))


def _from_text(parse: Any) -> Any:
    def hook(value: object, _: type) -> Any:
        if isinstance(value, int) and not isinstance(value, bool):
            value = str(value)  # YAML reads a bare 2025 as a number
        if not isinstance(value, str):
            raise _MismatchError(msg("expected a text such as '2025' or '2025-07', found "
                                     "{value!r}", value=value))
        return parse(_iso(value))

    return hook


def _day_of_year(value: object, _: type) -> DayOfYear:
    text = _strict_str(value, str)
    month, _sep, day = text.partition("-")
    if not (month.isascii() and month.isdigit() and day.isascii() and day.isdigit()):
        raise _MismatchError(msg("expected a day of the year as MM-DD (11-25), found {value!r}",
                                 value=value))
    return DayOfYear(month=int(month), day=int(day))


def _iso(text: str) -> str:
    """A date typed day/month/year (13/06/2026) as ISO text; others unchanged."""
    try:
        iso = day_month_year(text)
    except DayMonthYearError as error:
        raise _MismatchError(
            msg("{text!r} could be day/month or month/day", text=error.text),
            msg("write the date as year-month-day: {iso} if it is day/month/year", iso=error.iso),
        ) from None
    return text if iso is None else iso


def _enum(value: object, cls: type[enum.Enum]) -> enum.Enum:
    if cls is Comparator and isinstance(value, str):
        value = COMPARATOR_SIGNS.get(value.strip(), value.strip())  # ≥ as the report prints it
    try:
        return cls(value)
    except ValueError:
        allowed = [str(member.value) for member in cls]
        close = difflib.get_close_matches(str(value), allowed, n=1)
        choices = ", ".join(map(repr, allowed))
        raise _MismatchError(
            msg("expected one of {allowed}, found {value!r}; did you mean {close!r}?",
                allowed=choices, value=value, close=close[0]) if close else
            msg("expected one of {allowed}, found {value!r}", allowed=choices, value=value)
        ) from None


def _date(value: object, _: type) -> datetime.date:
    if isinstance(value, datetime.date) and not isinstance(value, datetime.datetime):
        return value  # YAML and TOML read ISO dates themselves
    try:
        return datetime.date.fromisoformat(_iso(_strict_str(value, str)))
    except ValueError:
        raise _MismatchError(msg("expected a date as YYYY-MM-DD, found {value!r}",
                                 value=value)) from None


def _model_enums() -> list[type[enum.Enum]]:
    return [value for value in vars(model).values()
            if isinstance(value, type) and issubclass(value, enum.Enum)]


def make_converter() -> cattrs.Converter:
    """Build a new converter for plan objects (no shared state: build one per use if you like).

    Every model class goes to a dict of its fields, omitting those left at their default;
    enums go to their values, periods and dates to ISO-like text (``2025-Q3``, ``2026-05``),
    days of the year to ``MM-DD``.
    """
    converter = cattrs.Converter(forbid_extra_keys=True, detailed_validation=True)
    converter.register_structure_hook(str, _strict_str)
    converter.register_structure_hook(int, _strict_int)
    converter.register_structure_hook(float, _strict_float)
    converter.register_structure_hook(bool, _strict_bool)
    converter.register_structure_hook(float | bool, _number_or_bool)
    converter.register_structure_hook(LocalizedText, _text)
    converter.register_unstructure_hook(
        LocalizedText,
        lambda text: {"vi": text.vi} if text.en is None else {"vi": text.vi, "en": text.en},
    )
    converter.register_structure_hook(Period, _from_text(Period.parse))
    converter.register_unstructure_hook(Period, str)
    converter.register_structure_hook(PartialDate, _from_text(PartialDate.parse))
    converter.register_unstructure_hook(PartialDate, str)
    converter.register_structure_hook(DayOfYear, _day_of_year)
    converter.register_unstructure_hook(DayOfYear, lambda d: f"{d.month:02d}-{d.day:02d}")
    converter.register_structure_hook_func(
        lambda cls: isinstance(cls, type) and issubclass(cls, enum.Enum), _enum
    )
    # The model's enums by name as well: cattrs before 26.1 gives its own enum hook precedence
    # over a predicate hook, and would lose the allowed values and the "did you mean" hint.
    for enum_class in _model_enums():
        converter.register_structure_hook(enum_class, _enum)
    converter.register_structure_hook(datetime.date, _date)
    converter.register_unstructure_hook(datetime.date, lambda d: d.isoformat())

    def structure_factory(cls: type) -> Any:
        return make_dict_structure_fn(cls, converter, _cattrs_forbid_extra_keys=True)

    def unstructure_factory(cls: type) -> Any:
        return make_dict_unstructure_fn(cls, converter, _cattrs_omit_if_default=True)

    _quick_tuples_and_options(converter)
    excluded = (LocalizedText, Period, PartialDate, DayOfYear)
    converter.register_structure_hook_factory(
        lambda cls: attrs.has(cls) and cls not in excluded, structure_factory
    )
    converter.register_unstructure_hook_factory(
        lambda cls: attrs.has(cls) and cls not in excluded, unstructure_factory
    )
    return converter


def _quick_tuples_and_options(converter: cattrs.Converter) -> None:
    """Hooks for ``tuple[X, ...]`` and ``X | None`` with their item's hook looked up once.

    cattrs' own look the item's hook up at every call (a plan has 300 tuples and options). A
    list whose items all structure becomes the tuple at once; anything else, or an item that
    fails, goes to cattrs' own hook, which gives the usual problems with their paths.
    """

    def homogeneous(cls: Any) -> bool:
        arguments = typing.get_args(cls)
        return (typing.get_origin(cls) is tuple and len(arguments) == 2
                and arguments[1] is Ellipsis and arguments[0] is not Any)

    def tuple_hook(cls: Any) -> Any:
        item = typing.get_args(cls)[0]
        convert = converter.get_structure_hook(item)
        general = converter._structure_tuple  # cattrs' own, for the problems

        def structure(value: Any, _: Any) -> Any:
            if type(value) is list:
                try:
                    return tuple([convert(element, item) for element in value])
                except Exception:  # cattrs' own hook below words every problem
                    pass
            return general(value, cls)

        return structure

    def optional(cls: Any) -> bool:
        arguments = typing.get_args(cls)
        return (typing.get_origin(cls) in (typing.Union, types.UnionType)
                and len(arguments) == 2 and type(None) in arguments)

    def optional_hook(cls: Any) -> Any:
        other = next(argument for argument in typing.get_args(cls) if argument is not type(None))
        convert = converter.get_structure_hook(other)
        return lambda value, _: None if value is None else convert(value, other)

    if hasattr(converter, "_structure_tuple"):  # cattrs' own tuple hook, since cattrs 1.0
        converter.register_structure_hook_factory(homogeneous, tuple_hook)
    converter.register_structure_hook_factory(optional, optional_hook)


_CONVERTER = make_converter()


def unstructure(obj: object) -> Any:
    """Turn a plan object (or a list of them) into plain data."""
    return _CONVERTER.unstructure(obj)


def structure(data: object, cls: type[T], *, converter: cattrs.Converter | None = None) -> T:
    """Build a `cls` from plain data, or raise one `ValidationError` listing every problem.

    Each problem's path points inside the document (``goals[2].indicators[0].unit``).
    """
    try:
        return (converter or _CONVERTER).structure(data, cls)
    except Exception as error:
        problems = list(_problems(error, ""))
        if not problems:  # pragma: no cover - every branch of _problems yields
            raise
        raise ValidationError(problems, subject=getattr(cls, "__name__", "document")) from None


def _join(path: str, part: str | int) -> str:
    if isinstance(part, int):
        return f"{path}[{part}]"
    return f"{path}.{part}" if path else part


def _problems(error: BaseException, path: str) -> list[Problem]:
    """Flatten cattrs' exception groups and our own errors into problems with paths."""
    if isinstance(error, ClassValidationError | IterableValidationError):
        found: list[Problem] = []
        for inner in error.exceptions:
            where = path
            for note in getattr(inner, "__notes__", ()):
                name = getattr(note, "name", None)
                index = getattr(note, "index", None)
                if name is not None:
                    where = _join(path, name)
                elif index is not None:
                    where = _join(path, index)
            found.extend(_problems(inner, where))
        return found
    if isinstance(error, ValidationError):
        return [p.prefixed(path) for p in error.problems]
    if isinstance(error, ForbiddenExtraKeysError):
        known = [a.name for a in attrs.fields(error.cl)] if attrs.has(error.cl) else ["vi", "en"]
        problems = []
        for key in sorted(error.extra_fields):
            close = difflib.get_close_matches(key, known, n=1)
            problems.append(
                Problem(
                    path=_join(path, key),
                    message=msg("unknown key {key!r}", key=key),
                    hint=msg("did you mean {close!r}?", close=close[0])
                    if close
                    else msg("known keys: {known}", known=", ".join(known)),
                )
            )
        return problems
    if isinstance(error, KeyError) and not isinstance(error, GenderPlanError):
        key = str(error.args[0])
        where = path if path.rsplit(".", maxsplit=1)[-1] == key else _join(path, key)
        return [Problem(path=where, message=msg("required key {key!r} is missing", key=key))]
    if isinstance(error, _MismatchError):
        return [Problem(path=path, message=error.describe(), hint=error.hint)]
    message = error.describe() if isinstance(error, GenderPlanError) else _describe(error)
    return [Problem(path=path, message=message)]


def _describe(error: BaseException) -> str:
    if isinstance(error, TypeError | AttributeError):
        return msg("found a value of the wrong kind: a list or a mapping was expected ({error})",
                   error=str(error))
    return msg("cannot be read: {error}", error=str(error))
