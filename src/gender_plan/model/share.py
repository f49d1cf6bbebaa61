"""Share-of-places indicators: the share of the places below that meet a condition.

City and province plans set targets on their wards and communes as a whole: "100% số phường
đăng tải ít nhất 4 tin, bài mỗi quý" (100% of its wards publish at least 4 news items every
quarter). Such an indicator is in percent, with the usual targets (``>= 100``); what it
measures is `ShareOfPlaces`: which places below are counted, the indicator of their plans that
is looked at, and the condition each place's value must meet.
"""

from __future__ import annotations

import attrs

from gender_plan import units
from gender_plan._i18n import msg
from gender_plan.errors import UnitError
from gender_plan.model._checks import Checker
from gender_plan.model.target import Comparator

__all__ = ["ShareOfPlaces"]

CONDITION_COMPARATORS = (Comparator.GE, Comparator.GT, Comparator.LE, Comparator.LT,
                         Comparator.EQ, Comparator.ABOUT)
"""The comparators a condition takes: one value to compare each place's value with."""


@attrs.frozen(kw_only=True)
class ShareOfPlaces:
    """What a share-of-places indicator counts: the places below whose value meets a condition.

    The condition is a comparator and a value on the lower places' own indicator, not "the
    lower place's own target is met": the plans that set such targets write the threshold in
    the upper plan itself ("ít nhất 4 tin, bài mỗi quý", at least 4 items a quarter), and each
    ward's plan may set its own, higher or lower, value; the city counts its wards against its
    own threshold, so a ward's own target changes nothing in the city's count.

    For each period in which places below report, the share is 100 × (places whose value that
    period meets the condition) / (places below whose plan has the indicator looked at). A place
    without a value in a period counts as not meeting it that period: a period without data is
    not a period met. A period in which no place below reports has no share.
    """

    comparator: Comparator
    """How each place's value is compared with `value` (``>=``, ``>``, ``<=``, ``<``, ``=``,
    ``~`` with a tolerance)."""
    value: float | bool
    """The value each place's value is compared with, in `unit`; true or false for a yes/no
    indicator ("the commune has gender content in its curricula")."""
    unit: str | None = None
    """The unit `value` is written in; None: the unit of each place's own indicator."""
    tolerance: float | None = None
    """How far from `value` still counts as met, for ``~`` ("khoảng"), in `unit`."""
    indicator: str | None = None
    """The code of the indicator looked at in the plans of the places below; None: each place's
    counterpart of this indicator (its `implements` link to it, or the same number), found
    like every other counterpart of a portfolio."""
    level: str | None = None
    """The level of the places counted (``commune``, ``ward``: the place file's `level`); None:
    the places directly below."""

    def __attrs_post_init__(self) -> None:
        check = Checker("share of places")
        if check.instance(self.comparator, Comparator, "comparator", msg("a comparator")):
            check.require(
                self.comparator in CONDITION_COMPARATORS, "comparator",
                msg("a condition on the places below compares with one value, found "
                    "{comparator!r}", comparator=self.comparator.value),
                hint=msg("write '>=', '>', '<=', '<', '=', or '~' with a tolerance"),
            )
        if isinstance(self.value, bool):
            check.require(
                self.comparator is Comparator.EQ, "comparator",
                msg("a yes/no condition is compared with '=', found {value!r}",
                    value=getattr(self.comparator, "value", self.comparator)),
            )
            check.require(self.unit is None, "unit",
                          msg("a yes/no condition has no unit, found {value!r}",
                              value=self.unit), hint=msg("leave unit out"))
        else:
            check.number(self.value, "value")
        if self.unit is not None and not isinstance(self.value, bool):
            try:
                units.validate_unit(self.unit)
            except UnitError as error:
                check.add("unit", error.describe())
        self._check_tolerance(check)
        for name in ("indicator", "level"):
            if getattr(self, name) is not None:
                check.code(getattr(self, name), name)
        check.done()

    def _check_tolerance(self, check: Checker) -> None:
        if self.comparator is not Comparator.ABOUT:
            if self.tolerance is not None:
                check.add("tolerance", msg("only an 'about' (~) condition has a tolerance"))
            return
        if check.require(self.tolerance is not None, "tolerance",
                         msg("an 'about' (~) condition needs a tolerance")):
            check.number(self.tolerance, "tolerance")
            check.require(
                not isinstance(self.tolerance, int | float) or self.tolerance >= 0,
                "tolerance",
                msg("expected a tolerance of 0 or more, found {value!r}", value=self.tolerance),
            )

    @property
    def is_yes_no(self) -> bool:
        """Whether the condition is on a yes/no fact (its value is true or false)."""
        return isinstance(self.value, bool)

    def describe(self) -> str:
        """The condition as a formula: ``≥ 4 items / quarter``, ``= true``."""
        if isinstance(self.value, bool):
            return f"= {'true' if self.value else 'false'}"
        shown = f"{self.comparator.symbol} {self.value:g}"
        if self.comparator is Comparator.ABOUT and self.tolerance is not None:
            shown += f" ± {self.tolerance:g}"
        return shown if self.unit is None else f"{shown} {self.unit}"
