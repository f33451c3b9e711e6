"""Day 4, procurement law as it stands: the Procurement Act 2023, the Provider Selection Regime, grants and
council-owned companies. Answer keys and tables for the page *Buying under today's rules*.

Plain Python and pandas; nothing imports ipywidgets. ``tests/test_day4_keys.py`` checks
the keys. The law is summarised in the course's words from legislation.gov.uk and the
Cabinet Office's and NHS England's guidance (cited on the page); it is not legal advice.
"""

from __future__ import annotations

import pandas as pd

from exercises.lessons.common import ChoiceKey, SortKey

ACT_IN_FORCE = "24 February 2025"
PSR_IN_FORCE = "1 January 2024"


def regimes_table() -> pd.DataFrame:
    """Which rules govern which kind of spending, in our words."""
    rows = [
        (
            "Procurement Act 2023 (in force 24 February 2025)",
            "Public contracts for goods, services and works by councils, central government and most "
            "public bodies in England, Wales and Northern Ireland",
            "Open procedure; competitive flexible procedure; direct award only on the grounds the Act "
            "lists; frameworks and dynamic markets",
        ),
        (
            "Light-touch contracts under the Act",
            "Services provided to people, such as social care and some education services, listed in the "
            "Procurement Regulations 2024, above £663,540 including VAT (health care arranged by NHS bodies "
            "and councils goes to the PSR)",
            "The same procedures with more freedom: no minimum time limits for tenders, no maximum "
            "framework term, no mandatory standstill, and a direct-award ground that lets the choice of "
            "provider follow the wishes of the person who will use the service ('user choice')",
        ),
        (
            "Provider Selection Regime (in force 1 January 2024)",
            "Health care services arranged by NHS bodies and by councils (for example public health "
            "services), including mixed contracts where health care is the main part",
            "Direct award processes A, B and C; the most suitable provider process; the competitive process",
        ),
        (
            "Grants",
            "Funding to achieve a purpose the funder supports, where the funder does not buy a service for "
            "itself with enforceable delivery obligations",
            "Grant rules and the funder's own governance (for central government, the grants functional "
            "standard); subsidy control may apply",
        ),
        (
            "Council-owned companies (the Teckal exemption)",
            "Contracts with a company the council controls, which carries out more than 80% of its activities "
            "for its controlling authorities; and contracts between public bodies cooperating on public "
            "services they share",
            "Exempted contract under Schedule 2 of the Act (vertical and horizontal arrangements); no "
            "competition needed",
        ),
    ]
    return pd.DataFrame(rows, columns=["Rules", "What they cover", "Routes they offer"])


#: The Act's thresholds (including VAT) for procurements started on or after 1 January 2026, for councils and
#: other sub-central authorities in England: the Procurement Act 2023 (Threshold Amounts) (Amendment)
#: Regulations 2025 (SI 2025/1200). Revised every two years; contracts regulated by the Welsh Ministers have
#: their own column.
THRESHOLDS_FROM_2026 = {
    "Goods and services (councils and other sub-central authorities)": (207_720, 214_904),
    "Works": (5_193_000, 5_372_609),
    "Light-touch services, such as most social care": (663_540, 663_540),
}
THRESHOLDS_IN_FORCE = "1 January 2026"


def thresholds_table() -> pd.DataFrame:
    """The Act's thresholds for a council, from 1 January 2026, beside those they replaced (both include VAT)."""
    rows = [(kind, now, before) for kind, (now, before) in THRESHOLDS_FROM_2026.items()]
    return pd.DataFrame(
        rows, columns=["Kind of contract", "Threshold from 1 January 2026 (£)", "Threshold until 31 December 2025 (£)"]
    ).set_index("Kind of contract")


_OPEN = "Open procedure (Procurement Act)"
_CFP = "Competitive flexible procedure (Procurement Act)"
_DIRECT = "Direct award with a transparency notice (Procurement Act)"
_PSR = "Provider Selection Regime"
_GRANT = "A grant, not a contract"
_TECKAL = "Exempt: a council-controlled company (Teckal)"

