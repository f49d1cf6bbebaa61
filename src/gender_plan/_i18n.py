"""Messages as data: an English template and its parameters, rendered late in a language.

A `Msg` is a `str` (its English text), so library users and tests that read an error's text keep
reading English; it also keeps its template and parameters, so the command line can render the
same message in Vietnamese from the catalogue ``locale/vi/LC_MESSAGES/gender_plan.po``. The
catalogue is compiled to ``gender_plan.mo`` beside it and both are committed (hatchling has no
compile step): ``tests/test_i18n.py`` fails when the ``.mo`` is out of date or a message of the
sources has no translation. Run ``python -m gender_plan._i18n`` after editing the ``.po``.

Why stdlib `gettext` at run time and Babel only to compile and check: the core stays small.
"""

from __future__ import annotations

import functools
import gettext
import os
import string
from collections.abc import Iterable, Mapping
from importlib import resources
from typing import Literal

__all__ = [
    "LANGUAGES",
    "Language",
    "ListText",
    "Msg",
    "NumberText",
    "QuantityText",
    "UnitText",
    "language_from_environment",
    "msg",
    "render",
    "translate",
]

Language = Literal["vi", "en"]
LANGUAGES: tuple[Language, ...] = ("vi", "en")
"""The languages messages are rendered in; Vietnamese first (the officers' language)."""
DOMAIN = "gender_plan"
_ENVIRONMENT = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")


class Msg(str):
    """A message: reads as its English text, and keeps its template and parameters.

    Parameters that are themselves `Msg` are rendered in the same language as the message.
    """

    template: str
    params: Mapping[str, object]

    def __new__(cls, template: str, /, **params: object) -> Msg:
        try:
            text = _format(template, params, "en")
        except (KeyError, IndexError):  # a template kept for later: parameters come then
            text = template
        self = super().__new__(cls, text)
        self.template = template
        self.params = params
        return self

    def __reduce__(self) -> tuple[object, ...]:
        return (_rebuild, (self.template, dict(self.params)))


def _rebuild(template: str, params: dict[str, object]) -> Msg:
    return Msg(template, **params)


def msg(template: str, /, **params: object) -> Msg:
    """A message from an English `template` (``str.format`` fields) and its parameters.

    Always call it with a literal template: the catalogue test extracts them from the sources.
    """
    return Msg(template, **params) if params else _fixed(template)


@functools.lru_cache(maxsize=4_096)
def _fixed(template: str) -> Msg:
    """A message without parameters, made once.

    The model's checks name their kinds with one (``msg("a localized text")``) whether or not a
    check fails: 400 times for each plan read.
    """
    return Msg(template)


@functools.cache
def _catalogue(language: Language) -> gettext.NullTranslations:
    if language == "en":
        return gettext.NullTranslations()
    path = resources.files("gender_plan").joinpath(
        "locale", language, "LC_MESSAGES", f"{DOMAIN}.mo"
    )
    with path.open("rb") as stream:
        return gettext.GNUTranslations(stream)


def fields(template: str) -> frozenset[str]:
    """The names of the fields a template formats (the catalogue test compares them)."""
    return frozenset(
        name.split(".")[0].split("[")[0]
        for _, name, _, _ in string.Formatter().parse(template)
        if name
    )


class UnitText(str):
    """A unit code in a message: ``percent`` in English, as a reader writes it elsewhere (``%``)."""

    def render_in(self, language: Language) -> str:
        """The unit's label in `language` (English keeps the code, as messages always had)."""
        if language == "en":
            return str.__str__(self)
        from gender_plan.numbers import unit_label  # noqa: PLC0415 - numbers imports us

        return unit_label(str.__str__(self), language)


class QuantityText(str):
    """A value with its unit in a message: ``148 percent`` in English, ``148%`` in Vietnamese."""

    value: float
    unit: str

    def __new__(cls, value: float, unit: str) -> QuantityText:
        self = super().__new__(cls, f"{format(value, 'g')} {unit}")
        self.value = value
        self.unit = unit
        return self

    def __reduce__(self) -> tuple[object, ...]:
        return (QuantityText, (self.value, self.unit))

    def render_in(self, language: Language) -> str:
        """The quantity as reports write it in `language` (English keeps the message's form)."""
        if language == "en":
            return str.__str__(self)
        from gender_plan.numbers import format_quantity  # noqa: PLC0415

        return format_quantity(self.value, self.unit, language, decimals=6)


class NumberText(str):
    """A whole number in a message: ``16,777,216`` in English, ``16.777.216`` in Vietnamese.

    A comma between thousands reads as a decimal comma to a Vietnamese reader.
    """

    value: int

    def __new__(cls, value: int) -> NumberText:
        self = super().__new__(cls, format(value, ","))
        self.value = value
        return self

    def __reduce__(self) -> tuple[object, ...]:
        return (NumberText, (self.value,))

    def render_in(self, language: Language) -> str:
        """The number with the group separator of `language`."""
        if language == "en":
            return str.__str__(self)
        return format(self.value, ",").replace(",", ".")


class ListText(str):
    """Parts joined by a separator, each rendered in the message's language (a list of problems).

    Reads as the parts' English texts joined, as ``separator.join(parts)`` would.
    """

    separator: str
    parts: tuple[object, ...]

    def __new__(cls, separator: str, parts: Iterable[object]) -> ListText:
        items = tuple(parts)
        self = super().__new__(cls, _value(separator, "en").join(_value(p, "en") for p in items))
        self.separator = separator
        self.parts = items
        return self

    def __reduce__(self) -> tuple[object, ...]:
        return (ListText, (self.separator, self.parts))

    def render_in(self, language: Language) -> str:
        """Each part in `language`, joined (a `Msg` separator in `language` too)."""
        return _value(self.separator, language).join(_value(p, language) for p in self.parts)


