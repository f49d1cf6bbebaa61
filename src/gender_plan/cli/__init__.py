"""The ``gender-plan`` command line: validate, show, assess, report, new, schema.

Run ``gender-plan --help`` (or ``python -m gender_plan --help``). Exit status: 0 when all went
well, 2 on invalid input (every problem is listed, with file, line and place in the plan), 1 on
an unexpected failure. A traceback is shown only with ``--debug``.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

from gender_plan.cli._parser import build_parser

__all__ = ["main"]


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with `argv` (default: the process's arguments); return the status."""
    from gender_plan.cli._commands import COMMANDS  # noqa: PLC0415
    from gender_plan.errors import GenderPlanError  # noqa: PLC0415

    parser = build_parser()
    args = parser.parse_args(argv)
    if args.version:
        from gender_plan import __version__  # noqa: PLC0415

        print(f"gender-plan {__version__}")
        return 0
    if args.command is None:
        parser.print_help(sys.stderr)
        return 2
    try:
        return COMMANDS[args.command](args)
    except GenderPlanError as error:
        if args.debug:
            raise
        print(f"error: {error}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # the reader (`| head`) stopped reading: nothing to report
        sys.stderr.close()
        return 1
    except OSError as error:
        if args.debug:
            raise
        name = f" {error.filename}" if error.filename else ""
        print(f"error: cannot use the file{name}: {error.strerror or error}", file=sys.stderr)
        return 2
    except Exception as error:  # a bug: say so plainly, the traceback is one flag away
        if args.debug:
            raise
        print(f"internal error: {type(error).__name__}: {error} (run again with --debug to "
              "see where, and report it)", file=sys.stderr)
        return 1
