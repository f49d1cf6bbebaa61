"""Crafted hostile files, one per kind of attack a plan or measurement reader must survive.

Each writer puts one file in a folder and returns its path; several are too large to keep in a
repository (a 16 MB key, a workbook that unzips to 100 MB), so tests and the benchmark
``benchmarks/hostile_inputs.py`` write them when they run. Every file must be refused by the
library with one of its own errors, in a few seconds, or read correctly: a file read silently
as something else is a failure too.
"""

from __future__ import annotations

import zipfile
from collections.abc import Callable, Mapping
from pathlib import Path

__all__ = ["HOSTILE", "MEASUREMENTS_HEAD", "PLAN_HEAD", "Writer", "far_cell_workbook"]

Writer = Callable[[Path], Path]
"""Writes one hostile file into a folder and returns its path."""

PLAN_HEAD = """schema: gender-plan/1
code: hostile
title: Kế hoạch thử
issuer: UBND xã
place: Xã thử
start_year: 2026
end_year: 2030
date: 2026-05
"""
"""The head of a valid YAML plan, for writers that add one hostile part."""

_GOAL = """goals:
  - code: '1'
    field: politics
    title: Chính trị
    indicators:
      - code: '1.1'
        name: Tỷ lệ nữ
        unit: {unit}
        targets:
          - {{comparator: '{comparator}', value: {value}, kind: {kind}}}
"""

MEASUREMENTS_HEAD = "indicator,period,value,unit,series,source,numerator,denominator\n"
"""The header of a measurement CSV file."""

_JSON_HEAD = ('{"schema": "gender-plan/1", "code": "hostile", "title": "t", "issuer": "i", '
              '"place": "p", "start_year": 2026, "end_year": 2030, "date": "2026-05"')
_TOML_HEAD = ('schema = "gender-plan/1"\ncode = "hostile"\ntitle = "t"\nissuer = "i"\n'
              'place = "p"\nstart_year = 2026\nend_year = 2030\ndate = "2026-05"\n')


def _text(name: str, text: str) -> Writer:
    def write(folder: Path) -> Path:
        path = folder / name
        path.write_text(text, encoding="utf-8")
        return path

    return write


def _goal(unit: str = "percent", comparator: str = ">=", value: str = "60",
          kind: str = "reach") -> str:
    return _GOAL.format(unit=unit, comparator=comparator, value=value, kind=kind)


def _link(name: str, device: str) -> Writer:
    def write(folder: Path) -> Path:
        path = folder / name
        path.symlink_to(device)
        return path

    return write


def _long_paths(folder: Path) -> Path:
    """Keys of 190 letters nested 60 deep over short lists: each value's path repeats them."""
    path = folder / "long_paths.yaml"
    head = "".join(f"{'  ' * level}{'k' * 190}{level}:\n" for level in range(60))
    items = "".join(f"{'  ' * 60}l{i}: [{', '.join(['1'] * 9_000)}]\n" for i in range(5))
    path.write_text(PLAN_HEAD + head + items, encoding="utf-8")
    return path


def _many(kind: str, count: int = 60_000) -> Writer:
    """A plan with tens of thousands of tasks, just under the file-size limit."""

    def write(folder: Path) -> Path:
        path = folder / f"many_tasks.{kind}"
        if kind == "yaml":
            body = PLAN_HEAD + "tasks:\n" + "".join(
                f"  - {{code: t{i}, title: x}}\n" for i in range(count))
        elif kind == "json":
            body = _JSON_HEAD + ', "tasks": [' + ", ".join(
                f'{{"code": "t{i}", "title": "x"}}' for i in range(count)) + "]}"
        else:
            body = _TOML_HEAD + "".join(
                f'[[tasks]]\ncode = "t{i}"\ntitle = "x"\n' for i in range(count))
        path.write_text(body, encoding="utf-8")
        return path

    return write


def _xlsx(name: str, members: Mapping[str, bytes | Callable[[zipfile.ZipFile], None]]
          ) -> Writer:
    def write(folder: Path) -> Path:
        path = folder / name
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
            for member, content in members.items():
                if isinstance(content, bytes):
                    archive.writestr(member, content)
                else:
                    content(archive)
        return path

    return write


