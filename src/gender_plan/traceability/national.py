"""The national strategy's milestone targets, shipped with the library as a plan file."""

from __future__ import annotations

from importlib import resources
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from gender_plan.model.plan import Plan

__all__ = ["NATIONAL_STRATEGY_FILE", "national_strategy"]

NATIONAL_STRATEGY_FILE = "national_strategy_2021_2030.yaml"
"""The file's name in ``gender_plan/templates``."""


def national_strategy() -> Plan:
    """The National Strategy on Gender Equality 2021-2030 (Resolution 28/NQ-CP), as a plan.

    It holds only the strategy's targets with 2025 and 2030 milestones, from the public text of
    the Resolution; its other targets and all its tasks are not in it. "About 60%" (target 2.1)
    carries a tolerance of 1 percentage point that the library chose; the Resolution gives none.
    """
    from gender_plan.io.plan_files import load_plan  # noqa: PLC0415 - io stays off import

    path = resources.files("gender_plan").joinpath("templates", NATIONAL_STRATEGY_FILE)
    with resources.as_file(path) as file:
        return load_plan(file)
