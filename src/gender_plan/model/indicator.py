"""Indicators: measurable quantities with a unit, a direction and their targets."""

from __future__ import annotations

import enum
import math

import attrs

from gender_plan import units
from gender_plan._i18n import QuantityText, msg
from gender_plan.errors import UnitError
from gender_plan.model._checks import Checker, to_tuple
from gender_plan.model.share import ShareOfPlaces
from gender_plan.model.target import Comparator, Target, TargetKind
from gender_plan.model.text import LocalizedText

__all__ = ["Baseline", "Direction", "Indicator", "Limits"]


class Direction(enum.Enum):
    """Whether a higher or a lower value is better, or a level to stay near.

    It decides how progress is judged.
    """

    HIGHER_IS_BETTER = "higher"
    LOWER_IS_BETTER = "lower"
    TOWARD_REFERENCE = "toward"
    """A level to stay near: neither higher nor lower is better ("ở mức 109" for the sex ratio at
    birth, a parity index best at 1). Its targets are bands; progress is judged on the distance
    to the band, which is lower-is-better (see `gender_plan.evaluation.band`)."""

    @property
    def sign(self) -> int:
        """``d`` in the methods' formulas: +1 where higher is better, -1 where lower is.

        A level to stay near is judged on its distance to its band, where lower is better: -1.
        """
        return 1 if self is Direction.HIGHER_IS_BETTER else -1


@attrs.frozen(kw_only=True)
class Limits:
    """The values an indicator can take at all, in its unit (a share lies in 0-100 percent)."""

    lower: float | None = None
    upper: float | None = None

    def __attrs_post_init__(self) -> None:
        check = Checker("limits")
        for name in ("lower", "upper"):
            value = getattr(self, name)
            if value is not None:
                check.number(value, name)
        check.done()
        if self.lower is not None and self.upper is not None and self.lower >= self.upper:
            check.fail("upper", msg("upper limit {upper} is not above lower limit {lower}",
                                    upper=self.upper, lower=self.lower))

    def contains(self, value: float) -> bool:
        """Whether `value` lies within the limits (inclusive)."""
        return (self.lower is None or value >= self.lower) and (
            self.upper is None or value <= self.upper
        )

    def __str__(self) -> str:
        low = "-∞" if self.lower is None else f"{self.lower:g}"
        high = "∞" if self.upper is None else f"{self.upper:g}"
        return f"[{low}, {high}]"


@attrs.frozen(kw_only=True)
class Baseline:
    """A starting value that the plan itself states ("giảm từ 23 … xuống 18": from 23)."""

    value: float | bool
    year: int
    source: str | None = None
    """Where the plan says the value comes from, if it says."""

    def __attrs_post_init__(self) -> None:
        check = Checker("baseline")
        if not isinstance(self.value, bool):
            check.number(self.value, "value")
        check.year(self.year, "year")
        check.done()


