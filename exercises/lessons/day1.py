"""Day 1, commissioning for outcomes and systems thinking: the numbers, keys and charts.

The Day 1 notebooks (``modules/day1-outcomes-and-systems/``) call these; the tests in
``tests/test_day1.py`` check them. Everything here is plain Python: data in, numbers,
tables or matplotlib Figures out. Nothing imports ipywidgets.

Sources. "PSTA 2019" is the Public Service Transformation Academy's report *Public
service: state of transformation*. Line numbers refer to the course's text copy of it
(see ``datasets/README.md``). Figures the report gives but no dataset holds are kept
here as ``ReportFigure`` constants, each with its article and lines. Brackenford figures
come from the synthetic datasets through ``exercises.data.load``; none is typed here.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import pandas as pd

from exercises.lessons.common import (
    ACTIVITY,
    BLUE,
    GREEN,
    GREY,
    LIGHT,
    ORANGE,
    OUTCOME,
    OUTPUT,
    RED,  # noqa: F401
    RESOURCE,
    ChoiceKey,
    SortKey,
)

S1 = "Commissioning is an approach to transformation"
S4 = "Move fast and fix things"


# --- figures from the report that no dataset holds ---------------------------------


@dataclass(frozen=True)
class ReportFigure:
    """One figure the report states, with where it says it."""

    value: float
    unit: str
    what: str
    article: str
    lines: tuple[int, int]

    def cite(self) -> str:
        """A short citation, for example "PSTA 2019, *Move fast and fix things*, lines 2718–2724"."""
        return f"PSTA 2019, *{self.article}*, lines {self.lines[0]}\u2013{self.lines[1]}"


OJEU_MONTHS = ReportFigure(
    15, "months", "The longest the OJEU procurement process can take ('up to 15 months')", S1, (777, 782)
)
CONTRACT_YEARS = ReportFigure(
    7, "years", "Length of a 'big, ugly contract': one opportunity to learn per seven years", S1, (791, 795)
)
DAYS_PER_YEAR = 365.25
DECADE_YEARS = 10


# --- 01 What commissioning is ----------------------------------------------------------

FOUR_WAYS: tuple[tuple[str, str], ...] = (
    (
        "A systems approach",
        "Understand the whole system you are part of, and your place in it, then change it so it produces "
        "better outcomes.",
    ),
    (
        "A method",
        "Some version of 'understand, plan, do, review'. It can be a slow cycle or a fast one led by design "
        "and prototypes. You state how you think things work and predict what a change will do, so you can "
        "learn when you are surprised.",
    ),
    (
        "A learning mindset",
        "Keep learning from everyone: the current state of things, citizens, communities, providers, the "
        "market, your own organisation and new technology.",
    ),
    (
        "An identity",
        "Who a commissioner is. The authors prefer 'conductor' to 'architect' or 'systems convenor': not a "
        "maestro on a stage, but someone in a noisy warehouse helping every band find how it can be useful.",
    ),
)


def four_ways_table() -> pd.DataFrame:
    """The four ways of thinking about commissioning (PSTA 2019, S1, lines 571–670)."""
    return pd.DataFrame(FOUR_WAYS, columns=["Commissioning as...", "What it means"]).set_index("Commissioning as...")


_CP_COMMISSIONING = "Commissioning: working towards the outcome"
_CP_PROCUREMENT = "Procurement: buying a service"

COMMISSIONING_OR_PROCUREMENT = SortKey(
    categories=(_CP_COMMISSIONING, _CP_PROCUREMENT),
    answers={
        "Writing a specification for a street-cleaning contract": _CP_PROCUREMENT,
        "Scoring bids and agreeing a price per street swept": _CP_PROCUREMENT,
        "Deciding where bins go and when they are emptied": _CP_COMMISSIONING,
        "Asking planners whether new buildings will funnel litter into wind alleys": _CP_COMMISSIONING,
        "Helping a residents' group stop litter being dropped in the first place": _CP_COMMISSIONING,
        "Checking whether the contractor swept every street on the schedule": _CP_PROCUREMENT,
        "Asking residents whether their streets feel cleaner, and changing the plan": _CP_COMMISSIONING,
    },
    feedback={
        "Writing a specification for a street-cleaning contract": "Procurement: it turns what you want into a form that can go in a contract. Useful, but it "
        "assumes the answer is a service you buy.",
        "Scoring bids and agreeing a price per street swept": "Procurement: choosing a supplier and a price for a service you have already decided to buy.",
        "Deciding where bins go and when they are emptied": "Commissioning: Dr Carolyn Wilkins names bin positions and collection times as part of "
        "commissioning for clean streets.",
        "Asking planners whether new buildings will funnel litter into wind alleys": "Commissioning: the shape of the place is a lever too, and no cleaning contract controls it.",
        "Helping a residents' group stop litter being dropped in the first place": "Commissioning: the community's own efforts are a resource, and prevention beats clearing up.",
        "Checking whether the contractor swept every street on the schedule": "Procurement, or contract management: it checks the contract was delivered, not whether the "
        "streets are clean.",
        "Asking residents whether their streets feel cleaner, and changing the plan": "Commissioning: it looks at the outcome, learns and adapts.",
    },
)

CONDUCTOR = ChoiceKey(
    options={
        "An architect who designs the system": "The authors say 'architect' springs to mind but is 'a bit commissioner-centric': it puts "
        "the commissioner at the centre.",
        "A systems convenor who brings everyone to the table": "Close, but the authors find 'system(s) convenor' commissioner-centric too.",
        "A conductor wandering a noisy warehouse, helping each band be useful": "Yes. Not a maestro in front of an audience, and not someone forcing everyone into one "
        "choir, but someone who helps each group see how it can be useful.",
        "A buyer who gets the best price from the market": "That is the procurement view of the role, which the authors want commissioners to move beyond.",
    },
    answer="A conductor wandering a noisy warehouse, helping each band be useful",
)


# --- 02 The maturity journey ------------------------------------------------------------


@dataclass(frozen=True)
class Milestone:
    """A dated idea in the history of commissioning, as the report tells it."""

    year: int
    label: str
    lines: tuple[int, int]


MILESTONES: tuple[Milestone, ...] = (
    Milestone(1979, "Compulsory Competitive Tendering begins", (692, 700)),
    Milestone(1997, "Best Value grows out of CCT", (704, 707)),
    Milestone(2010, "Institute for Government: three approaches (1.0, 2.0)", (853, 862)),
    Milestone(2012, "Commissioning Academy set up", (1417, 1421)),
    Milestone(2013, "Field and Oliver: 'Commissioning 1+' cycle", (1485, 1487)),
    Milestone(2017, "Field and Miller: asset-based (2.5 and 3.0)", (1059, 1064)),
    Milestone(2019, "PSTA report: commissioning as systems change", (1143, 1188)),
)
CCT_YEARS = (1979, 1997)  # Conservative governments' CCT period (S1, lines 697-700)


def milestones_chart() -> Any:
    """A timeline of the ideas the report dates, from CCT (1979) to systems change (2019)."""
    from matplotlib.figure import Figure

    figure = Figure(figsize=(9, 4.2))
    axes = figure.add_subplot()
    axes.axvspan(*CCT_YEARS, color=LIGHT, zorder=0)
    axes.text(
        sum(CCT_YEARS) / 2,
        len(MILESTONES) - 0.4,
        "Compulsory Competitive Tendering, 1979 to 1997",
        ha="center",
        va="center",
        fontsize=8,
        color=GREY,
    )
    for row, milestone in enumerate(MILESTONES):
        axes.plot(milestone.year, row, marker="o", color=BLUE, markersize=8)
        left = milestone.year > 2005
        axes.text(
            milestone.year + (-1 if left else 1),
            row,
            f"{milestone.year}: {milestone.label}",
            ha="right" if left else "left",
            va="center",
            fontsize=8.5,
        )
    axes.set_xlim(1975, 2022)
    axes.set_ylim(len(MILESTONES) - 0.1, -0.6)
    axes.set_yticks([])
    axes.set_xlabel("Year")
    for side in ("left", "right", "top"):
        axes.spines[side].set_visible(False)
    axes.set_title("From competitive tendering to systems change: ideas the report dates")
    return figure


FIVE_PROBLEMS: tuple[tuple[str, str, tuple[int, int]], ...] = (
    (
        "Analysis",
        "Starts from needs and deficits, uses 'cold data' taken out of people's lives, and takes so "
        "long that it is out of date when it is used.",
        (755, 765),
    ),
    (
        "Specification",
        "Assumes the answer is a service. With rising need and falling budgets it pushes towards "
        "simple, standard, long contracts.",
        (767, 775),
    ),
    (
        "Procurement",
        "Hard negotiation sets the two sides against each other, and the OJEU process can take up to "
        "15 months, so the analysis is older still.",
        (777, 782),
    ),
    (
        "Contract management",
        "There is rarely time for it; things drift, and contracts are extended when there is no time to retender.",
        (784, 789),
    ),
    ("Learning", "Often forgotten. At best, a big contract gives one chance to learn every seven years.", (791, 795)),
)


def five_problems_table() -> pd.DataFrame:
    """The five problems of the traditional commissioning cycle (PSTA 2019, S1, lines 753–798)."""
    rows = [(stage, problem) for stage, problem, _lines in FIVE_PROBLEMS]
    return pd.DataFrame(rows, columns=["Stage", "The problem"]).set_index("Stage")


# Labels of the learning-loops calculator's results. The chart reads them back.
TRADITIONAL_YEARS = "Traditional cycle: years between chances to learn"
TRADITIONAL_LOOPS = "Traditional cycle: learning loops per decade"
FAST_DAYS = "Fast cycle: days between chances to learn"
FAST_LOOPS = "Fast cycle: learning loops per decade"
TIMES_AS_MANY = "The fast cycle learns this many times as often"
ANALYSIS_AGE = "Age of the needs analysis when the contract ends (years)"


def learning_loops_per_decade(cycle_years: float) -> float:
    """How many times a cycle of ``cycle_years`` comes round in ten years."""
    if not cycle_years > 0:
        raise ValueError("a cycle must last longer than zero")
    return DECADE_YEARS / cycle_years


def compare_learning(
    procurement_months: float = OJEU_MONTHS.value,
    contract_years: float = CONTRACT_YEARS.value,
    fast_cycle_days: float = 100,
) -> dict[str, float]:
    """Compare how often a commissioner learns in a long contract cycle and a fast iterative one.

    The traditional cycle learns once per contract, at retender (PSTA 2019, S1, lines
    791–795); its needs analysis is already ``procurement_months`` old when the contract
    starts (lines 777–782). The fast cycle learns once per ``fast_cycle_days``: a
    test-and-learn loop (lines 597–600). Its length is an assumption; 100 days matches
    the course's 100-day plan. Raises ``ValueError`` with a plain message for figures
    that make no sense.
    """
    if procurement_months < 0:
        raise ValueError("the procurement cannot take less than no time")
    if not contract_years > 0 or not fast_cycle_days > 0:
        raise ValueError("each cycle must last longer than zero")
    traditional = learning_loops_per_decade(contract_years)
    fast = learning_loops_per_decade(fast_cycle_days / DAYS_PER_YEAR)
    return {
        TRADITIONAL_YEARS: float(contract_years),
        TRADITIONAL_LOOPS: round(traditional, 1),
        FAST_DAYS: float(fast_cycle_days),
        FAST_LOOPS: round(fast, 1),
        TIMES_AS_MANY: round(fast / traditional, 1),
        ANALYSIS_AGE: round(procurement_months / 12 + contract_years, 2),
    }


def learning_timeline(
    contract_years: float, fast_cycle_days: float, years: float = DECADE_YEARS, step_days: int = 7
) -> pd.DataFrame:
    """Completed learning loops of each cycle, week by week over ``years`` (for the chart)."""
    if not contract_years > 0 or not fast_cycle_days > 0:
        raise ValueError("each cycle must last longer than zero")
    days = pd.Series(range(0, int(years * DAYS_PER_YEAR) + 1, step_days), dtype="float64")
    return pd.DataFrame(
        {
            "year": days / DAYS_PER_YEAR,
            "traditional": (days // (contract_years * DAYS_PER_YEAR)).astype(int),
            "fast": (days // fast_cycle_days).astype(int),
        }
    )


def learning_chart(result: Mapping[str, float], figure: Any = None) -> Any:
    """Step chart of completed learning loops over a decade, from ``compare_learning``'s result.

    Given the figure it drew before, it moves that figure's lines (quicker in a calculator).
    """
    if figure is None:
        from matplotlib.figure import Figure

        figure = Figure(figsize=(7, 3.8))
        axes = figure.add_subplot()
        axes.step([], [], where="post", color=BLUE, linewidth=2, label=" ")
        axes.step([], [], where="post", color=ORANGE, linewidth=2.5, label=" ")
        axes.set_xlim(0, DECADE_YEARS)
        axes.set_xlabel("Years from the start")
        axes.set_ylabel("Chances to learn so far (count)")
        axes.legend(loc="upper left", frameon=False)
        axes.set_title("How often does a commissioner learn? Ten years of two cycles")
    axes = figure.axes[0]
    timeline = learning_timeline(result[TRADITIONAL_YEARS], result[FAST_DAYS])
    fast, traditional = axes.lines
    fast.set_data(timeline["year"], timeline["fast"])
    traditional.set_data(timeline["year"], timeline["traditional"])
    labels = (
        f"Fast cycle, every {result[FAST_DAYS]:g} days",
        f"Traditional cycle, every {result[TRADITIONAL_YEARS]:g} years",
    )
    for line, text, label in zip(axes.lines, axes.get_legend().get_texts(), labels, strict=True):
        line.set_label(label)
        text.set_text(label)
    top = max(1, int(timeline["fast"].max()), int(timeline["traditional"].max()))
    axes.set_ylim(-0.05 * top, top * 1.05)
    return figure


# The Institute for Government's three approaches (2010), as the report's table gives
# them (PSTA 2019, S1, lines 943-1008). The column labels were extracted after the
# bullets, so which column is which is inferred, and so is the pairing of rows. The
# first column ("public delivery vs outsourcing") has four items for six rows, so the
# lesson lists it separately.
MATURITY_ROWS: tuple[tuple[str, str, str, str], ...] = (
    # (aspect (our label), Commissioning 1.0, Commissioning 2.0, statement for the self-assessment)
    (
        "Outcomes",
        "Generic, binary outcomes",
        "Personalised outcomes related to need",
        "Outcomes are personal and need-led",
    ),
    (
        "Resources",
        "Siloed resources and protected budgets",
        "Shared resources and pooled budgets",
        "Resources are shared, budgets pooled",
    ),
    (
        "How we commission",
        "Competitive commissioning for cost reduction",
        "Collaborative commissioning for a range of values",
        "We commission together for many values",
    ),
    (
        "Focus",
        "Responsive focus on meeting targets",
        "Preventative focus on demand reduction",
        "Our focus is prevention",
    ),
    (
        "Production",
        "Production to the commissioner's priorities",
        "Co-production is the biggest element of the cycle",
        "Co-production is central to our cycle",
    ),
    ("Value", "User value not considered", "Co-creation of value", "We create value with service users"),
)
# Field and Miller's asset-based end of the journey (S1, lines 1070-1079, 1115-1122).
ASSET_BASED_STATEMENT = "Communities co-commission with us"
MATURITY_LEVELS = ("Not at all", "A little", "Partly", "Mostly", "Fully")


def ifg_table() -> pd.DataFrame:
    """Commissioning 1.0 and 2.0 side by side, row by row, with our label for each row."""
    rows = [(aspect, one, two) for aspect, one, two, _ in MATURITY_ROWS]
    return pd.DataFrame(rows, columns=["Aspect (our label)", "Commissioning 1.0", "Commissioning 2.0"]).set_index(
        "Aspect (our label)"
    )


def maturity_statements() -> list[str]:
    """The statements of the maturity self-assessment: one per IfG row, then the asset-based one."""
    return [row[3] for row in MATURITY_ROWS] + [ASSET_BASED_STATEMENT]


# Field and Miller's four stages (S1, lines 1088-1122): the order extracted, and the
# order of the progression as the course reads it.
ABC_STAGES_AS_EXTRACTED = ("Embryonic", "Asset-aware", "Outcome-focused", "Asset-based")
ABC_STAGES_IN_ORDER = ("Embryonic", "Outcome-focused", "Asset-aware", "Asset-based")
ABC_STAGE_TEXT = {
    "Embryonic": "A narrow set of outcomes met mainly by traditional services; each organisation manages its "
    "own assets in silos; people and communities are not meaningfully involved.",
    "Outcome-focused": "A wider, more sophisticated use of outcomes, built in; limited engagement with people, "
    "communities and suppliers; some joint work with other commissioners.",
    "Asset-aware": "A wide range of outcomes and fuller consultation; some co-production; volunteers and "
    "community assets 'bolted on' to existing services; organisations still decide.",
    "Asset-based": "Whole-life and community outcomes; self-help fully recognised; whole-system leadership and "
    "co-production; public resources used more to support people and communities than to "
    "provide services.",
}


def abc_stages_table() -> pd.DataFrame:
    """Field and Miller's stages in the course's order, with the position each had in the text."""
    rows = [
        (i, stage, ABC_STAGES_AS_EXTRACTED.index(stage) + 1, ABC_STAGE_TEXT[stage])
        for i, stage in enumerate(ABC_STAGES_IN_ORDER, start=1)
    ]
    return pd.DataFrame(rows, columns=["Step", "Stage", "Position in the text copy", "What it looks like"]).set_index(
        "Step"
    )


# --- 03 Outcomes, not outputs -------------------------------------------------------

RESULTS_CHAIN: dict[str, str] = {
    RESOURCE: "What you put in: money, staff, buildings, and the skills and time of residents and partners.",
    ACTIVITY: "What people do with the resources: the work itself.",
    OUTPUT: "What the work produces, usually counted: sessions run, places filled, checks completed.",
    OUTCOME: "The change in people's lives or in a place that the work is for.",
}


def results_chain_table() -> pd.DataFrame:
    """The four links of the results chain and what each means."""
    return pd.DataFrame(list(RESULTS_CHAIN.items()), columns=["Link in the chain", "What it means"]).set_index(
        "Link in the chain"
    )


OUTCOME_SORT = SortKey(
    categories=(RESOURCE, ACTIVITY, OUTPUT, OUTCOME),
    answers={
        "The budget for a strength and balance programme": RESOURCE,
        "Members of a walking group who offer to lead short walks": RESOURCE,
        "Running strength and balance classes in community centres": ACTIVITY,
        "Occupational therapists visiting homes to check for trip hazards": ACTIVITY,
        "The number of programme places filled this year": OUTPUT,
        "The number of home hazard checks completed": OUTPUT,
        "Leaflets about preventing falls delivered to every household": (ACTIVITY, OUTPUT),
        "Older people feel steadier on their feet and go out more": OUTCOME,
        "Fewer older people are admitted to hospital after a fall": OUTCOME,
    },
    feedback={
        "The budget for a strength and balance programme": "A resource (input): money is one of the resources, but only one.",
        "Members of a walking group who offer to lead short walks": "A resource (input): people's own time and skills are resources too, which is why the report "
        "asks for a much wider view of resources than budgets.",
        "Running strength and balance classes in community centres": "An activity: it is the work itself.",
        "Occupational therapists visiting homes to check for trip hazards": "An activity: the work that might, in time, prevent falls.",
        "The number of programme places filled this year": "An output: it counts what the service produced, not what changed for people.",
        "The number of home hazard checks completed": "An output: a count of work done. It tells you nothing yet about falls.",
        "Leaflets about preventing falls delivered to every household": "An activity or an output, both accepted: delivering leaflets is work, and the count of leaflets "
        "delivered is an output. Neither tells you whether anyone read them.",
        "Older people feel steadier on their feet and go out more": "An outcome: a change in people's lives, which only they can tell you about.",
        "Fewer older people are admitted to hospital after a fall": "An outcome: a change for the population, measured across the borough.",
    },
)

PERSONAL, POPULATION = "Personal outcome", "Population outcome"
PERSONAL_OR_POPULATION = SortKey(
    categories=(PERSONAL, POPULATION),
    answers={
        "Mrs Ahmed feels confident walking to the shops again after her fall": PERSONAL,
        "A carer gets a regular break that lets them keep their job": PERSONAL,
        "A young person leaving care has a settled home of their own": PERSONAL,
        "Fewer emergency admissions after a fall among residents aged 65 and over": POPULATION,
        "All people in Newcastle are healthy": POPULATION,
        "More residents say they feel they belong to their neighbourhood": POPULATION,
    },
    feedback={
        "Mrs Ahmed feels confident walking to the shops again after her fall": "Personal: it is one person's life, defined in her terms.",
        "A carer gets a regular break that lets them keep their job": "Personal: what matters to this carer, which may differ from what matters to the next one.",
        "A young person leaving care has a settled home of their own": "Personal: the young person is the best judge of whether their home is settled.",
        "Fewer emergency admissions after a fall among residents aged 65 and over": "Population: a rate for everyone in a place. No single service can be held to account for it.",
        "All people in Newcastle are healthy": "Population: the RSA's example of an ambitious outcome that galvanises action but can never be "
        "declared 'achieved'.",
        "More residents say they feel they belong to their neighbourhood": "Population: measured across a place, usually by a survey.",
    },
)

PAYMENT_BY_RESULTS = ChoiceKey(
    options={
        "Reducing reoffending across a region, where much of what drives reoffending is outside the provider's "
        "control": "Risky. A review of the Transforming Rehabilitation programme doubted that providers should carry "
        "full responsibility, as many factors that affect reoffending are outside probation's control "
        "(quoted in PSTA 2019, Move fast and fix things).",
        "A clearly defined group of people, a clear outcome that can be measured, and results that can be "
        "clearly put down to the provider's work": "Yes. This is when payment by results can work: a defined group, a well-defined outcome and results "
        "you can attribute (Government Outcomes Lab, feasibility guidance).",
        "A complex, changing problem where nobody yet knows what works": "Not a good fit. Paying only for results moves financial risk to providers, which a study quoted by "
        "the RSA found more likely to stifle innovation than to stimulate it.",
        "Any service whose outcomes can be counted": "Counting is not enough. The report says payment by results should be used 'selectively, carefully, "
        "and in strictly limited circumstances'.",
    },
    answer="A clearly defined group of people, a clear outcome that can be measured, and results that can be "
    "clearly put down to the provider's work",
)

RILO_RESOURCES = ("Finance", "Capital", "Workforce", "Markets", "Citizens", "Communities", "Assets", "etc.")
RILO_OUTCOMES = ("Community and place outcomes", "Citizen outcomes and experience")


def rilo_diagram() -> Any:
    """Resources, interventions, learning and outcomes (after PSTA 2019, S1, lines 917–941).

    The report's diagram lost its arrows in the text copy; this draws the four parts as a
    chain, with learning feeding back into the choice of interventions (our reading).
    """
    from matplotlib.figure import Figure
    from matplotlib.patches import FancyArrowPatch, FancyBboxPatch

    figure = Figure(figsize=(9, 3.8))
    axes = figure.add_subplot()
    axes.set_xlim(0, 10)
    axes.set_ylim(-0.6, 4.6)
    axes.axis("off")
    boxes = {
        "Resources": (0.1, "\n".join(RILO_RESOURCES[:4]) + "\n" + "\n".join(RILO_RESOURCES[4:])),
        "Interventions": (2.75, "what we try,\nmake, buy,\nborrow or\nencourage"),
        "Learning": (5.2, "what happened,\nand why;\nwhat to\nchange next"),
        "Outcomes": (7.65, "\n\n".join(o.replace(" and ", "\nand ", 1) for o in RILO_OUTCOMES)),
    }
    for title, (x, body) in boxes.items():
        axes.add_patch(
            FancyBboxPatch(
                (x, 0.5), 2.2, 3.3, boxstyle="round,pad=0.05", facecolor=LIGHT, edgecolor=BLUE, linewidth=1.5
            )
        )
        axes.text(x + 1.1, 3.55, title, ha="center", va="center", fontsize=11, fontweight="bold")
        axes.text(x + 1.1, 1.95, body, ha="center", va="center", fontsize=8.5)
    for x in (2.35, 4.8, 7.25):
        axes.add_patch(FancyArrowPatch((x, 2.1), (x + 0.35, 2.1), arrowstyle="-|>", mutation_scale=16, color=GREY))
    axes.add_patch(
        FancyArrowPatch(
            (6.3, 0.45),
            (3.85, 0.45),
            connectionstyle="arc3,rad=-0.35",
            arrowstyle="-|>",
            mutation_scale=14,
            color=ORANGE,
        )
    )
    axes.text(5.05, -0.45, "learning changes what we try next (our reading)", ha="center", fontsize=8, color=GREY)
    axes.text(0.1, 4.25, "\u2190 Need", fontsize=9, color=GREY)
    axes.text(9.9, 4.25, "Impact \u2192", fontsize=9, color=GREY, ha="right")
    axes.set_title("From resources to outcomes: the wider view of resources")
    return figure


# --- 04 Systems thinking ------------------------------------------------------------

CHAOTIC, SIMPLE, COMPLICATED, COMPLEX = "Chaotic", "Simple", "Complicated", "Complex"
CYNEFIN_DOMAINS: dict[str, str] = {
    CHAOTIC: "Stabilise the situation before anything else can be done.",
    SIMPLE: "Clear cause and effect, and known solutions.",
    COMPLICATED: "Cause and effect can be worked out, with expertise, even if not obvious at first.",
    COMPLEX: "Unknown unknowns: emergent and changing; any intervention changes the system in ways nobody can predict.",
}
# The three examples to which the RSA's article gives a type (S4, lines 2835-2851).
CYNEFIN_REPORT_EXAMPLES: dict[str, str] = {
    "The NHS buying latex gloves to prevent the spread of disease": SIMPLE,
    "Building Crossrail": COMPLICATED,
    "Responding to a riot or a disaster": CHAOTIC,
}

CYNEFIN_TRIAGE = SortKey(
    categories=(CHAOTIC, SIMPLE, COMPLICATED, COMPLEX),
    answers={
        **CYNEFIN_REPORT_EXAMPLES,
        "Repairs to social housing": (SIMPLE, COMPLICATED),
        "A quality-of-life survey for a town's residents": (SIMPLE, COMPLICATED),
        "Places in a hostel for people who present as homeless": (COMPLICATED, COMPLEX),
        "A service for young people with autism": COMPLEX,
        "Choosing which falls-prevention interventions to offer older people at risk": COMPLICATED,
        "Getting strength-and-balance exercise taken up, and kept up, across Brackenford": COMPLEX,
        "A storm has flooded a care home and residents must move tonight": CHAOTIC,
    },
    feedback={
        "The NHS buying latex gloves to prevent the spread of disease": "Simple: the RSA's own example. Cause and effect are clear and the solution is known.",
        "Building Crossrail": "Complicated: the RSA's own example. Hugely complicated, but achievable with expertise.",
        "Responding to a riot or a disaster": "Chaotic: the RSA's own example. Stabilise first; analysis comes later.",
        "Repairs to social housing": "Simple or complicated (our reading): most repairs have known fixes; some need expert diagnosis. "
        "The RSA lists it among things wrongly bought by one process.",
        "A quality-of-life survey for a town's residents": "Simple or complicated (our reading): survey methods are well known, though a good sample takes "
        "expertise.",
        "Places in a hostel for people who present as homeless": "Complicated or complex (our reading): buying beds can be planned, but homelessness itself is a "
        "'wicked problem' with no clear link between cause and effect.",
        "A service for young people with autism": "Complex (our reading): many people, services and families interact, and what helps emerges over "
        "time. The RSA's point is that it should not be bought like latex gloves.",
        "Choosing which falls-prevention interventions to offer older people at risk": "Complicated (our reading): the evidence is "
        "strong. NICE's falls guideline (NG249, 2025) sets out assessment and interventions, and a Cochrane review of 108 "
        "trials found that exercise cuts the rate of falls by about 23%. Expertise can tell you what works.",
        "Getting strength-and-balance exercise taken up, and kept up, across Brackenford": "Complex (our reading): what works "
        "in a trial is known; whether older people take it up and keep going at scale depends on trust, transport, "
        "loneliness, the workforce and much else that interacts. That part you learn by trying, with feedback.",
        "A storm has flooded a care home and residents must move tonight": "Chaotic: people's safety comes first. Act to stabilise; review afterwards.",
    },
)


def cynefin_chart() -> Any:
    """Cynefin's four domains as the RSA describes them, with the article's examples."""
    from matplotlib.figure import Figure
    from matplotlib.patches import Rectangle

    layout = {  # domain: (x, y) of the lower-left corner, in Snowden's usual arrangement
        COMPLEX: (0, 1),
        COMPLICATED: (1, 1),
        CHAOTIC: (0, 0),
        SIMPLE: (1, 0),
    }
    examples = {domain: [item for item, d in CYNEFIN_REPORT_EXAMPLES.items() if d == domain] for domain in layout}
    # The article labels no complex example; it goes on to ask how the system responds to
    # action on homelessness, domestic violence or obesity (S4, lines 2928-2939).
    examples[COMPLEX] = [
        "homelessness, domestic violence or obesity (discussed later in the article, not labelled by it)"
    ]
    figure = Figure(figsize=(8, 6))
    axes = figure.add_subplot()
    for domain, (x, y) in layout.items():
        axes.add_patch(Rectangle((x, y), 1, 1, facecolor=LIGHT, edgecolor="white", linewidth=4))
        axes.text(x + 0.5, y + 0.85, domain, ha="center", fontsize=13, fontweight="bold")
        axes.text(x + 0.5, y + 0.62, _wrap(CYNEFIN_DOMAINS[domain], 38), ha="center", va="center", fontsize=8.5)
        axes.text(
            x + 0.5,
            y + 0.25,
            "\n".join(_wrap("Example: " + e, 40) for e in examples[domain]),
            ha="center",
            va="center",
            fontsize=8.5,
            style="italic",
            color=BLUE,
        )
    axes.text(
        1,
        1,
        "Disorder\n(not in the\nRSA's text)",
        ha="center",
        va="center",
        fontsize=7.5,
        color=GREY,
        bbox={"boxstyle": "circle,pad=0.5", "facecolor": "white", "edgecolor": GREY},
    )
    axes.set_xlim(0, 2)
    axes.set_ylim(0, 2)
    axes.axis("off")
    axes.set_title("Not all problems are created equal: Cynefin's domains, with the RSA's examples")
    return figure


def _wrap(text: str, width: int) -> str:
    import textwrap

    return "\n".join(textwrap.wrap(text, width))


RSA_FAILINGS: tuple[tuple[str, str], ...] = (
    (
        "Linear, path-dependent and slow",
        "By the time the process ends the world, and the range of solutions, "
        "has changed. Some bids take over 18 months.",
    ),
    (
        "Assume every need can be specified",
        "'If it's not in the spec, it's not getting done' without a costly contract variation.",
    ),
    ("Not 'solution-agnostic'", "Commissioners start with the answer in mind, which crowds out innovation."),
    ("Combative relationships", "Value is extracted through the contract rather than created together."),
    (
        "Risk and reputation before experiment",
        "Providers worried about survival will not take the risk of doing things differently.",
    ),
    ("Ignore how complex systems behave", "Wicked problems are never solved, so you cannot commission a solution."),
    (
        "Treat all problems alike",
        "Latex gloves and a service for young people with autism go through the same process.",
    ),
)


def rsa_failings_table() -> pd.DataFrame:
    """The RSA's seven ways commissioning processes fail (PSTA 2019, S4, lines 2708–2812).

    The bullets are split across columns in the text copy, so their order is reconstructed.
    """
    return pd.DataFrame(RSA_FAILINGS, columns=["Commissioning processes too often...", "What goes wrong"]).set_index(
        "Commissioning processes too often..."
    )


IMMUNE_RESPONSE = ChoiceKey(
    options={
        "To safeguard lives": "Yes: one of the RSA's good reasons for the immune response.",
        "To spend public money without any impropriety": "Yes: propriety in public spending is a good reason.",
        "To avoid career-limiting mistakes that would play out in public": "Yes: the RSA lists this too.",
        "To prevent fraud and corruption": "Yes: a legitimate reason to be careful.",
        "'We have always done it this way'": "No: this is the immune response at its worst, blind maintenance of the status quo in the face of "
        "evidence for change.",
        "'The computer says no'": "No: the RSA uses this as the example of bureaucratic process crowding out common sense.",
    },
    answer=(
        "To safeguard lives",
        "To spend public money without any impropriety",
        "To avoid career-limiting mistakes that would play out in public",
        "To prevent fraud and corruption",
    ),
)

SHIFTS: tuple[tuple[str, str], ...] = (
    ("innocence", "responsibility"),
    ("centrality", "humility"),
    ("power", "impact"),
    ("services", "outcomes"),
    ("cold data", "warm data"),
    ("expertise", "learning"),
    ("separation of commissioning and service design", "shared responsibility for outcomes"),
)
# The radar chart cuts labels at 40 characters, so the longest shift gets a short label.
_SHORT_SHIFT_LABELS = {"separation of commissioning and service design": "From separate design to shared outcomes"}


def shift_statements() -> list[str]:
    """One short statement per shift for the slider board: "From X to Y", at most 40 characters."""
    return [_SHORT_SHIFT_LABELS.get(source, f"From {source} to {target}") for source, target in SHIFTS]


def shifts_table() -> pd.DataFrame:
    """The commissioning shifts in full (PSTA 2019, S1, lines 1293–1313), with the board's short label."""
    rows = [(short, source, target) for short, (source, target) in zip(shift_statements(), SHIFTS, strict=True)]
    return pd.DataFrame(rows, columns=["On the board", "From", "To"]).set_index("On the board")


