"""Day 5, building on assets, making change happen and quality improvement: numbers, keys and charts.

The Day 5 notebooks (``modules/day5-assets-change-and-improvement/``) call these; the
tests in ``tests/test_day5.py`` check them. Everything here is plain Python: data in,
numbers, tables or matplotlib Figures out. Nothing imports ipywidgets. The run-chart and
XmR rules themselves live in :mod:`exercises.lessons.runcharts`.

Sources. "PSTA 2019" is the Public Service Transformation Academy's report *Public
service: state of transformation*; line numbers refer to the course's text copy (see
``datasets/README.md``). Figures the report gives come from datasets through
``exercises.data.load``. The asset types are from J. Kretzmann and J. McKnight (1993),
*Building Communities from the Inside Out*; the Model for Improvement from G. Langley
and others, *The Improvement Guide*, as the Institute for Healthcare Improvement (IHI)
teaches it. Brackenford is a fictional borough and all its data is synthetic.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pandas as pd

from exercises.lessons import runcharts
from exercises.lessons.common import BLUE, GREEN, GREY, LIGHT, ORANGE, RED, ChoiceKey, SortKey
from exercises.lessons.day1 import ABC_STAGES_IN_ORDER, S1  # noqa: F401  (S1: the article title, for pages)
from exercises.lessons.sources import as_stated, fact

S7 = "Transformation in Rotherham: 'It takes a village to raise a child'"
ABCD_SOURCE = (
    "J. Kretzmann and J. McKnight (1993), *Building Communities from the Inside Out*, "
    "ABCD Institute, Northwestern University"
)
MFI_SOURCE = (
    "G. Langley and others, *The Improvement Guide*, as taught by the Institute for Healthcare Improvement (IHI)"
)


# --- 01 Building on assets -------------------------------------------------------------

# The six asset types the course uses: the six assets of McKnight and Russell (2018),
# ABCD Institute (contributions of residents, associations, local institutions, place,
# exchange, stories), under the short names the Brackenford asset register uses.
# Kretzmann and McKnight (1993) had the first five as building blocks; stories (culture
# and heritage) is McKnight and Russell's sixth, not the course's invention.
ABCD_TYPES: dict[str, str] = {
    "individuals": "The skills, knowledge, time and passions of residents: the 'capacity inventory'.",
    "associations": "Groups people run for themselves: clubs, faith groups, Friends groups, residents' groups.",
    "institutions": "Local public, voluntary and private organisations: schools, libraries, GP practices, "
    "the fire station.",
    "physical": "Land, buildings and spaces: parks, community halls, allotments, towpaths.",
    "economic": "Local money and trade: employers, social enterprises, credit unions, community funds.",
    "cultural": "Arts, heritage and shared identity: choirs, festivals, heritage trails, local history.",
}
ASSET_TYPES = tuple(ABCD_TYPES)


def abcd_table() -> pd.DataFrame:
    """The six asset types, their names in McKnight and Russell (2018), and what each covers."""
    from exercises.lessons.day5_assets import six_assets_table

    return six_assets_table()


def asset_examples_table(facts: pd.DataFrame, projects: pd.DataFrame) -> pd.DataFrame:
    """The report's asset examples, with figures from ``case_study_facts`` and ``somerset_challenge_projects``."""
    if not projects["project"].astype(str).str.contains("Cheddar").any():
        raise KeyError("the Somerset challenge projects have no Cheddar and Axbridge row")
    pantry, groups = fact(facts, "oldham_pantry_members"), fact(facts, "storyhouse_groups")
    volunteers, friends = fact(facts, "storyhouse_volunteers"), fact(facts, "suffolk_friends_groups")
    wigan_money, wigan_projects = fact(facts, "wigan_community_investment"), fact(facts, "wigan_projects")
    rows = [
        (
            "Somerset: Cheddar and Axbridge",
            "A challenge project from the first cohort used asset-based community development for a wider "
            "community response to health and wellbeing, and set up a 'Seattle-style' community fund.",
            "Fisk, Hearn and Howarth (2019)",
        ),
        (
            "Wigan",
            f"Council day centres replaced by community groups; {as_stated(wigan_money)} invested over four years "
            f"in grassroots organisations, supporting {as_stated(wigan_projects)} projects; an asset-based approach "
            "in children's social care.",
            "Hall (2019)",
        ),
        (
            "Oldham: Holts and Lees",
            f"The hub team 'wraps services around the community assets'. A community pantry signed up "
            f"{as_stated(pantry)} members in its first two months.",
            "Sugars (2019)",
        ),
        (
            "Storyhouse, Chester",
            f"{as_stated(groups)} community groups use the building free each month; "
            f"{as_stated(volunteers)} volunteers work alongside the staff.",
            "Bentley (2019)",
        ),
        (
            "Suffolk Libraries",
            f"Each library has a community 'Friends' group ({as_stated(friends)} in all) that is a member of "
            "the society and votes at its AGM.",
            "Leeke (2019)",
        ),
    ]
    return pd.DataFrame(rows, columns=["Where", "The assets it built on", "Source"])


