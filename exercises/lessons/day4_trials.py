"""Day 4, testing what works: the Brackenford reminder-letter trial, sample sizes and power, and why small
pilots mislead. The page *Testing what works* calls these; ``tests/test_day4.py`` checks them.

Statistics this page adds to ``exercises.lessons.stats`` (which gives shares, their intervals
and the difference of two shares): :func:`sample_size_per_group` and :func:`power` (the
normal approximation without continuity correction, as in J. L. Fleiss, *Statistical
Methods for Rates and Proportions*), :func:`smallest_detectable_difference`, and
:func:`simulate_pilots` (many small trials drawn from known true shares, seeded).
Plain Python: data in, numbers, tables or matplotlib Figures out. Nothing imports ipywidgets.
Brackenford is fictional and its data synthetic.
"""

from __future__ import annotations

import math
from statistics import NormalDist
from typing import Any

import numpy as np
import pandas as pd

from exercises.lessons.common import BLUE, GREEN, GREY, ORANGE, ChoiceKey
from exercises.lessons.stats import Difference, difference_in_proportions, proportion, proportions_by_group, z_value

# --- 03 Testing what works: the Brackenford reminder-letter trial ---------------------------

CONTROL_ARM = "invitation only"
REMINDER_ARM = "invitation and reminder"
# The true shares built into the synthetic trial. The base rate is set near the share of
# older people who say they would definitely attend strength and balance classes (22.6%,
# Yardley and others 2008); the reminder's true effect, 4 points, is the size of effect
# published letter and reminder trials report (a few percentage points).
TRUE_CONTROL = 0.20
TRUE_REMINDER = 0.24


def trial_arms(trial: pd.DataFrame) -> pd.DataFrame:
    """People, bookings and the share booking (per cent, with a 95% Wilson interval) in each arm."""
    table = proportions_by_group(trial["booked_assessment"], trial["arm"].astype(str))
    table = table.reindex([CONTROL_ARM, REMINDER_ARM])
    return pd.DataFrame(
        {
            "People": table["answers"].astype(int),
            "Booked": table["yes"].astype(int),
            "Booked (%)": table["percent"].round(1),
            "95% interval, low (%)": table["low"].round(1),
            "95% interval, high (%)": table["high"].round(1),
        }
    ).rename_axis("Arm")


def trial_effect(trial: pd.DataFrame, *, confidence: float = 0.95, method: str = "newcombe") -> Difference:
    """The reminder's effect: share booking with the reminder minus share booking without."""
    if set(trial["arm"].astype(str)) != {CONTROL_ARM, REMINDER_ARM}:
        raise ValueError(f"the trial needs exactly two arms: '{CONTROL_ARM}' and '{REMINDER_ARM}'")
    booked = trial["booked_assessment"].astype(bool)
    arm = trial["arm"].astype(str)
    reminder = proportion(int(booked[arm == REMINDER_ARM].sum()), int((arm == REMINDER_ARM).sum()))
    control = proportion(int(booked[arm == CONTROL_ARM].sum()), int((arm == CONTROL_ARM).sum()))
    return difference_in_proportions(reminder, control, confidence=confidence, method=method)  # type: ignore[arg-type]


def effect_by_age(trial: pd.DataFrame) -> pd.DataFrame:
    """The reminder's effect in each age band, in percentage points with its 95% interval."""
    rows = []
    for band, part in trial.groupby(trial["age_band"].astype(str), sort=True):
        effect = trial_effect(part)
        rows.append(
            {
                "Age band": band,
                "People": len(part),
                "Effect (percentage points)": round(100 * effect.estimate, 1),
                "95% interval, low": round(100 * effect.low, 1),
                "95% interval, high": round(100 * effect.high, 1),
            }
        )
    return pd.DataFrame(rows).set_index("Age band")


