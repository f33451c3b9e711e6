"""Day 5, making change happen beyond one model: Kotter's two versions, the NHS Change Model, Bridges' transitions.

Answer keys and tables for the page *Making change happen*. Plain Python and pandas;
nothing imports ipywidgets. ``tests/test_day5_keys.py`` checks them.

Sources: J. P. Kotter (1995), "Leading change: why transformation efforts fail",
*Harvard Business Review*, and (2014) *Accelerate*; NHS England (2018), *The Change
Model guide*; W. and S. Bridges (2017), *Managing Transitions*; S. H. Appelbaum and
others (2012), "Back to the future: revisiting Kotter's 1996 change model", *Journal of
Management Development*; P. E. Plsek and T. Greenhalgh (2001), "The challenge of
complexity in health care", *BMJ*.
"""

from __future__ import annotations

import pandas as pd

from exercises.lessons.common import ChoiceKey, SortKey

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
        "It was step 4 of Kotter's original eight steps (1995); the 2014 version has no separate step for it, "
        "so Thomas restored it.": "Right. The 2014 steps fold communication into enlisting a 'volunteer "
        "army'; Thomas, using the 2014 steps, found he needed it as a step of its own.",
        "It is step 3 of the 2014 version, renamed.": "No. Step 3 of 2014 is forming a strategic vision and "
        "initiatives: deciding the vision, not communicating it.",
        "It comes from the NHS Change Model.": "No. The NHS Change Model has no numbered steps; 'engagement "
        "to mobilise' is the nearest of its components.",
    },
    answer="It was step 4 of Kotter's original eight steps (1995); the 2014 version has no separate step for it, "
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
