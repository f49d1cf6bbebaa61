"""A synthetic nation: provinces, communes, a 16-indicator plan and five years of rates.

Every figure here is random and illustrative; nothing describes a real place.
"""

from __future__ import annotations

import csv
from pathlib import Path

import numpy as np

from gender_plan import (
    Comparator,
    Field,
    Goal,
    Indicator,
    Limits,
    LocalizedText,
    PartialDate,
    Plan,
    Target,
)
from gender_plan.rollup import PlaceHierarchy

PROVINCES = 34
COMMUNES = 3321
INDICATORS = 16
YEARS = tuple(range(2021, 2026))
MONTHS = tuple(f"{y}-{m:02d}" for y in range(2021, 2026) for m in range(1, 13))[-50:]
"""Fifty months to the end of 2025 (from November 2021): ten times the values of `YEARS`."""


def plan(indicators: int = INDICATORS) -> Plan:
    """An illustrative plan: `indicators` shares in percent, each at least a value by 2030."""
    text = LocalizedText(vi="Kế hoạch minh họa", en="Illustrative plan")
    return Plan(
        code="synthetic", title=text, issuer=text, place=text, start_year=2021, end_year=2030,
        date=PartialDate(year=2021),
        goals=[Goal(code="1", field=Field.POLITICS, title=text, indicators=[
            Indicator(code=f"i{k + 1}", name=text, unit="percent",
                      limits=Limits(lower=0, upper=100),
                      targets=[Target(comparator=Comparator.GE, value=50.0 + 2 * k, year=2030)])
            for k in range(indicators)
        ])],
    )


def hierarchy(communes: int = COMMUNES, provinces: int = PROVINCES) -> PlaceHierarchy:
    """Nation → provinces → communes, communes spread evenly over provinces."""
    triples: list[tuple[str, str, str | None]] = [
        (f"c{c:05d}", "commune", f"p{c % provinces:02d}") for c in range(communes)
    ]
    triples += [(f"p{p:02d}", "province", "vn") for p in range(provinces)]
    triples.append(("vn", "nation", None))
    return PlaceHierarchy.from_pairs(triples)


def write_csv(path: Path, communes: int = COMMUNES, indicators: int = INDICATORS,
              seed: int = 1, periods: tuple[object, ...] = YEARS) -> int:
    """Write the long table of every commune × indicator × period (the years, or `MONTHS`);
    return the number of rows."""
    rng = np.random.default_rng(seed)
    shape = (communes, indicators, len(periods))
    denominators = rng.integers(200, 5000, size=shape)
    start = rng.uniform(20, 60, size=(communes, indicators, 1))
    pace = len(YEARS) / len(periods)  # a month moves a tenth of what a year does
    steps = rng.normal(1.0 * pace, 2.0 * pace**0.5, size=shape).cumsum(axis=2)
    shares = np.clip(start + steps, 0, 100) / 100
    numerators = np.rint(shares * denominators)
    with path.open("w", encoding="utf-8", newline="") as handle:
        out = csv.writer(handle)
        out.writerow(("place", "indicator", "period", "value", "numerator", "denominator"))
        for c in range(communes):
            place = f"c{c:05d}"
            for k in range(indicators):
                code = f"i{k + 1}"
                for y, period in enumerate(periods):
                    n, d = int(numerators[c, k, y]), int(denominators[c, k, y])
                    out.writerow((place, code, period, repr(100 * n / d), n, d))
    return communes * indicators * len(periods)
