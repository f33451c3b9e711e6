"""The Making Data Count rules, assurance, RAG ratings and funnel limits, on small constructed series.

Positions count from 0. Every expected value was worked out by hand from the rules in
``exercises.lessons.spc``'s docstring.
"""

from __future__ import annotations

import math

import pandas as pd
import pytest

from exercises.lessons import spc


def test_limits_are_the_mean_plus_or_minus_2_66_mean_moving_ranges() -> None:
    limits = spc.xmr([1, 2, 3, 4])  # mean 2.5; moving ranges 1, 1, 1
    assert limits.mean == 2.5
    assert limits.mean_moving_range == 1
    assert (limits.lower, limits.upper) == pytest.approx((2.5 - 2.66, 2.5 + 2.66))
    assert (limits.near_lower, limits.near_upper) == pytest.approx((2.5 - 2 * 2.66 / 3, 2.5 + 2 * 2.66 / 3))
    assert limits.screened == 0


def test_a_freak_moving_range_is_screened_out_of_the_limits() -> None:
    # Moving ranges 1, 1, 1, 1, 10: mean 2.8; 10 is at least 3.267 × 2.8 = 9.15, so it is left out.
    limits = spc.xmr([0, 1, 0, 1, 0, 10])
    assert limits.screened == 1
    assert limits.mean_moving_range == 1
    unscreened = spc.xmr([0, 1, 0, 1, 0, 10], screen=False)
    assert unscreened.mean_moving_range == pytest.approx(2.8)


def test_limits_refuse_too_few_points_and_missing_values() -> None:
    with pytest.raises(ValueError, match="at least two"):
        spc.xmr([5])
    with pytest.raises(ValueError, match="missing"):
        spc.xmr([1, math.nan, 3])


def _limits(mean: float) -> spc.ProcessLimits:
    return spc.ProcessLimits(mean, 1, mean - 2.66, mean + 2.66, mean - 2 * 2.66 / 3, mean + 2 * 2.66 / 3, 0)


def test_a_point_outside_the_limits_is_special_cause() -> None:
    found = spc.special_causes([10, 13, 10, 7, 10], _limits(10))
    assert found["outside the limits"] == [1, 3]


def test_seven_points_on_one_side_of_the_mean_is_a_shift_and_six_is_not() -> None:
    seven = [9, 11, 11, 11, 11, 11, 11, 11, 9]
    assert spc.special_causes(seven, _limits(10))["shift"] == [1, 2, 3, 4, 5, 6, 7]
    six = [9, 11, 11, 11, 11, 11, 11, 9]
    assert spc.special_causes(six, _limits(10))["shift"] == []


def test_a_point_on_the_mean_breaks_a_shift() -> None:
    broken = [11, 11, 11, 10, 11, 11, 11, 11]
    assert spc.special_causes(broken, _limits(10))["shift"] == []


def test_seven_points_each_higher_is_a_trend_and_a_repeat_breaks_it() -> None:
    rising = [9.0, 9.2, 9.4, 9.6, 9.8, 10.0, 10.2, 10.1]
    assert spc.special_causes(rising, _limits(10))["trend"] == [0, 1, 2, 3, 4, 5, 6]
    repeated = [9.0, 9.2, 9.4, 9.4, 9.6, 9.8, 10.0, 10.2]
    assert spc.special_causes(repeated, _limits(10))["trend"] == []
    falling = list(reversed(rising[:7]))
    assert spc.special_causes(falling, _limits(10))["trend"] == [0, 1, 2, 3, 4, 5, 6]


def test_two_of_three_near_a_limit_on_one_side_is_special_cause() -> None:
    # Near upper limit 11.77, upper limit 12.66: 12 is near, 10.5 is not.
    found = spc.special_causes([10, 12, 10.5, 12, 10], _limits(10))
    assert found["two in three near a limit"] == [1, 3]
    # The same two near points with one of the three below the mean: no signal.
    assert spc.special_causes([10, 12, 9.5, 12, 10], _limits(10))["two in three near a limit"] == []
    # Near points on opposite sides: no signal.
    assert spc.special_causes([10, 12, 10.5, 8, 10], _limits(10))["two in three near a limit"] == []