def trial_chart(trial: pd.DataFrame) -> Any:
    """Share booking in each arm with 95% intervals, and the effect with its interval."""
    from matplotlib.figure import Figure

    arms = trial_arms(trial)
    effect = trial_effect(trial)
    figure = Figure(figsize=(10, 3.6))
    left, right = figure.subplots(1, 2, gridspec_kw={"width_ratios": [1.3, 1]})
    centre = arms["Booked (%)"]
    errors = [centre - arms["95% interval, low (%)"], arms["95% interval, high (%)"] - centre]
    left.barh(arms.index, centre, xerr=errors, color=[GREY, BLUE], capsize=6)
    left.invert_yaxis()
    left.set_xlim(0, 100)
    left.set_xlabel("Booked an assessment within 28 days (%)")
    for y, value in enumerate(centre):
        left.text(4, y, f"{value:.1f}%", va="center", color="white", fontsize=10, fontweight="bold")
    est, low, high = (100 * v for v in (effect.estimate, effect.low, effect.high))
    right.errorbar(
        [est],
        [0],
        xerr=[[est - low], [high - est]],
        fmt="o",
        color=BLUE,
        capsize=8,
        markersize=9,
        label="Estimated effect, 95% interval",
    )
    right.axvline(0, color=GREY, linewidth=1)
    right.axvline(
        100 * (TRUE_REMINDER - TRUE_CONTROL), color=GREEN, linestyle="--", label="True effect built into the data"
    )
    right.set_xlim(-2, 12)
    right.set_yticks([])
    right.set_xlabel("Reminder's effect (percentage points)")
    right.legend(loc="upper left", frameon=False, fontsize=8)
    figure.suptitle("Brackenford reminder-letter trial (synthetic data)")
    return figure


def _check_share(name: str, value: float) -> None:
    if not 0 < value < 1:
        raise ValueError(f"the {name} must be between 0% and 100%")


def _check_pair(p1: float, p2: float) -> None:
    _check_share("share without the change", p1)
    _check_share("share with the change", p2)
    if p1 == p2:
        raise ValueError("the two shares must differ: a trial cannot detect a difference of zero")


def sample_size_per_group(p1: float, p2: float, *, alpha: float = 0.05, power_wanted: float = 0.8) -> int:
    """People needed in each arm to detect the difference between shares ``p1`` and ``p2``.

    Two-sided test at significance ``alpha`` with power ``power_wanted``, normal
    approximation without continuity correction::

        n = (z(1-alpha/2) * sqrt(2 p q) + z(power) * sqrt(p1 q1 + p2 q2))^2 / (p1 - p2)^2

    where p = (p1 + p2) / 2 and q = 1 - p. Rounded up.
    """
    _check_pair(p1, p2)
    if not 0 < alpha < 1 or not 0 < power_wanted < 1:
        raise ValueError("the significance level and the power must be between 0 and 1")
    p_bar = (p1 + p2) / 2
    z_alpha = z_value(1 - alpha)
    z_beta = NormalDist().inv_cdf(power_wanted)
    top = z_alpha * math.sqrt(2 * p_bar * (1 - p_bar)) + z_beta * math.sqrt(p1 * (1 - p1) + p2 * (1 - p2))
    return math.ceil(top * top / (p1 - p2) ** 2 - 1e-9)


def power(p1: float, p2: float, n_per_group: int, *, alpha: float = 0.05) -> float:
    """The chance that a trial with ``n_per_group`` in each arm finds the difference significant.

    The same approximation as :func:`sample_size_per_group`, solved for power::

        power = Phi((|p1 - p2| sqrt(n) - z(1-alpha/2) sqrt(2 p q)) / sqrt(p1 q1 + p2 q2))
    """
    _check_pair(p1, p2)
    if n_per_group < 2:
        raise ValueError("each arm needs at least two people")
    p_bar = (p1 + p2) / 2
    z_alpha = z_value(1 - alpha)
    score = (abs(p1 - p2) * math.sqrt(n_per_group) - z_alpha * math.sqrt(2 * p_bar * (1 - p_bar))) / math.sqrt(
        p1 * (1 - p1) + p2 * (1 - p2)
    )
    return NormalDist().cdf(score)


