"""The common rules, on every place at once: the one implementation behind every assessment.

The rules of docs/explanation/methods.md ("Rules common to every method"; the methods judge the
rest) on a `Block` of groups and their `Rules`, into a `Part`: the groups' statuses, figures and
reason flags as columns. A block whose groups share their periods gives masks of one column:
they broadcast to every group, and so do flags of one entry.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from typing import Any

import attrs
import numpy as np
import numpy.typing as npt

from gender_plan._i18n import msg
from gender_plan.errors import Problem, ValidationError
from gender_plan.evaluation._layout import (
    PAST,
    Block,
    BoolArray,
    FloatArray,
    IntArray,
    all_of,
    period_of,
    pick,
)
from gender_plan.evaluation._spec import Rules
from gender_plan.evaluation.comparison import met
from gender_plan.evaluation.frame import FREQUENCIES
from gender_plan.evaluation.method import History, Method, Trend, Verdict
from gender_plan.evaluation.reasons import Reason, ReasonCode
from gender_plan.evaluation.status import Status
from gender_plan.model.period import Frequency, Period
from gender_plan.model.target import Comparator

FIGURES = ("ratio", "score", "expected", "projected", "gap", "baseline", "baseline_time",
           "latest", "latest_time")
"""The float columns of an assessment, NaN where there is no figure."""


@attrs.frozen(kw_only=True, eq=False)
class Part:
    """A batch's assessment at the groups with data, a column per group."""

    block: Block
    """The chosen series' values at each place."""
    status: IntArray
    figures: dict[str, FloatArray]
    latest_row: IntArray
    """The frame row of each group's latest value (-1: none)."""
    baseline_row: IntArray
    """The frame row of each measured baseline (-1: none, or stated)."""
    flags: dict[ReasonCode, BoolArray]
    masks: dict[ReasonCode, BoolArray]
    """Positions a reason names (values ignored, periods failing or of another length)."""
    expected: tuple[Period, ...] = ()
    """The periods a hold-every-period target expects data for."""
    missing: BoolArray | None = None
    """Which `expected` periods each group lacks (a row per period)."""
    method_flags: tuple[tuple[Reason, BoolArray], ...] = ()


def last(mask: BoolArray) -> IntArray:
    """Each column's last position where `mask` holds, or -1."""
    weights = np.arange(1, mask.shape[0] + 1)[:, None]
    found: IntArray = (mask * weights).max(axis=0, initial=0) - 1
    return found


def first(mask: BoolArray) -> IntArray:
    """Each column's first position where `mask` holds, or -1."""
    found: IntArray = np.where(mask.any(axis=0), mask.argmax(axis=0), -1)
    return found


def take(values: npt.NDArray[Any], position: IntArray, fill: Any = np.nan) -> Any:
    """Each column's entry at `position` (`fill` where it is -1); one position serves all."""
    if len(position) == 1:
        at = int(position[0])
        return values[at] if at >= 0 else np.full(values.shape[1], fill)
    column = np.arange(values.shape[1]) if values.shape[1] > 1 else 0
    return np.where(position >= 0, values[np.maximum(position, 0), column], fill)


def choose_series(block: Block, preferred: Callable[[], IntArray], date: datetime.date,
                  name_rank: IntArray) -> tuple[IntArray | None, IntArray, BoolArray]:
    """One series per indicator and place, as issue 15 asks: the preferred one if it has data.

    Else the one with most values by the date, then the most recent such value, then the
    greatest name (a preferred series without a value by the date is set aside, with a reason).

    Returns the chosen groups (None: every group, one series each), the number of series at
    each one's place, and whether the place's preferred series was set aside. `preferred`
    gives each group's preferred series, when there is a choice.
    """
    indicator, place, series = block.indicator, block.place, block.series
    if block.one_series:
        return None, np.ones(len(block), dtype=np.int64), np.zeros(len(block), dtype=bool)
    usable = block.valid & (block.end <= date.toordinal())
    count = np.broadcast_to(usable.sum(axis=0), series.shape)
    latest = np.broadcast_to(np.where(usable, block.end, -1).max(axis=0, initial=-1),
                             series.shape)
    liked = series == preferred()
    order = np.lexsort((name_rank[series], liked, latest, count, liked & (count > 0), place,
                        indicator))
    starts = np.ones(len(order), dtype=bool)
    starts[1:] = (indicator[order[1:]] != indicator[order[:-1]]) | (
        place[order[1:]] != place[order[:-1]])
    firsts = np.flatnonzero(starts)
    chosen = order[np.append(starts[1:], True)]
    has_liked = np.add.reduceat(liked[order].astype(np.int64), firsts) > 0
    return chosen, np.diff(np.append(firsts, len(order))), has_liked & ~liked[chosen]


