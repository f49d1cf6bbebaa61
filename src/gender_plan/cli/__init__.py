"""The ``gender-plan`` command line: validate, show, assess, report, new, schema.

Run ``gender-plan --help`` (or ``python -m gender_plan --help``). Everything it prints is in
Vietnamese, or in English with ``--lang en`` or an English locale (LANGUAGE, LC_ALL, LANG).
Exit status: 0 when all went well, 2 on invalid input (every problem is listed, with file, line
and place in the plan), 1 on an unexpected failure. A traceback is shown only with ``--debug``.
"""

from __future__ import annotations

import sys
import warnings
from collections.abc import Sequence
from typing import TextIO

from gender_plan._i18n import Language, language_from_environment, msg, render
from gender_plan.cli._console import plain_console
from gender_plan.cli._parser import build_parser

__all__ = ["ERROR", "WARNING", "main"]

ERROR = msg("error")
"""The word before an error's message."""
WARNING = msg("warning")
"""The word before a warning's message."""


def _language(argv: Sequence[str]) -> Language:
    """``--lang`` wherever it is given (the help must be built in it), else the locale's."""
    for index, arg in enumerate(argv):
        value = None
        if arg == "--lang" and index + 1 < len(argv):
            value = argv[index + 1]
        elif arg.startswith("--lang="):
            value = arg.partition("=")[2]
        if value in ("vi", "en"):
            return value  # type: ignore[return-value]
    return language_from_environment()


def _show_warning(language: Language) -> object:
    def show(message: Warning | str, category: type[Warning], filename: str, lineno: int,
             file: TextIO | None = None, line: str | None = None) -> None:
        del filename, lineno, file, line  # one line for people, not a source location
        text = message.args[0] if isinstance(message, Warning) and message.args else message
        print(f"{render(WARNING, language)}: {render(text, language)}", file=sys.stderr)

    return show


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with `argv` (default: the process's arguments); return the status."""
    arguments = list(sys.argv[1:] if argv is None else argv)
    language = _language(arguments)
    with plain_console(language):
        return _run(arguments, language)


def _run(arguments: list[str], language: Language) -> int:
    from gender_plan.cli._commands import COMMANDS  # noqa: PLC0415
    from gender_plan.errors import GenderPlanError, GenderPlanWarning  # noqa: PLC0415

    parser = build_parser(language)
    args = parser.parse_args(arguments)
    args.lang = language
    error_word = render(ERROR, language)
    if args.version:
        from gender_plan import __version__  # noqa: PLC0415

        print(f"gender-plan {__version__}")
        return 0
    if args.command is None:
        parser.print_help(sys.stderr)
        return 2
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("always", GenderPlanWarning)
            warnings.showwarning = _show_warning(language)  # type: ignore[assignment]
            return COMMANDS[args.command](args)
    except GenderPlanError as error:
        if args.debug:
            raise
        print(f"{error_word}: {error.render(language)}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # the reader (`| head`) stopped reading: nothing to report
        sys.stderr.close()
        return 1
    except OSError as error:
        if args.debug:
            raise
        from gender_plan.io._limits import os_reason  # noqa: PLC0415

        text = msg("cannot use the file {name}: {reason}", name=error.filename or "",
                   reason=os_reason(error))
        print(f"{error_word}: {render(text, language)}", file=sys.stderr)
        return 2
    except Exception as error:  # a bug: say so plainly, the traceback is one flag away
        if args.debug:
            raise
        text = msg("internal error: {kind}: {error} (run again with --debug to see where, and "
                   "report it)", kind=type(error).__name__, error=str(error))
        print(render(text, language), file=sys.stderr)
        return 1
