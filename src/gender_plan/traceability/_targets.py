"""The target-by-target comparison of one indicator pair (rules in `traceability.check`)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from gender_plan.model.target import Target, TargetKind
from gender_plan.traceability import _text as words
from gender_plan.traceability.findings import Finding, FindingKind

if TYPE_CHECKING:
    from gender_plan.traceability.check import _Pair

__all__ = ["compare_targets"]


def _key(target: Target) -> tuple[TargetKind, object]:
    return target.kind, target.frequency if target.is_periodic else None


def compare_targets(pair: _Pair, factor: float) -> list[Finding]:
    """Every finding of the targets of `pair`'s local indicator against its parent's."""
    plan, parent, local, upper = pair.plan, pair.parent, pair.local, pair.upper
    mine_by_key: dict[object, list[tuple[int, Target]]] = {}
    for index, target in enumerate(local.targets):
        mine_by_key.setdefault(_key(target), []).append((index, target))
    theirs_by_key: dict[object, list[tuple[int, Target]]] = {}
    for index, target in enumerate(upper.targets):
        theirs_by_key.setdefault(_key(target), []).append((index, target))
    in_period = _in_force(pair, theirs_by_key)
    findings: list[Finding] = []
    consumed: set[object] = set()

    def mine_text(target: Target) -> tuple[str, str]:
        return (words.describe(local, target, plan.deadline(target), "vi"),
                words.describe(local, target, plan.deadline(target), "en"))

    def theirs_text(target: Target) -> tuple[str, str]:
        return (words.describe(upper, target, parent.deadline(target), "vi"),
                words.describe(upper, target, parent.deadline(target), "en"))

    # 1 and 4: each local target to reach (or yes/no fact) against the parent's line.
    for index, target in enumerate(local.targets):
        same = theirs_by_key.get(_key(target), [])
        if not same:
            findings.append(_other_kind(pair, index, target, in_period, consumed))
            continue
        if target.is_periodic:
            continue
        reach = target.kind is TargetKind.REACH
        deadline = plan.deadline(target)
        level = pair.level(pair.parent_points(same), deadline, of_parent=True, factor=1.0,
                           reach=reach)
        mine = mine_text(target)
        if level is None:
            first = min(same, key=lambda item: parent.deadline(item[1]))
            there = theirs_text(first[1])
            # A yes/no fact has no line, so no baseline can start one.
            why = (("", "") if not reach else
                   (" và kế hoạch cấp trên không nêu giá trị cơ sở trước đó",
                    " and the parent states no baseline before it"))
            findings.append(pair.finding(
                FindingKind.NOT_COMPARABLE,
                f"Chỉ tiêu {words.name(local)}: {mine[0]} đến hạn trước mốc đầu tiên của kế "
                f"hoạch cấp trên ({there[0]}){why[0]}: không so sánh được.",
                f"Indicator {words.name(local)}: {mine[1]} is due before the parent's first "
                f"milestone ({there[1]}){why[1]}: the two cannot be compared.",
                target=target, index=index, parent_target=first[1], parent_index=first[0],
                parent_year=parent.deadline(first[1]),
                parent_value=upper.target_value(first[1]),
            ))
            continue
        (point,) = pair.local_points([(index, target)], factor)
        kind = pair.verdict(point, level)
        theirs = (words.describe_level(upper, level, 1.0, "vi"),
                  words.describe_level(upper, level, 1.0, "en"))
        exact = level.before if level.basis in ("milestone", "last") else None
        value: float | bool = level.value
        if exact is not None and exact.target is not None:
            value = upper.target_value(exact.target)  # the milestone's value as written
        elif upper.is_yes_no:
            value = bool(level.value)
        findings.append(pair.finding(
            kind, *pair.compared(kind, mine, theirs), target=target, index=index,
            parent_target=None if exact is None else exact.target,
            parent_index=None if exact is None else exact.index,
            parent_year=level.before.year if level.basis == "last" and level.before else deadline,
            parent_value=value,
        ))
    # 2 and 3: each parent target in the local period, by what the local plan asks then.
    for p, wanted in in_period:
        key = _key(wanted)
        mine_same = mine_by_key.get(key)
        if mine_same is None:
            if key not in consumed:
                findings.append(_missing(pair, p, wanted, theirs_text(wanted)))
            continue
        if wanted.is_periodic:
            findings.extend(_hold(pair, p, wanted, mine_same, factor, mine_text,
                                  theirs_text(wanted)))
        elif plan.start_year <= parent.deadline(wanted) <= plan.end_year:
            found = _uncovered(pair, p, wanted, mine_same, factor, theirs_text(wanted))
            if found is not None:
                findings.append(found)
    return findings


def _in_force(pair: _Pair, theirs_by_key: dict[object, list[tuple[int, Target]]]) -> (
        list[tuple[int, Target]]):
    """The parent's targets due in the local period, and the last of each kind due before."""
    plan, parent = pair.plan, pair.parent
    found = [(p, t) for p, t in enumerate(pair.upper.targets)
             if parent.deadline(t) >= plan.start_year]
    # A kind whose every target is due before the plan starts keeps its last one in force
    # (rule 1): a local indicator without that kind of target misses it.
    for same in theirs_by_key.values():
        if all(parent.deadline(t) < plan.start_year for _, t in same):
            found.append(max(same, key=lambda item: (parent.deadline(item[1]),
                                                     float(item[1].value))))
    return found


