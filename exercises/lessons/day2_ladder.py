"""Day 2, page 3 (sharing power): the ladder of co-production and where the report's cases sit on it.

Plain Python and pandas (and matplotlib for charts): nothing here imports ipywidgets.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import pandas as pd

from exercises.lessons.common import (
    BLUE,
    GREY,
    SortKey,
)
from exercises.lessons.day2_text import wrap_label
from exercises.lessons.sources import (
    C1,
    C3,
    C6,
    C8,
    C9,
    S5,
    S6,
    cite,
)

# --- 03 Sharing power: the ladder of co-production ---------------------------------------------

DOING_TO, DOING_FOR, DOING_WITH = "Doing to", "Doing for", "Doing with"
LADDER_SOURCE = (
    "Think Local Act Personal and the National Co-production Advisory Group, *Ladder of "
    "co-production* (after Sherry Arnstein's 1969 ladder of citizen participation), "
    "https://www.thinklocalactpersonal.org.uk/Latest/Co-production-The-ladder-of-co-production/; "
    "step definitions as used by Norfolk County Council, "
    "https://www.norfolk.gov.uk/article/39266/What-do-we-mean-by-co-production"
)


@dataclass(frozen=True)
class Step:
    """One rung of the ladder of co-production, in our words."""

    number: int
    name: str
    group: str
    meaning: str


LADDER: tuple[Step, ...] = (
    Step(1, "Coercion", DOING_TO, "People attend as passive recipients; their views are not sought or used."),
    Step(2, "Educating", DOING_TO, "Services help people understand how they are designed and run."),
    Step(3, "Informing", DOING_FOR, "People are told what is happening and what has been decided, and why."),
    Step(
        4,
        "Consultation",
        DOING_FOR,
        "People are asked for their views, through surveys or meetings, but may have no power to change anything.",
    ),
    Step(
        5,
        "Engagement",
        DOING_FOR,
        "People have more chances to give views and may influence some decisions, as far as those in charge allow.",
    ),
    Step(
        6,
        "Co-design",
        DOING_WITH,
        "People help design services from their experience and ideas, with real "
        "influence, but are not involved in seeing it through.",
    ),
    Step(
        7,
        "Co-production",
        DOING_WITH,
        "People who use services and people who run them work as equals, "
        "sharing power and decisions from design to delivery.",
    ),
)
STEP_NAMES: tuple[str, ...] = tuple(step.name for step in LADDER)
GROUPS: tuple[str, ...] = (DOING_TO, DOING_FOR, DOING_WITH)


def step(name: str) -> Step:
    """A rung of the ladder by name."""
    for rung in LADDER:
        if rung.name == name:
            return rung
    raise KeyError(f"the ladder has no step called '{name}'")


def ladder_table() -> pd.DataFrame:
    """The seven steps, top first as the ladder is drawn: step, group, what it means."""
    rows = [(s.number, s.name, s.group, s.meaning) for s in reversed(LADDER)]
    return pd.DataFrame(rows, columns=["Step", "Name", "Group", "What it means"]).set_index("Step")


@dataclass(frozen=True)
class LadderCase:
    """Where a case sits on the ladder, in the course's reading: the lowest and highest steps that fit."""

    case: str
    evidence: str
    low: str
    high: str
    citation: str

    @property
    def steps(self) -> tuple[int, int]:
        return step(self.low).number, step(self.high).number

    @property
    def groups(self) -> tuple[str, ...]:
        """Every group (doing to, for, with) the case's range touches."""
        low, high = self.steps
        return tuple(dict.fromkeys(s.group for s in LADDER if low <= s.number <= high))


LADDER_CASES: tuple[LadderCase, ...] = (
    LadderCase(
        "Essex Recovery Foundation",
        "A charity set up by the county council commissions its drug and alcohol recovery services. Its "
        "board includes someone in recovery and its advisory body is made up entirely of people in "
        "recovery.",
        "Co-production",
        "Co-production",
        cite(S6, (3992, 4016)),
    ),
    LadderCase(
        "Suffolk Libraries",
        "Each library's Friends group is an official member of the society and votes at its AGM on key "
        "decisions; the groups raise funds and help extend opening hours.",
        "Co-design",
        "Co-production",
        cite(C9, (9116, 9139)),
    ),
    LadderCase(
        "Storyhouse, Chester",
        "Much of the activity is created by local people and volunteers: a programme 'defined as much "
        "as possible by the local people themselves'. Staff wish they had gone further.",
        "Co-design",
        "Co-production",
        cite(C6, (8031, 8043)),
    ),
    LadderCase(
        "Oldham, Holts and Lees",
        "The hub holds continuing conversations with residents; support is co-designed on what matters "
        "to them; residents run a pantry, a parade and peer networks.",
        "Co-design",
        "Co-production",
        cite(C1, (5437, 5478)),
    ),
    LadderCase(
        "Wigan Deal",
        "Community groups replaced council day centres, funded by the council; residents back the "
        "Deal's principles. The article says little about how residents shaped decisions.",
        "Engagement",
        "Co-production",
        cite(S5, (3379, 3406)),
    ),
    LadderCase(
        "Hounslow parks",
        "A community working group with the Friends of parks groups discussed issues and encouraged "
        "co-design during the transfer; the groups now act as a check on the council's company.",
        "Engagement",
        "Co-design",
        cite(C8, (8642, 8756)),
    ),
    LadderCase(
        "Good Thinking (London)",
        "Designers interviewed people at home and built personas, such as Christina and Martin, to "
        "design the service. People's experience shaped it, but they did not design it.",
        "Consultation",
        "Engagement",
        cite(C3, (6523, 6577)),
    ),
    LadderCase(
        "Brackenford resident survey (made up)",
        "Residents answer set questions; the council decides what to do with the answers.",
        "Consultation",
        "Consultation",
        "Synthetic Brackenford data",
    ),
)