_STAGE_SCENARIOS: tuple[tuple[str, str, str], ...] = (
    (
        "The council buys day-centre places; residents are not asked what they want, and each department "
        "manages its own buildings.",
        "Embryonic",
        "Embryonic: a narrow set of outcomes met by traditional services, assets managed in silos, no "
        "meaningful involvement of people.",
    ),
    (
        "Each contract is judged on how many places it fills.",
        "Embryonic",
        "Embryonic: counting places filled is an output, and the only tool is a traditional service.",
    ),
    (
        "Outcomes are written into every contract and reviewed with the NHS, but residents are surveyed only "
        "once a year.",
        "Outcome-focused",
        "Outcome-focused: a wider, embedded use of outcomes and some joint work with other commissioners, but "
        "limited engagement with people and communities.",
    ),
    (
        "The falls service recruits volunteers to hand out leaflets, but the council still decides everything.",
        "Asset-aware",
        "Asset-aware: volunteers are 'bolted on' to an existing service, and organisational commissioners "
        "still decide.",
    ),
    (
        "Consultation is wide and one service is co-produced; a 'good neighbours' scheme is added to home care.",
        "Asset-aware",
        "Asset-aware: fuller consultation and some co-production, with community assets added to services "
        "rather than shaping them.",
    ),
    (
        "Residents, the walking group and the council decide together how to spend the falls budget, and most "
        "of it now helps people and groups do things for themselves.",
        "Asset-based",
        "Asset-based: co-production and public resources used to support people and communities rather than "
        "to provide services.",
    ),
    (
        "Leaders across health, the council and the community steer one plan for whole-life outcomes in the "
        "neighbourhood.",
        "Asset-based",
        "Asset-based: whole-life and community outcomes with whole-systems leadership.",
    ),
)

STAGE_SORT = SortKey(
    categories=ABC_STAGES_IN_ORDER,
    answers={item: stage for item, stage, _ in _STAGE_SCENARIOS},
    feedback={item: text for item, _, text in _STAGE_SCENARIOS},
)

_ASSET_EXAMPLES: tuple[tuple[str, str | tuple[str, ...], str], ...] = (
    (
        "A retired joiner who offers to do small repairs for neighbours",
        "individuals",
        "Individuals: one person's skills and time, the heart of a capacity inventory.",
    ),
    (
        "Storyhouse's volunteers",
        "individuals",
        "Individuals: people giving their own time and skills (PSTA 2019, Storyhouse case study).",
    ),
    (
        "The Friends group of each Suffolk library",
        "associations",
        "Associations: groups run by their members, here members of the library society (PSTA 2019, Suffolk "
        "Libraries case study).",
    ),
    (
        "The community groups that use Storyhouse free each month",
        "associations",
        "Associations: choirs, conversation groups and clubs that people run for themselves.",
    ),
    (
        "The local GP practice and primary school",
        "institutions",
        "Institutions: organisations with staff, budgets and buildings that can open their doors to the community.",
    ),
    (
        "Hounslow's parks and open spaces",
        "physical",
        "Physical: land and spaces. Their Friends groups would be associations (PSTA 2019, Hounslow Parks case study).",
    ),
    (
        "The 'Seattle-style' community fund in Cheddar and Axbridge",
        "economic",
        "Economic: local money for local wellbeing initiatives (PSTA 2019, Somerset Academies case study).",
    ),
    (
        "Oldham's community pantry",
        ("economic", "associations"),
        "Economic or associations: members buy food cheaply (economic), and the community runs it for itself "
        "(an association). Either reading is fair (PSTA 2019, Oldham case study).",
    ),
    (
        "A community choir and a local heritage trail",
        "cultural",
        "Cultural: arts and heritage that give a place its identity and bring people together.",
    ),
)

ASSET_TYPE_SORT = SortKey(
    categories=tuple(kind.capitalize() for kind in ASSET_TYPES),
    answers={
        item: (answer.capitalize() if isinstance(answer, str) else tuple(a.capitalize() for a in answer))
        for item, answer, _ in _ASSET_EXAMPLES
    },
    feedback={item: text for item, _, text in _ASSET_EXAMPLES},
)


# --- 02 Mapping assets with data (synthetic) --------------------------------------------

