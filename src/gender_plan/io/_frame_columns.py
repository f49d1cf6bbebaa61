"""The long table read column by column with pandas: the fast path of `MeasurementFrame`.

`columns_of` turns a table of texts (every cell a str, '' for empty) into the frame's columns
with a handful of array operations: each distinct period, indicator, unit and sex is read once.
It reads exactly what the row-by-row reader reads and gives the same numbers (numpy's text to
float conversion is correctly rounded, as Python's `float` is). It does not report problems:
on anything it is not sure of it returns None, and the caller reads the rows one by one with
the stdlib reader, which names every problem with its line.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

import numpy as np
import numpy.typing as npt

from gender_plan import units
from gender_plan.errors import UnitError, ValidationError

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["columns_of"]

_SEXES = {"": 0, "female": 1, "male": 2}
_BOOLEANS = {"true": 1.0, "yes": 1.0, "1": 1.0, "false": 0.0, "no": 0.0, "0": 0.0}


def columns_of(
    table: pd.DataFrame, unit_of: Mapping[str, str]
) -> tuple[list[str], list[str], list[str | None], dict[str, npt.NDArray[Any]]] | None:
    """(places, indicators, series names, columns) of a table of texts, or None to fall back."""
    import pandas as pd  # noqa: PLC0415 - only called when pandas is installed

    from gender_plan.evaluation.frame import (  # noqa: PLC0415 - frame imports the reader
        _parse_period,
        _period_columns,
    )

    size = len(table)

    def text(name: str) -> pd.Series[str]:
        if name not in table.columns:
            return pd.Series([""] * size, dtype=object)
        return table[name]

    place_codes, place_names = pd.factorize(text("place"), sort=False)
    indicator_codes, indicator_names = pd.factorize(text("indicator"), sort=False)
    series_codes, series_names = pd.factorize(text("series"), sort=False)
    # Each distinct text is read once: strip and parse the few uniques, not every cell.
    period_codes, period_texts = pd.factorize(text("period"), sort=False)
    try:
        periods = np.array([_period_columns(_parse_period(str(p).strip()))
                            for p in period_texts], dtype=object).reshape(-1, 5)
    except ValidationError:
        return None
    sex_codes, sex_texts = pd.factorize(text("sex"), sort=False)
    sexes = [_SEXES.get(str(t).strip().lower(), -1) for t in sex_texts]
    if -1 in sexes:
        return None
    value = _values(table, text, indicator_codes, indicator_names, unit_of)
    numerator, denominator = _optional(text("numerator")), _optional(text("denominator"))
    if value is None or numerator is None or denominator is None:
        return None
    columns: dict[str, npt.NDArray[Any]] = {
        "place": place_codes.astype(np.int64),
        "indicator": indicator_codes.astype(np.int64),
        "series": series_codes.astype(np.int64),
        "sex": np.array(sexes or [0], dtype=np.int64)[sex_codes],
        "year": periods[:, 0].astype(np.int64)[period_codes],
        "start": periods[:, 1].astype(np.int64)[period_codes],
        "end": periods[:, 2].astype(np.int64)[period_codes],
        "time": periods[:, 3].astype(np.float64)[period_codes],
        "frequency": periods[:, 4].astype(np.int64)[period_codes],
        "value": value,
        "numerator": numerator,
        "denominator": denominator,
    }
    return ([str(p) for p in place_names], [str(i) for i in indicator_names],
            [str(s) or None for s in series_names], columns)


def _values(table: pd.DataFrame, text: Any, codes: npt.NDArray[np.intp],
            names: Any, unit_of: Mapping[str, str]) -> npt.NDArray[np.float64] | None:
    """The value column in each indicator's unit, or None when any cell needs the slow reader."""
    import pandas as pd  # noqa: PLC0415

    cells = text("value")
    unit_text = text("unit")
    value = np.full(len(table), math.nan)
    for k, name in enumerate(names):
        unit = unit_of.get(str(name).strip())
        if unit is None:
            return None
        rows = np.flatnonzero(codes == k)
        if units.is_yes_no(unit):
            facts, said = pd.factorize(cells.iloc[rows], sort=False)
            truth = [_BOOLEANS.get(str(t).strip().lower(), math.nan) for t in said]
            if any(math.isnan(t) for t in truth):
                return None
            value[rows] = np.array(truth or [0.0])[facts]
            continue
        numbers = _floats(cells.iloc[rows])
        if numbers is None:
            return None
        unit_codes, written = pd.factorize(unit_text.iloc[rows], sort=False)
        try:
            factors = np.array([units.conversion_factor(str(u).strip() or unit, unit)
                                for u in written] or [1.0])
        except UnitError:
            return None
        value[rows] = numbers * factors[unit_codes]
    return value


def _floats(cells: pd.Series[str]) -> npt.NDArray[np.float64] | None:
    # numpy converts an object array of texts with Python's own float(): the same number, to
    # the last bit, as the row-by-row reader (which strips spaces; float() ignores them).
    try:
        numbers = cells.to_numpy(dtype=object).astype(np.float64)
    except ValueError:
        return None
    return numbers if np.isfinite(numbers).all() else None


def _optional(cells: pd.Series[str]) -> npt.NDArray[np.float64] | None:
    empty = (cells == "").to_numpy(dtype=bool)
    out = np.full(len(cells), math.nan)
    if (~empty).any():
        numbers = _floats(cells[~empty])
        if numbers is None:
            return None
        out[~empty] = numbers
    return out
