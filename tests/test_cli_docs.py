"""docs/reference/cli.md (and cli.vi.md) show each command's --help exactly as it is printed.

Run ``python tests/test_cli_docs.py`` to rewrite the help blocks after changing the parser.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from gender_plan._i18n import Language
from gender_plan.cli._parser import build_parser

DOC = Path(__file__).resolve().parents[1] / "docs" / "reference" / "cli.md"
DOCS = {DOC: "en", DOC.with_suffix(".vi.md"): "vi"}
"""Each page of the reference and the language of its help blocks."""
BLOCK = re.compile(r"(<!-- help: (?P<name>[a-z-]+) -->\n```text\n)(?P<body>.*?)(```\n)", re.DOTALL)
COMMANDS = ("gender-plan", "validate", "show", "assess", "report", "new", "trace", "portfolio",
            "schema", "template")


def help_text(name: str, language: Language = "en") -> str:
    """The --help output of `name` ('gender-plan' for the main parser) at 100 columns."""
    previous = os.environ.get("COLUMNS")
    os.environ["COLUMNS"] = "100"
    try:
        parser = build_parser(language)
        if name != "gender-plan":
            action = next(a for a in parser._actions if a.dest == "command")
            parser = action.choices[name]  # type: ignore[index]
        return parser.format_help()
    finally:
        if previous is None:
            del os.environ["COLUMNS"]
        else:
            os.environ["COLUMNS"] = previous


def regenerate(text: str, language: Language = "en") -> str:
    return BLOCK.sub(lambda m: m[1] + help_text(m["name"], language) + m[4], text)


@pytest.mark.parametrize("doc", DOCS, ids=lambda doc: doc.name)
def test_every_command_has_a_help_block(doc: Path) -> None:
    assert list(COMMANDS) == [m["name"] for m in BLOCK.finditer(doc.read_text(encoding="utf-8"))]


@pytest.mark.parametrize("doc", DOCS, ids=lambda doc: doc.name)
def test_help_blocks_match_the_command_line(doc: Path) -> None:
    text = doc.read_text(encoding="utf-8")
    assert regenerate(text, DOCS[doc]) == text, f"{doc} is stale: python tests/test_cli_docs.py"


def test_json_fields_are_documented() -> None:
    """Every key of the assess --format json document appears in the reference."""
    from gender_plan.report.data import ASSESSMENT_FORMAT, CSV_COLUMNS  # noqa: PLC0415

    text = DOC.read_text(encoding="utf-8")
    assert ASSESSMENT_FORMAT in text
    for key in ("schema_version", "plan", "as_of", "method", "summary", "goals", "targets",
                "indicators", "status_text", "other_targets", "target_value", "baseline",
                "latest", "series", "gap", "ratio", "score", "expected", "projected",
                "failing_periods", "reasons", "stated", "mean_score", "counts"):
        assert f"`{key}`" in text, key
    for column in CSV_COLUMNS:
        assert f"`{column}`" in text, column


if __name__ == "__main__":
    for page, page_language in DOCS.items():
        page.write_text(regenerate(page.read_text(encoding="utf-8"), page_language),
                        encoding="utf-8")
        print(f"wrote {page}")
