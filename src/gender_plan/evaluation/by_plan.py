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

from gender_plan.errors import AssessmentError
from gender_plan.evaluation._spec import Spec
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
        raise AssessmentError("assess_by_plan needs at least one place with its plan")
    distinct: dict[int, int] = {}
    for plan in plans.values():
        distinct.setdefault(id(plan), len(distinct))
    chosen = list({id(plan): plan for plan in plans.values()}.values())
    place_plan = np.array([distinct[id(plan)] for plan in plans.values()], dtype=np.int64)
    return assess_plans(chosen, place_plan, frame, tuple(plans), as_of=as_of, method=method,
                        methods=methods)


def assess_plans(plans: Sequence[Plan], place_plan: npt.NDArray[np.signedinteger[Any]],
                 frame: MeasurementFrame,
                 places: tuple[str, ...], *, as_of: datetime.date | int,
                 method: Method | None = None,
                 methods: Mapping[str, Method] | None = None) -> AssessmentTable:
    """`assess_by_plan` with place `places[p]` judged against `plans[place_plan[p]]`."""
    method = method if method is not None else LinearPath()
    date = to_date(as_of)
    used = np.unique(place_plan)
    first: dict[str, int] = {}  # each code's spec in the first plan that has it
    specs: list[Spec] = []
    spec_of: list[dict[str, int]] = []
    overrides = dict(methods or {})
    for plan in (plans[k] for k in used.tolist()):
        mine: dict[str, int] = {}
        for _, indicator in plan.indicators():
            known = first.get(indicator.code)
            seen = indicator if known is None else specs[known].indicator
            if seen.unit != indicator.unit:
                raise AssessmentError(
                    f"indicator {indicator.code!r} is in {seen.unit!r} in one plan and in "
                    f"{indicator.unit!r} in plan {plan.code!r}: a measurement table holds one "
                    "unit per indicator, so give the plans the same unit")
            first.setdefault(indicator.code, len(specs))
            mine[indicator.code] = len(specs)
            specs.append(Spec(indicator, overrides.get(indicator.code, method), date,
                                 start_year=plan.start_year, end_year=plan.end_year,
                                 base_year=plan.effective_base_year))
        spec_of.append(mine)
    for code in overrides:
        if code not in first:
            plans[0].indicator(code)  # raises UnknownCodeError, naming the code
    column = {code: k for k, code in enumerate(first)}
    table = np.full((len(used), len(first)), -1, dtype=np.int64)
    for k, mine in enumerate(spec_of):
        table[k, [column[code] for code in mine]] = list(mine.values())
    remap = np.zeros(len(plans), dtype=np.int64)
    remap[used] = np.arange(len(used))
    spec_at = table[remap[place_plan]].T.ravel()
    names = [specs[k] for k in first.values()]  # the first plan's: it names the indicator
    return assess_specs(frame, names, places, date, every=specs, spec_at=spec_at)
