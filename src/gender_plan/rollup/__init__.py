"""Many places together: a place hierarchy, aggregation by the rules, assessment of every level.

`aggregate` works on `Measurement` objects; `aggregate_frame`, `assess_levels`, `ranking` and
`share_on_track` on arrays, with numpy (a core dependency, imported when they are first used).
"""

from gender_plan.rollup.aggregation import (
    Aggregation,
    CountMet,
    MetCount,
    Ratio,
    Rule,
    Sum,
    WeightedMean,
    aggregate,
    rule_for,
)
from gender_plan.rollup.places import Place, PlaceHierarchy

__all__ = [
    "Aggregation",
    "CountMet",
    "MetCount",
    "Place",
    "PlaceHierarchy",
    "Ratio",
    "Rule",
    "Sum",
    "WeightedMean",
    "aggregate",
    "rule_for",
]
