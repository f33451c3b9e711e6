"""Day 5, asset-based community development in practice: the six assets, the three questions, and the tools.

Answer keys and tables for the page *Building on assets*. Plain Python and pandas;
nothing imports ipywidgets. ``tests/test_day5_keys.py`` checks them.

Sources: J. McKnight and C. Russell (2018), *The Four Essential Elements of an
Asset-Based Community Development Process*, ABCD Institute, DePaul University (the six
assets); C. Russell (2020), *Rekindling Democracy* (the three questions: what
communities can do alone, with help, and what only agencies can do); J. Kretzmann and
J. McKnight (1993), *Building Communities from the Inside Out*.
"""

from __future__ import annotations

import pandas as pd

from exercises.lessons.common import SortKey

# The six assets as McKnight and Russell (2018) name them, against the course's short
# names (used in the Brackenford asset register's asset_type column).
SIX_ASSETS: tuple[tuple[str, str, str], ...] = (
    (
        "individuals",
        "The contributions of residents",
        "The gifts, skills, knowledge and passions of the people who live there.",
    ),
    (
        "associations",
        "Associations",
        "Groups of people who come together unpaid: clubs, faith groups, Friends groups, residents' groups.",
    ),
    (
        "institutions",
        "Local institutions",
        "Public, voluntary and private organisations: schools, libraries, GP practices, the fire station.",
    ),
    ("physical", "Place", "The land and the built environment: parks, halls, allotments, towpaths."),
    ("economic", "Exchange", "The local economy: trading, employing, sharing and lending, paid and unpaid."),
    ("cultural", "Stories", "Culture and heritage: the stories a place tells about itself, its arts and history."),
)


def six_assets_table() -> pd.DataFrame:
    """The six assets: the course's short name, McKnight and Russell's name, and what each covers."""
    return pd.DataFrame(
        [(short.capitalize(), theirs, text) for short, theirs, text in SIX_ASSETS],
        columns=["Asset type (the course's register)", "In McKnight and Russell (2018)", "What it covers"],
    )


_ALONE = "What communities can do for themselves"
_HELP = "What communities can do with a little help"
_AGENCY = "What only agencies can do"

THREE_QUESTIONS = SortKey(
    categories=(_ALONE, _HELP, _AGENCY),
    answers={
        "Neighbours walking together twice a week, keeping each other active": _ALONE,
        "Checking on the older man next door who has stopped coming out": _ALONE,
        "A residents' group starting a chair-based exercise class, with a council grant for the hall and a "
        "physiotherapist's advice on safe exercises": _HELP,
        "A community group taking over the library's reading room on a community asset transfer": _HELP,
        "Hip fracture surgery": _AGENCY,
        "A medication review for someone taking ten medicines": _AGENCY,
        "Replacing a broken paving slab outside the health centre": _AGENCY,
    },
    feedback={
        "Neighbours walking together twice a week, keeping each other active": "Communities do this alone. "
        "The agency's job is not to take it over: at most, to notice it and not get in its way.",
        "Checking on the older man next door who has stopped coming out": "Neighbourliness: something no "
        "service can replace, and a professional visit can crowd out.",
        "A residents' group starting a chair-based exercise class, with a council grant for the hall and a "
        "physiotherapist's advice on safe exercises": "With a little help: the group leads; the agency "
        "provides what it cannot (a small grant, expert advice) and then steps back.",
        "A community group taking over the library's reading room on a community asset transfer": "With help: "
        "the council transfers the asset, and the group needs support with governance and running costs.",
        "Hip fracture surgery": "Only an agency can do this. Asset-based working does not mean asking "
        "communities to do what needs professionals.",
        "A medication review for someone taking ten medicines": "A professional task, and an important "
        "falls-prevention one: many medicines raise the risk of falling.",
        "Replacing a broken paving slab outside the health centre": "The council's job as highway authority. "
        "Residents can report it; they should not have to fix it.",
    },
)
