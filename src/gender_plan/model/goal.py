"""Goals: the plan's specific objectives, one per field, each with its indicators."""

from __future__ import annotations

import enum

import attrs

from gender_plan._i18n import msg
from gender_plan.model._checks import Checker, to_tuple
from gender_plan.model.indicator import Indicator
from gender_plan.model.text import LocalizedText

__all__ = ["Field", "Goal", "Subsection"]


class Field(enum.Enum):
    """The fields (lĩnh vực) of the National Strategy on Gender Equality 2021-2030."""

    POLITICS = "politics"
    ECONOMY_LABOUR = "economy_labour"
    FAMILY_GBV = "family_gbv"
    HEALTH = "health"
    EDUCATION_TRAINING = "education_training"
    INFORMATION_COMMUNICATION = "information_communication"
    OTHER = "other"

    @property
    def label(self) -> LocalizedText:
        """The field's name in Vietnamese and English."""
        return _FIELD_LABELS[self]


_FIELD_LABELS = {
    Field.POLITICS: LocalizedText(vi="Chính trị", en="Politics"),
    Field.ECONOMY_LABOUR: LocalizedText(vi="Kinh tế, lao động", en="Economy and labour"),
    Field.FAMILY_GBV: LocalizedText(
        vi="Đời sống gia đình và phòng ngừa, ứng phó với bạo lực trên cơ sở giới",
        en="Family life and prevention of and response to gender-based violence",
    ),
    Field.HEALTH: LocalizedText(vi="Y tế", en="Health"),
    Field.EDUCATION_TRAINING: LocalizedText(vi="Giáo dục, đào tạo", en="Education and training"),
    Field.INFORMATION_COMMUNICATION: LocalizedText(
        vi="Thông tin, truyền thông", en="Information and communication"
    ),
    Field.OTHER: LocalizedText(vi="Lĩnh vực khác", en="Other"),
}


@attrs.frozen(kw_only=True)
class Subsection:
    """A lettered part of a goal ("a) Lao động", "b) Kinh tế") that some plans use."""

    code: str
    title: LocalizedText

    def __attrs_post_init__(self) -> None:
        check = Checker(f"subsection {self.code!r}")
        check.code(self.code, "code")
        check.instance(self.title, LocalizedText, "title", msg("a localized text"))
        check.done()


@attrs.frozen(kw_only=True)
class Goal:
    """A specific objective (mục tiêu cụ thể) of the plan in one field."""

    code: str
    """An identifier unique within the plan; the plan's numbering (``"1"`` … ``"6"``)."""
    field: Field
    title: LocalizedText
    indicators: tuple[Indicator, ...] = attrs.field(default=(), converter=to_tuple)
    subsections: tuple[Subsection, ...] = attrs.field(default=(), converter=to_tuple)
    tasks_heading: LocalizedText | None = None
    """The heading of the goal's group of tasks (II.2.1 … II.2.6) where it differs from `title`;
    None where the plan repeats the title."""

    def __attrs_post_init__(self) -> None:
        check = Checker(f"goal {self.code!r}")
        check.code(self.code, "code")
        check.instance(self.field, Field, "field", msg("a field"))
        check.instance(self.title, LocalizedText, "title", msg("a localized text"))
        if self.tasks_heading is not None:
            check.instance(self.tasks_heading, LocalizedText, "tasks_heading",
                           msg("a localized text"))
        indicators_ok = check.items(self.indicators, Indicator, "indicators", msg("indicators"))
        if check.items(self.subsections, Subsection, "subsections", msg("subsections")):
            check.unique(
                ((f"subsections[{i}].code", s.code) for i, s in enumerate(self.subsections)),
                "subsection",
            )
            known = {subsection.code for subsection in self.subsections}
            for index, indicator in enumerate(self.indicators if indicators_ok else ()):
                if indicator.subsection is not None:
                    check.require(
                        indicator.subsection in known,
                        f"indicators[{index}].subsection",
                        msg("no subsection {subsection!r} in goal {goal!r}",
                            subsection=indicator.subsection, goal=self.code),
                        hint=msg("known subsections: {known}", known=sorted(known) or "-"),
                    )
        check.done()

    @property
    def task_group_title(self) -> LocalizedText:
        """The heading of the goal's tasks: `tasks_heading`, else the goal's title."""
        return self.tasks_heading if self.tasks_heading is not None else self.title
