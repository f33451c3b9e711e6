"""Day 1 in depth: the cycle in practice, theory of change, system mapping, real terms and falls in Cynefin.

Expected values are worked out by hand from the synthetic Brackenford data (shown in
the comments), not copied from the code under test.
"""

from __future__ import annotations

import io

import pandas as pd
import pytest

from exercises.data import load
from exercises.lessons import day1, day1_cycle, day1_systems, day1_theory_of_change, deflation
from exercises.lessons.common import SortKey
from tests.conftest import REPO
from tests.notebook_style import assert_new_lesson_page, assert_sort_key_is_whole, cell_sources

DAY1 = REPO / "modules" / "day1-outcomes-and-systems"
NEW_PAGES = ("02b-commissioning-cycle.ipynb", "03b-theory-of-change.ipynb", "04b-system-mapping.ipynb")


@pytest.fixture(scope="module")
def demand() -> pd.DataFrame:
    return load("brackenford_service_demand")


@pytest.mark.parametrize(
    "key",
    [
        day1_cycle.OPTION_SORT,
        day1_theory_of_change.INDICATOR_SORT,
        day1_systems.LOOP_SORT,
        day1_systems.ICEBERG_SORT,
        day1_systems.LEVERAGE_SORT,
    ],
    ids=["options", "indicators", "loops", "iceberg", "leverage"],
)
def test_sorting_keys_are_whole(key: SortKey) -> None:
    assert_sort_key_is_whole(key)


# --- falls in Cynefin -------------------------------------------------------------------


def test_falls_are_a_complicated_choice_inside_a_complex_delivery() -> None:
    answers = day1.CYNEFIN_TRIAGE.answers
    assert "Reducing falls among older people across Brackenford" not in answers
    assert answers["Choosing which falls-prevention interventions to offer older people at risk"] == day1.COMPLICATED
    assert answers["Getting strength-and-balance exercise taken up, and kept up, across Brackenford"] == day1.COMPLEX
    assert (
        "NG249"
        in day1.CYNEFIN_TRIAGE.feedback["Choosing which falls-prevention interventions to offer older people at risk"]
    )
    page = "\n".join(cell_sources(DAY1 / "04-systems-thinking.ipynb", "markdown"))
    assert "nice2025ng249" in page and "23%" in page


# --- cash and real terms ------------------------------------------------------------------


def test_deflating_the_reactive_bill(demand: pd.DataFrame) -> None:
    g = day1.growth(demand, "reactive")
    split = deflation.split_growth(g.spend_first, g.spend_last, g.activity_first, g.activity_last, 100, 125)
    # £1,910,800 -> £2,452,107.12 is +28.3% cash; 562 -> 604 admissions is +7.5%;
    # unit cost £3,400 -> £4,059.78 is +19.4% cash, so 1.194 / 1.25 - 1 = -4.5% real;
    # the bill 1.283 / 1.25 - 1 = +2.7% real.
    assert split == {
        "Change in cash spending (%)": 28.3,
        "General inflation over the period (%)": 25.0,
        "Change in real spending (%)": 2.7,
        "Change in volume (%)": 7.5,
        "Change in real cost per unit (%)": -4.5,
    }


def test_real_terms_rules() -> None:
    assert deflation.real_change_percent(100, 110, 100, 100) == 10.0  # no inflation: real equals cash
    assert deflation.real_change_percent(100, 110, 100, 110) == 0.0
    assert deflation.inflation_percent(80, 100) == 25.0
    with pytest.raises(ValueError, match="price index"):
        deflation.real_change_percent(100, 110, 0, 100)
    with pytest.raises(ValueError, match="above zero"):
        deflation.split_growth(100, 110, 0, 5, 100, 100)


def test_page_five_deflates_before_splitting() -> None:
    nb = DAY1 / "05-running-case-brackenford.ipynb"
    code = "\n".join(cell_sources(nb, "code"))
    text = "\n".join(cell_sources(nb, "markdown"))
    assert '"d1-falls-real-terms"' in code and "deflation.split_growth" in code
    assert "hmt2025deflators" in text and "Take inflation out first" in text