def refuse_duplicates(block: Block, indicators: tuple[str, ...], places: tuple[str, ...],
                      series_names: tuple[str | None, ...]) -> None:
    """Two values of one period in one series at one place: refused, naming each."""
    duplicate = block.duplicate[:1] if block.shared else block.duplicate  # shared: all alike
    if not duplicate.any():
        return
    same = np.broadcast_to((block.start[1:] == block.start[:-1])
                           & (block.end[1:] == block.end[:-1]) & (block.end[1:] != PAST),
                           (block.value.shape[0] - 1, len(block)))
    duplicates = np.flatnonzero(block.duplicate)  # named for the first indicator that has any
    code = indicators[block.indicator[duplicates[0]]]
    problems = []
    for g in duplicates[block.indicator[duplicates] == block.indicator[duplicates[0]]].tolist():
        column = 0 if block.shared else g
        series, place = series_names[block.series[g]], places[block.place[g]]
        for position in np.flatnonzero(same[:, g]).tolist():
            names = {"code": code, "series": series, "period": str(period_of(
                int(block.start[position, column]), int(block.end[position, column])))}
            problems.append(Problem(message=msg(
                "two values of indicator {code!r} for {period} in series {series!r} at place "
                "{place!r}", **names, place=place) if place else msg(
                "two values of indicator {code!r} for {period} in series {series!r}", **names),
                hint=msg("keep one, or give them different series")))
    raise ValidationError(problems, subject=f"measurements of {code!r}")


def assess_block(block: Block, rules: Rules, series_count: IntArray, aside: BoolArray) -> Part:
    """Every rule on the chosen groups of one batch."""
    size = len(block)
    available = block.valid & (block.end <= rules.day)
    if rules.comparator is not None and rules.passed:
        available = available & (block.year <= rules.T)
    later = block.valid & ~available
    has = available.any(axis=0)
    part: dict[str, Any] = {"block": block, "masks": {ReasonCode.LATER_VALUES_IGNORED: later}}
    judged: dict[ReasonCode, Any] = {}  # the reasons that need a value, so none without one
    found = {"periodic": _periodic, "yes/no": _yes_no}.get(rules.kind, _reach)(
        block, rules, available, judged, part)
    every = bool(has.all())
    part["flags"] = {  # the reasons that hold whether or not a value is available, first
        ReasonCode.PREFERRED_SERIES_UNAVAILABLE: aside,
        ReasonCode.SERIES_CHOSEN: series_count > 1,
        ReasonCode.DEADLINE_PASSED: np.full(1, rules.comparator is not None and rules.passed),
        ReasonCode.LATER_VALUES_IGNORED: later.any(axis=0),
        **(judged if every else {code: flag & has for code, flag in judged.items()})}
    part["masks"] = {code: np.broadcast_to(mask, block.value.shape)
                     for code, mask in part["masks"].items()}

    def column(value: Any, fill: Any = np.nan) -> Any:
        return np.broadcast_to(value if every else np.where(has, value, fill), (size,))

    return Part(status=column(found.pop("status"), Status.NO_DATA.code),
                figures={name: column(found.get(name, np.nan)) for name in FIGURES},
                latest_row=column(found["latest_row"], -1),
                baseline_row=np.broadcast_to(found.get("baseline_row", -1), (size,)), **part)


def _latest(block: Block, where: BoolArray) -> dict[str, Any]:
    position = last(where)
    return {"latest": take(block.value, position), "latest_time": take(block.time, position),
            "latest_row": take(block.row, position, -1)}


def _yes_no(block: Block, rules: Rules, available: BoolArray,
            flags: dict[ReasonCode, Any], part: dict[str, Any]) -> dict[str, Any]:
    """A fact to hold: the latest value is the wanted one or not."""
    del part
    found = _latest(block, available)
    yes = (found["latest"] == rules.goal) & (rules.comparator is Comparator.EQ)
    flags[ReasonCode.MET], flags[ReasonCode.NOT_MET] = yes, ~yes
    found["status"] = np.where(yes, Status.ACHIEVED.code, Status.NOT_ACHIEVED.code)
    return found