NEED = "Need index (0 to 100)"
RESIDENTS = "Residents"
ASSETS = "Assets on the register"
PER_1000 = "Assets per 1,000 residents"
WORKS_WITH = "Council already works with (%)"
PEOPLE_PER_1000 = "People involved a month per 1,000 residents"


def _check_wards(assets: pd.DataFrame, wards: pd.DataFrame) -> None:
    unknown = set(assets["ward_code"].astype(str)) - set(wards["ward_code"].astype(str))
    if unknown:
        raise ValueError(f"the asset register names wards that are not in the ward table: {sorted(unknown)}")


def asset_map(assets: pd.DataFrame, wards: pd.DataFrame) -> pd.DataFrame:
    """One row per ward, most need first: need, residents, assets, assets per 1,000, council links."""
    _check_wards(assets, wards)
    by_ward = assets.groupby(assets["ward_code"].astype(str)).agg(
        assets=("asset_id", "size"),
        works_with=("council_works_with_it", "mean"),
        people=("people_involved", "sum"),
    )
    table = wards.assign(ward_code=wards["ward_code"].astype(str)).set_index("ward_code").join(by_ward)
    table[["assets", "people"]] = table[["assets", "people"]].fillna(0)
    result = pd.DataFrame(
        {
            "Ward": table["ward"].astype(str),
            NEED: table["need_index"].astype(float),
            RESIDENTS: table["population"].astype(int),
            ASSETS: table["assets"].astype(int),
            PER_1000: (1000 * table["assets"] / table["population"]).astype(float).round(2),
            PEOPLE_PER_1000: (1000 * table["people"].astype(float) / table["population"]).round(0).astype(int),
            WORKS_WITH: (100 * table["works_with"].astype(float)).round(0),
        }
    )
    return result.sort_values(NEED, ascending=False).set_index("Ward")


def assets_by_type(assets: pd.DataFrame, wards: pd.DataFrame) -> pd.DataFrame:
    """Assets per 1,000 residents, ward by asset type, most need first (columns in ABCD order)."""
    _check_wards(assets, wards)
    counts = pd.crosstab(assets["ward_code"].astype(str), assets["asset_type"].astype(str))
    counts = counts.reindex(columns=list(ASSET_TYPES), fill_value=0)
    people = wards.assign(ward_code=wards["ward_code"].astype(str)).set_index("ward_code")
    counts = counts.reindex(people.index, fill_value=0)
    rates = (1000 * counts.div(people["population"].astype(float), axis=0)).round(2)
    rates.index = people["ward"].astype(str)
    rates.columns = [column.capitalize() for column in rates.columns]
    order = people.sort_values("need_index", ascending=False)["ward"].astype(str)
    return rates.loc[list(order)].rename_axis("Ward").rename_axis("Asset type", axis=1)


def borough_rate(assets: pd.DataFrame, wards: pd.DataFrame) -> float:
    """Assets per 1,000 residents across the whole borough."""
    return round(1000 * len(assets) / int(wards["population"].sum()), 2)


def thin_and_high_need(table: pd.DataFrame, rate: float) -> list[str]:
    """Wards whose need is above the middle ward's and whose assets per 1,000 are below the borough rate."""
    need_middle = table[NEED].median()
    chosen = table[(table[NEED] > need_middle) & (table[PER_1000] < rate)]
    return list(chosen.index)


def thinnest_ward_question(table: pd.DataFrame) -> ChoiceKey:
    """Which ward has the fewest assets per 1,000 residents? Options: every ward; feedback from the data."""
    thinnest = str(table[PER_1000].idxmin())
    options = {
        str(ward): (
            f"Yes: {ward} has {row[PER_1000]:.2f} assets per 1,000 residents, the fewest, and a need "
            f"index of {row[NEED]:.1f}."
            if str(ward) == thinnest
            else f"Not this one: {ward} has {row[PER_1000]:.2f} per 1,000 residents."
        )
        for ward, row in table.sort_index().iterrows()
    }
    return ChoiceKey(options=options, answer=thinnest)


def works_with_share(assets: pd.DataFrame) -> float:
    """The share of assets on the register the council already works with (%, one decimal place)."""
    return round(100 * float(assets["council_works_with_it"].astype(float).mean()), 1)


