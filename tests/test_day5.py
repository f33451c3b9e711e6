"""Day 5: the numbers the lessons teach, the exercises' answer keys, and the pages' shape.

Brackenford figures are recomputed here with plain pandas and compared with what
``exercises.lessons.day5`` gives the notebooks. The weekly measure's detected shift is
checked against the week the dataset's descriptor says the real change starts.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

import pandas as pd
import pytest

from exercises import data
from exercises.checks import check_choice
from exercises.lessons import day1, day5, day5_change, day5_qi, runcharts
from exercises.lessons.common import SortKey
from exercises.plan.model import COMMITMENT_LEVELS
from tests.conftest import REPO
from tests.notebook_style import assert_house_style, assert_sort_key_marks_right_and_wrong, exercise_calls

DAY5 = REPO / "modules" / "day5-assets-change-and-improvement"


@pytest.fixture(scope="module")
def assets() -> pd.DataFrame:
    return data.load("brackenford_asset_register")


@pytest.fixture(scope="module")
def wards() -> pd.DataFrame:
    return data.load("brackenford_wards")


@pytest.fixture(scope="module")
def timeline() -> pd.DataFrame:
    return data.load("rotherham_timeline")


@pytest.fixture(scope="module")
def measure() -> pd.DataFrame:
    return data.load("brackenford_weekly_measure")


# --- asset map (page 2) -----------------------------------------------------------------------


def test_assets_per_1000_by_ward(assets: pd.DataFrame, wards: pd.DataFrame) -> None:
    table = day5.asset_map(assets, wards)
    assert len(table) == 10 and table[day5.ASSETS].sum() == len(assets)
    for _, ward in wards.iterrows():
        count = int((assets["ward_code"] == ward["ward_code"]).sum())
        row = table.loc[str(ward["ward"])]
        assert row[day5.ASSETS] == count
        assert row[day5.PER_1000] == round(1000 * count / int(ward["population"]), 2)
    assert list(table[day5.NEED]) == sorted(table[day5.NEED], reverse=True)


def test_assets_by_type_adds_up_to_the_ward_rate(assets: pd.DataFrame, wards: pd.DataFrame) -> None:
    by_type = day5.assets_by_type(assets, wards)
    table = day5.asset_map(assets, wards)
    assert list(by_type.columns) == [t.capitalize() for t in day5.ASSET_TYPES]
    assert list(by_type.index) == list(table.index)
    assert (by_type.sum(axis=1) - table[day5.PER_1000]).abs().max() < 0.05
    ward = wards.iloc[0]
    parks = int(((assets["ward_code"] == ward["ward_code"]) & (assets["asset_type"] == "physical")).sum())
    assert by_type.loc[str(ward["ward"]), "Physical"] == round(1000 * parks / int(ward["population"]), 2)


def test_borough_rate_and_the_thin_high_need_wards(assets: pd.DataFrame, wards: pd.DataFrame) -> None:
    rate = day5.borough_rate(assets, wards)
    assert rate == round(1000 * len(assets) / int(wards["population"].sum()), 2)
    table = day5.asset_map(assets, wards)
    thin = day5.thin_and_high_need(table, rate)
    top_four = list(wards.sort_values("need_index", ascending=False)["ward"].astype(str).head(4))
    assert sorted(thin) == sorted(top_four)  # what page 2 says: the four highest-need wards
    for ward in thin:
        assert table.loc[ward, day5.PER_1000] < rate


def test_the_thinnest_ward_is_the_highest_need_ward(assets: pd.DataFrame, wards: pd.DataFrame) -> None:
    table = day5.asset_map(assets, wards)
    key = day5.thinnest_ward_question(table)
    assert key.answer == str(table[day5.PER_1000].idxmin()) == day1.highest_need_ward(wards)
    assert sorted(key.options) == sorted(str(w) for w in wards["ward"])
    assert [o for o, text in key.options.items() if text.startswith("Yes")] == [key.answer]


def test_works_with_share(assets: pd.DataFrame, wards: pd.DataFrame) -> None:
    expected = round(100 * assets["council_works_with_it"].astype(bool).sum() / len(assets), 1)
    assert day5.works_with_share(assets) == expected
    assert 20 < expected < 35  # "about one asset in four"
    table = day5.asset_map(assets, wards)
    assert table.loc["Bellwether Rise", day5.WORKS_WITH] == 0  # the page names it


def test_asset_map_refuses_unknown_wards(assets: pd.DataFrame, wards: pd.DataFrame) -> None:
    broken = assets.copy()
    broken["ward_code"] = broken["ward_code"].astype(str)
    broken.loc[broken.index[0], "ward_code"] = "ZZ99"
    with pytest.raises(ValueError, match="not in the ward table"):
        day5.asset_map(broken, wards)


def test_report_asset_examples_use_the_datasets() -> None:
    table = day5.asset_examples_table(data.load("case_study_facts"), data.load("somerset_challenge_projects"))
    table = table.set_index("Where")
    assert len(table) == 5
    assert "200 members" in table.loc["Oldham: Holts and Lees", "The assets it built on"]
    assert "131 community groups" in table.loc["Storyhouse, Chester", "The assets it built on"]
    assert "44 in all" in table.loc["Suffolk Libraries", "The assets it built on"]
    assert table.loc["Somerset: Cheddar and Axbridge", "Source"] == "Fisk, Hearn and Howarth (2019)"
    assert not table["Source"].str.contains("lines").any()  # no line numbers on a reader's page


# --- Rotherham and Kotter (page 3) -------------------------------------------------------------


def test_kotter_steps_come_from_the_dataset(timeline: pd.DataFrame) -> None:
    steps = day5_change.kotter_steps(timeline)
    assert len(steps) == 9 and steps[0].startswith("1.") and steps[3].startswith("3a.")
    assert set(steps) == set(day5_change.KOTTER_MEANING)
    table = day5_change.kotter_table(timeline)
    assert table["Events in the timeline"].sum() == int((timeline["kotter_step"] != "Background").sum())


def test_kotter_sort_matches_the_article(timeline: pd.DataFrame) -> None:
    key = day5_change.kotter_sort(timeline)
    assert len(key.answers) == len(day5_change.KOTTER_ITEMS)
    by_event = dict(zip(timeline["event"].astype(str), timeline["kotter_step"].astype(str), strict=True))
    for item, step in key.answers.items():
        assert by_event[item] == step
        assert f"step {step.split('.')[0]}" in key.feedback[item]
    assert set(key.answers.values()) == set(key.categories)


def test_the_timeline_facts(timeline: pd.DataFrame) -> None:
    dated = day5_change.dated_events(timeline)
    assert dated["date"].is_monotonic_increasing
    assert dated.iloc[0]["date"] == pd.Timestamp("2014-08-26")
    assert day5_change.undated_share(timeline) == round(100 * timeline["date"].isna().sum() / len(timeline))
    assert day5_change.undated_share(timeline) > 50  # "most of the work in steps 1 to 7" has no date


# --- run-chart exercise and the weekly measure (pages 4 and 5) -------------------------------------


def test_rule_spotting_series_each_show_one_rule_or_none() -> None:
    key = day5_qi.rule_spotting_key()
    assert {item: key.accepted(item) for item in key.answers} == {
        "Series A": (day5_qi.SHIFT,),
        "Series B": (day5_qi.TREND,),
        "Series C": (day5_qi.OUTSIDE,),
        "Series D": (day5_qi.NO_SIGNAL,),
    }
    # Hand check of series A: median 55.5; points 7 to 12 (57, 58, 56, 59, 57, 58) are above it.
    series_a = day5_qi.RULE_SERIES["Series A"]
    assert runcharts.median(series_a) == 55.5
    assert [(s.start + 1, s.end + 1) for s in runcharts.shifts(series_a, 55.5)] == [(7, 12)]
    # Series C: point 8 (80) is the only one beyond its own limits.
    assert [
        s.start + 1
        for s in runcharts.outside_limits(
            day5_qi.RULE_SERIES["Series C"], runcharts.xmr_limits(day5_qi.RULE_SERIES["Series C"])
        )
    ] == [8]
    assert "points 7 to 12" in key.feedback["Series A"]


def _built_in_change_week() -> int:
    description = data.info("brackenford_weekly_measure").description
    found = re.search(r"starts in week (\d+)", description)
    assert found, "the descriptor should state the week the change starts"
    return int(found.group(1))


def test_the_detected_shift_starts_near_the_week_the_descriptor_states(measure: pd.DataFrame) -> None:
    stated = _built_in_change_week()
    assert day5_qi.change_week(measure) == stated
    assert abs(day5_qi.first_shift_week(measure) - stated) <= 2


def test_weekly_analysis_by_hand(measure: pd.DataFrame) -> None:
    found = day5_qi.weekly_analysis(measure)
    base = measure.loc[measure["week"] < found["change_week"], "percent_within_7_days"]
    assert found["baseline_weeks"] == len(base) == found["change_week"] - 1
    assert found["baseline_median"] == pytest.approx(float(base.median()))
    mean_range = base.diff().abs().mean()
    assert found["limits"].upper == pytest.approx(base.mean() + 2.66 * mean_range)
    assert found["limits"].lower == pytest.approx(base.mean() - 2.66 * mean_range)
    after = measure.loc[measure["week"] >= found["change_week"], "percent_within_7_days"]
    assert found["after_median"] == pytest.approx(float(after.median()))
    assert found["after_median"] > found["baseline_median"]
    # What page 5 says: no baseline week is outside the limits; some later weeks are above.
    assert found["outside"] and min(found["outside"]) >= found["change_week"]
    above = measure.loc[measure["percent_within_7_days"] > found["limits"].upper, "week"]
    assert found["outside"] == [int(w) for w in above]
    # The two traps: the whole-series median makes the baseline "shift", and a baseline trend exists.
    assert found["baseline_shifts_around_whole_median"]
    assert any(t["last_week"] < found["change_week"] for t in found["trends"])


def test_weekly_table(measure: pd.DataFrame) -> None:
    table = day5_qi.weekly_table(measure)
    assert len(table) == len(measure)
    week = day5_qi.change_week(measure)
    assert table.loc[week, "What changed"].startswith("Change starts")
    assert table.loc[week, "Side of the baseline median"] == "above"


def test_no_annotation_means_no_baseline(measure: pd.DataFrame) -> None:
    with pytest.raises(ValueError, match="no annotated change"):
        day5_qi.change_week(measure.assign(annotation=pd.NA))


# --- team step (page 6) ---------------------------------------------------------------------------


def test_somerset_day5_questions_go_into_the_plan() -> None:
    from exercises.lessons.day2 import somerset_day

    somerset = somerset_day(data.load("somerset_programme"), 5)
    assert len(somerset["questions"]) == 4
    assert somerset["lines"] == (6112, 6118)
    table = day5.panel_questions_table(somerset["questions"])
    assert table.iloc[0, 0] == "How have we made the best use of assets?"
    assert "Asks" in table.iloc[3, 1]
    with pytest.raises(ValueError):
        day5.panel_questions_table(somerset["questions"][:2])
    assert {"already taking action", "planning to take action"} <= set(COMMITMENT_LEVELS)


# --- answer keys ----------------------------------------------------------------------------------

SORT_KEYS = {
    "stages": day5.STAGE_SORT,
    "asset types": day5.ASSET_TYPE_SORT,
    "model for improvement": day5_qi.MFI_SORT,
    "rule spotting": day5_qi.rule_spotting_key(),
}


@pytest.mark.parametrize("key", SORT_KEYS.values(), ids=SORT_KEYS.keys())
def test_sort_keys_are_well_formed(key: SortKey) -> None:
    assert len(set(key.categories)) == len(key.categories) >= 2
    assert set(key.feedback) == set(key.answers)
    used = set()
    for item in key.answers:
        accepted = key.accepted(item)
        assert accepted and set(accepted) <= set(key.categories), item
        assert key.feedback[item].strip(), item
        used |= set(accepted)
    assert used == set(key.categories), "every category should be the answer for at least one item"


@pytest.mark.parametrize("key", [*SORT_KEYS.values(), None], ids=[*SORT_KEYS.keys(), "kotter"])
def test_sort_keys_pass_the_toolkit_checker(key: SortKey | None, timeline: pd.DataFrame) -> None:
    key = key or day5_change.kotter_sort(timeline)
    assert_sort_key_marks_right_and_wrong(key)


def test_stage_sort_follows_the_courses_order_and_feedback_names_the_stage() -> None:
    assert day5.STAGE_SORT.categories == day1.ABC_STAGES_IN_ORDER
    for item, stage in day5.STAGE_SORT.answers.items():
        assert day5.STAGE_SORT.feedback[item].startswith(f"{stage}:")


def test_asset_type_feedback_names_an_accepted_type() -> None:
    for item in day5.ASSET_TYPE_SORT.answers:
        first_word = day5.ASSET_TYPE_SORT.feedback[item].split(":")[0].split(" or ")[0]
        assert first_word in day5.ASSET_TYPE_SORT.accepted(item), item


def test_non_linear_choice() -> None:
    key = day5_change.NON_LINEAR
    assert check_choice(key.answer, key.options, key.answer).correct
    assert key.options[key.answer].startswith("Yes")
    assert all(text.startswith("No") for option, text in key.options.items() if option != key.answer)


# --- charts ---------------------------------------------------------------------------------------


def test_charts_have_titles_and_labelled_axes(
    assets: pd.DataFrame, wards: pd.DataFrame, timeline: pd.DataFrame, measure: pd.DataFrame
) -> None:
    table = day5.asset_map(assets, wards)
    synthetic = [
        day5.need_and_assets_chart(table, day5.borough_rate(assets, wards)),
        day5.asset_types_chart(day5.assets_by_type(assets, wards)),
        day5_qi.run_chart(measure),
        day5_qi.xmr_chart(measure),
    ]
    for figure in [*synthetic, day5_change.timeline_chart(timeline)]:
        axes = figure.get_axes()[0]
        assert axes.get_title() and axes.get_xlabel(), axes.get_title()
        figure.savefig(io.BytesIO(), format="png")
    for figure in synthetic:
        axes = figure.get_axes()[0]
        assert "synthetic" in axes.get_title().lower()
        assert axes.get_ylabel()
    assert "%" in day5_qi.run_chart(measure).get_axes()[0].get_ylabel()
    rules = day5_qi.rule_series_chart()
    assert rules.get_suptitle() and all(a.get_ylabel() for a in rules.get_axes())
    rules.savefig(io.BytesIO(), format="png")


# --- the pages ------------------------------------------------------------------------------------


def day5_notebooks() -> list[Path]:
    return sorted(DAY5.glob("*.ipynb"))


def test_day5_has_four_to_seven_pages() -> None:
    assert 4 <= len(day5_notebooks()) <= 7
    index = (DAY5 / "index.md").read_text(encoding="utf-8")
    for heading in ("## Questions", "## Objectives", "## The day", "## Key points", "## The challenge step"):
        assert heading in index
    for notebook in day5_notebooks():
        assert f"({notebook.name})" in index, f"the agenda should link to {notebook.name}"


@pytest.mark.parametrize("notebook", day5_notebooks(), ids=lambda p: p.name)
def test_notebook_follows_the_house_style(notebook: Path) -> None:
    assert_house_style(notebook)


def test_day5_exercises_have_unique_day5_ids() -> None:
    found = exercise_calls(day5_notebooks())
    ids = [exercise_id for _, exercise_id in found]
    assert len(ids) == len(set(ids)) >= 5
    assert all(exercise_id.startswith("d5-") for exercise_id in ids)
    assert {"choice", "classify", "number", "reflect"} <= {kind for kind, _ in found}
