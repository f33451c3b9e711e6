"""Day 2, co-production, place-based working and using data: the numbers, keys and charts.

The Day 2 notebooks (``modules/day2-coproduction-place-and-data/``) call these; the tests
in ``tests/test_day2.py`` check them. Everything here is plain Python: data in, numbers,
tables or matplotlib Figures out. Nothing imports ipywidgets. General statistics (shares
and their confidence intervals) live in :mod:`exercises.lessons.stats`.

Sources. "PSTA 2019" is the Public Service Transformation Academy's report *Public
service: state of transformation*; line numbers refer to the course's text copy (see
``datasets/README.md``). Every figure the report gives comes from a dataset through
``exercises.data.load``; none is typed here. The ladder of co-production is Think Local
Act Personal's (see ``LADDER_SOURCE``). Brackenford is a fictional borough and all its
data is synthetic.
"""

from __future__ import annotations

import textwrap
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import pandas as pd

from exercises.lessons import stats
from exercises.lessons.common import (
    ACTIVITY,
    BLUE,
    GREEN,
    GREY,
    LIGHT,
    ORANGE,
    OUTCOME,
    OUTPUT,
    RED,
    RESOURCE,
    ChoiceKey,
    SortKey,
)
from exercises.lessons.sources import (
    C1,
    C3,
    C6,
    C8,
    C9,
    S5,
    S6,
    as_stated,
    cite,
    fact,
    fund,  # noqa: F401
    money,
    value,
)


def _wrap(text: str, width: int) -> str:
    return "\n".join(textwrap.wrap(text, width))


def _report_lines(rows: pd.DataFrame) -> list[str]:
    """Each row's line range in the report's text copy, as "5161–5165"."""
    return [f"{a}\u2013{b}" for a, b in zip(rows["line_start"], rows["line_end"], strict=True)]


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


# --- 02 Place-based working: Wigan and Oldham --------------------------------------------------


def claims_table(facts: pd.DataFrame, case: str) -> pd.DataFrame:
    """Every figure the report gives for one case: what it measures, as stated, when, and its caveat."""
    rows = facts[facts["case"] == case]
    if rows.empty:
        raise ValueError(f"there are no figures for '{case}'")
    table = pd.DataFrame(
        {
            "What the report claims": rows["measure"].astype(str),
            "As stated": [as_stated(row) for _, row in rows.iterrows()],
            "When": rows["period"].astype(str),
            "What to check": rows["note"].fillna("").astype(str).replace("", "\u2014"),
        }
    )
    return table.set_index("What the report claims")


def claims_without_period(facts: pd.DataFrame, case: str) -> int:
    """How many of a case's figures come with no stated period ("not stated")."""
    rows = facts[facts["case"] == case]
    return int((rows["period"].astype(str) == "not stated").sum())


RELATIVE = "Relative: 59% more than before"
POINTS = "Percentage points: 59 points added"


def satisfaction_readings(increase: float, baselines: Sequence[float]) -> pd.DataFrame:
    """Satisfaction after an "increase of ``increase`` per cent", read two ways, for made-up starting points.

    A result above 100% cannot happen; it is shown as missing ("impossible").
    """
    rows = []
    for base in baselines:
        if not 0 <= base <= 100:
            raise ValueError("a starting share must be between 0% and 100%")
        relative = base * (1 + increase / 100)
        points = base + increase
        rows.append((float(base), relative if relative <= 100 else None, points if points <= 100 else None))
    table = pd.DataFrame(rows, columns=["Satisfied before (made up, %)", f"{RELATIVE} (%)", f"{POINTS} (%)"])
    return table.set_index("Satisfied before (made up, %)").astype("Float64").round(1)


def satisfaction_ceilings(increase: float) -> dict[str, float]:
    """The highest starting share each reading allows without passing 100%."""
    return {RELATIVE: round(100 / (1 + increase / 100), 1), POINTS: round(100 - increase, 1)}


