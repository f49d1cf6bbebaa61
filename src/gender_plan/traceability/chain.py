"""The whole chain of plans: a plan against its parent, its parent's parent, and so on.

A commune's indicator reaches the national strategy's through each step's link: its own
`implements` (or plan number) to the province's indicator, then that indicator's link to the
nation's. A folder of plan files is put in order by each plan's `parent` (a legal basis's code)
and the plans' codes and numbers.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Sequence

import attrs

from gender_plan._i18n import msg
from gender_plan.errors import Problem, ValidationError
from gender_plan.model.plan import Plan
from gender_plan.traceability.check import links, trace
from gender_plan.traceability.findings import Finding

__all__ = ["check_chain", "resolve_chain"]


def check_chain(plan: Plan, parents: Sequence[Plan], *, by_number: bool = False,
                include_equal: bool = False) -> tuple[Finding, ...]:
    """Compare `plan` with each plan of `parents` (its parent first, then the parent's parent).

    At each level the local indicator is followed through every step's link; one it does not
    reach leaves that level's indicator missing. Each finding names its level's plan
    (`Finding.parent_plan`); `implements` codes a parent lacks are reported at the first level
    only (at the others they are the intermediate plan's own finding).
    """
    if not parents:
        raise ValidationError(
            [Problem(message=msg("no parent plan to check against"),
                     hint=msg("pass the parent plan, and its own parent after it"))],
            subject="chain of plans")
    first, unknown = links(plan, parents[0], by_number=by_number, parent_code=parents[0].code)
    findings = [*unknown, *trace(plan, parents[0], first, include_equal=include_equal)]
    reached = first
    for lower, upper in itertools.pairwise(parents):
        step, _ = links(lower, upper, by_number=by_number)
        onward = {link.indicator.code: link for link in step}
        reached = [
            attrs.evolve(link, parent_code=onward[link.parent_code].parent_code,
                         by_number=link.by_number or onward[link.parent_code].by_number)
            for link in reached if link.parent_code in onward
        ]
        findings.extend(trace(plan, upper, reached, include_equal=include_equal))
    return tuple(findings)


def _names(plan: Plan, candidate: Plan) -> bool:
    """Whether `candidate` is the plan `plan.parent` names (by code, or by number)."""
    document = next(d for d in plan.legal_bases if d.code == plan.parent)
    return candidate.code == document.code or (
        document.number is not None and candidate.number == document.number)


def resolve_chain(plan: Plan, plans: Iterable[Plan], *,
                  source: str = msg("the plans given")) -> tuple[Plan, ...]:
    """The chain above `plan` among `plans`: its parent, the parent's parent, … to the top.

    A plan's parent is the plan among `plans` whose code or number is the code or number of the
    legal basis its `parent` names. The chain ends at a plan without a parent.

    Raises:
        ValidationError: a plan names a parent that none of `plans` is, or the chain loops.
    """
    candidates = tuple(plans)
    chain: list[Plan] = []
    seen = {plan.code}
    current = plan
    while current.parent is not None:
        found = [c for c in candidates if c.code != current.code and _names(current, c)]
        document = next(d for d in current.legal_bases if d.code == current.parent)
        if not found:
            message = (msg("plan {code!r} names its parent {parent!r} ({number}), but none of "
                           "{source} has that code or number", code=current.code,
                           parent=document.code, number=document.number, source=source)
                       if document.number else
                       msg("plan {code!r} names its parent {parent!r}, but none of {source} has "
                           "that code or number", code=current.code, parent=document.code,
                           source=source))
            raise ValidationError(
                [Problem(path="parent", message=message,
                         hint=msg("add the parent's plan file, or give the parents one by one"))],
                subject="chain of plans")
        upper = found[0]
        if upper.code in seen:
            raise ValidationError(
                [Problem(path="parent", message=msg("the chain of plans loops back to plan "
                                                    "{code!r}", code=upper.code),
                         hint=msg("each plan's parent must be a higher plan"))],
                subject="chain of plans")
        seen.add(upper.code)
        chain.append(upper)
        current = upper
    return tuple(chain)
