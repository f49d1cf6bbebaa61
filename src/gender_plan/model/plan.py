"""The plan (kế hoạch): metadata, goals, tasks, responsible units, funding and calendar."""

from __future__ import annotations

from typing import TYPE_CHECKING

import attrs

from gender_plan._i18n import msg
from gender_plan.model._checks import Checker, to_tuple
from gender_plan.model.document import DocumentReference
from gender_plan.model.events import RecurringEvent
from gender_plan.model.funding import FundingSource
from gender_plan.model.goal import Goal
from gender_plan.model.period import PartialDate
from gender_plan.model.responsible import ResponsibleUnit
from gender_plan.model.task import Task
from gender_plan.model.text import LocalizedText

if TYPE_CHECKING:
    from collections.abc import Iterator

    from gender_plan.model.indicator import Indicator
    from gender_plan.model.target import Target

__all__ = ["Plan", "Signatory"]

_BASELINE_YEARS_BACK = 30
"""How many years before a plan starts a stated baseline may lie."""
_HOLD_YEARS_BACK = 10
"""How many years before a plan starts a hold-every-period target may have started."""


@attrs.frozen(kw_only=True)
class Signatory:
    """Who signs the plan, and on whose behalf ("TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH")."""

    name: str
    title: LocalizedText
    """The signer's position ("Phó Chủ tịch")."""
    authority: tuple[LocalizedText, ...] = attrs.field(default=(), converter=to_tuple)
    """The lines above the title: on behalf of (TM.) the committee, for (KT.) the chair."""

    def __attrs_post_init__(self) -> None:
        check = Checker("signatory")
        check.require(
            isinstance(self.name, str) and bool(self.name.strip()),
            "name",
            msg("expected a name, found {value!r}", value=self.name),
        )
        check.instance(self.title, LocalizedText, "title", msg("a localized text"))
        check.items(self.authority, LocalizedText, "authority", msg("localized texts"))
        check.done()


