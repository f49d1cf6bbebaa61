"""What the results report says, worked out before any layout: sections of paragraphs and tables.

Everything is derived from the plan, the assessment and the record of activities; the officer
edits the document before signing. Difficulties and proposals are drawn from what the figures
show (targets off track or without data, tasks not started, events not held) and say so.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import attrs

from gender_plan import units
from gender_plan.evaluation.plan_assessment import PlanAssessment
from gender_plan.evaluation.status import Status
from gender_plan.implementation import (
    CalendarGap,
    ImplementationStatus,
    TaskProgress,
    calendar_gaps,
    duty_progress,
    held_at,
    task_progress,
)
from gender_plan.model.activity import Activity
from gender_plan.model.events import RecurringEvent
from gender_plan.model.indicator import Direction, Indicator
from gender_plan.model.measurement import Measurement
from gender_plan.model.plan import Plan
from gender_plan.model.task import Role
from gender_plan.model.text import Language
from gender_plan.numbers import format_number, format_quantity
from gender_plan.report.kinds import ReportPeriod
from gender_plan.report.view import build_view

__all__ = ["Block", "ResultsReport", "Section", "Table", "results_report"]

_OFF_TRACK = (Status.NEEDS_ACCELERATION, Status.LIMITED_PROGRESS, Status.DETERIORATING,
              Status.NOT_ACHIEVED)
_UNKNOWN = (Status.NO_DATA, Status.INSUFFICIENT_DATA)

_WORDS: dict[str, tuple[str, str]] = {
    "report": ("BÁO CÁO", "REPORT"),
    "plan_of": ("Kế hoạch", "the plan"),
    "situation": ("TÌNH HÌNH CHUNG", "GENERAL SITUATION"),
    "results": ("KẾT QUẢ THỰC HIỆN", "RESULTS"),
    "targets": ("Kết quả thực hiện các chỉ tiêu", "Results by target"),
    "tasks": ("Kết quả thực hiện nhiệm vụ theo lĩnh vực", "Tasks carried out, by field"),
    "units": ("Kết quả thực hiện theo đơn vị", "Tasks carried out, by unit"),
    "calendar": ("Các sự kiện hằng năm", "The yearly events"),
    "funding": ("KINH PHÍ THỰC HIỆN", "FUNDING USED"),
    "difficulties": ("KHÓ KHĂN, VƯỚNG MẮC", "DIFFICULTIES"),
    "proposals": ("ĐỀ XUẤT, KIẾN NGHỊ", "PROPOSALS"),
    "general_tasks": ("Nhiệm vụ chung", "General tasks"),
    "no": ("STT", "No."),
    "indicator": ("Chỉ tiêu", "Target"),
    "goal_value": ("Mục tiêu", "Target value"),
    "baseline": ("Giá trị cơ sở", "Baseline"),
    "latest": ("Giá trị mới nhất", "Latest value"),
    "trend": ("Xu hướng", "Trend"),
    "status": ("Đánh giá", "Status"),
    "code": ("Mã", "Code"),
    "task": ("Nhiệm vụ", "Task"),
    "duty": ("Nhiệm vụ của đơn vị (mục IV)", "The unit's duty (section IV)"),
    "lead": ("Chủ trì", "Lead"),
    "progress": ("Tình hình thực hiện", "Implementation"),
    "activities": ("Số hoạt động", "Activities"),
    "unit": ("Đơn vị", "Unit"),
    "female": ("Nữ", "Women"),
    "male": ("Nam", "Men"),
    "people": ("Tổng số người", "People"),
    "documents": ("Văn bản ban hành", "Documents issued"),
    "cost": ("Kinh phí (đồng)", "Cost (đồng)"),
    "source": ("Nguồn kinh phí", "Funding source"),
    "unfunded": ("Chưa ghi nguồn", "Source not recorded"),
    "total": ("Tổng cộng", "Total"),
    "event": ("Sự kiện", "Event"),
    "year": ("Năm", "Year"),
    "held": ("hoạt động", "activities"),
    "not_held": ("chưa ghi nhận hoạt động", "no activity recorded"),
    "up": ("tăng", "up"),
    "down": ("giảm", "down"),
    "flat": ("không đổi", "unchanged"),
    "better": ("tiến bộ", "better"),
    "worse": ("đi xuống", "worse"),
    "no_trend": ("chưa đủ số liệu", "not enough data"),
}


def _w(key: str, language: Language) -> str:
    vi, en = _WORDS[key]
    return en if language == "en" else vi


@attrs.frozen(kw_only=True)
class Table:
    """A table: its header row and its rows of text cells."""

    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    widths: tuple[float, ...]
    """Each column's share of the text width."""


