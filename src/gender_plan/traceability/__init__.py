"""Traceability: does a local plan carry its parent plan's targets, at least as ambitiously?

A commune's plan implements a province's, which implements the national strategy: `Plan.parent`
names the legal basis that is the parent, and each `Indicator.implements` names the parent's
indicator it implements (or, when asked, indicators are matched by their plan numbers).
`check_traceability` compares a plan with its parent, year by year; `check_chain` with the
whole chain above it; `resolve_chain` puts a set of plans in order; `national_strategy` is the
shipped national strategy's milestone targets. Findings are data, with a text in Vietnamese and
English. The rules are in `gender_plan.traceability.check`.
"""

from gender_plan.traceability.chain import check_chain, resolve_chain
from gender_plan.traceability.check import check_traceability
from gender_plan.traceability.findings import Finding, FindingKind
from gender_plan.traceability.national import national_strategy

__all__ = [
    "Finding",
    "FindingKind",
    "check_chain",
    "check_traceability",
    "national_strategy",
    "resolve_chain",
]
