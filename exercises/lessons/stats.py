"""Statistics the lessons share: proportions, their confidence intervals and differences.

Plain Python and pandas, no widgets, no scipy. Day 2 uses these on the Brackenford
resident survey; Day 4 reuses them on the reminder-letter trial.

- :func:`proportion` gives a share with a 95% (or other) confidence interval, by
  Wilson's score method (the default; it behaves well for small groups and for shares
  near 0 or 1) or the normal approximation ("Wald", the textbook ``p ± z·√(p(1−p)/n)``,
  cut to the range 0 to 1).
- :func:`difference_in_proportions` compares two independent shares, by Newcombe's
  method built on Wilson intervals (the default) or the normal approximation.
- :func:`proportions_by_group` does the first for every group of a table.
- :func:`sample_size_for_margin` says how many answers a given margin of error needs.

References: E. B. Wilson (1927), *Journal of the American Statistical Association* 22,
209–212; R. G. Newcombe (1998), "Two-sided confidence intervals for the single
proportion", *Statistics in Medicine* 17, 857–872, and "Interval estimation for the
difference between independent proportions", *Statistics in Medicine* 17, 873–890.
Their worked examples are checked in ``tests/test_stats.py``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from statistics import NormalDist
from typing import Literal

import pandas as pd

Method = Literal["wilson", "wald"]
DifferenceMethod = Literal["newcombe", "wald"]
METHODS: tuple[str, ...] = ("wilson", "wald")
DIFFERENCE_METHODS: tuple[str, ...] = ("newcombe", "wald")


def z_value(confidence: float = 0.95) -> float:
    """The two-sided normal critical value: 1.96 for 95%, 2.58 for 99%."""
    if not 0 < confidence < 1:
        raise ValueError("the confidence level must be between 0 and 1, such as 0.95 for 95%")
    return NormalDist().inv_cdf(0.5 + confidence / 2)


def _check_counts(successes: int, n: int) -> None:
    if isinstance(successes, bool) or isinstance(n, bool):
        raise ValueError("give counts as whole numbers, not true or false")
    if n != int(n) or successes != int(successes):
        raise ValueError("counts must be whole numbers")
    if n <= 0:
        raise ValueError("there must be at least one answer to work out a share")
    if not 0 <= successes <= n:
        raise ValueError(f"the count ({successes}) must be between 0 and the number of answers ({n})")


def wilson_interval(successes: int, n: int, confidence: float = 0.95) -> tuple[float, float]:
    """Wilson's score interval for ``successes`` out of ``n`` (as fractions, 0 to 1)."""
    _check_counts(successes, n)
    z = z_value(confidence)
    p = successes / n
    centre = p + z * z / (2 * n)
    spread = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n))
    scale = 1 + z * z / n
    low = 0.0 if successes == 0 else (centre - spread) / scale
    high = 1.0 if successes == n else (centre + spread) / scale
    return low, high


def normal_interval(successes: int, n: int, confidence: float = 0.95) -> tuple[float, float]:
    """The normal-approximation ("Wald") interval, cut to the range 0 to 1.

    Simple, but too narrow for small groups and shares near 0 or 1 (where it can even
    have no width at all); prefer :func:`wilson_interval`.
    """
    _check_counts(successes, n)
    p = successes / n
    half = z_value(confidence) * math.sqrt(p * (1 - p) / n)
    return max(0.0, p - half), min(1.0, p + half)


@dataclass(frozen=True)
class Proportion:
    """A share with its confidence interval. Shares are fractions (0.25 means 25%)."""

    successes: int
    n: int
    low: float
    high: float
    confidence: float = 0.95
    method: str = "wilson"

    @property
    def estimate(self) -> float:
        return self.successes / self.n

    @property
    def width(self) -> float:
        """High minus low."""
        return self.high - self.low

    @property
    def margin(self) -> float:
        """Half the width: the "plus or minus" figure usually quoted."""
        return self.width / 2

    def percent(self, decimals: int = 1) -> tuple[float, float, float]:
        """(estimate, low, high) as percentages, rounded."""
        estimate, low, high = (round(100 * v, decimals) for v in (self.estimate, self.low, self.high))
        return estimate, low, high

    def describe(self, decimals: int = 0) -> str:
        """For example "22% (95% confidence interval 20% to 24%; 260 of 1,200)"."""
        est, low, high = self.percent(decimals)
        level = f"{100 * self.confidence:g}%"
        return (
            f"{est:.{decimals}f}% ({level} confidence interval {low:.{decimals}f}% to "
            f"{high:.{decimals}f}%; {self.successes:,} of {self.n:,})"
        )


