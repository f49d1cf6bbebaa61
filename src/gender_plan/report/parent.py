"""The report's optional section: each target beside its parent plan's (traceability)."""

from __future__ import annotations

import attrs

from gender_plan.model.plan import Plan
from gender_plan.model.text import Language
from gender_plan.numbers import format_quantity
from gender_plan.report.labels import label
from gender_plan.report.view import target_text
from gender_plan.traceability import Finding, check_traceability

__all__ = ["ParentRow", "ParentView", "parent_view"]


@attrs.frozen(kw_only=True)
class ParentRow:
    """One local target beside the parent's requirement it was compared with."""

    number: str
    """The local indicator's numbering ('' when the parent's indicator is not carried)."""
    target: str
    parent_number: str
    parent_target: str
    finding: str
    """The finding's short label ("less ambitious", "equal", ...)."""
    fails: bool
    """Whether a reviewer must act on it."""
    message: str


@attrs.frozen(kw_only=True)
class ParentView:
    """The parent plan and every comparison with it."""

    title: str
    code: str
    by_number: bool
    rows: tuple[ParentRow, ...]


def _parent_text(parent: Plan, finding: Finding, language: Language) -> str:
    upper = parent.indicator(finding.parent_indicator)
    if finding.parent_target is not None:
        return target_text(parent, upper, finding.parent_target, language)
    if finding.indicator is None and upper.targets:  # not carried: all its targets
        return "; ".join(target_text(parent, upper, t, language) for t in upper.targets)
    if finding.parent_value is None or finding.parent_year is None:
        return label("not_stated", language)
    value = format_quantity(finding.parent_value, upper.unit, language)
    return f"{value} ({label('by', language)} {finding.parent_year})"


def parent_view(plan: Plan, parent: Plan, *, by_number: bool = False,
                language: Language = "vi") -> ParentView:
    """Compare `plan` with `parent` (equal targets included) and lay the result out."""
    rows = []
    for finding in check_traceability(plan, parent, by_number=by_number, include_equal=True):
        local = None if finding.indicator is None else plan.indicator(finding.indicator)
        rows.append(ParentRow(
            number="" if local is None else local.label,
            target=(target_text(plan, local, finding.target, language)
                    if local is not None and finding.target is not None else "—"),
            parent_number=parent.indicator(finding.parent_indicator).label,
            parent_target=_parent_text(parent, finding, language),
            finding=finding.kind.label.get(language),
            fails=finding.kind.fails,
            message=finding.text(language),
        ))
    return ParentView(title=parent.title.get(language), code=parent.code, by_number=by_number,
                      rows=tuple(rows))
