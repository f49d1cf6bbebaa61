"""No source module grows past 500 lines: one concept per module (the house style)."""

from pathlib import Path

SRC = Path(__file__).resolve().parent.parent / "src" / "gender_plan"
LIMIT = 500


def test_no_module_is_over_the_limit():
    sizes = {str(path.relative_to(SRC)): len(path.read_text(encoding="utf-8").splitlines())
             for path in SRC.rglob("*.py")}
    assert {} == {name: lines for name, lines in sizes.items() if lines > LIMIT}
