"""Statistical process control the NHS way: *Making Data Count* XmR charts, assurance and funnel plots.

Plain Python and pandas; no plotting and no widgets. Day 5's page on real A&E data uses
these; ``tests/test_spc.py`` checks every rule on small constructed series and pins the
numbers the page teaches.

The rules, exactly as implemented (NHS England's *Making Data Count*, as coded in the
NHS-R Community's ``NHSRplotthedots`` package)
-----------------------------------------------------------------------------------

A series is a sequence of numbers in time order; positions count from 0.

**Centre line and limits** (:func:`xmr`). The centre line is the **mean** of the baseline
points. The moving ranges are the absolute differences between each point and the one
before. Moving ranges of 3.267 times their mean or more are screened out (they are
freak jumps, not ordinary variation) and the mean moving range worked out again from
the rest. The process limits are ``mean ± 2.66 × mean moving range``; the "near" limits,
used by the two-in-three rule, are ``mean ± (2 × 2.66 / 3) × mean moving range`` (two
sigma).

**Special cause** (:func:`special_causes`). A point is special cause if it is part of
any of these:

- *Astronomical point*: strictly above the upper limit or strictly below the lower one.
- *Shift*: seven or more points in a row on the same side of the mean. A point exactly
  on the mean breaks the run.
- *Trend*: seven or more points in a row each higher than the one before, or each
  lower. A repeated value breaks the trend.
- *Two in three*: two of three consecutive points beyond the near limits (but not
  outside the limits), with all three on the same side of the mean. (NHSRplotthedots
  counts near points on either side; for the course's trust both readings flag the same
  months.)

**Assurance** (:func:`assurance`). Whether the process, as it runs, can meet a target:
if the target lies between the limits the process "will hit and miss the target at
random"; if the target is beyond the limit on the wrong side it "will consistently
fail"; beyond the limit on the right side, it "will consistently pass".

**The runs (crossings) rule** lives with the run-chart rules in
:mod:`exercises.lessons.runcharts`.

**Funnel plot** (:func:`funnel`). For proportions (four-hour performance across
trusts): the centre line is the pooled proportion p of all units; the limits for a unit
with n cases are ``p ± z × sqrt(p(1 − p) / n)`` with z = 1.96 (95%) and 3.09 (99.8%).
With very large n almost every unit falls outside such limits, so the function can
also widen them for over-dispersion with the additive random-effects method
Spiegelhalter (2005) describes: each unit's z-score ``(y − p) / s`` with
``s² = p(1 − p) / n`` is Winsorised at the 10th and 90th percentiles; the
over-dispersion statistic φ is the mean of the squared Winsorised z-scores; when
``Iφ > I − 1`` (I units) the between-unit variance is
``τ² = (Iφ − (I − 1)) / (Σw − Σw² / Σw)`` with ``w = 1 / s²``, and the limits become
``p ± z × sqrt(s² + τ²)``. (The additive method suits indicators with very large
denominators, where multiplying the variance by φ would widen the limits most for the
smallest units.)

Sources
-------

- NHS England and NHS Improvement, *Making Data Count* (2019; and its *Making Data
  Count: strengthening your decisions* guide), and the NHS-R Community's
  ``NHSRplotthedots`` R package, which implements the same rules (``ptd_spc_standard``,
  ``ptd_calculate_point_type``, ``ptd_calculate_assurance_type``).
- D. J. Spiegelhalter (2005), "Funnel plots for comparing institutional performance",
  *Statistics in Medicine* 24, 1185–1202; and "Handling over-dispersion of performance
  indicators", *Quality and Safety in Health Care* 14, 347–351.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

import pandas as pd

LIMIT = 2.66
NEAR = 2 * LIMIT / 3
SCREEN = 3.267
RUN = 7
Z95 = 1.96
Z998 = 3.09

Direction = Literal["increase", "decrease"]


@dataclass(frozen=True)
class ProcessLimits:
    """An XmR chart's mean, screened mean moving range, process limits and near (two-sigma) limits."""

    mean: float
    mean_moving_range: float
    lower: float
    upper: float
    near_lower: float
    near_upper: float
    screened: int  # moving ranges left out as freak jumps


