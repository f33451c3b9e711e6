"""Day 5's new material: the answer keys and tables of the assets, change and QI pages, and the
corrections the pages must keep (children, not girls; the six assets are ABCD's, not the course's)."""

from __future__ import annotations

import json

import pytest

from exercises.checks import check_choice
from exercises.lessons import day5, day5_assets, day5_change, day5_qi
from exercises.lessons.common import SortKey
from tests.conftest import REPO
from tests.notebook_style import assert_sort_key_is_whole, assert_sort_key_marks_right_and_wrong

DAY5 = REPO / "modules" / "day5-assets-change-and-improvement"
SORT_KEYS = {
    "three questions": day5_assets.THREE_QUESTIONS,
    "transitions": day5_change.TRANSITIONS,
    "driver diagram": day5_qi.DRIVER_SORT,
}


def page_text(name: str) -> str:
    notebook = json.loads((DAY5 / name).read_text(encoding="utf-8"))
    return "".join("".join(cell["source"]) for cell in notebook["cells"])


@pytest.mark.parametrize("key", SORT_KEYS.values(), ids=SORT_KEYS.keys())
def test_sort_keys_are_well_formed_and_pass_the_checker(key: SortKey) -> None:
    assert_sort_key_is_whole(key)
    assert_sort_key_marks_right_and_wrong(key)


def test_step_3a_key() -> None:
    key = day5_change.STEP_3A
    assert check_choice(key.answer, key.options, key.answer).correct
    assert "step 4" in key.answer and "1995" in key.answer
    assert "folds it into" in key.answer  # Accelerate keeps communication inside its fourth step
    wrong = next(option for option in key.options if option != key.answer)
    assert not check_choice(wrong, key.options, key.answer).correct


def test_kotter_table_maps_3a_to_the_original_step_4() -> None:
    assert day5_change.KOTTER_ORIGINAL["3a. Communicate the vision"] == "4. Communicating the vision"
    # Accelerate's fourth step joins communication to the volunteer army; the army itself is new in 2014.
    assert day5_change.KOTTER_ORIGINAL["4. Enlist a volunteer army"].startswith("(new in 2014")
    assert "communicating the vision" in day5_change.KOTTER_ORIGINAL["4. Enlist a volunteer army"]
    assert set(day5_change.KOTTER_ORIGINAL) == set(day5_change.KOTTER_MEANING)


def test_the_six_assets_are_abcds_not_the_courses() -> None:
    table = day5_assets.six_assets_table()
    assert len(table) == 6
    assert table["In McKnight and Russell (2018)"].tolist()[-1] == "Stories"
    assert [short for short, _, _ in day5_assets.SIX_ASSETS] == list(day5.ASSET_TYPES)
    text = page_text("01-building-on-assets.ipynb")
    assert "course adds a sixth" not in text and "course's addition" not in text
    assert "mcknight2018fourelements" in text


def test_the_nhs_change_model_has_eight_components() -> None:
    table = day5_change.change_model_table()
    assert len(table) == 8 and table["Component"].iloc[0] == "Our shared purpose"


def test_the_measurement_plan_has_an_operational_definition() -> None:
    table = day5_qi.measurement_plan_table()
    parts = table["Part of the plan"].tolist()
    assert "Operational definition" in parts and "Data source" in parts
    definition = table.loc[table["Part of the plan"] == "Operational definition", "Brackenford's weekly measure"]
    assert "Numerator" in definition.iloc[0] and "Denominator" in definition.iloc[0]


def test_rotherham_says_children_as_the_jay_inquiry_does() -> None:
    text = page_text("03-making-change-happen.ipynb")
    assert "about 1,400 children" in text
    assert "jay2014rotherham" in text


def test_day5_keeps_day1s_promises() -> None:
    team = page_text("07-team-step.ipynb")
    assert "d5-definition-revisited" in team  # Day 1: "You will come back to it on Day 5."
    assert "outcome your team chose on Day 1" in team
    assets = page_text("01-building-on-assets.ipynb")
    assert "Day 1 promised to come back to this" in assets  # Day 1: "Day 5 returns to assets."


@pytest.mark.parametrize("notebook", sorted(DAY5.glob("0*.ipynb")), ids=lambda p: p.name)
def test_no_line_numbers_of_the_report_on_a_reader_page(notebook) -> None:
    text = "".join("".join(cell["source"]) for cell in json.loads(notebook.read_text(encoding="utf-8"))["cells"])
    assert "lines 4" not in text and "text copy" not in text
