import ast
import subprocess
import sys
from pathlib import Path

import pytest

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


def test_the_lazy_exports_are_the_imports_type_checkers_read():
    tree = ast.parse(Path(gender_plan.__file__).read_text(encoding="utf-8"))
    imported = {alias.name: node.module for node in ast.walk(tree)
                if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("gender_plan")
                for alias in node.names}
    assert imported == gender_plan._LAZY
    assert set(gender_plan.__all__) - {"__version__"} == set(imported)


def test_importing_loads_no_module_of_the_library_until_a_name_is_used():
    code = ("import sys, gender_plan; print(sorted(m for m in sys.modules if "
            "m.startswith('gender_plan')))")
    assert "['gender_plan']" == subprocess.run([sys.executable, "-c", code], capture_output=True,
                                               text=True, check=True).stdout.strip()


def test_a_name_or_a_submodule_is_loaded_when_first_reached():
    code = ("import gender_plan as g; from gender_plan import Plan; "
            "print(Plan is g.model.Plan, g.units.YES_NO, 'Plan' in dir(g))")
    assert "True yes_no True" == subprocess.run([sys.executable, "-c", code],
                                                capture_output=True, text=True,
                                                check=True).stdout.strip()


def test_an_unknown_name_is_an_attribute_error():
    with pytest.raises(AttributeError, match="no attribute 'not_a_name'"):
        _ = gender_plan.not_a_name