ROUTES_NOW = SortKey(
    categories=(_OPEN, _CFP, _DIRECT, _PSR, _GRANT, _TECKAL),
    answers={
        "An ICB and the council jointly arrange a community falls-response and rehabilitation service "
        "delivered by clinicians": _PSR,
        "The council buys replacement laptops for its staff to a standard specification": _OPEN,
        "The council wants a partner to co-design a new home-care model with residents, then deliver it, "
        "with negotiation between stages": _CFP,
        "After its provider collapses, the council must secure home care for 400 people this week": _DIRECT,
        "The council funds a residents' walking group to run its own strength-and-balance sessions, "
        "which it does not direct": _GRANT,
        "The council asks its wholly owned parks company, which works only for the council, to run a new "
        "outdoor exercise trail": _TECKAL,
    },
    feedback={
        "An ICB and the council jointly arrange a community falls-response and rehabilitation service "
        "delivered by clinicians": "Health care services arranged by NHS bodies or councils fall under the "
        "Provider Selection Regime, which since 1 January 2024 has replaced the procurement rules for them.",
        "The council buys replacement laptops for its staff to a standard specification": "A known answer and "
        "a standard product: a single-stage open procedure (or a framework) fits.",
        "The council wants a partner to co-design a new home-care model with residents, then deliver it, "
        "with negotiation between stages": "The competitive flexible procedure lets the council design stages, "
        "negotiate and refine. Under the old regulations this would have been competitive dialogue or an "
        "innovation partnership; social care is also a light-touch service, with extra freedom.",
        "After its provider collapses, the council must secure home care for 400 people this week": "Extreme "
        "urgency is one of the Act's grounds for direct award (Schedule 5), with a transparency notice "
        "published first. The Care Act also places a temporary duty on the council to meet needs when a "
        "provider fails.",
        "The council funds a residents' walking group to run its own strength-and-balance sessions, "
        "which it does not direct": "Funding a group to do what it has chosen to do, without buying a service "
        "for the council, is a grant. If the council specified and enforced delivery, it could become a "
        "contract.",
        "The council asks its wholly owned parks company, which works only for the council, to run a new "
        "outdoor exercise trail": "A contract with a company the council controls, carrying out more than 80% of "
        "its activities for its controlling authorities, is exempt (Schedule 2, vertical arrangements). Hounslow "
        "moved its parks into its own company, Greenspace 360, after Carillion collapsed.",
    },
)

REPLACED_PROCEDURES = ChoiceKey(
    options={
        "They are procedures of the Procurement Act 2023 that councils should now use for complex services.": "No. The Act has two competitive procedures: open and competitive flexible.",
        "They belonged to the Public Contracts Regulations 2015, which the Act replaced for procurements "
        "started from 24 February 2025; a council can design a similar process within the competitive "
        "flexible procedure.": "Right. Leicestershire used the 2015 regulations in 2018. Today a council "
        "would design comparable stages (dialogue, negotiation, partnership) within the competitive "
        "flexible procedure.",
        "They were abolished and nothing like them is allowed any more.": "No: the competitive flexible procedure is flexible enough to include dialogue and negotiation.",
        "They now apply only to NHS contracts.": "No: NHS health care services are arranged under the Provider "
        "Selection Regime, which has its own processes.",
    },
    answer="They belonged to the Public Contracts Regulations 2015, which the Act replaced for procurements "
    "started from 24 February 2025; a council can design a similar process within the competitive "
    "flexible procedure.",
)

PSR_PROCESSES = (
    ("Direct award process A", "The existing provider is the only one capable of providing the service."),
    (
        "Direct award process B",
        "Patients choose their provider and every provider meeting the requirements gets a contract.",
    ),
    ("Direct award process C", "The existing provider is doing well and the service is not changing considerably."),
    (
        "Most suitable provider process",
        "The commissioner can identify the most suitable provider without a competition.",
    ),
    ("Competitive process", "The commissioner runs a competition, judged on the key criteria."),
)

PSR_KEY_CRITERIA = (
    "quality and innovation",
    "value",
    "integration, collaboration and service sustainability",
    "improving access, reducing health inequalities and facilitating choice",
    "social value",
)


def psr_table() -> pd.DataFrame:
    """The Provider Selection Regime's five processes and when each applies, in our words."""
    return pd.DataFrame(PSR_PROCESSES, columns=["Process", "When it applies"])
