"""Strategies for parent plans to check other plans against (traceability)."""

from __future__ import annotations

from gender_plan.errors import MissingDependencyError

try:
    from hypothesis import strategies as st
except ImportError:
    raise MissingDependencyError("hypothesis", "testing", "gender_plan.testing") from None

import attrs

from gender_plan.model import Field, Goal, Indicator, LocalizedText, PartialDate, Plan
from gender_plan.testing.measures import indicators

__all__ = ["copy_of", "parent_plans"]

_TEXT = LocalizedText(vi="kế hoạch cấp trên", en="parent plan")


def _one_level_per_kind(indicator: Indicator) -> Indicator:
    """At most one level to hold per kind and frequency.

    With two, the weaker one is redundant (the other carries the parent's), so a property such
    as "loosening a child's copy adds a weaker finding" would rightly fail on it.
    """
    seen = set()
    kept = []
    for target in indicator.targets:
        key = (target.kind, target.frequency)
        if target.is_periodic and key in seen:
            continue
        seen.add(key)
        kept.append(target)
    return attrs.evolve(indicator, targets=kept)


def _plan(found: list[Indicator], code: str, start_year: int, end_year: int) -> Plan:
    return Plan(code=code, title=_TEXT, issuer=_TEXT, place=_TEXT, start_year=start_year,
                end_year=end_year, date=PartialDate(year=start_year),
                goals=[Goal(code="1", field=Field.OTHER, title=_TEXT, indicators=found)])


@st.composite
def parent_plans(draw: st.DrawFn, *, max_indicators: int = 4, start_year: int = 2021,
                 end_year: int = 2030) -> Plan:
    """Parent plans of 1 to `max_indicators` indicators (``i0``, ``i1`` …) of any unit.

    Milestones fall in distinct years, there is at most one level to hold per kind, and no
    indicator links to a plan above.
    """
    count = draw(st.integers(1, max_indicators))
    found = [
        _one_level_per_kind(attrs.evolve(
            draw(indicators(code=f"i{n}", start_year=start_year, end_year=end_year)),
            implements=None))
        for n in range(count)
    ]
    return _plan(found, "parent", start_year, end_year)


def copy_of(parent: Plan, *, code: str = "child") -> Plan:
    """A child plan that carries every indicator of `parent` with exactly its targets.

    Each indicator is renamed ``c-`` + the parent's code and `implements` it.
    """
    return _plan([attrs.evolve(indicator, code=f"c-{indicator.code}",
                               implements=indicator.code)
                  for _, indicator in parent.indicators()],
                 code, parent.start_year, parent.end_year)
