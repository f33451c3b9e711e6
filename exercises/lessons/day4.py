"""Day 4, behavioural insight, providers and markets: the numbers, keys and charts.

The Day 4 notebooks (``modules/day4-behaviour-providers-and-markets/``) call these; the
tests in ``tests/test_day4.py`` check them. Plain Python: data in, numbers, tables or
matplotlib Figures out. Nothing imports ipywidgets.

Statistics this day adds to ``exercises.lessons.stats`` (which gives shares, their
intervals and the difference of two shares):

- :func:`sample_size_per_group` and :func:`power`: how many people each arm of a trial
  comparing two shares needs, and the chance a trial of a given size detects a true
  difference (the normal approximation without continuity correction, as in
  J. L. Fleiss, *Statistical Methods for Rates and Proportions*);
- :func:`smallest_detectable_difference`: the reverse question;
- :func:`simulate_pilots`: many small trials drawn from known true shares (seeded);
- :func:`herfindahl_index`: market concentration from contract values or shares.

Sources. "PSTA 2019" is the Public Service Transformation Academy's report *Public
service: state of transformation*; line numbers refer to the course's text copy.
Report figures that no dataset holds are ``ReportFigure`` constants with their lines.
Brackenford figures come from the synthetic datasets through ``exercises.data.load``.
"""

from __future__ import annotations

import math
from statistics import NormalDist
from typing import Any

import numpy as np
import pandas as pd