def _numbers(values: Sequence[float]) -> list[float]:
    numbers = [float(v) for v in values]
    if any(math.isnan(v) for v in numbers):
        raise ValueError("the series has missing values; fill them in or leave those months out first")
    return numbers


def xmr(values: Sequence[float], *, screen: bool = True) -> ProcessLimits:
    """The mean and process limits of ``values`` (the baseline), screening freak moving ranges."""
    numbers = _numbers(values)
    if len(numbers) < 2:
        raise ValueError("process limits need at least two points")
    mean = sum(numbers) / len(numbers)
    ranges = [abs(b - a) for a, b in itertools.pairwise(numbers)]
    average = sum(ranges) / len(ranges)
    kept = [r for r in ranges if r < SCREEN * average] if screen and average > 0 else ranges
    mean_range = sum(kept) / len(kept) if kept else average
    return ProcessLimits(
        mean=mean,
        mean_moving_range=mean_range,
        lower=mean - LIMIT * mean_range,
        upper=mean + LIMIT * mean_range,
        near_lower=mean - NEAR * mean_range,
        near_upper=mean + NEAR * mean_range,
        screened=len(ranges) - len(kept),
    )


def _side(value: float, mean: float) -> int:
    return (value > mean) - (value < mean)


def _mark_runs(flags: list[bool], keys: list[int], length: int) -> None:
    """Set ``flags`` for every point in a run of ``length`` or more equal, non-zero ``keys``."""
    start = 0
    for position in range(1, len(keys) + 1):
        if position == len(keys) or keys[position] != keys[start] or keys[start] == 0:
            if keys[start] != 0 and position - start >= length:
                for i in range(start, position):
                    flags[i] = True
            start = position


def special_causes(values: Sequence[float], limits: ProcessLimits) -> dict[str, list[int]]:
    """The positions of the points each *Making Data Count* rule flags, rule by rule."""
    numbers = _numbers(values)
    n = len(numbers)
    outside = [i for i, v in enumerate(numbers) if v > limits.upper or v < limits.lower]

    sides = [_side(v, limits.mean) for v in numbers]
    shift = [False] * n
    _mark_runs(shift, sides, RUN)

    # A trend: RUN points, so RUN - 1 steps all the same way. Step i is from point i to i + 1.
    steps = [_side(b, a) for a, b in itertools.pairwise(numbers)]
    trend = [False] * n
    step_flags = [False] * len(steps)
    _mark_runs(step_flags, steps, RUN - 1)
    for i, flagged in enumerate(step_flags):
        if flagged:
            trend[i] = trend[i + 1] = True

    near = [
        not (v > limits.upper or v < limits.lower) and (v > limits.near_upper or v < limits.near_lower) for v in numbers
    ]
    two_in_three = [False] * n
    for start in range(max(0, n - 2)):
        window = range(start, start + 3)
        if sum(near[i] for i in window) >= 2 and abs(sum(sides[i] for i in window)) == 3:
            for i in window:
                if near[i]:
                    two_in_three[i] = True
    return {
        "outside the limits": outside,
        "shift": [i for i, f in enumerate(shift) if f],
        "trend": [i for i, f in enumerate(trend) if f],
        "two in three near a limit": [i for i, f in enumerate(two_in_three) if f],
    }


def special_cause_points(values: Sequence[float], limits: ProcessLimits) -> list[int]:
    """Every position flagged by any rule, in order."""
    return sorted({i for found in special_causes(values, limits).values() for i in found})


