"""Hypothesis profiles: a fast one for local runs, one for CI, a thorough one on request.

- ``dev`` (the default): 60 examples a property.
- ``ci`` (chosen when ``CI=true``): 100 examples a property; the whole suite stays within its
  4-minute budget on a 2-core machine with branch coverage on.
- ``thorough`` (``HYPOTHESIS_PROFILE=thorough python -m pytest``): 1,000 examples a property, for
  a change to the engine, the file formats or the strategies; it takes tens of minutes.

``HYPOTHESIS_PROFILE`` names a profile explicitly and wins over ``CI``.
"""

import os

import pytest
from hypothesis import HealthCheck, settings

settings.register_profile("dev", max_examples=60, deadline=None)
# The CI and thorough profiles differ only in how many examples they draw.
for name, examples in (("ci", 100), ("thorough", 1000)):
    settings.register_profile(name, max_examples=examples, deadline=None,
                              suppress_health_check=[HealthCheck.too_slow], print_blob=True)
settings.load_profile(
    os.environ.get("HYPOTHESIS_PROFILE") or ("ci" if os.environ.get("CI") == "true" else "dev")
)


@pytest.fixture(autouse=True)
def _english_command_line(monkeypatch: pytest.MonkeyPatch) -> None:
    """The command line speaks English in tests unless a test asks otherwise.

    Its default is Vietnamese, or the locale's language: LANGUAGE decides first, so setting it
    here makes the suite independent of the machine's locale. Tests of the Vietnamese default
    remove it (see tests/test_cli_i18n.py).
    """
    monkeypatch.setenv("LANGUAGE", "en")
    # Tables wrap to the terminal's width: the same 100 columns in every test, whether pytest
    # runs in a terminal or in a pytest-xdist worker with none.
    monkeypatch.setenv("COLUMNS", "100")
