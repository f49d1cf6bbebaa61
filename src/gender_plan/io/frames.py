"""pandas DataFrames in and out, for notebooks (needs the ``pandas`` extra).

pandas is imported on first use, so that ``import gender_plan`` never needs it; without it these
functions raise `gender_plan.MissingDependencyError` naming the extra to install.
"""

from __future__ import annotations

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

__all__ = ["ASSESSMENT_COLUMNS", "assessments_to_frame", "measurements_from_frame",
           "measurements_to_frame"]

ASSESSMENT_COLUMNS = (
    "indicator", "status", "status_vi", "status_en", "method", "as_of", "unit", "target_value",
    "deadline", "baseline", "baseline_period", "latest", "latest_period", "series", "gap",
    "ratio", "score", "projected", "expected", "reasons_vi", "reasons_en",
)
"""The columns of `assessments_to_frame`, one row per indicator."""


def _pandas() -> Any:
    return require("pandas", package="pandas", extra="pandas", feature=msg("DataFrames"))


def measurements_to_frame(measurements: Iterable[Measurement]) -> pd.DataFrame:
    """One row per measurement, with the columns of a measurement file.

    Periods are written as text (``2025``, ``2025-Q3``), a missing value is None, and texts are
    kept as they are (no formula escaping: a DataFrame is not a spreadsheet).
    """
    pandas = _pandas()
    rows = []
    for measurement in measurements:
        cells = cells_of(measurement)
        rows.append({k: _unescape(v) if isinstance(v, str) else v for k, v in cells.items()})
    frame: pd.DataFrame = pandas.DataFrame(rows, columns=list(COLUMNS), dtype=object)
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
        raise FileFormatError([Problem(message=f"expected a pandas DataFrame, found "
                                       f"{type(frame).__name__}")], subject="DataFrame")
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


def assessments_to_frame(assessment: PlanAssessment) -> pd.DataFrame:
    """One row per indicator of a plan assessment: status, figures and reasons."""
    pandas = _pandas()
    rows = []
    for code, one in assessment.indicators.items():
        rows.append({
            "indicator": code,
            "status": one.status.value,
            "status_vi": one.status.text("vi"),
            "status_en": one.status.text("en"),
            "method": one.method,
            "as_of": one.as_of,
            "unit": one.unit,
            "target_value": one.target_value,
            **flat_figures(one),
            "reasons_vi": " ".join(reason.text("vi") for reason in one.reasons),
            "reasons_en": " ".join(reason.text("en") for reason in one.reasons),
        })
    frame: pd.DataFrame = pandas.DataFrame(rows, columns=list(ASSESSMENT_COLUMNS))
    return frame
