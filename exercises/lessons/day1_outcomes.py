"""Day 1, page 3 (outcomes, not outputs): the results chain, personal and population outcomes, payment by results.

Plain Python, pandas and matplotlib: nothing here imports ipywidgets.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from exercises.lessons.common import (
    ACTIVITY,
    BLUE,
    GREY,
    LIGHT,
    ORANGE,
    OUTCOME,
    OUTPUT,
    RESOURCE,
    ChoiceKey,
    SortKey,
)

# --- 03 Outcomes, not outputs -------------------------------------------------------

RESULTS_CHAIN: dict[str, str] = {
    RESOURCE: "What you put in: money, staff, buildings, and the skills and time of residents and partners.",
    ACTIVITY: "What people do with the resources: the work itself.",
    OUTPUT: "What the work produces, usually counted: sessions run, places filled, checks completed.",
    OUTCOME: "The change in people's lives or in a place that the work is for.",
}


def results_chain_table() -> pd.DataFrame:
    """The four links of the results chain and what each means."""
    return pd.DataFrame(list(RESULTS_CHAIN.items()), columns=["Link in the chain", "What it means"]).set_index(
        "Link in the chain"
    )


OUTCOME_SORT = SortKey(
    categories=(RESOURCE, ACTIVITY, OUTPUT, OUTCOME),
    answers={
        "The budget for a strength and balance programme": RESOURCE,
        "Members of a walking group who offer to lead short walks": RESOURCE,
        "Running strength and balance classes in community centres": ACTIVITY,
        "Occupational therapists visiting homes to check for trip hazards": ACTIVITY,
        "The number of programme places filled this year": OUTPUT,
        "The number of home hazard checks completed": OUTPUT,
        "Leaflets about preventing falls delivered to every household": (ACTIVITY, OUTPUT),
        "Older people feel steadier on their feet and go out more": OUTCOME,
        "Fewer older people are admitted to hospital after a fall": OUTCOME,
    },
    feedback={
        "The budget for a strength and balance programme": "A resource (input): money is one of the resources, but only one.",
        "Members of a walking group who offer to lead short walks": "A resource (input): people's own time and skills are resources too, which is why the report "
        "asks for a much wider view of resources than budgets.",
        "Running strength and balance classes in community centres": "An activity: it is the work itself.",
        "Occupational therapists visiting homes to check for trip hazards": "An activity: the work that might, in time, prevent falls.",
        "The number of programme places filled this year": "An output: it counts what the service produced, not what changed for people.",
        "The number of home hazard checks completed": "An output: a count of work done. It tells you nothing yet about falls.",
        "Leaflets about preventing falls delivered to every household": "An activity or an output, both accepted: delivering leaflets is work, and the count of leaflets "
        "delivered is an output. Neither tells you whether anyone read them.",
        "Older people feel steadier on their feet and go out more": "An outcome: a change in people's lives, which only they can tell you about.",
        "Fewer older people are admitted to hospital after a fall": "An outcome: a change for the population, measured across the borough.",
    },
)

PERSONAL, POPULATION = "Personal outcome", "Population outcome"
PERSONAL_OR_POPULATION = SortKey(
    categories=(PERSONAL, POPULATION),
    answers={
        "Mrs Ahmed feels confident walking to the shops again after her fall": PERSONAL,
        "A carer gets a regular break that lets them keep their job": PERSONAL,
        "A young person leaving care has a settled home of their own": PERSONAL,
        "Fewer emergency admissions after a fall among residents aged 65 and over": POPULATION,
        "All people in Newcastle are healthy": POPULATION,
        "More residents say they feel they belong to their neighbourhood": POPULATION,
    },
    feedback={
        "Mrs Ahmed feels confident walking to the shops again after her fall": "Personal: it is one person's life, defined in her terms.",
        "A carer gets a regular break that lets them keep their job": "Personal: what matters to this carer, which may differ from what matters to the next one.",
        "A young person leaving care has a settled home of their own": "Personal: the young person is the best judge of whether their home is settled.",
        "Fewer emergency admissions after a fall among residents aged 65 and over": "Population: a rate for everyone in a place. No single service can be held to account for it.",
        "All people in Newcastle are healthy": "Population: the RSA's example of an ambitious outcome that galvanises action but can never be "
        "declared 'achieved'.",
        "More residents say they feel they belong to their neighbourhood": "Population: measured across a place, usually by a survey.",
    },
)

PAYMENT_BY_RESULTS = ChoiceKey(
    options={
        "Reducing reoffending across a region, where much of what drives reoffending is outside the provider's "
        "control": "Risky. A review of the Transforming Rehabilitation programme doubted that providers should carry "
        "full responsibility, as many factors that affect reoffending are outside probation's control "
        "(quoted in PSTA 2019, Move fast and fix things).",
        "A clearly defined group of people, a clear outcome that can be measured, and results that can be "
        "clearly put down to the provider's work": "Yes. This is when payment by results can work: a defined group, a well-defined outcome and results "
        "you can attribute (Government Outcomes Lab, feasibility guidance).",
        "A complex, changing problem where nobody yet knows what works": "Not a good fit. Paying only for results moves financial risk to providers, which a study quoted by "
        "the RSA found more likely to stifle innovation than to stimulate it.",
        "Any service whose outcomes can be counted": "Counting is not enough. The report says payment by results should be used 'selectively, carefully, "
        "and in strictly limited circumstances'.",
    },
    answer="A clearly defined group of people, a clear outcome that can be measured, and results that can be "
    "clearly put down to the provider's work",
)

RILO_RESOURCES = ("Finance", "Capital", "Workforce", "Markets", "Citizens", "Communities", "Assets", "etc.")
RILO_OUTCOMES = ("Community and place outcomes", "Citizen outcomes and experience")


def rilo_diagram() -> Any:
    """Resources, interventions, learning and outcomes (after PSTA 2019, S1, lines 917–941).

    The report's diagram lost its arrows in the text copy; this draws the four parts as a
    chain, with learning feeding back into the choice of interventions (our reading).
    """
    from matplotlib.figure import Figure
    from matplotlib.patches import FancyArrowPatch, FancyBboxPatch

    figure = Figure(figsize=(9, 3.8))
    axes = figure.add_subplot()
    axes.set_xlim(0, 10)
    axes.set_ylim(-0.6, 4.6)
    axes.axis("off")
    boxes = {
        "Resources": (0.1, "\n".join(RILO_RESOURCES[:4]) + "\n" + "\n".join(RILO_RESOURCES[4:])),
        "Interventions": (2.75, "what we try,\nmake, buy,\nborrow or\nencourage"),
        "Learning": (5.2, "what happened,\nand why;\nwhat to\nchange next"),
        "Outcomes": (7.65, "\n\n".join(o.replace(" and ", "\nand ", 1) for o in RILO_OUTCOMES)),
    }
    for title, (x, body) in boxes.items():
        axes.add_patch(
            FancyBboxPatch(
                (x, 0.5), 2.2, 3.3, boxstyle="round,pad=0.05", facecolor=LIGHT, edgecolor=BLUE, linewidth=1.5
            )
        )
        axes.text(x + 1.1, 3.55, title, ha="center", va="center", fontsize=11, fontweight="bold")
        axes.text(x + 1.1, 1.95, body, ha="center", va="center", fontsize=8.5)
    for x in (2.35, 4.8, 7.25):
        axes.add_patch(FancyArrowPatch((x, 2.1), (x + 0.35, 2.1), arrowstyle="-|>", mutation_scale=16, color=GREY))
    axes.add_patch(
        FancyArrowPatch(
            (6.3, 0.45),
            (3.85, 0.45),
            connectionstyle="arc3,rad=-0.35",
            arrowstyle="-|>",
            mutation_scale=14,
            color=ORANGE,
        )
    )
    axes.text(5.05, -0.45, "learning changes what we try next (our reading)", ha="center", fontsize=8, color=GREY)
    axes.text(0.1, 4.25, "\u2190 Need", fontsize=9, color=GREY)
    axes.text(9.9, 4.25, "Impact \u2192", fontsize=9, color=GREY, ha="right")
    axes.set_title("From resources to outcomes: the wider view of resources")
    return figure
