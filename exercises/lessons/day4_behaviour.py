"""Day 4, behaviour change beyond nudges: COM-B and the Behaviour Change Wheel, ethics and sludge.

Answer keys and tables for the page *Behavioural insight*. Plain Python and pandas;
nothing imports ipywidgets. ``tests/test_day4_keys.py`` checks the keys.

Source: S. Michie, M. M. van Stralen and R. West (2011), "The behaviour change wheel: a
new method for characterising and designing behaviour change interventions",
*Implementation Science* 6:42; sludge: R. H. Thaler (2018), "Nudge, not sludge",
*Science*, and C. R. Sunstein (2022), "Sludge audits", *Behavioural Public Policy*.
"""

from __future__ import annotations

import pandas as pd

from exercises.lessons.common import SortKey

COM_B = (
    ("Capability", "physical", "Having the strength, stamina or skill to do it."),
    ("Capability", "psychological", "Knowing how, understanding why, remembering to."),
    ("Opportunity", "physical", "Time, money, transport, a slot that fits, the form within reach."),
    ("Opportunity", "social", "What people around you do and expect; who invites you."),
    ("Motivation", "reflective", "Beliefs, plans and intentions: 'is this for people like me?'"),
    ("Motivation", "automatic", "Habits, emotions and impulses: fear of falling, embarrassment."),
)

INTERVENTION_FUNCTIONS = (
    "education",
    "persuasion",
    "incentivisation",
    "coercion",
    "training",
    "restriction",
    "environmental restructuring",
    "modelling",
    "enablement",
)


def com_b_table() -> pd.DataFrame:
    """The six parts of COM-B, with what each means for someone invited to a falls-prevention class."""
    return pd.DataFrame(COM_B, columns=["Component", "Kind", "What it means here (our words)"])


_CAP = "Capability"
_OPP = "Opportunity"
_MOT = "Motivation"

COM_B_SORT = SortKey(
    categories=(_CAP, _OPP, _MOT),
    answers={
        "'I can't get to the leisure centre: there's no bus on Tuesday mornings.'": _OPP,
        "'Classes like that are for people who are already frail. That's not me.'": _MOT,
        "'I didn't understand what a strength and balance assessment was.'": _CAP,
        "'None of my friends go to anything like that.'": _OPP,
        "'Since my fall I've been too frightened to try.'": _MOT,
        "'My knee won't let me stand for an hour.'": _CAP,
        "GPs do not refer patients after a fall: the referral form takes ten minutes to find and fill in.": _OPP,
        "Ward staff do not book home care before discharge: they were never shown how the new system works.": _CAP,
    },
    feedback={
        "'I can't get to the leisure centre: there's no bus on Tuesday mornings.'": "Physical opportunity: "
        "the environment. A better letter will not help; a venue or time that people can reach will.",
        "'Classes like that are for people who are already frail. That's not me.'": "Reflective motivation: "
        "beliefs about identity. Framing the class as for active people keeping strong may help.",
        "'I didn't understand what a strength and balance assessment was.'": "Psychological capability: "
        "knowledge. Plain words and a trusted explainer (a GP, a neighbour) fit.",
        "'None of my friends go to anything like that.'": "Social opportunity: norms and networks. "
        "Inviting friends together, or peer champions, as in Oldham.",
        "'Since my fall I've been too frightened to try.'": "Automatic motivation: fear of falling. A first "
        "session at home, or with someone they trust, may lower it.",
        "'My knee won't let me stand for an hour.'": "Physical capability. Seated options and a graded "
        "programme are the answer, not persuasion.",
        "GPs do not refer patients after a fall: the referral form takes ten minutes to find and fill in.": "Physical opportunity for professionals: the system makes the right action hard. Put the "
        "referral in the GP record system as one click (environmental restructuring).",
        "Ward staff do not book home care before discharge: they were never shown how the new system works.": "Psychological capability for professionals: training, not reminders or targets.",
    },
)
