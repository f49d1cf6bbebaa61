"""TOML plan files: problems carry the line of the key, header or array element they are about."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Any

import laikhe_2026_2030
import pytest
import tomli_w
from hypothesis import given
from hypothesis import strategies as st

from gender_plan import Plan, ValidationError, dumps_plan, load_plan, loads_plan
from gender_plan.io._toml import toml_locations
from gender_plan.testing import plans

HAND_WRITTEN = Path(__file__).resolve().parent / "data" / "hand_written.toml"
WRITTEN = HAND_WRITTEN.read_text(encoding="utf-8")


def line_of(text: str, fragment: str, after: str = "") -> int:
    """The 1-based line of the first `fragment` after the first `after`: found by the test alone."""
    start = text.index(after)
    return text.count("\n", 0, text.index(fragment, start)) + 1


def problems(text: str) -> dict[str, int | None]:
    with pytest.raises(ValidationError) as caught:
        loads_plan(text, format="toml")
    return {problem.path: problem.line for problem in caught.value.problems}


def test_the_hand_written_plan_loads() -> None:
    assert "hand-written" == load_plan(HAND_WRITTEN).code


def test_a_wrong_value_deep_inside_reports_its_line_and_path(tmp_path: Path) -> None:
    text = (WRITTEN.replace('name = "Hai"\nunit = "percent"', 'name = "Hai"\nunit = "percnt"')
            .replace("value = 30", 'value = "30"'))
    path = tmp_path / "plan.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ValidationError) as caught:
        load_plan(path)
    expected = {("goals[1].indicators[1].unit", line_of(text, '"percnt"'), str(path)),
                ("goals[1].indicators[2].targets[0].value", line_of(text, 'value = "30"'),
                 str(path))}
    assert expected == {(p.path, p.line, p.file) for p in caught.value.problems}


def test_a_wrong_value_in_the_laikhe_plan_written_by_tomli_w_reports_its_line() -> None:
    text = dumps_plan(laikhe_2026_2030.build_plan(), format="toml")
    start = text.index('code = "2.3"')
    value = text.index("value = ", start)
    text = text[:value] + 'value = "x"' + text[text.index("\n", value):]
    expected = {"goals[1].indicators[2].targets[0].value": line_of(text, 'value = "x"')}
    assert expected == problems(text)


def test_a_wrong_element_of_a_multi_line_array_reports_the_elements_line() -> None:
    text = WRITTEN.replace('    {unit = "school"},\n', '    {unit = 5},\n')
    assert {"tasks[0].links[1].unit": line_of(text, "    {unit = 5},")} == problems(text)


def test_inline_tables_dotted_and_quoted_keys_have_lines() -> None:
    text = (WRITTEN.replace("value = 60", 'value = "60"').replace('"Xã thử"', "1")
            .replace('"start_year" = 2026', '"start_year" = "2026"')
            .replace("en = 'Commune", "eng = 'Commune"))
    expected = {
        "goals[0].indicators[0].targets[0].value": line_of(text, 'value = "60"'),
        "place": line_of(text, "place.vi = 1"),
        "start_year": line_of(text, '"start_year" ='),
        "issuer.eng": line_of(text, "issuer = {"),
    }
    assert expected == problems(text)


def test_strings_and_comments_do_not_shift_lines() -> None:
    locations = toml_locations(WRITTEN)
    expected = {
        "code": line_of(WRITTEN, 'code = "hand-written"'),
        "issuer.en": line_of(WRITTEN, "issuer = {"),
        "place.vi": line_of(WRITTEN, "place.vi"),
        "goals[0]": line_of(WRITTEN, "[[goals]]\ncode"),
        "goals[0].indicators[0].unit": line_of(WRITTEN, "unit", after="[x] = 1"),
        "goals[1].code": line_of(WRITTEN, 'code = "2"'),
        "goals[1].indicators[0]": line_of(WRITTEN, "[[goals.indicators]]", after="2.1 '''"),
        "goals[1].indicators[2].targets[0].text.vi": line_of(WRITTEN, "vi = \"Đạt"),
        "units[1].code": line_of(WRITTEN, 'code = "school"'),
        "tasks[0].links[1]": line_of(WRITTEN, '    {unit = "school"}'),
    }
    assert expected == {path: locations.get(path) for path in expected}
    assert "goals[2]" not in locations, "a header inside a string opens nothing"


@pytest.mark.parametrize(("text", "expected"), [
    ('a = 1\n"b.c" = 2\n\'d\'.e = 3\n"\\u00e9" = 4\n',
     {"a": 1, "b.c": 2, "d": 3, "d.e": 3, "é": 4}),
    ('[ x . "y z" ]  # a comment\nk = 1\n', {"x": 1, "x.y z": 1, "x.y z.k": 2}),
    ("[[a]]\n[[a.b]]\n[[a.b]]\n[[a]]\n[[a.b]]\nk = 1\n",
     {"a[0].b[1]": 3, "a[1]": 4, "a[1].b[0]": 5, "a[1].b[0].k": 6}),
    ("[[a]]\n[a.t]\n[[a]]\n[a.t]\nk = 1\n", {"a[1].t": 4, "a[1].t.k": 5}),
    ('a = [ # comment ]\n  1, [\n 2,\n], "]", # "\n  { k = 3 } ,\n]\nb = 4\n',
     {"a[0]": 2, "a[1]": 2, "a[1][0]": 3, "a[2]": 4, "a[3]": 5, "a[3].k": 5, "b": 7}),
    ('s = """a\\"""\n""""\nt = \'\'\'b\'\'\'\'\'\nu = "\\\\"\nv = 1\n',
     {"t": 3, "u": 4, "v": 5}),
    ('s = """\\\n  a \\\n"""\nd = 1979-05-27 07:32:00Z # a time\ne = 1\n', {"d": 4, "e": 5}),
    ("a = 1\r\n[t]\r\nb = [\r\n  2,\r\n]\r\n", {"t": 2, "t.b": 3, "t.b[0]": 4}),
])
def test_small_documents_are_located_exactly(text: str, expected: dict[str, int]) -> None:
    tomllib.loads(text)  # every case is valid TOML
    locations = toml_locations(text)
    assert expected == {path: locations.get(path) for path in expected}