def _other_kind(pair: _Pair, index: int, target: Target, in_period: list[tuple[int, Target]],
                consumed: set[object]) -> Finding:
    plan, parent, local, upper = pair.plan, pair.parent, pair.local, pair.upper
    mine = (words.describe(local, target, plan.deadline(target), "vi"),
            words.describe(local, target, plan.deadline(target), "en"))
    keys = {_key(t) for t in local.targets}
    # The earliest due, then by content, so that the order of the targets changes nothing.
    order = lambda item: (parent.deadline(item[1]), item[1].kind.value,  # noqa: E731
                          repr(item[1].frequency), float(item[1].value))
    others = sorted(((p, t) for p, t in in_period if _key(t) not in keys), key=order)
    everything = sorted(enumerate(upper.targets), key=order)
    cited = others[0] if others else (everything[0] if everything else None)
    if cited is None:
        return pair.finding(
            FindingKind.NOT_COMPARABLE,
            f"Chỉ tiêu {words.name(local)}: {mine[0]}, nhưng chỉ tiêu {words.name(upper)} của "
            "kế hoạch cấp trên không có mục tiêu nào: không so sánh được.",
            f"Indicator {words.name(local)}: {mine[1]}, but the parent's indicator "
            f"{words.name(upper)} sets no target: the two cannot be compared.",
            target=target, index=index,
        )
    p, wanted = cited
    consumed.add(_key(wanted))
    theirs = (words.describe(upper, wanted, parent.deadline(wanted), "vi"),
              words.describe(upper, wanted, parent.deadline(wanted), "en"))
    return pair.finding(
        FindingKind.NOT_COMPARABLE,
        f"Chỉ tiêu {words.name(local)}: {mine[0]} là {words.kind_name(target, 'vi')}, còn "
        f"{theirs[0]} của kế hoạch cấp trên là {words.kind_name(wanted, 'vi')}: không so sánh "
        "được, cần xem xét trực tiếp.",
        f"Indicator {words.name(local)}: {mine[1]} is a {words.kind_name(target, 'en')} "
        f"target, the parent's {theirs[1]} a {words.kind_name(wanted, 'en')} one: the two "
        "cannot be compared; check them by hand.",
        target=target, index=index, parent_target=wanted, parent_index=p,
        parent_year=parent.deadline(wanted), parent_value=upper.target_value(wanted),
    )


