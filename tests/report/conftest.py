"""The Lai Khê plan and measurements the report tests share."""

from __future__ import annotations

from pathlib import Path

import laikhe_2026_2030
import pytest

from gender_plan import Measurement, Period, Plan, PlanAssessment, assess_plan

ROOT = Path(__file__).resolve().parents[2]


def _build_plan() -> Plan:
    return laikhe_2026_2030.build_plan()


@pytest.fixture(scope="session")
def laikhe() -> Plan:
    return _build_plan()


@pytest.fixture(scope="session")
def measurements() -> tuple[Measurement, ...]:
    """A few values written here (not the demo's data): rising, falling, a yes/no."""
    return (
        Measurement(indicator="1.1", period=Period(year=2025), value=30.0, source="records"),
        Measurement(indicator="1.1", period=Period(year=2027), value=35.5, source="records"),
        Measurement(indicator="2.2", period=Period(year=2025), value=30.0),
        Measurement(indicator="2.2", period=Period(year=2027), value=32.0),
    )


@pytest.fixture(scope="session")
def assessment(laikhe: Plan, measurements: tuple[Measurement, ...]) -> PlanAssessment:
    return assess_plan(laikhe, measurements, as_of=2027)
