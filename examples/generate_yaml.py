"""Write examples/laikhe_2026_2030.yaml from the Python encoding of the Lai Khê plan.

Run ``python examples/generate_yaml.py`` after changing ``laikhe_2026_2030.py``; a test fails when
the two drift apart.
"""

from __future__ import annotations

from pathlib import Path

import laikhe_2026_2030

from gender_plan import dumps_plan

HERE = Path(__file__).resolve().parent
YAML = HERE / "laikhe_2026_2030.yaml"
HEADER = (
    "# The Lai Khê commune plan 2026-2030, generated from examples/laikhe_2026_2030.py by\n"
    "# examples/generate_yaml.py: change the Python encoding and run the script again.\n"
)


def yaml_text() -> str:
    """The text the YAML file must hold: the header comment and the plan."""
    return HEADER + dumps_plan(laikhe_2026_2030.build_plan(), format="yaml")


def main() -> None:
    YAML.write_text(yaml_text(), encoding="utf-8")
    print(f"wrote {YAML}")


if __name__ == "__main__":
    main()
