"""Day 4, adaptive change, technology and behavioural insight: the numbers, keys and charts.

The Day 4 notebooks (``modules/day4-behaviour-providers-and-markets/``) call these; the
tests in ``tests/test_day4.py`` check them. Plain Python: data in, numbers, tables or
matplotlib Figures out. Nothing imports ipywidgets. The other Day 4 pages have their own
modules: :mod:`exercises.lessons.day4_behaviour` (COM-B and sludge),
:mod:`exercises.lessons.day4_trials` (the reminder-letter trial, sample sizes, pilots),
:mod:`exercises.lessons.day4_markets` (providers, markets, market shaping) and
:mod:`exercises.lessons.day4_procurement` (today's procurement rules).

Sources. "PSTA 2019" is the Public Service Transformation Academy's report *Public
service: state of transformation*. Report figures that no dataset holds are
``ReportFigure`` constants. Brackenford figures come from the synthetic datasets through
``exercises.data.load``.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from exercises.data import load
from exercises.lessons.common import BLUE, GREY, LIGHT, ORANGE, SortKey

S2 = "Happy ever after or till death us do part? Leadership and technology"
S4 = "Move fast and fix things"
C5 = "Leicestershire's Children's Innovation Partnership"


# --- 01 Adaptive change and technology ----------------------------------------------

ADAPTIVE_STAGES: tuple[tuple[str, str, tuple[int, int]], ...] = (
    (
        "1. Identify the adaptive challenge",
        "Command attention: show people there is a problem to solve. The messenger may be shot, so leaders "
        "often work through others.",
        (1809, 1890),
    ),
    (
        "2. Ripen the issue",
        "Bring the issue home to people, with judgement: too little and no one believes it, too much and "
        "it looks alarmist. Show the likely future and the cost of doing nothing.",
        (1891, 1902),
    ),
    (
        "3. Make the right choice as easy as possible",
        "Leaders are choice architects, like supermarkets: where things are, and how easy and affordable "
        "they are, shapes what people choose. Overpromising is fatal.",
        (1903, 1927),
    ),
    (
        "4. Shift responsibility to the primary stakeholders",
        "Adoption needs the invention, people ready to use it, and organisations that make the positive "
        "choice easy: 'channel shift' by encouragement, incentive or force.",
        (1928, 1942),
    ),
    (
        "5. Lock in the change",
        "Turn off the old choice, often with a deadline, and help the last few people to move.",
        (1943, 1949),
    ),
)
STAGE_NAMES: tuple[str, ...] = tuple(name for name, _, _ in ADAPTIVE_STAGES)


def adaptive_stages_table() -> pd.DataFrame:
    """Max Wide's five stages of leading adaptive change (his framing, drawing on Heifetz; PSTA 2019, S2)."""
    rows = [(name, text) for name, text, _ in ADAPTIVE_STAGES]
    return pd.DataFrame(rows, columns=["Stage", "What it means"])


# The thirteen technologies of Max Wide's Table 1, in the order the text copy gives them
# (lines 1830-1886). The table lost its rows when it was copied from the PDF (digest
# section 8, item 9): the stage for each is the course's inference, three to a stage in
# order and the last alone, and the report does not confirm it.
TECHNOLOGIES_AS_EXTRACTED: tuple[str, ...] = (
    "Big data",
    "Open data",
    "Trend tracking and mapping",
    "Data visualisation",
    "Predictive analytics",
    "Modelling technologies",
    "Personalised information",
    "Choice architecture",
    "Efficient demand and supply side technologies",
    "Choice automation",
    "Enabling customisation and ownership",
    "Encouraging, incentivising or forcing the adoption of solutions",
    "Shutting down legacy systems",
)
_STAGE_OF_POSITION = (0, 0, 0, 1, 1, 1, 2, 2, 2, 3, 3, 3, 4)
INFERRED_STAGE: dict[str, str] = {
    tech: STAGE_NAMES[stage] for tech, stage in zip(TECHNOLOGIES_AS_EXTRACTED, _STAGE_OF_POSITION, strict=True)
}


def technology_stage_table() -> pd.DataFrame:
    """Max Wide's technologies with the stage the course infers for each."""
    return pd.DataFrame(
        {
            "Technology": TECHNOLOGIES_AS_EXTRACTED,
            "Stage (our inference; the report's table lost its rows)": [
                INFERRED_STAGE[t] for t in TECHNOLOGIES_AS_EXTRACTED
            ],
        }
    )