def need_and_assets_chart(table: pd.DataFrame, rate: float) -> Any:
    """Scatter of need index against assets per 1,000 residents, one labelled dot per ward."""
    from matplotlib.figure import Figure

    thin = set(thin_and_high_need(table, rate))
    figure = Figure(figsize=(7.5, 4.8))
    axes = figure.add_subplot()
    axes.axhline(rate, color=GREY, linestyle="--", linewidth=1)
    axes.axvline(table[NEED].median(), color=GREY, linestyle=":", linewidth=1)
    for ward, row in table.iterrows():
        colour = ORANGE if ward in thin else BLUE
        axes.scatter(row[NEED], row[PER_1000], color=colour, s=60, marker="s" if ward in thin else "o", zorder=3)
        axes.annotate(str(ward), (row[NEED], row[PER_1000]), textcoords="offset points", xytext=(6, 4), fontsize=8)
    axes.text(2, rate + 0.02, f"Borough: {rate:.2f} per 1,000", fontsize=8, color=GREY)
    axes.set_xlim(0, 100)
    axes.set_xlabel("Need index (0 to 100; higher means more need)")
    axes.set_ylabel("Assets on the register per 1,000 residents")
    axes.set_title("Brackenford: need and recorded community assets by ward (synthetic data)")
    return figure


TYPE_COLOURS = (BLUE, GREEN, GREY, ORANGE, RED, "#4c2c92")


def asset_types_chart(rates: pd.DataFrame) -> Any:
    """Stacked bars of assets per 1,000 residents by type, one bar per ward, most need at the top."""
    from matplotlib.figure import Figure

    figure = Figure(figsize=(8, 4.8))
    axes = figure.add_subplot()
    left = pd.Series(0.0, index=rates.index)
    for column, colour in zip(rates.columns, TYPE_COLOURS, strict=True):
        axes.barh(rates.index, rates[column], left=left, color=colour, label=column, edgecolor="white")
        left = left + rates[column]
    axes.invert_yaxis()
    axes.set_xlabel("Assets on the register per 1,000 residents")
    axes.set_ylabel("Ward (most need at the top)")
    axes.legend(loc="lower right", fontsize=8, frameon=False, title="Asset type", title_fontsize=8)
    axes.set_xlim(0, float(left.max()) * 1.45)
    axes.set_title("Brackenford: recorded assets by type and ward (synthetic data)")
    return figure


# --- 03 Making change happen: Rotherham and Kotter -----------------------------------------

KOTTER_MEANING: dict[str, str] = {
    "1. Create a sense of urgency": "Help people see why things cannot stay as they are.",
    "2. Build a guiding coalition": "Bring together enough people with the power and trust to lead the change.",
    "3. Form a strategic vision and initiatives": "Say clearly where you are going and the first things you will do.",
    "3a. Communicate the vision": "Ian Thomas restores it: say it again and again, in many forms.",
    "4. Enlist a volunteer army": "Bring in many people who want to help, inside and outside the organisation.",
    "5. Enable action by removing barriers": "Clear what stops people acting: from IT and offices to "
    "confidence and mindset.",
    "6. Generate short-term wins": "Show early, visible progress to build belief.",
    "7. Sustain acceleration": "Keep up the pace after the first wins.",
    "8. Institute change": "Make the new ways the normal way, so they last.",
}


def kotter_steps(timeline: pd.DataFrame) -> list[str]:
    """Kotter's steps as the ``rotherham_timeline`` dataset orders them, without 'Background'."""
    return [str(step) for step in timeline["kotter_step"].cat.categories if str(step) != "Background"]


# Kotter's original eight steps (Kotter 1995, "Leading change: why transformation efforts
# fail", Harvard Business Review; and Leading Change, 1996) against the steps of his 2014
# Accelerate, which the Rotherham article uses. Step 3a, "communicate the vision", which
# Ian Thomas adds, was step 4 of the original; the "volunteer army" is new in 2014.
KOTTER_ORIGINAL: dict[str, str] = {
    "1. Create a sense of urgency": "1. Establishing a sense of urgency",
    "2. Build a guiding coalition": "2. Forming a powerful guiding coalition",
    "3. Form a strategic vision and initiatives": "3. Creating a vision",
    "3a. Communicate the vision": "4. Communicating the vision",
    "4. Enlist a volunteer army": "(new in 2014)",
    "5. Enable action by removing barriers": "5. Empowering others to act on the vision",
    "6. Generate short-term wins": "6. Planning for and creating short-term wins",
    "7. Sustain acceleration": "7. Consolidating improvements and producing still more change",
    "8. Institute change": "8. Institutionalizing new approaches",
}


def kotter_table(timeline: pd.DataFrame) -> pd.DataFrame:
    """Each step as Rotherham used it (Accelerate, 2014), its 1995 original, what it means, and its events."""
    rows = []
    for step in kotter_steps(timeline):
        events = timeline[timeline["kotter_step"].astype(str) == step]
        rows.append((step, KOTTER_ORIGINAL[step], KOTTER_MEANING[step], len(events)))
    return pd.DataFrame(
        rows,
        columns=[
            "Step as Rotherham used it (Accelerate, 2014)",
            "Kotter's original (1995)",
            "What it means",
            "Events in the timeline",
        ],
    )


