"""The parsers' own words (PyYAML, tomllib, the JSON and CSV readers) reach people translated."""

from __future__ import annotations

import csv
import io
import json
import tomllib

import pytest
import yaml

from gender_plan._i18n import Msg, render
from gender_plan.io._parser_words import csv_problem, json_problem, toml_problem, yaml_problem


def _yaml(text: str) -> str:
    try:
        yaml.safe_load(text)
    except yaml.MarkedYAMLError as error:
        return str(error.problem)
    raise AssertionError("valid YAML")  # pragma: no cover


def _toml(text: str) -> str:
    try:
        tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        return str(error).split(" (at ")[0].lower()
    raise AssertionError("valid TOML")  # pragma: no cover


# A document, what PyYAML says of it as our messages say it in English, and in Vietnamese.
YAML_CASES = [
    ("code: x\ntitle: a: b\n", "mapping values are not allowed here",
     "không được đặt giá trị khoá ở đây (có thể thiếu dấu nháy hoặc thụt lề sai)"),
    ("code: [x\n", "expected ',' or ']', but got the end of the file",
     "cần dấu ',' hoặc ']', nhưng gặp cuối tệp"),
    ("code: {x: 1\n", "expected ',' or '}', but got the end of the file",
     "cần dấu ',' hoặc '}', nhưng gặp cuối tệp"),
    ("a:\n  - 1\n - 2\n", "expected the end of an indented block, but found the start of a list",
     "cần chỗ kết thúc một khối thụt lề, nhưng gặp chỗ bắt đầu một danh sách"),
    ("code: \"x\n", "found unexpected end of stream", "tệp kết thúc bất ngờ"),
    ("code: `x`\n", "found character '`' that cannot start any token",
     "gặp ký tự '`' không thể đứng đầu một thành phần"),
    ("code: *nowhere\n", "found undefined alias 'nowhere'",
     "gặp bí danh chưa được định nghĩa 'nowhere'"),
    ("a: 1\nb\n", "could not find expected ':'", "không tìm thấy dấu ':' cần có"),
    ("code: \"a\\qb\"\n", "found unknown escape character 'q'",
     "gặp ký tự thoát không biết 'q'"),
]


@pytest.mark.parametrize(("text", "english", "vietnamese"), YAML_CASES)
def test_pyyamls_problems_are_messages(text: str, english: str, vietnamese: str) -> None:
    problem = yaml_problem(_yaml(text))
    assert isinstance(problem, Msg)
    assert (english, vietnamese) == (render(problem, "en"), render(problem, "vi"))


TOML_CASES = [
    ("a = \n", "invalid value", "giá trị không hợp lệ"),
    ("a = 1\na = 2\n", "cannot overwrite a value", "không được ghi đè một giá trị đã có"),
    ("[a]\n[a]\n", "cannot declare ('a',) twice", "không được khai báo ('a',) hai lần"),
    ("a b = 1\n", "expected '=' after a key in a key/value pair",
     "cần dấu '=' sau khoá trong cặp khoá/giá trị"),
    ("a = [1, 2\n", "unclosed array", "mảng chưa được đóng"),
    ("a = \"x", "unterminated string", "đoạn chữ chưa có dấu nháy đóng"),
    ("a = \"x\n", "illegal character '\\n'", "ký tự không được phép '\\n'"),
    ("a = 2026-02-30\n", "invalid date or datetime", "ngày hoặc ngày giờ không hợp lệ"),
    ("a = 1 2\n", "expected newline or end of document after a statement",
     "cần xuống dòng hoặc hết văn bản sau một câu lệnh"),
    ("[a\n", "expected ']' at the end of a table declaration",
     "cần dấu ']' ở cuối phần khai báo bảng"),
]


@pytest.mark.parametrize(("text", "english", "vietnamese"), TOML_CASES)
def test_tomllibs_problems_are_messages(text: str, english: str, vietnamese: str) -> None:
    problem = toml_problem(_toml(text))
    assert isinstance(problem, Msg)
    assert (english, vietnamese) == (render(problem, "en"), render(problem, "vi"))


def test_the_json_string_decoders_problems_are_messages() -> None:
    decoder = vars(json.decoder)["scanstring"]
    found = []
    for text in ('a\\qb"', "a\\u12zzb\"", "a\x01b\""):
        with pytest.raises(json.JSONDecodeError) as caught:
            decoder(text, 0, True)
        found.append(json_problem(caught.value.msg.lower()))
    assert all(isinstance(problem, Msg) for problem in found)
    assert [render(problem, "vi") for problem in found] == [
        "chuỗi thoát không hợp lệ (dấu \\ và ký tự theo sau) trong đoạn chữ trong dấu nháy",
        "chuỗi thoát \\uXXXX không hợp lệ trong đoạn chữ trong dấu nháy",
        "có ký tự điều khiển trong đoạn chữ trong dấu nháy",
    ]


def test_the_csv_readers_problems_are_messages() -> None:
    with pytest.raises(csv.Error) as caught:
        list(csv.reader(io.StringIO('a,"b"c\n', newline=""), strict=True))
    problem = csv_problem(str(caught.value))
    assert isinstance(problem, Msg)
    assert ("',' expected after '\"'", "cần ',' sau dấu nháy '\"'") == (
        render(problem, "en"), render(problem, "vi"))
    assert "dữ liệu kết thúc bất ngờ (có thể thiếu dấu nháy đóng)" == render(
        csv_problem("unexpected end of data"), "vi")


def test_a_sentence_not_known_stays_as_the_parser_wrote_it() -> None:
    for words in (yaml_problem, toml_problem, json_problem, csv_problem):
        said = words("some new wording of a parser")
        assert not isinstance(said, Msg)
        assert "some new wording of a parser" == said
