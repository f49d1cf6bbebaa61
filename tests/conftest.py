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
