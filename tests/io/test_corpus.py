"""The malformed-file corpus: every file fails with its own message, at its own line."""

from __future__ import annotations

import contextlib
from pathlib import Path

import pytest

from gender_plan import GenderPlanWarning, ValidationError, load_measurements, load_plan
from gender_plan.io import _source

CORPUS = Path(__file__).resolve().parent / "corpus"

# file name: (a fragment of one problem's message, that problem's line, its path or None)
EXPECTED: dict[str, tuple[str, int, str | None]] = {
    "alias_bomb.yaml": ("expands to more than 50,000 values", 2, None),
    "too_many_aliases.yaml": ("more than 100 aliases", 104, None),
    "deep.yaml": ("more than 64 deep", 21, None),
    "deep.json": ("more than 64 deep", 2, None),
    "python_tag.yaml": ("python/object/apply:os.system' is not allowed", 2, None),
    "wrong_type.yaml": ("expected a whole number, found 'năm 2026'", 6, "start_year"),
    "wrong_type.json": ("expected a number, found '60'", 23,
                        "goals[0].indicators[0].targets[0].value"),
    "unknown_key.yaml": ("unknown key 'titel'", 3, "titel"),
    "missing_field.yaml": ("required key 'unit' is missing", 14, "goals[0].indicators[0].unit"),
    "bad_unit.yaml": ("'percnt' is not a unit", 16, "goals[0].indicators[0].unit"),
    "bad_date.yaml": ("expected a month from 1 to 12, found 13", 8, "date.month"),
    "bad_comparator.yaml": ("found '=>'", 18, "goals[0].indicators[0].targets[0].comparator"),
    "duplicate_code.yaml": ("duplicate goal code '1'", 21, "goals[1].code"),
    "duplicate_key.yaml": ("'start_year' appears twice", 8, None),
    "duplicate_key.json": ("'code' appears twice", 4, None),
    "truncated.yaml": ("not valid YAML", 18, None),
    "truncated.json": ("ends before the document does", 20, None),
    "no_schema.yaml": ("does not say its schema", 1, "schema"),
    "no_schema.json": ("does not say its schema", 1, "schema"),
    "unknown_schema.toml": ("unknown schema 'gender-plan/9'", 1, "schema"),
    "syntax.toml": ("not valid TOML", 3, None),
    "cp1258.yaml": ("not UTF-8 text: byte 0xEA", 3, None),
    "latin1.csv": ("not UTF-8 text: byte 0xE1", 2, None),
    "unknown_column.csv": ("unknown column 'valeu'", 1, None),
    "ambiguous_decimal.csv": ("'1,400' may be 1.400 or 1400", 2, None),
    "bad_quotes.csv": ("not valid CSV", 2, None),
    "bad_cells.csv": ("'60,5%' has a percent sign, but the unit is 'times'", 5,
                      "measurements[3].value"),
}


def test_every_corpus_file_has_an_expectation() -> None:
    assert sorted(EXPECTED) == sorted(p.name for p in CORPUS.iterdir())


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_a_malformed_file_fails_with_its_message_and_line(name: str) -> None:
    fragment, line, path = EXPECTED[name]
    file = CORPUS / name
    with pytest.raises(ValidationError) as caught:  # noqa: PT012 - the CSV may warn first
        if file.suffix == ".csv":
            with pytest.warns(GenderPlanWarning) if name == "bad_cells.csv" else contextlib.nullcontext():
                load_measurements(file)
        else:
            load_plan(file)
    matching = [p for p in caught.value.problems if fragment in p.message]
    assert matching, str(caught.value)
    assert line == matching[0].line
    assert str(file) == matching[0].file
    if path is not None:
        assert path == matching[0].path


def test_bad_cells_are_all_reported_at_once_with_their_columns() -> None:
    with pytest.raises(ValidationError) as caught, pytest.warns(GenderPlanWarning):
        load_measurements(CORPUS / "bad_cells.csv")
    expected = [(2, "value", "measurements[0].value"), (3, "period", "measurements[1].period"),
                (4, "sex", "measurements[2].sex"), (5, "value", "measurements[3].value")]
    assert expected == [(p.line, p.column, p.path) for p in caught.value.problems]


def test_a_huge_file_is_refused_before_it_is_read(tmp_path: Path) -> None:
    path = tmp_path / "huge.yaml"
    with path.open("wb") as stream:
        stream.truncate(_source.MAX_PLAN_BYTES + 1)
    with pytest.raises(ValidationError, match="more than the 2,097,152 accepted"):
        load_plan(path)

