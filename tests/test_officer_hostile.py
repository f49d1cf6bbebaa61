"""The officer's command line in Vietnamese, fed the files that go wrong: no English gets out.

Every file of the malformed corpus (tests/io/corpus) is validated with LANGUAGE=vi, and the
errors printed must hold no English sentence; then each kind of hostile input the readers bound
(a YAML syntax error, a file too large, nesting too deep, bad JSON, a bad CSV row, a missing
file, a bad places file) and the commands that report findings (trace, validate's calendar
notes) are checked against the Vietnamese text the catalogue gives them, word for word; so are
a portfolio's table and gaps, a bad period, the kinds the model expected, an Excel file that is
not a workbook and the assessments the engine refuses.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import openpyxl
import pytest

from gender_plan import (
    AssessmentError,
    Comparator,
    Direction,
    Field,
    Goal,
    Indicator,
    LocalizedText,
    MeasurementFrame,
    PartialDate,
    Period,
    Plan,
    ShareOfPlaces,
    Target,
    ValidationError,
    assess_by_plan,
    assess_plan,
    load_plan,
    save_plan,
    write_workbook,
)
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


# --- The portfolio, the model's words, Excel files that are not workbooks, assessment errors ---

_TEXT = LocalizedText(vi="Tỷ lệ nữ", en="Share of women")


def _plan(code: str, indicators: list[Indicator]) -> Plan:
    return Plan(code=code, title=_TEXT, issuer=_TEXT, place=_TEXT, start_year=2026,
                end_year=2030, date=PartialDate(year=2026),
                goals=[Goal(code="1", field=Field.POLITICS, title=_TEXT, indicators=indicators)])


def _share(implements: str | None, value: float) -> Indicator:
    return Indicator(code="4.1", name=_TEXT, unit="percent", implements=implements,
                     targets=[Target(comparator=Comparator.GE, value=value, year=2030)])


@pytest.fixture
def portfolio_files(tmp_path: Path) -> list[Path]:
    """A province, a commune with the link to its 4.1, one without, one with no plan yet."""
    plans = tmp_path / "ke-hoach"
    plans.mkdir()
    save_plan(_plan("kh-tinh", [_share(None, 40.0)]), plans / "tinh.yaml")
    save_plan(_plan("kh-a", [_share("4.1", 35.0)]), plans / "a.yaml")
    save_plan(_plan("kh-b", [_share(None, 45.0)]), plans / "b.yaml")
    places = tmp_path / "dia-ban.csv"
    places.write_text("địa bàn,cấp,cấp trên,kế hoạch\na,xã,tinh,kh-a\nb,xã,tinh,kh-b\nc,xã,tinh,\n"
                      "tinh,tỉnh,,kh-tinh\n", encoding="utf-8")
    rows = tmp_path / "so-lieu.csv"
    rows.write_text("place,indicator,period,value,numerator,denominator\na,4.1,2025,30,6,20\n"
                    "a,4.1,2027,34,8.5,25\nb,4.1,2025,40,10,25\nb,4.1,2027,38,9.5,25\n"
                    "c,4.1,2027,50,5,10\n", encoding="utf-8")
    return [plans, places, rows]


def test_a_portfolio_with_gaps_is_printed_in_vietnamese(
    portfolio_files: list[Path], capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, err = run(capsys, "portfolio", *portfolio_files, "--as-of", "2027",
                           "--no-cache")
    assert 0 == status
    # The province sums commune a only (b's plan has no link, c no plan): 30% in 2025, 34% in
    # 2027, on its path from 30% to 40% in 2030 (ratio 1); a is at twice its path's pace.
    assert [
        "địa bàn  cấp   kế hoạch              STT  tình trạng     tỷ số tiến độ",
        "-------  ----  --------------------  ---  -------------  -------------",
        "a        xã    kh-a                  4.1  Đúng lộ trình  2,00",
        "b        xã    kh-b                  4.1  Đi xuống       -1,00",
        "tinh     tỉnh  kh-tinh               4.1  Đúng lộ trình  1,00",
    ] == out.splitlines()
    assert [
        "cảnh báo: 1 địa bàn không ghi kế hoạch: các địa bàn này không được đánh giá, và số liệu "
        "của chúng không được cộng vào tổng nào (điền cột 'plan' của tệp địa bàn) (địa bàn: c)",
        "cảnh báo: kế hoạch 'kh-b' không có chỉ tiêu nào 'implements: 4.1' của kế hoạch "
        "'kh-tinh': số liệu của các địa bàn theo kế hoạch này không được cộng vào '4.1' (thêm "
        "liên kết cho chỉ tiêu đo nội dung đó) (địa bàn: b)",
        "cảnh báo: 1 dòng số liệu không được dùng: các dòng của địa bàn không có kế hoạch trong "
        "danh mục (địa bàn: c)",
    ] == err.splitlines()
    assert [] == english_in(out + err)
    _, out, _ = run(capsys, "portfolio", *portfolio_files, "--as-of", "2027", "--no-cache",
                    "--format", "json")
    gaps = json.loads(out)["gaps"]
    assert ["no_plan", "no_counterpart", "unused_rows"] == [gap["kind"] for gap in gaps]
    assert [] == english_in(" ".join(gap["message"] for gap in gaps))


def test_the_portfolio_check_finds_english(portfolio_files: list[Path],
                                           capsys: pytest.CaptureFixture[str],
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    """The same portfolio in English fails the check: the test above would see English."""
    monkeypatch.setenv("LANGUAGE", "en")
    _, out, err = run(capsys, "portfolio", *portfolio_files, "--as-of", "2027", "--no-cache")
    assert out.startswith("place  level  plan")
    assert {"are", "not", "of", "the", "warning"} <= set(english_in(err))


def test_a_bad_period_is_refused_in_vietnamese(tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    data = tmp_path / "so-lieu.csv"
    data.write_text("chỉ tiêu,kỳ,giá trị\n1.1,2026-13,40\n1.1,quý 3/2026,40\n1.1,2026-02-30,40\n",
                    encoding="utf-8")
    status, out, err = run(capsys, "validate", PLAN_FILE, data)
    assert (2, "") == (status, out)
    assert [
        "lỗi: 3 lỗi trong số liệu:",
        f"  - {data}:2 [kỳ] measurements[0].period: cần một tháng từ 1 đến 12, nhưng gặp 13",
        f"  - {data}:3 [kỳ] measurements[1].period: cần một kỳ như 2025, 2025-Q3, 2025-07 hoặc "
        "2025-07-14, nhưng gặp 'quý 3/2026'",
        f"  - {data}:4 [kỳ] measurements[2].period: tháng 2026-02 không có ngày 30",
    ] == err.splitlines()
    assert [] == english_in(err)
    with pytest.raises(ValidationError) as raised:
        Period.parse("Q3/2026")
    assert ("1 lỗi trong kỳ:\n  - cần một kỳ như 2025, 2025-Q3, 2025-07 hoặc 2025-07-14, nhưng "
            "gặp 'Q3/2026'") == raised.value.render("vi")
    with pytest.raises(ValidationError) as raised:
        Period(year=2026, quarter=3, month=7)
    assert ("1 lỗi trong kỳ:\n  - quarter: một kỳ là một quý hoặc một tháng, không thể là cả "
            "hai") == raised.value.render("vi")


def test_the_model_names_the_kind_it_expected_in_vietnamese() -> None:
    with pytest.raises(ValidationError) as raised:
        Indicator(code="4.1", name="Tỷ lệ nữ", unit="percent")  # type: ignore[arg-type]
    assert "  - name: cần một đoạn chữ song ngữ (vi, en), nhưng gặp 'Tỷ lệ nữ'" in (
        raised.value.render("vi"))
    with pytest.raises(ValidationError) as raised:
        _plan("kh", "1")  # type: ignore[arg-type]
    assert "cần một danh sách chỉ tiêu, nhưng gặp '1'" in raised.value.render("vi")
    assert [] == english_in(raised.value.render("vi").partition(":")[2])


@pytest.mark.parametrize(("content", "reason", "hint"), [
    ("csv", "đây là tệp văn bản thuần, không phải sổ Excel (một tệp CSV được đặt tên .xlsx?) "
     "[BadZipFile]", "đổi tên tệp cho đuôi là .csv, hoặc mở bằng Excel rồi lưu dưới dạng 'Excel "
     "Workbook (.xlsx)'"),
    ("empty", "tệp trống, không có nội dung [BadZipFile]",
     "lưu lại từ Excel dưới dạng 'Excel Workbook (.xlsx)'"),
    ("cut", "tệp bị hỏng: một phần của sổ bị thiếu hoặc bị lỗi (có phải tệp mới được sao chép "
     "hay tải về một phần?) [BadZipFile]", "sao chép lại tệp từ nơi gốc, hoặc mở bằng Excel rồi "
     "lưu lại"),
    ("encrypted", "sổ Excel được đặt mật khẩu để mở [BadZipFile]", "trong Excel, xoá mật khẩu "
     "(Tệp > Thông tin > Bảo vệ Sổ làm việc > Mã hóa bằng Mật khẩu), lưu lại, rồi đưa lại tệp"),
])
def test_an_xlsx_that_is_not_a_workbook_is_explained_in_vietnamese(
    content: str, reason: str, hint: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    book = tmp_path / "so-lieu.xlsx"
    write_workbook(load_plan(PLAN_FILE), book, years=(2026, 2026))
    whole = book.read_bytes()
    # An encrypted workbook is an OLE2 compound file with an EncryptionInfo stream: its
    # signature and the stream's name in the directory are what tell it apart.
    book.write_bytes({"csv": "chỉ tiêu,kỳ,giá trị\n1.1,2026,40\n".encode(), "empty": b"",
                      "cut": whole[: len(whole) // 2],
                      "encrypted": bytes.fromhex("D0CF11E0A1B11AE1") + bytes(504)
                      + "EncryptionInfo".encode("utf-16-le")}[content])
    assert (2, "", "lỗi: 1 lỗi trong bảng số liệu:\n"
            f"  - {book}: không đọc được như một sổ Excel: {reason} ({hint})\n") == run(
        capsys, "validate", PLAN_FILE, book)
    assert [] == english_in(reason + hint)


def test_a_level_to_stay_near_is_assessed_across_places_in_vietnamese(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The many-places path once refused levels to stay near with an error; it judges them now,
    and says so in Vietnamese."""
    plans = tmp_path / "ke-hoach"
    plans.mkdir()
    near = Indicator(code="4.1", name=_TEXT, unit="boys / 100 girls",
                     direction=Direction.TOWARD_REFERENCE, reference=106,
                     targets=[Target(comparator=Comparator.LE, value=109, year=2030)])
    save_plan(_plan("kh-xa", [near]), plans / "xa.yaml")
    places = tmp_path / "dia-ban.csv"
    places.write_text("place,level,parent,plan\nxa,commune,,kh-xa\n", encoding="utf-8")
    rows = tmp_path / "so-lieu.csv"
    rows.write_text("place,indicator,period,value\nxa,4.1,2026,112\n", encoding="utf-8")
    status, out, err = run(capsys, "portfolio", plans, places, rows, "--as-of", "2027",
                           "--no-cache")
    assert (0, "") == (status, err)
    # One value and no baseline: too few data to judge progress, in the officer's words.
    assert ["xa", "commune", "kh-xa", "4.1"] == out.splitlines()[2].split()[:4]
    assert "Chưa đủ số liệu" in out
    assert [] == english_in(out)