def satisfaction_chart(increase: float) -> Any:
    """Two lines: satisfaction after the rise, read as relative or as points, for any starting share."""
    from matplotlib.figure import Figure

    ceilings = satisfaction_ceilings(increase)
    figure = Figure(figsize=(7.5, 4.6))
    axes = figure.add_subplot()
    axes.axhspan(100, 115, color="#fbe4e1", zorder=0)
    axes.text(50, 107.5, "Impossible: more than everyone", ha="center", va="center", fontsize=9, color=RED)
    start = [b / 2 for b in range(0, 201)]
    for name, colour, style, after in (
        (RELATIVE, BLUE, "-", lambda b: b * (1 + increase / 100)),
        (POINTS, ORANGE, "--", lambda b: b + increase),
    ):
        xs = [b for b in start if after(b) <= 100]
        axes.plot(xs, [after(b) for b in xs], color=colour, linestyle=style, linewidth=2.5, label=name)
        axes.plot([ceilings[name]] * 2, [0, 100], color=colour, linestyle=":", linewidth=1.2)
        axes.text(ceilings[name] + 1.5, 90, f"ends at\n{ceilings[name]:g}%", fontsize=8.5, color=colour)
    axes.plot([0, 100], [0, 100], color=GREY, linewidth=1, linestyle=":", label="No change")
    axes.set_xlim(0, 100)
    axes.set_ylim(0, 115)
    axes.set_yticks(range(0, 101, 20))
    axes.set_xlabel("Residents satisfied before (%; the report does not say)")
    axes.set_ylabel("Residents satisfied after (%)")
    axes.legend(loc="lower right", frameon=False, fontsize=9)
    axes.set_title(f"Wigan's '{increase:g} per cent increase in satisfaction': two readings")
    return figure


SATISFIED_BEFORE = 40  # a made-up starting share for the exercise (the report gives none)


def satisfaction_question(increase: float, before: float = SATISFIED_BEFORE) -> ChoiceKey:
    """If ``before`` per cent were satisfied, what share is satisfied after the "increase"? (Both readings.)"""
    relative, points = before * (1 + increase / 100), before + increase
    cannot = "We cannot tell from the report"
    return ChoiceKey(
        options={
            f"About {relative:.0f}%": f"That is {increase:g}% more than {before:g}%: one reading (a relative increase). The report does "
            "not say it is the one it means.",
            f"{points:g}%": f"That is {before:g}% plus {increase:g} percentage points: the other reading. The report does not "
            "say it is the one it means either"
            + (", and it would mean almost everyone is now satisfied." if points >= 90 else "."),
            cannot: f"Yes. 'A {increase:g} per cent increase' can mean two very different things, and without the "
            "survey and the years you cannot check either.",
            f"{increase:g}%": f"No: the report calls {increase:g} per cent an increase, not the share satisfied now.",
        },
        answer=cannot,
    )


@dataclass(frozen=True)
class OldhamMoney:
    """The Holts and Lees money figures, from ``case_study_facts``."""

    saving: float  # the "£3 million", read once or per year
    investment: float  # the "total partnership investment"
    site_years: float  # how long the site had run when the case was written

    @classmethod
    def from_facts(cls, facts: pd.DataFrame) -> OldhamMoney:
        headline, body = value(facts, "oldham_savings_headline"), value(facts, "oldham_savings_body")
        if headline != body:
            raise ValueError("the headline and body savings figures differ; the lesson reads one figure two ways")
        return cls(headline, value(facts, "oldham_investment"), value(facts, "oldham_site_years"))


def return_ratio(saving: float, investment: float) -> float:
    """Pounds saved for every £1 invested."""
    if not investment > 0:
        raise ValueError("the investment must be more than £0")
    return saving / investment


def payback_weeks(investment: float, saving_per_year: float) -> float:
    """Weeks until savings at ``saving_per_year`` match the investment (52 weeks to a year)."""
    if not saving_per_year > 0:
        raise ValueError("the yearly saving must be more than £0")
    return 52 * investment / saving_per_year


def oldham_readings(money_figures: OldhamMoney) -> pd.DataFrame:
    """The two readings of the saving, over the years the site had run: savings, net, return per £1."""
    saving, years = money_figures.saving, money_figures.site_years
    rows = [
        (f"Once: {money(saving)} in total", saving),
        (f"Every year: {money(saving)} a year, for the {years:g} years the site had run", saving * years),
    ]
    table = pd.DataFrame(
        [
            (
                label,
                counted,
                money_figures.investment,
                counted - money_figures.investment,
                return_ratio(counted, money_figures.investment),
            )
            for label, counted in rows
        ],
        columns=[
            "Reading",
            "Savings counted (£)",
            "Investment (£)",
            "Net saving (£)",
            "Saved for every £1 invested (£)",
        ],
    ).set_index("Reading")
    return table.round({"Saved for every £1 invested (£)": 2})


