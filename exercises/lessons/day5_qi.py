"""Day 5, quality improvement: the Model for Improvement, driver diagrams, operational definitions and
measurement plans, the run-chart exercise, and Brackenford's weekly measure. Answer keys, numbers
and charts for the pages *Quality improvement* and *Brackenford's weekly measure*.

Plain Python and pandas; nothing imports ipywidgets. ``tests/test_day5_keys.py`` checks them.
Sources: NHS England and NHS Improvement's *Quality, service improvement and redesign
(QSIR)* tools (driver diagrams, process mapping) and *How-to guide for measurement for
improvement* (operational definitions, measurement plans); the run-chart rules are in
:mod:`exercises.lessons.runcharts` and the *Making Data Count* rules in
:mod:`exercises.lessons.spc`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import pandas as pd

from exercises.lessons import runcharts
from exercises.lessons.common import BLUE, GREEN, GREY, ORANGE, RED, SortKey

MFI_SOURCE = (
    "G. Langley and others, *The Improvement Guide*, as taught by the Institute for Healthcare Improvement (IHI)"
)

_AIM = "Aim"
_PRIMARY = "Primary driver"
_SECONDARY = "Secondary driver"
_CHANGE = "Change idea"

DRIVER_SORT = SortKey(
    categories=(_AIM, _PRIMARY, _SECONDARY, _CHANGE),
    answers={
        "Reduce emergency admissions after a fall among Brackenford residents aged 65 and over by 10% by "
        "March 2028": _AIM,
        "People at risk of falling are found early": _PRIMARY,
        "People who have fallen get home quickly and safely": _PRIMARY,
        "GPs and pharmacists ask older patients about falls": _SECONDARY,
        "Home care starts within 7 days of a referral from hospital": _SECONDARY,
        "Add a falls question to the annual medication review template in two practices": _CHANGE,
        "Trusted assessors on the wards book home care before discharge": _CHANGE,
    },
    feedback={
        "Reduce emergency admissions after a fall among Brackenford residents aged 65 and over by 10% by "
        "March 2028": "The aim: what, for whom, how much, by when. Day 1's population outcome, made measurable.",
        "People at risk of falling are found early": "A primary driver: one of the few big things that must "
        "happen for the aim to be reached.",
        "People who have fallen get home quickly and safely": "A primary driver: getting home quickly "
        "protects strength and confidence and frees hospital beds.",
        "GPs and pharmacists ask older patients about falls": "A secondary driver: a more specific condition "
        "under 'found early' that a team can influence.",
        "Home care starts within 7 days of a referral from hospital": "A secondary driver under 'get home "
        "quickly': Brackenford's weekly measure tracks it.",
        "Add a falls question to the annual medication review template in two practices": "A change idea: "
        "specific and small enough to test in a PDSA cycle.",
        "Trusted assessors on the wards book home care before discharge": "A change idea: Brackenford's first "
        "PDSA cycle (next page).",
    },
)

MEASUREMENT_PLAN = (
    ("Measure", "Share of hospital referrals for home care where care starts within 7 days"),
    (
        "Type",
        "Process measure (with an outcome measure, readmissions within 30 days, and a balancing measure, "
        "care hours cancelled at short notice)",
    ),
    (
        "Operational definition",
        "Numerator: referrals received Monday to Sunday whose first visit took place no "
        "more than 7 calendar days after the referral date. Denominator: all referrals received that week, "
        "excluding people who died or were readmitted before care could start.",
    ),
    ("Data source", "The council's brokerage system, referral and first-visit dates"),
    ("Who collects it, and when", "The brokerage team's data officer, every Monday for the week before"),
    ("How it is shown", "A run chart, then an XmR chart once there are 20 weeks, with the rules stated"),
    ("Who looks at it", "The home-care improvement team weekly; the contract meeting monthly"),
)


def measurement_plan_table() -> pd.DataFrame:
    """A measurement plan for Brackenford's weekly measure, in the shape the NHS's how-to guide suggests."""
    return pd.DataFrame(MEASUREMENT_PLAN, columns=["Part of the plan", "Brackenford's weekly measure"])


# --- 04 Quality improvement: the Model for Improvement and run-chart rules -------------------

MFI_QUESTIONS: tuple[str, str, str] = (
    "What are we trying to accomplish?",
    "How will we know that a change is an improvement?",
    "What change can we make that will result in improvement?",
)
AIM, MEASURE, CHANGE = ("Aim: " + MFI_QUESTIONS[0], "Measure: " + MFI_QUESTIONS[1], "Change: " + MFI_QUESTIONS[2])

MFI_SORT = SortKey(
    categories=(AIM, MEASURE, CHANGE),
    answers={
        "Raise the share of home-care referrals that start within 7 days from about 55% to 70% by next May": AIM,
        "Plot the weekly share starting within 7 days on a run chart": MEASURE,
        "Count, each week, how many people wait more than 14 days": MEASURE,
        "Let trusted assessors on the ward book care before the patient is discharged": CHANGE,
        "Hold a ten-minute daily call between the hospital discharge team and providers": CHANGE,
        "No one waits in hospital for home care they are ready for": AIM,
    },
    feedback={
        "Raise the share of home-care referrals that start within 7 days from about 55% to 70% by next May": "Aim: it says what, how much and by when.",
        "Plot the weekly share starting within 7 days on a run chart": "Measure: it shows whether a change is an improvement, week by week.",
        "Count, each week, how many people wait more than 14 days": "Measure: a balancing measure, to check that speeding up some referrals does not leave others "
        "waiting longer.",
        "Let trusted assessors on the ward book care before the patient is discharged": "Change: an idea to test in a PDSA cycle (it is the change in the Brackenford data).",
        "Hold a ten-minute daily call between the hospital discharge team and providers": "Change: another idea to test, small and quick.",
        "No one waits in hospital for home care they are ready for": "Aim: a broad aim. A good aim also says how much and by when.",
    },
)

PDSA_STAGES: tuple[tuple[str, str], ...] = (
    (
        "Plan",
        "Say what change you will test, who, where and when, what you predict will happen, and what "
        "data you will collect.",
    ),
    ("Do", "Try it on a small scale. Write down what happens, including problems and surprises."),
    ("Study", "Compare the data with your prediction. What did you learn?"),
    ("Act", "Adopt the change, adapt it and test again, or abandon it. Plan the next cycle."),
)


def pdsa_table() -> pd.DataFrame:
    """The four stages of a Plan-Do-Study-Act cycle, in our words."""
    return pd.DataFrame(PDSA_STAGES, columns=["Stage", "What you do"]).set_index("Stage")


SHIFT, TREND, OUTSIDE, NO_SIGNAL = "A shift", "A trend", "A point outside the limits", "No signal"

# Constructed series (made up) for the rule-spotting exercise: each shows one rule, or none.
RULE_SERIES: dict[str, tuple[float, ...]] = {
    "Series A": (50, 55, 48, 56, 49, 47, 57, 58, 56, 59, 57, 58, 46, 54),
    "Series B": (52, 49, 53, 48, 47, 50, 53, 55, 58, 51, 54, 49, 52, 50),
    "Series C": (51, 49, 52, 50, 48, 51, 53, 80, 50, 49, 52, 50, 51, 49),
    "Series D": (50, 54, 47, 52, 49, 55, 48, 51, 53, 46, 52, 50, 54, 49),
}


def rule_findings(values: Sequence[float]) -> dict[str, list[runcharts.Signal]]:
    """Shifts and trends (around the series' median) and points outside its XmR limits."""
    return {
        SHIFT: runcharts.shifts(values, runcharts.median(values)),
        TREND: runcharts.trends(values),
        OUTSIDE: runcharts.outside_limits(values, runcharts.xmr_limits(values)),
    }


def rule_spotting_key(series: Mapping[str, Sequence[float]] | None = None) -> SortKey:
    """The answer key of the rule-spotting sort, worked out by the rules themselves."""
    chosen: Mapping[str, Sequence[float]] = RULE_SERIES if series is None else series
    answers, feedback = {}, {}
    for name, values in chosen.items():
        found = [rule for rule, hits in rule_findings(values).items() if hits]
        answers[name] = tuple(found) if found else NO_SIGNAL
        feedback[name] = _describe_findings(name, values)
    return SortKey(categories=(SHIFT, TREND, OUTSIDE, NO_SIGNAL), answers=answers, feedback=feedback)


def _describe_findings(name: str, values: Sequence[float]) -> str:
    findings = rule_findings(values)
    parts = []
    for signal in findings[SHIFT]:
        parts.append(
            f"a shift: {signal.points} points in a row {signal.direction} the median "
            f"({runcharts.median(values):g}), points {signal.start + 1} to {signal.end + 1}"
        )
    for signal in findings[TREND]:
        parts.append(
            f"a trend: {signal.points} points going {signal.direction}, points {signal.start + 1} to {signal.end + 1}"
        )
    limits = runcharts.xmr_limits(values)
    for signal in findings[OUTSIDE]:
        parts.append(
            f"point {signal.start + 1} ({values[signal.start]:g}) is {signal.direction} the "
            f"{'upper' if signal.direction == 'above' else 'lower'} limit "
            f"({limits.upper if signal.direction == 'above' else limits.lower:.1f})"
        )
    if not parts:
        return (
            f"{name}: no signal. The longest run on one side of the median is shorter than six points, no "
            f"five points go steadily up or down, and every point is inside the limits "
            f"({limits.lower:.1f} to {limits.upper:.1f}). This is ordinary, common-cause variation."
        )
    return f"{name}: " + "; ".join(parts) + "."


def rule_series_chart(series: Mapping[str, Sequence[float]] | None = None) -> Any:
    """Small run charts of the constructed series, each with its median (dashed) and XmR limits (dotted)."""
    from matplotlib.figure import Figure

    chosen: Mapping[str, Sequence[float]] = RULE_SERIES if series is None else series
    figure = Figure(figsize=(9, 5.2))
    grid = figure.subplots(2, 2, sharex=True)
    for axes, (name, values) in zip(grid.flat, chosen.items(), strict=True):
        points = list(range(1, len(values) + 1))
        limits = runcharts.xmr_limits(values)
        axes.plot(points, values, color=BLUE, marker="o", markersize=4)
        axes.axhline(runcharts.median(values), color=GREY, linestyle="--", linewidth=1)
        for limit in (limits.lower, limits.upper):
            axes.axhline(limit, color=RED, linestyle=":", linewidth=1)
        axes.set_title(name, fontsize=10)
        axes.set_ylabel("Value (made-up units)", fontsize=8)
    for axes in grid[1]:
        axes.set_xlabel("Point (week)")
    figure.suptitle("Four made-up series: median (dashed) and XmR limits (dotted)")
    return figure


# --- 05 The Brackenford weekly measure (synthetic) ----------------------------------------------

PERCENT = "percent_within_7_days"


def change_week(measure: pd.DataFrame) -> int:
    """The first week with an annotation (the change being tested); the baseline is the weeks before it."""
    noted = measure[measure["annotation"].notna() & (measure["annotation"].astype(str).str.strip() != "")]
    if noted.empty:
        raise ValueError("the weekly measure has no annotated change, so there is no baseline to compare with")
    return int(noted["week"].min())


def baseline(measure: pd.DataFrame) -> pd.DataFrame:
    """The weeks before the change."""
    return measure[measure["week"] < change_week(measure)]


def weekly_analysis(measure: pd.DataFrame) -> dict[str, Any]:
    """The run-chart and XmR findings, with signals given as week numbers.

    The centre line is the median of the baseline weeks, extended; the XmR limits are
    worked out from the baseline weeks too, as the lessons teach.
    """
    measure = measure.sort_values("week")
    values = measure[PERCENT].astype(float).tolist()
    weeks = measure["week"].astype(int).tolist()
    base = baseline(measure)[PERCENT].astype(float).tolist()
    centre = runcharts.median(base)
    limits = runcharts.xmr_limits(base)
    after = measure[measure["week"] >= change_week(measure)][PERCENT].astype(float)

    def as_weeks(found: list[runcharts.Signal]) -> list[dict[str, Any]]:
        return [
            {"first_week": weeks[s.start], "last_week": weeks[s.end], "points": s.points, "direction": s.direction}
            for s in found
        ]

    return {
        "change_week": change_week(measure),
        "baseline_weeks": len(base),
        "baseline_median": centre,
        "after_median": runcharts.median(after),
        "whole_series_median": runcharts.median(values),
        "limits": limits,
        "shifts": as_weeks(runcharts.shifts(values, centre)),
        "trends": as_weeks(runcharts.trends(values)),
        "outside": [weeks[s.start] for s in runcharts.outside_limits(values, limits)],
        "baseline_shifts_around_whole_median": as_weeks(runcharts.shifts(base, runcharts.median(values))),
    }


def first_shift_week(measure: pd.DataFrame) -> int:
    """The first week of the first shift around the baseline median."""
    found = weekly_analysis(measure)["shifts"]
    if not found:
        raise ValueError("there is no shift in this series")
    return int(found[0]["first_week"])


def _annotate_change(axes: Any, measure: pd.DataFrame) -> None:
    week = change_week(measure)
    axes.axvline(week - 0.5, color=GREEN, linewidth=1.2)
    axes.text(week - 0.3, 98, "Change starts\n(PDSA cycle 1)", fontsize=8, color=GREEN, va="top")


def _weekly_figure(measure: pd.DataFrame) -> tuple[Any, Any]:
    """A figure with the weekly measure (sorted by week) drawn as a line of points."""
    from matplotlib.figure import Figure

    figure = Figure(figsize=(9, 4.4))
    axes = figure.add_subplot()
    axes.plot(
        measure["week"],
        measure[PERCENT],
        color=BLUE,
        marker="o",
        markersize=3.5,
        linewidth=1.2,
        label="Share started within 7 days",
    )
    return figure, axes


def _finish_weekly(figure: Any, axes: Any, measure: pd.DataFrame, title: str) -> Any:
    """The weekly charts' shared ending: the change marked, axes, legend and title."""
    _annotate_change(axes, measure)
    axes.set_ylim(0, 100)
    axes.set_xlim(0, int(measure["week"].max()) + 1)
    axes.set_xlabel("Week")
    axes.set_ylabel("Referrals where care started within 7 days (%)")
    axes.legend(loc="lower right", fontsize=8, frameon=False)
    axes.set_title(title)
    return figure


def run_chart(measure: pd.DataFrame) -> Any:
    """The weekly measure as a run chart: baseline median extended, the first shift's points marked."""

    found = weekly_analysis(measure)
    measure = measure.sort_values("week")
    figure, axes = _weekly_figure(measure)
    axes.axhline(
        found["baseline_median"],
        color=GREY,
        linestyle="--",
        linewidth=1.2,
        label=f"Median of weeks 1 to {found['change_week'] - 1}: {found['baseline_median']:.1f}%",
    )
    for shift in found["shifts"]:
        rows = measure[measure["week"].between(shift["first_week"], shift["last_week"])]
        axes.scatter(
            rows["week"],
            rows[PERCENT],
            marker="s",
            color=ORANGE,
            s=30,
            zorder=3,
            label=f"Shift: weeks {shift['first_week']} to {shift['last_week']}",
        )
    return _finish_weekly(
        figure, axes, measure, "Brackenford home care: run chart of the weekly measure (synthetic data)"
    )


def xmr_chart(measure: pd.DataFrame) -> Any:
    """The weekly measure with the baseline's mean and XmR limits extended; points outside marked."""

    found = weekly_analysis(measure)
    limits = found["limits"]
    measure = measure.sort_values("week")
    outside = measure[measure["week"].isin(found["outside"])]
    figure, axes = _weekly_figure(measure)
    axes.axhline(limits.mean, color=GREY, linewidth=1.2, label=f"Baseline mean: {limits.mean:.1f}%")
    axes.axhline(
        limits.upper,
        color=RED,
        linestyle=":",
        linewidth=1.2,
        label=f"Limits: {limits.lower:.1f}% to {limits.upper:.1f}%",
    )
    axes.axhline(limits.lower, color=RED, linestyle=":", linewidth=1.2)
    axes.scatter(
        outside["week"], outside[PERCENT], marker="D", color=ORANGE, s=40, zorder=3, label="Above the upper limit"
    )
    return _finish_weekly(
        figure, axes, measure, "Brackenford home care: XmR chart with limits from the baseline (synthetic data)"
    )


def weekly_table(measure: pd.DataFrame) -> pd.DataFrame:
    """Weeks around the change: week, start date, referrals, share within 7 days, side of the baseline median."""
    found = weekly_analysis(measure)
    centre = found["baseline_median"]
    side = measure[PERCENT].map(lambda v: "on the median" if v == centre else ("above" if v > centre else "below"))
    return pd.DataFrame(
        {
            "Week": measure["week"].astype(int),
            "Week starting": measure["week_start"].dt.strftime("%d %b %Y"),
            "Referrals": measure["referrals"].astype(int),
            "Started within 7 days (%)": measure[PERCENT].astype(float),
            "Side of the baseline median": side,
            "What changed": measure["annotation"].fillna(""),
        }
    ).set_index("Week")
