"""The library's own unit registry, and helpers that work on units written as text.

Plans and measurements carry their unit as text (``"percent"``, ``"deaths / 100000 live_births"``).
The text is read by one pint registry that the library builds from its own definitions file
(``units.txt`` beside this module), never pint's application registry, so that nothing here
depends on, or changes, global state. Quantities never leave this module: values travel as plain
floats together with their unit text, and are converted here.
"""

from __future__ import annotations

import functools
import math
import re
from importlib import resources
from typing import TYPE_CHECKING, Any

from gender_plan._i18n import NumberText, msg
from gender_plan.errors import IncompatibleUnitsError, UnitError

if TYPE_CHECKING:
    import pint

__all__ = [
    "KNOWN_UNITS",
    "YES_NO",
    "conversion_factor",
    "convert",
    "describe_dimension",
    "is_compatible",
    "is_yes_no",
    "registry",
    "validate_unit",
]

YES_NO = "yes_no"
"""The unit text of an indicator whose value is a yes/no fact, not a quantity."""

_KNOWN: dict[str, tuple[int, int, str]] = {
    "percent": (1, 100, "dimensionless"),
    "fraction": (1, 1, "dimensionless"),
    "times": (1, 1, "dimensionless"),
    "boys / 100 girls": (1, 100, "[boy] / [girl]"),
    "deaths / 100000 live_births": (1, 100_000, "[death] / [live_birth]"),
    "births / 1000 women": (1, 1000, "[live_birth] / [woman]"),
    "hours / week": (1, 168, "dimensionless"),
    "items / month": (1, 2_629_800, "[item] / [time]"),  # a month is 365.25 / 12 days
    "items / quarter": (1, 7_889_400, "[item] / [time]"),
    "items / year": (1, 31_557_600, "[item] / [time]"),
    "items": (1, 1, "[item]"),
    "people": (1, 1, "[person]"),
    "organisations": (1, 1, "[organisation]"),
}
"""How the registry reads each of `KNOWN_UNITS` (but yes_no, which has no magnitude): one of
it in base units, as a fraction (numerator, denominator), and its dimension.

So that a plan in them is checked, and its values converted, without importing pint (a third
of a command's start); pint reads every other unit. A conversion between two of them is their
ratio, correctly rounded. ``tests/test_units.py`` checks each entry, and each conversion between
them, against the registry."""

KNOWN_UNITS: tuple[str, ...] = (*_KNOWN, YES_NO)
"""Unit texts that plans commonly use; any expression over the registry's units works too."""

_NUMBER_ONLY = re.compile(r"^[\s\d.eE+*()-]*$")
MAX_UNIT_CHARS = 100
"""The longest unit text read ('deaths / 100000 live_births' is 27 characters)."""
_POWER = re.compile(r"\*\*|\^")
_SMALL_POWER = re.compile(r"(?:\*\*|\^)\s*[-+]?[0-9]{1,2}(?![0-9.eE])")
_PER = re.compile(r"\bper\b", re.IGNORECASE)


@functools.cache
def registry() -> pint.UnitRegistry[Any]:
    """Return the library's unit registry, built once from ``units.txt`` on first use.

    Downstream code that wants pint quantities must use this registry: quantities from two
    registries do not mix.
    """
    import pint  # noqa: PLC0415 - pint is imported on first use to keep `import gender_plan` fast

    definitions = resources.files("gender_plan").joinpath("units.txt")
    with resources.as_file(definitions) as path:
        return pint.UnitRegistry(str(path), autoconvert_offset_to_baseunit=False, cache_folder=None)


def _normalise(text: str) -> str:
    """Make 'a / b c' mean a / (b c), as unit notation does, instead of pint's (a / b) c."""
    stripped = text.strip()
    if "(" in stripped or ")" in stripped:
        return stripped
    parts = stripped.split("/")
    if len(parts) > 2:
        raise UnitError(text, msg("more than one '/': group the denominator with parentheses"))
    if len(parts) == 2:
        return f"({parts[0].strip()}) / ({parts[1].strip()})"
    return stripped


def _dimension(text: str) -> str:
    """What unit text measures, as the registry writes it (raises `UnitError` if unreadable)."""
    known = _KNOWN.get(text) if isinstance(text, str) else None
    return known[2] if known is not None else _parse(text)[2]


