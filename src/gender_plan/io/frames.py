"""pandas DataFrames in and out, for notebooks (needs the ``pandas`` extra).

pandas is imported on first use, so that ``import gender_plan`` never needs it; without it these
functions raise `gender_plan.MissingDependencyError` naming the extra to install.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from gender_plan._i18n import msg
from gender_plan.errors import FileFormatError, Problem
from gender_plan.evaluation.assessment import flat_figures
from gender_plan.io._extras import require
from gender_plan.io._table import COLUMNS, Decimal, Row, cells_of, header, measurements_from_rows
from gender_plan.io._table import unescape as _unescape

if TYPE_CHECKING:
    import pandas as pd

    from gender_plan.evaluation import PlanAssessment
    from gender_plan.model import Measurement, Plan

__all__ = ["ASSESSMENT_COLUMNS", "MEASUREMENT_FRAME_COLUMNS", "assessments_to_frame",
           "measurements_from_frame", "measurements_to_frame"]

ASSESSMENT_COLUMNS = (
    "goal", "number", "indicator", "name", "status", "status_vi", "status_en", "method", "as_of",
    "unit", "comparator", "target_value", "target_upper", "deadline", "baseline",
    "baseline_period", "baseline_time", "latest", "latest_period", "latest_time", "latest_date",
    "latest_source", "series", "gap", "ratio", "score", "projected", "expected", "reasons_vi",
    "reasons_en",
)
"""The columns of `assessments_to_frame`, one row per indicator."""
MEASUREMENT_FRAME_COLUMNS = (*COLUMNS, "period_start", "period_end", "time")
"""The columns of `measurements_to_frame`: a measurement file's, then the period's first and
last day (datetime64) and its decimal year (`Period.time`), so that the period plots."""
_DERIVED = frozenset(MEASUREMENT_FRAME_COLUMNS) - frozenset(COLUMNS)
_FIGURES = ("target_value", "target_upper", "baseline", "baseline_time", "latest",
            "latest_time", "gap", "ratio", "score", "projected", "expected")


def _pandas() -> Any:
    return require("pandas", package="pandas", extra="pandas", feature=msg("DataFrames"))


def measurements_to_frame(measurements: Iterable[Measurement]) -> pd.DataFrame:
    """One row per measurement, with the columns of a measurement file and a period that plots.

    `value`, `numerator` and `denominator` are float columns (NaN where missing); yes/no values
    stay True/False in an object column, since 1.0 would read back as a number. Periods are
    text (``2025``, ``2025-Q3``) with `period_start` and `period_end` (datetime64) and `time`
    (the decimal year the methods use) beside them. Texts are kept as they are (no formula
    escaping: a DataFrame is not a spreadsheet).
    """
    pandas = _pandas()
    rows = []
    for measurement in measurements:
        cells = cells_of(measurement)
        row = {k: _unescape(v) if isinstance(v, str) else v for k, v in cells.items()}
        row["value"] = measurement.value
        row["period_start"] = measurement.period.start
        row["period_end"] = measurement.period.end
        row["time"] = measurement.period.time
        rows.append(row)
    frame: pd.DataFrame = pandas.DataFrame(rows, columns=list(MEASUREMENT_FRAME_COLUMNS),
                                           dtype=object)
    facts = any(isinstance(v, bool) for v in frame["value"])
    floats = ["numerator", "denominator", "time", *([] if facts else ["value"])]
    for name in floats:
        frame[name] = pandas.to_numeric(frame[name], errors="raise").astype("float64")
    for name in ("period_start", "period_end"):
        frame[name] = pandas.to_datetime(frame[name])
    return frame


def measurements_from_frame(
    frame: pd.DataFrame,
    *,
    decimal: Decimal | None = None,
    plan: Plan | None = None,
) -> tuple[Measurement, ...]:
    """Read measurements from a DataFrame with the columns of a measurement file.

    Problems name the row by its position (``line`` 1 is the first row) and the column; with
    `plan`, the measurements are checked against it as `load_measurements` does.
    """
    pandas = _pandas()
    if not isinstance(frame, pandas.DataFrame):
        raise FileFormatError([Problem(message=msg("expected a pandas DataFrame, found {kind}",
                                                   kind=type(frame).__name__))],
                              subject="DataFrame")
    frame = frame[[name for name in frame.columns if name not in _DERIVED]]
    names = [str(name) for name in frame.columns]
    columns = header(names, names, None, 0)
    rows = []
    for number, record in enumerate(frame.itertuples(index=False, name=None), start=1):
        cells = {
            column: (_plain(value), names[i])
            for i, (column, value) in enumerate(zip(columns, record, strict=True))
            if column is not None
        }
        rows.append(Row(line=number, cells=cells))
    return measurements_from_rows(rows, file=None, decimal=decimal, plan=plan)


def _plain(value: object) -> object:
    """Turn numpy scalars into Python ones, and pandas' missing markers into None."""
    item = getattr(value, "item", None)
    if callable(item) and type(value).__module__ == "numpy":
        value = item()
    if value is not None and _pandas().isna(value) is True:
        return None
    return value


