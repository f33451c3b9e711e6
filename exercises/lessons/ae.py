"""Real NHS data for quality improvement: A&E four-hour performance, England, April 2016 to March 2019.

Day 5's page *Real NHS data: A&E four-hour performance* calls these; ``tests/test_ae.py``
checks them. Plain Python and pandas: data in, numbers and tables out (charts are in
:mod:`exercises.lessons.ae_charts`). Nothing imports ipywidgets.

The data is NHS England's monthly *A&E Attendances and Emergency Admissions* statistics
(Open Government Licence v3.0), in the course's ``nhs_ae_attendances`` dataset. Four-hour
performance is the share of attendances that did not breach four hours:
``1 − breaches / attendances``. The operational standard is 95%.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pandas as pd

from exercises.lessons import runcharts, spc

STANDARD = 95.0  # per cent within four hours: the NHS constitution's operational standard
AMBER_MARGIN = 5.0  # a common contract-report convention: amber within 5 points below the standard
TRUST = "RQM"
TRUST_NAME = "Chelsea and Westminster Hospital NHS Foundation Trust"
BASELINE_MONTHS = 12
FUNNEL_YEAR = ("2018-04-01", "2019-03-01")
MONTH = "%b %Y"


def _check(ae: pd.DataFrame) -> None:
    missing = {"period", "org_code", "type", "attendances", "breaches"} - set(ae.columns)
    if missing:
        raise KeyError(f"the A&E table is missing the columns {', '.join(sorted(missing))}")


def monthly(ae: pd.DataFrame, org_code: str = TRUST, types: tuple[str, ...] = ("1", "2", "other")) -> pd.DataFrame:
    """One provider's months: attendances, breaches and four-hour performance (%), all types by default."""
    _check(ae)
    rows = ae[(ae["org_code"] == org_code) & ae["type"].astype(str).isin(types)]
    if rows.empty:
        raise KeyError(f"no A&E rows for the provider '{org_code}' and department types {', '.join(types)}")
    months = rows.groupby("period", as_index=False)[["attendances", "breaches"]].sum().sort_values("period")
    months["attendances"] = months["attendances"].astype(int)
    months["breaches"] = months["breaches"].astype(int)
    months["performance"] = 100 * (1 - months["breaches"] / months["attendances"])
    return months.reset_index(drop=True)


def england(ae: pd.DataFrame) -> pd.DataFrame:
    """England's months, all providers and types: attendances, breaches, performance (%)."""
    _check(ae)
    months = ae.groupby("period", as_index=False)[["attendances", "breaches"]].sum().sort_values("period")
    months["performance"] = 100 * (1 - months["breaches"].astype(float) / months["attendances"].astype(float))
    return months.reset_index(drop=True)


@dataclass(frozen=True)
class Analysis:
    """What an SPC chart says about one provider's months."""

    months: pd.DataFrame  # period, attendances, breaches, performance, rag, special cause rules, special
    limits: spc.ProcessLimits
    baseline_months: int
    rules: dict[str, list[int]]
    assurance: str
    runs_centre: float
    crossings: int
    fewest_crossings: int


def analyse(ae: pd.DataFrame, org_code: str = TRUST, baseline_months: int = BASELINE_MONTHS) -> Analysis:
    """XmR limits from the first ``baseline_months`` months, extended; every rule; assurance against 95%."""
    months = monthly(ae, org_code)
    values = months["performance"].tolist()
    if not 2 <= baseline_months <= len(values):
        raise ValueError(f"the baseline must be between 2 and {len(values)} months")
    limits = spc.xmr(values[:baseline_months])
    rules = spc.special_causes(values, limits)
    months["rag"] = [spc.rag(v, STANDARD, AMBER_MARGIN) for v in values]
    flagged = set(spc.special_cause_points(values, limits))
    months["special"] = [i in flagged for i in range(len(values))]
    centre = runcharts.median(values)
    return Analysis(
        months=months,
        limits=limits,
        baseline_months=baseline_months,
        rules=rules,
        assurance=spc.assurance(limits, STANDARD, "increase"),
        runs_centre=centre,
        crossings=runcharts.crossings(values, centre),
        fewest_crossings=runcharts.fewest_crossings(runcharts.useful_points(values, centre)),
    )


def rule_months(analysis: Analysis) -> dict[str, list[str]]:
    """Each rule's flagged months, as "Dec 2017"."""
    periods = analysis.months["period"]
    return {rule: [periods.iloc[i].strftime(MONTH) for i in found] for rule, found in analysis.rules.items()}


