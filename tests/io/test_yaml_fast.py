"""The fast YAML path gives exactly the careful path's data, or gives way to it."""

from __future__ import annotations

import math
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from gender_plan import ValidationError, dumps_plan, load_plan, loads_plan
from gender_plan.errors import GenderPlanError
from gender_plan.io import _yaml, _yaml_fast
from gender_plan.io._limits import MAX_DEPTH, MAX_ITEMS, MAX_KEY_CHARS
from gender_plan.testing import plans

ROOT = Path(__file__).resolve().parents[2]
CORPUS = Path(__file__).resolve().parent / "corpus"
FILES = sorted(
    [*CORPUS.glob("*.yaml"), *(ROOT / "examples").glob("*.yaml"),
     *(ROOT / "src" / "gender_plan" / "templates").glob("*.yaml"),
     *(Path(__file__).resolve().parent / "data").glob("*.yaml")]
)


def careful(text: str) -> object:
    """The careful path's data, or the kind of error it raises."""
    try:
        return _yaml.load_yaml(text, None)[0]
    except GenderPlanError as error:
        return type(error)


def same(one: object, other: object) -> bool:
    """Equal data of the same types, keys in the same order, NaN equal to NaN (1 is not True)."""
    if type(one) is not type(other):
        return False
    if isinstance(one, dict):
        assert isinstance(other, dict)
        return list(one) == list(other) and all(same(one[k], other[k]) for k in one)
    if isinstance(one, list):
        assert isinstance(other, list)
        return len(one) == len(other) and all(map(same, one, other))
    if isinstance(one, float):
        return one == other or (math.isnan(one) and math.isnan(other))  # type: ignore[arg-type]
    return one == other


def agrees(text: str) -> bool:
    """The fast path gave way, or gave the data the careful path gives (which then is data)."""
    fast = _yaml_fast.load_yaml_data(text)
    if fast is None:
        return True
    expected = careful(text)
    return not isinstance(expected, type) and same(expected, fast[0])


def test_libyaml_bounds_the_nesting_of_its_composer():
    assert _yaml_fast._composer_is_bounded()


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_every_file_of_the_corpus_reads_the_same_on_both_paths(path: Path):
    text = path.read_bytes().decode("utf-8", errors="replace")
    assert agrees(text)


@pytest.mark.parametrize("name", ["laikhe_2026_2030.yaml", "national_strategy_2021_2030.yaml"])
def test_the_shipped_plans_take_the_fast_path(name: str):
    text = (ROOT / "src" / "gender_plan" / "templates" / name).read_text(encoding="utf-8")
    fast = _yaml_fast.load_yaml_data(text)
    assert fast is not None
    assert same(careful(text), fast[0])


@settings(max_examples=30)
@given(plan=plans())
def test_every_plan_written_reads_the_same_on_both_paths(plan):
    text = dumps_plan(plan, format="yaml")
    fast = _yaml_fast.load_yaml_data(text)
    if "!" not in text and "*" not in text:
        assert fast is not None
    assert agrees(text)
    assert plan == loads_plan(text, format="yaml")


_PIECES = ("{", "}", "[", "]", "- ", ": ", '"', "'", "&a ", "*a", "!!str ", "!!int ", "\n  ",
           "\\0", "\\ud800", "\\x01", "<<: ", "? ", "~", "null", "1e999", "0x1F", "2_030",
           "1:30", "true", "yes", ".inf", ".nan", "2025-07-01", "---\n", "...\n", "#", "%YAML",
           "\t", "|\n  ", ">\n  ", "=", "k", "1", "\n", "\x01", "\x7f", "\ud800", "\x85")


@settings(max_examples=300)
@given(pieces=st.lists(st.sampled_from(_PIECES), max_size=30))
@example(pieces=["k", ": ", "1", "\n", "k", ": ", "1"])  # a duplicate key
@example(pieces=["<<: ", "{", "k", ": ", "1", "}"])  # a merge key
@example(pieces=["k", ": ", '"', "\\0", '"'])  # an escaped NUL
@example(pieces=["1", ": ", "k"])  # a key that is a number
@example(pieces=["=", ": ", "k"])  # YAML 1.1's value key
@example(pieces=["k", ": ", "2025-07-01"])  # a date stays text
@example(pieces=[".nan"])
@example(pieces=["k", ": ", "yes", "\n", "j", ": ", "0x1F"])  # YAML 1.2 words and numbers
def test_any_text_reads_the_same_on_both_paths(pieces):
    assert agrees("".join(pieces))


LAIKHE = (ROOT / "examples" / "laikhe_2026_2030.yaml").read_text(encoding="utf-8")


@settings(max_examples=40)
@given(edits=st.lists(st.tuples(st.integers(0, len(LAIKHE)), st.sampled_from(_PIECES)),
                      min_size=1, max_size=3))
def test_a_damaged_plan_reads_the_same_on_both_paths(edits):
    text = LAIKHE
    for position, piece in sorted(edits, reverse=True):
        text = text[:position] + piece + text[position:]
    assert agrees(text)