# --- 05 The running case: Brackenford (synthetic) -------------------------------------------


def ward_profile(wards: pd.DataFrame) -> pd.DataFrame:
    """One row per ward, most need first: population, people aged 65+, their share, need index and rank."""
    older = wards["age_65_74"] + wards["age_75_plus"]
    table = pd.DataFrame(
        {
            "Ward": wards["ward"].astype(str),
            "Residents": wards["population"].astype(int),
            "Aged 65 and over": older.astype(int),
            "Aged 65 and over (%)": (100 * older / wards["population"]).astype(float).round(1),
            "Need index (0 to 100)": wards["need_index"].astype(float),
            "Need rank (1 = most need)": wards["need_rank"].astype(int),
        }
    )
    return table.sort_values("Need rank (1 = most need)").set_index("Ward")


def highest_need_ward(wards: pd.DataFrame) -> str:
    """The ward ranked 1 on need. Raises ``ValueError`` if the rank and the index disagree."""
    top = wards.loc[wards["need_rank"] == 1, "ward"]
    by_index = wards.loc[wards["need_index"].idxmax(), "ward"]
    if len(top) != 1 or str(top.iloc[0]) != str(by_index):
        raise ValueError("the need rank and the need index do not agree on the highest-need ward")
    return str(top.iloc[0])


