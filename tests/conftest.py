"""Hypothesis profiles: a fast one for local runs, a thorough one under CI=true."""

import os

from hypothesis import HealthCheck, settings

settings.register_profile("dev", max_examples=60, deadline=None)
# CI runs more examples than a local run, within the suite's 10-minute budget on 2 cores with
# branch coverage on (there 200 examples took 8.5 minutes, 100 take 4.6).
settings.register_profile(
    "ci",
    max_examples=100,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    print_blob=True,
)
settings.load_profile("ci" if os.environ.get("CI") == "true" else "dev")

import pytest  # noqa: E402


@pytest.fixture(autouse=True)
def _english_command_line(monkeypatch: pytest.MonkeyPatch) -> None:
    """The command line speaks English in tests unless a test asks otherwise.

    Its default is Vietnamese, or the locale's language: LANGUAGE decides first, so setting it
    here makes the suite independent of the machine's locale. Tests of the Vietnamese default
    remove it (see tests/test_cli_i18n.py).
    """
    monkeypatch.setenv("LANGUAGE", "en")
