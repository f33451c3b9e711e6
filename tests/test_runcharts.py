"""The run-chart and XmR rules, each on small constructed series with hand-checked answers.

Positions are counted from 0. Every expected value below was worked out by hand from the
rules in ``exercises.lessons.runcharts``'s docstring.
"""

from __future__ import annotations

import math

import pytest

from exercises.lessons import runcharts as rc


def spans(signals: list[rc.Signal]) -> list[tuple[int, int, int, str]]:
    return [(s.start, s.end, s.points, s.direction) for s in signals]


# --- median ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "values, expected",
    [
        ([3], 3),
        ([1, 3], 2),
        ([5, 1, 3], 3),
        ([4, 1, 3, 2], 2.5),
        ([2, 2, 2, 9], 2),
    ],
)
def test_median(values: list[float], expected: float) -> None:
    assert rc.median(values) == expected


def test_median_refuses_an_empty_series_and_missing_values() -> None:
    with pytest.raises(ValueError, match="at least one"):
        rc.median([])
    with pytest.raises(ValueError, match="missing"):
        rc.median([1, math.nan, 3])


# --- shift -------------------------------------------------------------------------------------


def test_six_points_above_is_a_shift_and_five_is_not() -> None:
    assert spans(rc.shifts([1, 1, 6, 6, 6, 6, 6, 6, 1], centre=5)) == [(2, 7, 6, "above")]
    assert rc.shifts([1, 6, 6, 6, 6, 6, 1], centre=5) == []


def test_a_shift_below() -> None:
    assert spans(rc.shifts([9, 2, 3, 2, 3, 2, 3, 2, 9], centre=5)) == [(1, 7, 7, "below")]


def test_points_on_the_median_neither_break_nor_count() -> None:
    # Five above, one on the median, then one more above: six count, so it is a shift.
    values = [6, 6, 6, 5, 6, 6, 6]
    assert spans(rc.shifts(values, centre=5)) == [(0, 6, 6, "above")]
    # Five above with two on the median among them: only five count, so no shift.
    assert rc.shifts([6, 5, 6, 6, 5, 6, 6], centre=5) == []


def test_a_point_on_the_median_at_the_start_is_not_part_of_the_run() -> None:
    assert spans(rc.shifts([5, 7, 7, 7, 7, 7, 7], centre=5)) == [(1, 6, 6, "above")]


def test_crossing_the_median_ends_a_run_and_both_sides_can_shift() -> None:
    values = [1] * 6 + [9] * 6
    assert spans(rc.shifts(values, centre=5)) == [(0, 5, 6, "below"), (6, 11, 6, "above")]


def test_shift_on_a_series_too_short_or_all_on_the_median() -> None:
    assert rc.shifts([], centre=5) == []
    assert rc.shifts([9, 9, 9], centre=5) == []
    assert rc.shifts([5] * 10, centre=5) == []


def test_shift_length_can_follow_making_data_count() -> None:
    values = [9] * 6
    assert len(rc.shifts(values, centre=5)) == 1
    assert rc.shifts(values, centre=5, min_length=7) == []


# --- trend -------------------------------------------------------------------------------------


def test_five_rising_points_are_a_trend_and_four_are_not() -> None:
    assert spans(rc.trends([1, 2, 3, 4, 5])) == [(0, 4, 5, "up")]
    assert rc.trends([1, 2, 3, 4]) == []


def test_a_falling_trend() -> None:
    assert spans(rc.trends([9, 8, 7, 6, 5, 4])) == [(0, 5, 6, "down")]


def test_a_repeated_value_counts_once_and_does_not_break_the_trend() -> None:
    # 1, 2, 2, 3, 4, 5: five distinct rising values over six points.
    assert spans(rc.trends([1, 2, 2, 3, 4, 5])) == [(0, 5, 5, "up")]
    # 1, 2, 2, 3, 4: only four distinct values, so no trend.
    assert rc.trends([1, 2, 2, 3, 4]) == []


def test_repeats_at_the_start_and_end() -> None:
    assert spans(rc.trends([5, 5, 4, 3, 2, 1])) == [(0, 5, 5, "down")]
    assert spans(rc.trends([1, 2, 3, 4, 5, 5])) == [(0, 5, 5, "up")]


def test_the_turning_point_can_start_the_next_trend() -> None:
    # Up 1 -> 3, then down 3 -> -1: the 3 at position 2 starts the falling trend.
    assert spans(rc.trends([1, 2, 3, 2, 1, 0, -1])) == [(2, 6, 5, "down")]


