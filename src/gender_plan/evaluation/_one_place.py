"""The engine run on one place: measurement objects in, `Assessment` objects out."""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence

import numpy as np

from gender_plan._i18n import msg
from gender_plan.errors import AssessmentError, Problem, ValidationError
from gender_plan.evaluation._spec import Spec
from gender_plan.evaluation.assessment import Assessment, Observation
from gender_plan.evaluation.engine import assess_specs
from gender_plan.evaluation.frame import SEXES, MeasurementFrame, _optional, _value
from gender_plan.evaluation.reasons import ReasonCode
from gender_plan.evaluation.status import STATUSES
from gender_plan.evaluation.table import AssessmentTable
from gender_plan.model.indicator import Indicator
from gender_plan.model.measurement import Measurement
from gender_plan.model.period import Period

__all__ = ["assess_at"]


def assess_at(specs: Sequence[Spec], measurements: Iterable[Measurement],
              place: str | None) -> dict[str, Assessment]:
    """Every spec's indicator assessed at `place` (the only place when None), by code."""
    rows = list(measurements)
    kept = [row for spec in specs for row in _rows_of(spec.indicator, rows, place)]
    if not specs:
        return {}
    frame = MeasurementFrame._of_rows([
        ("", m.indicator, m.series, SEXES.index(m.sex), m.period, value, None, None)
        for m, value in kept])
    table = assess_specs(frame, specs, ("",), specs[0].date)
    return {spec.indicator.code: _assessment(table, k, kept) for k, spec in enumerate(specs)}


def _rows_of(indicator: Indicator, rows: list[Measurement],
             place: str | None) -> list[tuple[Measurement, float]]:
    """This indicator's rows at one place, with values: totals' in its unit, others' NaN."""
    mine = [m for m in rows if m.indicator == indicator.code]
    places = {m.place for m in mine}
    if place is not None:
        mine = [m for m in mine if m.place == place]
    elif len(places) > 1:
        raise AssessmentError(
            msg("measurements of indicator {code!r} come from several places ({places}): pass "
                "place=… (on the command line: --place) to choose one, or aggregate them first",
                code=indicator.code, places=", ".join(sorted(str(p) for p in places)))
        )
    problems: list[Problem] = []
    unit_of = {indicator.code: indicator.unit}
    totals = [(m, _value(indicator.code, m.value, m.unit, unit_of, f"measurements[{i}]",
                         problems, m.period))
              for i, m in enumerate(m for m in mine if m.sex is None)]
    if problems:
        raise ValidationError(problems, subject=f"measurements of {indicator.code!r}")
    return totals + [(m, math.nan) for m in mine if m.sex is not None]


def _assessment(table: AssessmentTable, k: int,
                rows: list[tuple[Measurement, float]]) -> Assessment:
    spec = table.specs[k]
    indicator = spec.indicator

    def observed(row: int) -> Observation | None:
        if row < 0:
            return None
        found, value = rows[row]
        return Observation(  # an observation reports a fact as the plan states it
            value=bool(value) if indicator.is_yes_no else value, period=found.period,
            series=found.series, source=found.source)

    baseline = observed(int(table.baseline_row[k]))
    if table.flags.get(ReasonCode.BASELINE_STATED, np.zeros(k + 1, dtype=bool))[k]:
        stated = indicator.baseline
        assert stated is not None
        baseline = Observation(value=stated.value, period=Period(year=stated.year),
                               source=stated.source, stated=True)
    failing: tuple[Period, ...] = ()
    located = table.part_of(k)
    if located is not None and ReasonCode.PERIODS_FAILING in located[0].masks:
        part, column = located
        mask = part.masks[ReasonCode.PERIODS_FAILING][:, column]
        failing = tuple(rows[r][0].period for r in part.block.row[mask, column].tolist())
    return Assessment(
        indicator=indicator.code, status=STATUSES[int(table.status[k])],
        method=spec.method.name, as_of=spec.date, unit=indicator.unit, target=spec.target,
        deadline=spec.deadline, target_value=spec.target_value, other_targets=spec.others,
        baseline=baseline, latest=observed(int(table.latest_row[k])),
        series=None if table.series[k] < 0 else table.series_names[table.series[k]],
        gap=_optional(table.gap[k]), ratio=_optional(table.ratio[k]),
        score=_optional(table.score[k]), projected=_optional(table.projected[k]),
        expected=_optional(table.expected[k]),
        failing_periods=failing, reasons=table.reasons_at(k),
    )
