"""The malformed-file corpus: every file fails with its own message, at its own line."""

from __future__ import annotations

import contextlib
import warnings
from pathlib import Path

import pytest

from gender_plan import GenderPlanWarning, ValidationError, load_measurements, load_plan
from gender_plan.cli import main
from gender_plan.io import _source
from gender_plan.testing.hostile import HOSTILE

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
    # issue 15: hostile input (the files too large to keep are written by the tests below)
    "self_alias.yaml": ("an alias (*name) refers to the list or mapping that holds it", 9, None),
    "deep_arrays.toml": ("nests arrays and tables more than 64 deep", 9, None),
    "dotted_keys.toml": ("a dotted key of more than 64 parts", 9, None),
    "long_number.toml": ("a run of 5,000 digits", 6, None),
    "long_number.csv": ("a run of 5,000 digits", 2, None),
    "unit_power.yaml": ("a unit may have one power", 16, "goals[0].indicators[0].unit"),
    "unit_exponent.yaml": ("a unit may have one power", 16, "goals[0].indicators[0].unit"),
    "hex_year.yaml": ("expected a whole number, found '0x7EA'", 6, "start_year"),
    "underscore_year.yaml": ("expected a whole number, found '2_030'", 7, "end_year"),
    "sexagesimal.yaml": ("expected a number, found '1:00'", 18,
                         "goals[0].indicators[0].targets[0].value"),
    "fullwidth_value.csv": ("written with the digits 0-9, found '５０'", 2,
                            "measurements[0].value"),
    "arabic_indic_value.csv": ("written with the digits 0-9, found '٤٠'", 2,
                               "measurements[0].value"),
    "fullwidth_period.csv": ("found '２０２５'", 2, "measurements[0].period"),
    "nul_escape.json": ("the control character U+0000", 1, None),
    "lone_surrogate.json": ("a lone surrogate U+D800", 1, None),
    "nul_escape.yaml": ("the control character U+0000", 3, None),
    "lone_surrogate.yaml": ("a lone surrogate U+D800", 3, None),
    "self_parent.yaml": ("the plan names itself as its parent ('hostile')", 11, "parent"),
    "timestamp_title.yaml": ("the tag '!!timestamp' is not allowed", 3, None),
    "ratio_contradiction.csv": ("5 / 10 is 50 percent", 2, "measurements[0].value"),
    "unit_per.yaml": ("the word 'per' is not read as a division: write 'boys / 100 girls'", 16,
                      "goals[0].indicators[0].unit"),
    "dot_thousands.csv": ("'1.234' has a dot between thousands", 3, "measurements[1].value"),
    "complex_key.yaml": ("a key must be a name, found a list", 9, None),
    "yes_no_ge.yaml": ("compared with '=', found '>='", 18,
                       "goals[0].indicators[0].targets[0].comparator"),
    "far_cell.xlsx": ("the sheet reaches cell XFD1048576", None, None),
}
WITH_PLAN = {"ratio_contradiction.csv"}
"""Measurement files checked against the Lai Khê plan (the others are read alone)."""
WARNS = {"bad_cells.csv", "dot_thousands.csv"}
"""Files whose decimal comma is told from the numbers, with a warning."""
PLAN = Path(__file__).resolve().parents[2] / "examples" / "laikhe_2026_2030.yaml"


def test_every_corpus_file_has_an_expectation() -> None:
    assert sorted(EXPECTED) == sorted(p.name for p in CORPUS.iterdir())


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_a_malformed_file_fails_with_its_message_and_line(name: str) -> None:
    fragment, line, path = EXPECTED[name]
    file = CORPUS / name
    with pytest.raises(ValidationError) as caught:  # noqa: PT012 - the CSV may warn first
        if file.suffix in (".csv", ".xlsx"):
            plan = load_plan(PLAN) if name in WITH_PLAN else None
            with pytest.warns(GenderPlanWarning) if name in WARNS else contextlib.nullcontext():
                load_measurements(file, plan=plan)
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


def _validate(file: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    """Run ``gender-plan validate`` on a plan file, or on the Lai Khê plan and a table."""
    arguments = [str(PLAN), str(file)] if file.suffix in (".csv", ".xlsx") else [str(file)]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", GenderPlanWarning)
        status = main(["validate", *arguments])
    return status, capsys.readouterr().err


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_the_command_line_refuses_every_corpus_file_with_exit_2(
    name: str, capsys: pytest.CaptureFixture[str]
) -> None:
    status, errors = _validate(CORPUS / name, capsys)
    assert 2 == status, errors
    assert EXPECTED[name][0] in errors
    assert "internal error" not in errors


# Too large (or not files at all) to keep in the repository: written when the test runs.
GENERATED: dict[str, str] = {
    "zero.yaml": "holds more than the 2,097,152 bytes accepted",
    "zero.csv": "holds more than the 16,777,216 bytes accepted",
    "urandom.yaml": "holds more than the 2,097,152 bytes accepted",
    "urandom.xlsx": "holds more than the 16,777,216 bytes accepted",
    "long_paths.yaml": "the path to a value is more than 1,000 characters long",
    "huge_strings.xlsx": "the workbook unzips to 20,002,",
    "many_tasks.yaml": "the file holds more than 50,000 values",
    "many_tasks.json": "a list holds more than 10,000 items",
    "unknown_keys.yaml": "the file holds more than 50,000 values",
    "wide_header.csv": "the row has 100,000 columns, more than the 1,000 accepted",
}


@pytest.mark.parametrize("name", sorted(GENERATED))
def test_the_command_line_refuses_every_large_hostile_file_with_exit_2(
    name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, errors = _validate(HOSTILE[name](tmp_path), capsys)
    assert 2 == status, errors
    assert GENERATED[name] in errors
    assert 1 == errors.count("\n  - ")


def test_the_toml_tasks_file_is_refused_by_its_size(tmp_path: Path) -> None:
    with pytest.raises(ValidationError, match="more than the 2,097,152 accepted"):
        load_plan(HOSTILE["many_tasks.toml"](tmp_path))


def test_every_hostile_file_is_in_the_corpus_or_generated() -> None:
    assert sorted(HOSTILE) == sorted(
        {*EXPECTED, *GENERATED, "many_tasks.toml", "deep_tables.toml", "unit_unknown.yaml",
         "long_title.yaml"}
        & set(HOSTILE))


def test_the_largest_plan_file_accepted_is_read_correctly(tmp_path: Path) -> None:
    path = HOSTILE["long_title.yaml"](tmp_path)
    assert path.stat().st_size <= _source.MAX_PLAN_BYTES
    assert "kế " * 414_999 + "kế" == load_plan(path).title.vi


def test_a_unit_error_lists_the_common_units_not_a_python_name() -> None:
    with pytest.raises(ValidationError) as caught:
        load_plan(CORPUS / "bad_unit.yaml")
    assert "KNOWN_UNITS" not in str(caught.value)
    assert "common units: percent, fraction, times, boys / 100 girls" in str(caught.value)


def test_no_message_shows_python_internals(capsys: pytest.CaptureFixture[str]) -> None:
    for name in sorted(EXPECTED):
        _, errors = _validate(CORPUS / name, capsys)
        for internal in ("Node(", "<Comparator", "Comparator.", "gender_plan.", "Traceback"):
            assert internal not in errors, (name, errors)