def proportion(successes: int, n: int, *, confidence: float = 0.95, method: Method = "wilson") -> Proportion:
    """The share ``successes / n`` with its confidence interval.

    Raises ``ValueError`` with a plain message for counts that make no sense.
    """
    if method not in METHODS:
        raise ValueError(f"the method must be one of {', '.join(METHODS)}")
    interval = wilson_interval if method == "wilson" else normal_interval
    low, high = interval(successes, n, confidence)
    return Proportion(int(successes), int(n), low, high, confidence, method)


def proportion_of(flags: pd.Series, *, confidence: float = 0.95, method: Method = "wilson") -> Proportion:
    """The share of true values in a boolean column; missing values (skipped answers) are left out."""
    answered = flags.dropna()
    return proportion(int(answered.astype(bool).sum()), len(answered), confidence=confidence, method=method)


@dataclass(frozen=True)
class Difference:
    """The difference between two shares (first minus second), with its interval."""

    first: Proportion
    second: Proportion
    low: float
    high: float
    confidence: float = 0.95
    method: str = "newcombe"

    @property
    def estimate(self) -> float:
        return self.first.estimate - self.second.estimate

    @property
    def excludes_zero(self) -> bool:
        """True when the interval lies wholly above or wholly below zero."""
        return self.low > 0 or self.high < 0


def difference_in_proportions(
    first: Proportion, second: Proportion, *, confidence: float = 0.95, method: DifferenceMethod = "newcombe"
) -> Difference:
    """First share minus second share, for two independent groups, with its interval.

    ``newcombe`` is Newcombe's (1998) method 10, built from each group's Wilson interval;
    ``wald`` is the normal approximation. The intervals of ``first`` and ``second`` are
    recomputed at ``confidence``, so either kind of :class:`Proportion` may be passed.
    """
    if method not in DIFFERENCE_METHODS:
        raise ValueError(f"the method must be one of {', '.join(DIFFERENCE_METHODS)}")
    p1, p2 = first.estimate, second.estimate
    delta = p1 - p2
    if method == "wald":
        half = z_value(confidence) * math.sqrt(p1 * (1 - p1) / first.n + p2 * (1 - p2) / second.n)
        low, high = delta - half, delta + half
    else:
        l1, u1 = wilson_interval(first.successes, first.n, confidence)
        l2, u2 = wilson_interval(second.successes, second.n, confidence)
        low = delta - math.sqrt((p1 - l1) ** 2 + (u2 - p2) ** 2)
        high = delta + math.sqrt((u1 - p1) ** 2 + (p2 - l2) ** 2)
    return Difference(first, second, max(-1.0, low), min(1.0, high), confidence, method)


def proportions_by_group(
    flags: pd.Series,
    groups: pd.Series | None = None,
    *,
    confidence: float = 0.95,
    method: Method = "wilson",
    min_answers: int = 1,
) -> pd.DataFrame:
    """For each group: answers, yes-answers, and the share with its interval, in per cent.

    ``flags`` is a boolean column (missing values, such as skipped questions, are left
    out of both counts); ``groups`` labels each row (``None`` gives one row, "All").
    Groups with fewer than ``min_answers`` answers are left out. Columns: ``answers``,
    ``yes``, ``percent``, ``low``, ``high`` (the last three in per cent, unrounded).
    """
    if groups is None:
        groups = pd.Series("All", index=flags.index)
    if len(groups) != len(flags):
        raise ValueError("each answer needs exactly one group label")
    frame = pd.DataFrame({"flag": flags.astype("boolean"), "group": groups})
    answered = frame.dropna(subset=["flag"])
    rows = []
    for name, part in answered.groupby("group", observed=True, sort=True):
        n, yes = len(part), int(part["flag"].sum())
        if n < max(1, min_answers):
            continue
        share = proportion(yes, n, confidence=confidence, method=method)
        rows.append(
            {
                "group": name,
                "answers": n,
                "yes": yes,
                "percent": 100 * share.estimate,
                "low": 100 * share.low,
                "high": 100 * share.high,
            }
        )
    table = pd.DataFrame(rows, columns=["group", "answers", "yes", "percent", "low", "high"])
    return table.set_index("group")


def sample_size_for_margin(
    margin: float, *, confidence: float = 0.95, expected: float = 0.5, population: int | None = None
) -> int:
    """Answers needed so a share's margin of error is at most ``margin`` (a fraction: 0.03 is ±3 points).

    Uses the normal approximation with the ``expected`` share (0.5 is the safe, largest
    case). With ``population``, applies the finite-population correction.
    """
    if not 0 < margin < 1:
        raise ValueError("the margin of error must be between 0 and 1, such as 0.03 for 3 percentage points")
    if not 0 < expected < 1:
        raise ValueError("the expected share must be between 0 and 1")
    z = z_value(confidence)
    needed = z * z * expected * (1 - expected) / (margin * margin)
    if population is not None:
        if population <= 0:
            raise ValueError("the population must be at least one person")
        needed = needed / (1 + (needed - 1) / population)
    return math.ceil(needed - 1e-9)
