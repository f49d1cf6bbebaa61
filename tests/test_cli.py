"""The gender-plan command line, run on real files in a temporary folder."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import laikhe_2026_2030
import pytest

from gender_plan import Plan, load_measurements, load_plan, plan_schema, save_plan
from gender_plan.cli import main
from gender_plan.cli._parser import build_parser

ROOT = Path(__file__).resolve().parents[1]
COMMANDS = ("validate", "show", "assess", "report", "new", "portfolio", "trace", "schema",
            "template")

MEASUREMENTS = """indicator,period,value,unit,series,source
1.1,2025,30,percent,records,commune records
1.1,2027,35.5,percent,records,commune records
2.2,2025,30,percent,,
2.2,2027,32,percent,,
5.1,2026,true,yes_no,,=HYPERLINK("x")
"""


def _build_plan() -> Plan:
    return laikhe_2026_2030.build_plan()


PLAN = _build_plan()


@pytest.fixture
def files(tmp_path: Path) -> tuple[Path, Path]:
    plan = tmp_path / "plan.yaml"
    save_plan(PLAN, plan)
    data = tmp_path / "data.csv"
    data.write_text(MEASUREMENTS, encoding="utf-8")
    return plan, data


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help_with_an_example(
    command: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main([command, "--help"])
    out = capsys.readouterr().out
    assert 0 == exit_info.value.code
    assert f"usage: gender-plan {command}" in out
    assert f"example:\n  gender-plan {command}" in out.replace("  gender-plan ", "  gender-plan ")


def test_no_command_prints_help_and_fails(capsys: pytest.CaptureFixture[str]) -> None:
    status, _, err = run(capsys)
    assert 2 == status
    assert "usage: gender-plan" in err


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "--version")
    assert 0 == status
    assert out.startswith("gender-plan ")


def test_validate_clean_files(files: tuple[Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    plan, data = files
    status, out, err = run(capsys, "validate", str(plan), str(data))
    assert (0, "") == (status, err)
    assert "plan 'lai-khe-2026-2030' is valid (6 goals" in out
    assert "draft" in out
    assert "5 measurements fit the plan" in out


def test_validate_lists_every_problem_with_file_and_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plan = tmp_path / "plan.yaml"
    save_plan(PLAN, plan)
    text = plan.read_text(encoding="utf-8")
    broken = text.replace("start_year: 2026", "start_year: twenty", 1).replace(
        "end_year: 2030", "end_year: 1999", 1
    )
    plan.write_text(broken, encoding="utf-8")
    status, out, err = run(capsys, "validate", str(plan))
    assert (2, "") == (status, out)
    assert "Traceback" not in err
    assert f"{plan}:" in err
    assert "start_year" in err


def test_validate_measurements_against_the_plan(
    files: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    plan, data = files
    data.write_text(MEASUREMENTS + "9.9,2026,5,percent,,\n", encoding="utf-8")
    status, _, err = run(capsys, "validate", str(plan), str(data))
    assert 2 == status
    assert "the plan has no indicator '9.9'" in err
    last_line = len(data.read_text(encoding="utf-8").splitlines())
    assert f"{data}:{last_line} [indicator]" in err


def test_validate_reports_plan_and_measurement_files_together(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text("code: [unclosed\n", encoding="utf-8")
    data = tmp_path / "data.csv"
    data.write_text("indicator,period,value\n1.1,20x5,3\n", encoding="utf-8")
    status, _, err = run(capsys, "validate", str(plan), str(data))
    assert 2 == status
    assert 2 == err.count("error: ")


def test_missing_file_is_an_error_without_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, _, err = run(capsys, "show", str(tmp_path / "nowhere.yaml"))
    assert 2 == status
    assert "nowhere.yaml" in err
    assert "Traceback" not in err


@pytest.mark.parametrize("name", ["report.html", "report.md"])
def test_a_report_into_a_missing_folder_names_the_file_asked_for(
    files: tuple[Path, Path], tmp_path: Path, name: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """The report is written beside its place first: the error names the file the user gave,
    never that temporary one, and leaves nothing behind."""
    plan, data = files
    out = tmp_path / "no such folder" / name
    status, _, err = run(capsys, "report", str(plan), str(data), "--as-of", "2027", "--out",
                         str(out))
    assert 2 == status
    assert f"cannot use the file {out}: no such file or folder" in err
    assert ".tmp" not in err
    assert not out.parent.exists()


def test_debug_shows_the_exception(tmp_path: Path) -> None:
    with pytest.raises(OSError, match="nowhere"):
        main(["show", str(tmp_path / "nowhere.yaml"), "--debug"])


def test_show_prints_goals_targets_tasks_and_units(
    files: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, _ = run(capsys, "show", str(files[0]), "--lang", "en")
    assert 0 == status
    assert PLAN.title.get("en") in out.replace("\n", " ") or PLAN.title.get("en")[:40] in out
    for goal in PLAN.goals:
        assert f"Goal {goal.code}: " in out
    assert "≥ 60% (by 2030)" in out
    assert "1. General tasks and solutions" in out
    assert "IV. IMPLEMENTATION" in out
    assert "boys per 100 girls" in out


def test_show_in_vietnamese(files: tuple[Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "show", str(files[0]), "--lang", "vi")
    assert 0 == status
    assert "Mục tiêu 1: " in out
    assert "[DỰ THẢO (CHƯA CÓ SỐ, CHƯA CÓ NGÀY BAN HÀNH)]" in out


def test_assess_table(files: tuple[Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    plan, data = files
    status, out, _ = run(capsys, "assess", str(plan), str(data), "--as-of", "2027", "--lang", "vi")
    assert 0 == status
    assert "35,5% (2027)" in out
    assert "31/12/2027" in out
    assert "Tổng hợp (15 chỉ tiêu)" in out


def test_assess_json_is_the_documented_document(
    files: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    plan, data = files
    status, out, _ = run(capsys, "assess", str(plan), str(data), "--as-of", "2027-06-30",
                         "--format", "json", "--method", "growth")
    assert 0 == status
    document = json.loads(out)
    assert ("gender-plan/assessment", 1) == (document["format"], document["schema_version"])
    assert ("2027-06-30", "growth") == (document["as_of"], document["method"])
    first = document["indicators"][0]
    # The 2027 value covers the whole year, so on 30 June 2027 the latest is 2025's.
    assert ("1.1", 30) == (first["code"], first["latest"]["value"])


def test_assess_csv_neutralises_formulas(
    files: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    plan, data = files
    status, out, _ = run(capsys, "assess", str(plan), str(data), "--as-of", "2027",
                         "--format", "csv", "--lang", "en")
    assert 0 == status
    rows = list(csv.DictReader(io.StringIO(out)))
    assert len(list(PLAN.indicators())) == len(rows)
    by_code = {row["indicator"]: row for row in rows}
    assert "35.5" == by_code["1.1"]["latest"]
    assert by_code["5.1"]["latest_source"].startswith("'=")


@pytest.mark.parametrize("method", ["linear", "growth", "projection"])
def test_assess_every_method(
    method: str, files: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    plan, data = files
    status, out, _ = run(capsys, "assess", str(plan), str(data), "--as-of", "2027",
                         "--method", method, "--format", "json")
    assert (0, method) == (status, json.loads(out)["method"])


def test_bad_as_of_is_a_usage_error(
    files: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["assess", str(files[0]), str(files[1]), "--as-of", "last year"])
    assert 2 == exit_info.value.code
    assert "expected a year such as 2027" in capsys.readouterr().err


def test_report_html_and_markdown(
    files: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plan, data = files
    html = tmp_path / "report.html"
    status, out, _ = run(capsys, "report", str(plan), str(data), "--as-of", "2027",
                         "--lang", "vi", "--out", str(html))
    assert 0 == status
    assert "đã ghi báo cáo" in out
    page = html.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>")
    assert "35,5%" in page
    markdown = tmp_path / "report.md"
    status, _, _ = run(capsys, "report", str(plan), str(data), "--as-of", "2027",
                       "--lang", "en", "--out", str(markdown))
    assert 0 == status
    assert "35.5%" in markdown.read_text(encoding="utf-8")


def test_report_refuses_an_unknown_suffix_before_working(
    files: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, _, err = run(capsys, "report", str(files[0]), str(files[1]), "--out",
                         str(tmp_path / "report.odt"))
    assert 2 == status
    assert "*.html, *.md, *.docx or *.pdf" in err
    assert [] == [p for p in tmp_path.iterdir() if p.name.startswith("report")]


def test_new_starts_a_plan_from_the_shipped_template(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "hung-dao.yaml"
    status, text, _ = run(capsys, "new", "--commune", "Hưng Đạo", "--out", str(out))
    assert 0 == status
    assert "fill in: number, date, signatory, parent, baselines" in text
    plan = load_plan(out)
    assert ("hung-dao-2026-2030", "Hưng Đạo") == (plan.code, plan.place.vi)
    assert (None, None, None) == (plan.number, plan.date.month, plan.signatory)
    assert "Lai Khê" not in out.read_text(encoding="utf-8").replace("\n   ", "")
    status, _, _ = run(capsys, "validate", str(out))
    assert 0 == status


def test_new_refuses_to_overwrite_without_force(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "plan.yaml"
    out.write_text("mine\n", encoding="utf-8")
    status, _, err = run(capsys, "new", "--commune", "X", "--out", str(out))
    assert 2 == status
    assert "--force" in err
    assert "mine\n" == out.read_text(encoding="utf-8")
    status, _, _ = run(capsys, "new", "--commune", "X", "--out", str(out), "--force")
    assert 0 == status
    assert "x-2026-2030" == load_plan(out).code


def test_new_from_another_plan_with_other_years(
    files: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "later.json"
    status, _, err = run(capsys, "new", "--commune", "Tân Hưng", "--commune-en", "Tan Hung",
                         "--from", str(files[0]), "--start-year", "2027", "--out", str(out))
    assert (0, "") == (status, err)
    plan = load_plan(out)
    assert (2027, 2030) == (plan.start_year, plan.end_year)
    assert "Tan Hung" in (plan.issuer.en or "")


def test_new_with_years_that_do_not_fit_the_targets(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "bad.yaml"
    status, _, err = run(capsys, "new", "--commune", "X", "--end-year", "2028", "--out",
                         str(out))
    assert 2 == status
    assert "outside the plan's period" in err
    assert not out.exists()


def test_schema_prints_the_plan_schema(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "schema")
    assert 0 == status
    assert plan_schema() == json.loads(out)


def test_python_dash_m_runs_the_same_command_line(files: tuple[Path, Path]) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "gender_plan", "validate", str(files[0]), str(files[1])],
        capture_output=True, text=True, check=False,
    )
    assert (0, "") == (result.returncode, result.stderr)
    assert "is valid" in result.stdout


def test_unexpected_errors_are_reported_without_traceback(
    files: tuple[Path, Path], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A bug inside the library is named, with the hint to rerun with --debug."""
    from gender_plan.cli import _commands  # noqa: PLC0415

    def broken(args: object) -> int:
        raise RuntimeError("boom")

    monkeypatch.setitem(_commands.COMMANDS, "show", broken)
    status, _, err = run(capsys, "show", str(files[0]))
    assert 1 == status
    assert "internal error: RuntimeError: boom" in err
    with pytest.raises(RuntimeError):
        main(["--debug", "show", str(files[0])])


def test_measurements_load_through_the_io_layer(files: tuple[Path, Path]) -> None:
    """The CLI's test data is read by the library, as the CLI reads it."""
    assert 5 == len(load_measurements(files[1]))


def test_parser_lists_exactly_the_documented_commands() -> None:
    parser = build_parser()
    subparsers = next(a for a in parser._actions if a.dest == "command")
    assert set(COMMANDS) == set(subparsers.choices)  # type: ignore[arg-type]
