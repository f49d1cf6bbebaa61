"""Targets: the value an indicator must reach, by when, and how it is compared."""

from __future__ import annotations

import enum

import attrs

from gender_plan._i18n import msg
from gender_plan.model._checks import Checker
from gender_plan.model.period import Frequency
from gender_plan.model.text import LocalizedText

__all__ = ["Comparator", "Target", "TargetKind"]


class Comparator(enum.Enum):
    """How a value is compared with the target value.

    The Vietnamese wording decides the member: "đạt", "đạt ít nhất", "từ … trở lên", "không dưới"
    are `GE`; "trên" is `GT`; "dưới", "xuống dưới" are `LT`; "còn", "không vượt quá" are `LE`;
    "khoảng" is `ABOUT` (with a tolerance); "100%" of something is `GE` 100 percent; "trong
    khoảng … đến …" (between two values, a parity index within 0.97-1.03) is `BETWEEN`, with the
    target's `value` as the lower edge and its `upper` as the upper edge.
    """

    GE = ">="
    GT = ">"
    LE = "<="
    LT = "<"
    EQ = "="
    ABOUT = "~"
    BETWEEN = "between"

    @property
    def symbol(self) -> str:
        """The mathematical sign, for reports (≥, >, ≤, <, =, ≈, and ∈ for a band)."""
        return {"GE": "≥", "GT": ">", "LE": "≤", "LT": "<", "EQ": "=", "ABOUT": "≈",
                "BETWEEN": "∈"}[self.name]

    @property
    def is_strict(self) -> bool:
        """Whether equality fails the comparison (> and <)."""
        return self in (Comparator.GT, Comparator.LT)


class TargetKind(enum.Enum):
    """What it takes to meet a target."""

    REACH = "reach"
    """Reach the value by the target's year (once)."""
    HOLD = "hold"
    """Hold the value in every period from `start_year` on ("from 2025 onwards, 100% every year",
    "every month"); on a yes/no indicator, a fact to hold true (or false) in every year from
    `start_year` on ("from 2025 on, gender content is in the curricula")."""
    YES_NO = "yes_no"
    """A fact that is true or not, once ("gender content is in the curriculum")."""
    COUNT_PER_PERIOD = "count_per_period"
    """A count to reach in every period of `frequency` ("at least 4 news items per quarter")."""