Block = str | Table
"""A paragraph of text, or a table."""


@attrs.frozen(kw_only=True)
class Section:
    """A numbered section (I, II, ...) or sub-section, with its blocks."""

    title: str
    blocks: tuple[Block, ...] = ()
    level: int = 1


@attrs.frozen(kw_only=True)
class ResultsReport:
    """The whole report: heading lines, sections, recipients and signature."""

    language: Language
    issuer: tuple[str, ...]
    """The issuer's lines, upper case (ỦY BAN NHÂN DÂN / XÃ LAI KHÊ)."""
    number: str
    place_date: str
    title: str
    subtitle: str
    sections: tuple[Section, ...]
    recipients: tuple[str, ...]
    signature: tuple[str, ...]
    """The lines above the signature (TM. ỦY BAN NHÂN DÂN, KT. CHỦ TỊCH, PHÓ CHỦ TỊCH)."""
    signer: str | None


def _trend(indicator: Indicator, series: str | None, measurements: Sequence[Measurement],
           period: ReportPeriod, language: Language) -> str:
    points = sorted(
        (m.period.time, units.convert(m.value, m.unit or indicator.unit, indicator.unit))
        for m in measurements
        if m.indicator == indicator.code and m.sex is None and m.series == series
        and not isinstance(m.value, bool) and m.period.end <= period.as_of
    )
    if len(points) < 2:
        return _w("no_trend", language)
    before, last = points[-2][1], points[-1][1]
    if before == last:
        return _w("flat", language)
    rising = last > before
    good = rising == (indicator.direction is Direction.HIGHER_IS_BETTER)
    change = format_quantity(abs(last - before), indicator.unit, language)
    return (f"{'↑' if rising else '↓'} {_w('up' if rising else 'down', language)} {change} "
            f"({_w('better' if good else 'worse', language)})")


def _issuer(plan: Plan, language: Language) -> tuple[str, ...]:
    text = plan.issuer.get(language).upper()
    head = "ỦY BAN NHÂN DÂN" if language == "vi" else "PEOPLE'S COMMITTEE OF"
    if text.startswith(head + " "):
        return head, text[len(head) + 1:]
    return (text,)


def _lower(text: str) -> str:
    return text[:1].lower() + text[1:]


def _count(value: int, language: Language) -> str:
    return format_number(value, language, decimals=0)


def results_report(
    plan: Plan,
    assessment: PlanAssessment,
    measurements: Iterable[Measurement],
    activities: Iterable[Activity],
    period: ReportPeriod,
    *,
    language: Language = "vi",
    year_of_issue: int | None = None,
) -> ResultsReport:
    """Everything the report says, in `language`."""
    rows = tuple(measurements)
    record = tuple(a for a in activities
                   if a.first_day.year <= period.last_year and a.last_day.year >= period.first_year)
    view = build_view(plan, assessment, rows, language=language)
    progress = {year: task_progress(plan, record, year) for year in period.years}
    last = progress[period.last_year]
    gaps = calendar_gaps(plan, record, [y for y in period.years
                                        if all(e.dates(y)[1] <= period.as_of
                                               for e in plan.events)])
    year = year_of_issue or period.as_of.year
    place = plan.place.get(language)
    subtitle = period.summary(plan.title.get(language), language)
    sections = (
        _situation(plan, assessment, record, period, language),
        Section(title=f"II. {_w('results', language)}", blocks=()),
        Section(title=f"1. {_w('targets', language)}", level=2,
                blocks=tuple(_goal_blocks(plan, view, assessment, rows, period, language))),
        Section(title=f"2. {_w('tasks', language)}", level=2,
                blocks=tuple(_task_blocks(plan, progress, period, language))),
        Section(title=f"3. {_w('units', language)}", level=2,
                blocks=(_unit_table(plan, record, language),
                        _duty_table(plan, record, period, language))),
        Section(title=f"4. {_w('calendar', language)}", level=2,
                blocks=(_calendar_table(plan, record, period, language),)),
        Section(title=f"III. {_w('funding', language)}",
                blocks=(_funding_table(plan, record, language),)),
        Section(title=f"IV. {_w('difficulties', language)}",
                blocks=tuple(_difficulties(plan, assessment, last, gaps, record, period,
                                           language))),
        Section(title=f"V. {_w('proposals', language)}",
                blocks=tuple(_proposals(plan, assessment, last, language))),
    )
    signatory = plan.signatory
    return ResultsReport(
        language=language,
        issuer=_issuer(plan, language),
        number="Số:        /BC-UBND" if language == "vi" else "No.        /BC-UBND",
        place_date=(f"{place}, ngày      tháng      năm {year}" if language == "vi"
                    else f"{place}, ...... {year}"),
        title=_w("report", language),
        subtitle=subtitle,
        sections=sections,
        recipients=(*(f"- {r.get(language)};" for r in plan.recipients),
                    "- Lưu: VT." if language == "vi" else "- Archived."),
        signature=(() if signatory is None else tuple(
            line.get(language).upper() for line in (*signatory.authority, signatory.title))),
        signer=None if signatory is None else signatory.name,
    )