def test_a_tied_turning_point_starts_the_next_run_at_its_first_point() -> None:
    # 0 1 2 3 4 4 3 2 1 0: up to the first 4 (5 points), then down from the first 4 (5 distinct values).
    assert spans(rc.trends([0, 1, 2, 3, 4, 4, 3, 2, 1, 0])) == [(0, 5, 5, "up"), (4, 9, 5, "down")]


def test_trend_on_a_series_too_short_or_flat() -> None:
    assert rc.trends([]) == []
    assert rc.trends([7]) == []
    assert rc.trends([3, 3, 3, 3, 3, 3]) == []


def test_zigzag_has_no_trend() -> None:
    assert rc.trends([1, 3, 2, 4, 3, 5, 4, 6]) == []


# --- XmR limits and points outside them ---------------------------------------------------


def test_xmr_limits_worked_example() -> None:
    values = [10, 12, 14, 12]  # mean 12; moving ranges 2, 2, 2 -> mean moving range 2
    limits = rc.xmr_limits(values)
    assert limits.mean == pytest.approx(12)
    assert limits.mean_moving_range == pytest.approx(2)
    assert limits.upper == pytest.approx(12 + 2.66 * 2)  # 17.32
    assert limits.lower == pytest.approx(12 - 2.66 * 2)  # 6.68
    assert rc.moving_ranges(values) == [2, 2, 2]


def test_points_strictly_outside_the_limits() -> None:
    limits = rc.Limits(mean=10, mean_moving_range=1, lower=7.34, upper=12.66)
    found = rc.outside_limits([10, 13, 12.66, 7, 7.34, 10], limits)
    assert spans(found) == [(1, 1, 1, "above"), (3, 3, 1, "below")]  # points on a limit are inside


def test_an_astronomical_point_stands_out_from_its_own_limits() -> None:
    values = [50, 51, 49, 50, 51, 49, 50, 80, 50, 51]
    limits = rc.xmr_limits(values)
    assert [s.start for s in rc.outside_limits(values, limits)] == [7]


def test_limits_need_two_points() -> None:
    with pytest.raises(ValueError, match="at least two"):
        rc.xmr_limits([5])
    with pytest.raises(ValueError, match="missing"):
        rc.xmr_limits([5, math.nan])


def test_a_constant_series_has_zero_width_limits_and_no_signal() -> None:
    limits = rc.xmr_limits([4, 4, 4])
    assert (limits.lower, limits.upper) == (4, 4)
    assert rc.outside_limits([4, 4, 4], limits) == []


# --- all the rules together -------------------------------------------------------------------


def test_signals_collects_every_rule_in_order() -> None:
    values = [5, 1, 2, 3, 4, 6, 9, 9, 9, 9, 9, 9]
    found = rc.signals(values, centre=5, limits=rc.Limits(5, 1, 0, 9.5))
    assert [(s.rule, s.start) for s in found] == [("trend", 1), ("shift", 5)]
    assert rc.signals([]) == []


def test_rule_lengths_must_make_sense() -> None:
    with pytest.raises(ValueError):
        rc.shifts([1, 2], centre=1, min_length=0)
    with pytest.raises(ValueError):
        rc.trends([1, 2], min_length=1)


# --- the runs rule: too few crossings ---------------------------------------------------------


def test_crossings_skip_points_on_the_centre_line() -> None:
    # Above, above, on, below, above, below: sides A A B A B -> 3 crossings; 5 useful points.
    values = [3, 4, 2, 1, 3, 1]
    assert rc.crossings(values, 2) == 3
    assert rc.useful_points(values, 2) == 5


@pytest.mark.parametrize("useful, expected", [(1, 0), (10, 2), (12, 3), (20, 6), (24, 8), (30, 10), (36, 13)])
def test_fewest_crossings_is_the_lower_fifth_percentile_of_a_fair_coin(useful: int, expected: int) -> None:
    # Anhøj and Olesen's table (qbinom(0.05, n - 1, 0.5)): 10 -> 2, 20 -> 6, 24 -> 8, 30 -> 10.
    assert rc.fewest_crossings(useful) == expected


def test_a_series_that_stays_on_each_side_too_long_has_too_few_crossings() -> None:
    slow = [1] * 10 + [9] * 10  # one crossing among 20 useful points; at least 6 expected
    assert rc.too_few_crossings(slow, 5)
    zigzag = [1, 9] * 10  # 19 crossings
    assert not rc.too_few_crossings(zigzag, 5)