@functools.cache
def _parse(text: str) -> tuple[float, Any, str]:
    """Read unit text with the registry into (scale, unit container, readable dimension)."""
    import pint  # noqa: PLC0415

    if not isinstance(text, str) or not text.strip():
        raise UnitError(str(text), msg("a unit must be a non-empty text"))
    if text == YES_NO:
        raise UnitError(text, msg("'yes_no' marks a yes/no indicator and has no magnitude"))
    if _NUMBER_ONLY.match(text):
        raise UnitError(text, msg("a unit must name at least one unit, e.g. 'percent' or "
                                    "'items'"))
    _check_shape(text)
    ureg = registry()
    try:
        quantity = ureg.parse_expression(_normalise(text))
    except UnitError:
        raise
    except pint.errors.UndefinedUnitError as error:
        names = ", ".join(repr(name) for name in error.unit_names)
        raise UnitError(text, msg("{names} is not a unit the library knows",
                                    names=names)) from None
    except Exception as error:
        raise UnitError(text, msg("it cannot be read ({kind})",
                                    kind=type(error).__name__)) from None
    if not isinstance(quantity, ureg.Quantity):
        raise UnitError(text, msg("a unit must name at least one unit, e.g. 'percent' or "
                                    "'items'"))
    scale = float(quantity.magnitude)
    if not math.isfinite(scale) or scale <= 0:
        raise UnitError(text, msg("its scale must be a positive number"))
    dimension = str(quantity.dimensionality)
    return scale, quantity.units, dimension


def _check_shape(text: str) -> None:
    """Refuse, before pint evaluates it, a unit text that is long, misread or costly.

    pint evaluates powers as Python does, so ``10 ** 10 ** 10`` would compute a number of ten
    billion digits; and it reads ``boys per 100 girls`` as boys × girls.
    """
    if len(text) > MAX_UNIT_CHARS:
        raise UnitError(text[:40] + "…", msg("a unit text of {count} characters, more than "
                                             "the {most} accepted",
                                             count=NumberText(len(text)), most=MAX_UNIT_CHARS))
    if _PER.search(text):
        raise UnitError(text, msg("the word 'per' is not read as a division: write {unit!r}",
                                  unit=_PER.sub("/", text)))
    powers = len(_POWER.findall(text))
    if powers > 1 or powers != len(_SMALL_POWER.findall(text)):
        raise UnitError(text, msg("a unit may have one power, of a whole number under 100 "
                                  "('items ** 2')"))


def is_yes_no(unit: str) -> bool:
    """Tell whether `unit` marks a yes/no indicator."""
    return unit == YES_NO


def validate_unit(unit: str) -> str:
    """Return `unit` unchanged if the registry can read it (or it is ``"yes_no"``), else raise."""
    if not is_yes_no(unit):
        _dimension(unit)
    return unit


def describe_dimension(unit: str) -> str:
    """Return what `unit` measures, as pint writes it (``'[death] / [live_birth]'``)."""
    if is_yes_no(unit):
        return "yes/no"
    dimension = _dimension(unit)
    return "a pure number" if dimension == "dimensionless" else dimension


def is_compatible(unit: str, other: str) -> bool:
    """Tell whether values in `unit` can be converted to `other` (same kind of quantity)."""
    if is_yes_no(unit) or is_yes_no(other):
        return unit == other
    return _dimension(unit) == _dimension(other)


@functools.cache
def conversion_factor(unit: str, other: str) -> float:
    """Return the number that turns a value in `unit` into one in `other`.

    Raises:
        UnitError: if either text is not a unit.
        IncompatibleUnitsError: if they measure different kinds of quantity.
    """
    if unit == other:
        validate_unit(unit)
        return 1.0
    if is_yes_no(unit) or is_yes_no(other) or _dimension(unit) != _dimension(other):
        raise IncompatibleUnitsError(
            unit, other, describe_dimension(unit), describe_dimension(other)
        )
    if unit in _KNOWN and other in _KNOWN:  # (a / b) / (c / d), as one division of integers
        (a, b, _), (c, d, _) = _KNOWN[unit], _KNOWN[other]
        return (a * d) / (b * c)
    return _registry_factor(unit, other)


def _registry_factor(unit: str, other: str) -> float:
    """The number that turns a value in `unit` into one in `other`, as the registry says."""
    scale, container, _ = _parse(unit)
    other_scale, other_container, _ = _parse(other)
    base = registry().Quantity(scale, container).to(other_container).magnitude
    return float(base) / other_scale


def convert(value: float, unit: str, other: str) -> float:
    """Convert `value` from `unit` to `other` (e.g. 0.6 ``fraction`` to 60 ``percent``)."""
    if unit == other:
        return value
    return value * conversion_factor(unit, other)