from exercises.data import load
from exercises.lessons.common import BLUE, GREEN, GREY, LIGHT, ORANGE, ChoiceKey, SortKey
from exercises.lessons.day1 import ReportFigure
from exercises.lessons.stats import Difference, difference_in_proportions, proportion, proportions_by_group, z_value

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
        "Cutting the UK's carbon emissions by 80% by 2050": _ADAPTIVE,
    },
    feedback={
        "Replacing the council's ageing telephone system": "Technical: hard, but the answer is known and experts can deliver it with current structures.",
        "Getting residents to put food waste in a separate bin": "Adaptive: the bins are easy; the change is in thousands of people's daily habits.",
        "Fixing a fault that double-counts hospital discharges in a report": "Technical: an expert can find and fix it.",
        "Getting GPs, social workers and housing officers to share one plan for each family": "Adaptive: it asks professionals to change loyalties and ways of working.",
        "Moving most council tax payments online and closing the cash office": "Adaptive, mostly: building the website is technical, but getting people to use it and closing "
        "the old choice are Heifetz's stages 4 and 5 ('channel shift', then 'lock in').",
        "Cutting the UK's carbon emissions by 80% by 2050": "Adaptive: Max Wide's own example. Technology helps 'but it will not save us': behaviour "
        "change is at the heart of it.",
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
    rows = trials[trials["source_publisher"].astype(str) == "The Behavioural Insights Team"]
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
    right.set_title("Court-fine texts (Haynes and others, 2013)", fontsize=10)
    for y, value in enumerate(fines["Paid (%)"]):
        right.text(value + 0.5, y, f"{value:g}%", va="center", fontsize=9)
    right.set_xlim(0, fines["Paid (%)"].max() * 1.2)
    figure.suptitle("Published trial results: small wording changes, measurable effects")
    return figure


# --- 03 Testing what works: the Brackenford reminder-letter trial ---------------------------

CONTROL_ARM = "invitation only"
REMINDER_ARM = "invitation and reminder"
# The true shares built into the synthetic trial. The base rate is set near the share of
# older people who say they would definitely attend strength and balance classes (22.6%,
# Yardley and others 2008); the reminder's true effect, 4 points, is the size of effect
# published letter and reminder trials report (a few percentage points).
TRUE_CONTROL = 0.20
TRUE_REMINDER = 0.24


def trial_arms(trial: pd.DataFrame) -> pd.DataFrame:
    """People, bookings and the share booking (per cent, with a 95% Wilson interval) in each arm."""
    table = proportions_by_group(trial["booked_assessment"], trial["arm"].astype(str))
    table = table.reindex([CONTROL_ARM, REMINDER_ARM])
    return pd.DataFrame(
        {
            "People": table["answers"].astype(int),
            "Booked": table["yes"].astype(int),
            "Booked (%)": table["percent"].round(1),
            "95% interval, low (%)": table["low"].round(1),
            "95% interval, high (%)": table["high"].round(1),
        }
    ).rename_axis("Arm")


def trial_effect(trial: pd.DataFrame, *, confidence: float = 0.95, method: str = "newcombe") -> Difference:
    """The reminder's effect: share booking with the reminder minus share booking without."""
    if set(trial["arm"].astype(str)) != {CONTROL_ARM, REMINDER_ARM}:
        raise ValueError(f"the trial needs exactly two arms: '{CONTROL_ARM}' and '{REMINDER_ARM}'")
    booked = trial["booked_assessment"].astype(bool)
    arm = trial["arm"].astype(str)
    reminder = proportion(int(booked[arm == REMINDER_ARM].sum()), int((arm == REMINDER_ARM).sum()))
    control = proportion(int(booked[arm == CONTROL_ARM].sum()), int((arm == CONTROL_ARM).sum()))
    return difference_in_proportions(reminder, control, confidence=confidence, method=method)  # type: ignore[arg-type]


def effect_by_age(trial: pd.DataFrame) -> pd.DataFrame:
    """The reminder's effect in each age band, in percentage points with its 95% interval."""
    rows = []
    for band, part in trial.groupby(trial["age_band"].astype(str), sort=True):
        effect = trial_effect(part)
        rows.append(
            {
                "Age band": band,
                "People": len(part),
                "Effect (percentage points)": round(100 * effect.estimate, 1),
                "95% interval, low": round(100 * effect.low, 1),
                "95% interval, high": round(100 * effect.high, 1),
            }
        )
    return pd.DataFrame(rows).set_index("Age band")


def trial_chart(trial: pd.DataFrame) -> Any:
    """Share booking in each arm with 95% intervals, and the effect with its interval."""
    from matplotlib.figure import Figure

    arms = trial_arms(trial)
    effect = trial_effect(trial)
    figure = Figure(figsize=(10, 3.6))
    left, right = figure.subplots(1, 2, gridspec_kw={"width_ratios": [1.3, 1]})
    centre = arms["Booked (%)"]
    errors = [centre - arms["95% interval, low (%)"], arms["95% interval, high (%)"] - centre]
    left.barh(arms.index, centre, xerr=errors, color=[GREY, BLUE], capsize=6)
    left.invert_yaxis()
    left.set_xlim(0, 100)
    left.set_xlabel("Booked an assessment within 28 days (%)")
    for y, value in enumerate(centre):
        left.text(4, y, f"{value:.1f}%", va="center", color="white", fontsize=10, fontweight="bold")
    est, low, high = (100 * v for v in (effect.estimate, effect.low, effect.high))
    right.errorbar(
        [est],
        [0],
        xerr=[[est - low], [high - est]],
        fmt="o",
        color=BLUE,
        capsize=8,
        markersize=9,
        label="Estimated effect, 95% interval",
    )
    right.axvline(0, color=GREY, linewidth=1)
    right.axvline(
        100 * (TRUE_REMINDER - TRUE_CONTROL), color=GREEN, linestyle="--", label="True effect built into the data"
    )
    right.set_xlim(-2, 12)
    right.set_yticks([])
    right.set_xlabel("Reminder's effect (percentage points)")
    right.legend(loc="upper left", frameon=False, fontsize=8)
    figure.suptitle("Brackenford reminder-letter trial (synthetic data)")
    return figure


def _check_share(name: str, value: float) -> None:
    if not 0 < value < 1:
        raise ValueError(f"the {name} must be between 0% and 100%")


def _check_pair(p1: float, p2: float) -> None:
    _check_share("share without the change", p1)
    _check_share("share with the change", p2)
    if p1 == p2:
        raise ValueError("the two shares must differ: a trial cannot detect a difference of zero")


def sample_size_per_group(p1: float, p2: float, *, alpha: float = 0.05, power_wanted: float = 0.8) -> int:
    """People needed in each arm to detect the difference between shares ``p1`` and ``p2``.

    Two-sided test at significance ``alpha`` with power ``power_wanted``, normal
    approximation without continuity correction::

        n = (z(1-alpha/2) * sqrt(2 p q) + z(power) * sqrt(p1 q1 + p2 q2))^2 / (p1 - p2)^2

    where p = (p1 + p2) / 2 and q = 1 - p. Rounded up.
    """
    _check_pair(p1, p2)
    if not 0 < alpha < 1 or not 0 < power_wanted < 1:
        raise ValueError("the significance level and the power must be between 0 and 1")
    p_bar = (p1 + p2) / 2
    z_alpha = z_value(1 - alpha)
    z_beta = NormalDist().inv_cdf(power_wanted)
    top = z_alpha * math.sqrt(2 * p_bar * (1 - p_bar)) + z_beta * math.sqrt(p1 * (1 - p1) + p2 * (1 - p2))
    return math.ceil(top * top / (p1 - p2) ** 2 - 1e-9)


def power(p1: float, p2: float, n_per_group: int, *, alpha: float = 0.05) -> float:
    """The chance that a trial with ``n_per_group`` in each arm finds the difference significant.

    The same approximation as :func:`sample_size_per_group`, solved for power::

        power = Phi((|p1 - p2| sqrt(n) - z(1-alpha/2) sqrt(2 p q)) / sqrt(p1 q1 + p2 q2))
    """
    _check_pair(p1, p2)
    if n_per_group < 2:
        raise ValueError("each arm needs at least two people")
    p_bar = (p1 + p2) / 2
    z_alpha = z_value(1 - alpha)
    score = (abs(p1 - p2) * math.sqrt(n_per_group) - z_alpha * math.sqrt(2 * p_bar * (1 - p_bar))) / math.sqrt(
        p1 * (1 - p1) + p2 * (1 - p2)
    )
    return NormalDist().cdf(score)


def smallest_detectable_difference(
    p1: float, n_per_group: int, *, alpha: float = 0.05, power_wanted: float = 0.8
) -> float:
    """The smallest rise above ``p1`` that a trial of ``n_per_group`` a side detects with ``power_wanted``."""
    _check_share("share without the change", p1)
    low, high = 1e-6, 1 - p1 - 1e-6
    if power(p1, p1 + high, n_per_group, alpha=alpha) < power_wanted:
        return float("nan")
    for _ in range(60):
        middle = (low + high) / 2
        if power(p1, p1 + middle, n_per_group, alpha=alpha) >= power_wanted:
            high = middle
        else:
            low = middle
    return high


BASELINE = "Share booking without the change (%)"
HOPED = "Share booking with the change (%)"
PEOPLE = "People in each group of your pilot"
NEEDED = "People needed in each group (80% power, 5% significance)"
YOUR_POWER = "Chance your pilot detects the effect (power, %)"
SMALLEST = "Smallest rise your pilot can reliably detect (percentage points)"


def pilot_planner(baseline: float, effect: float, people_per_group: int) -> dict[str, Any]:
    """The sample-size calculator: ``baseline`` and ``effect`` are fractions (0.20, 0.04)."""
    if not effect > 0:
        raise ValueError("the effect you hope for must be above zero percentage points")
    target = baseline + effect
    if not target < 1:
        raise ValueError("the share with the change must stay below 100%")
    smallest = smallest_detectable_difference(baseline, people_per_group)
    return {
        BASELINE: round(100 * baseline, 1),
        HOPED: round(100 * target, 1),
        PEOPLE: int(people_per_group),
        NEEDED: sample_size_per_group(baseline, target),
        YOUR_POWER: round(100 * power(baseline, target, people_per_group), 1),
        SMALLEST: round(100 * smallest, 1) if not math.isnan(smallest) else "more than is possible",
    }


def power_chart(result: dict[str, Any], figure: Any = None) -> Any:
    """Power against people per group, from :func:`pilot_planner`'s result.

    Given the figure it drew before, it moves that figure's lines (quicker in a calculator).
    """
    if figure is None:
        from matplotlib.figure import Figure

        figure = Figure(figsize=(7, 3.8))
        axes = figure.add_subplot()
        axes.plot([], [], color=BLUE, linewidth=2)
        axes.axhline(80, color=GREY, linestyle="--", linewidth=1)
        axes.text(10, 82, "80%: the usual aim", fontsize=8, color=GREY)
        axes.plot([], [], marker="o", color=ORANGE, markersize=10, linestyle="none", label=" ")
        axes.axvline(0, color=GREEN, linestyle=":", label=" ")
        axes.set_ylim(0, 100)
        axes.set_xlabel("People in each group (count)")
        axes.set_ylabel("Chance of detecting the effect (%)")
        axes.legend(loc="lower right", frameon=False)
    axes = figure.axes[0]
    baseline, target, people = result[BASELINE] / 100, result[HOPED] / 100, int(result[PEOPLE])
    needed = int(result[NEEDED])
    top = int(max(needed, people) * 1.5) + 10
    sizes = np.unique(np.linspace(10, top, 120).astype(int))
    curve, _aim, yours, enough = axes.lines
    curve.set_data(sizes, [100 * power(baseline, target, int(n)) for n in sizes])
    yours.set_data([people], [100 * power(baseline, target, people)])
    enough.set_xdata([needed, needed])
    labels = (f"Your pilot: {people:,} a group", f"Needed for 80%: {needed:,} a group")
    for line, text, label in zip((yours, enough), axes.get_legend().get_texts(), labels, strict=True):
        line.set_label(label)
        text.set_text(label)
    axes.set_xlim(sizes[0] - 0.05 * (sizes[-1] - sizes[0]), sizes[-1] + 0.05 * (sizes[-1] - sizes[0]))
    axes.set_title(f"Power to detect a rise from {100 * baseline:g}% to {100 * target:g}%")
    return figure


SMALL_PILOT = ChoiceKey(
    options={
        "The letter works, and raises bookings by about 15 points": "No. With 100 a group a pilot only comes out significant when chance has pushed its result well "
        "above the true effect. The estimate is almost certainly too big.",
        "The letter probably helps, but the true effect is likely much smaller than 15 points: test it at scale": "Yes. A small pilot that 'wins' overstates the effect (the 'winner's curse'). Plan a larger trial "
        "before you budget for 15 points.",
        "The result is worthless and should be ignored": "Not quite. It is weak evidence that the letter helps, but it is no measure of how much.",
        "Run more small pilots until one shows an even bigger effect": "No. Running pilots until one 'works' is how false findings are made, and how publication bias "
        "builds up across a whole field.",
    },
    answer="The letter probably helps, but the true effect is likely much smaller than 15 points: test it at scale",
)


def simulate_pilots(
    p_control: float = TRUE_CONTROL,
    p_treatment: float = TRUE_REMINDER,
    n_per_group: int = 100,
    pilots: int = 500,
    seed: int = 4,
) -> pd.DataFrame:
    """Run ``pilots`` made-up trials of ``n_per_group`` a side from known true shares (seeded).

    Each row: the observed difference (percentage points), its 95% Newcombe interval,
    and whether the interval excludes zero ("significant").
    """
    _check_pair(p_control, p_treatment)
    if n_per_group < 2 or pilots < 1:
        raise ValueError("each pilot needs at least two people a group, and there must be at least one pilot")
    rng = np.random.default_rng(seed)
    treated = rng.binomial(n_per_group, p_treatment, size=pilots)
    control = rng.binomial(n_per_group, p_control, size=pilots)
    rows = []
    for t, c in zip(treated, control, strict=True):
        diff = difference_in_proportions(proportion(int(t), n_per_group), proportion(int(c), n_per_group))
        rows.append(
            {
                "difference": 100 * diff.estimate,
                "low": 100 * diff.low,
                "high": 100 * diff.high,
                "significant": diff.low > 0,
            }
        )
    return pd.DataFrame(rows)


def summarise_pilots(pilots: pd.DataFrame, true_effect_points: float) -> dict[str, float]:
    """What many pilots show: share significant, share pointing the wrong way, average effects."""
    significant = pilots[pilots["significant"]]
    return {
        "Pilots run": len(pilots),
        "Found a significant rise (%)": round(100 * float(pilots["significant"].mean()), 1),
        "Pointed the wrong way (%)": round(100 * float((pilots["difference"] < 0).mean()), 1),
        "Average effect, all pilots (points)": round(float(pilots["difference"].mean()), 1),
        "Average effect, significant pilots only (points)": round(float(significant["difference"].mean()), 1)
        if len(significant)
        else float("nan"),
        "True effect (points)": true_effect_points,
    }


def pilots_chart(small: pd.DataFrame, large: pd.DataFrame, small_n: int, large_n: int) -> Any:
    """Histograms of observed effects from many small pilots and many full-size trials."""
    from matplotlib.figure import Figure

    true_effect = 100 * (TRUE_REMINDER - TRUE_CONTROL)
    bins = np.arange(-25, 36, 2.5)
    figure = Figure(figsize=(10, 3.8))
    axes = figure.subplots(1, 2, sharex=True)
    for ax, runs, n in ((axes[0], small, small_n), (axes[1], large, large_n)):
        ax.hist(runs.loc[~runs["significant"], "difference"], bins=bins, color=GREY, label="Not significant")
        ax.hist(runs.loc[runs["significant"], "difference"], bins=bins, color=BLUE, label="Significant")
        ax.axvline(true_effect, color=GREEN, linestyle="--", linewidth=2, label=f"True effect ({true_effect:g} points)")
        ax.axvline(0, color="black", linewidth=0.8)
        ax.set_xlabel("Observed effect (percentage points)")
        ax.set_title(f"{len(runs)} trials of {n:,} people a group", fontsize=10)
    axes[0].set_ylabel("Number of trials (count)")
    axes[1].legend(loc="upper right", frameon=False, fontsize=8)
    figure.suptitle("Same true effect, different trial sizes (synthetic simulation)")
    return figure


# --- 04 Providers and markets ---------------------------------------------------------------

CARILLION_CONTRACTS = ReportFigure(
    500, "contracts", "Government contracts Carillion held ('nearly 500')", S4, (2609, 2611)
)
CARILLION_SUBCONTRACTORS = ReportFigure(1.2e9, "GBP", "Owed to sub-contractors", S4, (2611, 2612))
CARILLION_PENSIONS = ReportFigure(800e6, "GBP", "Pension deficit", S4, (2612, 2613))
CARILLION_LIABILITIES = ReportFigure(
    7e9, "GBP", "Liabilities ('almost £7 billion'): the largest trade insolvency in UK history", S4, (2985, 2988)
)
CARILLION: tuple[ReportFigure, ...] = (
    CARILLION_CONTRACTS,
    CARILLION_SUBCONTRACTORS,
    CARILLION_PENSIONS,
    CARILLION_LIABILITIES,
)


def carillion_table() -> pd.DataFrame:
    """Carillion's figures as the RSA article gives them."""

    def shown(figure: ReportFigure) -> str:
        if figure.unit == "GBP":
            return f"£{figure.value / 1e9:g} billion" if figure.value >= 1e9 else f"£{figure.value / 1e6:g} million"
        return f"{figure.value:,.0f}"

    return pd.DataFrame(
        {
            "What": [f.what for f in CARILLION],
            "Figure": [shown(f) for f in CARILLION],
        }
    )


def carillion_correction() -> pd.Series:
    """The report's date for Carillion's collapse against the public record."""
    corrections = load("report_corrections")
    return corrections[corrections["correction_id"].astype(str) == "carillion_collapse"].iloc[0]


def leicestershire_facts() -> dict[str, float]:
    """The CIP's contract term (years), value ceiling (£) and weeks to the first meeting."""
    facts = load("case_study_facts")
    values = facts.set_index(facts["fact_id"].astype(str))["value"]
    return {
        "term_years": float(values["leics_contract_term"]),
        "value_ceiling": float(values["leics_contract_value"]),
        "weeks_to_first_meeting": float(values["leics_first_meeting_weeks"]),
    }


def social_value_rules() -> pd.DataFrame:
    """Today's social value and procurement rules, from the public facts."""
    facts = load("public_facts")
    rows = facts[facts["topic"].astype(str) == "Social value and procurement"]
    return pd.DataFrame(
        {
            "Rule": rows["fact"].astype(str),
            "Figure": [
                f"{v:g}%" if u == "percent" else ""
                for v, u in zip(rows["value"], rows["unit"].astype(str), strict=True)
            ],
            "From": [f"{d.day} {d:%B %Y}" if not pd.isna(d) else "" for d in rows["date"]],
            "Source": rows["source_title"].astype(str),
            "Note": rows["note"].fillna("").astype(str),
        }
    ).set_index("Rule")


_SPECIFY = "Specify and tender: the answer is known"
_PARTNER = "Engage the market, then choose a partner, not a solution"
_INVEST = "Invest to solve: fund early ideas in stages you can stop"

PROCUREMENT_ROUTES = SortKey(
    categories=(_SPECIFY, _PARTNER, _INVEST),
    answers={
        "Buying latex gloves for care staff": _SPECIFY,
        "Renewing a meals service that works well, with several able providers": _SPECIFY,
        "Redesigning children's services from the edge of care to leaving care, with a partner "
        "who co-invests": _PARTNER,
        "Too few residential places for children with complex needs; providers 'cherry pick'": _PARTNER,
        "Reducing loneliness among older people, where no one knows what works at scale": _INVEST,
        "A new app to help people manage their own care: readiness 4, adoption 1": _INVEST,
    },
    feedback={
        "Buying latex gloves for care staff": "Specify and tender: the RSA's own example of a simple problem, where a specification works.",
        "Renewing a meals service that works well, with several able providers": "Specify and tender: the need and the answer are known and the market is healthy. Still talk to "
        "users and providers first.",
        "Redesigning children's services from the edge of care to leaving care, with a partner who co-invests": "Engage, then choose a partner: this is Leicestershire's Children's Innovation Partnership, "
        "tendered to test partners' suitability and shared values, not a solution.",
        "Too few residential places for children with complex needs; providers 'cherry pick'": "Engage, then choose a partner: the market is not sufficient, so a specification alone will not "
        "create supply. Leicestershire's first design brief was on residential placements.",
        "Reducing loneliness among older people, where no one knows what works at scale": "Invest to solve: a complex problem. Involve the people affected, fund early concepts and keep "
        "break points at each stage.",
        "A new app to help people manage their own care: readiness 4, adoption 1": "Invest to solve: unproven and unused, so fund development in stages you can stop, rather than "
        "a long contract.",
    },
)

PROBLEM_EXPERTS = ChoiceKey(
    options={
        "Solution experts, who can specify the right service in detail": "No. The RSA says we should not ask commissioners to be solution experts: starting with the "
        "answer crowds out innovation.",
        "Problem experts, who understand the problem with the people who live with it": "Yes. 'We shouldn't ask our commissioners to be solution experts, but we can expect them to be "
        "problem experts' (Ian Burbidge, RSA).",
        "Contract experts, who can extract the most value from suppliers": "No. The RSA criticises a combative relationship where value is extracted, not created together.",
    },
    answer="Problem experts, who understand the problem with the people who live with it",
)


def _percent_shares(values: pd.Series | list[float] | tuple[float, ...]) -> pd.Series:
    series = pd.Series(values, dtype="float64")
    if series.isna().any():
        raise ValueError("every provider needs a value; one is missing")
    if (series < 0).any():
        raise ValueError("a provider's value cannot be negative")
    total = float(series.sum())
    if not total > 0:
        raise ValueError("the values add up to nothing, so there are no shares to work out")
    return 100 * series / total


def herfindahl_index(values: pd.Series | list[float] | tuple[float, ...]) -> float:
    """The Herfindahl-Hirschman index: the sum of squared market shares, in per cent.

    ``values`` are the providers' contract values (or shares); they are turned into
    percentage shares first. The index runs from near 0 (many tiny providers) to 10,000
    (one provider has everything). N equal providers give 10,000 / N.
    """
    shares = _percent_shares(values)
    return float((shares**2).sum())


def equivalent_providers(index: float) -> float:
    """10,000 / HHI: the number of equal-sized providers that would give the same index."""
    if not 0 < index <= 10_000:
        raise ValueError("a Herfindahl index runs from above 0 to 10,000")
    return 10_000 / index


def market_shares(market: pd.DataFrame, service: str) -> pd.DataFrame:
    """Each provider of ``service`` with its contract value and share (%), largest first."""
    rows = market[market["service"].astype(str) == service]
    if rows.empty:
        raise ValueError(f"no providers of '{service}' in the market data")
    shares = _percent_shares(rows["annual_contract_value_gbp"].to_numpy())
    table = pd.DataFrame(
        {
            "Provider (invented)": rows["provider_name"].astype(str).to_numpy(),
            "Sector": rows["sector"].astype(str).to_numpy(),
            "Annual value (£)": rows["annual_contract_value_gbp"].round().astype(int).to_numpy(),
            "Share (%)": shares.round(1).to_numpy(),
        }
    )
    return table.sort_values("Annual value (£)", ascending=False).set_index("Provider (invented)")


def market_summary(market: pd.DataFrame) -> pd.DataFrame:
    """For each service: providers, total value, largest share, top three's share, HHI and its equivalent."""
    rows = []
    for service in sorted(market["service"].astype(str).unique()):
        part = market[market["service"].astype(str) == service]
        shares = _percent_shares(part["annual_contract_value_gbp"].to_numpy()).sort_values(ascending=False)
        index = herfindahl_index(part["annual_contract_value_gbp"].to_numpy())
        voluntary = part.loc[part["sector"].astype(str) == "voluntary", "annual_contract_value_gbp"].sum()
        rows.append(
            {
                "Service": service,
                "Providers": len(part),
                "Total annual value (£)": round(part["annual_contract_value_gbp"].sum()),
                "Largest provider's share (%)": round(float(shares.iloc[0]), 1),
                "Top three's share (%)": round(float(shares.iloc[:3].sum()), 1),
                "Herfindahl index (0 to 10,000)": round(index),
                "Equivalent number of equal providers": round(equivalent_providers(index), 1),
                "Voluntary sector's share (%)": round(
                    100 * float(voluntary) / float(part["annual_contract_value_gbp"].sum()), 1
                ),
            }
        )
    return pd.DataFrame(rows).set_index("Service")


def market_chart(market: pd.DataFrame) -> Any:
    """Each service's providers by share of contract value, largest first."""
    from matplotlib.figure import Figure

    services = sorted(market["service"].astype(str).unique())
    figure = Figure(figsize=(10, 5.2))
    axes = figure.subplots(1, len(services), sharex=True)
    colours = {"private": BLUE, "voluntary": GREEN, "council-owned": ORANGE}
    for ax, service in zip(axes, services, strict=True):
        table = market_shares(market, service)
        ax.barh(table.index, table["Share (%)"], color=[colours[s] for s in table["Sector"]])
        ax.invert_yaxis()
        ax.tick_params(axis="y", labelsize=7)
        ax.set_xlabel("Share of spending on the service (%)")
        index = herfindahl_index(table["Annual value (£)"].to_numpy())
        ax.set_title(f"{service.capitalize()}: HHI {index:,.0f}", fontsize=10)
    from matplotlib.patches import Patch

    used = sorted(set(market["sector"].astype(str)))
    axes[-1].legend(
        handles=[Patch(color=colours[s], label=s.capitalize()) for s in used],
        loc="lower right",
        frameon=False,
        fontsize=8,
    )
    figure.suptitle("Brackenford care market, 2024/25: who gets the council's money (synthetic data)")
    return figure


def largest_provider(market: pd.DataFrame, service: str) -> tuple[str, float]:
    """The largest provider of ``service`` and its share (%), unrounded."""
    table = market_shares(market, service)
    rows = market[market["service"].astype(str) == service]
    shares = _percent_shares(rows["annual_contract_value_gbp"].to_numpy())
    return str(table.index[0]), float(shares.max())


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
