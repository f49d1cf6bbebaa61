"""A target's own words against its value: "đạt 60%" with a value of 55 is a typing slip.

Only percentages are compared: a target's text names years, ages and counts too, and a number
without its % sign cannot be told apart from them; where the text names no percentage nothing is
said (the plan text is then silent on the figure, not in disagreement with it).
"""

from __future__ import annotations

import re

from gender_plan._i18n import msg
from gender_plan.errors import Problem
from gender_plan.model.plan import Plan

__all__ = ["check_wording"]

_PERCENT = re.compile(r"(\d+(?:[.,]\d+)?)\s*%")


def percentages(text: str) -> tuple[float, ...]:
    """Every percentage a text names (``60%``, ``12,5 %``), as numbers."""
    return tuple(float(found.replace(",", ".")) for found in _PERCENT.findall(text))


def check_wording(plan: Plan) -> tuple[Problem, ...]:
    """A problem for each percent target whose Vietnamese text names percentages, none its value.

    These are warnings, not errors: the plan is valid, but one of the two is likely mistyped.
    """
    problems = []
    for g, goal in enumerate(plan.goals):
        for i, indicator in enumerate(goal.indicators):
            for t, target in enumerate(indicator.targets):
                if target.text is None or isinstance(target.value, bool):
                    continue
                if (target.unit or indicator.unit) != "percent":
                    continue
                said = percentages(target.text.vi)
                if said and all(value != target.value for value in said):
                    problems.append(Problem(
                        path=f"goals[{g}].indicators[{i}].targets[{t}]",
                        message=msg("the target's text says {said} but its value is {value}",
                                    said=", ".join(format(v, "g") + "%" for v in said),
                                    value=format(target.value, "g")),
                        hint=msg("correct the value or the text, whichever is mistyped"),
                    ))
    return tuple(problems)