_RENDERED = (UnitText, QuantityText, NumberText, ListText)
"""The texts in a message that render themselves in the message's language."""


def _value(value: object, language: Language) -> str:
    """A parameter (or a part of a `ListText`) as `language` writes it."""
    if isinstance(value, Msg):
        return render(value, language)
    if isinstance(value, _RENDERED):
        return value.render_in(language)
    return str(value)


def _format(template: str, params: Mapping[str, object], language: Language) -> str:
    rendered = {
        k: _value(v, language) if isinstance(v, (Msg, *_RENDERED)) else v
        for k, v in params.items()
    }
    return template.format(**rendered)


def render(text: object, language: Language = "en") -> str:
    """`text` in `language`: a `Msg` through the catalogue, anything else as ``str(text)``.

    A template the catalogue lacks stays English (the catalogue test keeps that from shipping).
    """
    if isinstance(text, _RENDERED):
        return text.render_in(language)
    if not isinstance(text, Msg):
        return str(text)
    if language == "en":
        return str.__str__(text)
    return _format(translate(text.template, language), text.params, language)


def translate(template: str, language: Language) -> str:
    """`template` as the catalogue of `language` writes it, its fields not yet filled in."""
    return template if language == "en" else _catalogue(language).gettext(template)


def language_from_environment(environ: Mapping[str, str] | None = None) -> Language:
    """The language the locale asks for (LANGUAGE, LC_ALL, LC_MESSAGES, LANG), else Vietnamese.

    The first variable that names a language we have decides; ``C`` or ``POSIX`` name none.
    """
    environ = os.environ if environ is None else environ
    for name in _ENVIRONMENT:
        for part in environ.get(name, "").split(":"):
            code = part.strip().lower()[:2]
            if code in LANGUAGES:
                return code
    return "vi"


def extract_messages() -> dict[str, tuple[str, int]]:
    """Every literal template of a `msg` call in the package's sources, with its first place.

    Needs Babel (the ``test`` extra): this is the maintainers' and the catalogue test's tool.
    """
    from pathlib import Path  # noqa: PLC0415

    from babel.messages.extract import extract_from_dir  # noqa: PLC0415

    root = Path(__file__).parent
    found: dict[str, tuple[str, int]] = {}
    for filename, line, message, _comments, _context in extract_from_dir(
        str(root), method_map=[("**.py", "python")], keywords={"msg": None},
        comment_tags=(), strip_comment_tags=True,
    ):
        if isinstance(message, str):
            found.setdefault(message, (filename, line))
    return found


def update_catalogues(root: str | None = None) -> list[str]:
    """Add the sources' new templates to every ``.po`` (empty, to translate), drop gone ones.

    `root` is the ``locale`` folder (default: the package's own).
    """
    from pathlib import Path  # noqa: PLC0415

    from babel.messages.catalog import Catalog  # noqa: PLC0415
    from babel.messages.pofile import read_po, write_po  # noqa: PLC0415

    templates = extract_messages()
    written = []
    for language in LANGUAGES[:-1]:
        locale = Path(__file__).parent / "locale" if root is None else Path(root)
        po = locale / language / "LC_MESSAGES" / f"{DOMAIN}.po"
        old = Catalog(locale=language, domain=DOMAIN)
        if po.exists():
            with po.open("rb") as stream:
                old = read_po(stream)
        new = Catalog(locale=language, domain=DOMAIN, project="gender-plan",
                      copyright_holder="gender_plan developers", charset="utf-8", fuzzy=False,
                      creation_date=old.creation_date, revision_date=old.revision_date,
                      last_translator="gender_plan developers",
                      language_team="gender_plan developers",
                      msgid_bugs_address="https://github.com/gender-plan/gender-plan/issues")
        for template, (filename, line) in sorted(templates.items(), key=lambda t: t[1]):
            previous = old.get(template)
            new.add(template, previous.string if previous is not None else "",
                    locations=[(f"gender_plan/{filename}", line)])
        po.parent.mkdir(parents=True, exist_ok=True)
        with po.open("wb") as stream:
            write_po(stream, new, width=100, omit_header=False, sort_output=False)
        written.append(str(po))
    return written


def compile_catalogues(root: str | None = None) -> list[str]:
    """Compile every ``.po`` of `root` (default: the package's locale) to its ``.mo``."""
    from pathlib import Path  # noqa: PLC0415

    from babel.messages.mofile import write_mo  # noqa: PLC0415
    from babel.messages.pofile import read_po  # noqa: PLC0415

    written = []
    locale = Path(__file__).parent / "locale" if root is None else Path(root)
    for po in sorted(locale.glob(f"*/LC_MESSAGES/{DOMAIN}.po")):
        with po.open("rb") as stream:
            catalogue = read_po(stream)
        with po.with_suffix(".mo").open("wb") as stream:
            write_mo(stream, catalogue)
        written.append(str(po.with_suffix(".mo")))
    return written


if __name__ == "__main__":  # pragma: no cover - the maintainers' step after editing messages
    for written_path in [*update_catalogues(), *compile_catalogues()]:
        print(written_path)
