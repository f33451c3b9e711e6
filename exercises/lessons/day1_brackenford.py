"""Day 1, page 5 (the running case): Brackenford's wards, falls spending and rates (synthetic data).

Brackenford figures come from the synthetic datasets through ``exercises.data.load``;
none is typed here. Plain Python, pandas and matplotlib: nothing here imports ipywidgets.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import pandas as pd

from exercises.lessons.common import (
    BLUE,
    GREEN,
    GREY,
    ORANGE,
    ChoiceKey,
)

# --- 05 The running case: Brackenford (synthetic) -------------------------------------------


def ward_profile(wards: pd.DataFrame) -> pd.DataFrame:
    """One row per ward, most need first: population, people aged 65+, their share, need index and rank."""
    older = wards["age_65_74"] + wards["age_75_plus"]
    table = pd.DataFrame(
        {
            "Ward": wards["ward"].astype(str),
            "Residents": wards["population"].astype(int),
            "Aged 65 and over": older.astype(int),
            "Aged 65 and over (%)": (100 * older / wards["population"]).astype(float).round(1),
            "Need index (0 to 100)": wards["need_index"].astype(float),
            "Need rank (1 = most need)": wards["need_rank"].astype(int),
        }
    )
    return table.sort_values("Need rank (1 = most need)").set_index("Ward")


def highest_need_ward(wards: pd.DataFrame) -> str:
    """The ward ranked 1 on need. Raises ``ValueError`` if the rank and the index disagree."""
    top = wards.loc[wards["need_rank"] == 1, "ward"]
    by_index = wards.loc[wards["need_index"].idxmax(), "ward"]
    if len(top) != 1 or str(top.iloc[0]) != str(by_index):
        raise ValueError("the need rank and the need index do not agree on the highest-need ward")
    return str(top.iloc[0])


def borough_totals(wards: pd.DataFrame) -> dict[str, float]:
    """Residents, people aged 65 and over and their share, for the whole borough."""
    residents = int(wards["population"].sum())
    older = int((wards["age_65_74"] + wards["age_75_plus"]).sum())
    return {"residents": residents, "aged_65_plus": older, "aged_65_plus_percent": round(100 * older / residents, 1)}


def annual_spend(demand: pd.DataFrame) -> pd.DataFrame:
    """Spending (activity × unit cost, £) by financial year: reactive, preventive and total."""
    cost = demand.assign(spend=demand["activity"].astype(float) * demand["unit_cost_gbp"])
    table = cost.pivot_table(
        index="financial_year", columns="service_type", values="spend", aggfunc="sum", observed=True
    )
    table = table.reindex(columns=["reactive", "preventive"]).fillna(0.0)
    table.columns = ["Reactive: admissions after a fall (£)", "Preventive: strength and balance (£)"]
    table["Total (£)"] = table.sum(axis=1)
    table.index = table.index.astype(str)
    table.index.name = "Financial year"
    return table.round(0)


@dataclass(frozen=True)
class Growth:
    """How one service changed between the first and last financial years in the data."""

    first_year: str
    last_year: str
    spend_first: float
    spend_last: float
    activity_first: int
    activity_last: int

    @property
    def spend_growth_percent(self) -> float:
        return round(100 * (self.spend_last / self.spend_first - 1), 1)

    @property
    def activity_growth_percent(self) -> float:
        return round(100 * (self.activity_last / self.activity_first - 1), 1)

    @property
    def unit_cost_growth_percent(self) -> float:
        """Growth in the average cost of one unit of activity (spend ÷ activity)."""
        first = self.spend_first / self.activity_first
        last = self.spend_last / self.activity_last
        return round(100 * (last / first - 1), 1)


def growth(demand: pd.DataFrame, service_type: str = "reactive") -> Growth:
    """Spend and activity of one service type in the first and last financial years of ``demand``."""
    rows = demand[demand["service_type"] == service_type]
    if rows.empty:
        raise ValueError(f"there is no '{service_type}' service in the data")
    rows = rows.assign(spend=rows["activity"].astype(float) * rows["unit_cost_gbp"])
    by_year = rows.groupby(rows["year_start"].astype(int)).agg(
        spend=("spend", "sum"), activity=("activity", "sum"), fy=("financial_year", "first")
    )
    first, last = by_year.iloc[0], by_year.iloc[-1]
    return Growth(
        str(first["fy"]),
        str(last["fy"]),
        round(float(first["spend"]), 2),
        round(float(last["spend"]), 2),
        int(first["activity"]),
        int(last["activity"]),
    )


def falls_rate_by_ward(wards: pd.DataFrame, demand: pd.DataFrame, financial_year: str | None = None) -> pd.DataFrame:
    """Emergency admissions after a fall per 1,000 residents aged 65+, by ward, in one year (latest by default)."""
    reactive = demand[demand["service_type"] == "reactive"]
    year = financial_year or str(reactive.loc[reactive["year_start"].idxmax(), "financial_year"])
    chosen = reactive[reactive["financial_year"].astype(str) == year]
    if chosen.empty:
        raise ValueError(f"there is no data for {year}")
    people = wards.assign(older=wards["age_65_74"] + wards["age_75_plus"])
    table = chosen[["ward_code", "activity"]].merge(
        people[["ward_code", "ward", "older", "need_index"]], on="ward_code", validate="one_to_one"
    )
    return (
        pd.DataFrame(
            {
                "Ward": table["ward"].astype(str),
                "Need index (0 to 100)": table["need_index"].astype(float),
                "Aged 65 and over": table["older"].astype(int),
                f"Admissions after a fall, {year}": table["activity"].astype(int),
                "Admissions per 1,000 aged 65 and over": (1000 * table["activity"] / table["older"])
                .astype(float)
                .round(1),
            }
        )
        .sort_values("Admissions per 1,000 aged 65 and over", ascending=False)
        .set_index("Ward")
    )


RATE = "Admissions per 1,000 aged 65 and over"
NEED = "Need index (0 to 100)"


def need_chart(profile: pd.DataFrame) -> Any:
    """Horizontal bars of each ward's need index, most need at the top (from ``ward_profile``)."""
    from matplotlib.figure import Figure

    figure = Figure(figsize=(7, 4.2))
    axes = figure.add_subplot()
    axes.barh(profile.index, profile[NEED], color=BLUE)
    axes.invert_yaxis()
    axes.set_xlim(0, 100)
    axes.set_xlabel("Need index (0 to 100; higher means more need)")
    for y, value in enumerate(profile[NEED]):
        axes.text(value + 1, y, f"{value:.1f}", va="center", fontsize=8)
    axes.set_title("Brackenford wards by need (synthetic data)")
    return figure


