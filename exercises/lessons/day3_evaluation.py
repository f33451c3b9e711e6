"""Day 3, evaluation design: the Magenta Book's types of evaluation, the Maryland scale and a
difference-in-differences estimate on synthetic matched areas.

The page ``05b-evaluation-design`` calls these; ``tests/test_day3_evaluation.py`` pins the
numbers. Plain Python: nothing imports ipywidgets. The matched areas are synthetic
(``brackenford_matched_areas``, made by ``datasets/generate_synthetic.py``).
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from exercises.data import load
from exercises.lessons.common import BLUE, GREY, ORANGE, ChoiceKey, SortKey


def matched_areas() -> pd.DataFrame:
    """The synthetic quarterly falls admission rates for programme and comparison areas."""
    frame = load("brackenford_matched_areas")
    return frame.assign(
        group=frame["group"].astype(str),
        period=frame["period"].astype(str),
        quarter=frame["quarter"].astype(int),
        rate_per_1000=frame["rate_per_1000"].astype(float),
    )


def group_means() -> pd.DataFrame:
    """Mean rate per 1,000 a quarter by group (rows) and period (columns), with the change."""
    frame = matched_areas()
    means = frame.pivot_table(index="group", columns="period", values="rate_per_1000", aggfunc="mean")
    table = pd.DataFrame(
        {
            "Areas": ["Programme areas", "Comparison areas"],
            "Before (rate per 1,000 a quarter)": [means.loc["programme", "before"], means.loc["comparison", "before"]],
            "After (rate per 1,000 a quarter)": [means.loc["programme", "after"], means.loc["comparison", "after"]],
        }
    )
    table["Change"] = table["After (rate per 1,000 a quarter)"] - table["Before (rate per 1,000 a quarter)"]
    return table.round(2)


def estimates() -> dict[str, float]:
    """Three estimates of the programme's effect (rate per 1,000 a quarter), two of them biased."""
    means = group_means().set_index("Areas")
    before_after = means.loc["Programme areas", "Change"]
    after_only = (
        means.loc["Programme areas", "After (rate per 1,000 a quarter)"]
        - means.loc["Comparison areas", "After (rate per 1,000 a quarter)"]
    )
    did = means.loc["Programme areas", "Change"] - means.loc["Comparison areas", "Change"]
    return {
        "Before and after, programme areas only": round(float(before_after), 2),
        "After only, programme against comparison areas": round(float(after_only), 2),
        "Difference in differences": round(float(did), 2),
    }


def did_estimate() -> float:
    """The difference-in-differences estimate (rate per 1,000 a quarter; negative means fewer admissions)."""
    return estimates()["Difference in differences"]


def pre_trend_gap() -> float:
    """How much faster the programme areas' rate rose than the comparison areas' before the start (per quarter).

    The slope of each group's mean rate over quarters 1 to 8, programme minus comparison:
    near zero supports the parallel-trends assumption behind the estimate.
    """
    frame = matched_areas()
    before = frame[frame["period"] == "before"]
    slopes = {}
    for group, rows in before.groupby("group"):
        means = rows.groupby("quarter")["rate_per_1000"].mean()
        x = means.index.to_numpy(dtype=float)
        y = means.to_numpy(dtype=float)
        slopes[group] = float(((x - x.mean()) * (y - y.mean())).sum() / ((x - x.mean()) ** 2).sum())
    return round(slopes["programme"] - slopes["comparison"], 3)


def admissions_avoided_a_year() -> float:
    """The DiD estimate as admissions avoided a year across the programme areas' people aged 65+."""
    frame = matched_areas()
    people = frame[frame["group"] == "programme"].groupby("area")["people_65_plus"].first().sum()
    return round(-did_estimate() * 4 * float(people) / 1000, 0)


def trends_chart() -> Any:
    """Mean rate by quarter for both groups, with the programme's start marked."""
    from matplotlib.figure import Figure

    frame = matched_areas()
    means = frame.pivot_table(index="quarter", columns="group", values="rate_per_1000", aggfunc="mean")
    figure = Figure(figsize=(8, 3.6))
    axes = figure.add_subplot()
    axes.plot(means.index, means["programme"], color=BLUE, marker="o", label="Programme areas")
    axes.plot(means.index, means["comparison"], color=ORANGE, marker="s", label="Comparison areas")
    axes.axvline(8.5, color=GREY, linestyle="--", label="Programme starts (April 2023)")
    axes.set_xlabel("Quarter (1 = April to June 2021)")
    axes.set_ylabel("Admissions per 1,000 aged 65+")
    axes.legend(frameon=False, fontsize=8)
    axes.set_title("Falls admissions in programme and comparison areas (synthetic)")
    return figure


# --- answer keys ----------------------------------------------------------------------