_TECHNICAL = "Technical: known solution, apply expertise"
_ADAPTIVE = "Adaptive: people must change priorities, beliefs or habits"

TECHNICAL_OR_ADAPTIVE = SortKey(
    categories=(_TECHNICAL, _ADAPTIVE),
    answers={
        "Replacing the council's ageing telephone system": _TECHNICAL,
        "Getting residents to put food waste in a separate bin": _ADAPTIVE,
        "Fixing a fault that double-counts hospital discharges in a report": _TECHNICAL,
        "Getting GPs, social workers and housing officers to share one plan for each family": _ADAPTIVE,
        "Moving most council tax payments online and closing the cash office": _ADAPTIVE,
        "Reaching net zero greenhouse gas emissions in the UK by 2050": _ADAPTIVE,
    },
    feedback={
        "Replacing the council's ageing telephone system": "Technical: hard, but the answer is known and experts can deliver it with current structures.",
        "Getting residents to put food waste in a separate bin": "Adaptive: the bins are easy; the change is in thousands of people's daily habits.",
        "Fixing a fault that double-counts hospital discharges in a report": "Technical: an expert can find and fix it.",
        "Getting GPs, social workers and housing officers to share one plan for each family": "Adaptive: it asks professionals to change loyalties and ways of working.",
        "Moving most council tax payments online and closing the cash office": "Adaptive, mostly: building the website is technical, but getting people to use it and closing "
        "the old choice are Wide's stages 4 and 5 ('channel shift', then 'lock in').",
        "Reaching net zero greenhouse gas emissions in the UK by 2050": "Adaptive: Max Wide's own example. Technology "
        "helps 'but it will not save us': behaviour change is at the heart of it. Wide wrote when the legal target "
        "was an 80% cut by 2050; since June 2019 it has been net zero.",
    },
)

# Readiness and adoption scales of the Connected Places Catapult (PSTA 2019, S2, lines 1969-1985).
READINESS_SCALE = (1, 9)
ADOPTION_SCALE = (1, 5)
# Where the grid is split is the course's assumption, not the Catapult's.
PROVEN_FROM = 7  # readiness 7 to 9: shown working in a real setting or close to it
ADOPTED_FROM = 3  # adoption 3 to 5: a fair number of customers use it

GRID_ADVICE: dict[tuple[bool, bool], tuple[str, str]] = {
    (True, True): (
        "Proven and in use",
        "Buy or scale it, but ask other buyers what it achieved; do not rely on the supplier alone.",
    ),
    (True, False): (
        "Proven but little used",
        "Pilot it with a proper test and break points. Ask why few others use it yet.",
    ),
    (False, True): (
        "Used, but not proven in operation",
        "Be wary: popularity is not evidence. Ask for independent results before you commit.",
    ),
    (False, False): (
        "Early and unproven",
        "Watch it, or fund development in small stages you can stop (the RSA's 'invest to solve').",
    ),
}


def readiness_grid(readiness: int, adoption: int) -> dict[str, Any]:
    """Place a technology on the readiness (1 to 9) by adoption (1 to 5) grid."""
    if not READINESS_SCALE[0] <= readiness <= READINESS_SCALE[1]:
        raise ValueError("the readiness score runs from 1 to 9")
    if not ADOPTION_SCALE[0] <= adoption <= ADOPTION_SCALE[1]:
        raise ValueError("the adoption score runs from 1 to 5")
    where, advice = GRID_ADVICE[(readiness >= PROVEN_FROM, adoption >= ADOPTED_FROM)]
    return {
        "Readiness (1 to 9)": int(readiness),
        "Adoption (1 to 5)": int(adoption),
        "Where it sits": where,
        "What a commissioner might do": advice,
    }