def borough_totals(wards: pd.DataFrame) -> dict[str, float]:
    """Residents, people aged 65 and over and their share, for the whole borough."""
    residents = int(wards["population"].sum())
    older = int((wards["age_65_74"] + wards["age_75_plus"]).sum())
    return {"residents": residents, "aged_65_plus": older, "aged_65_plus_percent": round(100 * older / residents, 1)}


def annual_spend(demand: pd.DataFrame) -> pd.DataFrame:
    """Spending (activity × unit cost, £) by financial year: reactive, preventive and total."""
    cost = demand.assign(spend=demand["activity"].astype(float) * demand["unit_cost_gbp"])
    table = cost.pivot_table(
        index="financial_year", columns="service_type", values="spend", aggfunc="sum", observed=True
    )
    table = table.reindex(columns=["reactive", "preventive"]).fillna(0.0)
    table.columns = ["Reactive: admissions after a fall (£)", "Preventive: strength and balance (£)"]
    table["Total (£)"] = table.sum(axis=1)
    table.index = table.index.astype(str)
    table.index.name = "Financial year"
    return table.round(0)


@dataclass(frozen=True)
class Growth:
    """How one service changed between the first and last financial years in the data."""

    first_year: str
    last_year: str
    spend_first: float
    spend_last: float
    activity_first: int
    activity_last: int

    @property
    def spend_growth_percent(self) -> float:
        return round(100 * (self.spend_last / self.spend_first - 1), 1)

    @property
    def activity_growth_percent(self) -> float:
        return round(100 * (self.activity_last / self.activity_first - 1), 1)

    @property
    def unit_cost_growth_percent(self) -> float:
        """Growth in the average cost of one unit of activity (spend ÷ activity)."""
        first = self.spend_first / self.activity_first
        last = self.spend_last / self.activity_last
        return round(100 * (last / first - 1), 1)


