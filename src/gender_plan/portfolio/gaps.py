"""What a portfolio cannot judge without guessing, reported as data: places, plans, indicators.

A place without a plan, a plan code that names no file, a parent's indicator that a place's plan
has no counterpart for, a share of places with no place below to count, measurement rows that
no plan can read: each is a `Gap` with the places it concerns and a message that says what to
fix. Nothing is filled in for them.
"""

from __future__ import annotations

import enum

import attrs

from gender_plan._i18n import Language, NumberText, msg, render
from gender_plan.model._checks import to_tuple

__all__ = ["Gap", "GapKind"]


class GapKind(enum.Enum):
    """What a gap is about."""

    NO_PLAN = "no_plan"
    """The place hierarchy names no plan for the place: it is not assessed."""
    UNKNOWN_PLAN = "unknown_plan"
    """The place's plan code is the code of no plan in the folder: it is not assessed."""
    NO_COUNTERPART = "no_counterpart"
    """The parent's plan has an indicator that the place's plan has no counterpart for: the
    place's values are left out of the parent's sums for it."""
    AMBIGUOUS = "ambiguous"
    """Several indicators of the place's plan match one of the parent's: none is chosen."""
    UNIT_MISMATCH = "unit_mismatch"
    """The counterpart measures another kind of quantity than the parent's indicator."""
    NOT_SUMMED = "not_summed"
    """A yes/no indicator of a parent's plan: facts do not add up (declare a share-of-places
    indicator to count the places that hold them)."""
    NO_PLACES_BELOW = "no_places_below"
    """A share-of-places indicator at a place none of whose places below (at the level it
    counts) has a plan with the indicator it looks at: the share is not computed there."""
    UNUSED_ROWS = "unused_rows"
    """Measurement rows no plan reads: an unknown place, a place without a plan, an indicator
    its plan does not have, or a place with places below it (judged from their sums)."""


@attrs.frozen(kw_only=True)
class Gap:
    """One thing the portfolio reports instead of guessing."""

    kind: GapKind
    message: str
    """What is wrong and how to fix it, in one or two sentences (a message of the catalogue,
    read as English; `render` gives it in another language)."""
    places: tuple[str, ...] = attrs.field(default=(), converter=to_tuple)
    """The places concerned (all of them, in the hierarchy's order)."""
    plan: str | None = None
    """The plan concerned (the place's), if any."""
    indicator: str | None = None
    """The indicator concerned, in `plan` (or in the measurements, for unused rows)."""
    parent_plan: str | None = None
    parent_indicator: str | None = None
    rows: int = 0
    """How many measurement rows are concerned (for `UNUSED_ROWS`)."""

    def describe(self) -> str:
        """The message with the places concerned (the first five, and how many more)."""
        if not self.places:
            return self.message
        shown = ", ".join(self.places[:5])
        if len(self.places) > 5:
            shown = msg("{shown} and {more} more", shown=shown,
                        more=NumberText(len(self.places) - 5))
        return msg("{message} (places: {places})", message=self.message, places=shown)

    def render(self, language: Language = "en") -> str:
        """The gap as one line in `language` (the command line's warning)."""
        return render(self.describe(), language)

    def __str__(self) -> str:
        return self.render("en")
