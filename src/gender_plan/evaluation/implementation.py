"""Moved to `gender_plan.implementation` (the plan's tasks, not its targets); kept for imports."""

from gender_plan.implementation import *  # noqa: F403
from gender_plan.implementation import __all__  # noqa: F401