# ---- properties ---------------------------------------------------------------------------------

_PART = re.compile(r"\[(\d+)\]|\.?([^.\[\]]+)")


def _at(data: Any, path: str) -> Any:
    """The value at `path` in `data`; fails the test if there is none."""
    for index, key in _PART.findall(path):
        data = data[int(index)] if index else data[key]
    return data


def _leaves(data: Any, path: str = "") -> set[str]:
    """The path of every value that is neither a non-empty table nor a non-empty array."""
    if isinstance(data, dict) and data:
        return set().union(*(_leaves(v, f"{path}.{k}" if path else k) for k, v in data.items()))
    if isinstance(data, list) and data:
        return set().union(*(_leaves(v, f"{path}[{i}]") for i, v in enumerate(data)))
    return {path}


def _written(value: Any, multiline: bool = False) -> str:
    """A value as tomli-w writes it after ``key = ``."""
    text: str = tomli_w.dumps({"k": value}, multiline_strings=multiline)
    return text.removeprefix("k = ").removesuffix("\n")


def _key_written(key: str) -> str:
    """A key as tomli-w writes it: bare, or quoted if it needs to be."""
    return tomli_w.dumps({key: 0}).removesuffix(" = 0\n")


def assert_located_exactly(text: str, *, multiline: bool = False) -> None:
    """Every leaf has a line, and every line found holds its key, header or element."""
    data = tomllib.loads(text)
    locations = toml_locations(text)
    lines = text.split("\n")  # TOML breaks lines at \n only, not at splitlines()'s \x85
    assert _leaves(data) <= set(locations)
    for path, number in locations.items():
        if not path:
            continue
        value, line = _at(data, path), lines[number - 1].strip()
        name = _key_written([key for _, key in _PART.findall(path) if key][-1])
        if not path.endswith("]"):
            literal = isinstance(value, dict | list) or "\n" in _written(value, multiline)
            expected = name if literal else f"{name} = {_written(value, multiline)}"
            assert expected in line, f"{path} is not on line {number}: {line!r}"
        elif isinstance(value, dict):
            header = line.startswith("[[") and line.endswith(f"{name}]]")
            assert header or line.startswith("{"), f"{path} is not on line {number}: {line!r}"
        else:
            first = "[" if isinstance(value, list) else _written(value, multiline).split("\n")[0]
            assert line.startswith(first), f"{path} is not on line {number}: {line!r}"


@given(plan=plans(max_goals=2))
def test_every_path_of_a_plan_written_as_toml_is_on_its_line(plan: Plan) -> None:
    assert_located_exactly(dumps_plan(plan, format="toml"))


# Keys hold quotes, '#', '=', spaces and any letter, but no '.', '[' or ']': a path spelled with
# those could not be split back into its keys by _at.
_KEYS = st.text(st.characters(blacklist_characters=".[]", blacklist_categories=["Cs"]),
                min_size=1, max_size=6)
_SCALARS = (st.text(max_size=12) | st.sampled_from(['#', '[[x]]', 'a = "b"', "'''", '"""\n'])
            | st.integers() | st.floats(allow_nan=False) | st.booleans() | st.dates()
            | st.datetimes() | st.times())
_VALUES = st.recursive(
    _SCALARS,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(_KEYS, inner, max_size=3),
    max_leaves=10,
)


@given(data=st.dictionaries(_KEYS, _VALUES, max_size=4), multiline=st.booleans())
def test_any_document_written_by_tomli_w_is_located_exactly(
    data: dict[str, Any], multiline: bool
) -> None:
    assert_located_exactly(tomli_w.dumps(data, multiline_strings=multiline), multiline=multiline)
