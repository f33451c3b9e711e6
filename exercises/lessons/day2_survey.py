"""Day 2, page 5 (the Brackenford resident survey, synthetic): shares with confidence intervals, groups and wards.

Plain Python and pandas (and matplotlib for charts): nothing here imports ipywidgets.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import pandas as pd

from exercises.lessons import stats
from exercises.lessons.common import (
    BLUE,
    LIGHT,
    ORANGE,
    ChoiceKey,
)
from exercises.lessons.day2_text import wrap_label

# --- 05 The Brackenford resident survey (synthetic) ----------------------------------------------

STATEMENTS: dict[str, str] = {
    "belong": "I feel I belong to my neighbourhood",
    "influence": "I can influence decisions affecting my area",
    "services_joined_up": "Local services work well together",
    "trust_council": "I trust the council to act in residents' interests",
    "would_volunteer": "I would give time to help my community",
}
AGREE: tuple[str, ...] = ("Agree", "Strongly agree")
SATISFIED: tuple[str, ...] = ("Fairly satisfied", "Very satisfied")
SATISFACTION = "satisfaction"
SATISFACTION_TEXT = "Satisfied with the way the council runs things"


def _question(survey: pd.DataFrame, column: str) -> pd.Series:
    if column not in survey.columns:
        raise KeyError(f"the survey has no question called '{column}'")
    return survey[column]


def agrees(survey: pd.DataFrame, column: str) -> pd.Series:
    """True where a respondent agreed (or was satisfied), False where not, missing where they skipped."""
    answers = _question(survey, column)
    yes = SATISFIED if column == SATISFACTION else AGREE
    flags = answers.astype("string").isin(yes).astype("boolean")
    return flags.mask(answers.isna())


def label(column: str) -> str:
    """The wording of a question."""
    return SATISFACTION_TEXT if column == SATISFACTION else STATEMENTS[column]


def overview(survey: pd.DataFrame, confidence: float = 0.95) -> pd.DataFrame:
    """Every question: answers, skipped, agreeing, and the share agreeing with its interval (per cent)."""
    rows = []
    for column in (*STATEMENTS, SATISFACTION):
        flags = agrees(survey, column)
        share = stats.proportion_of(flags, confidence=confidence)
        rows.append(
            (
                label(column),
                share.n,
                int(flags.isna().sum()),
                share.successes,
                100 * share.estimate,
                100 * share.low,
                100 * share.high,
            )
        )
    table = pd.DataFrame(
        rows, columns=["Question", "Answered", "Skipped", "Agree or satisfied", "Per cent", "Low (%)", "High (%)"]
    )
    return table.set_index("Question")


def by_group(survey: pd.DataFrame, column: str, group: str, confidence: float = 0.95) -> pd.DataFrame:
    """The share agreeing with one question, for each value of ``group`` (segment, ward, age band)."""
    table = stats.proportions_by_group(agrees(survey, column), _question(survey, group), confidence=confidence)
    table.index.name = group
    return table


def by_ward(survey: pd.DataFrame, wards: pd.DataFrame, column: str, confidence: float = 0.95) -> pd.DataFrame:
    """``by_group`` by ward, with each ward's need index and rank, most need first."""
    table = by_group(survey, column, "ward", confidence)
    table.index = table.index.astype(str)
    need = wards.assign(ward=wards["ward"].astype(str)).set_index("ward")[["need_index", "need_rank"]]
    joined = table.join(need, how="left")
    if joined["need_index"].isna().any():
        raise ValueError("some wards in the survey are missing from the wards table")
    return joined.astype({"need_rank": int}).sort_values("need_rank")


