"""The plan document as text, in its own order: `gender-plan show` and the report appendix.

Everything the plan file holds is printed: the heading and the document's status, the opening
paragraphs and the documents they cite, the objectives with each target's own words beside its
reading, the tasks with their units and roles, the calendar of the occasions they name, the
funding (section III), section IV unit by unit, the closing paragraph, the recipients and the
signature. The structure's words (headings, field
names) are labels in Vietnamese or English; the plan's own text is printed as it stands.
"""

from __future__ import annotations

import contextvars
import textwrap
import unicodedata
from collections.abc import Callable, Sequence

from gender_plan.model.document import DocumentKind, DocumentReference
from gender_plan.model.goal import Goal
from gender_plan.model.indicator import Indicator
from gender_plan.model.plan import Plan
from gender_plan.model.responsible import Assignment
from gender_plan.model.task import Task
from gender_plan.model.text import Language, LocalizedText
from gender_plan.numbers import unit_label
from gender_plan.report._format import format_date, target_text
from gender_plan.report.labels import label

__all__ = ["SECTIONS", "plan_text"]

_WIDTH = contextvars.ContextVar("width", default=100)
"""The width lines wrap at, for the call of `plan_text` under way (a report wraps nothing)."""

_WORDS: dict[str, tuple[str, str]] = {
    "plan": ("KẾ HOẠCH", "PLAN"),
    "status": ("Tình trạng văn bản", "Document status"),
    "draft": ("dự thảo", "draft"),
    "issued": ("đã ban hành", "issued"),
    "no_number": ("chưa có số", "no number yet"),
    "no_day": ("chưa có ngày ban hành", "no day of issue yet"),
    "cited": ("Văn bản được viện dẫn", "Documents cited"),
    "legal_basis": ("căn cứ", "legal basis"),
    "reference": ("viện dẫn", "reference"),
    "parent": ("kế hoạch cấp trên mà kế hoạch này thực hiện",
               "the parent plan this one implements"),
    "note": ("ghi chú", "note"),
    "section_goals": ("I. MỤC TIÊU", "I. OBJECTIVES"),
    "general_objective": ("1. Mục tiêu tổng quát", "1. General objective"),
    "specific": ("2. Mục tiêu cụ thể", "2. Specific objectives"),
    "plan_name": ("tên trong kế hoạch", "the plan's words"),
    "reading": ("đọc là", "read as"),
    "section_tasks": ("II. NHIỆM VỤ, GIẢI PHÁP CHỦ YẾU", "II. MAIN TASKS AND SOLUTIONS"),
    "general_tasks": ("1. Nhiệm vụ, giải pháp chung", "1. General tasks and solutions"),
    "field_tasks": ("2. Nhiệm vụ, giải pháp cụ thể", "2. Specific tasks and solutions"),
    "lead": ("chủ trì", "leads"),
    "coordinate": ("phối hợp", "coordinates"),
    "advise": ("tham mưu", "advises"),
    "no_role": ("liên quan (kế hoạch không nêu vai trò)", "linked (the plan states no role)"),
    "events": ("dịp", "at"),
    "section_funding": ("III. KINH PHÍ THỰC HIỆN", "III. FUNDING"),
    "section_units": ("IV. TỔ CHỨC THỰC HIỆN", "IV. IMPLEMENTATION"),
    "requested": ("Đề nghị", "Requested:"),
    "focal_point": ("đầu mối", "focal point"),
    "calendar": ("Lịch hằng năm", "Yearly calendar"),
    "contact": ("Đầu mối liên hệ", "Contact"),
    "recipients": ("Nơi nhận", "Recipients"),
    "goal_of": ("mục tiêu", "goal"),
}

_KINDS: dict[DocumentKind, tuple[str, str]] = {
    DocumentKind.LAW: ("Luật", "Law"),
    DocumentKind.RESOLUTION: ("Nghị quyết", "Resolution"),
    DocumentKind.DECISION: ("Quyết định", "Decision"),
    DocumentKind.OFFICIAL_LETTER: ("Công văn", "Official letter"),
    DocumentKind.PLAN: ("Kế hoạch", "Plan"),
    DocumentKind.STRATEGY: ("Chiến lược", "Strategy"),
    DocumentKind.PROGRAMME: ("Chương trình", "Programme"),
    DocumentKind.OTHER: ("Văn bản", "Document"),
}


def _w(key: str, language: Language) -> str:
    vi, en = _WORDS[key]
    return en if language == "en" else vi


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def _wrap(text: str, indent: str = "", *, hanging: str = "  ") -> list[str]:
    # No break at hyphens: "Văn hóa-xã hội" must stay one word, as the plan writes it.
    return textwrap.wrap(_nfc(text), _WIDTH.get(), initial_indent=indent,
                         subsequent_indent=indent + hanging, break_on_hyphens=False,
                         break_long_words=False) or [indent]


