"""Day 2, page 1 (why councils turn to citizens): the GO Lab's trends, justifications, models, changes and open questions.

Plain Python and pandas (and matplotlib for charts): nothing here imports ipywidgets.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd

from exercises.lessons.common import (
    SortKey,
)
from exercises.lessons.sources import (
    value,
)

# --- 01 Why councils turn to citizens (GO Lab) -------------------------------------------

DRIVERS: tuple[tuple[str, str, tuple[int, int]], ...] = (
    (
        "The persistence of 'wicked problems'",
        "Problems with no clear link between cause and effect, such as homelessness, long-term unemployment "
        "and children falling behind at school, are not going away.",
        (2235, 2250),
    ),
    (
        "The 'move to privatise'",
        "From the 1980s governments turned to other organisations to run core public services, hoping market "
        "forces would make them better and cheaper.",
        (2264, 2277),
    ),
    (
        "The 'move to partner'",
        "So many organisations now deliver services that they need to 'pull in the same direction' towards "
        "outcomes they share.",
        (2277, 2283),
    ),
)


def drivers_table() -> pd.DataFrame:
    """The three trends behind collaboration (PSTA 2019, S3, lines 2227–2283)."""
    rows = [(name, text) for name, text, _lines in DRIVERS]
    return pd.DataFrame(rows, columns=["Trend", "What it means"]).set_index("Trend")


JUSTIFICATIONS: tuple[str, ...] = (
    "To share the money and the responsibility for services across organisations and sectors",
    "To give people in communities a bigger part in shaping and delivering the services that affect them",
    "To get better overall impact and value",
    "To make the public sector a better place to work",
)
JUSTIFICATIONS_LINES = (2285, 2302)

COLLABORATIVE_COUNCILS = "Collaborative councils"
COLLABORATIVE_MARKETS = "Collaborative markets"
AGENTS_OF_CHANGE = "Agents of change"
SYSTEM_CONNECTORS = "System connectors"


@dataclass(frozen=True)
class Model:
    """One of the GO Lab's four models of collaboration, with the projects it names."""

    name: str
    what: str
    examples: tuple[str, ...]
    lines: tuple[int, int]


MODELS: tuple[Model, ...] = (
    Model(
        COLLABORATIVE_COUNCILS,
        "Broad programmes of change in which a whole council tries to change how it, and the other local "
        "public agencies, work.",
        ("Oldham", "Wigan", "Wirral"),
        (2316, 2322),
    ),
    Model(
        COLLABORATIVE_MARKETS,
        "Change how local voluntary-sector providers relate to each other: from competing to collaborating.",
        ("Plymouth Alliance Contract", "Young People's Foundations"),
        (2324, 2329),
    ),
    Model(
        AGENTS_OF_CHANGE,
        "Sit outside the public sector and use that position to change it 'from the outside in'.",
        ("Ignite", "Golden Key"),
        (2331, 2335),
    ),
    Model(
        SYSTEM_CONNECTORS,
        "Join up the public and voluntary sectors by making more of resources that already exist, without "
        "uprooting existing relationships and structures.",
        ("West London Zone", "Doing the Right Thing"),
        (2337, 2343),
    ),
)
MODEL_NAMES: tuple[str, ...] = tuple(model.name for model in MODELS)


def models_table() -> pd.DataFrame:
    """The four models, what each does and the projects the article names for it."""
    rows = [(m.name, m.what, ", ".join(m.examples)) for m in MODELS]
    return pd.DataFrame(rows, columns=["Model", "What it does", "Projects named"]).set_index("Model")


def named_projects() -> tuple[str, ...]:
    """Every project the article names in its typology, in its order."""
    return tuple(project for model in MODELS for project in model.examples)


def projects_studied(facts: pd.DataFrame) -> int:
    """How many collaborations the GO Lab's report studied (from ``case_study_facts``)."""
    return int(value(facts, "golab_collaborations_studied"))


def unnamed_projects(facts: pd.DataFrame) -> int:
    """Studied but not named in the article's typology: the report says ten, names nine."""
    return projects_studied(facts) - len(named_projects())


def sort_key(categories: Sequence[str], rows: Sequence[tuple[str, str | tuple[str, ...], str]]) -> SortKey:
    """A sorting exercise's key from rows of (item, right category or categories, feedback)."""
    return SortKey(
        categories=tuple(categories),
        answers={item: answer for item, answer, _ in rows},
        feedback={item: text for item, _, text in rows},
    )