@attrs.frozen(kw_only=True)
class Indicator:
    """A measurable quantity the plan sets targets for (a "chỉ tiêu", or one part of one).

    A numbered target of the plan with two measurable parts (Lai Khê's 3.2) is two indicators
    with their own `code` and the same `number`.
    """

    code: str
    """An identifier unique within the plan, used by measurements (``"2.1"``, ``"3.2a"``)."""
    name: LocalizedText
    """What is measured, in the plan's words."""
    display_name: LocalizedText | None = None
    """A short name for tables where the plan's words are a fragment of a sentence; ours, not
    the plan's."""
    unit: str
    """The unit values are written in (``"percent"``, ``"deaths / 100000 live_births"``), or
    ``"yes_no"`` for a fact that is true or not."""
    direction: Direction = Direction.HIGHER_IS_BETTER
    reference: float | None = None
    """The value a level to stay near is best at (direction 'toward'), in `unit`: a parity index's
    1. Without a target, the assessment judges the distance to it; each target's band must hold
    it."""
    targets: tuple[Target, ...] = attrs.field(default=(), converter=to_tuple)
    """The targets, in any order: one, several milestones, or a level to hold."""
    number: str | None = None
    """The plan's own numbering of the target this indicator measures; None means `code`."""
    limits: Limits | None = None
    """The values the indicator can take at all, in `unit`."""
    baseline: Baseline | None = None
    """The baseline stated in the plan, in `unit`, if it states one."""
    series: str | None = None
    """The measurement series to prefer when several sources exist."""
    subsection: str | None = None
    """The code of the goal's subsection this indicator belongs to, if the goal has any."""
    implements: str | None = None
    """The code of the parent plan's indicator this one implements (see `gender_plan.traceability`);
    each of its targets is compared with the parent's requirement in force at its deadline."""
    share_of_places: ShareOfPlaces | None = None
    """What the indicator counts when it is the share of the places below that meet a condition
    ("100% of its wards publish at least 4 news items every quarter"); such an indicator is in
    percent. A place with places below it is judged from their values (see
    `gender_plan.portfolio`); a place without is judged from its own measurements."""

    def __attrs_post_init__(self) -> None:
        check = Checker(f"indicator {self.code!r}")
        check.code(self.code, "code")
        check.instance(self.name, LocalizedText, "name", msg("a localized text"))
        if self.display_name is not None:
            check.instance(self.display_name, LocalizedText, "display_name",
                           msg("a localized text"))
        check.instance(self.direction, Direction, "direction",
                       msg("'higher', 'lower' or 'toward'"))
        if self.number is not None:
            check.code(self.number, "number")
        if self.implements is not None:
            check.code(self.implements, "implements")
        unit_ok = isinstance(self.unit, str)
        if unit_ok:
            try:
                units.validate_unit(self.unit)
            except UnitError as error:
                unit_ok = False
                check.add("unit", error.describe())
        else:
            check.add("unit", msg("expected a unit text, found {value!r}", value=self.unit))
        if self.limits is not None:
            check.instance(self.limits, Limits, "limits", msg("limits"))
        if self.baseline is not None:
            check.instance(self.baseline, Baseline, "baseline", msg("a baseline"))
        if check.items(self.targets, Target, "targets", msg("targets")) and unit_ok:
            for index, target in enumerate(self.targets):
                self._check_target(check, index, target)
            self._check_milestones(check)
        if unit_ok and isinstance(self.baseline, Baseline):
            self._check_value(check, "baseline.value", self.baseline.value)
        self._check_reference(check, unit_ok)
        self._check_share(check)
        check.done()

    @property
    def is_toward(self) -> bool:
        """Whether the indicator is a level to stay near (direction 'toward')."""
        return self.direction is Direction.TOWARD_REFERENCE

    @property
    def is_yes_no(self) -> bool:
        """Whether the indicator is a yes/no fact rather than a quantity."""
        return units.is_yes_no(self.unit)

    @property
    def title(self) -> LocalizedText:
        """The name to show in tables: `display_name`, else the plan's `name`."""
        return self.display_name if self.display_name is not None else self.name

    @property
    def label(self) -> str:
        """The plan's numbering of this indicator's target (`number`, else `code`)."""
        return self.number if self.number is not None else self.code

    def target_value(self, target: Target) -> float | bool:
        """Return `target`'s value in this indicator's unit (a band's lower edge)."""
        if isinstance(target.value, bool) or target.unit is None:
            return target.value
        return units.convert(target.value, target.unit, self.unit)

    def target_band(self, target: Target) -> tuple[float, float]:
        """The values that meet `target`, as (lower, upper) edges in this indicator's unit.

        Both edges count as met; an open side is infinite. 'between' is its two edges, '=' a
        band of zero width, '~' the value give or take its tolerance, '>=' and '<=' a band open
        on one side. Strict comparators have no band (a level to stay near refuses them).
        """
        value = self.target_value(target)
        if isinstance(value, bool):
            raise TypeError(f"a yes/no target has no band, found {target!r}")
        scale = 1.0 if target.unit is None else units.conversion_factor(target.unit, self.unit)
        comparator = target.comparator
        if comparator is Comparator.BETWEEN:
            upper = target.upper if target.upper is not None else target.value
            if target.unit is None:
                return value, float(upper)
            return value, units.convert(float(upper), target.unit, self.unit)
        if comparator is Comparator.ABOUT:
            spread = (target.tolerance or 0.0) * scale
            return value - spread, value + spread
        if comparator is Comparator.GE:
            return value, math.inf
        if comparator is Comparator.LE:
            return -math.inf, value
        if comparator is Comparator.EQ:
            return value, value
        raise TypeError(f"a strict comparator {comparator.value!r} has no band")

    def _check_share(self, check: Checker) -> None:
        if self.share_of_places is None:
            return
        if check.instance(self.share_of_places, ShareOfPlaces, "share_of_places",
                          msg("a share of places")):
            check.require(
                self.unit == "percent", "unit",
                msg("a share-of-places indicator is in percent, found {unit!r}",
                    unit=self.unit),
                hint=msg("write unit: percent (the condition's own unit goes in "
                         "share_of_places.unit)"),
            )
            check.require(
                self.share_of_places.indicator != self.code, "share_of_places.indicator",
                msg("a share of places looks at an indicator of the places below, not at "
                    "itself ({code!r})", code=self.code),
                hint=msg("name the lower plans' indicator, or leave indicator out to use each "
                         "place's counterpart of this one"),
            )

    def _check_reference(self, check: Checker, unit_ok: bool) -> None:
        if self.direction is not Direction.TOWARD_REFERENCE:
            if self.reference is not None:
                check.add("reference", msg("only a level to stay near (direction 'toward') has "
                                           "a reference value"),
                          hint=msg("write direction: toward"))
            return
        if self.reference is not None and check.number(self.reference, "reference"):
            self._check_value(check, "reference", self.reference)
        if self.is_yes_no:
            check.add("direction", msg("a yes/no fact has no level to stay near"),
                      hint=msg("leave direction out for a yes/no indicator"))
            return
        if not self.targets and self.reference is None:
            check.add("reference", msg("a level to stay near needs a reference value or a "
                                       "target"),
                      hint=msg("write reference: the value the indicator is best at"))
        if not unit_ok or not isinstance(self.targets, tuple):
            return
        for index, target in enumerate(self.targets):
            if not isinstance(target, Target) or isinstance(target.value, bool):
                continue
            if target.comparator.is_strict:
                check.add(f"targets[{index}].comparator",
                          msg("a level to stay near takes a band, and a strict comparator "
                              "{comparator!r} has no edge that counts as met",
                              comparator=target.comparator.value),
                          hint=msg("write 'between', '=', '~', '>=' or '<='"))
                continue
            try:
                lower, upper = self.target_band(target)
            except UnitError:
                continue  # reported by the unit check
            if isinstance(self.reference, int | float) and not (
                lower <= self.reference <= upper
            ):
                check.add(f"targets[{index}]",
                          msg("the reference value {reference} lies outside the target's band "
                              "[{lower}, {upper}]", reference=format(self.reference, "g"),
                              lower=format(lower, "g"), upper=format(upper, "g")),
                          hint=msg("a band to stay in holds the level the indicator is best "
                                   "at"))

    def _check_target(self, check: Checker, index: int, target: Target) -> None:
        path = f"targets[{index}]"
        wanted = _COMPARATOR_DIRECTION.get(target.comparator)
        if target.comparator is Comparator.BETWEEN and not self.is_toward:
            check.add(
                f"{path}.comparator",
                msg("a band ('between') is a level to stay near, but the indicator's direction "
                    "is {direction!r}",
                    direction=getattr(self.direction, "value", self.direction)),
                hint=msg("write direction: toward"),
            )
        elif self.is_toward:
            pass  # a level to stay near takes one-sided bands too: see _check_reference
        elif wanted is not None and wanted is not self.direction:
            check.add(
                f"{path}.comparator",
                msg("comparator {comparator!r} asks for a higher value, but the indicator's "
                    "direction is {direction!r}", comparator=target.comparator.value,
                    direction=self.direction.value)
                if wanted is Direction.HIGHER_IS_BETTER else
                msg("comparator {comparator!r} asks for a lower value, but the indicator's "
                    "direction is {direction!r}", comparator=target.comparator.value,
                    direction=self.direction.value),
                hint=msg("'>=' and '>' go with direction 'higher', '<=' and '<' with 'lower'"),
            )
        fact = target.kind is TargetKind.YES_NO or (
            target.kind is TargetKind.HOLD and isinstance(target.value, bool)
        )
        if self.is_yes_no != fact:
            check.add(
                f"{path}.kind",
                msg("a yes/no indicator takes yes/no targets (once, or 'hold' from a year on), "
                    "and only it does (unit {unit!r}, target kind {kind!r})", unit=self.unit,
                    kind=target.kind.value),
            )
            return
        if target.unit is not None and not self.is_yes_no:
            try:
                units.conversion_factor(target.unit, self.unit)
            except UnitError as error:
                check.add(f"{path}.unit", error.describe())
                return
        self._check_value(check, f"{path}.value", self.target_value(target))
        if target.upper is not None and isinstance(target.upper, int | float):
            upper = target.upper
            if target.unit is not None and not self.is_yes_no:
                upper = units.convert(upper, target.unit, self.unit)
            self._check_value(check, f"{path}.upper", upper)

    def _check_value(self, check: Checker, path: str, value: float | bool) -> None:
        if self.is_yes_no:
            check.require(
                isinstance(value, bool), path,
                msg("expected true or false (Có or Không), found {value!r}", value=value)
            )
        elif isinstance(value, bool):
            check.add(path, msg("expected a number in {unit!r}, found {value!r}", unit=self.unit,
                                value=value))
        elif (self.limits is not None and isinstance(self.limits, Limits)
              and not self.limits.contains(value)):
            check.add(
                path,
                msg("value {quantity} lies outside the indicator's limits {limits}",
                    quantity=QuantityText(value, self.unit), limits=str(self.limits)),
            )

    def _check_milestones(self, check: Checker) -> None:
        years: dict[int | None, int] = {}
        for index, target in enumerate(self.targets):
            if target.kind is not TargetKind.REACH:
                continue
            if target.year in years:
                check.add(
                    f"targets[{index}].year",
                    msg("two targets to reach by the same year ({year}), see targets[{other}]",
                        year=target.year or msg("plan end"), other=years[target.year]),
                    hint=msg("milestones need different years"),
                )
            years[target.year] = index


_COMPARATOR_DIRECTION = {
    Comparator.GE: Direction.HIGHER_IS_BETTER,
    Comparator.GT: Direction.HIGHER_IS_BETTER,
    Comparator.LE: Direction.LOWER_IS_BETTER,
    Comparator.LT: Direction.LOWER_IS_BETTER,
}
"""The direction a one-sided comparator implies: 'at least' targets rise, 'below' targets fall."""