def growth(demand: pd.DataFrame, service_type: str = "reactive") -> Growth:
    """Spend and activity of one service type in the first and last financial years of ``demand``."""
    rows = demand[demand["service_type"] == service_type]
    if rows.empty:
        raise ValueError(f"there is no '{service_type}' service in the data")
    rows = rows.assign(spend=rows["activity"].astype(float) * rows["unit_cost_gbp"])
    by_year = rows.groupby(rows["year_start"].astype(int)).agg(
        spend=("spend", "sum"), activity=("activity", "sum"), fy=("financial_year", "first")
    )
    first, last = by_year.iloc[0], by_year.iloc[-1]
    return Growth(
        str(first["fy"]),
        str(last["fy"]),
        round(float(first["spend"]), 2),
        round(float(last["spend"]), 2),
        int(first["activity"]),
        int(last["activity"]),
    )


def falls_rate_by_ward(wards: pd.DataFrame, demand: pd.DataFrame, financial_year: str | None = None) -> pd.DataFrame:
    """Emergency admissions after a fall per 1,000 residents aged 65+, by ward, in one year (latest by default)."""
    reactive = demand[demand["service_type"] == "reactive"]
    year = financial_year or str(reactive.loc[reactive["year_start"].idxmax(), "financial_year"])
    chosen = reactive[reactive["financial_year"].astype(str) == year]
    if chosen.empty:
        raise ValueError(f"there is no data for {year}")
    people = wards.assign(older=wards["age_65_74"] + wards["age_75_plus"])
    table = chosen[["ward_code", "activity"]].merge(
        people[["ward_code", "ward", "older", "need_index"]], on="ward_code", validate="one_to_one"
    )
    return (
        pd.DataFrame(
            {
                "Ward": table["ward"].astype(str),
                "Need index (0 to 100)": table["need_index"].astype(float),
                "Aged 65 and over": table["older"].astype(int),
                f"Admissions after a fall, {year}": table["activity"].astype(int),
                "Admissions per 1,000 aged 65 and over": (1000 * table["activity"] / table["older"])
                .astype(float)
                .round(1),
            }
        )
        .sort_values("Admissions per 1,000 aged 65 and over", ascending=False)
        .set_index("Ward")
    )


