"""Day 2, page 6 (the challenge step): peer-challenge prompts and the Somerset day.

Plain Python and pandas (and matplotlib for charts): nothing here imports ipywidgets.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

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