# --- theory of change and turn the curve --------------------------------------------------


def test_baseline_and_forecast(demand: pd.DataFrame) -> None:
    baseline = day1_theory_of_change.falls_baseline(demand)
    assert baseline.values == (562, 590, 566, 572, 578, 581, 604)
    # Least-squares slope over x = 0..6: sum((x - 3)(y - 579)) / 28 = 120 / 28 = 4.29.
    assert baseline.per_year == 4.3
    assert baseline.forecast_years == ("2025/26", "2026/27", "2027/28")
    assert baseline.forecast == (596.1, 600.4, 604.7)
    with pytest.raises(ValueError, match="at least one year"):
        day1_theory_of_change.falls_baseline(demand, ahead=0)


def test_logic_model_has_an_assumption_on_every_link() -> None:
    model = day1_theory_of_change.logic_model_table()
    assert list(model["Stage"]) == ["Inputs", "Activities", "Outputs", "Short-term outcomes", "Long-term outcomes"]
    assert model["Assumption behind the next link"].str.len().min() > 20


def test_frameworks_state_the_current_position() -> None:
    frameworks = day1_theory_of_change.frameworks_table().set_index("Framework")["Status, December 2026"]
    assert "six objectives" in frameworks["Adult Social Care Outcomes Framework (ASCOF)"]
    assert "NHS Oversight Framework 2025/26" in frameworks["NHS Outcomes Framework (NHS OF)"]
    assert "only five of its indicators" in frameworks["NHS Outcomes Framework (NHS OF)"]
    assert len(day1_theory_of_change.INDICATOR_CRITERIA) == 7


# --- system mapping -------------------------------------------------------------------------


def test_loop_types() -> None:
    assert day1_systems.loop_type(day1_systems.CROWDING_OUT) == day1_systems.REINFORCING
    assert day1_systems.loop_type(day1_systems.FEAR_SPIRAL) == day1_systems.REINFORCING
    assert day1_systems.loop_type(day1_systems.WAITING_LIST) == day1_systems.BALANCING
    broken = (day1_systems.Link("A", "B", 1), day1_systems.Link("C", "A", -1))
    with pytest.raises(ValueError, match="do not close a loop"):
        day1_systems.loop_type(broken)
    with pytest.raises(ValueError, match="\\+1 or -1"):
        day1_systems.loop_type((day1_systems.Link("A", "A", 2),))


def test_wigan_questions_and_boundary_groups() -> None:
    assert set(day1_systems.WIGAN_80.accepted()) < set(day1_systems.WIGAN_80.options)
    assert [g for g, _ in day1_systems.BOUNDARY_QUESTIONS] == ["Motivation", "Control", "Knowledge", "Legitimacy"]


def test_cycle_keys() -> None:
    assert len(day1_cycle.STAGES) == 8 and day1_cycle.STAGES[-1][0] == "Decommissioning"
    assert set(day1_cycle.DECOMMISSION_FIRST.accepted()) < set(day1_cycle.DECOMMISSION_FIRST.options)
    assert "The provider's agreement to end the contract" not in day1_cycle.DECOMMISSION_FIRST.accepted()
    assert [o for o, *_ in day1_cycle.OPTIONS] == list(day1_cycle.OPTION_SORT.categories)


def test_new_charts_render(demand: pd.DataFrame) -> None:
    for figure in (
        day1_systems.causal_loop_chart(),
        day1_theory_of_change.baseline_chart(day1_theory_of_change.falls_baseline(demand)),
    ):
        assert figure.get_axes()[0].get_title()
        figure.savefig(io.BytesIO(), format="png")


# --- the new pages ------------------------------------------------------------------------


@pytest.mark.parametrize("name", NEW_PAGES)
def test_new_pages_follow_the_house_style_and_are_in_the_book(name: str) -> None:
    assert_new_lesson_page(DAY1 / name)