def readiness_chart(result: dict[str, Any], figure: Any = None) -> Any:
    """The readiness-by-adoption grid with the participant's technology marked.

    Given the figure it drew before, it moves that figure's marker (quicker in a calculator).
    """
    if figure is None:
        from matplotlib.figure import Figure

        figure = Figure(figsize=(6.4, 4.6))
        axes = figure.add_subplot()
        split_x, split_y = PROVEN_FROM - 0.5, ADOPTED_FROM - 0.5
        axes.fill_between([split_x, READINESS_SCALE[1] + 0.5], split_y, ADOPTION_SCALE[1] + 0.5, color=LIGHT, zorder=0)
        axes.axvline(split_x, color=GREY, linestyle="--", linewidth=1)
        axes.axhline(split_y, color=GREY, linestyle="--", linewidth=1)
        for (proven, adopted), (label, _) in GRID_ADVICE.items():
            x = 8.0 if proven else 3.5
            y = 5.3 if adopted else 0.7
            axes.text(x, y, label, ha="center", va="center", fontsize=9, color=GREY)
        axes.plot([], [], marker="o", markersize=14, color=ORANGE, markeredgecolor="black", linestyle="none")
        note = axes.annotate("Your technology", (0, 0), xytext=(12, 12), textcoords="offset points", fontsize=9)
        note.set_in_layout(False)  # it is kept inside the axes (below), so it needs no margin
        axes.set_xlim(0.5, 9.5)
        axes.set_ylim(0.5, 5.5)
        axes.set_xticks(range(1, 10))
        axes.set_yticks(range(1, 6))
        axes.set_xlabel("Readiness score (1 = concept formulated, 9 = proven in operation)")
        axes.set_ylabel("Adoption score (1 = no customers, 5 = mainstream)")
        axes.set_title("Technology readiness by adoption: where your technology sits")
    axes = figure.axes[0]
    point = (result["Readiness (1 to 9)"], result["Adoption (1 to 5)"])
    axes.lines[-1].set_data([point[0]], [point[1]])
    note = axes.texts[-1]
    note.xy = point
    to_the_left, below = point[0] > 6, point[1] > 3  # towards the middle of the grid
    note.xyann = (-12 if to_the_left else 12, -12 if below else 12)
    note.set_horizontalalignment("right" if to_the_left else "left")
    note.set_verticalalignment("top" if below else "bottom")
    return figure


# --- 02 Behavioural insight -------------------------------------------------------------

EAST: tuple[tuple[str, str], ...] = (
    ("Easy", "Make the default the good choice, cut the hassle, keep the message simple."),
    ("Attractive", "Draw attention (a name, a clear headline) and make the reward stand out."),
    ("Social", "Show what most people do (norms), use networks, invite a commitment to others."),
    ("Timely", "Prompt people when they are most likely to act, show costs and benefits now, help them plan."),
)
MINDSPACE: tuple[str, ...] = (
    "Messenger",
    "Incentives",
    "Norms",
    "Defaults",
    "Salience",
    "Priming",
    "Affect",
    "Commitments",
    "Ego",
)


def east_table() -> pd.DataFrame:
    """The Behavioural Insights Team's EAST framework, in our words."""
    return pd.DataFrame(EAST, columns=["Make it...", "What that means"]).set_index("Make it...")


_E, _A, _S, _T = (name for name, _ in EAST)

LETTER_EAST = SortKey(
    categories=(_E, _A, _S, _T),
    answers={
        "Book a provisional appointment for each person, which they can change with one call": _E,
        "Cut the letter from two pages to half a page, with one clear action": _E,
        "Open with the person's own name, not 'Dear resident'": _A,
        "Lead with what people gain: 'feel steadier on your feet within weeks'": (_A, _T),
        "Say (truthfully) how many local people your age booked last year": _S,
        "Mention that neighbours can come to the class together": _S,
        "Send the letter a week before the clinic opens in the person's ward, not three months before": _T,
        "Send a text message the day before the appointment": _T,
    },
    feedback={
        "Book a provisional appointment for each person, which they can change with one call": "Easy: a default. Doing nothing now means attending, not missing out. Defaults are among the "
        "strongest levers (the Swiss green-energy default, in the table above).",
        "Cut the letter from two pages to half a page, with one clear action": "Easy: simplify the message and the hassle goes down.",
        "Open with the person's own name, not 'Dear resident'": "Attractive: personal attention. In the court-fines trial, adding the person's name did best.",
        "Lead with what people gain: 'feel steadier on your feet within weeks'": "Attractive (it makes the reward stand out), and Timely too (a benefit soon, not in years).",
        "Say (truthfully) how many local people your age booked last year": "Social: a norm, as in the HMRC tax letters. It must be true, and it backfires if few people do it.",
        "Mention that neighbours can come to the class together": "Social: networks. Oldham's peer champions worked the same way.",
        "Send the letter a week before the clinic opens in the person's ward, not three months before": "Timely: prompt people when they can act at once.",
        "Send a text message the day before the appointment": "Timely: a reminder at the moment of action.",
    },
)


def _trial_rows(trial_prefix: str) -> pd.DataFrame:
    trials = load("behavioural_trials")
    return trials[trials["trial"].astype(str).str.startswith(trial_prefix)]


