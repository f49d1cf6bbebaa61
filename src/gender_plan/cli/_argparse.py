"""argparse in the officer's language: its headings, its usage line and its error messages.

argparse translates its own texts through the global gettext domain, which an application
sharing the process may own; so instead this parser names its headings itself and renders the
few errors argparse raises (required, invalid choice, unrecognised, missing value) from our
catalogue, matched by their English form.
"""

from __future__ import annotations

import argparse
import re
import sys
from typing import NoReturn

from gender_plan._i18n import Language, Msg, msg, render

__all__ = ["Formatter", "Parser"]

_ERRORS: tuple[tuple[re.Pattern[str], Msg], ...] = (
    (re.compile(r"^the following arguments are required: (?P<names>.+)$"),
     msg("the following arguments are required: {names}")),
    (re.compile(r"^argument (?P<name>\S+): invalid choice: (?P<value>.+?) "
                r"\(choose from (?P<choices>.+)\)$"),
     msg("argument {name}: invalid choice: {value} (choose from {choices})")),
    (re.compile(r"^unrecognized arguments: (?P<names>.+)$"),
     msg("unrecognised arguments: {names}")),
    (re.compile(r"^argument (?P<name>\S+): expected one argument$"),
     msg("argument {name}: expected one value")),
    (re.compile(r"^argument (?P<name>\S+): invalid (?P<kind>\w+) value: (?P<value>.+)$"),
     msg("argument {name}: {value} is not a valid {kind}")),
    (re.compile(r"^ambiguous option: (?P<option>\S+) could match (?P<matches>.+)$"),
     msg("ambiguous option: {option} could be {matches}")),
    (re.compile(r"^argument (?P<name>\S+): (?P<text>.+)$"),
     msg("argument {name}: {text}")),
)


def translate(text: str, language: Language) -> str:
    """An argparse error message in `language` (as given when argparse has a new one)."""
    for pattern, template in _ERRORS:
        match = pattern.match(text)
        if match is not None:
            return render(Msg(template.template, **match.groupdict()), language)
    return text


class Formatter(argparse.RawDescriptionHelpFormatter):
    """Help laid out as written, with the usage line's prefix in the parser's language."""

    language: Language = "en"

    def add_usage(self, usage: str | None, actions: object, groups: object,
                  prefix: str | None = None) -> None:
        """Add the usage line, headed "usage:" or "cách dùng:"."""
        if prefix is None:
            prefix = render(msg("usage: "), self.language)
        super().add_usage(usage, actions, groups, prefix)  # type: ignore[arg-type]


class Parser(argparse.ArgumentParser):
    """An `argparse.ArgumentParser` whose headings and errors are in `language`."""

    def __init__(self, *args: object, language: Language = "en", **kwargs: object) -> None:
        formatter = type("LocalFormatter", (Formatter,), {"language": language})
        kwargs.setdefault("formatter_class", formatter)
        kwargs["add_help"] = False
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.language: Language = language
        self._positionals.title = render(msg("positional arguments"), language)
        self._optionals.title = render(msg("options"), language)
        self.add_argument("-h", "--help", action="help", default=argparse.SUPPRESS,
                          help=render(msg("show this help and exit"), language))

    def error(self, message: str) -> NoReturn:
        """Print the usage and the error in the parser's language, and exit with status 2."""
        self.print_usage(sys.stderr)
        head = render(msg("error"), self.language)
        self.exit(2, f"{self.prog}: {head}: {translate(message, self.language)}\n")
