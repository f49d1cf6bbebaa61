"""Print which pytest, hypothesis and numpy this interpreter holds, after a label.

`.ci/run` calls it with the machine's own python3 and with the fresh test environment's, so
that the log shows what a preinstalled package could have hidden.
"""

import importlib.metadata
import sys


def version(name: str) -> str:
    """`name`'s installed version, or "none"."""
    try:
        return importlib.metadata.version(name)
    except importlib.metadata.PackageNotFoundError:
        return "none"


print(f"::: {' '.join(sys.argv[1:])}",
      ", ".join(f"{name} {version(name)}" for name in ("pytest", "hypothesis", "numpy")))
