"""Day 5, quality-improvement tools that link to commissioning: driver diagrams, operational definitions
and measurement plans. Answer keys and tables for the page *Quality improvement*.

Plain Python and pandas; nothing imports ipywidgets. ``tests/test_day5_keys.py`` checks them.
Sources: NHS England and NHS Improvement's *Quality, service improvement and redesign
(QSIR)* tools (driver diagrams, process mapping) and *How-to guide for measurement for
improvement* (operational definitions, measurement plans); the run-chart rules are in
:mod:`exercises.lessons.runcharts` and the *Making Data Count* rules in
:mod:`exercises.lessons.spc`.
"""

from __future__ import annotations

import pandas as pd

from exercises.lessons.common import SortKey

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
