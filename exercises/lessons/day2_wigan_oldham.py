"""Day 2, page 2 (place-based working): Wigan's claims, the two readings of 59 per cent, Oldham's money.

Plain Python and pandas (and matplotlib for charts): nothing here imports ipywidgets.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import pandas as pd

from exercises.lessons.common import (
    BLUE,
    GREEN,
    GREY,
    ORANGE,
    RED,
    ChoiceKey,
)
from exercises.lessons.sources import (
    as_stated,
    money,
    value,
)

# --- 02 Place-based working: Wigan and Oldham --------------------------------------------------


def claims_table(facts: pd.DataFrame, case: str) -> pd.DataFrame:
    """Every figure the report gives for one case: what it measures, as stated, when, and its caveat."""
    rows = facts[facts["case"] == case]
    if rows.empty:
        raise ValueError(f"there are no figures for '{case}'")
    table = pd.DataFrame(
        {
            "What the report claims": rows["measure"].astype(str),
            "As stated": [as_stated(row) for _, row in rows.iterrows()],
            "When": rows["period"].astype(str),
            "What to check": rows["note"].fillna("").astype(str).replace("", "\u2014"),
        }
    )
    return table.set_index("What the report claims")


def claims_without_period(facts: pd.DataFrame, case: str) -> int:
    """How many of a case's figures come with no stated period ("not stated")."""
    rows = facts[facts["case"] == case]
    return int((rows["period"].astype(str) == "not stated").sum())


RELATIVE = "Relative: 59% more than before"
POINTS = "Percentage points: 59 points added"


def satisfaction_readings(increase: float, baselines: Sequence[float]) -> pd.DataFrame:
    """Satisfaction after an "increase of ``increase`` per cent", read two ways, for made-up starting points.

    A result above 100% cannot happen; it is shown as missing ("impossible").
    """
    rows = []
    for base in baselines:
        if not 0 <= base <= 100:
            raise ValueError("a starting share must be between 0% and 100%")
        relative = base * (1 + increase / 100)
        points = base + increase
        rows.append((float(base), relative if relative <= 100 else None, points if points <= 100 else None))
    table = pd.DataFrame(rows, columns=["Satisfied before (made up, %)", f"{RELATIVE} (%)", f"{POINTS} (%)"])
    return table.set_index("Satisfied before (made up, %)").astype("Float64").round(1)


def satisfaction_ceilings(increase: float) -> dict[str, float]:
    """The highest starting share each reading allows without passing 100%."""
    return {RELATIVE: round(100 / (1 + increase / 100), 1), POINTS: round(100 - increase, 1)}


def satisfaction_chart(increase: float) -> Any:
    """Two lines: satisfaction after the rise, read as relative or as points, for any starting share."""
    from matplotlib.figure import Figure

    ceilings = satisfaction_ceilings(increase)
    figure = Figure(figsize=(7.5, 4.6))
    axes = figure.add_subplot()
    axes.axhspan(100, 115, color="#fbe4e1", zorder=0)
    axes.text(50, 107.5, "Impossible: more than everyone", ha="center", va="center", fontsize=9, color=RED)
    start = [b / 2 for b in range(0, 201)]
    for name, colour, style, after in (
        (RELATIVE, BLUE, "-", lambda b: b * (1 + increase / 100)),
        (POINTS, ORANGE, "--", lambda b: b + increase),
    ):
        xs = [b for b in start if after(b) <= 100]
        axes.plot(xs, [after(b) for b in xs], color=colour, linestyle=style, linewidth=2.5, label=name)
        axes.plot([ceilings[name]] * 2, [0, 100], color=colour, linestyle=":", linewidth=1.2)
        axes.text(ceilings[name] + 1.5, 90, f"ends at\n{ceilings[name]:g}%", fontsize=8.5, color=colour)
    axes.plot([0, 100], [0, 100], color=GREY, linewidth=1, linestyle=":", label="No change")
    axes.set_xlim(0, 100)
    axes.set_ylim(0, 115)
    axes.set_yticks(range(0, 101, 20))
    axes.set_xlabel("Residents satisfied before (%; the report does not say)")
    axes.set_ylabel("Residents satisfied after (%)")
    axes.legend(loc="lower right", frameon=False, fontsize=9)
    axes.set_title(f"Wigan's '{increase:g} per cent increase in satisfaction': two readings")
    return figure


SATISFIED_BEFORE = 40  # a made-up starting share for the exercise (the report gives none)


