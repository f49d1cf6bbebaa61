"""Without an optional package, the feature that needs it says which extra to install."""

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

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
        "markupsafe",
        "from gender_plan.report import render as r; r.render(None)",
        "pip install 'gender-plan[report]'",
    ),
    (
        "tomli_w",
        "import gender_plan; gender_plan.dumps_plan(gender_plan.load_plan("
        f"{str(ROOT / 'examples' / 'laikhe_2026_2030.yaml')!r}), format='toml')",
        "pip install 'gender-plan[toml]'",
    ),
    (
        "openpyxl",
        "import gender_plan; gender_plan.load_measurements('m.xlsx')",
        "pip install 'gender-plan[excel]'",
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
        "pyarrow",
        "import gender_plan; gender_plan.load_measurements('m.parquet')",
        "pip install 'gender-plan[arrow]'",
    ),
    (
        "openpyxl",
        "import gender_plan; gender_plan.write_workbook(None, 'w.xlsx')",
        "pip install 'gender-plan[excel]'",
    ),
]
EXTRAS = {"testing", "toml", "excel", "pandas", "report", "plot", "word", "arrow"}
"""The extras whose packages the library imports (numpy, the `scale` extra's, is a core dependency
now)."""


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


def test_every_extra_that_the_library_imports_is_checked() -> None:
    assert EXTRAS == {advice.split("[")[1].split("]")[0] for _, _, advice in CASES}


CLI_CASES = [
    ("jinja2", ["report", "{plan}", "{data}", "--out", "r.html"],
     "Viết báo cáo cần gói 'jinja2', gói này chưa được cài: pip install 'gender-plan[report]'"),
    # jinja2 itself needs markupsafe, so without it jinja2 is what is missing: the same extra.
    ("markupsafe", ["report", "{plan}", "{data}", "--out", "r.html"],
     "Viết báo cáo cần gói 'jinja2', gói này chưa được cài: pip install 'gender-plan[report]'"),
    ("openpyxl", ["validate", "{plan}", "{xlsx}"],
     "Đọc và ghi tệp Excel cần gói 'openpyxl', gói này chưa được cài: "
     "pip install 'gender-plan[excel]'"),
    ("tomli_w", ["new", "--commune", "X", "--out", "x.toml"],
     "Ghi tệp TOML cần gói 'tomli-w', gói này chưa được cài: pip install 'gender-plan[toml]'"),
]


@pytest.mark.parametrize(("package", "argv", "advice"), CLI_CASES, ids=[c[0] for c in CLI_CASES])
def test_the_command_line_names_the_extra_in_the_officers_language(
    package: str, argv: list[str], advice: str, tmp_path
) -> None:
    root = ROOT
    files = {"plan": str(root / "examples" / "laikhe_2026_2030.yaml"),
             "data": str(root / "examples" / "data" / "laikhe-measurements.csv"),
             "xlsx": str(tmp_path / "m.xlsx")}
    (tmp_path / "m.xlsx").write_bytes(b"PK")
    code = (f"import sys; sys.modules[{package!r}] = None\n"
            "from gender_plan.cli import main\n"
            f"sys.exit(main({[a.format(**files) for a in argv]!r}))\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            cwd=tmp_path, env={"LANG": "C.UTF-8", "PATH": "/usr/bin:/bin",
                                               "PYTHONPATH": str(root / "src")}, check=False)
    assert 2 == result.returncode, result.stderr
    assert f"lỗi: {advice}" == result.stderr.strip()
