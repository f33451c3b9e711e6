"""Day 2: co-production in practice, consultation law and the public sector equality duty.

Reference lists and answer keys for the page on co-production in practice. Plain
Python and pandas: nothing here imports ipywidgets.
"""

from __future__ import annotations

import pandas as pd

from exercises.lessons.common import ChoiceKey, SortKey

# SCIE's four principles of co-production, with what each means in practice (our words).
PRINCIPLES: tuple[tuple[str, str], ...] = (
    (
        "Equality",
        "Everyone has assets to bring; no group is more important. Meetings, papers and decisions are "
        "shared, not presented.",
    ),
    (
        "Diversity",
        "Seek out the people least often heard, including those the service fails, not only confident regulars.",
    ),
    ("Accessibility", "Times, places, formats and language that let people take part; pay expenses in advance."),
    (
        "Reciprocity",
        "People get something back for what they give: payment for their time, skills, credit and "
        "influence over what happens.",
    ),
)

# The Design Council's double diamond (2005; framework for innovation 2019).
DOUBLE_DIAMOND: tuple[tuple[str, str, str], ...] = (
    ("Discover", "Widen", "Understand the problem with the people who live it: interviews, observation, data."),
    ("Define", "Narrow", "Agree the problem worth solving, in their words: a short challenge statement."),
    ("Develop", "Widen", "Generate and test many possible answers together, cheaply."),
    ("Deliver", "Narrow", "Build the ones that work, test them at small scale, and learn."),
)

# The Gunning principles for lawful consultation (R v Brent LBC, ex parte Gunning, 1985),
# approved by the Supreme Court in R (Moseley) v Haringey LBC [2014] UKSC 56.
FORMATIVE = "1. At a formative stage"
REASONS = "2. Enough information and reasons"
TIME = "3. Adequate time"
CONSIDERED = "4. Conscientiously considered"
GUNNING: tuple[tuple[str, str], ...] = (
    (FORMATIVE, "Consult while proposals are still open: the decision must not already be made."),
    (
        REASONS,
        "Give enough information and reasons for people to understand the proposal and respond intelligently, "
        "including the options rejected where that matters.",
    ),
    (
        TIME,
        "Allow enough time to consider and respond (there is no fixed period; it depends on the subject and who is "
        "affected).",
    ),
    (CONSIDERED, "Take the responses conscientiously into account when the decision is made, and be able to show it."),
)

GUNNING_SORT = SortKey(
    categories=(FORMATIVE, REASONS, TIME, CONSIDERED),
    answers={
        "The contract for the new provider was signed the week before the consultation opened": FORMATIVE,
        "Residents are asked to 'comment on changes to day services', with no options, costs or reasons given": REASONS,
        "A consultation on closing three care homes runs for ten days over Christmas": TIME,
        "The cabinet report summarises 1,200 responses in one line and does not say how they changed anything": CONSIDERED,
    },
    feedback={
        "The contract for the new provider was signed the week before the consultation opened": "Not at a formative "
        "stage: the decision was made before people were asked.",
        "Residents are asked to 'comment on changes to day services', with no options, costs or reasons given": "Not "
        "enough information or reasons for an intelligent response. In Moseley, the Supreme Court found a consultation "
        "unlawful partly because it did not mention the alternatives.",
        "A consultation on closing three care homes runs for ten days over Christmas": "Not adequate time, given how "
        "much is at stake and who is affected.",
        "The cabinet report summarises 1,200 responses in one line and does not say how they changed anything": "Not "
        "shown to be conscientiously considered. Decision-makers must have the substance of the responses in front "
        "of them.",
    },
)

# The three aims of the public sector equality duty (Equality Act 2010, section 149(1)).
PSED_AIMS: tuple[str, ...] = (
    "eliminate discrimination, harassment and victimisation, and other conduct the Act prohibits;",
    "advance equality of opportunity between people who share a protected characteristic and those who do not;",
    "foster good relations between people who share a protected characteristic and those who do not.",
)
PROTECTED_CHARACTERISTICS: tuple[str, ...] = (
    "age",
    "disability",
    "gender reassignment",
    "marriage and civil partnership (for the first aim only)",
    "pregnancy and maternity",
    "race",
    "religion or belief",
    "sex",
    "sexual orientation",
)

EIA_RESPONSE = ChoiceKey(
    options={
        "Note the gap in the equality impact assessment and go ahead as planned": (
            "Not enough. 'Due regard' means the finding shapes the decision. Noting a gap and carrying on is the "
            "kind of tick-box the courts criticise."
        ),
        "Change how the programme is designed and consulted on so that the high-need wards shape it, and record why": (
            "Right. The duty is to have due regard to advancing equality of opportunity. Go to those wards (not only "
            "an online survey), involve older and disabled residents there in the design, check who takes up the "
            "service, and record how this changed the plan."
        ),
        "Drop the consultation, since residents in those wards do not think it makes a difference": (
            "No. Low confidence in being heard is a reason to consult better, not less; and where a statute or a "
            "past promise requires consultation, dropping it would be unlawful."
        ),
    },
    answer="Change how the programme is designed and consulted on so that the high-need wards shape it, and record why",
)


def principles_table() -> pd.DataFrame:
    """SCIE's four principles of co-production, with what each means in practice."""
    return pd.DataFrame(PRINCIPLES, columns=["Principle", "In practice"])


def double_diamond_table() -> pd.DataFrame:
    """The four stages of the double diamond, whether each widens or narrows, and what it does."""
    return pd.DataFrame(DOUBLE_DIAMOND, columns=["Stage", "Widen or narrow", "What you do"])


def gunning_table() -> pd.DataFrame:
    """The four Gunning principles, in our words."""
    return pd.DataFrame(GUNNING, columns=["Principle", "What it requires"])
