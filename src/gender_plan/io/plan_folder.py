"""A folder of plan files, loaded and indexed by their plans' codes (a portfolio's plans).

Every ``.yaml``, ``.yml``, ``.json`` and ``.toml`` file directly in the folder is a plan; other
files are left alone. All files are read before any problem is raised, so that one run lists the
problems of every file; two files with the same plan code are refused, naming both.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

import attrs

from gender_plan._i18n import msg
from gender_plan.errors import FileAccessError, GenderPlanError, Problem, ValidationError
from gender_plan.io.plan_cache import PlanCache
from gender_plan.io.plan_files import load_plan
from gender_plan.model import Plan

__all__ = ["PLAN_SUFFIXES", "PlanFolder", "load_plan_folder"]

PLAN_SUFFIXES = (".yaml", ".yml", ".json", ".toml")
"""The suffixes of the files a plan folder's loading reads."""


@attrs.frozen(kw_only=True)
class PlanFolder:
    """The plans of a folder, by plan code, and the file each came from."""

    plans: Mapping[str, Plan] = attrs.field(hash=False)
    files: Mapping[str, Path] = attrs.field(hash=False)
    """The file of each plan, by plan code."""


def load_plan_folder(
    folder: str | os.PathLike[str], *, cache: PlanCache | bool | None = True
) -> PlanFolder:
    """Load every plan file in `folder` (not its subfolders), indexed by plan code.

    Args:
        folder: the folder of plan files.
        cache: a `PlanCache`, True for the user's cache folder (the default), or False/None
            to parse every file.

    Raises:
        FileAccessError: the folder cannot be read.
        ValidationError: every problem of every file (with the file and line), and plan codes
            found in two files.
    """
    root = Path(folder)
    if not root.is_dir():
        raise FileAccessError(str(root), msg("it is not a folder of plan files"))
    chosen = PlanCache() if cache is True else cache or None
    paths = sorted(p for p in root.iterdir() if p.suffix.lower() in PLAN_SUFFIXES and p.is_file())
    plans: dict[str, Plan] = {}
    files: dict[str, Path] = {}
    problems: list[Problem] = []
    for path in paths:
        try:
            plan = load_plan(path, cache=chosen)
        except ValidationError as error:
            problems.extend(error.problems)
            continue
        except GenderPlanError as error:
            problems.append(Problem(file=str(path), message=error.describe()))
            continue
        if plan.code in plans:
            problems.append(Problem(file=str(path), path="code",
                                    message=msg("the plan code {code!r} is also the code of "
                                                "{file}", code=plan.code,
                                                file=files[plan.code]),
                                    hint=msg("each plan in the folder needs its own code")))
            continue
        plans[plan.code] = plan
        files[plan.code] = path
    if problems:
        raise ValidationError(problems, subject=msg("plans in {folder}", folder=root))
    return PlanFolder(plans=plans, files=files)