def _situation(plan: Plan, assessment: PlanAssessment, record: Sequence[Activity],
               period: ReportPeriod, language: Language) -> Section:
    counts = {status: n for status, n in assessment.summary.counts if n}
    statuses = ", ".join(f"{status.text(language).lower()}: {_count(n, language)}"
                         for status, n in counts.items())
    indicators = sum(1 for _ in plan.indicators())
    issued = (f"số {plan.number}" if plan.number else "(dự thảo, chưa có số)") if language == "vi" \
        else (f"no. {plan.number}" if plan.number else "(a draft, not yet numbered)")
    people = sum(a.participants.count or 0 for a in record)
    cost = sum(a.cost or 0 for a in record)
    documents = sum(len(a.documents) for a in record)
    as_of = f"{period.as_of:%d/%m/%Y}"
    if language == "vi":
        blocks: tuple[Block, ...] = (
            f"{plan.issuer.get('vi')} ban hành Kế hoạch {_lower(plan.title.get('vi'))} "
            f"{issued}, gồm "
            f"{_count(len(plan.goals), language)} mục tiêu với {_count(indicators, language)} "
            f"chỉ tiêu, {_count(len(plan.tasks), language)} nhiệm vụ, giải pháp và "
            f"{_count(len(plan.units), language)} đơn vị được giao tổ chức thực hiện.",
            f"Báo cáo này tổng hợp kết quả {period.text(language)}, số liệu tính đến ngày "
            f"{as_of}. Đánh giá {_count(assessment.summary.total, language)} chỉ tiêu: "
            f"{statuses}.",
            f"Các đơn vị đã ghi nhận {_count(len(record), language)} hoạt động, với "
            f"{_count(people, language)} lượt người tham gia, {_count(documents, language)} văn "
            f"bản được ban hành và tổng kinh phí {format_number(cost, language, decimals=0)} "
            "đồng.",
        )
    else:
        blocks = (
            f"{plan.issuer.get('en')} issued the plan {plan.title.get('en')} {issued}: "
            f"{len(plan.goals)} goals with {indicators} targets, {len(plan.tasks)} tasks and "
            f"{len(plan.units)} units responsible.",
            f"This report covers {period.text(language)}, with data as of {as_of}. Of "
            f"{assessment.summary.total} targets: {statuses}.",
            f"The units recorded {len(record)} activities, with "
            f"{format_number(people, language, decimals=0)} participants, {documents} "
            f"documents issued and {format_number(cost, language, decimals=0)} đồng spent.",
        )
    return Section(title=f"I. {_w('situation', language)}", blocks=blocks)


def _goal_blocks(plan: Plan, view: object, assessment: PlanAssessment,
                 rows: Sequence[Measurement], period: ReportPeriod,
                 language: Language) -> Iterable[Block]:
    from gender_plan.report.view import ReportView  # noqa: PLC0415

    assert isinstance(view, ReportView)
    header = tuple(_w(k, language) for k in ("no", "indicator", "goal_value", "baseline",
                                              "latest", "trend", "status"))
    for goal, goal_view in zip(plan.goals, view.goals, strict=True):
        yield f"{goal_view.summary.title}: {goal_view.title}"
        table = []
        for indicator, row in zip(goal.indicators, goal_view.rows, strict=True):
            found = assessment[indicator.code]
            base = found.baseline
            baseline = ("-" if base is None else
                        f"{format_quantity(base.value, indicator.unit, language)} ({base.period})")
            table.append((row.number, row.name, row.target, baseline, row.latest_brief,
                          _trend(indicator, found.series, rows, period, language),
                          row.status_text))
        yield Table(header=header, rows=tuple(table),
                    widths=(0.08, 0.28, 0.15, 0.13, 0.13, 0.12, 0.11))


