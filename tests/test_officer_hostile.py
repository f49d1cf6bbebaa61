"""The officer's command line in Vietnamese, fed the files that go wrong: no English gets out.

Every file of the malformed corpus (tests/io/corpus) is validated with LANGUAGE=vi, and the
errors printed must hold no English sentence; then each kind of hostile input the readers bound
(a YAML syntax error, a file too large, nesting too deep, bad JSON, a bad CSV row, a missing
file, a bad places file) and the commands that report findings (trace, validate's calendar
notes) are checked against the Vietnamese text the catalogue gives them, word for word.
"""

from __future__ import annotations

import re
from pathlib import Path

import openpyxl
import pytest

from gender_plan import load_plan, write_workbook
from gender_plan.cli import main

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "io" / "corpus"
PLAN_FILE = ROOT / "examples" / "laikhe_2026_2030.yaml"
ENGLISH = re.compile(
    r"\b(the|is|are|was|of|to|and|or|not|expected|found|error|problems?|file|warning|valid|"
    r"written|bytes|fill|read|write|line|cannot|missing|unknown|must|has|have|holds?|more|than|"
    r"accepted|allowed|here|which|with|without|before|after|needs?|check|remove|give|"
    r"appears|twice|its|it|this|that)\b",
    re.IGNORECASE,
)
"""English words of our messages' frames (column names and unit codes, the program's own
words in a hint, are not among them)."""


