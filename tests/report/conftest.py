"""The Lai Khê plan and measurements the report tests share."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from gender_plan import Measurement, Period, Plan, PlanAssessment, assess_plan

ROOT = Path(__file__).resolve().parents[2]


def _build_plan() -> Plan:
    spec = importlib.util.spec_from_file_location(
        "laikhe_example_for_reports", ROOT / "examples" / "laikhe_2026_2030.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    plan: Plan = module.build_plan()
    return plan


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
