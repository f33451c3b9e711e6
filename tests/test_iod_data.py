"""The English Indices of Deprivation: raw copies, the rebuilt course table, the loader, and the numbers taught.

The course table (``iod_districts``) is checked against the raw files read directly with
pandas here, not through the build script, so a bug in the script cannot hide itself.
Expected ranks in the last section were read from the raw files by hand.
"""

from __future__ import annotations

import hashlib
import importlib.util
import sys
from pathlib import Path

import pandas as pd
import pytest

from exercises.data import info, load
from exercises.lessons import day2_deprivation as dep
from tests.conftest import REPO

RAW = REPO / "datasets" / "open" / "raw"
TABLE = REPO / "datasets" / "open" / "iod_districts.csv"

# SHA-256 of the raw files as copied from the Trafford Data Lab repository (unmodified).
RAW_SHA256 = {
    "iod2015_lad.csv": "255206a77a34b9eb36c15f24bd6b89967c010c6c5b5dbf69adf28b07e6484565",
    "iod2019_lad.csv": "582284e5d52f0ad5cd749557428d562a638c593e17c194640b5dae4cee48fe69",
    "iod2025_lad.csv": "feebe84170c06e65b768438e8e3763514d49ec3d9c0f606fbfdb7150bd4b8ba0",
}
RENAMED_2025 = {
    "Income Deprivation": "Income",
    "Employment Deprivation": "Employment",
    "Education, Skills and Training Deprivation": "Education, Skills and Training",
    "Health Deprivation and Disability": "Health and Disability",
    "Living Environment Deprivation": "Living Environment",
}


@pytest.fixture(scope="module")
def iod() -> pd.DataFrame:
    return load("iod_districts")