_CONTENT_TYPES = (
    b'<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
    b'package/2006/content-types"><Default Extension="rels" ContentType="application/'
    b'vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType='
    b'"application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/'
    b'vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName='
    b'"/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.'
    b'spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType='
    b'"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
    b"</Types>"
)
_ROOT_RELS = (
    b'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.'
    b'openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://'
    b'schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target='
    b'"xl/workbook.xml"/></Relationships>'
)
_WORKBOOK = (
    b'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/'
    b'spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/'
    b'relationships"><sheets><sheet name="measurements" sheetId="1" r:id="rId1"/></sheets>'
    b"</workbook>"
)
_WORKBOOK_RELS = (
    b'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.'
    b'openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://'
    b'schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target='
    b'"worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org'
    b'/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>'
    b"</Relationships>"
)
_MAIN = b'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
_HEADER_CELLS = b"".join(
    b'<c r="%s1" t="inlineStr"><is><t>%s</t></is></c>' % (column, name)
    for column, name in ((b"A", b"indicator"), (b"B", b"period"), (b"C", b"value"))
)


def _sheet(rows: bytes, dimension: bytes = b"A1:C1") -> bytes:
    return (b'<?xml version="1.0" encoding="UTF-8"?><worksheet ' + _MAIN + b'><dimension ref="'
            + dimension + b'"/><sheetData><row r="1">' + _HEADER_CELLS + b"</row>" + rows
            + b"</sheetData></worksheet>")


def _workbook(sheet: bytes, strings: bytes | Callable[[zipfile.ZipFile], None]
              ) -> dict[str, bytes | Callable[[zipfile.ZipFile], None]]:
    return {"[Content_Types].xml": _CONTENT_TYPES, "_rels/.rels": _ROOT_RELS,
            "xl/workbook.xml": _WORKBOOK, "xl/_rels/workbook.xml.rels": _WORKBOOK_RELS,
            "xl/worksheets/sheet1.xml": sheet, "xl/sharedStrings.xml": strings}


_NO_STRINGS = b'<?xml version="1.0" encoding="UTF-8"?><sst ' + _MAIN + b' count="0"/>'


def _huge_strings(archive: zipfile.ZipFile) -> None:
    """Shared strings of 20 MB (more than one part may hold) that deflate to 20 kB."""
    with archive.open("xl/sharedStrings.xml", "w", force_zip64=True) as stream:
        stream.write(b'<?xml version="1.0" encoding="UTF-8"?><sst ' + _MAIN + b'><si><t>')
        chunk = b"a" * 1_000_000
        for _ in range(20):
            stream.write(chunk)
        stream.write(b"</t></si></sst>")


def far_cell_workbook(folder: Path, *, column: int, row: int, declared: bool = True) -> Path:
    """A workbook with a header and one value at (`column`, `row`), 1-based.

    With `declared`, the sheet's dimension says so; without, it claims ``A1:C1`` (a file may
    lie, and the reader must not trust it).
    """
    letters = ""
    number = column
    while number:
        number, rest = divmod(number - 1, 26)
        letters = chr(65 + rest) + letters
    cell = f"{letters}{row}".encode()
    rows = b'<row r="%d"><c r="%s"><v>1</v></c></row>' % (max(row, 2), cell)
    if row == 1:  # in the header row itself
        rows = b""
    sheet = _sheet(rows, b"A1:" + cell if declared else b"A1:C1")
    if row == 1:
        sheet = sheet.replace(b"</row>", b'<c r="%s"><v>1</v></c></row>' % cell, 1)
    return _xlsx("far.xlsx", _workbook(sheet, _NO_STRINGS))(folder)