def dated_events(timeline: pd.DataFrame) -> pd.DataFrame:
    """The timeline's events that have a date, earliest first."""
    return timeline[timeline["date"].notna()].sort_values(["date", "sequence"])


def undated_share(timeline: pd.DataFrame) -> float:
    """The share of the timeline's rows with no date in the report (%, whole number)."""
    return round(100 * float(timeline["date"].isna().mean()))


_SHORT_EVENTS = {
    1: "Jay report published",
    2: "Ofsted: inadequate",
    4: "Ian Thomas starts",
    8: "Target: 'outstanding' by 2018",
    13: "Operation Clover convictions",
    14: "First 'outstanding' (disabled breaks)",
    18: "Call: re-inspection tomorrow",
    19: "Re-inspection begins",
    20: "Re-inspection: 'good', top 16%",
}


def timeline_chart(timeline: pd.DataFrame) -> Any:
    """The dated events of the Rotherham story, one row each, earliest at the top, labelled with their step."""
    from matplotlib.dates import YearLocator
    from matplotlib.figure import Figure
    from matplotlib.lines import Line2D

    dated = dated_events(timeline).reset_index(drop=True)
    markers = {"event": ("o", BLUE), "target": ("D", GREEN), "setback": ("X", RED)}
    figure = Figure(figsize=(9, 4.6))
    axes = figure.add_subplot()
    labels = []
    for y, row in dated.iterrows():
        marker, colour = markers[str(row["kind"])]
        axes.scatter(row["date"], y, marker=marker, color=colour, s=55, zorder=3)
        axes.annotate(
            str(row["kotter_step"]),
            (row["date"], y),
            textcoords="offset points",
            xytext=(8, -3),
            fontsize=7.5,
            color=GREY,
        )
        label = _SHORT_EVENTS.get(int(row["sequence"]), str(row["event"])[:30])
        if str(row["date_precision"]) != "day":
            label += f" ({row['date_precision']} only)"
        labels.append(label)
    axes.set_yticks(range(len(labels)))
    axes.set_yticklabels(labels, fontsize=8)
    axes.set_ylim(len(labels) - 0.5, -0.5)
    axes.xaxis.set_major_locator(YearLocator())
    axes.set_xlim(pd.Timestamp("2014-06-01"), pd.Timestamp("2019-09-01"))
    axes.set_xlabel("Date (year)")
    axes.grid(axis="y", color=LIGHT)
    axes.legend(
        handles=[
            Line2D([], [], marker=m, color=c, linestyle="", label=k.capitalize()) for k, (m, c) in markers.items()
        ],
        loc="upper right",
        fontsize=8,
        frameon=False,
    )
    axes.set_title("Rotherham, 2014 to 2018: the dated events and their Kotter step")
    return figure


KOTTER_ITEMS = (6, 7, 10, 11, 12, 14, 15, 16, 17, 20)  # rows of rotherham_timeline used in the sort


def kotter_sort(timeline: pd.DataFrame, sequences: Sequence[int] = KOTTER_ITEMS) -> SortKey:
    """Sort Rotherham's events into Kotter's steps; the answer is the step the article puts each under."""
    rows = timeline.set_index(timeline["sequence"].astype(int)).loc[list(sequences)]
    answers, feedback = {}, {}
    for _, row in rows.iterrows():
        step, item = str(row["kotter_step"]), str(row["event"])
        answers[item] = step
        text = (
            f"Ian Thomas puts this under step {step.split('.')[0]}, '{step.split('. ', 1)[1]}' "
            f"(PSTA 2019, S7, lines {int(row['line_start'])}\u2013{int(row['line_end'])})."
        )
        if pd.notna(row["note"]):
            text += f" {row['note']}"
        feedback[item] = text
    used = [step for step in kotter_steps(timeline) if step in set(answers.values())]
    return SortKey(categories=tuple(used), answers=answers, feedback=feedback)


NON_LINEAR = ChoiceKey(
    options={
        "The steps must be taken strictly in order, one at a time": "No: Ian Thomas says there is 'a slight flaw' in the model's sequencing, and allows for flexibility.",
        "Change was iterative, 'a roller coaster ride', and at times derailed": "Yes: three residential homes were rated inadequate while the wider system was improving.",
        "Once the guiding coalition is built, progress is steady": "No: the setbacks came after the coalition and the vision were in place.",
        "Quick wins make later setbacks impossible": "No: quick wins build belief, but the article shows setbacks still happen.",
    },
    answer="Change was iterative, 'a roller coaster ride', and at times derailed",
)


# --- 04 Quality improvement: the Model for Improvement and run-chart rules -------------------

