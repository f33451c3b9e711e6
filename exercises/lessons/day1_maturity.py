"""Day 1, page 2 (the maturity journey): milestones, the five problems, learning loops, the IfG table, asset-based stages.

Plain Python, pandas and matplotlib: nothing here imports ipywidgets.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import pandas as pd

from exercises.lessons.common import (
    BLUE,
    GREY,
    LIGHT,
    ORANGE,
)
from exercises.lessons.day1_report_figures import CONTRACT_YEARS, DAYS_PER_YEAR, DECADE_YEARS, OJEU_MONTHS

# --- 02 The maturity journey ------------------------------------------------------------


@dataclass(frozen=True)
class Milestone:
    """A dated idea in the history of commissioning, as the report tells it."""

    year: int
    label: str
    lines: tuple[int, int]


MILESTONES: tuple[Milestone, ...] = (
    Milestone(1979, "Compulsory Competitive Tendering begins", (692, 700)),
    Milestone(1997, "Best Value grows out of CCT", (704, 707)),
    Milestone(2010, "Institute for Government: three approaches (1.0, 2.0)", (853, 862)),
    Milestone(2012, "Commissioning Academy set up", (1417, 1421)),
    Milestone(2013, "Field and Oliver: 'Commissioning 1+' cycle", (1485, 1487)),
    Milestone(2017, "Field and Miller: asset-based (2.5 and 3.0)", (1059, 1064)),
    Milestone(2019, "PSTA report: commissioning as systems change", (1143, 1188)),
)
CCT_YEARS = (1979, 1997)  # Conservative governments' CCT period (S1, lines 697-700)


def milestones_chart() -> Any:
    """A timeline of the ideas the report dates, from CCT (1979) to systems change (2019)."""
    from matplotlib.figure import Figure

    figure = Figure(figsize=(9, 4.2))
    axes = figure.add_subplot()
    axes.axvspan(*CCT_YEARS, color=LIGHT, zorder=0)
    axes.text(
        sum(CCT_YEARS) / 2,
        len(MILESTONES) - 0.4,
        "Compulsory Competitive Tendering, 1979 to 1997",
        ha="center",
        va="center",
        fontsize=8,
        color=GREY,
    )
    for row, milestone in enumerate(MILESTONES):
        axes.plot(milestone.year, row, marker="o", color=BLUE, markersize=8)
        left = milestone.year > 2005
        axes.text(
            milestone.year + (-1 if left else 1),
            row,
            f"{milestone.year}: {milestone.label}",
            ha="right" if left else "left",
            va="center",
            fontsize=8.5,
        )
    axes.set_xlim(1975, 2022)
    axes.set_ylim(len(MILESTONES) - 0.1, -0.6)
    axes.set_yticks([])
    axes.set_xlabel("Year")
    for side in ("left", "right", "top"):
        axes.spines[side].set_visible(False)
    axes.set_title("From competitive tendering to systems change: ideas the report dates")
    return figure


FIVE_PROBLEMS: tuple[tuple[str, str, tuple[int, int]], ...] = (
    (
        "Analysis",
        "Starts from needs and deficits, uses 'cold data' taken out of people's lives, and takes so "
        "long that it is out of date when it is used.",
        (755, 765),
    ),
    (
        "Specification",
        "Assumes the answer is a service. With rising need and falling budgets it pushes towards "
        "simple, standard, long contracts.",
        (767, 775),
    ),
    (
        "Procurement",
        "Hard negotiation sets the two sides against each other, and the OJEU process can take up to "
        "15 months, so the analysis is older still.",
        (777, 782),
    ),
    (
        "Contract management",
        "There is rarely time for it; things drift, and contracts are extended when there is no time to retender.",
        (784, 789),
    ),
    ("Learning", "Often forgotten. At best, a big contract gives one chance to learn every seven years.", (791, 795)),
)


def five_problems_table() -> pd.DataFrame:
    """The five problems of the traditional commissioning cycle (PSTA 2019, S1, lines 753–798)."""
    rows = [(stage, problem) for stage, problem, _lines in FIVE_PROBLEMS]
    return pd.DataFrame(rows, columns=["Stage", "The problem"]).set_index("Stage")


# Labels of the learning-loops calculator's results. The chart reads them back.
TRADITIONAL_YEARS = "Traditional cycle: years between chances to learn"
TRADITIONAL_LOOPS = "Traditional cycle: learning loops per decade"
FAST_DAYS = "Fast cycle: days between chances to learn"
FAST_LOOPS = "Fast cycle: learning loops per decade"
TIMES_AS_MANY = "The fast cycle learns this many times as often"
ANALYSIS_AGE = "Age of the needs analysis when the contract ends (years)"


def learning_loops_per_decade(cycle_years: float) -> float:
    """How many times a cycle of ``cycle_years`` comes round in ten years."""
    if not cycle_years > 0:
        raise ValueError("a cycle must last longer than zero")
    return DECADE_YEARS / cycle_years


def compare_learning(
    procurement_months: float = OJEU_MONTHS.value,
    contract_years: float = CONTRACT_YEARS.value,
    fast_cycle_days: float = 100,
) -> dict[str, float]:
    """Compare how often a commissioner learns in a long contract cycle and a fast iterative one.

    The traditional cycle learns once per contract, at retender (PSTA 2019, S1, lines
    791–795); its needs analysis is already ``procurement_months`` old when the contract
    starts (lines 777–782). The fast cycle learns once per ``fast_cycle_days``: a
    test-and-learn loop (lines 597–600). Its length is an assumption; 100 days matches
    the course's 100-day plan. Raises ``ValueError`` with a plain message for figures
    that make no sense.
    """
    if procurement_months < 0:
        raise ValueError("the procurement cannot take less than no time")
    if not contract_years > 0 or not fast_cycle_days > 0:
        raise ValueError("each cycle must last longer than zero")
    traditional = learning_loops_per_decade(contract_years)
    fast = learning_loops_per_decade(fast_cycle_days / DAYS_PER_YEAR)
    return {
        TRADITIONAL_YEARS: float(contract_years),
        TRADITIONAL_LOOPS: round(traditional, 1),
        FAST_DAYS: float(fast_cycle_days),
        FAST_LOOPS: round(fast, 1),
        TIMES_AS_MANY: round(fast / traditional, 1),
        ANALYSIS_AGE: round(procurement_months / 12 + contract_years, 2),
    }


def learning_timeline(
    contract_years: float, fast_cycle_days: float, years: float = DECADE_YEARS, step_days: int = 7
) -> pd.DataFrame:
    """Completed learning loops of each cycle, week by week over ``years`` (for the chart)."""
    if not contract_years > 0 or not fast_cycle_days > 0:
        raise ValueError("each cycle must last longer than zero")
    days = pd.Series(range(0, int(years * DAYS_PER_YEAR) + 1, step_days), dtype="float64")
    return pd.DataFrame(
        {
            "year": days / DAYS_PER_YEAR,
            "traditional": (days // (contract_years * DAYS_PER_YEAR)).astype(int),
            "fast": (days // fast_cycle_days).astype(int),
        }
    )


def learning_chart(result: Mapping[str, float], figure: Any = None) -> Any:
    """Step chart of completed learning loops over a decade, from ``compare_learning``'s result.

    Given the figure it drew before, it moves that figure's lines (quicker in a calculator).
    """
    if figure is None:
        from matplotlib.figure import Figure

        figure = Figure(figsize=(7, 3.8))
        axes = figure.add_subplot()
        axes.step([], [], where="post", color=BLUE, linewidth=2, label=" ")
        axes.step([], [], where="post", color=ORANGE, linewidth=2.5, label=" ")
        axes.set_xlim(0, DECADE_YEARS)
        axes.set_xlabel("Years from the start")
        axes.set_ylabel("Chances to learn so far (count)")
        axes.legend(loc="upper left", frameon=False)
        axes.set_title("How often does a commissioner learn? Ten years of two cycles")
    axes = figure.axes[0]
    timeline = learning_timeline(result[TRADITIONAL_YEARS], result[FAST_DAYS])
    fast, traditional = axes.lines
    fast.set_data(timeline["year"], timeline["fast"])
    traditional.set_data(timeline["year"], timeline["traditional"])
    labels = (
        f"Fast cycle, every {result[FAST_DAYS]:g} days",
        f"Traditional cycle, every {result[TRADITIONAL_YEARS]:g} years",
    )
    for line, text, label in zip(axes.lines, axes.get_legend().get_texts(), labels, strict=True):
        line.set_label(label)
        text.set_text(label)
    top = max(1, int(timeline["fast"].max()), int(timeline["traditional"].max()))
    axes.set_ylim(-0.05 * top, top * 1.05)
    return figure


# The Institute for Government's three approaches (2010), as the report's table gives
# them (PSTA 2019, S1, lines 943-1008). The column labels were extracted after the
# bullets, so which column is which is inferred, and so is the pairing of rows. The
# first column ("public delivery vs outsourcing") has four items for six rows, so the
# lesson lists it separately.
MATURITY_ROWS: tuple[tuple[str, str, str, str], ...] = (
    # (aspect (our label), Commissioning 1.0, Commissioning 2.0, statement for the self-assessment)
    (
        "Outcomes",
        "Generic, binary outcomes",
        "Personalised outcomes related to need",
        "Outcomes are personal and need-led",
    ),
    (
        "Resources",
        "Siloed resources and protected budgets",
        "Shared resources and pooled budgets",
        "Resources are shared, budgets pooled",
    ),
    (
        "How we commission",
        "Competitive commissioning for cost reduction",
        "Collaborative commissioning for a range of values",
        "We commission together for many values",
    ),
    (
        "Focus",
        "Responsive focus on meeting targets",
        "Preventative focus on demand reduction",
        "Our focus is prevention",
    ),
    (
        "Production",
        "Production to the commissioner's priorities",
        "Co-production is the biggest element of the cycle",
        "Co-production is central to our cycle",
    ),
    ("Value", "User value not considered", "Co-creation of value", "We create value with service users"),
)
# Field and Miller's asset-based end of the journey (S1, lines 1070-1079, 1115-1122).
ASSET_BASED_STATEMENT = "Communities co-commission with us"
MATURITY_LEVELS = ("Not at all", "A little", "Partly", "Mostly", "Fully")


def ifg_table() -> pd.DataFrame:
    """Commissioning 1.0 and 2.0 side by side, row by row, with our label for each row."""
    rows = [(aspect, one, two) for aspect, one, two, _ in MATURITY_ROWS]
    return pd.DataFrame(rows, columns=["Aspect (our label)", "Commissioning 1.0", "Commissioning 2.0"]).set_index(
        "Aspect (our label)"
    )


def maturity_statements() -> list[str]:
    """The statements of the maturity self-assessment: one per IfG row, then the asset-based one."""
    return [row[3] for row in MATURITY_ROWS] + [ASSET_BASED_STATEMENT]


# Field and Miller's four stages (S1, lines 1088-1122): the order extracted, and the
# order of the progression as the course reads it.
ABC_STAGES_AS_EXTRACTED = ("Embryonic", "Asset-aware", "Outcome-focused", "Asset-based")
ABC_STAGES_IN_ORDER = ("Embryonic", "Outcome-focused", "Asset-aware", "Asset-based")
ABC_STAGE_TEXT = {
    "Embryonic": "A narrow set of outcomes met mainly by traditional services; each organisation manages its "
    "own assets in silos; people and communities are not meaningfully involved.",
    "Outcome-focused": "A wider, more sophisticated use of outcomes, built in; limited engagement with people, "
    "communities and suppliers; some joint work with other commissioners.",
    "Asset-aware": "A wide range of outcomes and fuller consultation; some co-production; volunteers and "
    "community assets 'bolted on' to existing services; organisations still decide.",
    "Asset-based": "Whole-life and community outcomes; self-help fully recognised; whole-system leadership and "
    "co-production; public resources used more to support people and communities than to "
    "provide services.",
}


def abc_stages_table() -> pd.DataFrame:
    """Field and Miller's stages in the course's order, with the position each has in the report's list."""
    rows = [
        (i, stage, ABC_STAGES_AS_EXTRACTED.index(stage) + 1, ABC_STAGE_TEXT[stage])
        for i, stage in enumerate(ABC_STAGES_IN_ORDER, start=1)
    ]
    return pd.DataFrame(
        rows, columns=["Step", "Stage", "Position in the report's list", "What it looks like"]
    ).set_index("Step")