def hmrc_norms() -> pd.DataFrame:
    """The HMRC tax letters: each letter's gain over the control letter, largest first."""
    rows = _trial_rows("HMRC tax letters")
    rows = rows[rows["measure"].astype(str) == "percentage-point gain over the control letter"]
    table = pd.DataFrame(
        {
            "Letter": rows["arm"].astype(str),
            "Gain over the control letter (percentage points)": rows["value"].astype(float),
        }
    )
    return table.sort_values("Gain over the control letter (percentage points)", ascending=False).set_index("Letter")


def hmrc_extra_tax() -> tuple[float, int]:
    """The minority-norm letter's extra tax in 23 days (£) and how many people got it (from the row's note)."""
    rows = _trial_rows("HMRC tax letters")
    row = rows[rows["measure"].astype(str) == "extra tax paid within 23 days"].iloc[0]
    recipients = int("".join(ch for ch in str(row["note"]).split(" people")[0] if ch.isdigit()))
    return float(row["value"]), recipients


def court_fines() -> pd.DataFrame:
    """The HMCTS court-fine text messages: payment rate of each arm, and as a multiple of no text."""
    rows = _trial_rows("HMCTS court fines")
    control = float(rows.loc[rows["arm"].astype(str) == "no text message", "value"].iloc[0])
    table = pd.DataFrame({"Message": rows["arm"].astype(str), "Paid (%)": rows["value"].astype(float)})
    table["Times the rate with no text"] = (table["Paid (%)"] / control).round(1)
    return table.sort_values("Paid (%)").set_index("Message")


def east_examples() -> pd.DataFrame:
    """The two EAST examples: the rate before and after the change."""
    trials = load("behavioural_trials")
    # The EAST examples are the trials reported as a rate before and after one change.
    rows = trials[trials["arm"].astype(str).str.startswith(("before", "after"))]
    out = []
    for trial, part in rows.groupby(rows["trial"].astype(str), sort=False):
        before = part[part["arm"].astype(str).str.startswith("before")].iloc[0]
        after = part[part["arm"].astype(str).str.startswith("after")].iloc[0]
        out.append(
            {
                "Example": trial,
                "Before": str(before["arm"]).split(": ", 1)[1],
                "Before (%)": float(before["value"]),
                "After": str(after["arm"]).split(": ", 1)[1],
                "After (%)": float(after["value"]),
            }
        )
    return pd.DataFrame(out).set_index("Example")


def trials_chart() -> Any:
    """Two panels: the HMRC letters' gains, and the court-fine texts' payment rates."""
    from matplotlib.figure import Figure

    norms, fines = hmrc_norms(), court_fines()
    figure = Figure(figsize=(11, 4.2))
    left, right = figure.subplots(1, 2)
    norms.index = [label.split(":")[0].capitalize() for label in norms.index]
    left.barh(norms.index, norms.iloc[:, 0], color=[ORANGE if "inority" in i else BLUE for i in norms.index])
    left.invert_yaxis()
    left.set_xlabel("Gain over the control letter (percentage points)")
    left.set_title("HMRC tax letters (Hallsworth and others, 2017)", fontsize=10)
    for y, value in enumerate(norms.iloc[:, 0]):
        left.text(value + 0.1, y, f"+{value:g}", va="center", fontsize=9)
    left.set_xlim(0, norms.iloc[:, 0].max() * 1.25)
    right.barh(fines.index, fines["Paid (%)"], color=[GREY if i == "no text message" else BLUE for i in fines.index])
    right.set_xlabel("People who paid their fine (%)")
    right.set_title("Court-fine texts (Haynes and others, 2012)", fontsize=10)
    for y, value in enumerate(fines["Paid (%)"]):
        right.text(value + 0.5, y, f"{value:g}%", va="center", fontsize=9)
    right.set_xlim(0, fines["Paid (%)"].max() * 1.2)
    figure.suptitle("Published trial results: small wording changes, measurable effects")
    return figure


def somerset_day4_questions() -> pd.DataFrame:
    """Somerset's Day 4 key questions, with their lines in the report."""
    programme = load("somerset_programme")
    rows = programme[programme["day"] == 4].sort_values("question_number")
    return pd.DataFrame(
        {
            "Question": rows["key_question"].astype(str).to_numpy(),
            "Report lines": [
                f"{a}\u2013{b}" for a, b in zip(rows["question_line_start"], rows["question_line_end"], strict=True)
            ],
        },
        index=pd.Index(rows["question_number"].astype(int).to_numpy(), name="Number"),
    )