_PROCESS, _IMPACT, _VFM = ("Process evaluation", "Impact evaluation", "Value-for-money evaluation")

EVALUATION_TYPES = SortKey(
    categories=(_PROCESS, _IMPACT, _VFM),
    answers={
        "Were the classes delivered as planned, and who dropped out and why?": _PROCESS,
        "Did admissions after a fall go down because of the programme, and by how much?": _IMPACT,
        "Was the programme worth what it cost, compared with the alternatives?": _VFM,
        "How did referrals from GPs work in practice, and what got in the way?": _PROCESS,
        "What would admissions have been without the programme?": _IMPACT,
    },
    feedback={
        "Were the classes delivered as planned, and who dropped out and why?": "How it was delivered: a process question.",
        "Did admissions after a fall go down because of the programme, and by how much?": "What difference it made: an impact question, which needs a counterfactual.",
        "Was the programme worth what it cost, compared with the alternatives?": "Value for money builds on the impact estimate and the costs.",
        "How did referrals from GPs work in practice, and what got in the way?": "A process question, often answered with interviews and monitoring data.",
        "What would admissions have been without the programme?": "The counterfactual: the heart of an impact evaluation.",
    },
)

_L1, _L2, _L3, _L4, _L5 = (
    "Level 1: simple comparison or before and after",
    "Level 2: comparison with controls",
    "Level 3: before and after with a comparison group",
    "Level 4: as-if random variation",
    "Level 5: randomised trial",
)

MARYLAND = SortKey(
    categories=(_L1, _L2, _L3, _L4, _L5),
    answers={
        "Admissions in the programme areas in the year before and the year after it started": _L1,
        "Programme and other areas compared after the start, adjusting for age and deprivation": _L2,
        "Programme and matched comparison areas compared before and after (difference in differences)": _L3,
        "Places offered to people just either side of a risk-score cut-off, compared (regression discontinuity)": _L4,
        "People randomly offered a place or not, followed for a year": _L5,
    },
    feedback={
        "Admissions in the programme areas in the year before and the year after it started": "No counterfactual: anything else that changed is counted as the programme's effect.",
        "Programme and other areas compared after the start, adjusting for age and deprivation": "Controls help, but areas chosen for need may differ in ways not measured.",
        "Programme and matched comparison areas compared before and after (difference in differences)": "A comparison group over time removes fixed differences and shared trends.",
        "Places offered to people just either side of a risk-score cut-off, compared (regression discontinuity)": "Who is just above or below the cut-off is close to chance.",
        "People randomly offered a place or not, followed for a year": "Randomisation makes the groups alike in everything but the offer.",
    },
)

PARALLEL_TRENDS = ChoiceKey(
    options={
        "That the programme and comparison areas would have followed the same trend without the programme": "Yes. That is why you check the trends before the start: if they ran parallel then, the assumption is more credible.",
        "That the programme and comparison areas had the same rate before the start": "No. Difference in differences allows for a fixed gap; here the programme areas start higher.",
        "That people were chosen for the programme at random": "No. That would be a trial; difference in differences is used when they were not.",
    },
    answer="That the programme and comparison areas would have followed the same trend without the programme",
)

THEORY_BASED = ChoiceKey(
    options={
        "A randomised trial of the whole place-based partnership": "Hard to do for a whole-system change: there is no second Oldham to randomise.",
        "A theory-based evaluation, such as contribution analysis, testing each link of the theory of change against evidence": "Yes. Where no counterfactual can be built, the Magenta Book points to theory-based approaches that test how and why the change happened.",
        "No evaluation: the change is too complex to evaluate": "The Magenta Book's answer to complexity is a proportionate, well-chosen design, not none.",
    },
    answer="A theory-based evaluation, such as contribution analysis, testing each link of the theory of change against evidence",
)


def evaluation_plan_text(
    question: str, design: str, measures: str, comparison: str, timing: str, cost_and_owner: str
) -> str:
    """A proportionate evaluation plan as one paragraph for the plan file's value case."""
    parts = {
        "Evaluation question": question,
        "Design": design,
        "Measures and data": measures,
        "Comparison (counterfactual)": comparison,
        "When we will report": timing,
        "Cost and owner": cost_and_owner,
    }
    missing = [name for name, text in parts.items() if not str(text).strip()]
    if missing:
        raise ValueError(f"Please fill in: {', '.join(missing)}.")

    def sentence(text: str) -> str:
        text = str(text).strip().rstrip(".")
        return text if text.endswith(("?", "!")) else text + "."

    return " ".join(f"{name}: {sentence(text)}" for name, text in parts.items())


def estimates_table() -> pd.DataFrame:
    """:func:`estimates` as a two-column table for display."""
    est = estimates()
    return pd.DataFrame({"Design": list(est), "Estimated effect (per 1,000 a quarter)": list(est.values())})