def smallest_detectable_difference(
    p1: float, n_per_group: int, *, alpha: float = 0.05, power_wanted: float = 0.8
) -> float:
    """The smallest rise above ``p1`` that a trial of ``n_per_group`` a side detects with ``power_wanted``."""
    _check_share("share without the change", p1)
    low, high = 1e-6, 1 - p1 - 1e-6
    if power(p1, p1 + high, n_per_group, alpha=alpha) < power_wanted:
        return float("nan")
    for _ in range(60):
        middle = (low + high) / 2
        if power(p1, p1 + middle, n_per_group, alpha=alpha) >= power_wanted:
            high = middle
        else:
            low = middle
    return high


BASELINE = "Share booking without the change (%)"
HOPED = "Share booking with the change (%)"
PEOPLE = "People in each group of your pilot"
NEEDED = "People needed in each group (80% power, 5% significance)"
YOUR_POWER = "Chance your pilot detects the effect (power, %)"
SMALLEST = "Smallest rise your pilot can reliably detect (percentage points)"


def pilot_planner(baseline: float, effect: float, people_per_group: int) -> dict[str, Any]:
    """The sample-size calculator: ``baseline`` and ``effect`` are fractions (0.20, 0.04)."""
    if not effect > 0:
        raise ValueError("the effect you hope for must be above zero percentage points")
    target = baseline + effect
    if not target < 1:
        raise ValueError("the share with the change must stay below 100%")
    smallest = smallest_detectable_difference(baseline, people_per_group)
    return {
        BASELINE: round(100 * baseline, 1),
        HOPED: round(100 * target, 1),
        PEOPLE: int(people_per_group),
        NEEDED: sample_size_per_group(baseline, target),
        YOUR_POWER: round(100 * power(baseline, target, people_per_group), 1),
        SMALLEST: round(100 * smallest, 1) if not math.isnan(smallest) else "more than is possible",
    }


def power_chart(result: dict[str, Any], figure: Any = None) -> Any:
    """Power against people per group, from :func:`pilot_planner`'s result.

    Given the figure it drew before, it moves that figure's lines (quicker in a calculator).
    """
    if figure is None:
        from matplotlib.figure import Figure

        figure = Figure(figsize=(7, 3.8))
        axes = figure.add_subplot()
        axes.plot([], [], color=BLUE, linewidth=2)
        axes.axhline(80, color=GREY, linestyle="--", linewidth=1)
        axes.text(10, 82, "80%: the usual aim", fontsize=8, color=GREY)
        axes.plot([], [], marker="o", color=ORANGE, markersize=10, linestyle="none", label=" ")
        axes.axvline(0, color=GREEN, linestyle=":", label=" ")
        axes.set_ylim(0, 100)
        axes.set_xlabel("People in each group (count)")
        axes.set_ylabel("Chance of detecting the effect (%)")
        axes.legend(loc="lower right", frameon=False)
    axes = figure.axes[0]
    baseline, target, people = result[BASELINE] / 100, result[HOPED] / 100, int(result[PEOPLE])
    needed = int(result[NEEDED])
    top = int(max(needed, people) * 1.5) + 10
    sizes = np.unique(np.linspace(10, top, 120).astype(int))
    curve, _aim, yours, enough = axes.lines
    curve.set_data(sizes, [100 * power(baseline, target, int(n)) for n in sizes])
    yours.set_data([people], [100 * power(baseline, target, people)])
    enough.set_xdata([needed, needed])
    labels = (f"Your pilot: {people:,} a group", f"Needed for 80%: {needed:,} a group")
    for line, text, label in zip((yours, enough), axes.get_legend().get_texts(), labels, strict=True):
        line.set_label(label)
        text.set_text(label)
    axes.set_xlim(sizes[0] - 0.05 * (sizes[-1] - sizes[0]), sizes[-1] + 0.05 * (sizes[-1] - sizes[0]))
    axes.set_title(f"Power to detect a rise from {100 * baseline:g}% to {100 * target:g}%")
    return figure


