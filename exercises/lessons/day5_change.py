"""Day 5, making change happen: Rotherham's turnaround against Kotter's steps (both versions), and tools
beyond one model (the NHS Change Model, Bridges' transitions).

Answer keys, tables and the timeline chart for the page *Making change happen*; the
Rotherham events come from the course's ``rotherham_timeline`` dataset. Plain Python and pandas;
nothing imports ipywidgets. ``tests/test_day5_keys.py`` checks them.

Sources: J. P. Kotter (1995), "Leading change: why transformation efforts fail",
*Harvard Business Review*, and (2014) *Accelerate*; NHS England (2018), *The Change
Model guide*; W. and S. Bridges (2017), *Managing Transitions*; S. H. Appelbaum and
others (2012), "Back to the future: revisiting Kotter's 1996 change model", *Journal of
Management Development*; P. E. Plsek and T. Greenhalgh (2001), "The challenge of
complexity in health care", *BMJ*.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pandas as pd

from exercises.lessons.common import BLUE, GREEN, GREY, LIGHT, RED, ChoiceKey, SortKey

NHS_CHANGE_MODEL = (
    ("Our shared purpose", "The reason for the change that everyone involved can sign up to."),
    ("Leadership by all", "Leadership at every level, not only at the top."),
    ("Spread and adoption", "Helping good ideas move from one team or place to others."),
    ("Improvement methodology", "A shared, systematic method for testing changes (such as the Model for Improvement)."),
    ("Rigorous delivery", "Plans, milestones and the discipline to deliver them."),
    ("Transparent measurement", "Measures that show, openly, whether the change is an improvement."),
    ("System drivers", "The incentives, rules, contracts and payments that push the system one way or another."),
    ("Engagement to mobilise", "Involving the people affected so that they bring energy to the change."),
)


def change_model_table() -> pd.DataFrame:
    """The NHS Change Model's eight components, in our words."""
    return pd.DataFrame(NHS_CHANGE_MODEL, columns=["Component", "What it means (our words)"])


STEP_3A = ChoiceKey(
    options={
        "It was Ian Thomas's own invention, not part of any version of Kotter's model.": "No. It was in "
        "Kotter's own first version: step 4 of eight in 1995.",
        "It was step 4 of Kotter's original eight steps (1995); the 2014 version folds it into another step, "
        "so Thomas restored it.": "Right. In Accelerate (2014) the fourth step joins communicating the vision "
        "to attracting a 'volunteer army', and its short heading, 'enlist a volunteer army', leaves "
        "communication out; Thomas, using the 2014 headings, found he needed it as a step of its own.",
        "It is step 3 of the 2014 version, renamed.": "No. Step 3 of 2014 is forming a strategic vision and "
        "initiatives: deciding the vision, not communicating it.",
        "It comes from the NHS Change Model.": "No. The NHS Change Model has no numbered steps; 'engagement "
        "to mobilise' is the nearest of its components.",
    },
    answer="It was step 4 of Kotter's original eight steps (1995); the 2014 version folds it into another step, "
    "so Thomas restored it.",
)

_ENDING = "Ending: letting go"
_NEUTRAL = "The neutral zone"
_BEGINNING = "New beginning"

TRANSITIONS = SortKey(
    categories=(_ENDING, _NEUTRAL, _BEGINNING),
    answers={
        "Day-centre staff mourn the closure of the centre they ran for twenty years": _ENDING,
        "Residents ask what they will lose when the falls clinic moves into the leisure centre": _ENDING,
        "The new falls pathway is half in place; referrals go two ways and nobody is sure which is right": _NEUTRAL,
        "Staff try out new roles in a pilot before the structure is settled": _NEUTRAL,
        "Community connectors and the falls team now plan together, and people describe it as 'how we work'": _BEGINNING,
    },
    feedback={
        "Day-centre staff mourn the closure of the centre they ran for twenty years": "An ending. Bridges: "
        "every transition starts with an ending; acknowledge the loss openly, do not skip it.",
        "Residents ask what they will lose when the falls clinic moves into the leisure centre": "An ending "
        "for them: say clearly what is ending and what is not.",
        "The new falls pathway is half in place; referrals go two ways and nobody is sure which is right": "The neutral zone: the old way has gone and the new one is not yet settled. Confusing, and "
        "the best time for creativity if it is supported.",
        "Staff try out new roles in a pilot before the structure is settled": "The neutral zone used well: "
        "short-term structures and experiments while the new way forms.",
        "Community connectors and the falls team now plan together, and people describe it as 'how we work'": "A new beginning: people have a new identity and purpose, not just a new structure.",
    },
)


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
# Accelerate, which the Rotherham article uses in their short form. Step 3a, "communicate
# the vision", which Ian Thomas adds, was step 4 of the original; in Accelerate the fourth
# step is "communicate the vision and the strategy to create buy-in and attract a growing
# volunteer army", whose short heading ("enlist a volunteer army") drops the communication.
KOTTER_ORIGINAL: dict[str, str] = {
    "1. Create a sense of urgency": "1. Establishing a sense of urgency",
    "2. Build a guiding coalition": "2. Forming a powerful guiding coalition",
    "3. Form a strategic vision and initiatives": "3. Creating a vision",
    "3a. Communicate the vision": "4. Communicating the vision",
    "4. Enlist a volunteer army": "(new in 2014, joined there to communicating the vision)",
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
        text = f"Ian Thomas puts this under step {step.split('.')[0]}, '{step.split('. ', 1)[1]}' (Thomas, 2019)."
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
