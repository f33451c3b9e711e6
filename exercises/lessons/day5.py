"""Day 5, building on assets and mapping them, and the team step: numbers, keys and charts.

The Day 5 notebooks (``modules/day5-assets-change-and-improvement/``) call these; the
tests in ``tests/test_day5.py`` check them. Everything here is plain Python: data in,
numbers, tables or matplotlib Figures out. Nothing imports ipywidgets. The other Day 5
pages have their own modules: :mod:`exercises.lessons.day5_assets` (ABCD in practice),
:mod:`exercises.lessons.day5_change` (Rotherham, Kotter and other change tools),
:mod:`exercises.lessons.day5_qi` (quality improvement and the weekly measure),
:mod:`exercises.lessons.ae` and :mod:`exercises.lessons.spc` (real A&E data).

Sources. "PSTA 2019" is the Public Service Transformation Academy's report *Public
service: state of transformation*. Figures the report gives come from datasets through
``exercises.data.load``. The six asset types are McKnight and Russell's (2018), after
J. Kretzmann and J. McKnight (1993), *Building Communities from the Inside Out*.
Brackenford is a fictional borough and all its data is synthetic.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pandas as pd

from exercises.lessons.common import BLUE, GREEN, GREY, ORANGE, RED, ChoiceKey, SortKey
from exercises.lessons.day1 import ABC_STAGES_IN_ORDER, S1  # noqa: F401  (S1: the article title, for pages)
from exercises.lessons.sources import as_stated, fact

ABCD_SOURCE = (
    "J. Kretzmann and J. McKnight (1993), *Building Communities from the Inside Out*, "
    "ABCD Institute, Northwestern University"
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
            f"The hub team is 'wrapping services around the community assets'. A community pantry signed up "
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
