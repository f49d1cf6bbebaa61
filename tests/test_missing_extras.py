"""Without an optional package, the feature that needs it says which extra to install."""

import subprocess
import sys

import pytest

CASES = [
    ("hypothesis", "import gender_plan.testing", "pip install 'gender-plan[testing]'"),
    (
        "jinja2",
        "from gender_plan.report.render import _environment; _environment()",
        "pip install 'gender-plan[report]'",
    ),
    (
        "matplotlib",
        "import datetime, gender_plan as g; g.plot_indicator(g.Assessment(indicator='1', "
        "status=g.Status.NO_DATA, method='linear', as_of=datetime.date(2026, 1, 1), "
        "unit='percent'))",
        "pip install 'gender-plan[plot]'",
    ),
    (
        "pandas",
        "from gender_plan.io.frames import measurements_to_frame; measurements_to_frame([])",
        "pip install 'gender-plan[pandas]'",
    ),
    (
        "docx",
        "import gender_plan.report.docx as d; d.write_docx(None, None, (), (), 'r.docx', "
        "period=None)",
        "pip install 'gender-plan[word]'",
    ),
    (
        "openpyxl",
        "import gender_plan; gender_plan.write_workbook(None, 'w.xlsx')",
        "pip install 'gender-plan[excel]'",
    ),
]


@pytest.mark.parametrize(("package", "statement", "advice"), CASES, ids=[c[0] for c in CASES])
def test_a_missing_extra_raises_the_librarys_error(package, statement, advice):
    # Setting a module to None in sys.modules makes importing it fail, as if not installed.
    code = (
        f"import sys; sys.modules[{package!r}] = None\n"
        "from gender_plan import MissingDependencyError\n"
        f"try:\n    {statement}\n"
        "except MissingDependencyError as error:\n    print(error)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True)
    assert advice in result.stdout
