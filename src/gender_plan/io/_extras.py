"""Optional packages: imported on first use, with an error that names the extra to install."""

from __future__ import annotations

import importlib
from types import ModuleType

from gender_plan.errors import MissingDependencyError

__all__ = ["require"]


def require(module: str, *, package: str, extra: str, feature: str) -> ModuleType:
    """Import `module`, or raise `MissingDependencyError` saying which extra provides it."""
    try:
        return importlib.import_module(module)
    except ImportError:
        raise MissingDependencyError(package, extra, feature) from None
