import subprocess
import sys

import gender_plan

NAMES = {
    "Plan", "Goal", "Indicator", "Target", "Task", "ResponsibleUnit", "Measurement",
    "Direction", "Comparator", "Period", "DocumentReference", "FundingSource", "RecurringEvent",
    "LocalizedText", "Status", "LinearPath", "GrowthRatio", "Projection", "assess_indicator",
    "assess_plan", "Method", "GenderPlanError",
}


def test_the_documented_names_are_exported():
    assert NAMES <= set(gender_plan.__all__)
    for name in gender_plan.__all__:
        assert hasattr(gender_plan, name), name


def test_all_is_sorted_and_unique():
    assert sorted(set(gender_plan.__all__)) == sorted(gender_plan.__all__)


def test_a_version_comes_from_the_package_metadata():
    assert gender_plan.__version__[0].isdigit()


def test_importing_does_not_load_pint():
    # pint is loaded on first use of a unit, so that `import gender_plan` stays fast.
    code = "import sys, gender_plan; print('pint' in sys.modules)"
    assert "False" == subprocess.run([sys.executable, "-c", code], capture_output=True,
                                     text=True, check=True).stdout.strip()