@attrs.frozen(kw_only=True)
class Plan:
    """A local plan implementing the National Strategy on Gender Equality.

    Construction checks the whole: codes are unique, every reference resolves, years lie in
    sensible ranges. Problems are all reported at once in a `ValidationError`.
    """

    code: str
    """An identifier for the plan, e.g. ``"lai-khe-2026-2030"``."""
    title: LocalizedText
    issuer: LocalizedText
    """Who issues the plan (Ủy ban nhân dân xã Lai Khê)."""
    place: LocalizedText
    """Where it is signed and applies ("Lai Khê")."""
    start_year: int
    end_year: int
    date: PartialDate
    """The date of issue; a draft may know only the year and month."""
    number: str | None = None
    """The plan's number (``"170/KH-UBND"``); None while it is a draft without one."""
    number_suffix: str | None = None
    """What a draft prints after the blank left for its number: ``"/KH-UBND"`` in
    "Số: /KH-UBND". With a `number`, the number ends with it."""
    base_year: int | None = None
    """The year progress is measured from; None means the year before `start_year`, as the
    national strategy 2021-2030 measures from 2020."""
    preamble: tuple[LocalizedText, ...] = attrs.field(default=(), converter=to_tuple)
    """The opening paragraphs citing the legal bases ("Thực hiện …", "Căn cứ …"), verbatim."""
    introduction: LocalizedText | None = None
    """The sentence that introduces the plan ("Ủy ban nhân dân xã … xây dựng Kế hoạch …")."""
    general_objective: LocalizedText | None = None
    legal_bases: tuple[DocumentReference, ...] = attrs.field(default=(), converter=to_tuple)
    """The documents the plan says it implements or follows ("Thực hiện", "Căn cứ")."""
    references: tuple[DocumentReference, ...] = attrs.field(default=(), converter=to_tuple)
    """Other documents the text relies on."""
    parent: str | None = None
    """The code of the document (among `legal_bases`) that is the plan this one implements."""
    goals: tuple[Goal, ...] = attrs.field(default=(), converter=to_tuple)
    tasks: tuple[Task, ...] = attrs.field(default=(), converter=to_tuple)
    units: tuple[ResponsibleUnit, ...] = attrs.field(default=(), converter=to_tuple)
    funding: tuple[FundingSource, ...] = attrs.field(default=(), converter=to_tuple)
    events: tuple[RecurringEvent, ...] = attrs.field(default=(), converter=to_tuple)
    closing: LocalizedText | None = None
    """The closing paragraph ("Trên đây là Kế hoạch …, nếu có vướng mắc, đề nghị thông tin về
    …"), verbatim."""
    contact: str | None = None
    """The code of the responsible unit the closing paragraph sends questions to."""
    signatory: Signatory | None = None
    recipients: tuple[LocalizedText, ...] = attrs.field(default=(), converter=to_tuple)
    """The recipients (nơi nhận), in order."""

    def __attrs_post_init__(self) -> None:
        check = Checker("plan")
        self._check_header(check)
        # A list, not a generator: every part is checked, not just those before the first bad.
        part_checks = [
            check.items(getattr(self, name), kind, name, what)
            for name, kind, what in (
                ("legal_bases", DocumentReference, msg("document references")),
                ("references", DocumentReference, msg("document references")),
                ("goals", Goal, msg("goals")),
                ("tasks", Task, msg("tasks")),
                ("units", ResponsibleUnit, msg("responsible units")),
                ("funding", FundingSource, msg("funding sources")),
                ("events", RecurringEvent, msg("recurring events")),
                ("recipients", LocalizedText, msg("localized texts")),
                ("preamble", LocalizedText, msg("localized texts")),
            )
        ]
        if all(part_checks):
            self._check_codes(check)
            self._check_references(check)
            self._check_years(check)
        check.done()

    # --- derived views ---------------------------------------------------------------------

    @property
    def is_draft(self) -> bool:
        """Whether the plan still lacks its number or its day of issue."""
        return self.number is None or not self.date.is_complete

    @property
    def printed_number(self) -> str | None:
        """The number as the document prints it after "Số:": the number, or a draft's suffix."""
        return self.number if self.number is not None else self.number_suffix

    @property
    def effective_base_year(self) -> int:
        """`base_year`, or the year before the plan starts when none is given."""
        return self.base_year if self.base_year is not None else self.start_year - 1

    def _repr_html_(self) -> str:
        """The plan's heading and targets as HTML, for Jupyter."""
        from gender_plan.report._rich import plan_html  # noqa: PLC0415 - only when displayed

        return plan_html(self)

    def indicators(self) -> Iterator[tuple[Goal, Indicator]]:
        """Yield every indicator with its goal, in the plan's order."""
        for goal in self.goals:
            for indicator in goal.indicators:
                yield goal, indicator

    def indicator(self, code: str) -> Indicator:
        """Return the indicator with `code`.

        Raises:
            KeyError: (as `gender_plan.AssessmentError`'s sibling) when there is none.
        """
        for _, indicator in self.indicators():
            if indicator.code == code:
                return indicator
        from gender_plan.errors import UnknownCodeError  # noqa: PLC0415

        raise UnknownCodeError(code, "indicator", [i.code for _, i in self.indicators()])

    def deadline(self, target: Target) -> int:
        """The year by which `target` must be met: its own year, else the plan's end year."""
        return target.year if target.year is not None else self.end_year

    @property
    def general_tasks(self) -> tuple[Task, ...]:
        """The tasks that serve the whole plan."""
        return tuple(task for task in self.tasks if task.is_general)

    def tasks_for(self, goal: str) -> tuple[Task, ...]:
        """The tasks that serve the goal with code `goal`."""
        return tuple(task for task in self.tasks if task.goal == goal)

    # --- checks ------------------------------------------------------------------------------

    def _check_header(self, check: Checker) -> None:
        check.code(self.code, "code")
        for name in ("title", "issuer", "place"):
            check.instance(getattr(self, name), LocalizedText, name, msg("a localized text"))
        for name in ("general_objective", "introduction", "closing"):
            if getattr(self, name) is not None:
                check.instance(getattr(self, name), LocalizedText, name, msg("a localized text"))
        check.instance(self.date, PartialDate, "date", msg("a date"))
        if self.number is not None:
            check.code(self.number, "number")
        if self.number_suffix is not None and check.code(self.number_suffix, "number_suffix"):
            check.require(
                self.number_suffix.startswith("/"),
                "number_suffix",
                msg("expected the part after the number, starting with '/', found {value!r}",
                    value=self.number_suffix),
                hint=msg("write '/KH-UBND' for 'Số: /KH-UBND'"),
            )
            if isinstance(self.number, str):
                check.require(
                    self.number.endswith(self.number_suffix),
                    "number_suffix",
                    msg("the number {number!r} does not end with {suffix!r}",
                        number=self.number, suffix=self.number_suffix),
                    hint=msg("leave number_suffix out once the plan has its number, or correct "
                             "it"),
                )
        if self.contact is not None:
            check.code(self.contact, "contact")
        if self.signatory is not None:
            check.instance(self.signatory, Signatory, "signatory", msg("a signatory"))
        years_ok = check.year(self.start_year, "start_year") and check.year(
            self.end_year, "end_year"
        )
        if years_ok:
            check.require(
                self.start_year <= self.end_year,
                "end_year",
                msg("the plan ends ({end}) before it starts ({start})", end=self.end_year,
                    start=self.start_year),
            )
        if self.base_year is not None and check.year(self.base_year, "base_year") and years_ok:
            check.require(
                self.base_year <= self.end_year,
                "base_year",
                msg("base year {base} is after the plan's end ({end})", base=self.base_year,
                    end=self.end_year),
            )

    def _check_codes(self, check: Checker) -> None:
        documents = [
            (f"{name}[{i}].code", document.code)
            for name in ("legal_bases", "references")
            for i, document in enumerate(getattr(self, name))
        ]
        check.unique(documents, "document")
        check.unique(((f"goals[{i}].code", g.code) for i, g in enumerate(self.goals)), "goal")
        check.unique(
            (
                (f"goals[{g}].indicators[{i}].code", indicator.code)
                for g, goal in enumerate(self.goals)
                for i, indicator in enumerate(goal.indicators)
            ),
            "indicator",
        )
        for name, what in (
            ("tasks", "task"),
            ("units", "responsible unit"),
            ("funding", "funding source"),
            ("events", "event"),
        ):
            check.unique(
                ((f"{name}[{i}].code", item.code) for i, item in enumerate(getattr(self, name))),
                what,
            )

    def _check_references(self, check: Checker) -> None:
        def resolve(path: str, code: str, known: set[str], what: str) -> None:
            if code in known:  # the hint sorts every code: build it for a problem only
                return
            check.add(
                path,
                msg("no {what} with code {code!r}", what=what, code=code),
                hint=msg("known {what} codes: {codes}", what=what,
                         codes=", ".join(sorted(known)) or "-"),
            )

        goals = {goal.code for goal in self.goals}
        units = {unit.code for unit in self.units}
        events = {event.code for event in self.events}
        for index, task in enumerate(self.tasks):
            path = f"tasks[{index}]"
            if task.goal is not None:
                resolve(f"{path}.goal", task.goal, goals, msg("goal"))
            for position, link in enumerate(task.links):
                resolve(f"{path}.links[{position}].unit", link.unit, units, msg("responsible unit"))
            for position, code in enumerate(task.events):
                resolve(f"{path}.events[{position}]", code, events, msg("event"))
        if self.contact is not None:
            resolve("contact", self.contact, units, msg("responsible unit"))
        if self.parent is not None:
            resolve("parent", self.parent, {d.code for d in self.legal_bases}, msg("legal basis"))
            parent = next((d for d in self.legal_bases if d.code == self.parent), None)
            same_number = (parent is not None and self.number is not None
                           and parent.number == self.number)
            check.require(
                self.parent != self.code and not same_number,
                "parent",
                msg("the plan names itself as its parent ({parent!r}, number {number!r})",
                    parent=self.parent, number=self.number) if same_number
                else msg("the plan names itself as its parent ({parent!r})", parent=self.parent),
                hint=msg("the parent is the plan this one implements, e.g. the province's or "
                         "the national strategy"),
            )

    def _check_years(self, check: Checker) -> None:
        if not all(isinstance(y, int) for y in (self.start_year, self.end_year)):
            return
        for g, goal in enumerate(self.goals):
            for i, indicator in enumerate(goal.indicators):
                path = f"goals[{g}].indicators[{i}]"
                for t, target in enumerate(indicator.targets):
                    # (the messages are built for a problem only: a nation loads thousands)
                    if target.year is not None and not (
                        self.start_year <= target.year <= self.end_year
                    ):
                        check.add(
                            f"{path}.targets[{t}].year",
                            msg("target year {year} lies outside the plan's period {start}-{end}",
                                year=target.year, start=self.start_year, end=self.end_year),
                        )
                    if target.start_year is not None and not (
                        self.start_year - _HOLD_YEARS_BACK <= target.start_year <= self.end_year
                    ):
                        check.add(
                            f"{path}.targets[{t}].start_year",
                            msg("start year {year} is not within {back} years before the plan's "
                                "period {start}-{end}", year=target.start_year,
                                back=_HOLD_YEARS_BACK, start=self.start_year, end=self.end_year),
                        )
                if indicator.baseline is not None and not (
                    self.start_year - _BASELINE_YEARS_BACK
                    <= indicator.baseline.year
                    <= self.end_year
                ):
                    check.add(
                        f"{path}.baseline.year",
                        msg("baseline year {year} is not within {back} years before the plan's "
                            "period", year=indicator.baseline.year, back=_BASELINE_YEARS_BACK),
                    )