def _reader_citation(text: str) -> str:
    """A citation as a reader sees it: no line numbers of the course's text copy of the report."""
    return re.sub(r",?\s*lines?\s+\d+\s*[\u2013-]\s*\d+", "", text)


def ladder_cases_table() -> pd.DataFrame:
    """Each case with its lowest and highest fitting step (the course's reading)."""
    rows = [
        (c.case, c.evidence, c.low if c.low == c.high else f"{c.low} to {c.high}", _reader_citation(c.citation))
        for c in LADDER_CASES
    ]
    return pd.DataFrame(rows, columns=["Case", "What happened", "Where it sits (our reading)", "Source"]).set_index(
        "Case"
    )


def ladder_chart(cases: Sequence[LadderCase] = LADDER_CASES) -> Any:
    """The ladder across the page, with each case drawn as a bar from its lowest to its highest step."""
    from matplotlib.figure import Figure

    shades = {DOING_TO: "#f3f2f1", DOING_FOR: "#e8f1f8", DOING_WITH: "#e5f3ea"}
    figure = Figure(figsize=(8, 0.5 * len(cases) + 2.4))
    axes = figure.add_subplot()
    for group in GROUPS:
        numbers = [s.number for s in LADDER if s.group == group]
        axes.axvspan(min(numbers) - 0.5, max(numbers) + 0.5, color=shades[group], zorder=0)
        axes.text(
            (min(numbers) + max(numbers)) / 2, -0.9, group, ha="center", fontsize=10, fontweight="bold", color=GREY
        )
    for row, case in enumerate(cases):
        low, high = case.steps
        axes.plot([low, high], [row, row], color=BLUE, linewidth=7, solid_capstyle="round")
        axes.plot([low, high], [row, row], "o", color=BLUE, markersize=9)
    axes.set_yticks(range(len(cases)), [wrap_label(c.case, 26) for c in cases], fontsize=9.5)
    axes.set_xticks([s.number for s in LADDER], [f"{s.number}\n{s.name}" for s in LADDER], fontsize=9)
    axes.set_xlim(0.5, len(LADDER) + 0.5)
    axes.set_ylim(len(cases) - 0.4, -1.4)
    axes.set_xlabel("Step on the ladder of co-production (1 = least power shared, 7 = most)")
    axes.set_title("Where the report's cases sit on the ladder of co-production (our reading)")
    return figure


def _ladder_sort() -> SortKey:
    made_up = {
        "People must attend a talk about a new waste service the council has already chosen (made up)": (
            DOING_TO,
            "Doing to: coercion or educating. People are told; their views play no part.",
        ),
        "A newsletter tells residents about a new service and why it was chosen (made up)": (
            DOING_FOR,
            "Doing for: informing. Useful, but people have no say.",
        ),
    }
    answers: dict[str, Any] = {item: group for item, (group, _) in made_up.items()}
    feedback = {item: text for item, (_, text) in made_up.items()}
    for case in LADDER_CASES:
        if case.case == "Wigan Deal":  # its range spans two groups on thin evidence: discussed, not sorted
            continue
        groups = case.groups
        answers[case.case] = groups[0] if len(groups) == 1 else groups
        span = case.low if case.low == case.high else f"{case.low} to {case.high}"
        feedback[case.case] = f"{' or '.join(groups)} ({span}, our reading). {case.evidence}"
    return SortKey(categories=GROUPS, answers=answers, feedback=feedback)


LADDER_GROUP_SORT = _ladder_sort()

LADDER_SELF_ASSESSMENT: tuple[str, ...] = (
    "People who use the service",
    "Carers and families",
    "Community and voluntary groups",
    "Frontline staff",
    "Providers",
)