def _periodic(block: Block, rules: Rules, available: BoolArray,
              flags: dict[ReasonCode, Any], part: dict[str, Any]) -> dict[str, Any]:
    """Hold-every-period and count-per-period targets: every period must have data meeting it."""
    assert rules.comparator is not None
    in_range = available if rules.first_year is None else available & (
        block.year >= rules.first_year)
    if rules.frequency is not None:
        other = in_range & (block.frequency != FREQUENCIES.index(rules.frequency))
        in_range = in_range & ~other
        flags[ReasonCode.PERIODS_OF_OTHER_LENGTH] = other.any(axis=0)
        part["masks"][ReasonCode.PERIODS_OF_OTHER_LENGTH] = other
    fails = in_range & ~met(block.value, rules.comparator, rules.goal, rules.tolerance)
    failing = fails.any(axis=0)
    part["masks"][ReasonCode.PERIODS_FAILING] = fails
    part["expected"], missing = _missing(block, rules, in_range)
    part["missing"] = np.broadcast_to(missing, (len(missing), len(block)))
    lacking = missing.any(axis=0)
    empty = ~in_range.any(axis=0)
    flags.update({ReasonCode.NO_PERIOD_IN_RANGE: empty, ReasonCode.PERIODS_FAILING: failing,
                  ReasonCode.PERIODS_WITHOUT_DATA: lacking,
                  ReasonCode.MET: ~failing & ~lacking & ~empty})
    unjudged = Status.NOT_ACHIEVED.code if rules.passed else Status.INSUFFICIENT_DATA.code
    found = _latest(block, in_range)
    found["status"] = np.select([failing, lacking, empty], [
        Status.NOT_ACHIEVED.code, unjudged, Status.INSUFFICIENT_DATA.code], Status.ACHIEVED.code)
    if not rules.fact:
        found["gap"] = rules.goal - found["latest"]
    return found


def _missing(block: Block, rules: Rules, in_range: BoolArray) -> tuple[tuple[Period, ...],
                                                                        BoolArray]:
    """The periods a periodic target expects, and which of them each group has no value in.

    From the target's start (without one known, the group's first value in range) to the
    assessment date, or to the deadline if it is earlier.
    """
    years = np.where(in_range, block.year.astype(np.int64), 2**62).min(axis=0, initial=2**62)
    start = rules.first_year if rules.first_year is not None else int(years.min(initial=2**62))
    stop = rules.date if rules.deadline is None else min(
        rules.date, datetime.date(rules.deadline, 12, 31))
    periods = _periods(rules.frequency or Frequency.YEAR, start, stop)
    if not periods:
        return (), np.zeros((0, in_range.shape[1]), dtype=bool)
    starts = np.array([p.start.toordinal() for p in periods])
    ends = np.array([p.end.toordinal() for p in periods])
    index = np.searchsorted(starts, block.start, side="right") - 1
    inside = in_range & (index >= 0) & (block.end <= ends[np.maximum(index, 0)])
    covered = np.zeros((len(periods), in_range.shape[1]), dtype=bool)
    positions, groups = np.nonzero(inside)
    covered[np.broadcast_to(index, inside.shape)[positions, groups], groups] = True
    if rules.first_year is None:
        covered |= np.array([p.year for p in periods])[:, None] < years[None, :]
    return tuple(periods), ~covered


def _periods(frequency: Frequency, start: int, stop: datetime.date) -> list[Period]:
    """Every period of `frequency` from the start of year `start` that has ended by `stop`."""
    if start > stop.year:
        return []
    if frequency is Frequency.DAY:
        first = datetime.date(start, 1, 1)
        return [Period.from_date(first + datetime.timedelta(days=k))
                for k in range((stop - first).days + 1)]
    parts: list[dict[str, int]] = (
        [{}] if frequency is Frequency.YEAR else [{"quarter": q} for q in range(1, 5)]
        if frequency is Frequency.QUARTER else [{"month": m} for m in range(1, 13)])
    return [period for year in range(start, stop.year + 1)
            for period in (Period(year=year, **part) for part in parts) if period.end <= stop]