_MADE_UP = "(Brackenford, made up)"
COLLABORATION_MODELS = sort_key(
    MODEL_NAMES,
    (
        (
            "Oldham: the council and its partners agree one model for how every public service in the borough "
            "works with communities",
            COLLABORATIVE_COUNCILS,
            "A collaborative council: the GO Lab names Oldham as one. The Oldham Model is a borough-wide way of "
            "working, not a project.",
        ),
        (
            "Wigan: the whole council changes its culture and strikes a 'Deal' with its residents",
            COLLABORATIVE_COUNCILS,
            "A collaborative council: the GO Lab names Wigan as one. The Deal changed how the whole council works.",
        ),
        (
            f"Six charities that used to bid against each other for youth contracts agree to hold one contract "
            f"together and share referrals {_MADE_UP}",
            COLLABORATIVE_MARKETS,
            "A collaborative market: voluntary providers move from competing to collaborating, as in the Plymouth "
            "Alliance Contract the GO Lab names.",
        ),
        (
            f"Voluntary groups running older people's services plan their work together instead of competing for "
            f"the same small grants {_MADE_UP}",
            COLLABORATIVE_MARKETS,
            "A collaborative market: the change is in how providers relate to each other.",
        ),
        (
            f"An independent trust, outside the council, backs frontline workers to try new approaches and tells "
            f"leaders what gets in their way {_MADE_UP}",
            AGENTS_OF_CHANGE,
            "An agent of change: it works from outside the public sector to change it 'from the outside in'.",
        ),
        (
            f"A network led by people with lived experience of homelessness campaigns from outside to change how "
            f"services treat people {_MADE_UP}",
            AGENTS_OF_CHANGE,
            "An agent of change: its power comes from not being part of the system it wants to change.",
        ),
        (
            f"A charity places link workers in schools to connect children with support that already exists, "
            f"without changing who runs what {_MADE_UP}",
            SYSTEM_CONNECTORS,
            "A system connector: it links what already exists without uprooting structures, as the GO Lab says of "
            "West London Zone and Doing the Right Thing.",
        ),
        (
            f"The council rewrites every job description and service plan around working with communities {_MADE_UP}",
            COLLABORATIVE_COUNCILS,
            "A collaborative council: a change programme across the whole council.",
        ),
    ),
)

STEWARD, MEDIATOR, CATALYST = "Steward", "Mediator", "Catalyst"
LEADERSHIP_ROLES_TEXT: dict[str, str] = {
    STEWARD: "Listens to partners and builds a shared understanding of the issue.",
    MEDIATOR: "Negotiates differences of opinion and nurtures trust.",
    CATALYST: "Spots chances for new approaches and helps partners get moving on them.",
}
LEADERSHIP_LINES = (2357, 2371)

LEADERSHIP_ROLES = sort_key(
    (STEWARD, MEDIATOR, CATALYST),
    (
        (
            "Meets each partner one to one to hear how they see the problem, then writes a shared account that "
            "everyone agrees",
            STEWARD,
            "A steward listens and builds a shared understanding of the issue.",
        ),
        (
            "Keeps a record of what partners agree the problem is, so new people start from the same place",
            STEWARD,
            "A steward looks after the shared understanding over time.",
        ),
        (
            "Chairs a meeting where the housing team and a tenants' group work through a disagreement about evictions",
            MEDIATOR,
            "A mediator negotiates differences of opinion.",
        ),
        (
            "Rebuilds trust between two providers who fell out over an old contract",
            MEDIATOR,
            "A mediator nurtures the building of trust.",
        ),
        (
            "Notices that a new funding round could pay for a joint pilot, and gets three partners to bid together",
            CATALYST,
            "A catalyst spots an opportunity and mobilises partners.",
        ),
        (
            "Introduces the residents who run a community pantry to the hospital discharge team, to try something "
            "new together",
            CATALYST,
            "A catalyst brings people together around a new approach.",
        ),
    ),
)

FOUR_CHANGES: tuple[tuple[str, str, tuple[int, int]], ...] = (
    (
        "Leadership",
        "From decisions made through hierarchies to facilitating relationships: stewards, mediators and catalysts.",
        (2357, 2371),
    ),
    (
        "Culture",
        "Frontline staff get more power to decide, which brings risks for them, their managers and "
        "leaders. Saying early and clearly why things must change was essential.",
        (2373, 2382),
    ),
    (
        "Infrastructure",
        "New ways to capture and share data; sometimes working in the same building (helpful, "
        "but not always needed, nor enough); new kinds of meeting; sometimes shared IT.",
        (2383, 2393),
    ),
    (
        "Communities",
        "Residents as innovators with ideas 'we would never think of as bureaucrats'; community "
        "groups taking over libraries and pools (with risks to skills and equal access). The "
        "question changes from 'what can we do for you?' to 'what can we help you do for "
        "yourselves?'",
        (2394, 2409),
    ),
)


def four_changes_table() -> pd.DataFrame:
    """What changed where collaboration took hold (PSTA 2019, S3, lines 2357–2409)."""
    rows = [(area, change) for area, change, _lines in FOUR_CHANGES]
    return pd.DataFrame(rows, columns=["What changed", "What the GO Lab saw"]).set_index("What changed")


OPEN_QUESTIONS: tuple[str, ...] = (
    "Do regulations, statutory duties and the way powers are devolved stop us getting the full benefit of "
    "working collaboratively?",
    "Does collaboration give better value and impact than the way things are now, and must that be proved "
    "before politicians and policy makers are convinced?",
    "Can collaborative working survive setbacks, or a scandal?",
    "Can services keep their quality, and stay open to everyone, when frontline workers and community groups "
    "make the decisions?",
    "Is there a way of measuring that copes with complex issues, helps people learn and still holds people to account?",
    "What is the 'right way' to involve citizens in delivering their own public services?",
)
OPEN_QUESTIONS_LINES = (2488, 2526)
