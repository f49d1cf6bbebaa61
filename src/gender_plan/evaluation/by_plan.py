"""Each place judged against its own plan: the engine with one set of targets per plan.

Every commune adopts its own plan with its own values (a city set the sex ratio at birth at 107
where the nation says 111). `assess_by_plan` takes a mapping place → plan and judges each
place's data against its plan's targets, years and stated baselines, all places in one table.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
import numpy.typing as npt

from gender_plan._gc import collector_paused
from gender_plan._i18n import msg
from gender_plan.errors import AssessmentError
from gender_plan.evaluation._spec import Spec, plan_specs
from gender_plan.evaluation.assessment import to_date
from gender_plan.evaluation.engine import assess_specs
from gender_plan.evaluation.frame import MeasurementFrame
from gender_plan.evaluation.linear import LinearPath
from gender_plan.evaluation.method import Method
from gender_plan.evaluation.table import AssessmentTable
from gender_plan.model.plan import Plan

__all__ = ["assess_by_plan", "assess_plans"]


def assess_by_plan(
    plans: Mapping[str, Plan],
    frame: MeasurementFrame,
    *,
    as_of: datetime.date | int,
    method: Method | None = None,
    methods: Mapping[str, Method] | None = None,
) -> AssessmentTable:
    """Assess every place of `plans` (place → its plan) against its own plan's targets.

    The table's places are the mapping's keys in its order; its indicators every indicator
    code of the plans, in order of first appearance. Indicators are matched across plans by
    code (map the codes of `implements` links or numbers first if plans differ): a place whose
    plan lacks a code has NO_DATA there, with the reason `not_in_plan`, never a guess. Each
    place's result is the one `assess_frame(its_plan, frame, places=(place,))` gives; places
    that share a plan (the same or an equal `Plan`) are assessed together.

    Raises:
        AssessmentError: one indicator code with units of different dimensions or scales in
            two plans (the frame holds one unit per code), or no plan at all.
        UnknownCodeError: a code in `methods` no plan has.
    """
    if not plans:
        raise AssessmentError(msg("assess_by_plan needs at least one place with its plan"))
    distinct = {id(plan): plan for plan in plans.values()}  # in order of first appearance
    position = {key: k for k, key in enumerate(distinct)}
    place_plan = np.array([position[id(plan)] for plan in plans.values()], dtype=np.int64)
    return assess_plans(list(distinct.values()), place_plan, frame, tuple(plans), as_of=as_of,
                        method=method, methods=methods)


@collector_paused()  # a nation's specs and codes: no cycles
def assess_plans(plans: Sequence[Plan], place_plan: npt.NDArray[np.signedinteger[Any]],
                 frame: MeasurementFrame,
                 places: tuple[str, ...], *, as_of: datetime.date | int,
                 method: Method | None = None,
                 methods: Mapping[str, Method] | None = None) -> AssessmentTable:
    """`assess_by_plan` with place `places[p]` judged against `plans[place_plan[p]]`."""
    date, method = to_date(as_of), method if method is not None else LinearPath()  # one for all
    used, place_used = np.unique(place_plan, return_inverse=True)
    first: dict[str, Spec] = {}  # each code's spec in the first plan that has it: names it
    specs: list[Spec] = []
    table = []
    for plan in (plans[k] for k in used.tolist()):
        mine = {}
        for spec in plan_specs(plan, date, method, methods, check=False):
            seen = first.setdefault(spec.indicator.code, spec).indicator
            if seen.unit != spec.indicator.unit:
                raise AssessmentError(msg(
                    "indicator {code!r} is in {unit!r} in one plan and in {other!r} in plan "
                    "{plan!r}: a measurement table holds one unit per indicator, so give the "
                    "plans the same unit", code=seen.code, unit=seen.unit,
                    other=spec.indicator.unit, plan=plan.code))
            mine[seen.code] = len(specs)
            specs.append(spec)
        table.append(mine)
    for code in methods or {}:
        if code not in first:
            plans[0].indicator(code)  # raises UnknownCodeError, naming the code
    spec_of = np.array([[mine.get(code, -1) for code in first] for mine in table],
                       dtype=np.int64).reshape(len(used), len(first))
    return assess_specs(frame, list(first.values()), places, date, every=specs,
                        spec_at=spec_of[place_used].T.ravel())