def _reach(block: Block, rules: Rules, available: BoolArray,
           flags: dict[ReasonCode, Any], part: dict[str, Any]) -> dict[str, Any]:
    """A numeric target to reach by a deadline (or no target: direction only)."""
    size = len(block)
    found = _latest(block, available)
    t, y_t = found["latest_time"], found["latest"]
    b, y_b, has_baseline = _baseline(block, rules, available, flags, found)
    found["baseline"], found["baseline_time"] = y_b, b
    target, y_T = rules.comparator, rules.goal if rules.numeric else None

    def meets(values: FloatArray) -> BoolArray:
        if target is None or y_T is None:
            return np.zeros(size, dtype=bool)
        return met(values, target, y_T, rules.tolerance)

    yes = meets(y_t)
    if y_T is not None:
        found["gap"] = y_T - y_t
    flags[ReasonCode.MET] = yes
    status = _codes(yes, Status.ACHIEVED, Status.INSUFFICIENT_DATA)
    since = b[:1] if len(b) and (b == b[0]).all() else b  # one baseline time: one column
    times, values, mask = block.time, block.value, available & (block.time >= since)
    if rules.stated:  # the stated baseline comes first
        times, values, mask = (np.vstack([head, np.broadcast_to(rest, (len(rest), size))])
                               for head, rest in ((b, times), (y_b, values),
                                                  (np.ones(size, dtype=bool), mask)))
    history = History(times=times, values=values, mask=mask)

    def full(values: Any) -> FloatArray:
        return np.broadcast_to(np.asarray(values, dtype=np.float64), (size,))

    trend = Trend(d=full(rules.d), b=full(b), y_b=full(y_b), t=full(t), y_t=full(y_t),
                  T=full(rules.T if target is not None else t),
                  y_T=None if y_T is None else full(y_T), history=history, limit=rules.limit)
    default = type(rules.method).judge_met is Method.judge_met  # it ignores the trend: not run
    verdicts = [] if default else [(yes, rules.method.judge_met)]
    if target is not None:
        flags[ReasonCode.NOT_MET] = ~yes
    if target is not None and rules.passed:
        status = np.where(yes, status, Status.NOT_ACHIEVED.code)
    else:
        open_ = all_of(~yes, has_baseline)
        enough = (t - b) >= 1
        lost = all_of(open_, t >= b, meets(y_b))
        flags[ReasonCode.LOST_ACHIEVEMENT] = lost
        flags[ReasonCode.LATEST_BEFORE_BASELINE] = all_of(open_, ~lost, t < b)
        flags[ReasonCode.ONE_DATA_POINT] = all_of(open_, ~lost, ~enough, t >= b)
        verdicts.append((all_of(open_, enough), rules.method.judge))
    method_flags: list[tuple[Reason, BoolArray]] = []
    for where, judge in verdicts:
        if where.any():
            index = np.flatnonzero(where)
            chosen = trend if len(index) == size else _subset(trend, index)
            _apply(judge(chosen), index, found, status, method_flags, size)
    if target is not None and not rules.passed:
        status[flags[ReasonCode.LOST_ACHIEVEMENT]] = Status.DETERIORATING.code  # few: in place
    ratio = found.get("ratio")
    flags[ReasonCode.PROGRESS_RATIO] = (np.zeros(size, dtype=bool) if ratio is None
                                        else ~np.isnan(ratio))
    part["method_flags"] = tuple(method_flags)
    found["status"] = status
    return found


def _codes(where: BoolArray, yes: Status, no: Status) -> IntArray:
    """`yes`'s code where `where` holds, else `no`'s: np.where's branch is slow on mixed masks."""
    found: IntArray = (no.code + (yes.code - no.code) * where.view(np.int8)).astype(np.int64)
    return found


def _baseline(block: Block, rules: Rules, available: BoolArray, flags: dict[ReasonCode, Any],
              found: dict[str, Any]) -> tuple[FloatArray, FloatArray, BoolArray]:
    """The stated baseline, else the value in the base year, else the first one after it."""
    if rules.stated:
        flags[ReasonCode.BASELINE_STATED] = np.ones(1, dtype=bool)
        return rules.baseline[0], rules.baseline[1], np.ones(1, dtype=bool)
    base = rules.base_year
    candidates = available if base is None else available & (block.year >= base)
    in_base = last(candidates & (block.year == base))
    chosen = np.where(in_base >= 0, in_base, first(candidates))
    has_baseline = chosen >= 0
    flags[ReasonCode.BASELINE_MEASURED] = has_baseline
    flags[ReasonCode.NO_BASELINE] = ~has_baseline
    found["baseline_row"] = take(block.row, chosen, -1)
    return take(block.time, chosen), take(block.value, chosen), has_baseline


def _subset(trend: Trend, index: IntArray) -> Trend:
    history = trend.history  # its arrays are not copied: it reads their columns `index`
    return attrs.evolve(trend, history=History(times=history.times, values=history.values,
                                               mask=history.mask, _columns=index),
                        **{field.name: pick(value, index) for field in attrs.fields(Trend)
                           if isinstance(value := getattr(trend, field.name), np.ndarray)})


def _apply(verdict: Verdict, index: IntArray, found: dict[str, Any], status: IntArray,
           method_flags: list[tuple[Reason, BoolArray]], size: int) -> None:
    """Write a method's verdict on the groups `index` into the columns."""
    code = verdict.status.code if isinstance(verdict.status, Status) else verdict.status
    status[index] = np.broadcast_to(np.asarray(code, dtype=np.int64), (len(index),))
    for name in ("ratio", "score", "projected", "expected"):
        value = getattr(verdict, name)
        if value is not None:
            column = found.setdefault(name, np.full(size, np.nan))
            column[index] = np.broadcast_to(np.asarray(value, dtype=np.float64), (len(index),))
    every: list[tuple[Reason, Any]] = [(reason, True) for reason in verdict.reasons]
    for reason, where in [*every, *verdict.flags]:
        if np.any(where):  # a reason that holds nowhere is not kept
            mask = np.zeros(size, dtype=bool)
            mask[index] = np.broadcast_to(where, (len(index),))
            method_flags.append((reason, mask))
