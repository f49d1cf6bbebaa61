"""Mutated valid files may only ever raise the library's own errors."""

from __future__ import annotations

import contextlib
import os
import threading
import warnings
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from gender_plan import (
    FileFormatError,
    GenderPlanError,
    ValidationError,
    dumps_plan,
    load_measurements,
    load_plan,
    loads_plan,
)
from gender_plan.errors import MAX_SHOWN
from gender_plan.io import _limits, plan_files
from gender_plan.io._source import decode
from gender_plan.testing import plans
from gender_plan.testing.hostile import MEASUREMENTS_HEAD, PLAN_HEAD, far_cell_workbook

SMALL = plans(max_goals=1)
WRITTEN = (Path(__file__).resolve().parent / "data" / "hand_written.yaml").read_text(
    encoding="utf-8"
)


@st.composite
def mutated(draw: st.DrawFn, text: str) -> bytes:
    """`text` with a few byte flips, deletions, insertions and line shuffles."""
    data = bytearray(text.encode("utf-8"))
    for _ in range(draw(st.integers(1, 4))):
        action = draw(st.sampled_from(("flip", "delete", "insert", "shuffle", "cut")))
        position = draw(st.integers(0, max(len(data) - 1, 0)))
        if action == "flip" and data:
            data[position] ^= 1 << draw(st.integers(0, 7))
        elif action == "delete":
            del data[position : position + draw(st.integers(1, 20))]
        elif action == "insert":
            data[position:position] = draw(st.sampled_from(
                (b"{", b"[", b"- ", b": ", b'"', b"'", b"&a ", b"*a", b"!!", b"\n  ", b"\x00",
                 b"\xff", b"null", b"1e999", b"=", b",", b"}")))
        elif action == "shuffle":
            lines = bytes(data).split(b"\n")
            order = draw(st.permutations(range(len(lines))))
            data = bytearray(b"\n".join(lines[i] for i in order))
        else:
            del data[position:]
    return bytes(data)


def _load(data: bytes, kind: plan_files.Format) -> None:
    with contextlib.suppress(GenderPlanError):
        loads_plan(decode(data, None), format=kind)


@given(data=st.sampled_from(plan_files.FORMATS).flatmap(
    lambda kind: st.tuples(st.just(kind), mutated(dumps_plan(
        loads_plan(WRITTEN, format="yaml"), format=kind)))))
def test_mutated_plan_files_raise_only_library_errors(data: tuple[str, bytes]) -> None:
    kind, content = data
    _load(content, kind)  # type: ignore[arg-type]


@given(plan=SMALL, kind=st.sampled_from(plan_files.FORMATS), seed=st.data())
def test_mutated_generated_plans_raise_only_library_errors(
    plan: object, kind: plan_files.Format, seed: st.DataObject
) -> None:
    content = seed.draw(mutated(dumps_plan(plan, format=kind)))  # type: ignore[arg-type]
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        _load(content, kind)


# --- issue 15: each class of hostile input, generated --------------------------------------------

def _plan_with(kind: plan_files.Format, key: str, raw: str) -> str:
    """The text of a small plan in `kind` with `key` set to the value written as `raw`."""
    if kind == "yaml":
        return f"{PLAN_HEAD}{key}: {raw}\n"
    if kind == "json":
        return (f'{{"schema": "gender-plan/1", "code": "c", "title": "t", "issuer": "i", '
                f'"place": "p", "start_year": 2026, "end_year": 2030, "date": "2026-05", '
                f'"{key}": {raw}}}')
    return (f'{key} = {raw}\nschema = "gender-plan/1"\ncode = "c"\ntitle = "t"\nissuer = "i"\n'
            'place = "p"\nstart_year = 2026\nend_year = 2030\ndate = "2026-05"\n')


def _problems(text: str, kind: plan_files.Format) -> str:
    with pytest.raises(GenderPlanError) as caught:
        loads_plan(text, format=kind)
    return str(caught.value)


@example(kind="yaml", depth=64)
@example(kind="yaml", depth=65)
@example(kind="json", depth=64)
@example(kind="json", depth=65)
@example(kind="toml", depth=64)
@example(kind="toml", depth=65)
@given(kind=st.sampled_from(plan_files.FORMATS), depth=st.integers(2, 3000))
def test_nesting_of_any_depth_is_refused_past_the_bound_never_a_crash(
    kind: plan_files.Format, depth: int
) -> None:
    message = _problems(_plan_with(kind, "recipients", "[" * depth + "]" * depth), kind)
    # The innermost list is `depth` levels below the document (recipients is 1).
    assert ("more than 64 deep" in message) == (depth > _limits.MAX_DEPTH), message


@given(depth=st.integers(1, 40), width=st.integers(1, 3))
def test_a_yaml_alias_inside_its_own_anchor_is_refused(depth: int, width: int) -> None:
    inner = "*r" if depth == 1 else "[" * (depth - 1) + ", ".join(["*r"] * width) + "]" * (depth - 1)
    message = _problems(f"{PLAN_HEAD}recipients: &r [{inner}]\n", "yaml")
    assert "refers to the list or mapping that holds it" in message


