"""A portfolio of plans: each place judged against its own plan, places above from sums below.

`Portfolio` (a set of plans and the places that adopted them) needs only the core; assessing
it (`assess_portfolio`) needs numpy: ``pip install "gender-plan[scale]"``.
"""

from gender_plan.portfolio.gaps import Gap, GapKind
from gender_plan.portfolio.matching import Counterparts, MatchBy, counterparts
from gender_plan.portfolio.portfolio import Portfolio

__all__ = [
    "Counterparts",
    "Gap",
    "GapKind",
    "MatchBy",
    "Portfolio",
    "counterparts",
]