def test_assessment_errors_render_in_vietnamese() -> None:
    plan = load_plan(PLAN_FILE)
    with pytest.raises(AssessmentError) as raised:
        assess_plan(plan, [], as_of="2026")  # type: ignore[arg-type]
    assert "as_of phải là một ngày hoặc một năm, nhưng gặp '2026'" == raised.value.render("vi")
    other = _plan("kh-khac", [Indicator(code="1.1", name=_TEXT, unit="people")])
    with pytest.raises(AssessmentError) as raised:
        assess_by_plan({"a": plan, "b": other}, MeasurementFrame.from_measurements([], plan),
                       as_of=2026)
    assert ("chỉ tiêu '1.1' tính bằng 'percent' trong một kế hoạch nhưng bằng 'people' trong kế "
            "hoạch 'kh-khac': một bảng số liệu chỉ có một đơn vị cho mỗi chỉ tiêu, nên hãy ghi "
            "cùng một đơn vị trong các kế hoạch") == raised.value.render("vi")


def test_the_dashboard_writes_a_share_condition_as_each_language_does(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The count of places below under a share: '≥ 16/năm' in Vietnamese, not the unit code."""
    plans = tmp_path / "ke-hoach"
    plans.mkdir()
    share = Indicator(code="6.4", name=_TEXT, unit="percent",
                      share_of_places=ShareOfPlaces(comparator=Comparator.GE, value=16.5,
                                                    unit="items / year"),
                      targets=[Target(comparator=Comparator.GE, value=100, year=2030)])
    news = Indicator(code="6.3", name=_TEXT, unit="items / year", implements="6.4",
                     targets=[Target(comparator=Comparator.GE, value=16, year=2030)])
    save_plan(_plan("kh-tinh", [share]), plans / "tinh.yaml")
    save_plan(_plan("kh-xa", [news]), plans / "xa.yaml")
    places = tmp_path / "dia-ban.csv"
    places.write_text("place,level,parent,plan\nx1,commune,tinh,kh-xa\nx2,commune,tinh,kh-xa\n"
                      "tinh,province,,kh-tinh\n", encoding="utf-8")
    rows = tmp_path / "so-lieu.csv"
    rows.write_text("place,indicator,period,value\nx1,6.3,2026,20\nx2,6.3,2026,12\n",
                    encoding="utf-8")
    page = tmp_path / "bang.html"
    assert 0 == run(capsys, "portfolio", plans, places, rows, "--as-of", "2026", "--no-cache",
                    "--format", "csv", "--dashboard", "tinh", "--out", page)[0]
    assert ("1/2 địa phương cấp dưới đạt ≥ 16,5/năm / 1 of 2 places below meet ≥ 16.5 per "
            "year") in page.read_text(encoding="utf-8")