@attrs.frozen(kw_only=True)
class Target:
    """One target of an indicator: a comparator, a value and a deadline."""

    comparator: Comparator
    value: float | bool
    """The target value, in `unit` (or the indicator's unit); True/False for a yes/no target."""
    year: int | None = None
    """The deadline; None means the plan's end year."""
    kind: TargetKind = TargetKind.REACH
    unit: str | None = None
    """The unit the value is written in, when it differs from the indicator's."""
    tolerance: float | None = None
    """How far from `value` still counts as met, for `Comparator.ABOUT` ("khoảng")."""
    upper: float | None = None
    """The upper edge of a band, for `Comparator.BETWEEN` (`value` is its lower edge), in the
    same unit as `value`."""
    start_year: int | None = None
    """The first year a hold-every-period or count-per-period target applies."""
    frequency: Frequency | None = None
    """The length of the periods a hold or count-per-period target is checked in."""
    text: LocalizedText | None = None
    """The plan's own words for this target, verbatim."""

    def __attrs_post_init__(self) -> None:
        check = Checker("target")
        check.instance(self.comparator, Comparator, "comparator", msg("a comparator"))
        kind_ok = check.instance(self.kind, TargetKind, "kind", msg("a target kind"))
        if kind_ok and self.kind is TargetKind.YES_NO:
            check.require(
                isinstance(self.value, bool),
                "value",
                msg("a yes/no target needs true or false (Có or Không), found {value!r}",
                    value=self.value),
            )
            check.require(
                self.comparator is Comparator.EQ,
                "comparator",
                msg("a yes/no target is compared with '=', found {value!r}",
                    value=getattr(self.comparator, "value", self.comparator)),
            )
        elif isinstance(self.value, bool) and self.kind is TargetKind.HOLD:
            # A yes/no fact to hold from a year on ("from 2025 on, gender content is in the
            # curricula"): true or false, compared with '='.
            check.require(
                self.comparator is Comparator.EQ,
                "comparator",
                msg("a yes/no fact to hold is compared with '=', found {value!r}",
                    value=getattr(self.comparator, "value", self.comparator)),
            )
            check.require(
                self.frequency in (None, Frequency.YEAR),
                "frequency",
                msg("a yes/no fact to hold is checked year by year, found frequency {value!r}",
                    value=getattr(self.frequency, "value", self.frequency)),
                hint=msg("leave frequency out, or write 'year'"),
            )
        elif isinstance(self.value, bool):
            check.add(
                "value",
                msg("a {kind} target needs a number, found {value!r}",
                    kind=getattr(self.kind, "value", self.kind), value=self.value),
                hint=msg("use kind 'yes_no' for a fact that is true or not, or 'hold' for a fact "
                         "to hold from a year on"),
            )
        else:
            check.number(self.value, "value")
        self._check_band(check)
        if self.year is not None:
            check.year(self.year, "year")
        if self.unit is not None:
            check.require(
                isinstance(self.unit, str) and bool(self.unit.strip()),
                "unit",
                msg("expected a unit text, found {value!r}", value=self.unit),
            )
        if self.comparator is Comparator.ABOUT:
            if check.require(
                self.tolerance is not None, "tolerance",
                msg("an 'about' target needs a tolerance")
            ):
                check.number(self.tolerance, "tolerance")
                check.require(
                    not isinstance(self.tolerance, int | float) or self.tolerance >= 0,
                    "tolerance",
                    msg("expected a tolerance of 0 or more, found {value!r}",
                        value=self.tolerance),
                )
        elif self.tolerance is not None:
            check.add("tolerance", msg("only an 'about' (~) target has a tolerance"))
        periodic = self.kind in (TargetKind.HOLD, TargetKind.COUNT_PER_PERIOD)
        if self.start_year is not None and check.require(
            periodic,
            "start_year",
            msg("only hold and count-per-period targets have a start year"),
            hint=msg("a yes/no fact to hold from a year on is kind 'hold' with value true")
            if self.kind is TargetKind.YES_NO
            else None,
        ):
            check.year(self.start_year, "start_year")
        if self.frequency is not None:
            check.instance(self.frequency, Frequency, "frequency", msg("a frequency"))
            check.require(
                periodic, "frequency",
                msg("only hold and count-per-period targets have a frequency")
            )
        elif self.kind is TargetKind.COUNT_PER_PERIOD:
            check.add("frequency",
                      msg("a count-per-period target needs a frequency (month, quarter…)"))
        if (
            isinstance(self.start_year, int)
            and isinstance(self.year, int)
            and self.start_year > self.year
        ):
            check.add("start_year", msg("start year {start} is after the year {year}",
                                        start=self.start_year, year=self.year))
        if self.text is not None:
            check.instance(self.text, LocalizedText, "text", msg("a localized text"))
        check.done()

    def _check_band(self, check: Checker) -> None:
        if self.comparator is not Comparator.BETWEEN:
            if self.upper is not None:
                check.add("upper", msg("only a 'between' target has an upper edge"),
                          hint=msg("write comparator 'between' with value (lower edge) and "
                                   "upper"))
            return
        if isinstance(self.value, bool):
            check.add("comparator", msg("a yes/no target is compared with '=', not 'between'"))
            return
        present = check.require(
            self.upper is not None, "upper", msg("a 'between' target needs an upper edge"),
            hint=msg("write value (the lower edge) and upper, e.g. 0.97 and 1.03"),
        )
        if present and check.number(self.upper, "upper") and isinstance(self.value, int | float):
            check.require(
                self.upper >= self.value,  # type: ignore[operator]
                "upper",
                msg("the upper edge {upper!r} is below the lower edge {value!r}",
                    upper=self.upper, value=self.value),
                hint=msg("value is the lower edge, upper the upper edge"),
            )

    @property
    def is_band(self) -> bool:
        """Whether the target is a band between two values (`Comparator.BETWEEN`)."""
        return self.comparator is Comparator.BETWEEN

    @property
    def is_periodic(self) -> bool:
        """Whether the target must hold in every period rather than be reached once."""
        return self.kind in (TargetKind.HOLD, TargetKind.COUNT_PER_PERIOD)
