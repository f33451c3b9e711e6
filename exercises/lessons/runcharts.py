"""Run charts and XmR (statistical process control) charts: the rules for spotting real change.

Plain Python and pandas; no plotting and no widgets. Day 5 uses these on the Brackenford
weekly measure; ``tests/test_runcharts.py`` checks every rule on small constructed series.

The rules, exactly as implemented
---------------------------------

A series is a sequence of numbers in time order. Positions are counted from 0.

**Median** (:func:`median`). The centre line of a run chart: the middle value of the
points given (the mean of the two middle values when their number is even). A lesson
usually takes it from a baseline period and extends it.

**Shift** (:func:`shifts`). Six or more consecutive points all above the median, or all
below it. A point exactly on the median neither breaks a run nor counts towards it: it
is skipped. A signal's ``start`` and ``end`` are the positions of the first and last
points that count; ``points`` is how many count.

**Trend** (:func:`trends`). Five or more consecutive points all going up, or all going
down. When two or more consecutive points have the same value, only one of them counts:
a repeated value neither breaks the trend nor adds to it. A run that changes direction
ends there; the turning point may start the next trend. ``start`` and ``end`` are the
positions of the first and last points of the run (repeats included).

**Astronomical point / points outside the limits** (:func:`xmr_limits`,
:func:`outside_limits`). The XmR chart's centre line is the mean of the points; the
moving range is the absolute difference between each point and the one before; the
control limits are ``mean ± 2.66 × mean moving range``. A point strictly above the upper
limit or strictly below the lower limit is a signal. (2.66 is 3 ÷ 1.128, the constant
that turns an average two-point moving range into three standard deviations.)

**Runs rule: too few crossings** (:func:`crossings`, :func:`fewest_crossings`,
:func:`too_few_crossings`). A random series crosses its median often. Points on the
median are skipped; with n useful points left, the number of crossings of a random
series follows a binomial(n − 1, ½) distribution, and fewer crossings than its lower
5th percentile is a signal (Anhøj and Olesen, 2014; the same idea as the IHI's "too
few runs", since the number of runs is the number of crossings plus one).

A series too short for a rule simply has no signal of that kind; the limits need at
least two points. Missing values are refused with a plain message rather than guessed.

Sources
-------

- The run-chart rules (six-point shift, five-point trend, points on the median skipped,
  repeated values counted once, astronomical points) are the Institute for Healthcare
  Improvement's, as taught in its Open School (R. Lloyd, *Run charts* whiteboard,
  http://www.ihi.org/Documents/OpenSchoolCourseTranscripts/BobLloydWhiteboard-RunCharts1.html)
  and set out in R. J. Perla, L. P. Provost and S. K. Murray (2011), "The run chart: a
  simple analytical tool for learning from variation in healthcare processes", *BMJ
  Quality & Safety* 20, 46–51.
- The XmR limits (mean ± 2.66 × mean moving range) are those of NHS England's *Making
  Data Count* programme, as implemented in the NHS-R Community's ``NHSRplotthedots``
  package. *Making Data Count* uses seven points, not six or five, for its run and trend
  rules: pass ``min_length=7`` to use its thresholds.
- J. Anhøj and A. V. Olesen (2014), "Run charts revisited", *PLoS ONE*, found the trend
  rule adds false alarms for little gain; the lessons say so.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

SHIFT_POINTS = 6
TREND_POINTS = 5
XMR_CONSTANT = 2.66

Side = Literal["above", "below"]
Direction = Literal["up", "down"]


@dataclass(frozen=True)
class Signal:
    """A run of points that breaks a rule: where it starts and ends, and how many points count."""

    rule: str
    start: int
    end: int
    points: int
    direction: str


@dataclass(frozen=True)
class Limits:
    """An XmR chart's centre line and control limits."""

    mean: float
    mean_moving_range: float
    lower: float
    upper: float


def _numbers(values: Iterable[float]) -> list[float]:
    numbers = [float(v) for v in values]
    if any(math.isnan(v) for v in numbers):
        raise ValueError("the series has missing values; fill them in or leave those weeks out first")
    return numbers


def median(values: Iterable[float]) -> float:
    """The median of ``values``: the centre line of a run chart."""
    numbers = sorted(_numbers(values))
    if not numbers:
        raise ValueError("a median needs at least one value")
    middle = len(numbers) // 2
    return numbers[middle] if len(numbers) % 2 else (numbers[middle - 1] + numbers[middle]) / 2


def shifts(values: Sequence[float], centre: float, min_length: int = SHIFT_POINTS) -> list[Signal]:
    """Every run of ``min_length`` or more points on one side of ``centre`` (points on it are skipped)."""
    if min_length < 1:
        raise ValueError("a run must be at least one point long")
    found: list[Signal] = []
    side: str | None = None
    start = end = count = 0

    def close() -> None:
        if side is not None and count >= min_length:
            found.append(Signal("shift", start, end, count, side))

    for position, value in enumerate(_numbers(values)):
        if value == centre:
            continue
        here = "above" if value > centre else "below"
        if here == side:
            end, count = position, count + 1
        else:
            close()
            side, start, end, count = here, position, position, 1
    close()
    return found