RATE = "Admissions per 1,000 aged 65 and over"
NEED = "Need index (0 to 100)"


def need_chart(profile: pd.DataFrame) -> Any:
    """Horizontal bars of each ward's need index, most need at the top (from ``ward_profile``)."""
    from matplotlib.figure import Figure

    figure = Figure(figsize=(7, 4.2))
    axes = figure.add_subplot()
    axes.barh(profile.index, profile[NEED], color=BLUE)
    axes.invert_yaxis()
    axes.set_xlim(0, 100)
    axes.set_xlabel("Need index (0 to 100; higher means more need)")
    for y, value in enumerate(profile[NEED]):
        axes.text(value + 1, y, f"{value:.1f}", va="center", fontsize=8)
    axes.set_title("Brackenford wards by need (synthetic data)")
    return figure


def spend_chart(spend: pd.DataFrame) -> Any:
    """Lines of yearly spending on the reactive and preventive services, in £ thousands (from ``annual_spend``)."""
    from matplotlib.figure import Figure

    figure = Figure(figsize=(7, 4))
    axes = figure.add_subplot()
    years = list(spend.index)
    for column, colour, marker in zip(spend.columns[:2], (ORANGE, GREEN), ("o", "s"), strict=True):
        axes.plot(
            years, spend[column] / 1000, color=colour, marker=marker, linewidth=2, label=column.replace(" (£)", "")
        )
    axes.set_ylim(bottom=0)
    axes.set_xlabel("Financial year")
    axes.set_ylabel("Spending (£ thousands, that year's prices)")
    axes.legend(loc="center right", frameon=False)
    axes.set_title("Brackenford: spending on falls, reacting and preventing (synthetic data)")
    return figure


