"""Hypothesis strategies that build valid plan objects, for your own property-based tests.

Every value is valid by construction (nothing is filtered), so the strategies stay fast::

    from hypothesis import given
    from gender_plan.testing import plans

    @given(plans())
    def test_my_tool_reads_every_plan(plan):
        ...

Needs the ``testing`` extra (``pip install gender-plan[testing]``) for hypothesis.
"""

from gender_plan.testing.activities import activities, participants
from gender_plan.testing.chains import copy_of, parent_plans
from gender_plan.testing.measures import (
    UNIT_FAMILIES,
    baselines,
    indicators,
    measurements,
    series_for,
    shares_of_places,
    targets,
)
from gender_plan.testing.strategies import (
    STRATEGIES,
    document_references,
    every_form,
    funding_sources,
    goals,
    plans,
    recurring_events,
    responsible_units,
    signatories,
    subsections,
    task_links,
    tasks,
)
from gender_plan.testing.values import (
    day_of_years,
    limits,
    localized_texts,
    partial_dates,
    periods,
    typed_dates,
)

__all__ = [
    "STRATEGIES",
    "UNIT_FAMILIES",
    "activities",
    "baselines",
    "copy_of",
    "day_of_years",
    "document_references",
    "every_form",
    "funding_sources",
    "goals",
    "indicators",
    "limits",
    "localized_texts",
    "measurements",
    "parent_plans",
    "partial_dates",
    "participants",
    "periods",
    "plans",
    "recurring_events",
    "responsible_units",
    "series_for",
    "shares_of_places",
    "signatories",
    "subsections",
    "targets",
    "task_links",
    "tasks",
    "typed_dates",
]
