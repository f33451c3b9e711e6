"""Day 1: theory of change, indicator quality, national outcomes frameworks and "turn the curve".

The logic model for Brackenford's falls challenge (fictional), the criteria for a good
indicator, the national frameworks as they stand in December 2026, and Results-Based
Accountability's baseline and forecast on Brackenford's synthetic admissions data.
Plain Python, numpy and pandas: nothing here imports ipywidgets.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from exercises.lessons.common import BLUE, GREY, ORANGE, SortKey

# A logic model for Brackenford's falls challenge: each link, and the assumption it rests on.
LOGIC_MODEL: tuple[tuple[str, str, str], ...] = (
    (
        "Inputs",
        "£150,000 a year; two physiotherapists; community halls; the voluntary sector's volunteers",
        "The money is recurrent for at least three years, not a one-year grant.",
    ),
    (
        "Activities",
        "Falls risk assessment for people who have fallen; strength-and-balance classes; home hazard checks",
        "These are the interventions the evidence supports (NICE NG249), delivered as tested.",
    ),
    (
        "Outputs",
        "400 people a year complete a 24-week programme; 300 home checks",
        "The people at highest risk are referred and take part, not only the already active.",
    ),
    (
        "Short-term outcomes",
        "Better strength and balance; less fear of falling; safer homes",
        "People keep exercising after the programme ends.",
    ),
    (
        "Long-term outcomes",
        "Fewer falls and fewer emergency admissions after a fall among older residents; more people living "
        "independently at home",
        "Fewer falls among participants shows up in the borough's figures: the programme reaches enough people.",
    ),
)

GOOD, OUTPUT, NOT_ATTRIBUTABLE, NOT_TIMELY, GAMEABLE = (
    "Fit for purpose",
    "An output, not an outcome",
    "Too little in your control",
    "Too slow to steer by",
    "Easily gamed",
)

INDICATOR_SORT = SortKey(
    categories=(GOOD, OUTPUT, NOT_ATTRIBUTABLE, NOT_TIMELY, GAMEABLE),
    answers={
        "Change in participants' balance test scores (Timed Up and Go), measured at start and week 24": GOOD,
        "Number of strength-and-balance classes delivered": OUTPUT,
        "Life expectancy at 65 across the borough": NOT_ATTRIBUTABLE,
        "Hip fractures per 100,000 residents aged 65+, published 18 months after the year ends": NOT_TIMELY,
        "Falls reported by care homes, when homes are paid for each reduction": GAMEABLE,
    },
    feedback={
        "Change in participants' balance test scores (Timed Up and Go), measured at start and week 24": "Fit for "
        "purpose as an early outcome: valid, attributable to the programme, and quick. Pair it with admissions later.",
        "Number of strength-and-balance classes delivered": "An output: a count of work done. Useful for managing "
        "delivery, but it says nothing about falls.",
        "Life expectancy at 65 across the borough": "Too little in your control: it moves with everything else that "
        "affects older people's health, and a falls programme cannot shift it measurably.",
        "Hip fractures per 100,000 residents aged 65+, published 18 months after the year ends": "The right kind of "
        "outcome, but too slow to steer by. Keep it for the long-term review; use faster measures meanwhile.",
        "Falls reported by care homes, when homes are paid for each reduction": "Easily gamed: when a number is paid "
        "on, it tends to stop measuring what it measured. Under-reporting would look like success.",
    },
)

INDICATOR_CRITERIA: tuple[tuple[str, str], ...] = (
    ("Valid", "It measures the outcome you mean, not a convenient neighbour of it (a proxy)."),
    ("Attributable", "Your work can move it enough to see, and you can separate your effect from others'."),
    ("Timely", "It arrives soon enough to change what you do."),
    ("Sensitive", "It moves when the outcome moves, at the scale you are working at."),
    ("Reliable", "Two people measuring the same thing get the same answer; the definition is stable."),
    ("Hard to game", "Rewarding it does not reward the wrong behaviour (under-reporting, cherry-picking)."),
    ("Affordable", "The cost of collecting it is proportionate to the decision it informs."),
)

# National frameworks, as they stand in December 2026: (framework, owner, status, what it measures).
FRAMEWORKS: tuple[tuple[str, str, str], ...] = (
    (
        "Adult Social Care Outcomes Framework (ASCOF)",
        "Department of Health and Social Care",
        "Refreshed from April 2023 around six objectives (quality of life, independence, empowerment, safety, "
        "social connections, continuity and quality of care); the 2024 to 2025 results report 19 measures.",
    ),
    (
        "Public Health Outcomes Framework (PHOF)",
        "Office for Health Improvement and Disparities",
        "Current; published on Fingertips, with indicators by council such as emergency hospital admissions due to "
        "falls in people aged 65 and over.",
    ),
    (
        "NHS Outcomes Framework (NHS OF)",
        "NHS England",
        "Largely wound down: after a review announced in 2023 and a consultation to March 2024, NHS England has "
        "published only five of its indicators each year since February 2025, and points users to source data for "
        "the rest. NHS England now oversees trusts and ICBs under the NHS Oversight Framework 2025/26, a one-year "
        "framework to be reviewed in 2026/27.",
    ),
)


def logic_model_table() -> pd.DataFrame:
    """The Brackenford falls logic model: each stage, what it holds, and the assumption behind the next link."""
    return pd.DataFrame(LOGIC_MODEL, columns=["Stage", "Brackenford (fictional)", "Assumption behind the next link"])


def criteria_table() -> pd.DataFrame:
    """Seven tests of a good indicator."""
    return pd.DataFrame(INDICATOR_CRITERIA, columns=["Test", "What it asks"])


def frameworks_table() -> pd.DataFrame:
    """The national outcomes frameworks commissioners are held to, and their status in December 2026."""
    return pd.DataFrame(FRAMEWORKS, columns=["Framework", "Owner", "Status, December 2026"])


# --- Results-Based Accountability: baseline, trend and forecast ---------------------


@dataclass(frozen=True)
class Baseline:
    """An RBA baseline: the history of a measure and where it is heading if nothing changes."""

    years: tuple[str, ...]
    values: tuple[int, ...]
    slope: float
    intercept: float
    forecast_years: tuple[str, ...]
    forecast: tuple[float, ...]

    @property
    def per_year(self) -> float:
        """The straight-line trend: the average change each year."""
        return round(self.slope, 1)


def _next_years(last: str, count: int) -> tuple[str, ...]:
    start = int(last[:4])
    return tuple(f"{y}/{str(y + 1)[-2:]}" for y in range(start + 1, start + 1 + count))


def falls_baseline(demand: pd.DataFrame, ahead: int = 3) -> Baseline:
    """Admissions after a fall each year (synthetic), with a straight-line forecast ``ahead`` years on."""
    if ahead < 1:
        raise ValueError("forecast at least one year ahead")
    rows = demand[demand["service_type"] == "reactive"]
    if rows.empty:
        raise ValueError("there are no admissions after a fall in the data")
    by_year = rows.groupby(rows["year_start"].astype(int)).agg(
        activity=("activity", "sum"), fy=("financial_year", "first")
    )
    x = np.arange(len(by_year), dtype=float)
    y = by_year["activity"].to_numpy(dtype=float)
    slope, intercept = np.polyfit(x, y, 1)
    future = np.arange(len(by_year), len(by_year) + ahead, dtype=float)
    years = tuple(str(fy) for fy in by_year["fy"])
    return Baseline(
        years=years,
        values=tuple(int(v) for v in y),
        slope=float(slope),
        intercept=float(intercept),
        forecast_years=_next_years(years[-1], ahead),
        forecast=tuple(round(float(intercept + slope * t), 1) for t in future),
    )


def baseline_chart(baseline: Baseline) -> Any:
    """The history as a solid line and the forecast as a dashed one: the curve to turn."""
    from matplotlib.figure import Figure

    figure = Figure(figsize=(7, 3.8))
    axes = figure.add_subplot()
    n = len(baseline.years)
    axes.plot(range(n), baseline.values, marker="o", color=ORANGE, linewidth=2, label="Admissions after a fall")
    trend_x = list(range(0, n + len(baseline.forecast)))
    trend_y = [baseline.intercept + baseline.slope * t for t in trend_x]
    axes.plot(
        trend_x, trend_y, linestyle="--", color=GREY, linewidth=1.6, label="Trend, and forecast if nothing changes"
    )
    axes.plot(
        [n - 1, n + len(baseline.forecast) - 1],
        [baseline.values[-1], baseline.values[-1] - 20],
        linestyle=":",
        color=BLUE,
        linewidth=1.6,
        label="A turned curve (illustrative)",
    )
    labels = list(baseline.years) + list(baseline.forecast_years)
    axes.set_xticks(range(len(labels)))
    axes.set_xticklabels(labels, rotation=45, ha="right", fontsize=8)
    axes.set_ylabel("Admissions a year")
    axes.set_title("Brackenford: the baseline and the curve to turn (synthetic data)")
    axes.legend(frameon=False, fontsize=8, loc="upper left")
    axes.set_ylim(min(baseline.values) - 40, max(max(baseline.values), max(baseline.forecast)) + 25)
    figure.subplots_adjust(bottom=0.24)
    return figure