def spend_chart(spend: pd.DataFrame) -> Any:
    """Lines of yearly spending on the reactive and preventive services, in £ thousands (from ``annual_spend``)."""
    from matplotlib.figure import Figure

    figure = Figure(figsize=(7, 4))
    axes = figure.add_subplot()
    years = list(spend.index)
    for column, colour, marker in zip(spend.columns[:2], (ORANGE, GREEN), ("o", "s"), strict=True):
        axes.plot(
            years, spend[column] / 1000, color=colour, marker=marker, linewidth=2, label=column.replace(" (£)", "")
        )
    axes.set_ylim(bottom=0)
    axes.set_xlabel("Financial year")
    axes.set_ylabel("Spending (£ thousands, that year's prices)")
    axes.legend(loc="center right", frameon=False)
    axes.set_title("Brackenford: spending on falls, reacting and preventing (synthetic data)")
    return figure


def falls_rate_chart(rates: pd.DataFrame) -> Any:
    """Bars of each ward's falls admission rate, highest first, marking the five highest-need wards.

    Takes the table from ``falls_rate_by_ward``.
    """
    from matplotlib.figure import Figure
    from matplotlib.patches import Patch

    ordered = rates.sort_values(RATE, ascending=False)
    high_need = set(rates[NEED].nlargest(len(rates) // 2).index)
    colours = [BLUE if ward in high_need else GREY for ward in ordered.index]
    figure = Figure(figsize=(7.5, 4.4))
    axes = figure.add_subplot()
    axes.barh(ordered.index, ordered[RATE], color=colours)
    axes.invert_yaxis()
    for y, (rate, need) in enumerate(zip(ordered[RATE], ordered[NEED], strict=True)):
        axes.text(rate + 0.4, y, f"{rate:.1f}  (need index {need:.1f})", va="center", fontsize=8)
    axes.set_xlim(0, math.ceil(ordered[RATE].max() / 10) * 10 + 28)
    axes.set_xlabel("Emergency admissions after a fall per 1,000 residents aged 65 and over")
    axes.legend(
        handles=[
            Patch(color=BLUE, label=f"The {len(high_need)} wards with most need"),
            Patch(color=GREY, label="The other wards"),
        ],
        loc="lower right",
        frameon=False,
    )
    year = next(c for c in rates.columns if c.startswith("Admissions after a fall, ")).rsplit(", ", 1)[1]
    axes.set_title(f"Brackenford: falls admissions by ward, {year} (synthetic data)")
    return figure


def describe_rates(rates: pd.DataFrame) -> dict[str, Any]:
    """The facts the lesson draws from ``falls_rate_by_ward``: highest and lowest rate, and the highest-need ward."""
    return {
        "highest_rate_ward": str(rates[RATE].idxmax()),
        "highest_rate": float(rates[RATE].max()),
        "lowest_rate_ward": str(rates[RATE].idxmin()),
        "lowest_rate": float(rates[RATE].min()),
        "highest_need_ward": str(rates[NEED].idxmax()),
        "correlation": round(float(rates[NEED].corr(rates[RATE])), 2),
    }


def readable(table: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``table`` for display: whole numbers with thousands separators ("14,501"),
    other numbers to one decimal place."""

    def column_text(column: pd.Series) -> pd.Series:
        if pd.api.types.is_integer_dtype(column):
            return column.map(lambda value: f"{int(value):,}")
        if pd.api.types.is_float_dtype(column):
            return column.map(lambda value: f"{value:,.1f}")
        return column

    return table.apply(column_text)


def money_table(table: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``table`` with every value written as pounds ("£1,910,800"), for display."""
    return table.apply(lambda column: column.map(lambda value: f"£{value:,.0f}"))


def format_pounds(value: float) -> str:
    """£1,910,800 → "£1.91 million"; £41,580 → "£41,580"."""
    if abs(value) >= 1_000_000:
        return f"£{value / 1_000_000:.2f} million"
    return f"£{value:,.0f}"


def highest_need_question(wards: pd.DataFrame) -> ChoiceKey:
    """Which ward has the most need? Options are every ward; feedback uses the data."""
    top = highest_need_ward(wards)
    ordered = wards.sort_values("ward_code")
    indexed = ordered.set_index(ordered["ward"].astype(str))
    feedback = {
        str(name): (
            f"Yes: {name} ranks first, with a need index of {row['need_index']:.1f}."
            if str(name) == top
            else f"Not this one: {name} ranks {int(row['need_rank'])} of {len(wards)}, with a need index "
            f"of {row['need_index']:.1f}."
        )
        for name, row in indexed.iterrows()
    }
    return ChoiceKey(options=feedback, answer=top)


def public_fact(facts: pd.DataFrame, fact_id: str) -> pd.Series:
    """One row of the ``public_facts`` dataset, by its ``fact_id``."""
    rows = facts[facts["fact_id"] == fact_id]
    if len(rows) != 1:
        raise KeyError(f"the public facts have no single row called '{fact_id}'")
    return rows.iloc[0]
