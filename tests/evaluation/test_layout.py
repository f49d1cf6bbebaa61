"""Laying a frame out: the rows of each group together, in time order, whatever the file's order.

Files usually write each group's rows together and in time order; the layout then sorts only
the groups. These tests hold it to the plain definition (a stable sort of every row by
indicator, place, series, start and length), on tables in any order.
"""

from __future__ import annotations

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from gender_plan import MeasurementFrame
from gender_plan.evaluation._layout import _totals_in_order, all_of

COLUMNS = ("place", "indicator", "series", "sex", "year", "start", "end", "time", "frequency",
           "value", "numerator", "denominator")


def frame_of(rows: list[tuple[int, int, int, int, int, int]]) -> MeasurementFrame:
    """A frame of (indicator, place, series, sex, start day, length in days) rows."""
    if rows:
        indicator, place, series, sex, start, length = map(np.array, zip(*rows, strict=True))
    else:
        indicator = place = series = sex = start = length = np.zeros(0, dtype=np.int64)
    size = len(rows)
    return MeasurementFrame(
        places=("a", "b", "c"), indicators=("i", "j", "k"), series_names=(None, "x"),
        place=place, indicator=indicator, series=series, sex=sex,
        year=np.full(size, 2024), start=start, end=start + length, time=start / 365.0,
        frequency=np.zeros(size), value=np.arange(size, dtype=float),
        numerator=np.full(size, np.nan), denominator=np.full(size, np.nan))


def expected_order(frame: MeasurementFrame) -> np.ndarray:
    """The definition: the totals sorted stably by indicator, place, series, start, length."""
    totals = np.flatnonzero(frame.sex == 0)
    keys = (frame.end[totals] - frame.start[totals], frame.start[totals],
            frame.series[totals], frame.place[totals], frame.indicator[totals])
    return totals[np.lexsort(keys)]


def assert_laid_out(frame: MeasurementFrame) -> None:
    """The rows are in the definition's order, and the group starts (when given) are right."""
    found, first = _totals_in_order(frame)
    assert np.array_equal(found, expected_order(frame))
    if first is not None:
        groups = np.stack([frame.indicator[found], frame.place[found], frame.series[found]])
        new = np.ones(len(found), dtype=bool)
        new[1:] = (groups[:, 1:] != groups[:, :-1]).any(axis=0)
        assert np.array_equal(first, np.flatnonzero(new))


row = st.tuples(st.integers(0, 2), st.integers(0, 2), st.integers(0, 1),
                st.sampled_from([0, 0, 0, 1]), st.integers(738000, 738010),
                st.integers(0, 2))


def grouped(rows: list[tuple[int, int, int, int, int, int]]) -> list[tuple[int, ...]]:
    """The rows as a file writes them: each group's together, in time order."""
    groups: dict[tuple[int, ...], list[tuple[int, ...]]] = {}
    for r in rows:
        groups.setdefault((r[1], r[0], r[2]), []).append(r)  # groups by place first
    return [r for key in groups for r in sorted(groups[key], key=lambda r: (r[4], r[5]))]


@given(st.lists(row, max_size=40))
def test_rows_in_any_order_are_laid_out_as_sorted(rows):
    frame = frame_of(rows)
    assert_laid_out(frame)


@given(st.lists(row, max_size=40), st.integers(1, 4))
def test_rows_written_group_by_group_are_laid_out_as_sorted(rows, copies):
    # Groups of one size (every place's five years) and of many sizes, both.
    written = grouped(rows * copies)
    frame = frame_of(written)
    assert_laid_out(frame)


def test_groups_written_together_take_the_quick_path():
    # Two places, two indicators, three years each, place by place as files are written.
    rows = [(k, p, 0, 0, 738000 + 365 * y, 364) for p in range(2) for k in range(2)
            for y in range(3)]
    frame = frame_of(rows)
    found, first = _totals_in_order(frame)
    assert first is not None
    # indicator i at place a, i at b, then j at a, j at b: rows 0-2, 6-8, 3-5, 9-11
    assert found.tolist() == [0, 1, 2, 6, 7, 8, 3, 4, 5, 9, 10, 11]
    assert first.tolist() == [0, 3, 6, 9]


def test_a_group_written_in_two_runs_is_sorted_row_by_row():
    rows = [(0, 0, 0, 0, 738365, 364), (0, 1, 0, 0, 738000, 364), (0, 0, 0, 0, 738000, 364)]
    frame = frame_of(rows)
    found, first = _totals_in_order(frame)
    assert first is None
    assert found.tolist() == [2, 0, 1]


def test_a_frame_is_laid_out_once_when_first_used():
    rows = [(k, p, 0, 0, 738000 + 365 * y, 364) for p in range(2) for k in range(2)
            for y in range(3)]
    frame = frame_of(rows)
    first = frame.layout
    assert first is frame.layout  # not laid out again
    assert [tuple(range(2))] == [tuple(m) for m in first.members]  # both indicators, one block


@given(st.integers(1, 5).flatmap(lambda size: st.lists(
    st.lists(st.booleans(), min_size=1, max_size=1) | st.lists(st.booleans(), min_size=size,
                                                               max_size=size),
    min_size=1, max_size=4)))
def test_all_of_is_every_mask_broadcast(masks: list[list[bool]]) -> None:
    """Masks of one entry (shared by every group) and of one per group, in any mix."""
    arrays = [np.array(mask) for mask in masks]
    expected = np.logical_and.reduce(np.broadcast_arrays(*arrays))
    assert expected.tolist() == all_of(*arrays).tolist()