def _missing(pair: _Pair, p: int, wanted: Target, theirs: tuple[str, str]) -> Finding:
    local = pair.local
    return pair.finding(
        FindingKind.MISSING_TARGET,
        f"Chỉ tiêu {words.name(local)} không có {words.kind_name(wanted, 'vi')} để thực hiện "
        f"mục tiêu {theirs[0]} của kế hoạch cấp trên.",
        f"Indicator {words.name(local)} has no {words.kind_name(wanted, 'en')} target to "
        f"carry the parent's {theirs[1]}.",
        parent_target=wanted, parent_index=p, parent_year=pair.parent.deadline(wanted),
        parent_value=pair.upper.target_value(wanted),
    )


def _uncovered(pair: _Pair, p: int, wanted: Target, mine_same: list[tuple[int, Target]],
               factor: float, theirs: tuple[str, str]) -> Finding | None:
    """A parent milestone in the local period with no local target due that year (rule 2)."""
    plan, local = pair.plan, pair.local
    year = pair.parent.deadline(wanted)
    if any(plan.deadline(t) == year for _, t in mine_same):
        return None
    milestones = pair.local_points(mine_same, factor)
    level = pair.level(milestones, year, of_parent=False, factor=factor,
                       reach=wanted.kind is TargetKind.REACH)
    (point,) = pair.parent_points([(p, wanted)])
    common: dict[str, Any] = {"parent_target": wanted, "parent_index": p, "parent_year": year,
              "parent_value": pair.upper.target_value(wanted)}
    if level is None:
        first = milestones[0]
        assert first.target is not None
        assert first.index is not None
        mine = (words.describe(local, first.target, first.year, "vi"),
                words.describe(local, first.target, first.year, "en"))
        return pair.finding(FindingKind.LATER_YEAR,
                            *pair.compared(FindingKind.LATER_YEAR, mine, theirs),
                            target=first.target, index=first.index, **common)
    kind = pair.verdict(level, point)
    if not kind.is_weaker:
        return None
    mine = (words.describe_level(local, level, factor, "vi"),
            words.describe_level(local, level, factor, "en"))
    source = level.before if level.basis == "last" else None
    return pair.finding(kind, *pair.compared(kind, mine, theirs),
                        target=None if source is None else source.target,
                        index=None if source is None else source.index,
                        **common)


def _hold(pair: _Pair, p: int, wanted: Target, mine_same: list[tuple[int, Target]],
          factor: float, mine_text: Callable[[Target], tuple[str, str]],
          theirs: tuple[str, str]) -> list[Finding]:
    """A parent level to hold, carried by the local target that carries it best (rule 3)."""
    plan, parent = pair.plan, pair.parent
    (point,) = pair.parent_points([(p, wanted)])
    due = wanted.start_year if wanted.start_year is not None else parent.start_year

    def judged(item: tuple[int, Target]) -> tuple[tuple[int, bool, int, float], int,
                                                  FindingKind, bool]:
        index, target = item
        (mine,) = pair.local_points([item], factor)
        kind = pair.verdict(mine, point)
        start = target.start_year if target.start_year is not None else plan.start_year
        later = start > max(due, plan.start_year)
        # Fewest weaknesses first, then an equal one; the rest by content, not by position,
        # so that the order of the targets changes nothing.
        rank = (int(later) + int(kind.is_weaker), kind is not FindingKind.EQUAL, start,
                pair.sign * mine.weakest)
        return rank, index, kind, later

    _, index, kind, later = min((judged(item) for item in mine_same), key=lambda f: f[0])
    target = pair.local.targets[index]
    mine = mine_text(target)
    common: dict[str, Any] = {"target": target, "index": index, "parent_target": wanted,
                              "parent_index": p, "parent_year": due,
                              "parent_value": pair.upper.target_value(wanted)}
    found = []
    if kind is not FindingKind.EQUAL or not later:
        found.append(pair.finding(kind, *pair.compared(kind, mine, theirs),
                                  **common))
    if later:
        found.append(pair.finding(FindingKind.LATER_YEAR,
                                  *pair.compared(FindingKind.LATER_YEAR, mine, theirs),
                                  **common))
    return found
