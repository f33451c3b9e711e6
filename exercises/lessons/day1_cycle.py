"""Day 1: the commissioning cycle as practice: stages, options, contract management and decommissioning.

Reference tables and answer keys for the page on the cycle in practice. The report's
critique of the cycle lives in ``day1.FIVE_PROBLEMS``; this module pairs each stage with
what good practice looks like now. Plain Python and pandas: nothing here imports ipywidgets.
"""

from __future__ import annotations

import pandas as pd

from exercises.lessons.common import ChoiceKey, SortKey

# The cycle's stages in practice: (stage, what good practice does, what the law or guidance says).
STAGES: tuple[tuple[str, str, str], ...] = (
    (
        "Needs assessment",
        "Start from the JSNA and outcomes data; add residents' and staff views (warm data) and the community's assets.",
        "JSNA duty on councils and ICBs through the Health and Wellbeing Board.",
    ),
    (
        "Market and supply analysis",
        "Map who provides what, at what cost and quality, with what capacity and fragility; publish a market "
        "position statement that tells providers what you will need.",
        "Care Act 2014, section 5: councils must promote a diverse, sustainable market in care and support.",
    ),
    (
        "Options appraisal",
        "Compare make, buy, grant, insource, partner and stop against outcomes, control, risk, cost, market "
        "effects and social value, before choosing a route.",
        "Green Book options appraisal for larger decisions; Social Value Act 2012 for services contracts.",
    ),
    (
        "Specification",
        "Specify outcomes and standards, not methods; leave room for providers to improve; say what data you "
        "need and why.",
        "Outcomes-based specifications are allowed under both procurement regimes.",
    ),
    (
        "Procurement or award",
        "Choose the procedure that fits: a competitive flexible procedure to design with bidders, a direct award "
        "where the rules allow, a grant where you fund a proposal rather than buy a service.",
        "Procurement Act 2023 (from 24 February 2025); Provider Selection Regime for NHS health care services "
        "(from 1 January 2024).",
    ),
    (
        "Contract and relationship management",
        "Agree a few measures that matter, meet regularly, share data both ways, solve problems together, and "
        "use the contract's change and break clauses deliberately.",
        "Procurement Act 2023: at least three key performance indicators for contracts over £5 million, assessed "
        "and published at least yearly.",
    ),
    (
        "Review and evaluation",
        "Decide at the start how you will know whether it worked (Day 3), and review on a fixed rhythm, not only "
        "at the end of the contract.",
        "Best value duty (Local Government Act 1999) for councils.",
    ),
    (
        "Decommissioning",
        "Stop or change what does not work, planned with the people who use it: evidence, equality impact, "
        "consultation, notice, a transition plan for each person, provider exit and learning.",
        "Public sector equality duty; consultation law (Gunning); the contract's notice terms; TUPE where staff move.",
    ),
)

MAKE, BUY, GRANT, INSOURCE, PARTNER, STOP = "Make", "Buy", "Grant", "Insource", "Partner", "Stop"

# The options (option, what it is, when it fits, watch out for).
OPTIONS: tuple[tuple[str, str, str, str], ...] = (
    (
        MAKE,
        "Provide the service in-house.",
        "Core statutory duties; you need close control; no market.",
        "No comparison to keep it sharp; hard to change.",
    ),
    (
        BUY,
        "Procure a specified service under a contract.",
        "The service can be specified and a market exists.",
        "A tight specification locks in today's answer; thin markets; cost of procuring.",
    ),
    (
        GRANT,
        "Fund an organisation's own proposal.",
        "Community-led or new ideas; small and voluntary providers.",
        "Less control; a 'grant' that buys a specified service may in law be a contract.",
    ),
    (
        INSOURCE,
        "Bring an outsourced service back in-house.",
        "A failing contract or provider; strategic control.",
        "Staff transfer (TUPE), pensions, capability and one-off costs.",
    ),
    (
        PARTNER,
        "Share the work and risk with other bodies: an alliance, a joint venture, a section 75 agreement.",
        "Problems no one body can solve; shared outcomes.",
        "Governance and accountability take time to build.",
    ),
    (
        STOP,
        "Decommission: end or change a service.",
        "No evidence of benefit; need has changed; a better option.",
        "People mid-service; provider viability; consultation and equality duties.",
    ),
)

OPTION_SORT = SortKey(
    categories=(MAKE, BUY, GRANT, INSOURCE, PARTNER, STOP),
    answers={
        "A residents' group proposes a volunteer 'falls buddies' scheme and asks for £20,000": GRANT,
        "Home care across the borough, specified by outcomes, from a market of 30 providers": BUY,
        "The outsourced reablement provider has failed two inspections and wants to exit early": INSOURCE,
        "The council, the ICB and the fire service agree to share one falls-response team and its budget": PARTNER,
        "Statutory safeguarding assessments, which the council must make itself": MAKE,
        "A leaflet drop that two evaluations found made no difference to falls": STOP,
    },
    feedback={
        "A residents' group proposes a volunteer 'falls buddies' scheme and asks for £20,000": "Grant: the group "
        "proposes and runs it; you fund it, with light-touch reporting.",
        "Home care across the borough, specified by outcomes, from a market of 30 providers": "Buy: a market exists "
        "and the service can be specified (by outcomes, not minutes).",
        "The outsourced reablement provider has failed two inspections and wants to exit early": "Insource, or "
        "re-procure: bringing it in-house gives control while you rebuild; plan for staff transfer (TUPE).",
        "The council, the ICB and the fire service agree to share one falls-response team and its budget": "Partner: "
        "shared outcomes and a shared budget, for example under a section 75 agreement with the NHS.",
        "Statutory safeguarding assessments, which the council must make itself": "Make: some decisions the law "
        "reserves to the council.",
        "A leaflet drop that two evaluations found made no difference to falls": "Stop: decommission it, and move "
        "the money to something with evidence behind it.",
    },
)

DECOMMISSION_FIRST = ChoiceKey(
    options={
        "Evidence that the service is not achieving the outcomes, or that need has changed": (
            "Yes. Without it the decision will not survive challenge, and you cannot say what replaces it."
        ),
        "An equality impact assessment of the people who use it now": (
            "Yes. The public sector equality duty applies to decommissioning, often more sharply than to "
            "commissioning, because the people affected are known."
        ),
        "A transition plan for each person using the service": (
            "Yes. People mid-support must not fall through the gap between the old service and the new."
        ),
        "The provider's agreement to end the contract": (
            "No. You need to follow the contract's notice or break terms, not the provider's consent. Talking early "
            "and honestly with the provider still helps."
        ),
        "A replacement service already signed": (
            "Not always. Sometimes the right answer is to stop, or to let the money follow people into something "
            "else. But say what will happen for the people affected."
        ),
    },
    answer=(
        "Evidence that the service is not achieving the outcomes, or that need has changed",
        "An equality impact assessment of the people who use it now",
        "A transition plan for each person using the service",
    ),
)


def stages_table() -> pd.DataFrame:
    """The cycle's stages in practice, with what the law or guidance says about each."""
    return pd.DataFrame(STAGES, columns=["Stage", "Good practice now", "Law or guidance"])


def options_table() -> pd.DataFrame:
    """The options for how a need is met: what each is, when it fits, and what to watch for."""
    return pd.DataFrame(OPTIONS, columns=["Option", "What it is", "When it fits", "Watch out for"])
