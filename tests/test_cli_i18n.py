"""The command line in the officer's language: Vietnamese first, English on request."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import laikhe_2026_2030
import pytest
import yaml

from gender_plan import load_plan, save_plan
from gender_plan.cli import main
from gender_plan.cli._console import plain

PLAN = laikhe_2026_2030.build_plan()
ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def vietnamese(monkeypatch: pytest.MonkeyPatch) -> None:
    """A machine with no language set (C.UTF-8, as a fresh install): the default applies."""
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")


@pytest.fixture
def plan_file(tmp_path: Path) -> Path:
    path = tmp_path / "plan.yaml"
    save_plan(PLAN, path)
    return path


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


@pytest.mark.usefixtures("vietnamese")
def test_vietnamese_is_the_default(plan_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "validate", str(plan_file))
    assert 0 == status
    assert f"{plan_file}: kế hoạch 'lai-khe-2026-2030' hợp lệ (6 mục tiêu, 16 chỉ tiêu, " in out


@pytest.mark.usefixtures("vietnamese")
@pytest.mark.parametrize("argv", [["--lang", "en", "validate"], ["validate", "--lang=en"]])
def test_lang_en_switches_wherever_it_is_given(
    argv: list[str], plan_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, _ = run(capsys, *argv, str(plan_file))
    assert 0 == status
    assert "plan 'lai-khe-2026-2030' is valid" in out


@pytest.mark.usefixtures("vietnamese")
def test_an_english_locale_switches(
    plan_file: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    assert "is valid" in run(capsys, "validate", str(plan_file))[1]
    assert "hợp lệ" in run(capsys, "validate", str(plan_file), "--lang", "vi")[1]


@pytest.mark.usefixtures("vietnamese")
def test_help_and_argument_errors_are_in_vietnamese(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["assess", "--help"])
    out = capsys.readouterr().out
    assert out.startswith("cách dùng: gender-plan assess")
    assert "tuỳ chọn:" in out
    assert "in hướng dẫn này rồi thoát" in out
    with pytest.raises(SystemExit) as caught:
        main(["assess", "plan.yaml"])
    assert 2 == caught.value.code
    err = capsys.readouterr().err
    assert "gender-plan assess: lỗi: thiếu các tham số bắt buộc: SỐ_LIỆU" in err
    with pytest.raises(SystemExit):
        main(["assess", "a.yaml", "b.csv", "--method", "fast"])
    err = capsys.readouterr().err
    assert "tham số --method: lựa chọn không hợp lệ: 'fast'" in err


@pytest.mark.usefixtures("vietnamese")
def test_validation_problems_and_hints_are_in_vietnamese(
    tmp_path: Path, plan_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "data.csv"
    data.write_text("chỉ tiêu,kỳ,giá trị\n1.1,2026,abc\n9.9,2026,5\n", encoding="utf-8")
    status, _, err = run(capsys, "validate", str(plan_file), str(data))
    assert 2 == status
    assert "lỗi: 1 lỗi trong số liệu:" in err
    assert f"{data}:2 [giá trị] measurements[0].value: cần một số, nhưng gặp 'abc'" in err
    data.write_text("chỉ tiêu,kỳ,giá trị\n9.9,2026,5\n", encoding="utf-8")
    status, _, err = run(capsys, "validate", str(plan_file), str(data))
    assert "kế hoạch không có chỉ tiêu '9.9' (các mã có trong kế hoạch: 1.1, 2.1," in err


@pytest.mark.usefixtures("vietnamese")
def test_the_decimal_comma_warning_is_one_line_in_the_officers_language(
    tmp_path: Path, plan_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "data.csv"
    data.write_text('chỉ tiêu,kỳ,giá trị\n1.1,2026,"40,5"\n', encoding="utf-8")
    status, _, err = run(capsys, "validate", str(plan_file), str(data))
    assert 0 == status
    assert [f"cảnh báo: {data}:2: các số được viết với dấu phẩy thập phân ('40,5'); đọc '40,5' "
            "là 40.5. Thêm --decimal , (hoặc decimal=',') để ghi rõ và tắt cảnh báo này."] == (
        err.splitlines())
    status, _out, err = run(capsys, "validate", str(plan_file), str(data), "--decimal", ",")
    assert (0, "") == (status, err)


def test_decimal_is_taken_by_assess_and_report(
    tmp_path: Path, plan_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "data.csv"
    data.write_text('indicator,period,value\n1.1,2026,"1,400"\n', encoding="utf-8")
    status, _, err = run(capsys, "assess", str(plan_file), str(data), "--as-of", "2026")
    assert 2 == status
    assert "--decimal , or --decimal ." in err
    status, out, err = run(capsys, "assess", str(plan_file), str(data), "--as-of", "2026",
                           "--decimal", ",", "--format", "json")
    assert (0, "") == (status, err)
    assert '"value": 1.4,' in out  # said to be a decimal comma, 1,400 is 1.4
    status, _, err = run(capsys, "report", str(plan_file), str(data), "--as-of", "2026",
                         "--decimal", ".", "--out", str(tmp_path / "r.md"))
    assert 2 == status
    assert "found '1,400' (with a decimal comma, pass decimal=','" in err


def test_assess_csv_starts_with_a_byte_order_mark(
    tmp_path: Path, plan_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "data.csv"
    data.write_text("indicator,period,value\n1.1,2026,40\n", encoding="utf-8")
    status, out, _ = run(capsys, "assess", str(plan_file), str(data), "--as-of", "2026",
                         "--format", "csv", "--lang", "vi")
    assert 0 == status
    assert out.startswith("\ufeffgoal,number,indicator,")
    assert "các cơ quan quản lý nhà nước" in out


def _subprocess(*argv: str, encoding: str, cwd: Path) -> subprocess.CompletedProcess[bytes]:
    env = {"PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT / "src"), "LANG": "C.UTF-8",
           "PYTHONIOENCODING": encoding}
    return subprocess.run([sys.executable, "-m", "gender_plan", *argv], capture_output=True,
                          cwd=cwd, env=env, check=False, timeout=120)


def test_a_console_that_cannot_show_vietnamese_gets_plain_letters_and_a_note(
    tmp_path: Path, plan_file: Path
) -> None:
    data = tmp_path / "data.csv"
    data.write_text("indicator,period,value\n1.1,2026,40\n", encoding="utf-8")
    result = _subprocess("assess", str(plan_file), str(data), "--as-of", "2026",
                         encoding="cp1252", cwd=tmp_path)
    assert 0 == result.returncode, result.stderr.decode("cp1252")
    out, err = result.stdout.decode("cp1252"), result.stderr.decode("cp1252")
    assert "Trien khai thuc hien Chien luoc quoc gia" in out
    assert "Muc tieu 1: Trong linh vuc chinh tri" in out
    assert err.startswith("luu y: bang ma cua cua so lenh (cp1252) khong hien duoc chu tieng "
                          "Viet")
    result = _subprocess("assess", str(plan_file), str(data), "--as-of", "2026", "--format",
                         "csv", encoding="cp1252", cwd=tmp_path)
    assert 0 == result.returncode
    assert result.stdout.startswith(b"\xef\xbb\xbf")  # UTF-8 data whatever the console
    assert "các cơ quan quản lý nhà nước" in result.stdout.decode("utf-8-sig")


def test_an_error_on_a_cp1252_console_is_still_the_error(tmp_path: Path) -> None:
    result = _subprocess("validate", "thiếu.yaml", encoding="cp1252", cwd=tmp_path)
    assert 2 == result.returncode
    assert "khong doc duoc tep thieu.yaml" in result.stderr.decode("cp1252")


@pytest.mark.usefixtures("vietnamese")
def test_new_writes_placeholders_and_drops_the_source_communes_history(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "hung-dao.yaml"
    status, printed, _ = run(capsys, "new", "--commune", "Hưng Đạo", "--out", str(out))
    assert 0 == status
    assert "đã tạo kế hoạch 'hung-dao-2026-2030'" in printed
    text = out.read_text(encoding="utf-8")
    assert "# number: 45/KH-UBND" in text
    assert "# signatory:" in text
    assert "# parent: ma-ke-hoach-cua-tinh" in text
    assert "in nhầm" not in text  # Lai Khê's note on a misprint in its own plan
    assert "hai-phong-170" not in text
    data = yaml.safe_load(text)
    assert "parent" not in data
    plan = load_plan(out)
    assert plan.is_draft
    filled = text.replace("# number: 45/KH-UBND", "number: 45/KH-UBND")
    out.write_text(filled, encoding="utf-8")
    assert "45/KH-UBND" == load_plan(out).number


def test_new_writes_placeholders_in_toml_and_none_in_json(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert 0 == run(capsys, "new", "--commune", "X", "--out", str(tmp_path / "x.toml"))[0]
    assert "# number = " not in (tmp_path / "x.toml").read_text(encoding="utf-8")
    assert "# Số kế hoạch" in (tmp_path / "x.toml").read_text(encoding="utf-8")
    load_plan(tmp_path / "x.toml")
    status, printed, _ = run(capsys, "new", "--commune", "X", "--out", str(tmp_path / "x.json"))
    assert 0 == status
    assert "#" not in (tmp_path / "x.json").read_text(encoding="utf-8")
    assert "fill in: number, date, signatory, parent, baselines; then" in printed


@pytest.mark.usefixtures("vietnamese")
def test_validate_warns_when_a_targets_words_disagree_with_its_value(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "plan.yaml"
    text = (ROOT / "examples" / "laikhe_2026_2030.yaml").read_text(encoding="utf-8")
    old = "          - comparator: '>='\n            value: 60\n"
    assert old in text
    path.write_text(text.replace(old, old.replace("60", "55"), 1), encoding="utf-8")
    status, out, err = run(capsys, "validate", str(path))
    assert 0 == status
    assert "hợp lệ" in out
    assert [f"cảnh báo: {path} goals[0].indicators[0].targets[0]: lời văn của chỉ tiêu ghi 60% "
            "nhưng giá trị là 55 (sửa giá trị hoặc lời văn, chỗ nào gõ nhầm)"] == err.splitlines()


@pytest.mark.usefixtures("vietnamese")
def test_plain_letters_in_process_and_the_streams_given_back(
    plan_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out_bytes, err_bytes = io.BytesIO(), io.BytesIO()
    out = io.TextIOWrapper(out_bytes, encoding="cp1252", write_through=True)
    err = io.TextIOWrapper(err_bytes, encoding="cp1252", write_through=True)
    monkeypatch.setattr(sys, "stdout", out)
    monkeypatch.setattr(sys, "stderr", err)
    assert 0 == main(["show", str(plan_file)])
    assert (out, err) == (sys.stdout, sys.stderr)  # restored after the command
    shown = out_bytes.getvalue().decode("cp1252")
    assert "Muc tieu 1: Trong linh vuc chinh tri" in shown
    assert ">= 60%" in shown  # ≥ is not in cp1252: written as >=
    assert err_bytes.getvalue().decode("cp1252").startswith("luu y: bang ma cua cua so lenh")


def test_plain_drops_marks_and_keeps_the_letters() -> None:
    assert "Hung Dao >= 60%, Lai Khe ~ 5" == plain("Hưng Đạo ≥ 60%, Lai Khê ≈ 5")


@pytest.mark.usefixtures("vietnamese")
@pytest.mark.parametrize("output", ["table", "csv", "json"])
def test_assess_names_series_by_their_vietnamese_labels(
    plan_file: Path, capsys: pytest.CaptureFixture[str], output: str,
) -> None:
    """The demo data call a series "commune records" and label it "sổ sách của xã": the
    Vietnamese reasons use the label (the CSV's `series` column keeps the data's name, as its
    `indicator` column keeps the code); the JSON document gives each language its own."""
    import csv  # noqa: PLC0415

    data = ROOT / "examples" / "data" / "laikhe-measurements.csv"
    status, out, _ = run(capsys, "assess", str(plan_file), str(data), "--as-of", "2026",
                         "--format", output)
    assert 0 == status
    assert "Dùng chuỗi số liệu: sổ sách của xã." in out
    if output == "json":
        assert "Series used: commune records." in out
        return
    if output == "csv":
        rows = list(csv.DictReader(io.StringIO(out.lstrip("\ufeff"))))
        assert "Minh họa (số liệu giả định cho ví dụ)" == rows[0]["latest_source"]
        out = " ".join(row["reasons"] for row in rows)
    assert "commune records" not in out
    assert "Illustrative" not in out