@given(kind=st.sampled_from(plan_files.FORMATS), digits=st.integers(_limits.MAX_DIGITS + 1, 6000),
       first=st.sampled_from("123456789"))
def test_a_number_of_too_many_digits_is_refused_in_every_format(
    kind: plan_files.Format, digits: int, first: str
) -> None:
    message = _problems(_plan_with(kind, "base_year", first + "0" * (digits - 1)), kind)
    assert f"a run of {digits:,} digits" in message


@given(digits=st.integers(_limits.MAX_DIGITS + 1, 6000), column=st.sampled_from(
    ("value", "numerator", "denominator")))
def test_a_cell_of_too_many_digits_is_refused(tmp_path_factory: pytest.TempPathFactory,
                                               digits: int, column: str) -> None:
    cells = {"value": "1", "numerator": "", "denominator": ""} | {column: "9" * digits}
    path = tmp_path_factory.mktemp("digits") / "m.csv"
    path.write_text(MEASUREMENTS_HEAD + f"1.1,2025,{cells['value']},percent,,,"
                    f"{cells['numerator']},{cells['denominator']}\n", encoding="utf-8")
    with pytest.raises(GenderPlanError, match=f"a run of {digits:,} digits"):
        load_measurements(path)


@settings(max_examples=12)
@given(kind=st.sampled_from(plan_files.FORMATS),
       count=st.integers(_limits.MAX_ITEMS - 2, _limits.MAX_ITEMS + 2))
def test_a_list_longer_than_the_bound_is_refused_in_every_format(
    kind: plan_files.Format, count: int
) -> None:
    text = _plan_with(kind, "recipients", "[" + ", ".join(['"x"'] * count) + "]")
    if count > _limits.MAX_ITEMS:
        assert "a list holds more than 10,000 items" in _problems(text, kind)
    else:
        assert count == len(loads_plan(text, format=kind).recipients)


NON_ASCII_DIGITS = st.characters(categories=["Nd"]).filter(lambda c: not c.isascii())


@given(digits=st.lists(NON_ASCII_DIGITS, min_size=1, max_size=4),
       column=st.sampled_from(("value", "period")))
def test_digits_of_other_scripts_are_never_read_as_numbers(
    tmp_path_factory: pytest.TempPathFactory, digits: list[str], column: str
) -> None:
    text = "".join(digits)
    row = {"value": "50", "period": "2025"} | {column: text}
    path = tmp_path_factory.mktemp("digits") / "m.csv"
    path.write_text(MEASUREMENTS_HEAD + f"1.1,{row['period']},{row['value']},percent,,,,\n",
                    encoding="utf-8")
    with pytest.raises(ValidationError) as caught:
        load_measurements(path)
    assert [f"measurements[0].{column}"] == [p.path for p in caught.value.problems]


@given(digits=st.lists(NON_ASCII_DIGITS, min_size=4, max_size=4),
       key=st.sampled_from(("start_year", "date")))
def test_digits_of_other_scripts_are_never_read_in_a_plan(digits: list[str], key: str) -> None:
    text = PLAN_HEAD.replace("2026\n" if key == "start_year" else "2026-05",
                             "".join(digits) + ("\n" if key == "start_year" else ""), 1)
    with pytest.raises(ValidationError) as caught:
        loads_plan(text, format="yaml")
    assert key in [p.path.split(".")[0] for p in caught.value.problems]


CONTROLS = st.one_of(st.integers(0, 8), st.integers(11, 12), st.integers(14, 31),
                     st.just(127), st.integers(0xD800, 0xDFFF))


@given(code=CONTROLS, kind=st.sampled_from(("json", "yaml")), in_key=st.booleans())
def test_an_escaped_control_character_or_lone_surrogate_is_refused(
    code: int, kind: plan_files.Format, in_key: bool
) -> None:
    escape = f"\\u{code:04x}" if kind == "json" or code > 255 else f"\\x{code:02x}"
    quoted = f'"a{escape}b"'
    if in_key:
        text = (f'{PLAN_HEAD}{quoted}: x\n' if kind == "yaml"
                else _plan_with(kind, f"a{escape}b", '"x"'))
    else:
        text = _plan_with(kind, "recipients", f"[{quoted}]")
    message = _problems(text, kind)
    assert f"U+{code:04X}" in message


YAML_11_INTEGERS = st.integers(1900, 2200).flatmap(lambda year: st.sampled_from((
    hex(year), f"0o{year:o}", f"0{year:o}", f"{str(year)[:2]}_{str(year)[2:]}",
    f"{year // 60}:{year % 60:02d}", f"0b{year:b}", f"+0{year}")))