def survey_facts(survey: pd.DataFrame, wards: pd.DataFrame) -> dict[str, Any]:
    """The numbers the survey page quotes (and the tests check)."""
    influence = stats.proportion_of(agrees(survey, "influence"))
    trust_flags = agrees(survey, "trust_council")
    trust = stats.proportion_of(trust_flags)
    segments = by_group(survey, "influence", "segment")
    ward_table = by_ward(survey, wards, "influence")
    half = len(ward_table) // 2
    more_need, less_need = ward_table.iloc[:half], ward_table.iloc[half:]
    more = stats.proportion(int(more_need["yes"].sum()), int(more_need["answers"].sum()))
    less = stats.proportion(int(less_need["yes"].sum()), int(less_need["answers"].sum()))
    high_seg, low_seg = segments["percent"].idxmax(), segments["percent"].idxmin()
    widths = segments["high"] - segments["low"]
    seg_diff = stats.difference_in_proportions(
        stats.proportion(int(segments.loc[high_seg, "yes"]), int(segments.loc[high_seg, "answers"])),
        stats.proportion(int(segments.loc[low_seg, "yes"]), int(segments.loc[low_seg, "answers"])),
    )
    ward_diff = stats.difference_in_proportions(less, more)
    return {
        "respondents": len(survey),
        "influence": influence,
        "influence_percent": round(100 * influence.estimate, 1),
        "influence_margin_points": round(100 * influence.margin, 1),
        "trust": trust,
        "trust_percent": round(100 * trust.estimate, 1),
        "trust_skipped": int(trust_flags.isna().sum()),
        "trust_percent_if_skips_counted_as_no": round(100 * trust.successes / len(survey), 1),
        "highest_segment": str(high_seg),
        "lowest_segment": str(low_seg),
        "segment_difference": seg_diff,
        "smallest_segment": str(segments["answers"].idxmin()),
        "smallest_segment_answers": int(segments["answers"].min()),
        "smallest_segment_width_points": round(float(widths[segments["answers"].idxmin()]), 1),
        "more_need_wards": list(more_need.index),
        "more_need_percent": round(100 * more.estimate, 1),
        "less_need_percent": round(100 * less.estimate, 1),
        "ward_difference": ward_diff,
        "need_correlation": round(float(ward_table["need_index"].corr(ward_table["percent"])), 2),
    }


def overview_chart(table: pd.DataFrame) -> Any:
    """Bars of the share agreeing with each question, with 95% intervals (from ``overview``)."""
    from matplotlib.figure import Figure

    figure = Figure(figsize=(8, 3.8))
    axes = figure.add_subplot()
    names = [wrap_label(q, 34) for q in table.index]
    share = table["Per cent"]
    axes.barh(names, share, color=BLUE)
    axes.errorbar(
        share,
        range(len(share)),
        xerr=[share - table["Low (%)"], table["High (%)"] - share],
        fmt="none",
        ecolor="black",
        capsize=4,
        linewidth=1.2,
    )
    for y, (pct, high) in enumerate(zip(share, table["High (%)"], strict=True)):
        axes.text(high + 1.5, y, f"{pct:.0f}%", va="center", fontsize=9)
    axes.invert_yaxis()
    axes.set_xlim(0, 100)
    axes.set_xlabel("Residents who agree, or are satisfied (%), with 95% confidence intervals")
    axes.set_title("Brackenford resident survey: how residents answered (synthetic data)")
    axes.tick_params(axis="y", labelsize=8.5)
    return figure


def group_chart(table: pd.DataFrame, column: str, group_label: str) -> Any:
    """Dots with 95% intervals for each group (from ``by_group``), largest share at the top."""
    ordered = table.sort_values("percent", ascending=False)
    names = [f"{name} ({n:,} answers)" for name, n in zip(ordered.index, ordered["answers"], strict=True)]
    return _dot_chart(
        ordered, names, [BLUE] * len(ordered), f"Brackenford: '{label(column)}',\nby {group_label} (synthetic data)"
    )


def ward_need_chart(table: pd.DataFrame, column: str) -> Any:
    """Each ward's share agreeing, with its interval, most need at the top (from ``by_ward``).

    The half of the wards with most need are orange; the rest blue.
    """
    from matplotlib.patches import Patch

    ordered = table.sort_values("need_index", ascending=False)
    half = len(ordered) // 2
    colours = [ORANGE] * half + [BLUE] * (len(ordered) - half)
    names = [f"{ward} (need {need:.0f})" for ward, need in zip(ordered.index, ordered["need_index"], strict=True)]
    figure = _dot_chart(
        ordered, names, colours, f"Brackenford wards, most need first:\n'{label(column)}' (synthetic data)"
    )
    figure.axes[0].legend(
        handles=[
            Patch(color=ORANGE, label=f"The {half} wards with most need"),
            Patch(color=BLUE, label="The other wards"),
        ],
        loc="upper right",
        frameon=False,
        fontsize=8.5,
    )
    return figure