HOSTILE: Mapping[str, Writer] = {
    # crashes
    "self_alias.yaml": _text("self_alias.yaml", PLAN_HEAD + "recipients: &r\n  - *r\n"),
    "deep_arrays.toml": _text("deep_arrays.toml",
                              _TOML_HEAD + "x = " + "[" * 50_000 + "]" * 50_000 + "\n"),
    "deep_tables.toml": _text("deep_tables.toml",
                              _TOML_HEAD + "x = " + "{a = " * 50_000 + "1" + "}" * 50_000 + "\n"),
    "dotted_keys.toml": _text("dotted_keys.toml",
                              _TOML_HEAD + "[" + ".".join(["a"] * 50_000) + "]\n"),
    "long_number.toml": _text("long_number.toml",
                              _TOML_HEAD.replace("2026\n", "2" * 5000 + "\n", 1)),
    "long_number.csv": _text("long_number.csv",
                             MEASUREMENTS_HEAD + "1.1,2025," + "9" * 5000 + ",percent,,,,\n"),
    "zero.yaml": _link("zero.yaml", "/dev/zero"),
    "zero.csv": _link("zero.csv", "/dev/zero"),
    "long_paths.yaml": _long_paths,
    # hangs and slow refusals
    "far_cell.xlsx": _xlsx("far_cell.xlsx", _workbook(
        _sheet(b'<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>', b"A1:XFD1048576"),
        _NO_STRINGS)),
    "huge_strings.xlsx": _xlsx("huge_strings.xlsx", _workbook(
        _sheet(b'<row r="2"><c r="A2" t="s"><v>0</v></c></row>'), _huge_strings)),
    "unit_power.yaml": _text("unit_power.yaml", PLAN_HEAD + _goal(unit="'items * 10 ** 10 ** 10'")),
    "unit_exponent.yaml": _text("unit_exponent.yaml",
                                PLAN_HEAD + _goal(unit="'items ** 99999999999'")),
    "many_tasks.yaml": _many("yaml"),
    "many_tasks.json": _many("json"),
    "many_tasks.toml": _many("toml"),
    "urandom.yaml": _link("urandom.yaml", "/dev/urandom"),
    "urandom.xlsx": _link("urandom.xlsx", "/dev/urandom"),
    # the largest plan file accepted: read, slowly, but read correctly
    "long_title.yaml": _text("long_title.yaml", PLAN_HEAD.replace(
        "Kế hoạch thử", "kế " * 415_000)),
    # unbounded lists of problems
    "unknown_keys.yaml": _text("unknown_keys.yaml", PLAN_HEAD + "".join(
        f"k{i}: 1\n" for i in range(50_000))),
    "wide_header.csv": _text("wide_header.csv", ",".join(
        f"c{i}" for i in range(100_000)) + "\n"),
    # silent accepts
    "hex_year.yaml": _text("hex_year.yaml", PLAN_HEAD.replace("2026\n", "0x7EA\n", 1)),
    "underscore_year.yaml": _text("underscore_year.yaml", PLAN_HEAD.replace("2030", "2_030")),
    "sexagesimal.yaml": _text("sexagesimal.yaml", PLAN_HEAD + _goal(value="1:00")),
    "fullwidth_value.csv": _text("fullwidth_value.csv",
                                 MEASUREMENTS_HEAD + "1.1,2025,５０,percent,,,,\n"),
    "arabic_indic_value.csv": _text("arabic_indic_value.csv",
                                    MEASUREMENTS_HEAD + "1.1,2025,٤٠,percent,,,,\n"),
    "fullwidth_period.csv": _text("fullwidth_period.csv",
                                  MEASUREMENTS_HEAD + "1.1,２０２５,50,percent,,,,\n"),
    "nul_escape.json": _text("nul_escape.json", _JSON_HEAD.replace('"t"', '"a\\u0000b"') + "}"),
    "lone_surrogate.json": _text("lone_surrogate.json",
                                 _JSON_HEAD.replace('"t"', '"a\\ud800b"') + "}"),
    "nul_escape.yaml": _text("nul_escape.yaml", PLAN_HEAD.replace("Kế hoạch thử", '"a\\0b"')),
    "lone_surrogate.yaml": _text("lone_surrogate.yaml",
                                 PLAN_HEAD.replace("Kế hoạch thử", '"a\\ud800b"')),
    "self_parent.yaml": _text("self_parent.yaml", PLAN_HEAD + (
        "legal_bases:\n  - {code: hostile, kind: plan, issuer: UBND xã, number: 1/KH, "
        "date: '2026-05-01', title: Kế hoạch thử}\nparent: hostile\n")),
    "timestamp_title.yaml": _text("timestamp_title.yaml",
                                  PLAN_HEAD.replace("Kế hoạch thử", "!!timestamp 2025-01-01")),
    "ratio_contradiction.csv": _text("ratio_contradiction.csv",
                                     MEASUREMENTS_HEAD + "1.1,2025,90,percent,,,5,10\n"),
    "unit_per.yaml": _text("unit_per.yaml", PLAN_HEAD + _goal(unit="boys per 100 girls")),
    "dot_thousands.csv": _text("dot_thousands.csv", "indicator;period;value;unit\n"
                               "1.1;2025;1,5;percent\n1.1;2026;1.234;percent\n"),
    # messages that showed internals
    "complex_key.yaml": _text("complex_key.yaml", PLAN_HEAD + "? [a, b]\n: 1\n"),
    "yes_no_ge.yaml": _text("yes_no_ge.yaml", PLAN_HEAD + _goal(
        unit="yes_no", comparator=">=", value="true", kind="yes_no")),
    "unit_unknown.yaml": _text("unit_unknown.yaml", PLAN_HEAD + _goal(unit="percnt")),
}
"""Every hostile file by name; the suffix says which reader it is for."""
