"""Day 2: place-based structures and pooled money (ICSs, Health and Wellbeing Boards, section 75, the BCF).

Reference tables and answer keys for the page on place-based structures, and the
history from Total Place to integrated care systems. Plain Python and pandas: nothing
here imports ipywidgets.
"""

from __future__ import annotations

import pandas as pd

from exercises.lessons.common import ChoiceKey, SortKey

# Who decides at place and system level in England (December 2026), with the legal basis.
STRUCTURES: tuple[tuple[str, str, str], ...] = (
    (
        "Integrated care board (ICB)",
        "NHS body that plans and buys most NHS services for its population; since 2025 expected to act as a "
        "'strategic commissioner', with running costs cut by about half and many ICBs clustering or merging.",
        "Health and Care Act 2022 (from 1 July 2022)",
    ),
    (
        "Integrated care partnership (ICP)",
        "Joint committee of the ICB and the upper-tier councils in its area; writes the integrated care strategy "
        "that the ICB and councils must have regard to.",
        "Health and Care Act 2022",
    ),
    (
        "Place-based partnership",
        "The ICB, council(s), NHS providers, primary care and the voluntary sector working together for one place, "
        "often a council's area. Arrangements vary: a committee, a lead provider or a partnership board.",
        "Local agreement; ICB functions can be delegated to committees",
    ),
    (
        "Health and Wellbeing Board (HWB)",
        "Council committee with the ICB, Healthwatch and others; owns the JSNA and the joint local health and "
        "wellbeing strategy, and signs off the Better Care Fund plan.",
        "Health and Social Care Act 2012, section 194",
    ),
    (
        "Section 75 agreement",
        "Legal agreement letting NHS bodies and councils pool budgets, delegate commissioning to one lead, or "
        "integrate provision, for health-related functions.",
        "National Health Service Act 2006, section 75",
    ),
    (
        "Better Care Fund (BCF)",
        "National programme requiring each area to pool a minimum NHS contribution with council funding (including "
        "the Disabled Facilities Grant) in a section 75 pooled fund, under a plan agreed by the HWB.",
        "Annual BCF framework (2026 to 2027) and NHS expenditure directions",
    ),
)

# The history of place-based budgeting, as a timeline (year, what, what it taught).
HISTORY: tuple[tuple[str, str, str], ...] = (
    (
        "2009 to 2010",
        "Total Place: 13 pilot areas mapped all public spending in a place",
        "Large sums flowed into each place through separate silos; joining them up looked cheaper and better.",
    ),
    (
        "2011 to 2013",
        "Community Budgets: first for families with complex needs, then four Whole-Place pilots "
        "(Cheshire West and Chester, Essex, Greater Manchester, and three west London boroughs)",
        "The pilots built business cases for joined-up services; the National Audit Office found them a promising "
        "model but the evidence of savings still to come.",
    ),
    (
        "2014",
        "Transformation Challenge Panel: Bolder, Braver and Better",
        "Called for local deals, a £5 billion transformation fund and a national academy for collaborative leaders.",
    ),
    (
        "2015 onwards",
        "Better Care Fund",
        "Pooling between the NHS and councils became a national requirement, through section 75.",
    ),
    (
        "2022",
        "Integrated care systems made statutory",
        "ICBs and ICPs in law; place-based partnerships inside them.",
    ),
)


def structures_table() -> pd.DataFrame:
    """Who decides at place and system level, what each does, and its legal basis."""
    return pd.DataFrame(STRUCTURES, columns=["Structure", "What it does", "Legal basis"])


def history_table() -> pd.DataFrame:
    """From Total Place to integrated care systems: when, what, and what it taught."""
    return pd.DataFrame(HISTORY, columns=["When", "What", "What it showed"])


POOLED = "Section 75 pooled fund"
LEAD = "Lead commissioning (section 75)"
ALIGNED = "Aligned budgets (no legal pooling)"
GRANT = "Grant to the voluntary sector"

MECHANISM_SORT = SortKey(
    categories=(POOLED, LEAD, ALIGNED, GRANT),
    answers={
        "The council and ICB put £4 million each into one fund for intermediate care, managed by the council": POOLED,
        "The ICB asks the council to commission all community equipment for both, using the ICB's money too": LEAD,
        "The council and ICB agree joint priorities for falls but keep and report their own budgets": ALIGNED,
        "The council funds a charity's strength-and-balance classes, with light-touch monitoring": GRANT,
    },
    feedback={
        "The council and ICB put £4 million each into one fund for intermediate care, managed by the council": "A "
        "pooled fund: one pot, a host partner, and an agreement on risk-sharing if it overspends. The Better Care Fund "
        "uses this route.",
        "The ICB asks the council to commission all community equipment for both, using the ICB's money too": "Lead "
        "commissioning: one partner commissions on behalf of both, under a section 75 agreement.",
        "The council and ICB agree joint priorities for falls but keep and report their own budgets": "Aligned budgets: "
        "quick and flexible, but each partner can still walk away, and no one can move money between them.",
        "The council funds a charity's strength-and-balance classes, with light-touch monitoring": "A grant: the "
        "charity proposes what to do; the council funds it without buying a specified service. Right for "
        "community-led work, and for keeping small providers in the market.",
    },
)

PANEL_VERDICT = ChoiceKey(
    options={
        "Most of the Panel's recommendations were carried out by 2019": (
            "No. Pollock and Flowers score the government 'three out of ten': the £5 billion fund was not adopted in "
            "2015 and little happened after the EU referendum."
        ),
        "Little was carried out nationally, but some places (Wigan, Plymouth, Essex) went ahead themselves": (
            "Right. Their verdict is that national interest faded while some places went ahead: Plymouth, with its "
            "£483 million integrated fund, made its progress 'under the radar', and Essex put the commissioning of its "
            "recovery services in the hands of a charity."
        ),
        "The Panel's ideas were abandoned as mistaken": (
            "No. The authors think the ideas still hold; what was missing was national leadership and patient funding."
        ),
    },
    answer="Little was carried out nationally, but some places (Wigan, Plymouth, Essex) went ahead themselves",
)