def assessments_to_frame(assessment: PlanAssessment, plan: Plan | None = None,
                         measurements: Iterable[Measurement] = ()) -> pd.DataFrame:
    """One row per indicator of a plan assessment: status, figures and reasons.

    Figures are float columns (NaN where missing; a yes/no value is 1.0 or 0.0), `status` is an
    ordered categorical in the order of the status vocabulary (`Status`), and each period has
    its text beside a decimal year (`*_time`) and, for the latest value, the period's last day
    (`latest_date`, datetime64), so that the frame plots. With `plan`, the goal, the plan's
    numbering and the indicator's name (Vietnamese) are filled in, in the plan's order, as the
    CLI's CSV has them. With the `measurements` assessed, the reasons name each series by its
    label in each language (`series_labels`).
    """
    pandas = _pandas()
    from gender_plan.evaluation.reasons import series_labels  # noqa: PLC0415

    given = tuple(measurements)
    named = {language: series_labels(given, language) for language in ("vi", "en")}
    from gender_plan.evaluation.status import Status  # noqa: PLC0415

    places: dict[str, tuple[str | None, str | None, str | None]] = {}
    if plan is not None:
        places = {i.code: (g.code, i.label, i.name.vi) for g, i in plan.indicators()}
    codes = [c for c in places if c in assessment.indicators] + [
        c for c in assessment.indicators if c not in places]
    rows = []
    for code in codes:
        one = assessment.indicators[code]
        goal, number, name = places.get(code, (None, None, None))
        target = one.target
        figures = flat_figures(one)
        rows.append({
            "goal": goal,
            "number": number,
            "indicator": code,
            "name": name,
            "status": one.status.value,
            "status_vi": one.status.text("vi"),
            "status_en": one.status.text("en"),
            "method": one.method,
            "as_of": one.as_of,
            "unit": one.unit,
            "comparator": None if target is None else target.comparator.value,
            "target_value": one.target_value,
            "target_upper": None if target is None else target.upper,
            **figures,
            "baseline_time": None if one.baseline is None else one.baseline.period.time,
            "latest_time": None if one.latest is None else one.latest.period.time,
            "latest_date": None if one.latest is None else one.latest.period.end,
            "latest_source": None if one.latest is None else one.latest.source,
            "reasons_vi": " ".join(reason.text("vi", named["vi"]) for reason in one.reasons),
            "reasons_en": " ".join(reason.text("en", named["en"]) for reason in one.reasons),
        })
    frame: pd.DataFrame = pandas.DataFrame(rows, columns=list(ASSESSMENT_COLUMNS), dtype=object)
    for column in _FIGURES:
        frame[column] = [math.nan if v is None else float(v) for v in frame[column]]
        frame[column] = frame[column].astype("float64")
    frame["deadline"] = frame["deadline"].astype("Int64")
    frame["status"] = pandas.Categorical(frame["status"],
                                         categories=[s.value for s in Status], ordered=True)
    frame["latest_date"] = pandas.to_datetime(frame["latest_date"])
    frame["as_of"] = pandas.to_datetime(frame["as_of"])
    return frame