MFI_QUESTIONS: tuple[str, str, str] = (
    "What are we trying to accomplish?",
    "How will we know that a change is an improvement?",
    "What change can we make that will result in improvement?",
)
AIM, MEASURE, CHANGE = ("Aim: " + MFI_QUESTIONS[0], "Measure: " + MFI_QUESTIONS[1], "Change: " + MFI_QUESTIONS[2])

MFI_SORT = SortKey(
    categories=(AIM, MEASURE, CHANGE),
    answers={
        "Raise the share of home-care referrals that start within 7 days from about 55% to 70% by next May": AIM,
        "Plot the weekly share starting within 7 days on a run chart": MEASURE,
        "Count, each week, how many people wait more than 14 days": MEASURE,
        "Let trusted assessors on the ward book care before the patient is discharged": CHANGE,
        "Hold a ten-minute daily call between the hospital discharge team and providers": CHANGE,
        "No one waits in hospital for home care they are ready for": AIM,
    },
    feedback={
        "Raise the share of home-care referrals that start within 7 days from about 55% to 70% by next May": "Aim: it says what, how much and by when.",
        "Plot the weekly share starting within 7 days on a run chart": "Measure: it shows whether a change is an improvement, week by week.",
        "Count, each week, how many people wait more than 14 days": "Measure: a balancing measure, to check that speeding up some referrals does not leave others "
        "waiting longer.",
        "Let trusted assessors on the ward book care before the patient is discharged": "Change: an idea to test in a PDSA cycle (it is the change in the Brackenford data).",
        "Hold a ten-minute daily call between the hospital discharge team and providers": "Change: another idea to test, small and quick.",
        "No one waits in hospital for home care they are ready for": "Aim: a broad aim. A good aim also says how much and by when.",
    },
)

PDSA_STAGES: tuple[tuple[str, str], ...] = (
    (
        "Plan",
        "Say what change you will test, who, where and when, what you predict will happen, and what "
        "data you will collect.",
    ),
    ("Do", "Try it on a small scale. Write down what happens, including problems and surprises."),
    ("Study", "Compare the data with your prediction. What did you learn?"),
    ("Act", "Adopt the change, adapt it and test again, or abandon it. Plan the next cycle."),
)


def pdsa_table() -> pd.DataFrame:
    """The four stages of a Plan-Do-Study-Act cycle, in our words."""
    return pd.DataFrame(PDSA_STAGES, columns=["Stage", "What you do"]).set_index("Stage")


SHIFT, TREND, OUTSIDE, NO_SIGNAL = "A shift", "A trend", "A point outside the limits", "No signal"

# Constructed series (made up) for the rule-spotting exercise: each shows one rule, or none.
RULE_SERIES: dict[str, tuple[float, ...]] = {
    "Series A": (50, 55, 48, 56, 49, 47, 57, 58, 56, 59, 57, 58, 46, 54),
    "Series B": (52, 49, 53, 48, 47, 50, 53, 55, 58, 51, 54, 49, 52, 50),
    "Series C": (51, 49, 52, 50, 48, 51, 53, 80, 50, 49, 52, 50, 51, 49),
    "Series D": (50, 54, 47, 52, 49, 55, 48, 51, 53, 46, 52, 50, 54, 49),
}


def rule_findings(values: Sequence[float]) -> dict[str, list[runcharts.Signal]]:
    """Shifts and trends (around the series' median) and points outside its XmR limits."""
    return {
        SHIFT: runcharts.shifts(values, runcharts.median(values)),
        TREND: runcharts.trends(values),
        OUTSIDE: runcharts.outside_limits(values, runcharts.xmr_limits(values)),
    }


def rule_spotting_key(series: dict[str, Sequence[float]] | None = None) -> SortKey:
    """The answer key of the rule-spotting sort, worked out by the rules themselves."""
    series = RULE_SERIES if series is None else series
    answers, feedback = {}, {}
    for name, values in series.items():
        found = [rule for rule, hits in rule_findings(values).items() if hits]
        answers[name] = tuple(found) if found else NO_SIGNAL
        feedback[name] = _describe_findings(name, values)
    return SortKey(categories=(SHIFT, TREND, OUTSIDE, NO_SIGNAL), answers=answers, feedback=feedback)