def satisfaction_question(increase: float, before: float = SATISFIED_BEFORE) -> ChoiceKey:
    """If ``before`` per cent were satisfied, what share is satisfied after the "increase"? (Both readings.)"""
    relative, points = before * (1 + increase / 100), before + increase
    cannot = "We cannot tell from the report"
    return ChoiceKey(
        options={
            f"About {relative:.0f}%": f"That is {increase:g}% more than {before:g}%: one reading (a relative increase). The report does "
            "not say it is the one it means.",
            f"{points:g}%": f"That is {before:g}% plus {increase:g} percentage points: the other reading. The report does not "
            "say it is the one it means either"
            + (", and it would mean almost everyone is now satisfied." if points >= 90 else "."),
            cannot: f"Yes. 'A {increase:g} per cent increase' can mean two very different things, and without the "
            "survey and the years you cannot check either.",
            f"{increase:g}%": f"No: the report calls {increase:g} per cent an increase, not the share satisfied now.",
        },
        answer=cannot,
    )


@dataclass(frozen=True)
class OldhamMoney:
    """The Holts and Lees money figures, from ``case_study_facts``."""

    saving: float  # the "£3 million", read once or per year
    investment: float  # the "total partnership investment"
    site_years: float  # how long the site had run when the case was written

    @classmethod
    def from_facts(cls, facts: pd.DataFrame) -> OldhamMoney:
        headline, body = value(facts, "oldham_savings_headline"), value(facts, "oldham_savings_body")
        if headline != body:
            raise ValueError("the headline and body savings figures differ; the lesson reads one figure two ways")
        return cls(headline, value(facts, "oldham_investment"), value(facts, "oldham_site_years"))


def return_ratio(saving: float, investment: float) -> float:
    """Pounds saved for every £1 invested."""
    if not investment > 0:
        raise ValueError("the investment must be more than £0")
    return saving / investment


def payback_weeks(investment: float, saving_per_year: float) -> float:
    """Weeks until savings at ``saving_per_year`` match the investment (52 weeks to a year)."""
    if not saving_per_year > 0:
        raise ValueError("the yearly saving must be more than £0")
    return 52 * investment / saving_per_year


def oldham_readings(money_figures: OldhamMoney) -> pd.DataFrame:
    """The two readings of the saving, over the years the site had run: savings, net, return per £1."""
    saving, years = money_figures.saving, money_figures.site_years
    rows = [
        (f"Once: {money(saving)} in total", saving),
        (f"Every year: {money(saving)} a year, for the {years:g} years the site had run", saving * years),
    ]
    table = pd.DataFrame(
        [
            (
                label,
                counted,
                money_figures.investment,
                counted - money_figures.investment,
                return_ratio(counted, money_figures.investment),
            )
            for label, counted in rows
        ],
        columns=[
            "Reading",
            "Savings counted (£)",
            "Investment (£)",
            "Net saving (£)",
            "Saved for every £1 invested (£)",
        ],
    ).set_index("Reading")
    return table.round({"Saved for every £1 invested (£)": 2})


def oldham_chart(money_figures: OldhamMoney) -> Any:
    """Bars: the investment, and the savings counted under each reading (in £ millions)."""
    from matplotlib.figure import Figure

    table = oldham_readings(money_figures)
    labels = ["Investment"] + [f"Savings, read as\n'{r.split(':')[0].lower()}'" for r in table.index]
    amounts = [money_figures.investment, *list(table["Savings counted (£)"])]
    figure = Figure(figsize=(7.5, 3.6))
    axes = figure.add_subplot()
    bars = axes.barh(labels, [a / 1e6 for a in amounts], color=[GREY, BLUE, GREEN])
    axes.invert_yaxis()
    for bar, amount in zip(bars, amounts, strict=True):
        axes.text(bar.get_width() + 0.08, bar.get_y() + bar.get_height() / 2, money(amount), va="center", fontsize=9)
    axes.set_xlim(0, max(amounts) / 1e6 * 1.25)
    axes.set_xlabel(f"£ millions, over the {money_figures.site_years:g} years the site had run")
    axes.set_title("Holts and Lees: the investment, and two readings of the saving")
    return figure


OLDHAM_QUESTIONS = ChoiceKey(
    options={
        "What period does the £3 million cover: once, or every year?": "Yes: the headline gives no period; the body says 'per year'.",
        "Is the £350,000 a one-off cost, or spent every year?": "Yes: the report does not say.",
        "How was the saving estimated, and by whom?": "Yes: the report calls it 'an estimated' saving but does not say how it was worked out.",
        "What would have happened anyway, without the hub?": "Yes: some evictions and admissions would have been avoided anyway. Savings should count only "
        "the difference the hub made.",
        "Is it cash that leaves budgets, or costs avoided that would have been spent?": "Yes: avoided costs are real, but they do not free up cash unless a budget is changed.",
        "How many officers work in the hub team?": "Not this one: the team's size tells you what was put in, but nothing about whether the saving is real.",
        "Nothing: a council's own published figure can be used as it stands": "No: any organisation's figures deserve the same questions, especially in a case study written to "
        "share a success.",
    },
    answer=(
        "What period does the £3 million cover: once, or every year?",
        "Is the £350,000 a one-off cost, or spent every year?",
        "How was the saving estimated, and by whom?",
        "What would have happened anyway, without the hub?",
        "Is it cash that leaves budgets, or costs avoided that would have been spent?",
    ),
)