@given(raw=YAML_11_INTEGERS, key=st.sampled_from(("start_year", "end_year", "base_year")))
def test_yaml_1_1_integers_are_never_read_as_numbers(raw: str, key: str) -> None:
    with pytest.raises(ValidationError) as caught:
        loads_plan(_plan_with("yaml", key, raw) if key == "base_year"
                   else PLAN_HEAD.replace({"start_year": "2026\n", "end_year": "2030"}[key],
                                          raw + ("\n" if key == "start_year" else ""), 1),
                   format="yaml")
    assert any(key == p.path and repr(raw) in p.message for p in caught.value.problems)


@given(year=st.integers(1900, 2200))
def test_yaml_1_2_decimal_integers_are_still_read(year: int) -> None:
    plan = loads_plan(_plan_with("yaml", "base_year", str(year)).replace(
        "start_year: 2026", "start_year: 1900").replace("end_year: 2030", "end_year: 2200"),
        format="yaml")
    assert year == plan.base_year


@given(tag=st.sampled_from(("timestamp", "int", "float", "bool", "null", "binary", "set")))
def test_explicit_tags_other_than_str_are_refused(tag: str) -> None:
    message = _problems(PLAN_HEAD.replace("Kế hoạch thử", f"!!{tag} 2025-01-01"), "yaml")
    assert "is not allowed" in message


@given(column=st.integers(_limits.MAX_COLUMNS + 1, 16_384), row=st.integers(1, 1_048_576),
       declared=st.booleans())
def test_an_xlsx_cell_beyond_the_bounds_is_refused(
    tmp_path_factory: pytest.TempPathFactory, column: int, row: int, declared: bool
) -> None:
    path = far_cell_workbook(tmp_path_factory.mktemp("xlsx"), column=column, row=row,
                             declared=declared)
    with pytest.raises(FileFormatError, match="the sheet reaches cell"):
        load_measurements(path)


@given(count=st.integers(1, 400))
def test_at_most_100_problems_are_shown_and_the_rest_counted(count: int) -> None:
    text = PLAN_HEAD + "".join(f"unknown{i}: 1\n" for i in range(count))
    with pytest.raises(ValidationError) as caught:
        loads_plan(text, format="yaml")
    message = str(caught.value)
    assert count == len(caught.value.problems)
    assert min(count, MAX_SHOWN) == message.count("\n  - ")
    assert (f"and {count - MAX_SHOWN:,} more" in message) == (count > MAX_SHOWN)


@given(extra=st.integers(-3, 3), kind=st.sampled_from(("yaml", "csv")))
def test_a_file_is_refused_by_its_size_before_it_is_parsed(
    tmp_path_factory: pytest.TempPathFactory, extra: int, kind: str
) -> None:
    limit = _limits.MAX_PLAN_BYTES if kind == "yaml" else _limits.MAX_FILE_BYTES
    path = tmp_path_factory.mktemp("size") / f"big.{kind}"
    with path.open("wb") as stream:
        stream.truncate(limit + extra)  # NUL bytes: a file the parsers would refuse anyway
    with pytest.raises(FileFormatError) as caught:
        load_plan(path) if kind == "yaml" else load_measurements(path)
    assert (f"more than the {limit:,} accepted" in str(caught.value)) == (extra > 0)


@given(size=st.integers(0, 3 * _limits.MAX_PLAN_BYTES))
def test_a_device_is_read_no_further_than_the_limit(size: int) -> None:
    data = b"\x00" * size
    read, write = os.pipe()
    with os.fdopen(read, "rb") as reader, os.fdopen(write, "wb") as writer:
        thread = threading.Thread(target=lambda: (writer.write(data), writer.close()))
        thread.start()
        try:
            if size > _limits.MAX_PLAN_BYTES:
                with pytest.raises(FileFormatError,
                                   match="holds more than the 2,097,152 bytes accepted"):
                    _limits.read_bytes(f"/dev/fd/{reader.fileno()}",
                                       limit=_limits.MAX_PLAN_BYTES)
            else:
                assert data == _limits.read_bytes(f"/dev/fd/{reader.fileno()}",
                                                  limit=_limits.MAX_PLAN_BYTES)
        finally:
            with contextlib.suppress(OSError):
                while reader.read(1 << 20):
                    pass
            thread.join()


@given(code=st.one_of(st.integers(0, 8), st.integers(11, 12), st.integers(14, 31), st.just(127)))
def test_an_escaped_control_character_in_toml_is_refused(code: int) -> None:
    message = _problems(_plan_with("toml", "recipients", f'["a\\u{code:04x}b"]'), "toml")
    assert f"U+{code:04X}" in message


@pytest.mark.parametrize(("key", "shown"), [
    ("? [a, b]\n: 1", "found a list"),
    ("? {a: 1}\n: 1", "found a mapping"),
    ("1: x", "found a number ('1')"),
    ("true: x", "found true or false ('true')"),
    ("~: x", "found an empty key ('~')"),
])
def test_a_key_that_is_not_a_name_is_described_not_dumped(key: str, shown: str) -> None:
    message = _problems(f"{PLAN_HEAD}{key}\n", "yaml")
    assert f"a key must be a name, {shown}" in message
    assert "Node" not in message
