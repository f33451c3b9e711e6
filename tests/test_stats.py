"""Shares and their confidence intervals (exercises.lessons.stats).

Reference values are the worked examples in R. G. Newcombe (1998), "Two-sided confidence
intervals for the single proportion" (Table I: methods 1 and 3) and "Interval estimation
for the difference between independent proportions" (Table II: methods 1 and 10),
*Statistics in Medicine* 17, 857-872 and 873-890.
"""

from __future__ import annotations

import math

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from exercises.lessons import stats

# successes, n, Wilson (low, high), normal approximation (low, high) cut to 0..1
SINGLE = [
    (81, 263, (0.2553, 0.3662), (0.2522, 0.3638)),
    (15, 148, (0.0624, 0.1605), (0.0527, 0.1500)),
    (0, 20, (0.0, 0.1611), (0.0, 0.0)),
    (1, 29, (0.0061, 0.1718), (0.0, 0.1009)),
    (29, 29, (0.8830, 1.0), (1.0, 1.0)),
]
# (a, m), (b, n), Newcombe method 10 (low, high), normal approximation (low, high); the
# normal-approximation limits are also checked by hand: p1 - p2 ± z·√(p1q1/m + p2q2/n).
DIFFERENCES = [
    ((56, 70), (48, 80), (0.0524, 0.3339), (0.0575, 0.3425)),
    ((9, 10), (3, 10), (0.1705, 0.8090), (0.2605, 0.9395)),
    ((6, 7), (2, 7), (0.0582, 0.8062), (0.1481, 0.9947)),  # normal: 0.5714 ± 1.96 × 0.21598, by hand
    ((5, 56), (0, 29), (-0.0381, 0.1926), (0.0146, 0.1640)),
]


@pytest.mark.parametrize(("successes", "n", "wilson", "wald"), SINGLE)
def test_single_proportion_matches_newcombe(successes: int, n: int, wilson: tuple, wald: tuple) -> None:
    assert stats.wilson_interval(successes, n) == pytest.approx(wilson, abs=5e-5)
    assert stats.normal_interval(successes, n) == pytest.approx(wald, abs=5e-5)
    share = stats.proportion(successes, n, method="wald")
    assert (share.low, share.high) == pytest.approx(wald, abs=5e-5)


@pytest.mark.parametrize(("first", "second", "newcombe", "wald"), DIFFERENCES)
def test_difference_matches_newcombe(first: tuple, second: tuple, newcombe: tuple, wald: tuple) -> None:
    a, b = stats.proportion(*first), stats.proportion(*second)
    score = stats.difference_in_proportions(a, b)
    assert (score.low, score.high) == pytest.approx(newcombe, abs=5e-5)
    assert score.estimate == pytest.approx(first[0] / first[1] - second[0] / second[1])
    plain = stats.difference_in_proportions(a, b, method="wald")
    assert (plain.low, plain.high) == pytest.approx(wald, abs=5e-5)


def test_z_values() -> None:
    assert stats.z_value() == pytest.approx(1.959964, abs=1e-6)
    assert stats.z_value(0.99) == pytest.approx(2.575829, abs=1e-6)
    assert stats.z_value(0.90) == pytest.approx(1.644854, abs=1e-6)


def test_a_worked_wilson_interval_by_hand() -> None:
    # 260 of 1,200 at 95%: p = 0.216667, z = 1.959964.
    z, n, p = 1.959964, 1200, 260 / 1200
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z / (1 + z * z / n) * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n))
    share = stats.proportion(260, 1200)
    assert (share.low, share.high) == pytest.approx((centre - half, centre + half), abs=1e-6)
    assert (share.low, share.high) == pytest.approx((0.19428, 0.24086), abs=5e-5)
    assert share.percent() == (21.7, 19.4, 24.1)
    assert share.margin == pytest.approx((share.high - share.low) / 2)
    assert share.describe() == "22% (95% confidence interval 19% to 24%; 260 of 1,200)"