def _activity_summary(progress: TaskProgress, language: Language) -> str:
    text = progress.status.text(language)
    if progress.missing_events and progress.activities:
        text += (" (chưa tổ chức: " if language == "vi" else " (not held: ") + ", ".join(
            progress.missing_events) + ")"
    return text


def _task_blocks(plan: Plan, progress: dict[int, tuple[TaskProgress, ...]],
                 period: ReportPeriod, language: Language) -> Iterable[Block]:
    units_by_code = {u.code: u.name.get(language) for u in plan.units}
    header = tuple(_w(k, language) for k in ("code", "task", "lead", "progress", "activities"))
    groups = [(None, _w("general_tasks", language))] + [
        (g.code, f"{g.field.label.get(language)}") for g in plan.goals]
    for goal, title in groups:
        tasks = [t for t in plan.tasks if t.goal == goal]
        if not tasks:
            continue
        yield title
        table = []
        for task in tasks:
            states = [(year, next(p for p in progress[year] if p.task == task.code))
                      for year in period.years]
            status = "; ".join(
                (f"{year}: " if len(states) > 1 else "") + _activity_summary(found, language)
                for year, found in states)
            count = sum(len(found.activities) for _, found in states)
            table.append((task.code, task.text.get(language),
                          ", ".join(units_by_code.get(u, u)
                                    for u in task.units_in(Role.LEAD)) or "-",
                          status, _count(count, language)))
        yield Table(header=header, rows=tuple(table), widths=(0.1, 0.47, 0.15, 0.18, 0.1))


def _unit_table(plan: Plan, record: Sequence[Activity], language: Language) -> Table:
    header = tuple(_w(k, language) for k in ("unit", "activities", "female", "male", "people",
                                              "documents", "cost"))
    rows = []
    for unit in plan.units:
        mine = [a for a in record if a.unit == unit.code]
        female = sum(a.participants.female or 0 for a in mine)
        male = sum(a.participants.male or 0 for a in mine)
        people = sum(a.participants.count or 0 for a in mine)
        documents = "; ".join(d for a in mine for d in a.documents) or "-"
        cost = sum(a.cost or 0 for a in mine)
        rows.append((unit.name.get(language), _count(len(mine), language),
                     _count(female, language), _count(male, language), _count(people, language),
                     documents, format_number(cost, language, decimals=0)))
    return Table(header=header, rows=tuple(rows), widths=(0.27, 0.09, 0.08, 0.08, 0.1, 0.24,
                                                          0.14))


def _duty_table(plan: Plan, record: Sequence[Activity], period: ReportPeriod,
                language: Language) -> Table:
    """Each unit's duties of section IV, with their state in each year covered."""
    header = (_w("unit", language), _w("no", language), _w("duty", language),
              _w("progress", language), _w("activities", language))
    states = {year: {(d.unit, d.duty): d for d in duty_progress(plan, record, year)}
              for year in period.years}
    rows = []
    for unit in plan.units:
        for number, duty in enumerate(unit.duties, start=1):
            found = [(year, states[year][(unit.code, number)]) for year in period.years]
            status = "; ".join((f"{year}: " if len(found) > 1 else "") + d.status.text(language)
                               for year, d in found)
            count = sum(len(d.activities) for _, d in found)
            rows.append((unit.name.get(language) if number == 1 else "", str(number),
                         duty.get(language), status, _count(count, language)))
    return Table(header=header, rows=tuple(rows), widths=(0.2, 0.06, 0.46, 0.18, 0.1))


def _calendar_table(plan: Plan, record: Sequence[Activity], period: ReportPeriod,
                    language: Language) -> Table:
    header = (_w("event", language), *(str(y) for y in period.years))
    rows = []
    for event in plan.events:
        cells = []
        for year in period.years:
            held = sum(1 for a in record if held_at(plan, a, event, year))
            cells.append(f"{_count(held, language)} {_w('held', language)}" if held
                         else _w("not_held", language))
        rows.append((event.name.get(language), *cells))
    share = 0.6 / max(len(period.years), 1)
    return Table(header=header, rows=tuple(rows),
                 widths=(0.4, *(share for _ in period.years)))


def _funding_table(plan: Plan, record: Sequence[Activity], language: Language) -> Table:
    header = (_w("source", language), _w("activities", language), _w("cost", language))
    rows = []
    sources = [(f.code, f.description.get(language)) for f in plan.funding]
    for code, text in [*sources, (None, _w("unfunded", language))]:
        mine = [a for a in record if a.funding == code and (code is not None or a.cost)]
        if code is None and not mine:
            continue
        rows.append((text, _count(len(mine), language),
                     format_number(sum(a.cost or 0 for a in mine), language, decimals=0)))
    rows.append((_w("total", language), _count(sum(1 for a in record if a.cost), language),
                 format_number(sum(a.cost or 0 for a in record), language, decimals=0)))
    return Table(header=header, rows=tuple(rows), widths=(0.6, 0.15, 0.25))


