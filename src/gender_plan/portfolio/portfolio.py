"""A portfolio: a set of plans, one per place, and the hierarchy of the places that adopted them.

Each place of the hierarchy names its plan by code (`Place.plan`); the plans come from a folder
of plan files, indexed by their codes. Nothing is assessed here: see `assess_portfolio`.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

import attrs

from gender_plan._i18n import NumberText, msg
from gender_plan.errors import Problem, ValidationError
from gender_plan.io.plan_cache import PlanCache
from gender_plan.model.plan import Plan
from gender_plan.portfolio.gaps import Gap, GapKind
from gender_plan.rollup.places import PlaceHierarchy

__all__ = ["Portfolio"]


@attrs.frozen(kw_only=True)
class Portfolio:
    """Plans by code, and the places with the code of the plan each adopted."""

    plans: Mapping[str, Plan] = attrs.field(hash=False)
    """The plans, by plan code."""
    hierarchy: PlaceHierarchy
    """The places; each `Place.plan` names its plan's code (None: no plan known)."""
    files: Mapping[str, Path] = attrs.field(factory=dict, hash=False)
    """The file each plan came from, by plan code (empty for plans built in code)."""

    def __attrs_post_init__(self) -> None:
        wrong = [msg("plans[{key!r}] holds plan {code!r}", key=key, code=plan.code)
                 for key, plan in self.plans.items() if key != plan.code]
        if wrong:
            raise ValidationError([Problem(message=m, hint=msg("index the plans by their codes"))
                                   for m in wrong], subject="portfolio")

    @classmethod
    def load(
        cls,
        plans: str | os.PathLike[str],
        places: str | os.PathLike[str],
        *,
        cache: PlanCache | bool | None = True,
        workers: int | None = 1,
    ) -> Portfolio:
        """Load the plan files of the folder `plans` and the place hierarchy file `places`.

        `cache` and `workers` as in `gender_plan.io.plan_folder.load_plan_folder`.

        Raises:
            ValidationError: every problem of every plan file and of the place file.
        """
        from gender_plan.io.places import load_places  # noqa: PLC0415
        from gender_plan.io.plan_folder import load_plan_folder  # noqa: PLC0415

        folder = load_plan_folder(plans, cache=cache, workers=workers)
        return cls(plans=folder.plans, hierarchy=load_places(places), files=folder.files)

    def plan_of(self, place: str) -> Plan | None:
        """The plan `place` adopted, or None when it names none or one not in the portfolio."""
        code = self.hierarchy.get(place).plan
        return None if code is None else self.plans.get(code)

    def gaps(self) -> tuple[Gap, ...]:
        """Places without a plan, and plan codes that name no plan in the portfolio."""
        without = [p.code for p in self.hierarchy.places if p.plan is None]
        unknown: dict[str, list[str]] = {}
        for place in self.hierarchy.places:
            if place.plan is not None and place.plan not in self.plans:
                unknown.setdefault(place.plan, []).append(place.code)
        gaps = []
        below = self._below(without)
        if without and below:  # their plans would link the places below to those above
            gaps.append(Gap(kind=GapKind.NO_PLAN, places=without, message=msg(
                "{count} places name no plan: they are not assessed, and their values are left "
                "out of every sum, with those of the {below} places below them in the sums "
                "above them (fill in the 'plan' column of the place file)",
                count=NumberText(len(without)), below=NumberText(below))))
        elif without:
            gaps.append(Gap(kind=GapKind.NO_PLAN, places=without, message=msg(
                "{count} places name no plan: they are not assessed, and their values are left "
                "out of every sum (fill in the 'plan' column of the place file)",
                count=NumberText(len(without)))))
        for code, places in unknown.items():
            gaps.append(Gap(kind=GapKind.UNKNOWN_PLAN, plan=code, places=places, message=msg(
                "no plan file has the code {code!r}: its {count} places are not assessed, and "
                "their values are left out of every sum (add the file, or correct the code in "
                "the place file)", code=code, count=NumberText(len(places)))))
        return tuple(gaps)

    def _below(self, places: list[str]) -> int:
        """How many places lie below `places` (each counted once, none of `places` itself)."""
        children: dict[str | None, list[str]] = {}
        for place in self.hierarchy.places:
            children.setdefault(place.parent, []).append(place.code)
        seen: set[str] = set()
        todo = list(places)
        while todo:
            for child in children.get(todo.pop(), ()):
                if child not in seen:
                    seen.add(child)
                    todo.append(child)
        return len(seen - set(places))

    def units(self) -> dict[str, str]:
        """Each indicator code's unit, over every plan (to read one measurement table for all).

        Raises:
            ValidationError: plans that give one indicator code units of different text (a
                long table read for many plans needs one unit per code).
        """
        found: dict[str, tuple[str, str]] = {}
        problems: list[Problem] = []
        for code, plan in self.plans.items():
            for _, indicator in plan.indicators():
                first = found.setdefault(indicator.code, (indicator.unit, code))
                if first[0] != indicator.unit:
                    problems.append(Problem(
                        message=msg("indicator {indicator!r} is in {unit!r} in plan {plan!r} "
                                    "but in {other_unit!r} in plan {other!r}",
                                    indicator=indicator.code, unit=indicator.unit, plan=code,
                                    other_unit=first[0], other=first[1]),
                        hint=msg("give the indicator the same unit in every plan of the "
                                 "portfolio (or another code where it measures something "
                                 "else)")))
        if problems:
            raise ValidationError(problems, subject="portfolio")
        return {code: unit for code, (unit, _) in found.items()}
