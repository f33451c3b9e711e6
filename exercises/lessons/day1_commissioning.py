"""Day 1, page 1 (what commissioning is): the four ways, commissioning or procurement, the four questions.

Plain Python and pandas: nothing here imports ipywidgets.
"""

from __future__ import annotations

import pandas as pd

from exercises.lessons.common import (
    ChoiceKey,
    SortKey,
)

# --- 01 What commissioning is ----------------------------------------------------------

FOUR_WAYS: tuple[tuple[str, str], ...] = (
    (
        "A systems approach",
        "Understand the whole system you are part of, and your place in it, then change it so it produces "
        "better outcomes.",
    ),
    (
        "A method",
        "Some version of 'understand, plan, do, review'. It can be a slow cycle or a fast one led by design "
        "and prototypes. You state how you think things work and predict what a change will do, so you can "
        "learn when you are surprised.",
    ),
    (
        "A learning mindset",
        "Keep learning from everyone: the current state of things, citizens, communities, providers, the "
        "market, your own organisation and new technology.",
    ),
    (
        "An identity",
        "Who a commissioner is. The authors prefer 'conductor' to 'architect' or 'systems convenor': not a "
        "maestro on a stage, but someone in a noisy warehouse helping every band find how it can be useful.",
    ),
)


def four_ways_table() -> pd.DataFrame:
    """The four ways of thinking about commissioning (PSTA 2019, S1, lines 571–670)."""
    return pd.DataFrame(FOUR_WAYS, columns=["Commissioning as...", "What it means"]).set_index("Commissioning as...")


_CP_COMMISSIONING = "Commissioning: working towards the outcome"
_CP_PROCUREMENT = "Procurement: buying a service"

COMMISSIONING_OR_PROCUREMENT = SortKey(
    categories=(_CP_COMMISSIONING, _CP_PROCUREMENT),
    answers={
        "Writing a specification for a street-cleaning contract": _CP_PROCUREMENT,
        "Scoring bids and agreeing a price per street swept": _CP_PROCUREMENT,
        "Deciding where bins go and when they are emptied": _CP_COMMISSIONING,
        "Asking planners whether new buildings will funnel litter into wind alleys": _CP_COMMISSIONING,
        "Helping a residents' group stop litter being dropped in the first place": _CP_COMMISSIONING,
        "Checking whether the contractor swept every street on the schedule": _CP_PROCUREMENT,
        "Asking residents whether their streets feel cleaner, and changing the plan": _CP_COMMISSIONING,
    },
    feedback={
        "Writing a specification for a street-cleaning contract": "Procurement: it turns what you want into a form that can go in a contract. Useful, but it "
        "assumes the answer is a service you buy.",
        "Scoring bids and agreeing a price per street swept": "Procurement: choosing a supplier and a price for a service you have already decided to buy.",
        "Deciding where bins go and when they are emptied": "Commissioning: Dr Carolyn Wilkins names bin positions and collection times as part of "
        "commissioning for clean streets.",
        "Asking planners whether new buildings will funnel litter into wind alleys": "Commissioning: the shape of the place is a lever too, and no cleaning contract controls it.",
        "Helping a residents' group stop litter being dropped in the first place": "Commissioning: the community's own efforts are a resource, and prevention beats clearing up.",
        "Checking whether the contractor swept every street on the schedule": "Procurement, or contract management: it checks the contract was delivered, not whether the "
        "streets are clean.",
        "Asking residents whether their streets feel cleaner, and changing the plan": "Commissioning: it looks at the outcome, learns and adapts.",
    },
)

CONDUCTOR = ChoiceKey(
    options={
        "An architect who designs the system": "The authors say 'architect' springs to mind but is 'a bit commissioner-centric': it puts "
        "the commissioner at the centre.",
        "A systems convenor who brings everyone to the table": "Close, but the authors find 'system(s) convenor' commissioner-centric too.",
        "A conductor wandering a noisy warehouse, helping each band be useful": "Yes. Not a maestro in front of an audience, and not someone forcing everyone into one "
        "choir, but someone who helps each group see how it can be useful.",
        "A buyer who gets the best price from the market": "That is the procurement view of the role, which the authors want commissioners to move beyond.",
    },
    answer="A conductor wandering a noisy warehouse, helping each band be useful",
)
