"""The bounds checked before parsing: the quick search for a digit run agrees with the pattern."""

from __future__ import annotations

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from gender_plan.errors import FileFormatError
from gender_plan.io import _limits
from gender_plan.io._limits import MAX_DIGITS, check_text, has_digit_run, passes_check

_TEXTS = st.lists(
    st.one_of(st.text(alphabet="0123456789", max_size=MAX_DIGITS + 3),
              st.text(max_size=5),  # any character: Vietnamese letters, ٤, ５, lone surrogates
              st.sampled_from(["\n", " ", "9" * MAX_DIGITS, "9" * (MAX_DIGITS + 1)])),
    max_size=6,
).map("".join)


@given(text=_TEXTS)
@example(text="1" * MAX_DIGITS)
@example(text="1" * (MAX_DIGITS + 1))
@example(text="a\ud800" + "0" * (MAX_DIGITS + 1))
@example(text="５" * (MAX_DIGITS + 1))  # full-width digits are not digits 0-9
def test_the_quick_search_finds_a_digit_run_exactly_where_the_pattern_does(text):
    assert (_limits._DIGIT_RUN.search(text) is not None) == has_digit_run(text)


def _passes(text: str, controls: bool) -> bool:
    try:
        check_text(text, None, controls=controls)
    except FileFormatError:
        return False
    return True


@given(text=_TEXTS.filter(lambda text: not any("\ud800" <= c <= "\udfff" for c in text)),
       controls=st.booleans(), mark=st.booleans())
@example(text="a\x00b", controls=True, mark=False)
@example(text="a\x7f\tb\r\n", controls=True, mark=True)
@example(text="a\x1fb", controls=False, mark=False)
@example(text="Lai Khê 2026\x0c", controls=True, mark=False)
def test_the_check_of_the_bytes_passes_exactly_the_texts_the_check_of_the_text_passes(
    text, controls, mark
):
    data = ("\ufeff" if mark else "").encode() + text.encode("utf-8")
    assert _passes(text, controls) == passes_check(data, controls=controls)


def test_a_digit_run_is_refused_with_its_line_and_length():
    text = "schema: gender-plan/1\ncode: x\nvalue: " + "7" * (MAX_DIGITS + 5) + "\n"
    with pytest.raises(FileFormatError) as raised:
        check_text(text, "plan.yaml")
    (problem,) = raised.value.problems
    assert (3, "plan.yaml") == (problem.line, problem.file)
    assert f"a run of {MAX_DIGITS + 5} digits" in problem.message
    check_text("value: " + "7" * MAX_DIGITS + "\n", "plan.yaml")  # at the bound: accepted
