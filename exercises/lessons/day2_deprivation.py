"""Day 2: reading the English Indices of Deprivation for the report's case-study councils.

Real data: the ``iod_districts`` table (MHCLG and DCLG, Open Government Licence v3.0),
built from the raw district summaries by ``tools/build_iod_tables.py``. Rank 1 is the
most deprived district. Plain Python and pandas: nothing here imports ipywidgets.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pandas as pd

from exercises.lessons.common import BLUE, GREY, ORANGE, ChoiceKey

IMD = "Index of Multiple Deprivation"
EDITIONS = (2015, 2019, 2025)
ATTRIBUTION = (
    "Contains public sector information licensed under the Open Government Licence v3.0. "
    "Source: DCLG (2015) and MHCLG (2019, 2025), English indices of deprivation, local authority district summaries."
)

# The report's case-study places in England, by their district codes. Somerset's four
# districts became one unitary council on 1 April 2023; Suffolk County Council covers five
# districts (the IoD's district summaries do not cover counties).
SOMERSET_DISTRICTS_2019 = ("E07000187", "E07000188", "E07000189", "E07000246")
SOMERSET_2023 = "E06000066"
SUFFOLK_DISTRICTS = ("E07000200", "E07000202", "E07000203", "E07000244", "E07000245")
SINGLE_DISTRICT_CASES: dict[str, str] = {
    "Wigan": "E08000010",
    "Oldham": "E08000004",
    "Rotherham": "E08000018",
    "Plymouth": "E06000026",
    "Brent": "E09000005",
    "Hounslow": "E09000018",
}
CASE_OF: dict[str, str] = {
    **{code: name for name, code in SINGLE_DISTRICT_CASES.items()},
    **dict.fromkeys(SOMERSET_DISTRICTS_2019, "Somerset"),
    SOMERSET_2023: "Somerset",
    **dict.fromkeys(SUFFOLK_DISTRICTS, "Suffolk"),
}


def imd(iod: pd.DataFrame, edition: int) -> pd.DataFrame:
    """The Index of Multiple Deprivation rows of one edition."""
    rows = iod[(iod["domain"] == IMD) & (iod["edition"] == edition)]
    if rows.empty:
        raise ValueError(f"there is no {edition} edition in the table: use one of {', '.join(map(str, EDITIONS))}")
    return rows


def most_deprived_percent(rank: int, districts: int) -> float:
    """Where a rank sits, as the per cent of districts at or above it (1 of 317 is 0.3%)."""
    if not 1 <= rank <= districts:
        raise ValueError(f"rank {rank} is not between 1 and {districts}")
    return round(100 * rank / districts, 1)


def case_profile(iod: pd.DataFrame) -> pd.DataFrame:
    """One row per case-study district and edition: rank of average score, position and share in the worst 10%."""
    rows = iod[(iod["domain"] == IMD) & iod["area_code"].isin(list(CASE_OF))]
    out = pd.DataFrame(
        {
            "Case": rows["area_code"].map(CASE_OF),
            "District": rows["area_name"].astype(str),
            "Edition": rows["edition"].astype(int),
            "Rank of average score": rows["rank_average_score"].astype(int),
            "Districts ranked": rows["districts_ranked"].astype(int),
            "Share of small areas in England's most deprived 10% (%)": (
                100 * rows["share_in_most_deprived_decile"]
            ).round(1),
        }
    )
    out["Within the most deprived (%)"] = [
        most_deprived_percent(r, n) for r, n in zip(out["Rank of average score"], out["Districts ranked"], strict=True)
    ]
    order = list(dict.fromkeys(CASE_OF.values()))
    out["_case"] = out["Case"].map(order.index)
    return out.sort_values(["_case", "District", "Edition"]).drop(columns="_case").reset_index(drop=True)


def rank_table(profile: pd.DataFrame) -> pd.DataFrame:
    """The profile as a wide table for reading: one row per district, ranks by edition ("of 317")."""
    wide = profile.pivot_table(
        index=["Case", "District"], columns="Edition", values="Rank of average score", aggfunc="first", sort=False
    )
    out = pd.DataFrame({"Case": [c for c, _ in wide.index], "District": [d for _, d in wide.index]})
    for edition in EDITIONS:
        ranked = profile.loc[profile["Edition"] == edition, "Districts ranked"]
        label = f"{edition} rank (of {int(ranked.iloc[0])})" if len(ranked) else f"{edition} rank"
        out[label] = list(wide[edition]) if edition in wide.columns else [pd.NA] * len(out)
    return out


@dataclass(frozen=True)
class Move:
    """How one district moved between two editions on two summary measures."""

    district: str
    first: int
    last: int
    rank_from: int
    rank_to: int
    position_from: float
    position_to: float

    @property
    def towards_most_deprived(self) -> bool:
        """True when the district's position moved towards the most deprived end."""
        return self.position_to < self.position_from


def move(iod: pd.DataFrame, area_code: str, first: int = 2019, last: int = 2025) -> Move:
    """A district's rank of average score in two editions, and its position as a per cent of districts."""
    ranks = []
    for edition in (first, last):
        row = imd(iod, edition)
        row = row[row["area_code"] == area_code]
        if len(row) != 1:
            raise KeyError(f"district {area_code} is not in the {edition} edition (its boundaries may have changed)")
        ranks.append(row.iloc[0])
    a, b = ranks
    return Move(
        str(a["area_name"]),
        first,
        last,
        int(a["rank_average_score"]),
        int(b["rank_average_score"]),
        most_deprived_percent(int(a["rank_average_score"]), int(a["districts_ranked"])),
        most_deprived_percent(int(b["rank_average_score"]), int(b["districts_ranked"])),
    )


