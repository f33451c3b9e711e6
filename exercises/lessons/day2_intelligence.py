"""Day 2: using data as commissioners do (needs assessment, risk stratification, data quality).

Holds a small, seeded simulation that shows **regression to the mean**: people picked out
because they had many emergency admissions last year have fewer this year, with no
intervention at all. The simulated people are synthetic (made up here, from a fixed seed)
and are labelled so wherever they appear. Plain Python, numpy and pandas: nothing here
imports ipywidgets.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from exercises.lessons.common import BLUE, GREY, ORANGE, ChoiceKey, SortKey

SEED = 20121018  # fixed, so the lesson's numbers never change
PEOPLE = 20_000
MEAN_RATE = 0.3  # underlying emergency admissions per person per year, on average
SHAPE = 0.5  # gamma shape: most people rarely admitted, a few often
HIGH_USE = 3  # "high risk": this many admissions or more in year 1


@dataclass(frozen=True)
class RegressionResult:
    """What the simulation shows: the high-use group's admissions in two years, untreated."""

    people: int
    high_use_people: int
    high_use_year1: int
    high_use_year2: int
    everyone_year1: int
    everyone_year2: int

    @property
    def high_use_change_percent(self) -> float:
        """Per cent change in the high-use group's admissions from year 1 to year 2 (negative is a fall)."""
        return round(100 * (self.high_use_year2 - self.high_use_year1) / self.high_use_year1, 1)

    @property
    def everyone_change_percent(self) -> float:
        """Per cent change in everyone's admissions (close to zero: nothing changed)."""
        return round(100 * (self.everyone_year2 - self.everyone_year1) / self.everyone_year1, 1)


def simulate_admissions(people: int = PEOPLE, seed: int = SEED) -> pd.DataFrame:
    """Synthetic: each person's fixed underlying rate, and their admissions in two years drawn from it.

    Nothing changes between the years: any difference is chance.
    """
    if people < 1:
        raise ValueError("the simulation needs at least one person")
    rng = np.random.default_rng(seed)
    rate = rng.gamma(SHAPE, MEAN_RATE / SHAPE, size=people)
    return pd.DataFrame(
        {
            "person": np.arange(1, people + 1),
            "underlying_rate": rate.round(4),
            "year1": rng.poisson(rate),
            "year2": rng.poisson(rate),
            "synthetic": True,
        }
    )


def regression_to_the_mean(frame: pd.DataFrame, threshold: int = HIGH_USE) -> RegressionResult:
    """Pick people with ``threshold`` or more admissions in year 1, and count both years."""
    high = frame[frame["year1"] >= threshold]
    if high.empty:
        raise ValueError(f"no one had {threshold} or more admissions in year 1")
    return RegressionResult(
        people=len(frame),
        high_use_people=len(high),
        high_use_year1=int(high["year1"].sum()),
        high_use_year2=int(high["year2"].sum()),
        everyone_year1=int(frame["year1"].sum()),
        everyone_year2=int(frame["year2"].sum()),
    )


def regression_table(result: RegressionResult) -> pd.DataFrame:
    """The simulation's result as a small table: each group's admissions in both years."""
    return pd.DataFrame(
        {
            "Group (synthetic)": [f"Picked as high risk ({HIGH_USE}+ admissions in year 1)", "Everyone"],
            "People": [result.high_use_people, result.people],
            "Admissions, year 1": [result.high_use_year1, result.everyone_year1],
            "Admissions, year 2": [result.high_use_year2, result.everyone_year2],
            "Change (%)": [result.high_use_change_percent, result.everyone_change_percent],
        }
    )


def regression_chart(result: RegressionResult) -> Any:
    """Paired bars: the high-risk group's admissions in year 1 and year 2, with no intervention."""
    from matplotlib.figure import Figure

    figure = Figure(figsize=(6.4, 3.6))
    axes = figure.add_subplot()
    bars = axes.bar(
        ["Year 1 (when picked)", "Year 2 (no intervention)"],
        [result.high_use_year1, result.high_use_year2],
        color=[ORANGE, BLUE],
        width=0.55,
    )
    for bar in bars:
        axes.text(
            bar.get_x() + bar.get_width() / 2, bar.get_height(), f"{int(bar.get_height()):,}", ha="center", va="bottom"
        )
    axes.set_ylabel("Emergency admissions")
    axes.set_title(f"The 'high-risk' group's admissions fall by themselves (synthetic data, {result.people:,} people)")
    axes.title.set_fontsize(10)
    figure.text(0.01, 0.01, "Synthetic: simulated people, fixed seed", fontsize=7, color=GREY)
    return figure


# The Government Data Quality Framework's six dimensions (Government Data Quality Hub, 2020).
QUALITY_DIMENSIONS: tuple[str, ...] = (
    "Accuracy",
    "Completeness",
    "Consistency",
    "Timeliness",
    "Uniqueness",
    "Validity",
)

QUALITY_SORT = SortKey(
    categories=QUALITY_DIMENSIONS,
    answers={
        "A quarter of falls admissions have no postcode, so cannot be placed in a ward": "Completeness",
        "The same resident appears three times in the social care system under different spellings": "Uniqueness",
        "Hospital data for last month will not arrive for another quarter": "Timeliness",
        "A date of birth of 31 February 1940": "Validity",
        "The council counts a 'fall' from any call-out; the hospital only from a coded diagnosis": "Consistency",
        "A care home's address is recorded as the owner's head office, 200 miles away": "Accuracy",
    },
    feedback={
        "A quarter of falls admissions have no postcode, so cannot be placed in a ward": "Completeness: a value that "
        "should be there is missing. Ask whether the missing records differ from the rest (often they do).",
        "The same resident appears three times in the social care system under different spellings": "Uniqueness: one "
        "person, several records. Counts of people will be too high until records are matched (the NHS number helps).",
        "Hospital data for last month will not arrive for another quarter": "Timeliness: right, but too late for the "
        "decision. Weekly measures (Day 5) need data that arrives weekly.",
        "A date of birth of 31 February 1940": "Validity: the value breaks the rules of its format, so it cannot be "
        "true. Validity checks at the point of entry catch these.",
        "The council counts a 'fall' from any call-out; the hospital only from a coded diagnosis": "Consistency: two "
        "sources define the same thing differently, so their figures cannot be added or compared as they stand.",
        "A care home's address is recorded as the owner's head office, 200 miles away": "Accuracy: a valid, complete "
        "value that is simply wrong about the real world. Only checking against reality finds it.",
    },
)

RISK_CLAIM = ChoiceKey(
    options={
        "Nothing yet: admissions among people picked for being high users fall anyway, so you need a comparison group": (
            "Right. People are picked when their admissions are unusually high, and unusual years are followed by more "
            "ordinary ones. Compare them with similar people who were not offered the service, or look for a fall "
            "across the whole population, which regression to the mean cannot produce."
        ),
        "That risk stratification works, because admissions fell by 30 per cent": (
            "Not on its own. The simulation above shows a fall of that size with no intervention at all."
        ),
        "That it failed, because some people were still admitted": (
            "No: no service prevents every admission. The question is how many fewer there were than there would "
            "have been without it."
        ),
    },
    answer="Nothing yet: admissions among people picked for being high users fall anyway, so you need a comparison group",
)