def oldham_chart(money_figures: OldhamMoney) -> Any:
    """Bars: the investment, and the savings counted under each reading (in £ millions)."""
    from matplotlib.figure import Figure

    table = oldham_readings(money_figures)
    labels = ["Investment"] + [f"Savings, read as\n'{r.split(':')[0].lower()}'" for r in table.index]
    amounts = [money_figures.investment, *list(table["Savings counted (£)"])]
    figure = Figure(figsize=(7.5, 3.6))
    axes = figure.add_subplot()
    bars = axes.barh(labels, [a / 1e6 for a in amounts], color=[GREY, BLUE, GREEN])
    axes.invert_yaxis()
    for bar, amount in zip(bars, amounts, strict=True):
        axes.text(bar.get_width() + 0.08, bar.get_y() + bar.get_height() / 2, money(amount), va="center", fontsize=9)
    axes.set_xlim(0, max(amounts) / 1e6 * 1.25)
    axes.set_xlabel(f"£ millions, over the {money_figures.site_years:g} years the site had run")
    axes.set_title("Holts and Lees: the investment, and two readings of the saving")
    return figure


OLDHAM_QUESTIONS = ChoiceKey(
    options={
        "What period does the £3 million cover: once, or every year?": "Yes: the headline gives no period; the body says 'per year'.",
        "Is the £350,000 a one-off cost, or spent every year?": "Yes: the report does not say.",
        "How was the saving estimated, and by whom?": "Yes: the report calls it 'an estimated' saving but does not say how it was worked out.",
        "What would have happened anyway, without the hub?": "Yes: some evictions and admissions would have been avoided anyway. Savings should count only "
        "the difference the hub made.",
        "Is it cash that leaves budgets, or costs avoided that would have been spent?": "Yes: avoided costs are real, but they do not free up cash unless a budget is changed.",
        "How many officers work in the hub team?": "Not this one: the team's size tells you what was put in, but nothing about whether the saving is real.",
        "Nothing: a council's own published figure can be used as it stands": "No: any organisation's figures deserve the same questions, especially in a case study written to "
        "share a success.",
    },
    answer=(
        "What period does the £3 million cover: once, or every year?",
        "Is the £350,000 a one-off cost, or spent every year?",
        "How was the saving estimated, and by whom?",
        "What would have happened anyway, without the hub?",
        "Is it cash that leaves budgets, or costs avoided that would have been spent?",
    ),
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


def ladder_cases_table() -> pd.DataFrame:
    """Each case with its lowest and highest fitting step (the course's reading)."""
    rows = [
        (c.case, c.evidence, c.low if c.low == c.high else f"{c.low} to {c.high}", c.citation) for c in LADDER_CASES
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
    axes.set_yticks(range(len(cases)), [_wrap(c.case, 26) for c in cases], fontsize=9.5)
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


# --- 04 Using data: cold and warm data, outputs and outcomes, data sharing -------------------------

COLD, WARM = "Cold data", "Warm data"
COLD_OR_WARM = sort_key(
    (COLD, WARM),
    (
        (
            "Monthly counts of A&E attendances at each hospital",
            COLD,
            "Cold: a count abstracted from people's lives. Useful for spotting patterns, silent on why.",
        ),
        (
            "The need index of each Brackenford ward",
            COLD,
            "Cold: one number summarising many people. It says where need is, not what it is like.",
        ),
        (
            "The share of survey respondents who agree they can influence decisions",
            COLD,
            "Cold: a survey turns answers into shares. Page 5 shows what that can and cannot tell you.",
        ),
        (
            "What residents told the Oldham hub in its community conversations about what they value",
            WARM,
            "Warm: it keeps the context and relationships, in residents' own words.",
        ),
        (
            "The personas PHE's designers built from interviews in people's homes, such as Martin, who accepts "
            "anxiety and insomnia as his lot",
            WARM,
            "Warm: personas keep the story of how real people live with a problem, and why they do not seek help.",
        ),
        (
            "A key worker's account of why one family stopped going to appointments",
            WARM,
            "Warm: it explains the why that the attendance figures cannot.",
        ),
        (
            "Oldham's Thriving Index: local figures on demand, plus insight into social norms",
            (COLD, WARM),
            "Both, and that is its point: figures on reactive demand (cold) with insight into what drives "
            "behaviour (warm), at a very local level.",
        ),
    ),
)


@dataclass(frozen=True)
class ResultItem:
    """One Holts and Lees figure for the outputs and outcomes sort."""

    fact_id: str
    label: str  # may use {value}: the figure as stated, from the dataset
    answer: str | tuple[str, ...]
    feedback: str


OLDHAM_RESULTS: tuple[ResultItem, ...] = (
    ResultItem(
        "oldham_hub_officers",
        "{value} officers in the hub team, from housing, police, the council, "
        "health, probation and the voluntary sector",
        RESOURCE,
        "A resource: the people put in. It says nothing yet about what they achieve.",
    ),
    ResultItem(
        "oldham_investment", "{value} of total partnership investment", RESOURCE, "A resource: the money put in."
    ),
    ResultItem(
        "oldham_external_funding",
        "{value} of external funding brought in for holiday hunger work and the café",
        (RESOURCE, OUTPUT),
        "A resource for the community, or an output of the team's work: both accepted. It is not an "
        "outcome: money raised is not yet a change in anyone's life.",
    ),
    ResultItem(
        "",
        "Community conversations with residents about what they value and want to work on",
        (ACTIVITY, OUTPUT),
        "An activity (or, counted, an output): the work itself.",
    ),
    ResultItem(
        "oldham_pantry_members",
        "{value} members signed up to the community pantry in its first two months",
        OUTPUT,
        "An output: a count of people reached. Whether they eat better or worry less is the outcome.",
    ),
    ResultItem(
        "oldham_engagement",
        "{value} of individuals and families stay engaged with the team",
        OUTPUT,
        "An output, though a telling one: people keep coming back. Staying engaged is not the same "
        "as being better off; the report compares it with about 70% for other services.",
    ),
    ResultItem(
        "oldham_isolation_activity",
        "In {value} of cases people joined activity that tackles loneliness",
        (OUTPUT, OUTCOME),
        "Either: joining in is a change in what people do (an early outcome), but the report does not "
        "say whether anyone feels less lonely.",
    ),
    ResultItem(
        "oldham_improved_finances",
        "{value} of cases ended with an improved financial situation",
        OUTCOME,
        "An outcome: a change in people's lives.",
    ),
    ResultItem(
        "oldham_not_coping_to_adapted",
        "{value} of cases moved from 'not coping' to 'adapted'",
        OUTCOME,
        "An outcome: people's situation changed, and with it the services they need.",
    ),
    ResultItem(
        "oldham_savings_body",
        "An estimated saving to public services of {value}",
        OUTCOME,
        "An outcome for the system, as Oldham labels it: a change in demand and cost. It is an estimate (see page 2).",
    ),
)


def oldham_results_sort(facts: pd.DataFrame) -> SortKey:
    """The outputs and outcomes sort, with each figure written from the dataset."""
    answers: dict[str, Any] = {}
    feedback: dict[str, str] = {}
    for item in OLDHAM_RESULTS:
        label = item.label.format(value=as_stated(fact(facts, item.fact_id))) if item.fact_id else item.label
        answers[label] = item.answer
        feedback[label] = item.feedback
    return SortKey(categories=(RESOURCE, ACTIVITY, OUTPUT, OUTCOME), answers=answers, feedback=feedback)


def oldham_percentages(facts: pd.DataFrame) -> pd.DataFrame:
    """The Holts and Lees figures given in per cent, with our output or outcome reading."""
    kinds = {item.fact_id: item.answer for item in OLDHAM_RESULTS if item.fact_id}
    rows = facts[(facts["case"] == "Oldham (Holts and Lees)") & (facts["unit"] == "percent")]
    table = pd.DataFrame(
        {
            "fact_id": rows["fact_id"].astype(str),
            "What the report says": rows["measure"].astype(str),
            "Per cent": rows["value"].astype(float),
            "Our reading": [_kind_label(kinds.get(f, "comparison or context")) for f in rows["fact_id"].astype(str)],
            "Report lines": _report_lines(rows),
        }
    )
    return table.set_index("fact_id")


def _kind_label(kind: str | tuple[str, ...]) -> str:
    return kind if isinstance(kind, str) else " or ".join(kind)


def oldham_results_chart(table: pd.DataFrame) -> Any:
    """Bars of the Holts and Lees percentages, coloured by our reading (from ``oldham_percentages``)."""
    from matplotlib.figure import Figure
    from matplotlib.patches import Patch

    colours = {OUTCOME: GREEN, OUTPUT: BLUE, f"{OUTPUT} or {OUTCOME}": ORANGE}
    ordered = table.sort_values("Per cent")
    figure = Figure(figsize=(8.5, 0.55 * len(ordered) + 1.6))
    axes = figure.add_subplot()
    colour = [colours.get(kind, GREY) for kind in ordered["Our reading"]]
    axes.barh([_wrap(m, 46) for m in ordered["What the report says"]], ordered["Per cent"], color=colour)
    for y, share in enumerate(ordered["Per cent"]):
        axes.text(share + 1, y, f"{share:g}%", va="center", fontsize=9)
    axes.set_xlim(0, 110)
    axes.set_xlabel("Per cent, as the case study reports it (the number of cases is not given)")
    handles = [Patch(color=c, label=k) for k, c in colours.items() if k in set(ordered["Our reading"])]
    handles.append(Patch(color=GREY, label="Comparison or context"))
    axes.legend(handles=handles, loc="lower right", frameon=False, fontsize=8.5)
    axes.set_title("Holts and Lees: the results reported in per cent")
    axes.tick_params(axis="y", labelsize=8.5)
    return figure


def data_sharing_projects(projects: pd.DataFrame) -> pd.DataFrame:
    """The Somerset challenge projects that were about data (from ``somerset_challenge_projects``)."""
    about_data = projects[projects["project"].astype(str).str.contains("data", case=False)]
    table = pd.DataFrame(
        {
            "Cohort": about_data["cohort"].astype(int),
            "Project": about_data["project"].astype(str),
            "Status": about_data["status"].astype(str),
        }
    )
    return table.reset_index(drop=True)


BARRIER_LOG_COLUMNS: tuple[str, ...] = (
    "Data needed",
    "Why (the question it answers)",
    "Held by",
    "What stands in the way",
    "Who can unblock it",
    "Next step and date",
)


def barrier_log_example() -> pd.DataFrame:
    """A worked example of the data-sharing barrier log, for Brackenford's falls challenge (made up)."""
    rows = [
        (
            "Emergency admissions after a fall, by GP practice and month",
            "Which neighbourhoods to start in, and whether admissions fall",
            "The hospital trust",
            "No data-sharing agreement between the trust and the council; worry about identifying patients in "
            "small areas",
            "The trust's Caldicott Guardian and the council's data protection officer",
            "Ask for totals by practice, with small numbers suppressed, by week 3",
        ),
        (
            "What stops older people going to strength and balance classes",
            "Why half the places are empty",
            "Nobody yet: it is warm data held by residents",
            "Nobody has asked; no budget for conversations",
            "The Older People's Forum",
            "Two listening sessions at the forum, by week 4",
        ),
    ]
    return pd.DataFrame(rows, columns=list(BARRIER_LOG_COLUMNS))


# --- 05 The Brackenford resident survey (synthetic) ----------------------------------------------

STATEMENTS: dict[str, str] = {
    "belong": "I feel I belong to my neighbourhood",
    "influence": "I can influence decisions affecting my area",
    "services_joined_up": "Local services work well together",
    "trust_council": "I trust the council to act in residents' interests",
    "would_volunteer": "I would give time to help my community",
}
AGREE: tuple[str, ...] = ("Agree", "Strongly agree")
SATISFIED: tuple[str, ...] = ("Fairly satisfied", "Very satisfied")
SATISFACTION = "satisfaction"
SATISFACTION_TEXT = "Satisfied with the way the council runs things"


def _question(survey: pd.DataFrame, column: str) -> pd.Series:
    if column not in survey.columns:
        raise KeyError(f"the survey has no question called '{column}'")
    return survey[column]


def agrees(survey: pd.DataFrame, column: str) -> pd.Series:
    """True where a respondent agreed (or was satisfied), False where not, missing where they skipped."""
    answers = _question(survey, column)
    yes = SATISFIED if column == SATISFACTION else AGREE
    flags = answers.astype("string").isin(yes).astype("boolean")
    return flags.mask(answers.isna())


def label(column: str) -> str:
    """The wording of a question."""
    return SATISFACTION_TEXT if column == SATISFACTION else STATEMENTS[column]


def overview(survey: pd.DataFrame, confidence: float = 0.95) -> pd.DataFrame:
    """Every question: answers, skipped, agreeing, and the share agreeing with its interval (per cent)."""
    rows = []
    for column in (*STATEMENTS, SATISFACTION):
        flags = agrees(survey, column)
        share = stats.proportion_of(flags, confidence=confidence)
        rows.append(
            (
                label(column),
                share.n,
                int(flags.isna().sum()),
                share.successes,
                100 * share.estimate,
                100 * share.low,
                100 * share.high,
            )
        )
    table = pd.DataFrame(
        rows, columns=["Question", "Answered", "Skipped", "Agree or satisfied", "Per cent", "Low (%)", "High (%)"]
    )
    return table.set_index("Question")


def by_group(survey: pd.DataFrame, column: str, group: str, confidence: float = 0.95) -> pd.DataFrame:
    """The share agreeing with one question, for each value of ``group`` (segment, ward, age band)."""
    table = stats.proportions_by_group(agrees(survey, column), _question(survey, group), confidence=confidence)
    table.index.name = group
    return table


def by_ward(survey: pd.DataFrame, wards: pd.DataFrame, column: str, confidence: float = 0.95) -> pd.DataFrame:
    """``by_group`` by ward, with each ward's need index and rank, most need first."""
    table = by_group(survey, column, "ward", confidence)
    table.index = table.index.astype(str)
    need = wards.assign(ward=wards["ward"].astype(str)).set_index("ward")[["need_index", "need_rank"]]
    joined = table.join(need, how="left")
    if joined["need_index"].isna().any():
        raise ValueError("some wards in the survey are missing from the wards table")
    return joined.astype({"need_rank": int}).sort_values("need_rank")


def survey_facts(survey: pd.DataFrame, wards: pd.DataFrame) -> dict[str, Any]:
    """The numbers the survey page quotes (and the tests check)."""
    influence = stats.proportion_of(agrees(survey, "influence"))
    trust_flags = agrees(survey, "trust_council")
    trust = stats.proportion_of(trust_flags)
    segments = by_group(survey, "influence", "segment")
    ward_table = by_ward(survey, wards, "influence")
    half = len(ward_table) // 2
    more_need, less_need = ward_table.iloc[:half], ward_table.iloc[half:]
    more = stats.proportion(int(more_need["yes"].sum()), int(more_need["answers"].sum()))
    less = stats.proportion(int(less_need["yes"].sum()), int(less_need["answers"].sum()))
    high_seg, low_seg = segments["percent"].idxmax(), segments["percent"].idxmin()
    widths = segments["high"] - segments["low"]
    seg_diff = stats.difference_in_proportions(
        stats.proportion(int(segments.loc[high_seg, "yes"]), int(segments.loc[high_seg, "answers"])),
        stats.proportion(int(segments.loc[low_seg, "yes"]), int(segments.loc[low_seg, "answers"])),
    )
    ward_diff = stats.difference_in_proportions(less, more)
    return {
        "respondents": len(survey),
        "influence": influence,
        "influence_percent": round(100 * influence.estimate, 1),
        "influence_margin_points": round(100 * influence.margin, 1),
        "trust": trust,
        "trust_percent": round(100 * trust.estimate, 1),
        "trust_skipped": int(trust_flags.isna().sum()),
        "trust_percent_if_skips_counted_as_no": round(100 * trust.successes / len(survey), 1),
        "highest_segment": str(high_seg),
        "lowest_segment": str(low_seg),
        "segment_difference": seg_diff,
        "smallest_segment": str(segments["answers"].idxmin()),
        "smallest_segment_answers": int(segments["answers"].min()),
        "smallest_segment_width_points": round(float(widths[segments["answers"].idxmin()]), 1),
        "more_need_wards": list(more_need.index),
        "more_need_percent": round(100 * more.estimate, 1),
        "less_need_percent": round(100 * less.estimate, 1),
        "ward_difference": ward_diff,
        "need_correlation": round(float(ward_table["need_index"].corr(ward_table["percent"])), 2),
    }


def overview_chart(table: pd.DataFrame) -> Any:
    """Bars of the share agreeing with each question, with 95% intervals (from ``overview``)."""
    from matplotlib.figure import Figure

    figure = Figure(figsize=(8, 3.8))
    axes = figure.add_subplot()
    names = [_wrap(q, 34) for q in table.index]
    share = table["Per cent"]
    axes.barh(names, share, color=BLUE)
    axes.errorbar(
        share,
        range(len(share)),
        xerr=[share - table["Low (%)"], table["High (%)"] - share],
        fmt="none",
        ecolor="black",
        capsize=4,
        linewidth=1.2,
    )
    for y, (pct, high) in enumerate(zip(share, table["High (%)"], strict=True)):
        axes.text(high + 1.5, y, f"{pct:.0f}%", va="center", fontsize=9)
    axes.invert_yaxis()
    axes.set_xlim(0, 100)
    axes.set_xlabel("Residents who agree, or are satisfied (%), with 95% confidence intervals")
    axes.set_title("Brackenford resident survey: how residents answered (synthetic data)")
    axes.tick_params(axis="y", labelsize=8.5)
    return figure


def group_chart(table: pd.DataFrame, column: str, group_label: str) -> Any:
    """Dots with 95% intervals for each group (from ``by_group``), largest share at the top."""
    ordered = table.sort_values("percent", ascending=False)
    names = [f"{name} ({n:,} answers)" for name, n in zip(ordered.index, ordered["answers"], strict=True)]
    return _dot_chart(
        ordered, names, [BLUE] * len(ordered), f"Brackenford: '{label(column)}',\nby {group_label} (synthetic data)"
    )


def ward_need_chart(table: pd.DataFrame, column: str) -> Any:
    """Each ward's share agreeing, with its interval, most need at the top (from ``by_ward``).

    The half of the wards with most need are orange; the rest blue.
    """
    from matplotlib.patches import Patch

    ordered = table.sort_values("need_index", ascending=False)
    half = len(ordered) // 2
    colours = [ORANGE] * half + [BLUE] * (len(ordered) - half)
    names = [f"{ward} (need {need:.0f})" for ward, need in zip(ordered.index, ordered["need_index"], strict=True)]
    figure = _dot_chart(
        ordered, names, colours, f"Brackenford wards, most need first:\n'{label(column)}' (synthetic data)"
    )
    figure.axes[0].legend(
        handles=[
            Patch(color=ORANGE, label=f"The {half} wards with most need"),
            Patch(color=BLUE, label="The other wards"),
        ],
        loc="upper right",
        frameon=False,
        fontsize=8.5,
    )
    return figure


def _dot_chart(table: pd.DataFrame, names: Sequence[str], colours: Sequence[str], title: str) -> Any:
    """Shared layout: one row per group, a dot for the share and a line for its 95% interval."""
    from matplotlib.figure import Figure

    figure = Figure(figsize=(8.5, 0.42 * len(table) + 1.8))
    axes = figure.add_subplot()
    for row, (share, low, high, colour) in enumerate(
        zip(table["percent"], table["low"], table["high"], colours, strict=True)
    ):
        axes.errorbar(
            [share],
            [row],
            xerr=[[share - low], [high - share]],
            fmt="o",
            color=colour,
            ecolor=colour,
            capsize=4,
            markersize=7,
        )
        axes.text(high + 1, row, f"{share:.0f}%", va="center", fontsize=8.5)
    axes.set_yticks(range(len(table)), list(names), fontsize=9)
    axes.invert_yaxis()
    axes.set_xlim(0, max(50.0, float(table["high"].max()) + 8))
    axes.set_xlabel("Residents who agree (%), with 95% confidence intervals")
    axes.grid(axis="x", color=LIGHT)
    axes.set_title(title, fontsize=11)
    return figure


def segment_question(facts: Mapping[str, Any]) -> ChoiceKey:
    """What can safely be said about the highest and lowest segments (numbers from ``survey_facts``).

    Options are kept short: long labels wrap badly beside radio buttons.
    """
    diff = facts["segment_difference"]
    high = facts["highest_segment"]
    points = round(100 * diff.estimate)
    interval = f"{100 * diff.low:.0f} to {100 * diff.high:.0f} points"
    options = {
        f"The gap is exactly {points} points": "Not exactly: a sample gives an estimate. The interval around the gap shows how far out it "
        "could be.",
        "There is no gap: the two intervals overlap": "Overlapping intervals do not prove there is no difference. Look at the interval for the "
        "difference itself.",
        f"Being in the '{high}' segment causes it": "A survey shows who answers what, not why. Age, where people live and many other things differ "
        "between segments.",
    }
    if diff.excludes_zero:
        right = f"Probably a real gap, of somewhere from {interval}"
        options[right] = (
            f"Yes. The 95% interval for the difference runs from {interval}. It is above zero, "
            "so a gap is likely, but it could be small or large. And we picked the biggest gap "
            "after looking at six segments, which makes a gap this size easier to find by chance."
        )
    else:
        right = "We cannot be sure: the gap's interval includes zero"
        options[right] = f"Yes. The interval for the difference ({interval}) includes zero, so the gap may be chance."
    return ChoiceKey(options=options, answer=right)


SURVEY_LIMITS = ChoiceKey(
    options={
        "What share of residents who answered feel they belong to their neighbourhood": "Yes: that is what a survey like this can estimate, with a margin of error.",
        "Whether residents in wards with more need feel less able to influence decisions": "Yes: the survey can compare groups, if each has enough answers.",
        "Why residents in some wards feel unable to influence decisions": "No: a survey of set questions shows patterns, not reasons. Warm data (conversations, stories) "
        "tells you why.",
        "How many residents would actually volunteer if asked": "No: saying you would give time is not the same as doing it.",
        "What children, or people who did not reply, think": "No: the survey only hears from those it asked and who answered.",
        "Whether the council's co-production work caused any change": "No: one survey at one time cannot show cause and effect. You would need a before and after, and a "
        "comparison.",
    },
    answer=(
        "What share of residents who answered feel they belong to their neighbourhood",
        "Whether residents in wards with more need feel less able to influence decisions",
    ),
)


# --- 06 The challenge step -----------------------------------------------------------------------


def somerset_day(programme: pd.DataFrame, day: int) -> dict[str, Any]:
    """One day of the Somerset programme: theme, challenge activity, key questions and any caveat."""
    rows = programme[programme["day"] == day].sort_values("question_number")
    if rows.empty:
        raise ValueError(f"the Somerset programme has no day {day}")
    first = rows.iloc[0]
    sentences = (part.strip().rstrip(".") for n in rows["note"].dropna() for part in str(n).split(". "))
    notes = list(dict.fromkeys(f"{part}." for part in sentences if part))
    return {
        "theme": str(first["theme"]),
        "activity": str(first["challenge_activity"]),
        "questions": [str(q) for q in rows["key_question"]],
        "notes": notes,
        "lines": (int(first["activity_line_start"]), int(first["activity_line_end"])),
    }


PEER_CHALLENGE_PROMPTS: tuple[tuple[str, str], ...] = (
    (
        "Where do you want to go?",
        "Where do you want to go with your action research project, and how will you know you have got there?",
    ),
    ("Outcomes", "Which outcome would residents recognise as real change? Who defined it?"),
    (
        "Voice",
        "Whose voice is missing? Where on the ladder of co-production will residents be, and where could they be?",
    ),
    ("Place", "Is this the right place, or neighbourhood, to start? What is already working there?"),
    ("Data", "What do you know, what do you need to know, who holds it, and what stands in the way?"),
    ("Claims", "Which figures in your story are estimates? What would a sceptical finance director ask?"),
)


def peer_prompts_table() -> pd.DataFrame:
    """Questions a reviewing team can ask (the first is Somerset's Day 2 question)."""
    return pd.DataFrame(PEER_CHALLENGE_PROMPTS, columns=["Theme", "Question to ask"]).set_index("Theme")
