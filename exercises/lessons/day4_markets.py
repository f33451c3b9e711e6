"""Day 4, shaping and managing the market: Care Act duties, provider failure, and managing contracts.

Answer keys and tables for the page *Shaping and managing the market*. Plain Python and
pandas; nothing imports ipywidgets. ``tests/test_day4_keys.py`` checks the keys. The
duties are summarised in the course's words from the Care Act 2014 and its statutory
guidance, the Procurement Act 2023 and the Care Quality Commission (cited on the page).
"""

from __future__ import annotations

import pandas as pd

from exercises.lessons.common import SortKey


def care_act_duties_table() -> pd.DataFrame:
    """The Care Act 2014's market duties, in our words."""
    rows = [
        (
            "Section 5",
            "Promote an efficient and effective market of care and support: diverse, high-quality, "
            "sustainable, with enough choice for the people who need it, whoever pays.",
        ),
        (
            "Sections 48 to 52",
            "If a registered care provider cannot carry on because of business failure, the council must "
            "meet the needs of the people it was supporting for as long as it considers necessary, whoever "
            "was paying for their care.",
        ),
        (
            "Sections 53 to 57",
            "The Care Quality Commission oversees the finances of providers that would be hard to replace; "
            "if one is likely to fail, it tells the councils that will need to act.",
        ),
    ]
    return pd.DataFrame(rows, columns=["Care Act 2014", "What it requires"])


_SHAPE = "Shaping the market"
_MANAGE = "Managing the contract and the relationship"
_FAIL = "Preparing for provider failure"

MARKET_WORK = SortKey(
    categories=(_SHAPE, _MANAGE, _FAIL),
    answers={
        "Publish a market position statement saying what care the borough will need in five years": _SHAPE,
        "Work out, with providers, what a home-care hour really costs, including travel time and pay": _SHAPE,
        "Run a quarterly providers' forum on recruitment and retention of care workers": _SHAPE,
        "Agree three key performance indicators with the falls service and chart them monthly": _MANAGE,
        "Review the provider's costs together under open-book terms before agreeing a price uplift": _MANAGE,
        "Share what quality visits find with the Care Quality Commission, and read its inspection reports": _MANAGE,
        "Keep a list of which providers could take on a failing provider's care hours, and how fast": _FAIL,
        "Act on a Care Quality Commission warning that a large provider is likely to fail": _FAIL,
    },
    feedback={
        "Publish a market position statement saying what care the borough will need in five years": "A market "
        "position statement is the council's main tool for telling providers, current and future, what it "
        "will need: part of the section 5 duty.",
        "Work out, with providers, what a home-care hour really costs, including travel time and pay": "Cost "
        "of care exercises, such as those councils ran for the 2022-23 fair cost of care fund, underpin "
        "prices that keep a market sustainable.",
        "Run a quarterly providers' forum on recruitment and retention of care workers": "The workforce is the "
        "market in care: shaping it together with providers is market shaping.",
        "Agree three key performance indicators with the falls service and chart them monthly": "Managing the "
        "contract: a few measures that matter, shown over time (Day 5 shows how), not a single month's RAG.",
        "Review the provider's costs together under open-book terms before agreeing a price uplift": "Open-book "
        "working is contract and relationship management: both sides see the same numbers.",
        "Share what quality visits find with the Care Quality Commission, and read its inspection reports": "Quality monitoring is shared with the regulator: the council commissions, the CQC registers, "
        "inspects and rates.",
        "Keep a list of which providers could take on a failing provider's care hours, and how fast": "Contingency planning for failure: the council's temporary duty under section 48 means it must "
        "be ready.",
        "Act on a Care Quality Commission warning that a large provider is likely to fail": "The market "
        "oversight scheme (sections 53 to 57) exists to give councils this warning.",
    },
)