def _days(event: RecurringEvent) -> str:
    return str(event.start) if event.end is None else f"{event.start}-{event.end}"


def _names(plan: Plan, codes: Iterable[str], language: Language) -> str:
    return "; ".join(f"{plan.indicator(c).label} {plan.indicator(c).name.get(language)}"
                     for c in codes)


def _difficulties(plan: Plan, assessment: PlanAssessment, last: Sequence[TaskProgress],
                  gaps: Sequence[CalendarGap], record: Sequence[Activity], period: ReportPeriod,
                  language: Language) -> Iterable[Block]:
    vi = language == "vi"
    off = [i.code for _, i in plan.indicators() if assessment[i.code].status in _OFF_TRACK]
    unknown = [i.code for _, i in plan.indicators() if assessment[i.code].status in _UNKNOWN]
    idle = [p.task for p in last if p.status is ImplementationStatus.NOT_STARTED]
    said = False
    if off:
        said = True
        yield ("- Các chỉ tiêu chưa đạt tiến độ: " if vi else "- Targets off track: ") + \
            _names(plan, off, language) + "."
    if unknown:
        said = True
        yield ("- Chưa có hoặc chưa đủ số liệu để đánh giá: " if vi
               else "- No or not enough data to judge: ") + _names(plan, unknown, language) + "."
    if not record:
        said = True
        yield ("- Chưa có sổ ghi chép hoạt động của các đơn vị trong kỳ báo cáo." if vi
               else "- No record of the units' activities in the period.")
    elif idle:
        said = True
        yield ((f"- Các nhiệm vụ chưa triển khai năm {period.last_year}: " if vi
                else f"- Tasks not started in {period.last_year}: ") + ", ".join(idle) + ".")
    events = {e.code: e for e in plan.events}
    for gap in gaps:
        said = True
        event = events[gap.event]
        yield ((f"- Năm {gap.year} chưa ghi nhận hoạt động nào trong {event.name.get('vi')} "
                f"({_days(event)}).") if vi
               else f"- {gap.year}: no activity recorded for {event.name.get('en')} "
               f"({_days(event)}).")
    if not said:
        yield ("- Không có khó khăn nổi bật được ghi nhận từ số liệu." if vi
               else "- The figures show no particular difficulty.")


def _proposals(plan: Plan, assessment: PlanAssessment, last: Sequence[TaskProgress],
               language: Language) -> Iterable[Block]:
    vi = language == "vi"
    focal = next((u.name.get(language) for u in plan.units if u.focal_point), None)
    said = False
    for goal in plan.goals:
        off = [i.code for i in goal.indicators if assessment[i.code].status in _OFF_TRACK]
        if not off:
            continue
        said = True
        tasks = ", ".join(t.code for t in plan.tasks_for(goal.code))
        yield ((f"- Tập trung chỉ đạo các nhiệm vụ lĩnh vực {goal.field.label.get(language)} "
                f"({tasks}) để đẩy nhanh tiến độ các chỉ tiêu {', '.join(off)}.") if vi
               else (f"- Concentrate on the tasks of the field "
                     f"{goal.field.label.get(language)} ({tasks}) to speed up targets "
                     f"{', '.join(off)}."))
    unknown = [i.code for _, i in plan.indicators() if assessment[i.code].status in _UNKNOWN]
    if unknown:
        said = True
        who = focal or ("các đơn vị" if vi else "the units")
        yield (f"- {who} phối hợp các đơn vị thu thập số liệu các chỉ tiêu "
               f"{', '.join(unknown)} để đánh giá ở kỳ sau." if vi
               else f"- {who} to collect the figures of targets {', '.join(unknown)} with the "
               "units, so that they can be judged next time.")
    idle = [p.task for p in last if p.status is ImplementationStatus.NOT_STARTED]
    if idle:
        said = True
        yield ("- Các đơn vị chủ trì triển khai các nhiệm vụ chưa thực hiện: " if vi
               else "- The leading units to start the tasks not yet carried out: ") + \
            ", ".join(idle) + "."
    if not said:
        yield ("- Tiếp tục duy trì các nhiệm vụ, giải pháp của Kế hoạch." if vi
               else "- Keep up the plan's tasks.")