SMALL_PILOT = ChoiceKey(
    options={
        "The letter works, and raises bookings by about 15 points": "No. With 100 a group a pilot only comes out significant when chance has pushed its result well "
        "above the true effect. The estimate is almost certainly too big.",
        "The letter probably helps, but the true effect is likely much smaller than 15 points: test it at scale": "Yes. A small pilot that 'wins' overstates the effect (the 'winner's curse'). Plan a larger trial "
        "before you budget for 15 points.",
        "The result is worthless and should be ignored": "Not quite. It is weak evidence that the letter helps, but it is no measure of how much.",
        "Run more small pilots until one shows an even bigger effect": "No. Running pilots until one 'works' is how false findings are made, and how publication bias "
        "builds up across a whole field.",
    },
    answer="The letter probably helps, but the true effect is likely much smaller than 15 points: test it at scale",
)


def simulate_pilots(
    p_control: float = TRUE_CONTROL,
    p_treatment: float = TRUE_REMINDER,
    n_per_group: int = 100,
    pilots: int = 500,
    seed: int = 4,
) -> pd.DataFrame:
    """Run ``pilots`` made-up trials of ``n_per_group`` a side from known true shares (seeded).

    Each row: the observed difference (percentage points), its 95% Newcombe interval,
    and whether the interval excludes zero ("significant").
    """
    _check_pair(p_control, p_treatment)
    if n_per_group < 2 or pilots < 1:
        raise ValueError("each pilot needs at least two people a group, and there must be at least one pilot")
    rng = np.random.default_rng(seed)
    treated = rng.binomial(n_per_group, p_treatment, size=pilots)
    control = rng.binomial(n_per_group, p_control, size=pilots)
    rows = []
    for t, c in zip(treated, control, strict=True):
        diff = difference_in_proportions(proportion(int(t), n_per_group), proportion(int(c), n_per_group))
        rows.append(
            {
                "difference": 100 * diff.estimate,
                "low": 100 * diff.low,
                "high": 100 * diff.high,
                "significant": diff.low > 0,
            }
        )
    return pd.DataFrame(rows)


def summarise_pilots(pilots: pd.DataFrame, true_effect_points: float) -> dict[str, float]:
    """What many pilots show: share significant, share pointing the wrong way, average effects."""
    significant = pilots[pilots["significant"]]
    return {
        "Pilots run": len(pilots),
        "Found a significant rise (%)": round(100 * float(pilots["significant"].mean()), 1),
        "Pointed the wrong way (%)": round(100 * float((pilots["difference"] < 0).mean()), 1),
        "Average effect, all pilots (points)": round(float(pilots["difference"].mean()), 1),
        "Average effect, significant pilots only (points)": round(float(significant["difference"].mean()), 1)
        if len(significant)
        else float("nan"),
        "True effect (points)": true_effect_points,
    }


def pilots_chart(small: pd.DataFrame, large: pd.DataFrame, small_n: int, large_n: int) -> Any:
    """Histograms of observed effects from many small pilots and many full-size trials."""
    from matplotlib.figure import Figure

    true_effect = 100 * (TRUE_REMINDER - TRUE_CONTROL)
    bins = np.arange(-25, 36, 2.5)
    figure = Figure(figsize=(10, 3.8))
    axes = figure.subplots(1, 2, sharex=True)
    for ax, runs, n in ((axes[0], small, small_n), (axes[1], large, large_n)):
        ax.hist(runs.loc[~runs["significant"], "difference"], bins=bins, color=GREY, label="Not significant")
        ax.hist(runs.loc[runs["significant"], "difference"], bins=bins, color=BLUE, label="Significant")
        ax.axvline(true_effect, color=GREEN, linestyle="--", linewidth=2, label=f"True effect ({true_effect:g} points)")
        ax.axvline(0, color="black", linewidth=0.8)
        ax.set_xlabel("Observed effect (percentage points)")
        ax.set_title(f"{len(runs)} trials of {n:,} people a group", fontsize=10)
    axes[0].set_ylabel("Number of trials (count)")
    axes[1].legend(loc="upper right", frameon=False, fontsize=8)
    figure.suptitle("Same true effect, different trial sizes (synthetic simulation)")
    return figure
