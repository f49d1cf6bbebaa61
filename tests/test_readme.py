"""The README's examples work: its Python block runs and its officer's commands succeed."""

import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def blocks(language: str) -> list[str]:
    return re.findall(rf"```{language}\n(.*?)```", README, re.S)


def test_the_python_example_runs(capsys):
    (code,) = blocks("python")
    exec(compile(code, "README.md", "exec"), {})
    # 4.2: P = (46 - 45) / 4 = 0.25 in S = 2 / 5 of the time, R = 0.625
    assert "Needs acceleration Progress ratio 0.625.\n" == capsys.readouterr().out


def test_the_quick_start_has_exactly_two_commands_and_ci_runs_them_verbatim():
    quick = README.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    commands = re.findall(r"```bash\n(.*?)\n```", quick, re.S)
    assert ["pip install . && python examples/laikhe_2026_2030.py",
            'python -m pip install -e ".[test]" && python -m pytest --cov -n auto'] == commands
    # .ci/run takes its two commands from README through this script, and evaluates them as read.
    printed = subprocess.run([sys.executable, str(ROOT / ".ci" / "quick_start.py")],
                             capture_output=True, text=True, check=True).stdout
    assert commands == printed.splitlines()
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "quick=$(python3 .ci/quick_start.py)" in ci
    assert 'eval "$example_command"' in ci
    assert 'eval "$test_command"' in ci


def test_the_officers_commands_succeed(tmp_path):
    shutil.copytree(ROOT / "examples", tmp_path / "examples")
    path = README.split("## A commune officer's path", 1)[1].split("\n## ", 1)[0]
    (commands,) = re.findall(r"```bash\n(.*?)```", path, re.S)
    script = Path(sys.executable).with_name("gender-plan")
    for line in commands.strip().splitlines():
        assert line.startswith("gender-plan ")
        args = re.findall(r'"[^"]*"|\S+', line)[1:]
        result = subprocess.run([str(script), *(a.strip('"') for a in args)], cwd=tmp_path,
                                capture_output=True, text=True, check=False)
        assert 0 == result.returncode, (line, result.stderr)
    assert (tmp_path / "hung-dao.yaml").is_file()
    assert (tmp_path / "report.html").is_file()