def falls_rate_chart(rates: pd.DataFrame) -> Any:
    """Bars of each ward's falls admission rate, highest first, marking the five highest-need wards.

    Takes the table from ``falls_rate_by_ward``.
    """
    from matplotlib.figure import Figure
    from matplotlib.patches import Patch

    ordered = rates.sort_values(RATE, ascending=False)
    high_need = set(rates[NEED].nlargest(len(rates) // 2).index)
    colours = [BLUE if ward in high_need else GREY for ward in ordered.index]
    figure = Figure(figsize=(7.5, 4.4))
    axes = figure.add_subplot()
    axes.barh(ordered.index, ordered[RATE], color=colours)
    axes.invert_yaxis()
    for y, (rate, need) in enumerate(zip(ordered[RATE], ordered[NEED], strict=True)):
        axes.text(rate + 0.4, y, f"{rate:.1f}  (need index {need:.1f})", va="center", fontsize=8)
    axes.set_xlim(0, math.ceil(ordered[RATE].max() / 10) * 10 + 28)
    axes.set_xlabel("Emergency admissions after a fall per 1,000 residents aged 65 and over")
    axes.legend(
        handles=[
            Patch(color=BLUE, label=f"The {len(high_need)} wards with most need"),
            Patch(color=GREY, label="The other wards"),
        ],
        loc="lower right",
        frameon=False,
    )
    year = next(c for c in rates.columns if c.startswith("Admissions after a fall, ")).rsplit(", ", 1)[1]
    axes.set_title(f"Brackenford: falls admissions by ward, {year} (synthetic data)")
    return figure


def describe_rates(rates: pd.DataFrame) -> dict[str, Any]:
    """The facts the lesson draws from ``falls_rate_by_ward``: highest and lowest rate, and the highest-need ward."""
    return {
        "highest_rate_ward": str(rates[RATE].idxmax()),
        "highest_rate": float(rates[RATE].max()),
        "lowest_rate_ward": str(rates[RATE].idxmin()),
        "lowest_rate": float(rates[RATE].min()),
        "highest_need_ward": str(rates[NEED].idxmax()),
        "correlation": round(float(rates[NEED].corr(rates[RATE])), 2),
    }


def readable(table: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``table`` for display: whole numbers with thousands separators ("14,501"),
    other numbers to one decimal place."""

    def column_text(column: pd.Series) -> pd.Series:
        if pd.api.types.is_integer_dtype(column):
            return column.map(lambda value: f"{int(value):,}")
        if pd.api.types.is_float_dtype(column):
            return column.map(lambda value: f"{value:,.1f}")
        return column

    return table.apply(column_text)


def money_table(table: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``table`` with every value written as pounds ("£1,910,800"), for display."""
    return table.apply(lambda column: column.map(lambda value: f"£{value:,.0f}"))


def format_pounds(value: float) -> str:
    """£1,910,800 → "£1.91 million"; £41,580 → "£41,580"."""
    if abs(value) >= 1_000_000:
        return f"£{value / 1_000_000:.2f} million"
    return f"£{value:,.0f}"


def highest_need_question(wards: pd.DataFrame) -> ChoiceKey:
    """Which ward has the most need? Options are every ward; feedback uses the data."""
    top = highest_need_ward(wards)
    ordered = wards.sort_values("ward_code")
    indexed = ordered.set_index(ordered["ward"].astype(str))
    feedback = {
        str(name): (
            f"Yes: {name} ranks first, with a need index of {row['need_index']:.1f}."
            if str(name) == top
            else f"Not this one: {name} ranks {int(row['need_rank'])} of {len(wards)}, with a need index "
            f"of {row['need_index']:.1f}."
        )
        for name, row in indexed.iterrows()
    }
    return ChoiceKey(options=feedback, answer=top)


def public_fact(facts: pd.DataFrame, fact_id: str) -> pd.Series:
    """One row of the ``public_facts`` dataset, by its ``fact_id``."""
    rows = facts[facts["fact_id"] == fact_id]
    if len(rows) != 1:
        raise KeyError(f"the public facts have no single row called '{fact_id}'")
    return rows.iloc[0]
