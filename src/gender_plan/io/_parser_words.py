"""The problems PyYAML, the JSON decoder, `tomllib` and `csv` name, as messages of the catalogue.

The parsers word their errors in English, in a small fixed set of sentences. Each sentence met
in practice is matched here and made a `msg`, so that the command line can print it in
Vietnamese; in English it reads as the parser wrote it, except PyYAML's names of the parts of a
document (``<block end>``), which are said in words. A sentence not listed (a parser's new
wording) stays as the parser wrote it.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from gender_plan._i18n import Msg, msg

__all__ = ["csv_problem", "json_problem", "toml_problem", "yaml_problem"]

_Words = tuple[re.Pattern[str], Callable[[re.Match[str]], Msg]]

_TOKENS: dict[str, Msg] = {
    "<block end>": msg("the end of an indented block"),
    "'<block end>'": msg("the end of an indented block"),
    "'<block mapping start>'": msg("the start of a mapping"),
    "'<block sequence start>'": msg("the start of a list"),
    "'<scalar>'": msg("a value"),
    "'<stream end>'": msg("the end of the file"),
    "'<document start>'": msg("a line '---'"),
    "'<alias>'": msg("an alias (*name)"),
    "'<anchor>'": msg("an anchor (&name)"),
    "'<tag>'": msg("a tag (!name)"),
}
"""The names PyYAML gives the parts of a document, as a reader would name them."""


def _token(text: str) -> str:
    return _TOKENS.get(text, text)


_YAML_SENTENCES = (
    msg("mapping values are not allowed here"),
    msg("could not find expected ':'"),
    msg("found unexpected end of stream"),
    msg("found unexpected ':'"),
    msg("second occurrence"),
    msg("but found another document"),
    msg("sequence entries are not allowed here"),
    msg("mapping keys are not allowed here"),
    msg("found a tab character that violates indentation"),
    msg("found a tab character where an indentation space is expected"),
    msg("found unexpected document separator"),
)
_YAML: tuple[_Words, ...] = (
    (re.compile(r"found character (?P<char>.+) that cannot start any token"),
     lambda m: msg("found character {char} that cannot start any token", char=m["char"])),
    (re.compile(r"expected (?P<expected><block end>|'<document start>'), but found (?P<found>.+)"),
     lambda m: msg("expected {expected}, but found {found}", expected=_token(m["expected"]),
                   found=_token(m["found"]))),
    (re.compile(r"expected the node content, but found (?P<found>.+)"),
     lambda m: msg("expected a value, but found {found}", found=_token(m["found"]))),
    (re.compile(r"expected ',' or '\]', but got (?P<found>.+)"),
     lambda m: msg("expected ',' or ']', but got {found}", found=_token(m["found"]))),
    (re.compile(r"expected ',' or '\}', but got (?P<found>.+)"),
     lambda m: msg("expected ',' or '}}', but got {found}", found=_token(m["found"]))),
    (re.compile(r"found unknown escape character (?P<char>.+)"),
     lambda m: msg("found unknown escape character {char}", char=m["char"])),
    (re.compile(r"found undefined alias (?P<name>.+)"),
     lambda m: msg("found undefined alias {name}", name=m["name"])),
    (re.compile(r"found duplicate anchor (?P<name>.+); first occurrence"),
     lambda m: msg("found duplicate anchor {name}; first occurrence", name=m["name"])),
    (re.compile(r"expected a comment or a line break, but found (?P<found>.+)"),
     lambda m: msg("expected a comment or a line break, but found {found}", found=m["found"])),
    (re.compile(r"expected alphabetic or numeric character, but found (?P<found>.+)"),
     lambda m: msg("expected alphabetic or numeric character, but found {found}",
                   found=m["found"])),
    (re.compile(r"found undefined tag handle (?P<name>.+)"),
     lambda m: msg("found undefined tag handle {name}", name=m["name"])),
    (re.compile(r"expected ' ', but found (?P<found>.+)"),
     lambda m: msg("expected ' ', but found {found}", found=m["found"])),
)

_JSON: tuple[_Words, ...] = (
    (re.compile(r"invalid control character.*"),
     lambda m: msg("a control character in a text in quotes")),
    (re.compile(r"invalid \\uxxxx escape.*"),
     lambda m: msg("an invalid \\uXXXX escape in a text in quotes")),
    (re.compile(r"invalid \\escape.*"),
     lambda m: msg("an invalid escape (a \\ and what follows) in a text in quotes")),
)

_TOML_SENTENCES = (
    msg("invalid statement"),
    msg("invalid value"),
    msg("expected '=' after a key in a key/value pair"),
    msg("expected ']' at the end of a table declaration"),
    msg("expected ']]' at the end of an array declaration"),
    msg("expected newline or end of document after a statement"),
    msg("cannot overwrite a value"),
    msg("unclosed array"),
    msg("unclosed inline table"),
    msg("unterminated string"),
    msg("invalid date or datetime"),
    msg("invalid hex value"),
    msg("invalid initial character for a key part"),
    msg("unescaped '\\' in a string"),
    msg("escaped character is not a unicode scalar value"),
)
_TOML: tuple[_Words, ...] = (
    (re.compile(r"expected (?P<expected>'.*')"),
     lambda m: msg("expected {expected}", expected=m["expected"])),
    (re.compile(r"found invalid character (?P<char>'.*')"),
     lambda m: msg("found invalid character {char}", char=m["char"])),
    (re.compile(r"illegal character (?P<char>'.*')"),
     lambda m: msg("illegal character {char}", char=m["char"])),
    (re.compile(r"cannot declare (?P<key>.+) twice"),
     lambda m: msg("cannot declare {key} twice", key=m["key"])),
    (re.compile(r"cannot mutate immutable namespace (?P<key>.+)"),
     lambda m: msg("cannot mutate immutable namespace {key}", key=m["key"])),
    (re.compile(r"cannot redefine namespace (?P<key>.+)"),
     lambda m: msg("cannot redefine namespace {key}", key=m["key"])),
    (re.compile(r"duplicate inline table key (?P<key>.+)"),
     lambda m: msg("duplicate inline table key {key}", key=m["key"])),
)


_CSV_SENTENCES = (msg("unexpected end of data"), msg("line contains NUL"))
_CSV: tuple[_Words, ...] = (
    (re.compile(r"""(?P<delimiter>'.') expected after '"'"""),
     lambda m: msg("""{delimiter} expected after '"'""", delimiter=m["delimiter"])),
    (re.compile(r"field larger than field limit \((?P<limit>\d+)\)"),
     lambda m: msg("field larger than field limit ({limit})", limit=m["limit"])),
)


def _words(text: str, sentences: tuple[Msg, ...], table: tuple[_Words, ...]) -> str:
    for sentence in sentences:
        if sentence == text:
            return sentence
    for pattern, words in table:
        match = pattern.fullmatch(text)
        if match is not None:
            return words(match)
    return text


def yaml_problem(text: str) -> str:
    """PyYAML's problem (``mapping values are not allowed here``) as a message."""
    return _words(text, _YAML_SENTENCES, _YAML)


def json_problem(text: str) -> str:
    """The JSON string decoder's problem, lower case, as a message."""
    return _words(text, (), _JSON)


def toml_problem(text: str) -> str:
    """`tomllib`'s problem, lower case and without its position, as a message."""
    return _words(text, _TOML_SENTENCES, _TOML)


def csv_problem(text: str) -> str:
    """The `csv` module's problem (``',' expected after '"'``) as a message."""
    return _words(text, _CSV_SENTENCES, _CSV)