@pytest.mark.parametrize(
    "text",
    [
        "k: !!str 1\n",  # a tag: the careful path checks which are allowed
        "a: &x [1]\nb: *x\n",  # an alias: the careful path counts and expands them
        'k: "\\0"\n',  # an escape that is a control character
        "k: 1\nk: 2\n",  # a duplicate key
        "<<: {a: 1}\n",  # a merge key
        "1: a\n",  # a key that is not a name
        f"{'k' * (MAX_KEY_CHARS + 1)}: 1\n",
        "k: " + "[" * (MAX_DEPTH + 2) + "]" * (MAX_DEPTH + 2) + "\n",
        "k: [" + ", ".join(["1"] * (MAX_ITEMS + 1)) + "]\n",
        "a: 1\n---\nb: 2\n",  # two documents
        "",  # nothing
        "k: [1\n",  # not YAML
        "k: \ud800\n",  # a lone surrogate, which libyaml cannot take
        "k: a\x01b\n",  # a control character
    ],
)
def test_what_needs_care_is_left_to_the_careful_path(text: str):
    assert _yaml_fast.load_yaml_data(text) is None


def test_a_problem_found_after_the_fast_path_still_has_its_line(tmp_path, monkeypatch):
    calls = []
    fast = _yaml_fast.load_yaml_data

    def spy(text: str, **options: bool):
        result = fast(text, **options)
        calls.append(result is not None)
        return result

    monkeypatch.setattr("gender_plan.io.plan_files.load_yaml_data", spy)
    text = (CORPUS / "wrong_type.yaml").read_text(encoding="utf-8")
    path = tmp_path / "plan.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ValidationError) as raised:
        load_plan(path)
    assert [True] == calls  # the data came from the fast path ...
    problem = raised.value.problems[0]
    assert (str(path), 6, "start_year") == (problem.file, problem.line, problem.path)


def test_the_tags_kept_for_short_scalars_give_the_same_data_when_read_again(monkeypatch):
    monkeypatch.setattr(_yaml_fast, "_PLAIN_TAGS", {})
    monkeypatch.setattr(_yaml_fast, "_PLAIN_MOST", 3)
    text = "a: 2026\nb: true\nc: 1.5\nd: null\ne: Lai Khê\nf: '2026'\n"
    expected = {"a": 2026, "b": True, "c": 1.5, "d": None, "e": "Lai Khê", "f": "2026"}
    for _ in range(2):  # the second time from the kept tags, the table started again when full
        fast = _yaml_fast.load_yaml_data(text)
        assert fast is not None
        assert same(expected, fast[0])
        assert same(careful(text), fast[0])
        assert len(_yaml_fast._PLAIN_TAGS) <= 3
    long_number = "1" * (_yaml_fast._PLAIN_SHORT + 1)
    assert same({"k": int(long_number)}, _yaml_fast.load_yaml_data(f"k: {long_number}\n")[0])
    assert long_number not in _yaml_fast._PLAIN_TAGS


@pytest.mark.parametrize("value", ["0", "-0", "+12", "-7", "2026", "true", "True", "TRUE",
                                   "false", "False", "FALSE", "~", "null", "Null", "NULL", "",
                                   "1.5", "-.5e3", ".inf", "-.Inf", ".NaN", "0.0", "yes", "012"])
def test_numbers_booleans_and_nulls_read_as_on_the_careful_path(value: str):
    text = f"k: {value}\nl: [{value}]\n" if value else "k:\nl: [~]\n"
    fast = _yaml_fast.load_yaml_data(text)
    assert fast is not None
    assert same(careful(text), fast[0])


@settings(max_examples=300)
@given(pieces=st.lists(st.sampled_from([p for p in _PIECES if p != "\ud800"]), max_size=30),
       mark=st.booleans())
@example(pieces=["k", ": ", "Lai Khê", "\n", "l", ": ", "\x85"], mark=True)
def test_the_file_s_bytes_read_as_its_text_does(pieces, mark):
    text = "".join(pieces)
    data = ("\ufeff" if mark else "").encode() + text.encode("utf-8")
    assert text == data.decode("utf-8-sig")
    from_text = _yaml_fast.load_yaml_data(text)
    from_bytes = _yaml_fast.load_yaml_data(text, utf8=data)
    assert (from_text is None) == (from_bytes is None)
    if from_text is not None:
        assert same(from_text[0], from_bytes[0])


@pytest.mark.parametrize("name", ["laikhe_2026_2030.yaml", "national_strategy_2021_2030.yaml"])
def test_a_shipped_plan_s_bytes_read_as_its_text_does(name: str):
    data = (ROOT / "src" / "gender_plan" / "templates" / name).read_bytes()
    fast = _yaml_fast.load_yaml_data(data.decode("utf-8-sig"), utf8=data)
    assert fast is not None
    assert same(careful(data.decode("utf-8-sig")), fast[0])