def trends(values: Sequence[float], min_length: int = TREND_POINTS) -> list[Signal]:
    """Every run of ``min_length`` or more points all rising or all falling (repeats count once)."""
    if min_length < 2:
        raise ValueError("a trend needs at least two points")
    numbers = _numbers(values)
    found: list[Signal] = []
    direction: str | None = None
    start = end = 0
    count = 1  # distinct values in the current run
    last_change = 0  # position of the last point that changed value

    def close() -> None:
        if direction is not None and count >= min_length:
            found.append(Signal("trend", start, end, count, direction))

    for position in range(1, len(numbers)):
        step = numbers[position] - numbers[position - 1]
        if step == 0:
            if direction is not None:
                end = position
            continue
        here = "up" if step > 0 else "down"
        if here == direction:
            end, count = position, count + 1
        else:
            close()
            # The new run starts at the last distinct value before this step.
            start = last_change if direction is not None else _first_of_repeats(numbers, position - 1)
            direction, end, count = here, position, 2
        last_change = position
    close()
    return found


def _first_of_repeats(numbers: Sequence[float], position: int) -> int:
    """The first position of the block of equal values that ends at ``position``."""
    while position > 0 and numbers[position - 1] == numbers[position]:
        position -= 1
    return position


def moving_ranges(values: Sequence[float]) -> list[float]:
    """The absolute difference between each point and the one before (one fewer than the points)."""
    numbers = _numbers(values)
    return [abs(b - a) for a, b in itertools.pairwise(numbers)]


def xmr_limits(values: Sequence[float]) -> Limits:
    """The XmR chart's mean and limits: mean ± 2.66 × mean moving range."""
    numbers = _numbers(values)
    if len(numbers) < 2:
        raise ValueError("control limits need at least two points")
    mean = sum(numbers) / len(numbers)
    ranges = moving_ranges(numbers)
    mean_range = sum(ranges) / len(ranges)
    return Limits(mean, mean_range, mean - XMR_CONSTANT * mean_range, mean + XMR_CONSTANT * mean_range)


def outside_limits(values: Sequence[float], limits: Limits) -> list[Signal]:
    """One signal for each point strictly above the upper limit or strictly below the lower one."""
    found = []
    for position, value in enumerate(_numbers(values)):
        if value > limits.upper:
            found.append(Signal("outside the limits", position, position, 1, "above"))
        elif value < limits.lower:
            found.append(Signal("outside the limits", position, position, 1, "below"))
    return found


def signals(values: Sequence[float], centre: float | None = None, limits: Limits | None = None) -> list[Signal]:
    """Every shift, trend and point outside the limits, in order of where they start.

    ``centre`` defaults to the median of ``values`` and ``limits`` to the XmR limits of
    ``values``.
    """
    numbers = _numbers(values)
    if not numbers:
        return []
    found = shifts(numbers, median(numbers) if centre is None else centre) + trends(numbers)
    if len(numbers) >= 2 or limits is not None:
        found += outside_limits(numbers, xmr_limits(numbers) if limits is None else limits)
    return sorted(found, key=lambda s: (s.start, s.rule))


# --- the runs rule (too few crossings of the median) ------------------------------------------


def crossings(values: Sequence[float], centre: float) -> int:
    """How many times the line crosses ``centre``: points on it are skipped, as for shifts."""
    sides = [v > centre for v in _numbers(values) if v != centre]
    return sum(1 for a, b in itertools.pairwise(sides) if a != b)


def useful_points(values: Sequence[float], centre: float) -> int:
    """The points not on ``centre``: the ones the runs rule counts."""
    return sum(1 for v in _numbers(values) if v != centre)


def fewest_crossings(useful: int, chance: float = 0.05) -> int:
    """The fewest crossings expected by chance among ``useful`` points.

    Anhøj and Olesen's rule: with n useful points a random series crosses its median a
    binomial(n − 1, ½) number of times; fewer crossings than the lower 5th percentile of
    that distribution (the smallest c with P(X ≤ c) ≥ 5%) is a signal. Equivalently, too
    few runs: a run is a crossing plus one.
    """
    if useful < 2:
        return 0
    trials = useful - 1
    total = 0.0
    for c in range(trials + 1):
        total += math.comb(trials, c) / 2**trials
        if total >= chance:
            return c
    return trials


def too_few_crossings(values: Sequence[float], centre: float) -> bool:
    """True when the series crosses its centre line fewer times than chance allows."""
    return crossings(values, centre) < fewest_crossings(useful_points(values, centre))