def _t(text: LocalizedText | None, language: Language) -> str:
    return "" if text is None else text.get(language)


def _heading(plan: Plan, language: Language) -> list[str]:
    lines = [_t(plan.issuer, language).upper()]
    number = plan.printed_number
    lines.append(f"{label('number', language)}: {number or label('not_stated', language)}")
    date = plan.date
    if language == "vi":
        # The document's own form: a draft leaves blanks ("ngày tháng 5 năm 2026").
        day = "" if date.day is None else f"{date.day} "
        month = "" if date.month is None else f"{date.month} "
        lines.append(f"{plan.place.vi}, ngày {day}tháng {month}năm {date.year}")
    else:
        lines.append(f"{plan.place.get('en')}, {format_date(date, 'en')}")
    lines += ["", _w("plan", language), *_wrap(_t(plan.title, language))]
    if plan.is_draft:
        missing = [_w(k, language) for k, gap in (("no_number", plan.number is None),
                                                   ("no_day", not plan.date.is_complete)) if gap]
        status = f"{_w('draft', language)} ({', '.join(missing)})"
    else:
        status = _w("issued", language)
    lines += [
        f"[{status.upper() if plan.is_draft else status}]",
        f"{_w('status', language)}: {status}",
        f"{label('period', language)}: {plan.start_year}-{plan.end_year}",
    ]
    return lines


def _document(document: DocumentReference, plan: Plan, language: Language) -> list[str]:
    vi, en = _KINDS[document.kind]
    parts = [en if language == "en" else vi]
    if document.number is not None:
        parts.append(("No. " if language == "en" else "số ") + document.number)
    if document.date is not None:
        parts.append(format_date(document.date, language))
    parts.append(("of " if language == "en" else "của ") + _t(document.issuer, language))
    text = " ".join(parts)
    if document.title is not None:
        text += f": {_t(document.title, language)}"
    if plan.parent == document.code:
        text += f" [{_w('parent', language)}]"
    lines = _wrap(f"- {text}", "  ")
    if document.note is not None:
        lines += _wrap(f"{_w('note', language)}: {_t(document.note, language)}", "      ")
    return lines


def _bases(plan: Plan, language: Language) -> list[str]:
    lines: list[str] = []
    for paragraph in plan.preamble:
        lines += [*_wrap(_t(paragraph, language)), ""]
    documents = [(d, "legal_basis") for d in plan.legal_bases] + [
        (d, "reference") for d in plan.references]
    if documents:
        lines.append(f"{_w('cited', language)}:")
        for kind in ("legal_basis", "reference"):
            chosen = [d for d, k in documents if k == kind]
            if chosen:
                lines.append(f"  {_w(kind, language)}:")
                for document in chosen:
                    lines += _document(document, plan, language)
    if plan.introduction is not None:
        lines += ["", *_wrap(_t(plan.introduction, language))]
    return lines


def _objective(plan: Plan, language: Language) -> list[str]:
    lines = [_w("section_goals", language), "", _w("general_objective", language)]
    if plan.general_objective is not None:
        lines += _wrap(_t(plan.general_objective, language), "  ")
    else:
        lines.append(f"  {label('not_stated', language)}")
    return lines


def _target_words(indicators: Sequence[Indicator], language: Language) -> str:
    """The numbered target's own words: its parts' texts joined as the plan joins them ("; ")."""
    texts: list[str] = []
    for indicator in indicators:
        for target in indicator.targets:
            words = _t(target.text, language)
            if words and words not in texts:
                texts.append(words)
    return "; ".join(texts)


def _indicator(plan: Plan, indicator: Indicator, language: Language) -> list[str]:
    unit = (("yes/no" if language == "en" else "có/không") if indicator.is_yes_no
            else unit_label(indicator.unit, language) or indicator.unit)
    lines = _wrap(f"{indicator.code}: {_t(indicator.title, language)} ({unit}, "
                  f"{label(indicator.direction.value, language)})", "    ", hanging="    ")
    if indicator.display_name is not None:
        lines += _wrap(f"{_w('plan_name', language)}: {_t(indicator.name, language)}", "      ")
    for target in indicator.targets:
        lines += _wrap(f"{_w('reading', language)}: "
                       f"{target_text(plan, indicator, target, language)}", "      ")
    if indicator.baseline is not None:
        lines.append(f"      {label('baseline', language)}: {indicator.baseline.value} "
                     f"({indicator.baseline.year})")
    return lines


def _goal(plan: Plan, goal: Goal, language: Language) -> list[str]:
    lines = ["", *_wrap(f"{label('goal', language)} {goal.code}: {_t(goal.title, language)}"),
             f"  ({goal.field.label.get(language)})"]
    numbered: dict[str, list[Indicator]] = {}
    for indicator in goal.indicators:
        numbered.setdefault(indicator.label, []).append(indicator)
    for number, parts in numbered.items():
        words = _target_words(parts, language)
        lines += _wrap(f"{label('target', language)} {number}: {words}", "  ")
        for indicator in parts:
            lines += _indicator(plan, indicator, language)
    return lines


