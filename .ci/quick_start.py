"""Print README's quick-start commands, one a line, as a newcomer reads them (used by .ci/run)."""

import pathlib
import re

README = pathlib.Path(__file__).resolve().parent.parent / "README.md"


def commands() -> list[str]:
    """The bash blocks of README's "Quick start" section, in order."""
    text = README.read_text(encoding="utf-8")
    quick = text.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```bash\n(.*?)\n```", quick, re.S)


if __name__ == "__main__":
    print("\n".join(commands()))
