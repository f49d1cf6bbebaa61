"""Each place judged against its own plan: the engine with one set of targets per plan.

Every commune adopts its own plan with its own values (a city set the sex ratio at birth at 107
where the nation says 111). `assess_by_plan` takes a mapping place → plan and judges each
place's data against its plan's targets, years and stated baselines, all places in one table.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping

import numpy as np

from gender_plan._i18n import msg
from gender_plan.errors import AssessmentError
from gender_plan.evaluation._layout import BoolArray
from gender_plan.evaluation._spec import Spec
from gender_plan.evaluation.assessment import to_date
from gender_plan.evaluation.engine import Columns, assess_specs
from gender_plan.evaluation.frame import MeasurementFrame
from gender_plan.evaluation.linear import LinearPath
from gender_plan.evaluation.method import Method
from gender_plan.evaluation.table import AssessmentTable
from gender_plan.model.indicator import Indicator
from gender_plan.model.plan import Plan

__all__ = ["assess_by_plan"]


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
    method = method if method is not None else LinearPath()
    date = to_date(as_of)
    places = tuple(plans)
    distinct: list[Plan] = []
    covers: list[list[int]] = []
    for position, plan in enumerate(plans.values()):
        if plan not in distinct:
            distinct.append(plan)
            covers.append([])
        covers[distinct.index(plan)].append(position)
    first: dict[str, Indicator] = {}
    for plan in distinct:
        for _, indicator in plan.indicators():
            seen = first.setdefault(indicator.code, indicator)
            if seen.unit != indicator.unit:
                raise AssessmentError(msg(
                    "indicator {code!r} is in {unit!r} in one plan and in {other!r} in plan "
                    "{plan!r}: a measurement table holds one unit per indicator, so give the "
                    "plans the same unit", code=indicator.code, unit=seen.unit,
                    other=indicator.unit, plan=plan.code))
    overrides = dict(methods or {})
    for code in overrides:
        if code not in first:
            distinct[0].indicator(code)  # raises UnknownCodeError, naming the code
    columns: list[list[tuple[Spec, BoolArray | None]]] = []
    names: list[Spec] = []
    for code in first:
        chosen = overrides.get(code, method)
        column: list[tuple[Spec, BoolArray | None]] = []
        for plan, positions in zip(distinct, covers, strict=True):
            own = next((i for _, i in plan.indicators() if i.code == code), None)
            if own is None:
                continue
            where = np.zeros(len(places), dtype=bool)
            where[positions] = True
            column.append((Spec.of(own, chosen, date, start_year=plan.start_year,
                                   end_year=plan.end_year, base_year=plan.effective_base_year),
                           where))
        columns.append(column)
        names.append(column[0][0])  # the first plan's: it names the indicator and method
    grouped: Columns = columns
    return assess_specs(frame, names, places, date, columns=grouped)

