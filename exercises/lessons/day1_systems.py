"""Day 1: systems-thinking method: causal loops, the iceberg, leverage points, boundaries, failure demand.

A causal loop diagram of falls in Brackenford (fictional), the rule for naming a loop
reinforcing or balancing, and answer keys for the page on system mapping. Plain Python
and pandas: nothing here imports ipywidgets.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from exercises.lessons.common import BLUE, GREY, ORANGE, ChoiceKey, SortKey

REINFORCING, BALANCING = "Reinforcing", "Balancing"


@dataclass(frozen=True)
class Link:
    """A causal link: when ``cause`` goes up, ``effect`` goes up (sign +1) or down (sign -1)."""

    cause: str
    effect: str
    sign: int


def loop_type(links: tuple[Link, ...]) -> str:
    """Reinforcing if the loop has an even number of negative links, balancing if odd."""
    if not links:
        raise ValueError("a loop needs at least one link")
    if any(link.sign not in (1, -1) for link in links):
        raise ValueError("every link's sign must be +1 or -1")
    for first, second in zip(links, links[1:] + links[:1], strict=True):
        if first.effect != second.cause:
            raise ValueError(f"the links do not close a loop: '{first.effect}' is not followed by it")
    negatives = sum(1 for link in links if link.sign < 0)
    return REINFORCING if negatives % 2 == 0 else BALANCING


FALLS, ADMISSIONS, REACTIVE, PREVENTION, FEAR, ACTIVITY, STRENGTH = (
    "Falls among older people",
    "Emergency admissions",
    "Reactive spending",
    "Money and staff for prevention",
    "Fear of falling",
    "Everyday activity",
    "Strength and balance",
)

# R1: the more is spent reacting, the less there is to prevent, so the more there is to react to.
CROWDING_OUT = (
    Link(FALLS, ADMISSIONS, 1),
    Link(ADMISSIONS, REACTIVE, 1),
    Link(REACTIVE, PREVENTION, -1),
    Link(PREVENTION, FALLS, -1),
)
# R2: a fall makes people afraid, so they move less, lose strength and fall more.
FEAR_SPIRAL = (
    Link(FALLS, FEAR, 1),
    Link(FEAR, ACTIVITY, -1),
    Link(ACTIVITY, STRENGTH, 1),
    Link(STRENGTH, FALLS, -1),
)
WAIT, TAKE_UP = "Waiting time for classes", "People starting classes"
# B1: longer waits put people off, which shortens the wait.
WAITING_LIST = (Link(TAKE_UP, WAIT, 1), Link(WAIT, TAKE_UP, -1))

LOOPS: dict[str, tuple[Link, ...]] = {
    "R1 Crowding out": CROWDING_OUT,
    "R2 Fear spiral": FEAR_SPIRAL,
    "B1 Waiting list": WAITING_LIST,
}

LOOP_SORT = SortKey(
    categories=(REINFORCING, BALANCING),
    answers={
        "More falls → more admissions → more reactive spending → less for prevention → more falls": REINFORCING,
        "A fall → more fear → less activity → less strength → more falls": REINFORCING,
        "More people start classes → longer waits → fewer people start": BALANCING,
        "More home care hours → fewer care workers free → fewer hours delivered": BALANCING,
    },
    feedback={
        "More falls → more admissions → more reactive spending → less for prevention → more falls": "Reinforcing: two "
        "negative links (spending cuts prevention; prevention cuts falls), an even number. A vicious circle.",
        "A fall → more fear → less activity → less strength → more falls": "Reinforcing: two negative links. Each fall "
        "makes the next more likely, which is why NICE stresses acting after a first fall.",
        "More people start classes → longer waits → fewer people start": "Balancing: one negative link. The loop holds "
        "take-up at the level capacity allows; adding capacity, not publicity, moves it.",
        "More home care hours → fewer care workers free → fewer hours delivered": "Balancing: one negative link. The "
        "workforce limits what the market can deliver.",
    },
)

EVENT, PATTERN, STRUCTURE, MENTAL_MODEL = "Event", "Pattern", "Structure", "Mental model"
ICEBERG_SORT = SortKey(
    categories=(EVENT, PATTERN, STRUCTURE, MENTAL_MODEL),
    answers={
        "Mrs Ahmed fell on Tuesday and was admitted to hospital": EVENT,
        "Admissions after a fall rise every winter, and are highest in three wards": PATTERN,
        "The prevention budget is whatever is left after the acute contract is agreed": STRUCTURE,
        "Falling is a normal part of getting old": MENTAL_MODEL,
        "GP systems cannot see whether a patient has been referred to a falls class": STRUCTURE,
    },
    feedback={
        "Mrs Ahmed fell on Tuesday and was admitted to hospital": "An event: what happened. Reacting to events is "
        "necessary but changes nothing below the waterline.",
        "Admissions after a fall rise every winter, and are highest in three wards": "A pattern: events over time and "
        "place. Patterns let you anticipate.",
        "The prevention budget is whatever is left after the acute contract is agreed": "A structure: a rule about money "
        "that produces the pattern. Structures are where commissioners have leverage.",
        "Falling is a normal part of getting old": "A mental model: a belief that keeps the structure in place. NICE's "
        "guideline exists because many falls can be prevented.",
        "GP systems cannot see whether a patient has been referred to a falls class": "A structure: an information flow "
        "that is missing. Adding it is one of the higher leverage points.",
    },
)

NUMBERS, FEEDBACK, RULES, MINDSET = (
    "Numbers and parameters (weak)",
    "Feedback and information",
    "Rules and goals",
    "Mindset and purpose (strongest)",
)
LEVERAGE_SORT = SortKey(
    categories=(NUMBERS, FEEDBACK, RULES, MINDSET),
    answers={
        "Raise the fee for each falls assessment by 5 per cent": NUMBERS,
        "Tell each GP practice monthly how many of its patients fell, and how many were referred": FEEDBACK,
        "Make the prevention budget a fixed share that cannot be raided for acute pressures": RULES,
        "Change the system's goal from 'treat falls quickly' to 'keep older people steady and independent'": MINDSET,
    },
    feedback={
        "Raise the fee for each falls assessment by 5 per cent": "Numbers: the weakest kind of lever in Meadows's list. "
        "Easy to pull, rarely changes how the system behaves.",
        "Tell each GP practice monthly how many of its patients fell, and how many were referred": "Information flows: "
        "a new feedback loop. Meadows ranks missing feedback among the more powerful places to intervene.",
        "Make the prevention budget a fixed share that cannot be raided for acute pressures": "Rules: it breaks the "
        "crowding-out loop (R1) at its weakest link.",
        "Change the system's goal from 'treat falls quickly' to 'keep older people steady and independent'": "Goals and "
        "paradigms: the highest leverage, and the slowest and hardest to move.",
    },
)

# Werner Ulrich's boundary questions, grouped as in critical systems heuristics (our words).
BOUNDARY_QUESTIONS: tuple[tuple[str, str], ...] = (
    ("Motivation", "Who benefits (and who ought to)? What is the purpose? How will improvement be measured?"),
    ("Control", "Who decides? What resources do they control? What is outside their control?"),
    ("Knowledge", "Whose expertise counts? What would guarantee success, and what is assumed?"),
    ("Legitimacy", "Who is affected but not involved? Who speaks for them? Whose view of the world is built in?"),
)

WIGAN_80 = ChoiceKey(
    options={
        "What was counted: costs, staff time, or contacts?": (
            "Yes. Failure demand is usually measured by sorting contacts (calls, visits, referrals), not costs. "
            "'80 per cent of our costs' needs a method."
        ),
        "Which services, over what period, and who measured it?": (
            "Yes. Most of a council's spending goes on care itself (placements, packages, schools) rather than on "
            "handling people; 80 per cent of all costs would be extraordinary. A sample of contacts in a few services "
            "is more likely."
        ),
        "Would removing the failure demand release cash, or only time?": (
            "Yes. Staff time freed from failure demand is only a saving if it is taken out or redeployed; otherwise it "
            "is capacity, which is valuable but is not the same as a cut in cost."
        ),
        "Nothing: a former chief executive would know": (
            "No. Case studies are written to share success; senior authors still need sources and methods."
        ),
    },
    answer=(
        "What was counted: costs, staff time, or contacts?",
        "Which services, over what period, and who measured it?",
        "Would removing the failure demand release cash, or only time?",
    ),
)

_POSITIONS: dict[str, tuple[float, float]] = {
    FALLS: (0.5, 0.5),
    ADMISSIONS: (0.88, 0.78),
    REACTIVE: (0.9, 0.28),
    PREVENTION: (0.68, 0.04),
    FEAR: (0.12, 0.78),
    ACTIVITY: (0.1, 0.24),
    STRENGTH: (0.3, 0.04),
}


def causal_loop_chart() -> Any:
    """The two reinforcing loops of Brackenford's falls system, with + and − on each link."""
    from matplotlib.figure import Figure
    from matplotlib.patches import FancyArrowPatch

    figure = Figure(figsize=(7.6, 5.2))
    axes = figure.add_subplot()
    axes.set_xlim(-0.05, 1.05)
    axes.set_ylim(-0.08, 0.95)
    axes.axis("off")
    for name, (x, y) in _POSITIONS.items():
        axes.text(
            x,
            y,
            name.replace(" ", "\n", 1) if len(name) > 18 else name,
            ha="center",
            va="center",
            fontsize=9,
            bbox={"boxstyle": "round,pad=0.35", "facecolor": "white", "edgecolor": GREY},
        )
    for links, colour, rad in ((CROWDING_OUT, ORANGE, -0.25), (FEAR_SPIRAL, BLUE, -0.25)):
        for link in links:
            start, end = _POSITIONS[link.cause], _POSITIONS[link.effect]
            arrow = FancyArrowPatch(
                start,
                end,
                connectionstyle=f"arc3,rad={rad}",
                arrowstyle="-|>",
                mutation_scale=14,
                color=colour,
                linewidth=1.6,
                shrinkA=28,
                shrinkB=28,
            )
            axes.add_patch(arrow)
            mid_x = (start[0] + end[0]) / 2 + rad * (end[1] - start[1]) * 0.5
            mid_y = (start[1] + end[1]) / 2 - rad * (end[0] - start[0]) * 0.5
            axes.text(
                mid_x,
                mid_y,
                "+" if link.sign > 0 else "\u2212",
                fontsize=13,
                color=colour,
                ha="center",
                va="center",
                fontweight="bold",
            )
    axes.text(0.72, 0.5, "R1\ncrowding out", ha="center", va="center", fontsize=9, color=ORANGE)
    axes.text(0.28, 0.5, "R2\nfear spiral", ha="center", va="center", fontsize=9, color=BLUE)
    axes.set_title("Falls in Brackenford: two reinforcing loops (fictional example)")
    return figure


def boundary_table() -> Any:
    """Ulrich's four groups of boundary questions, in our words."""
    import pandas as pd

    return pd.DataFrame(BOUNDARY_QUESTIONS, columns=["Group", "Questions to ask (is, and ought)"])