def _describe_findings(name: str, values: Sequence[float]) -> str:
    findings = rule_findings(values)
    parts = []
    for signal in findings[SHIFT]:
        parts.append(
            f"a shift: {signal.points} points in a row {signal.direction} the median "
            f"({runcharts.median(values):g}), points {signal.start + 1} to {signal.end + 1}"
        )
    for signal in findings[TREND]:
        parts.append(
            f"a trend: {signal.points} points going {signal.direction}, points {signal.start + 1} to {signal.end + 1}"
        )
    limits = runcharts.xmr_limits(values)
    for signal in findings[OUTSIDE]:
        parts.append(
            f"point {signal.start + 1} ({values[signal.start]:g}) is {signal.direction} the "
            f"{'upper' if signal.direction == 'above' else 'lower'} limit "
            f"({limits.upper if signal.direction == 'above' else limits.lower:.1f})"
        )
    if not parts:
        return (
            f"{name}: no signal. The longest run on one side of the median is shorter than six points, no "
            f"five points go steadily up or down, and every point is inside the limits "
            f"({limits.lower:.1f} to {limits.upper:.1f}). This is ordinary, common-cause variation."
        )
    return f"{name}: " + "; ".join(parts) + "."


def rule_series_chart(series: dict[str, Sequence[float]] | None = None) -> Any:
    """Small run charts of the constructed series, each with its median (dashed) and XmR limits (dotted)."""
    from matplotlib.figure import Figure

    series = RULE_SERIES if series is None else series
    figure = Figure(figsize=(9, 5.2))
    grid = figure.subplots(2, 2, sharex=True)
    for axes, (name, values) in zip(grid.flat, series.items(), strict=True):
        points = list(range(1, len(values) + 1))
        limits = runcharts.xmr_limits(values)
        axes.plot(points, values, color=BLUE, marker="o", markersize=4)
        axes.axhline(runcharts.median(values), color=GREY, linestyle="--", linewidth=1)
        for limit in (limits.lower, limits.upper):
            axes.axhline(limit, color=RED, linestyle=":", linewidth=1)
        axes.set_title(name, fontsize=10)
        axes.set_ylabel("Value (made-up units)", fontsize=8)
    for axes in grid[1]:
        axes.set_xlabel("Point (week)")
    figure.suptitle("Four made-up series: median (dashed) and XmR limits (dotted)")
    return figure


# --- 05 The Brackenford weekly measure (synthetic) ----------------------------------------------

PERCENT = "percent_within_7_days"


def change_week(measure: pd.DataFrame) -> int:
    """The first week with an annotation (the change being tested); the baseline is the weeks before it."""
    noted = measure[measure["annotation"].notna() & (measure["annotation"].astype(str).str.strip() != "")]
    if noted.empty:
        raise ValueError("the weekly measure has no annotated change, so there is no baseline to compare with")
    return int(noted["week"].min())


def baseline(measure: pd.DataFrame) -> pd.DataFrame:
    """The weeks before the change."""
    return measure[measure["week"] < change_week(measure)]


def weekly_analysis(measure: pd.DataFrame) -> dict[str, Any]:
    """The run-chart and XmR findings, with signals given as week numbers.

    The centre line is the median of the baseline weeks, extended; the XmR limits are
    worked out from the baseline weeks too, as the lessons teach.
    """
    measure = measure.sort_values("week")
    values = measure[PERCENT].astype(float).tolist()
    weeks = measure["week"].astype(int).tolist()
    base = baseline(measure)[PERCENT].astype(float).tolist()
    centre = runcharts.median(base)
    limits = runcharts.xmr_limits(base)
    after = measure[measure["week"] >= change_week(measure)][PERCENT].astype(float)

    def as_weeks(found: list[runcharts.Signal]) -> list[dict[str, Any]]:
        return [
            {"first_week": weeks[s.start], "last_week": weeks[s.end], "points": s.points, "direction": s.direction}
            for s in found
        ]

    return {
        "change_week": change_week(measure),
        "baseline_weeks": len(base),
        "baseline_median": centre,
        "after_median": runcharts.median(after),
        "whole_series_median": runcharts.median(values),
        "limits": limits,
        "shifts": as_weeks(runcharts.shifts(values, centre)),
        "trends": as_weeks(runcharts.trends(values)),
        "outside": [weeks[s.start] for s in runcharts.outside_limits(values, limits)],
        "baseline_shifts_around_whole_median": as_weeks(runcharts.shifts(base, runcharts.median(values))),
    }


def first_shift_week(measure: pd.DataFrame) -> int:
    """The first week of the first shift around the baseline median."""
    found = weekly_analysis(measure)["shifts"]
    if not found:
        raise ValueError("there is no shift in this series")
    return int(found[0]["first_week"])


def _annotate_change(axes: Any, measure: pd.DataFrame) -> None:
    week = change_week(measure)
    axes.axvline(week - 0.5, color=GREEN, linewidth=1.2)
    axes.text(week - 0.3, 98, "Change starts\n(PDSA cycle 1)", fontsize=8, color=GREEN, va="top")