def _dot_chart(table: pd.DataFrame, names: Sequence[str], colours: Sequence[str], title: str) -> Any:
    """Shared layout: one row per group, a dot for the share and a line for its 95% interval."""
    from matplotlib.figure import Figure

    figure = Figure(figsize=(8.5, 0.42 * len(table) + 1.8))
    axes = figure.add_subplot()
    for row, (share, low, high, colour) in enumerate(
        zip(table["percent"], table["low"], table["high"], colours, strict=True)
    ):
        axes.errorbar(
            [share],
            [row],
            xerr=[[share - low], [high - share]],
            fmt="o",
            color=colour,
            ecolor=colour,
            capsize=4,
            markersize=7,
        )
        axes.text(high + 1, row, f"{share:.0f}%", va="center", fontsize=8.5)
    axes.set_yticks(range(len(table)), list(names), fontsize=9)
    axes.invert_yaxis()
    axes.set_xlim(0, max(50.0, float(table["high"].max()) + 8))
    axes.set_xlabel("Residents who agree (%), with 95% confidence intervals")
    axes.grid(axis="x", color=LIGHT)
    axes.set_title(title, fontsize=11)
    return figure


def segment_question(facts: Mapping[str, Any]) -> ChoiceKey:
    """What can safely be said about the highest and lowest segments (numbers from ``survey_facts``).

    Options are kept short: long labels wrap badly beside radio buttons.
    """
    diff = facts["segment_difference"]
    high = facts["highest_segment"]
    points = round(100 * diff.estimate)
    interval = f"{100 * diff.low:.0f} to {100 * diff.high:.0f} points"
    options = {
        f"The gap is exactly {points} points": "Not exactly: a sample gives an estimate. The interval around the gap shows how far out it "
        "could be.",
        "There is no gap: the two intervals overlap": "Overlapping intervals do not prove there is no difference. Look at the interval for the "
        "difference itself.",
        f"Being in the '{high}' segment causes it": "A survey shows who answers what, not why. Age, where people live and many other things differ "
        "between segments.",
    }
    if diff.excludes_zero:
        right = f"Probably a real gap, of somewhere from {interval}"
        options[right] = (
            f"Yes. The 95% interval for the difference runs from {interval}. It is above zero, "
            "so a gap is likely, but it could be small or large. And we picked the biggest gap "
            "after looking at six segments, which makes a gap this size easier to find by chance."
        )
    else:
        right = "We cannot be sure: the gap's interval includes zero"
        options[right] = f"Yes. The interval for the difference ({interval}) includes zero, so the gap may be chance."
    return ChoiceKey(options=options, answer=right)


SURVEY_LIMITS = ChoiceKey(
    options={
        "What share of residents who answered feel they belong to their neighbourhood": "Yes: that is what a survey like this can estimate, with a margin of error.",
        "Whether residents in wards with more need feel less able to influence decisions": "Yes: the survey can compare groups, if each has enough answers.",
        "Why residents in some wards feel unable to influence decisions": "No: a survey of set questions shows patterns, not reasons. Warm data (conversations, stories) "
        "tells you why.",
        "How many residents would actually volunteer if asked": "No: saying you would give time is not the same as doing it.",
        "What children, or people who did not reply, think": "No: the survey only hears from those it asked and who answered.",
        "Whether the council's co-production work caused any change": "No: one survey at one time cannot show cause and effect. You would need a before and after, and a "
        "comparison.",
    },
    answer=(
        "What share of residents who answered feel they belong to their neighbourhood",
        "Whether residents in wards with more need feel less able to influence decisions",
    ),
)