def assurance(limits: ProcessLimits, target: float, direction: Direction = "increase") -> str:
    """Whether a process with these limits can meet ``target``: consistently pass, fail, or hit and miss."""
    if direction not in ("increase", "decrease"):
        raise ValueError("direction must be 'increase' (higher is better) or 'decrease' (lower is better)")
    if target > limits.upper:
        return "consistently fail" if direction == "increase" else "consistently pass"
    if target < limits.lower:
        return "consistently pass" if direction == "increase" else "consistently fail"
    return "hit and miss"


# --- RAG ratings, the usual alternative -----------------------------------------------------


def rag(value: float, target: float, amber_margin: float) -> str:
    """A red-amber-green rating as contract reports often give it: green at or above target,
    amber within ``amber_margin`` below it, red below that (higher is better)."""
    if amber_margin < 0:
        raise ValueError("the amber margin must be zero or more")
    if value >= target:
        return "green"
    return "amber" if value >= target - amber_margin else "red"


# --- funnel plots ------------------------------------------------------------------------


@dataclass(frozen=True)
class Funnel:
    """A funnel plot's centre line, over-dispersion statistic φ, between-unit variance τ² (0 when
    the limits are not widened) and each unit's position."""

    centre: float
    phi: float
    tau2: float
    units: pd.DataFrame  # unit, n, proportion, z, and for each limit its lower, upper and whether outside


def _winsorised(values: list[float], share: float = 0.1) -> list[float]:
    ordered = sorted(values)
    if not ordered:
        return []
    low = ordered[math.floor(share * (len(ordered) - 1))]
    high = ordered[math.ceil((1 - share) * (len(ordered) - 1))]
    return [min(max(v, low), high) for v in values]


def funnel(units: pd.DataFrame, *, overdispersion: bool = False) -> Funnel:
    """Funnel-plot limits for proportions: ``units`` has columns ``unit``, ``n`` and ``events``.

    The proportion is ``events / n``. Limits at 95% and 99.8% around the pooled proportion,
    widened by the between-unit variance τ² when ``overdispersion`` is true and the data
    are over-dispersed.
    """
    missing = {"unit", "n", "events"} - set(units.columns)
    if missing:
        raise KeyError(f"a funnel plot needs the columns {', '.join(sorted(missing))}")
    if len(units) < 2:
        raise ValueError("a funnel plot needs at least two units")
    if (units["n"] <= 0).any():
        raise ValueError("every unit needs at least one case")
    n = units["n"].astype(float)
    events = units["events"].astype(float)
    if ((events < 0) | (events > n)).any():
        raise ValueError("each unit's events must be between 0 and its number of cases")
    p = float(events.sum() / n.sum())
    proportion = events / n
    variance = p * (1 - p) / n
    z = (proportion - p) / variance**0.5
    count = len(z)
    phi = sum(v * v for v in _winsorised(z.tolist())) / count
    weights = 1 / variance
    tau2 = 0.0
    if overdispersion and count * phi > count - 1:
        tau2 = (count * phi - (count - 1)) / float(weights.sum() - (weights**2).sum() / weights.sum())
    frame = pd.DataFrame({"unit": units["unit"], "n": n, "proportion": proportion, "z": z})
    for label, zz in (("95", Z95), ("99.8", Z998)):
        half = zz * (variance + tau2) ** 0.5
        frame[f"lower_{label}"] = p - half
        frame[f"upper_{label}"] = p + half
        frame[f"outside_{label}"] = (proportion < frame[f"lower_{label}"]) | (proportion > frame[f"upper_{label}"])
    return Funnel(centre=p, phi=phi, tau2=tau2, units=frame.reset_index(drop=True))


def funnel_curve(centre: float, n: Sequence[float], z: float, tau2: float = 0.0) -> tuple[list[float], list[float]]:
    """The lower and upper limit at each size in ``n``: for drawing the funnel."""
    lower, upper = [], []
    for size in n:
        half = z * (centre * (1 - centre) / float(size) + tau2) ** 0.5
        lower.append(centre - half)
        upper.append(centre + half)
    return lower, upper