def test_a_higher_confidence_gives_a_wider_interval() -> None:
    assert stats.proportion(40, 100, confidence=0.99).width > stats.proportion(40, 100).width
    assert stats.proportion(40, 100, confidence=0.80).width < stats.proportion(40, 100).width


@given(
    st.integers(min_value=1, max_value=5000).flatmap(
        lambda n: st.tuples(st.integers(min_value=0, max_value=n), st.just(n))
    )
)
def test_wilson_interval_always_holds_the_estimate_within_zero_and_one(counts: tuple[int, int]) -> None:
    successes, n = counts
    share = stats.proportion(successes, n)
    assert 0.0 <= share.low <= share.estimate <= share.high <= 1.0
    assert share.low < share.high  # never collapses to a point, unlike the normal approximation


@pytest.mark.parametrize(
    ("successes", "n", "words"),
    [
        (5, 0, "at least one answer"),
        (-1, 10, "between 0"),
        (11, 10, "between 0"),
        (2.5, 10, "whole numbers"),
        (True, 10, "whole numbers"),
    ],
)
def test_counts_that_make_no_sense_are_explained(successes, n, words: str) -> None:
    with pytest.raises(ValueError, match=words):
        stats.proportion(successes, n)


def test_bad_settings_are_explained() -> None:
    with pytest.raises(ValueError, match="confidence level"):
        stats.proportion(1, 2, confidence=95)
    with pytest.raises(ValueError, match="method"):
        stats.proportion(1, 2, method="exact")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="method"):
        half = stats.proportion(1, 2)
        stats.difference_in_proportions(half, half, method="x")  # type: ignore[arg-type]


def test_proportion_of_leaves_out_skipped_answers() -> None:
    flags = pd.Series([True, False, None, True, None], dtype="boolean")
    share = stats.proportion_of(flags)
    assert (share.successes, share.n) == (2, 3)


def test_proportions_by_group() -> None:
    flags = pd.Series([True, True, False, None, False, True, False, False], dtype="boolean")
    groups = pd.Series(["b", "b", "b", "b", "a", "a", "c", "c"])
    table = stats.proportions_by_group(flags, groups)
    assert list(table.index) == ["a", "b", "c"]
    assert table.loc["b", "answers"] == 3 and table.loc["b", "yes"] == 2  # the skipped answer is left out
    assert table.loc["a", "percent"] == pytest.approx(50.0)
    low, high = stats.wilson_interval(2, 3)
    assert (table.loc["b", "low"], table.loc["b", "high"]) == pytest.approx((100 * low, 100 * high))
    assert list(stats.proportions_by_group(flags, groups, min_answers=3).index) == ["b"]
    overall = stats.proportions_by_group(flags)
    assert list(overall.index) == ["All"] and overall.loc["All", "answers"] == 7
    with pytest.raises(ValueError, match="one group label"):
        stats.proportions_by_group(flags, groups[:3])


@pytest.mark.parametrize(
    ("margin", "kwargs", "needed"),
    [
        (0.03, {}, 1068),  # 1.959964² × 0.25 / 0.0009 = 1067.07, rounded up
        (0.05, {}, 385),  # 384.15
        (0.05, {"expected": 0.2}, 246),  # 245.85
        (0.05, {"population": 1000}, 278),  # 384.15 / (1 + 383.15 / 1000) = 277.7
    ],
)
def test_sample_size_for_margin(margin: float, kwargs: dict, needed: int) -> None:
    assert stats.sample_size_for_margin(margin, **kwargs) == needed


def test_sample_size_gives_the_margin_asked_for() -> None:
    n = stats.sample_size_for_margin(0.03)
    assert stats.proportion(n // 2, n, method="wald").margin <= 0.03
    assert stats.proportion((n - 1) // 2, n - 1, method="wald").margin > 0.03 - 1e-12


def test_sample_size_settings_are_checked() -> None:
    for bad in ({"margin": 3}, {"margin": 0.03, "expected": 1.2}, {"margin": 0.03, "population": 0}):
        with pytest.raises(ValueError):
            stats.sample_size_for_margin(**bad)