def run_chart(measure: pd.DataFrame) -> Any:
    """The weekly measure as a run chart: baseline median extended, the first shift's points marked."""
    from matplotlib.figure import Figure

    found = weekly_analysis(measure)
    measure = measure.sort_values("week")
    figure = Figure(figsize=(9, 4.4))
    axes = figure.add_subplot()
    axes.plot(
        measure["week"],
        measure[PERCENT],
        color=BLUE,
        marker="o",
        markersize=3.5,
        linewidth=1.2,
        label="Share started within 7 days",
    )
    axes.axhline(
        found["baseline_median"],
        color=GREY,
        linestyle="--",
        linewidth=1.2,
        label=f"Median of weeks 1 to {found['change_week'] - 1}: {found['baseline_median']:.1f}%",
    )
    for shift in found["shifts"]:
        rows = measure[measure["week"].between(shift["first_week"], shift["last_week"])]
        axes.scatter(
            rows["week"],
            rows[PERCENT],
            marker="s",
            color=ORANGE,
            s=30,
            zorder=3,
            label=f"Shift: weeks {shift['first_week']} to {shift['last_week']}",
        )
    _annotate_change(axes, measure)
    axes.set_ylim(0, 100)
    axes.set_xlim(0, int(measure["week"].max()) + 1)
    axes.set_xlabel("Week")
    axes.set_ylabel("Referrals where care started within 7 days (%)")
    axes.legend(loc="lower right", fontsize=8, frameon=False)
    axes.set_title("Brackenford home care: run chart of the weekly measure (synthetic data)")
    return figure


def xmr_chart(measure: pd.DataFrame) -> Any:
    """The weekly measure with the baseline's mean and XmR limits extended; points outside marked."""
    from matplotlib.figure import Figure

    found = weekly_analysis(measure)
    limits = found["limits"]
    measure = measure.sort_values("week")
    outside = measure[measure["week"].isin(found["outside"])]
    figure = Figure(figsize=(9, 4.4))
    axes = figure.add_subplot()
    axes.plot(
        measure["week"],
        measure[PERCENT],
        color=BLUE,
        marker="o",
        markersize=3.5,
        linewidth=1.2,
        label="Share started within 7 days",
    )
    axes.axhline(limits.mean, color=GREY, linewidth=1.2, label=f"Baseline mean: {limits.mean:.1f}%")
    axes.axhline(
        limits.upper,
        color=RED,
        linestyle=":",
        linewidth=1.2,
        label=f"Limits: {limits.lower:.1f}% to {limits.upper:.1f}%",
    )
    axes.axhline(limits.lower, color=RED, linestyle=":", linewidth=1.2)
    axes.scatter(
        outside["week"], outside[PERCENT], marker="D", color=ORANGE, s=40, zorder=3, label="Above the upper limit"
    )
    _annotate_change(axes, measure)
    axes.set_ylim(0, 100)
    axes.set_xlim(0, int(measure["week"].max()) + 1)
    axes.set_xlabel("Week")
    axes.set_ylabel("Referrals where care started within 7 days (%)")
    axes.legend(loc="lower right", fontsize=8, frameon=False)
    axes.set_title("Brackenford home care: XmR chart with limits from the baseline (synthetic data)")
    return figure


def weekly_table(measure: pd.DataFrame) -> pd.DataFrame:
    """Weeks around the change: week, start date, referrals, share within 7 days, side of the baseline median."""
    found = weekly_analysis(measure)
    centre = found["baseline_median"]
    side = measure[PERCENT].map(lambda v: "on the median" if v == centre else ("above" if v > centre else "below"))
    return pd.DataFrame(
        {
            "Week": measure["week"].astype(int),
            "Week starting": measure["week_start"].dt.strftime("%d %b %Y"),
            "Referrals": measure["referrals"].astype(int),
            "Started within 7 days (%)": measure[PERCENT].astype(float),
            "Side of the baseline median": side,
            "What changed": measure["annotation"].fillna(""),
        }
    ).set_index("Week")


# --- 06 Team step: Somerset's Day 5 ------------------------------------------------------------

PANEL_MINUTES = {"present": 7, "questions": 8}


def panel_questions_table(somerset_questions: Sequence[str]) -> pd.DataFrame:
    """Somerset's Day 5 questions, each with where the answer goes in the team's plan."""
    where = (
        "Assets (workbook, Day 5)",
        "Twelve-month picture (workbook, Day 5)",
        "100-day plan: actions and milestones (workbook, Day 5)",
        "Asks of senior leaders (workbook, Day 5)",
    )
    if len(somerset_questions) != len(where):
        raise ValueError(f"expected Somerset's {len(where)} Day 5 questions, found {len(somerset_questions)}")
    return pd.DataFrame(
        {"Somerset's question": list(somerset_questions), "Where it goes in your plan": where},
        index=pd.RangeIndex(1, len(where) + 1, name="Question"),
    )