@pytest.fixture(autouse=True)
def _vietnamese(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LANGUAGE", "vi")


def run(capsys: pytest.CaptureFixture[str], *argv: str | Path) -> tuple[int, str, str]:
    status = main([str(arg) for arg in argv])
    out, err = capsys.readouterr()
    return status, out, err


def english_in(text: str) -> list[str]:
    """The English words of `text`, less quoted values, file names, paths and codes."""
    text = re.sub(r"'[^'\n]*'", "", text)  # values as the file wrote them: 'valeu', '60,5%'
    text = re.sub(r"\S+\.(yaml|yml|json|toml|csv|xlsx)\b", "", text)
    text = re.sub(r"\S*\[\d+\]\S*", "", text)  # goals[0].indicators[0].unit
    text = re.sub(r"\w+(?:-\w+)+", "", text)  # codes: fatherland-front-and-organisations
    return ENGLISH.findall(text)


@pytest.mark.parametrize("name", sorted(p.name for p in CORPUS.iterdir()))
def test_every_malformed_file_is_refused_in_vietnamese(
    name: str, capsys: pytest.CaptureFixture[str]
) -> None:
    file = CORPUS / name
    argv = [PLAN_FILE, file] if file.suffix in (".csv", ".xlsx") else [file]
    status, out, err = run(capsys, "validate", *argv)
    assert 2 == status
    assert "" == out
    heads = [line.split(":")[0] for line in err.splitlines() if not line.startswith("  ")]
    assert "lỗi" == heads[-1], err
    assert {"lỗi", "cảnh báo"} >= set(heads), err
    assert [] == english_in(err), err


def test_the_check_finds_an_english_message(capsys: pytest.CaptureFixture[str],
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    """The check above is not blind: the same file's English errors fail it."""
    monkeypatch.setenv("LANGUAGE", "en")
    _, _, err = run(capsys, "validate", CORPUS / "deep.yaml")
    assert {"error", "problem", "the", "file", "than"} <= set(english_in(err))


def test_a_yaml_syntax_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    plan = tmp_path / "ke-hoach.yaml"
    plan.write_text("schema: gender-plan/1\ncode: x\ntitle: Kế hoạch: 2026\n", encoding="utf-8")
    assert (2, "", "lỗi: 1 lỗi trong tệp:\n"
            f"  - {plan}:3: YAML không hợp lệ: không được đặt giá trị khoá ở đây (có thể thiếu "
            "dấu nháy hoặc thụt lề sai) (kiểm tra thụt lề và dấu nháy ở dòng này và các dòng "
            "quanh nó)\n") == run(capsys, "validate", plan)
    plan.write_text("schema: gender-plan/1\ncode: [x\n", encoding="utf-8")
    assert (f"  - {plan}:3: YAML không hợp lệ: cần dấu ',' hoặc ']', nhưng gặp cuối tệp"
            in run(capsys, "validate", plan)[2])


def test_a_file_too_large(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    plan = tmp_path / "ke-hoach.yaml"
    with plan.open("wb") as stream:
        stream.truncate(3_000_000)  # sparse: refused by its size before anything is read
    assert (2, "", "lỗi: 1 lỗi trong tệp:\n"
            f"  - {plan}: tệp có 3.000.000 byte, nhiều hơn mức tối đa 2.097.152 byte (tệp kế "
            "hoạch hay tệp số liệu không bao giờ cần đến mức đó: có đúng tệp không?)\n") == run(
        capsys, "validate", plan)


def test_nesting_too_deep(capsys: pytest.CaptureFixture[str]) -> None:
    for name, line, what in (("deep.yaml", 21, "danh sách và ánh xạ"),
                             ("deep_arrays.toml", 9, "mảng và bảng")):
        assert (2, "", "lỗi: 1 lỗi trong tệp:\n"
                f"  - {CORPUS / name}:{line}: tệp lồng {what} sâu hơn 64 cấp (tệp kế hoạch hay "
                "tệp số liệu không bao giờ cần đến mức đó: có đúng tệp không?)\n") == run(
            capsys, "validate", CORPUS / name)


def test_bad_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    plan = tmp_path / "ke-hoach.json"
    plan.write_text('{"schema": "gender-plan/1"\n "code": "a"}', encoding="utf-8")
    assert (2, "", "lỗi: 1 lỗi trong tệp:\n"
            f"  - {plan}:2: JSON không hợp lệ: cần dấu ',' hoặc '}}' sau một giá trị (cột 2) "
            "(có phải thiếu dấu phẩy ở cuối dòng trước?)\n") == run(capsys, "validate", plan)
    plan.write_text('{"schema": "gender-plan/1", "code": "a\\qb"}', encoding="utf-8")
    assert (f"  - {plan}:1: JSON không hợp lệ: chuỗi thoát không hợp lệ (dấu \\ và ký tự theo "
            "sau) trong đoạn chữ trong dấu nháy (cột 39)\n") in run(capsys, "validate", plan)[2]


def test_bad_csv_rows(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert (2, "", "lỗi: 1 lỗi trong bảng số liệu:\n"
            f"  - {CORPUS / 'bad_quotes.csv'}:2: CSV không hợp lệ: cần ',' sau dấu nháy '\"' "
            "(kiểm tra các dấu nháy ở dòng này)\n") == run(
        capsys, "validate", PLAN_FILE, CORPUS / "bad_quotes.csv")
    data = tmp_path / "so-lieu.csv"
    data.write_text("chỉ tiêu,kỳ,giá trị\n1.1,2026,40\n1.1,2027,40,thừa\n", encoding="utf-8")
    assert (2, "", "lỗi: 1 lỗi trong bảng số liệu:\n"
            f"  - {data}:3 [?]: giá trị 'thừa' nằm ở cột không có tiêu đề (ghi tên cột ở dòng "
            "đầu, hoặc chuyển giá trị đi)\n") == run(capsys, "validate", PLAN_FILE, data)


def test_a_missing_file_and_a_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert (2, "", f"lỗi: không đọc được tệp {tmp_path / 'thiếu.yaml'}: không có tệp hoặc thư "
            "mục này (kiểm tra đường dẫn và quyền truy cập)\n") == run(
        capsys, "validate", tmp_path / "thiếu.yaml")
    folder = tmp_path / "thu-muc.yaml"
    folder.mkdir()
    assert f"tệp {folder}: đây là thư mục, không phải tệp" in run(capsys, "validate", folder)[2]


def test_a_bad_places_file_for_the_workbook(tmp_path: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    places = tmp_path / "dia-ban.csv"
    places.write_text("địa bàn,cấp,cấp trên\nLai Khê,xã,Bến Cát\n", encoding="utf-8")
    assert (2, "", "lỗi: 1 lỗi trong phân cấp địa bàn:\n"
            f"  - {places}:2 [parent]: 'Lai Khê' ghi cấp trên không biết 'Bến Cát' (thêm một "
            "dòng cho địa bàn đó, hoặc sửa mã)\n") == run(
        capsys, "template", PLAN_FILE, "--out", tmp_path / "so-lieu.xlsx", "--places", places)


def test_trace_prints_its_findings_in_vietnamese(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, "trace", PLAN_FILE, "--parent", "national", "--by-number")
    assert (1, "") == (status, err)
    assert out.startswith("So với Chiến lược quốc gia về bình đẳng giới giai đoạn 2021-2030")
    assert "chỉ tiêu  cấp trên  phát hiện" in out
    assert "kém tham vọng hơn   Chỉ tiêu 1.1: ≥ 60% đến năm 2030 kém tham vọng hơn mức ≥ 75%" in out
    assert out.endswith("lai-khe-2026-2030: 7 phát hiện, 2 cần xử lý (kém tham vọng hơn, thiếu "
                        "hoặc không đối chiếu được)\n")
    assert [] == english_in(out)


def test_trace_reports_a_broken_chain_in_vietnamese(tmp_path: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "ke-hoach"
    folder.mkdir()
    (folder / "lai-khe.yaml").write_bytes(PLAN_FILE.read_bytes())
    assert (2, "", "lỗi: 1 lỗi trong chuỗi kế hoạch:\n"
            "  - parent: kế hoạch 'lai-khe-2026-2030' ghi cấp trên là "
            f"'hai-phong-170-kh-ubnd-2026' (170/KH-UBND), nhưng trong thư mục {folder} không có "
            "kế hoạch nào mang mã hoặc số đó (thêm tệp kế hoạch cấp trên, hoặc ghi từng kế "
            "hoạch cấp trên)\n") == run(capsys, "trace", folder / "lai-khe.yaml", "--plans", folder)


def test_validate_notes_the_calendar_in_vietnamese(tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    workbook_path = tmp_path / "so-lieu.xlsx"
    write_workbook(load_plan(PLAN_FILE), workbook_path, years=(2026, 2026))
    workbook = openpyxl.load_workbook(workbook_path)
    for column, value in enumerate(["II.2.3.1", "culture-society-office", None, "20/03/2026",
                                    None, "Quốc tế hạnh phúc", "Tọa đàm"], start=1):
        workbook["Hoạt động"].cell(2, column).value = value
    workbook.save(workbook_path)
    status, out, err = run(capsys, "validate", PLAN_FILE, workbook_path, "--as-of", "2026")
    assert (0, "") == (status, err)
    assert out.splitlines()[-3:] == [
        "lưu ý: chưa ghi hoạt động nào cho Tháng hành động vì bình đẳng giới và phòng ngừa, ứng "
        "phó với bạo lực trên cơ sở giới (15/11-15/12) năm 2026",
        "lưu ý: chưa ghi hoạt động nào cho ngày gia đình Việt Nam (28/06) năm 2026",
        "lưu ý: chưa ghi hoạt động nào cho ngày thế giới phòng chống bạo lực đối với phụ nữ "
        "(25/11) năm 2026",
    ]
    assert [] == english_in(out)


def test_a_bad_activity_is_reported_in_vietnamese(tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    record = tmp_path / "hoat-dong.csv"
    record.write_text("task,unit,start,description,female,male,total\n"
                      "II.1.1,nobody,2026,Họp,5,6,8\nII.1.1,culture-society-office,2026-13,"
                      "Họp,,,\n", encoding="utf-8")
    status, _, err = run(capsys, "validate", PLAN_FILE, "--activities", record)
    assert 2 == status
    assert (f"  - {record}:3 [start] activities[1].start: cần một ngày hoặc một kỳ, nhưng gặp "
            "'2026-13' (viết 25/11/2026, 11/2026, 2026-Q4 hoặc 2026)") in err
    assert (f"  - {record}:2 [total] activities[0].total: tổng số (8) nhỏ hơn số nữ và nam "
            "cộng lại (5 + 6)") in err
    assert [] == english_in(err)
    record.write_text("task,unit,start,description\nII.1.1,nobody,2026,Họp\n", encoding="utf-8")
    status, _, err = run(capsys, "validate", PLAN_FILE, "--activities", record)
    assert 2 == status
    assert (f"  - {record}:2 [unit] activities[0].unit: kế hoạch không có đơn vị 'nobody' (các "
            "mã đơn vị của kế hoạch: ") in err
    assert [] == english_in(err)