def _goals(plan: Plan, language: Language) -> list[str]:
    lines = [_w("specific", language)]
    for goal in plan.goals:
        lines += _goal(plan, goal, language)
    return lines


def _task(plan: Plan, task: Task, language: Language, indent: str) -> list[str]:
    lines = _wrap(f"{task.code}. {_t(task.text, language)}", indent)
    names = {unit.code: unit.name for unit in plan.units}
    for link in task.links:
        role = _w(link.role.value if link.role is not None else "no_role", language)
        text = f"→ {_t(names.get(link.unit), language) or link.unit}: {role}"
        if link.evidence is not None:
            text += f" — “{_t(link.evidence, language)}”"
        if link.where is not None:
            text += f" ({link.where})"
        lines += _wrap(text, indent + "    ", hanging="    ")
    if task.events:
        events = {event.code: event.name for event in plan.events}
        lines += _wrap(f"{_w('events', language)}: "
                       + "; ".join(_t(events.get(code), language) or code for code in task.events),
                       indent + "    ")
    return lines


def _tasks(plan: Plan, language: Language) -> list[str]:
    lines = [_w("section_tasks", language), "", _w("general_tasks", language)]
    for task in plan.general_tasks:
        lines += _task(plan, task, language, "  ")
    lines += ["", _w("field_tasks", language)]
    for goal in plan.goals:
        tasks = plan.tasks_for(goal.code)
        if tasks:
            lines += ["", *_wrap(f"{_t(goal.task_group_title, language)} "
                                 f"({_w('goal_of', language)} {goal.code})", "  ")]
            for task in tasks:
                lines += _task(plan, task, language, "    ")
    return lines


def _funding(plan: Plan, language: Language) -> list[str]:
    lines = [_w("section_funding", language)]
    for source in plan.funding:
        lines += _wrap(f"- {_t(source.description, language)}", "  ")
    return lines


def _units(plan: Plan, language: Language) -> list[str]:
    lines = [_w("section_units", language)]
    for index, unit in enumerate(plan.units, start=1):
        name = _t(unit.name, language)
        if unit.assignment is Assignment.REQUESTED:
            name = f"{_w('requested', language)} {name}"
        if unit.focal_point:
            name += f" [{_w('focal_point', language)}]"
        lines += ["", *_wrap(f"{index}. {name}", "  ")]
        for duty in unit.duties:
            lines += _wrap(f"- {_t(duty, language)}", "    ")
    return lines


def _calendar(plan: Plan, language: Language) -> list[str]:
    lines = [_w("calendar", language)]
    for event in plan.events:
        when = f"{event.start.day}/{event.start.month}"
        if event.end is not None:
            when += f"-{event.end.day}/{event.end.month}"
        lines += _wrap(f"- {when}: {_t(event.name, language)}", "  ")
    return lines


def _closing(plan: Plan, language: Language) -> list[str]:
    lines: list[str] = []
    if plan.closing is not None:
        lines += _wrap(_t(plan.closing, language))
    if plan.contact is not None:
        names = {unit.code: unit.name for unit in plan.units}
        lines.append(f"{_w('contact', language)}: {_t(names.get(plan.contact), language)}")
    return lines


def _signature(plan: Plan, language: Language) -> list[str]:
    lines = [f"{_w('recipients', language)}:"]
    lines += [f"- {_t(recipient, language)}" for recipient in plan.recipients]
    if plan.signatory is not None:
        lines += ["", *(_t(line, language) for line in plan.signatory.authority),
                  _t(plan.signatory.title, language), "", plan.signatory.name]
    return lines


SECTIONS: dict[str, Callable[[Plan, Language], list[str]]] = {
    "heading": _heading,
    "bases": _bases,
    "objective": _objective,
    "goals": _goals,
    "tasks": _tasks,
    # The calendar's dates are the ones section II's tasks name (Lai Khê's Action Month,
    # II.1.3 and II.2.3.2, and the days of II.2.3): it closes section II, before III's funding.
    "calendar": _calendar,
    "funding": _funding,
    "units": _units,
    "closing": _closing,
    "signature": _signature,
}
"""The parts of the plan `show` prints, in the order of the document."""


def plan_text(plan: Plan, language: Language = "vi",
              sections: Sequence[str] | None = None, *, width: int | None = 100) -> str:
    """The plan as text, section by section in the document's order (all when None).

    Lines wrap at `width` characters; None leaves every paragraph on one line.
    """
    chosen = [name for name in SECTIONS if sections is None or name in sections]
    token = _WIDTH.set(width if width is not None else 1_000_000)
    try:
        blocks = [SECTIONS[name](plan, language) for name in chosen]
    finally:
        _WIDTH.reset(token)
    return "\n\n".join("\n".join(block).rstrip() for block in blocks if block) + "\n"