def measures_2025(iod: pd.DataFrame) -> pd.DataFrame:
    """For the single-district cases in 2025: the three district summaries, which can disagree."""
    rows = imd(iod, 2025)
    rows = rows[rows["area_code"].isin(list(SINGLE_DISTRICT_CASES.values()))]
    return pd.DataFrame(
        {
            "District": rows["area_name"].astype(str),
            "Rank of average score": rows["rank_average_score"].astype(int),
            "Rank of average rank": rows["rank_average_rank"].astype(int),
            "Rank of share in the most deprived 10%": rows["rank_share_in_most_deprived_decile"].astype(int),
        }
    ).reset_index(drop=True)


def somerset_2019(iod: pd.DataFrame) -> pd.DataFrame:
    """Somerset's four districts in 2019, before they merged: rank of average score among 317."""
    rows = imd(iod, 2019)
    rows = rows[rows["area_code"].isin(SOMERSET_DISTRICTS_2019)]
    return pd.DataFrame(
        {
            "District (2019)": rows["area_name"].astype(str),
            "Rank of average score (of 317)": rows["rank_average_score"].astype(int),
            "Average score": rows["average_score"].astype(float),
        }
    ).reset_index(drop=True)


def somerset_2025(iod: pd.DataFrame) -> pd.Series:
    """Somerset Council's 2025 row (one district since April 2023)."""
    rows = imd(iod, 2025)
    return rows[rows["area_code"] == SOMERSET_2023].iloc[0]


def rank_for_score(iod: pd.DataFrame, score: float, edition: int = 2025) -> int:
    """The rank of average score a district with ``score`` would take (1 = most deprived).

    One more than the number of districts with a higher average score; ties are not broken.
    """
    if not 0 <= score <= 100:
        raise ValueError("an IMD average score lies between 0 and 100")
    scores = imd(iod, edition)["average_score"]
    if scores.isna().all():
        raise ValueError(f"the {edition} edition publishes no average scores")
    return int((scores > score).sum()) + 1


# A made-up figure, for the "where would Brackenford sit" exercise only. Brackenford is
# fictional; its need index (Day 1) is not an IMD score.
BRACKENFORD_ILLUSTRATIVE_SCORE = 27.0


def position_chart(profile: pd.DataFrame) -> Any:
    """Each single-district case's position (per cent of districts as or more deprived), by edition."""
    from matplotlib.figure import Figure

    figure = Figure(figsize=(7.2, 4.4))
    axes = figure.add_subplot()
    single = profile[profile["Case"].isin(list(SINGLE_DISTRICT_CASES))]
    styles = ("o-", "s-", "^-", "D-", "v-", "P-")
    colours = (BLUE, ORANGE, GREY, BLUE, ORANGE, GREY)
    for (name, rows), style, colour in zip(single.groupby("Case", sort=False), styles, colours, strict=False):
        rows = rows.sort_values("Edition")
        axes.plot(rows["Edition"], rows["Within the most deprived (%)"], style, color=colour, label=name, linewidth=1.6)
        last = rows.iloc[-1]
        axes.annotate(
            f"{name} ({last['Within the most deprived (%)']:.0f}%)",
            (last["Edition"], last["Within the most deprived (%)"]),
            xytext=(6, 0),
            textcoords="offset points",
            va="center",
            fontsize=8,
        )
    axes.invert_yaxis()
    axes.set_xticks(list(EDITIONS))
    axes.set_xlim(2014, 2029)
    axes.set_ylim(45, 0)
    axes.set_xlabel("Edition of the Indices of Deprivation")
    axes.set_ylabel("Rank as % of districts (lower = more deprived)")
    axes.set_title("Case-study councils: relative position on the IMD (rank of average score)")
    figure.text(0.01, 0.01, "Real data: DCLG 2015, MHCLG 2019 and 2025 (OGL v3.0)", fontsize=7, color=GREY)
    return figure


RANK_MEANING = ChoiceKey(
    options={
        "Deprivation in the district got worse between 2019 and 2025": (
            "Not shown. The IMD is relative: it ranks areas against each other. A district can move towards "
            "the most deprived end while its own conditions improve, if others improve faster. And the 2025 "
            "indicators and small areas differ from 2019's, so the scores are not on one scale."
        ),
        "Other districts, on average, fared better than it on the measures the index uses, or the measures changed": (
            "Right. A rank says where a place sits among the others in that edition. The move can come from "
            "the place, from the others, from changed indicators (the 2025 edition uses new data, methods and "
            "2021 small areas) or from changed boundaries, which shrank the list from 317 to 296 districts."
        ),
        "The council's programmes since 2019 failed": (
            "No. Nothing in a district's rank links it to any programme. Deprivation moves with the labour "
            "market, housing costs and benefits, and any council's effect is small next to those. A rank can "
            "neither prove nor disprove a programme's claim."
        ),
    },
    answer="Other districts, on average, fared better than it on the measures the index uses, or the measures changed",
)