@pytest.fixture(scope="module")
def builder():
    spec = importlib.util.spec_from_file_location("build_iod_tables", REPO / "tools" / "build_iod_tables.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["build_iod_tables"] = module
    spec.loader.exec_module(module)
    return module


# --- the raw copies ---------------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(RAW_SHA256))
def test_raw_copies_are_unmodified(name: str) -> None:
    digest = hashlib.sha256((RAW / name).read_bytes()).hexdigest()
    assert digest == RAW_SHA256[name], f"{name} differs from the copy vendored from the Trafford Data Lab"


def test_raw_copies_carry_their_licence_and_attribution() -> None:
    note = (RAW / "ATTRIBUTION.md").read_text(encoding="utf-8")
    assert "Open Government Licence v3.0" in note
    for name in RAW_SHA256:
        assert name in note
    for resource in ("iod_districts", "iod2015_lad_raw", "iod2019_lad_raw", "iod2025_lad_raw"):
        about = info(resource)
        assert "Open Government Licence" in about.licence and not about.synthetic


@pytest.mark.parametrize(
    ("name", "shape"),
    [("iod2015_lad_raw", (3170, 6)), ("iod2019_lad_raw", (3170, 10)), ("iod2025_lad_raw", (2960, 11))],
)
def test_raw_files_load_through_their_own_schemas(name: str, shape: tuple[int, int]) -> None:
    assert load(name).shape == shape


# --- the course table against the raw files ------------------------------------------------


def _raw(edition: int) -> pd.DataFrame:
    frame = pd.read_csv(RAW / f"iod{edition}_lad.csv")
    if edition == 2025:
        frame = frame.rename(columns={"area_code": "lad19cd", "area_name": "lad19nm"})
        frame["index_domain"] = frame["index_domain"].replace(RENAMED_2025)
    return frame.rename(columns={"lad19cd": "area_code", "lad19nm": "area_name", "index_domain": "domain"})


@pytest.mark.parametrize("edition", [2015, 2019, 2025])
def test_loader_table_matches_the_raw_file(iod: pd.DataFrame, edition: int) -> None:
    raw = _raw(edition)
    ours = iod[iod["edition"] == edition].assign(domain=lambda f: f["domain"].astype(str))
    assert len(ours) == len(raw)
    merged = raw.merge(ours, on=["area_code", "domain"], suffixes=("_raw", ""), validate="one_to_one")
    assert len(merged) == len(raw), "some raw rows have no match in the course table"
    assert (merged["area_name_raw"] == merged["area_name"].astype(str)).all()
    assert (merged["rank_average_score_raw"] == merged["rank_average_score"].astype(int)).all()
    assert (merged["proportion_bottom_decile"] - merged["share_in_most_deprived_decile"]).abs().max() < 1e-9
    assert (merged["districts_ranked"] == raw["area_code"].nunique()).all()
    if edition == 2015:
        assert merged["average_score"].isna().all() and merged["rank_average_rank"].isna().all()
    else:
        assert (merged["average_score_raw"] - merged["average_score"]).abs().max() < 1e-9
        assert (merged["average_rank_raw"] - merged["average_rank"]).abs().max() < 1e-9
        assert (merged["rank_average_rank_raw"] == merged["rank_average_rank"].astype(int)).all()
        assert (
            merged["rank_proportion_bottom_decile"] == merged["rank_share_in_most_deprived_decile"].astype(int)
        ).all()


def test_build_script_reproduces_the_committed_table(builder) -> None:
    assert builder.table_text() == TABLE.read_text(encoding="utf-8"), "run tools/build_iod_tables.py"


def test_build_check_reports_a_difference(builder, tmp_path: Path, capsys) -> None:
    stale = tmp_path / "iod_districts.csv"
    stale.write_text(TABLE.read_text(encoding="utf-8").replace(",Wigan,", ",Wigan Borough,", 1), encoding="utf-8")
    assert builder.main(["--check", "--output", str(stale)]) == 1
    assert "differs" in capsys.readouterr().out
    assert builder.main(["--output", str(stale)]) == 0
    assert builder.main(["--check", "--output", str(stale)]) == 0


# --- the numbers the deprivation page teaches --------------------------------------------


def test_case_study_ranks(iod: pd.DataFrame) -> None:
    profile = dep.case_profile(iod)

    def ranks(name: str) -> list[int]:
        rows = profile[profile["District"] == name].sort_values("Edition")
        return list(rows["Rank of average score"])

    assert ranks("Oldham") == [34, 19, 11]
    assert ranks("Wigan") == [84, 75, 78]
    assert ranks("Rotherham") == [52, 44, 43]
    assert ranks("Plymouth") == [69, 64, 87]
    assert ranks("Brent") == [68, 79, 41]
    assert ranks("Hounslow") == [114, 122, 82]
    assert ranks("Somerset") == [143]  # one council from April 2023
    oldham_2025 = profile[(profile["District"] == "Oldham") & (profile["Edition"] == 2025)].iloc[0]
    assert oldham_2025["Share of small areas in England's most deprived 10% (%)"] == 37.3  # 0.3732
    assert oldham_2025["Within the most deprived (%)"] == 3.7  # 11 / 296


def test_denominators_and_positions(iod: pd.DataFrame) -> None:
    assert set(iod.loc[iod["edition"] == 2019, "districts_ranked"]) == {317}
    assert set(iod.loc[iod["edition"] == 2025, "districts_ranked"]) == {296}
    rotherham = dep.move(iod, dep.SINGLE_DISTRICT_CASES["Rotherham"])
    assert (rotherham.rank_from, rotherham.rank_to) == (44, 43)
    assert (rotherham.position_from, rotherham.position_to) == (13.9, 14.5)  # 44/317, 43/296
    assert not rotherham.towards_most_deprived
    brent = dep.move(iod, dep.SINGLE_DISTRICT_CASES["Brent"])
    assert (brent.rank_from, brent.rank_to) == (79, 41) and brent.towards_most_deprived


def test_summaries_disagree_for_hounslow(iod: pd.DataFrame) -> None:
    row = dep.measures_2025(iod).set_index("District").loc["Hounslow"]
    assert list(row) == [82, 49, 160]


def test_somerset_before_and_after_the_merger(iod: pd.DataFrame) -> None:
    before = dep.somerset_2019(iod)
    assert len(before) == 4
    assert before["Rank of average score (of 317)"].min() == 125  # Sedgemoor
    assert before["Rank of average score (of 317)"].max() == 184  # Mendip
    assert int(dep.somerset_2025(iod)["rank_average_score"]) == 143
    with pytest.raises(KeyError, match="boundaries"):
        dep.move(iod, "E07000187")  # Mendip has no 2025 row


def test_where_an_illustrative_brackenford_would_sit(iod: pd.DataFrame) -> None:
    assert dep.rank_for_score(iod, dep.BRACKENFORD_ILLUSTRATIVE_SCORE) == 60  # 59 districts score above 27.0
    assert dep.rank_for_score(iod, 100) == 1
    with pytest.raises(ValueError, match="publishes no average scores"):
        dep.rank_for_score(iod, 27.0, 2015)
    with pytest.raises(ValueError, match="between 0 and 100"):
        dep.rank_for_score(iod, 120)


def test_positions_and_errors() -> None:
    assert dep.most_deprived_percent(11, 296) == 3.7
    with pytest.raises(ValueError):
        dep.most_deprived_percent(0, 296)
    with pytest.raises(ValueError, match="no 2011 edition"):
        dep.imd(load("iod_districts"), 2011)


def test_rank_meaning_key_and_chart(iod: pd.DataFrame) -> None:
    assert dep.RANK_MEANING.answer in dep.RANK_MEANING.options
    figure = dep.position_chart(dep.case_profile(iod))
    assert "relative position" in figure.get_axes()[0].get_title()
