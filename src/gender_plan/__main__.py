"""``python -m gender_plan``: the same command line as ``gender-plan``."""

import sys

from gender_plan.cli import main

if __name__ == "__main__":
    sys.exit(main())