def rag_counts(analysis: Analysis) -> dict[str, int]:
    """How many months the RAG rating calls red, amber and green."""
    counts = analysis.months["rag"].value_counts()
    return {colour: int(counts.get(colour, 0)) for colour in ("red", "amber", "green")}


def rag_and_spc(analysis: Analysis, months: int = 12) -> pd.DataFrame:
    """The last ``months`` months side by side: performance, the RAG rating, and what SPC says."""
    recent = analysis.months.tail(months)
    limits = analysis.limits

    def reading(row: Any) -> str:
        if row["special"]:
            side = "above" if row["performance"] > limits.mean else "below"
            return f"special cause ({side} the baseline mean)"
        return "common cause: within the baseline's usual variation"

    return pd.DataFrame(
        {
            "Month": recent["period"].dt.strftime(MONTH),
            "Seen within four hours (%)": recent["performance"].round(1),
            "RAG rating against 95%": recent["rag"],
            "What the SPC chart says": recent.apply(reading, axis=1),
        }
    )


def funnel_units(ae: pd.DataFrame, start: str = FUNNEL_YEAR[0], end: str = FUNNEL_YEAR[1]) -> pd.DataFrame:
    """Every provider with a type 1 department, over the months from ``start`` to ``end``:
    unit, n (attendances at type 1 departments) and events (seen within four hours)."""
    _check(ae)
    rows = ae[(ae["type"].astype(str) == "1") & ae["period"].between(pd.Timestamp(start), pd.Timestamp(end))]
    totals = rows.groupby("org_code", as_index=False)[["attendances", "breaches"]].sum()
    totals = totals[totals["attendances"] > 0]
    return pd.DataFrame(
        {
            "unit": totals["org_code"].astype(str),
            "n": totals["attendances"].astype(int),
            "events": (totals["attendances"] - totals["breaches"]).astype(int),
        }
    ).reset_index(drop=True)


def funnel_summary(ae: pd.DataFrame) -> dict[str, Any]:
    """The funnel plot's numbers: trusts, centre, φ, and how many fall outside each limit, with and without φ."""
    units = funnel_units(ae)
    plain = spc.funnel(units)
    wide = spc.funnel(units, overdispersion=True)
    return {
        "trusts": len(units),
        "centre": 100 * plain.centre,
        "phi": plain.phi,
        "tau": 100 * wide.tau2**0.5,
        "outside_998_plain": int(plain.units["outside_99.8"].sum()),
        "outside_95_plain": int(plain.units["outside_95"].sum()),
        "outside_998_wide": int(wide.units["outside_99.8"].sum()),
        "outside_95_wide": int(wide.units["outside_95"].sum()),
        "below_998_wide": int((wide.units["outside_99.8"] & (wide.units["z"] < 0)).sum()),
        "above_998_wide": int((wide.units["outside_99.8"] & (wide.units["z"] > 0)).sum()),
        "meeting_standard": int((100 * wide.units["proportion"] >= STANDARD).sum()),
    }


SHIFT_STARTS = "2017-06-01"  # the first month of the sustained shift at the course's trust


def rebased(ae_table: pd.DataFrame, org_code: str = TRUST, start: str = SHIFT_STARTS) -> spc.ProcessLimits:
    """Limits worked out again from ``start`` on: what a team does once a shift is sustained and explained."""
    months = monthly(ae_table, org_code)
    return spc.xmr(months[months["period"] >= pd.Timestamp(start)]["performance"].tolist())


def funnel_table(summary: dict[str, Any]) -> pd.DataFrame:
    """The funnel plot's headline numbers, as words and values for a table."""
    return pd.DataFrame(
        {
            "Measure": [
                "Trusts with a type 1 department",
                "England's type 1 performance (the centre line, %)",
                "Trusts outside the plain 99.8% limits",
                "Real spread between trusts allowed for (standard deviation, percentage points)",
                "Trusts outside the widened 95% limits",
                "Trusts outside the widened 99.8% limits (all below)",
                "Trusts at or above 95% for the year",
            ],
            "Value": [
                f"{summary['trusts']}",
                f"{summary['centre']:.1f}",
                f"{summary['outside_998_plain']}",
                f"{summary['tau']:.1f}",
                f"{summary['outside_95_wide']}",
                f"{summary['outside_998_wide']}",
                f"{summary['meeting_standard']}",
            ],
        }
    )