def test_ordinary_variation_has_no_special_cause() -> None:
    series = [10, 10.5, 9.6, 10.2, 9.9, 10.4, 9.7, 10.1]
    assert spc.special_cause_points(series, _limits(10)) == []


@pytest.mark.parametrize(
    "target, direction, expected",
    [
        (97, "increase", "consistently fail"),
        (80, "increase", "consistently pass"),
        (90, "increase", "hit and miss"),
        (97, "decrease", "consistently pass"),
        (80, "decrease", "consistently fail"),
    ],
)
def test_assurance_compares_the_target_with_the_limits(target: float, direction: str, expected: str) -> None:
    limits = spc.ProcessLimits(90, 2, 84.68, 95.32, 86.45, 93.55, 0)  # limits 84.68 to 95.32
    assert spc.assurance(limits, target, direction) == expected


def test_assurance_refuses_an_unknown_direction() -> None:
    with pytest.raises(ValueError, match="direction"):
        spc.assurance(_limits(10), 9, "up")


@pytest.mark.parametrize(
    "value, expected", [(96, "green"), (95, "green"), (94.99, "amber"), (90, "amber"), (89.9, "red")]
)
def test_rag_rating(value: float, expected: str) -> None:
    assert spc.rag(value, 95, 5) == expected


def test_rag_refuses_a_negative_margin() -> None:
    with pytest.raises(ValueError, match="margin"):
        spc.rag(90, 95, -1)


# --- funnel plots ------------------------------------------------------------------------


def units(*rows: tuple[str, int, int]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["unit", "n", "events"])


def test_funnel_limits_are_binomial_round_the_pooled_proportion() -> None:
    # Pooled p = (50 + 90) / 200 = 0.7; s = sqrt(0.7 × 0.3 / 100) = 0.04583.
    found = spc.funnel(units(("A", 100, 50), ("B", 100, 90)))
    assert found.centre == pytest.approx(0.7)
    s = math.sqrt(0.21 / 100)
    row = found.units.iloc[0]
    assert (row["lower_95"], row["upper_95"]) == pytest.approx((0.7 - 1.96 * s, 0.7 + 1.96 * s))
    assert (row["lower_99.8"], row["upper_99.8"]) == pytest.approx((0.7 - 3.09 * s, 0.7 + 3.09 * s))
    assert row["z"] == pytest.approx(-0.2 / s)
    assert found.units["outside_99.8"].tolist() == [True, True]
    assert found.tau2 == 0


def test_funnel_over_dispersion_widens_the_limits_by_the_between_unit_variance() -> None:
    # Two units, z = ∓4.364: Winsorising two values changes nothing; φ = z² = 19.05.
    # w = 1 / s² = 476.19 each: τ² = (2φ − 1) / (952.38 − 476.19) = 0.07791.
    found = spc.funnel(units(("A", 100, 50), ("B", 100, 90)), overdispersion=True)
    s2 = 0.21 / 100
    z2 = 0.04 / s2
    assert found.phi == pytest.approx(z2)
    assert found.tau2 == pytest.approx((2 * z2 - 1) / (2 / s2 - 1 / s2))
    row = found.units.iloc[0]
    assert row["upper_95"] == pytest.approx(0.7 + 1.96 * math.sqrt(s2 + found.tau2))
    assert not found.units["outside_95"].any()


def test_funnel_refuses_bad_input() -> None:
    with pytest.raises(KeyError, match="events"):
        spc.funnel(pd.DataFrame({"unit": ["A", "B"], "n": [1, 2]}))
    with pytest.raises(ValueError, match="at least one case"):
        spc.funnel(units(("A", 0, 0), ("B", 10, 5)))
    with pytest.raises(ValueError, match="between 0"):
        spc.funnel(units(("A", 10, 11), ("B", 10, 5)))


def test_funnel_curve_narrows_as_the_units_grow() -> None:
    low, high = spc.funnel_curve(0.5, [100, 10_000], 1.96)
    assert high[0] - low[0] == pytest.approx(2 * 1.96 * 0.05)
    assert high[1] - low[1] == pytest.approx(2 * 1.96 * 0.005)
