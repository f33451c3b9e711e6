"""Day 2 in depth: intelligence and regression to the mean, data law, place structures, co-production.

Expected values are worked out by hand or from the report (shown in the comments), not
copied from the code under test.
"""

from __future__ import annotations

import io
import itertools

import pytest

from exercises.data import load
from exercises.lessons import day2, day2_coproduction, day2_data_law, day2_intelligence, day2_place
from exercises.lessons.common import SortKey
from exercises.lessons.sources import fund, value
from tests.conftest import REPO
from tests.notebook_style import assert_new_lesson_page, assert_sort_key_is_whole, cell_sources

DAY2 = REPO / "modules" / "day2-coproduction-place-and-data"
NEW_PAGES = (
    "02b-place-structures.ipynb",
    "03b-coproduction-in-practice.ipynb",
    "04a-commissioning-intelligence.ipynb",
    "04b-deprivation.ipynb",
    "04c-data-law.ipynb",
)


@pytest.mark.parametrize(
    "key",
    [
        day2_intelligence.QUALITY_SORT,
        day2_data_law.LAWFUL_BASIS_SORT,
        day2_place.MECHANISM_SORT,
        day2_coproduction.GUNNING_SORT,
    ],
    ids=["quality", "lawful-basis", "mechanism", "gunning"],
)
def test_sorting_keys_are_whole(key: SortKey) -> None:
    assert_sort_key_is_whole(key)


# --- page 1: the four justifications --------------------------------------------------------


def test_page_one_no_longer_says_only_one_justification_is_about_money() -> None:
    text = "\n".join(cell_sources(DAY2 / "01-why-collaborate.ipynb", "markdown"))
    assert "only one of the four is about money" not in text
    assert "Money runs through two of the four" in text
    # The report's first justification shares "financial and service delivery responsibility";
    # the third is "better overall impact and value".
    assert "financial" in day2.JUSTIFICATIONS[0].lower() or "money" in day2.JUSTIFICATIONS[0].lower()
    assert "value" in day2.JUSTIFICATIONS[2]


# --- intelligence: regression to the mean (synthetic) --------------------------------------


def test_regression_to_the_mean_numbers() -> None:
    people = day2_intelligence.simulate_admissions()
    assert len(people) == 20_000 and people["synthetic"].all()
    result = day2_intelligence.regression_to_the_mean(people)
    assert (result.high_use_people, result.high_use_year1, result.high_use_year2) == (402, 1424, 664)
    assert result.high_use_change_percent == -53.4  # (664 - 1424) / 1424
    assert (result.everyone_year1, result.everyone_year2) == (6015, 6092)
    assert result.everyone_change_percent == 1.3
    again = day2_intelligence.regression_to_the_mean(day2_intelligence.simulate_admissions())
    assert again == result  # the seed fixes the lesson's numbers
    with pytest.raises(ValueError, match="no one had"):
        day2_intelligence.regression_to_the_mean(people, threshold=99)


def test_intelligence_keys_and_chart() -> None:
    assert day2_intelligence.QUALITY_DIMENSIONS == (
        "Accuracy",
        "Completeness",
        "Consistency",
        "Timeliness",
        "Uniqueness",
        "Validity",
    )
    assert day2_intelligence.RISK_CLAIM.answer in day2_intelligence.RISK_CLAIM.options
    assert value(load("case_study_facts"), "wigan_unplanned_admissions") == 30
    result = day2_intelligence.regression_to_the_mean(day2_intelligence.simulate_admissions())
    figure = day2_intelligence.regression_chart(result)
    assert "synthetic" in figure.get_axes()[0].get_title()
    figure.savefig(io.BytesIO(), format="png")


# --- data law -------------------------------------------------------------------------------


def test_caldicott_principles_and_lawful_bases() -> None:
    assert len(day2_data_law.CALDICOTT) == 8  # National Data Guardian, December 2020
    assert "duty to share" in day2_data_law.CALDICOTT[6]
    assert day2_data_law.CALDICOTT[7].startswith("Inform patients and service users")
    assert [b for b, *_ in day2_data_law.LAWFUL_BASES][4] == "(e) Public task"
    assert len(day2_data_law.LAWFUL_BASES) == 6
    assert day2_data_law.DPIA_NEEDED.answer.startswith("Yes")
    assert day2_data_law.CALDICOTT_SHARE.answer.startswith("Principle 7")
    assert {h for h, _ in day2_data_law.SHARING_AGREEMENT} >= {"Purpose", "Lawful basis", "Retention and deletion"}


# --- place-based structures -----------------------------------------------------------------


def test_place_structures_and_the_reports_figures() -> None:
    structures = day2_place.structures_table().set_index("Structure")["Legal basis"]
    assert "section 75" in structures["Section 75 agreement"]
    assert "2022" in structures["Integrated care board (ICB)"]
    assert "section 194" in structures["Health and Wellbeing Board (HWB)"]
    pots = load("funding_pots")
    assert fund(pots, "transformation_fund") == 5_000_000_000  # the Panel's £5 billion fund
    assert fund(pots, "plymouth_integrated_fund") == 483_000_000
    assert fund(pots, "essex_recovery_services") == 9_500_000
    assert (
        "three out of ten"
        in day2_place.PANEL_VERDICT.options["Most of the Panel's recommendations were carried out by 2019"]
    )


# --- co-production, consultation and equality ----------------------------------------------


def test_gunning_and_the_equality_duty() -> None:
    assert [g for g, _ in day2_coproduction.GUNNING] == list(day2_coproduction.GUNNING_SORT.categories)
    assert len(day2_coproduction.PSED_AIMS) == 3
    assert len(day2_coproduction.PROTECTED_CHARACTERISTICS) == 9
    assert [s for s, *_ in day2_coproduction.DOUBLE_DIAMOND] == ["Discover", "Define", "Develop", "Deliver"]
    assert day2_coproduction.EIA_RESPONSE.answer.startswith("Change how the programme")


def test_survey_finding_used_by_the_equality_section() -> None:
    found = day2.survey_facts(load("brackenford_resident_survey"), load("brackenford_wards"))
    # Synthetic: 50 of 554 agree in the five highest-need wards, 210 of 646 in the rest.
    assert found["more_need_percent"] == 9.0
    assert found["less_need_percent"] == 32.5


# --- the new pages ----------------------------------------------------------------------------


@pytest.mark.parametrize("name", NEW_PAGES)
def test_new_pages_follow_the_house_style_and_are_in_the_book(name: str) -> None:
    assert_new_lesson_page(DAY2 / name)


def test_new_pages_chain_in_book_order() -> None:
    order = [
        "02-place-based-working",
        "02b-place-structures",
        "03-ladder-of-co-production",
        "03b-coproduction-in-practice",
        "04-using-data",
        "04a-commissioning-intelligence",
        "04b-deprivation",
        "04c-data-law",
        "05-resident-survey",
    ]
    for here, there in itertools.pairwise(order):
        text = "\n".join(cell_sources(DAY2 / f"{here}.ipynb", "markdown"))
        assert "Next, [" in text and f"({there}.ipynb)" in text.split("## What next")[1], here


def test_deprivation_page_labels_real_and_made_up_figures() -> None:
    text = "\n".join(cell_sources(DAY2 / "04b-deprivation.ipynb", "markdown"))
    assert "real data" in text.lower() and "Open Government Licence v3.0" in text
    assert "made-up figure" in text
