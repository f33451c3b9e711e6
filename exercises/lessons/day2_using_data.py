"""Day 2, page 4 (using data): cold and warm data, Oldham's results, data sharing and the barrier log.

Plain Python and pandas (and matplotlib for charts): nothing here imports ipywidgets.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pandas as pd

from exercises.lessons.common import (
    ACTIVITY,
    BLUE,
    GREEN,
    GREY,
    ORANGE,
    OUTCOME,
    OUTPUT,
    RESOURCE,
    SortKey,
)
from exercises.lessons.day2_collaboration import sort_key
from exercises.lessons.day2_text import report_lines, wrap_label
from exercises.lessons.sources import (
    as_stated,
    fact,
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
            "Report lines": report_lines(rows),
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
    axes.barh([wrap_label(m, 46) for m in ordered["What the report says"]], ordered["Per cent"], color=colour)
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
