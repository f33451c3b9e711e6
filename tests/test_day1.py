"""Day 1: the numbers the lessons teach, the exercises' answer keys, and the pages' shape.

The Brackenford figures are recomputed here from the datasets with plain pandas and
compared with what ``exercises.lessons.day1`` gives the notebooks. The answer keys are
the ones the notebooks import, checked against the lesson's definitions and run through
the toolkit's own checkers.
"""

from __future__ import annotations

import io
from pathlib import Path

import pandas as pd
import pytest

from exercises.checks import check_choice
from exercises.data import load
from exercises.lessons import day1
from tests.conftest import REPO
from tests.notebook_style import assert_house_style, assert_sort_key_marks_right_and_wrong, exercise_calls

DAY1 = REPO / "modules" / "day1-outcomes-and-systems"
SORT_KEYS = {
    "commissioning or procurement": day1.COMMISSIONING_OR_PROCUREMENT,
    "outcome sort": day1.OUTCOME_SORT,
    "personal or population": day1.PERSONAL_OR_POPULATION,
    "cynefin triage": day1.CYNEFIN_TRIAGE,
}
CHOICE_KEYS = {
    "conductor": day1.CONDUCTOR,
    "payment by results": day1.PAYMENT_BY_RESULTS,
    "immune response": day1.IMMUNE_RESPONSE,
}


@pytest.fixture(scope="module")
def wards() -> pd.DataFrame:
    return load("brackenford_wards")


@pytest.fixture(scope="module")
def demand() -> pd.DataFrame:
    return load("brackenford_service_demand")


# --- learning loops (page 2) ---------------------------------------------------------


def test_the_report_figures_behind_the_calculator() -> None:
    assert day1.OJEU_MONTHS.value == 15 and day1.OJEU_MONTHS.unit == "months"
    assert day1.CONTRACT_YEARS.value == 7 and day1.CONTRACT_YEARS.unit == "years"
    assert day1.OJEU_MONTHS.cite() == (
        "PSTA 2019, *Commissioning is an approach to transformation*, lines 777\u2013782"
    )


def test_learning_loops_per_decade_with_the_report_figures() -> None:
    result = day1.compare_learning()
    assert result[day1.TRADITIONAL_LOOPS] == pytest.approx(1.4)  # 10 / 7
    assert result[day1.FAST_LOOPS] == pytest.approx(36.5)  # 3652.5 / 100
    assert result[day1.TIMES_AS_MANY] == pytest.approx(25.6)  # 36.525 / 1.4286
    assert result[day1.ANALYSIS_AGE] == pytest.approx(8.25)  # 15 / 12 + 7


def test_learning_loops_follow_the_inputs() -> None:
    assert day1.learning_loops_per_decade(5) == pytest.approx(2)
    result = day1.compare_learning(procurement_months=0, contract_years=2, fast_cycle_days=365.25)
    assert result[day1.TRADITIONAL_LOOPS] == pytest.approx(5)
    assert result[day1.FAST_LOOPS] == pytest.approx(10)
    assert result[day1.TIMES_AS_MANY] == pytest.approx(2)
    assert result[day1.ANALYSIS_AGE] == pytest.approx(2)


@pytest.mark.parametrize(
    "arguments",
    [
        {"contract_years": 0},
        {"fast_cycle_days": 0},
        {"procurement_months": -1},
        {"contract_years": -3},
    ],
)
def test_learning_loops_refuse_figures_that_make_no_sense(arguments: dict) -> None:
    with pytest.raises(ValueError):
        day1.compare_learning(**arguments)


def test_learning_timeline_counts_completed_loops() -> None:
    timeline = day1.learning_timeline(contract_years=7, fast_cycle_days=100)
    last = timeline.iloc[-1]
    assert last["traditional"] == 1  # one retender in ten years
    assert last["fast"] == 36  # 36 whole 100-day loops in ten years
    assert timeline.loc[timeline["year"] < 7, "traditional"].max() == 0
    assert timeline["fast"].is_monotonic_increasing


# --- Brackenford (page 5), recomputed independently ----------------------------------------


def test_the_highest_need_ward(wards: pd.DataFrame) -> None:
    by_index = str(wards.sort_values("need_index").iloc[-1]["ward"])
    assert day1.highest_need_ward(wards) == by_index
    assert day1.ward_profile(wards).index[0] == by_index


def test_the_highest_need_ward_check_spots_disagreeing_columns(wards: pd.DataFrame) -> None:
    broken = wards.copy()
    broken["need_rank"] = broken["need_rank"].iloc[::-1].to_numpy()
    with pytest.raises(ValueError):
        day1.highest_need_ward(broken)


def test_borough_totals(wards: pd.DataFrame) -> None:
    totals = day1.borough_totals(wards)
    older = int(wards["age_65_74"].sum() + wards["age_75_plus"].sum())
    assert totals["residents"] == int(wards["population"].sum())
    assert totals["aged_65_plus"] == older
    assert totals["aged_65_plus_percent"] == round(100 * older / int(wards["population"].sum()), 1)


def test_ward_profile_shares(wards: pd.DataFrame) -> None:
    profile = day1.ward_profile(wards)
    assert len(profile) == len(wards) == 10
    assert list(profile["Need rank (1 = most need)"]) == list(range(1, 11))
    for _, row in wards.iterrows():
        older = int(row["age_65_74"]) + int(row["age_75_plus"])
        assert profile.loc[str(row["ward"]), "Aged 65 and over"] == older
        assert profile.loc[str(row["ward"]), "Aged 65 and over (%)"] == round(100 * older / int(row["population"]), 1)


def _spend(demand: pd.DataFrame, service_type: str, year: int) -> float:
    rows = demand[(demand["service_type"] == service_type) & (demand["year_start"] == year)]
    return float((rows["activity"].astype(float) * rows["unit_cost_gbp"]).sum())


def test_the_growth_in_spending_on_falls_admissions(demand: pd.DataFrame) -> None:
    first, last = int(demand["year_start"].min()), int(demand["year_start"].max())
    expected = round(100 * (_spend(demand, "reactive", last) / _spend(demand, "reactive", first) - 1), 1)
    growth = day1.growth(demand, "reactive")
    assert growth.spend_growth_percent == expected
    assert (growth.first_year, growth.last_year) == ("2018/19", "2024/25")
    assert growth.spend_first == pytest.approx(_spend(demand, "reactive", first))


def test_what_page_5_says_about_volume_and_price(demand: pd.DataFrame) -> None:
    reactive, preventive = day1.growth(demand, "reactive"), day1.growth(demand, "preventive")
    assert reactive.spend_last > reactive.spend_first  # the bill rises
    assert reactive.activity_last >= reactive.activity_first  # admissions have not fallen
    assert reactive.unit_cost_growth_percent > reactive.activity_growth_percent  # mostly price, not volume
    assert preventive.activity_last > preventive.activity_first  # the programme has grown
    places = demand[demand["service_type"] == "preventive"].groupby("year_start")["activity"].sum()
    assert places[2020] > places[2019]  # it grows from 2020/21


def test_annual_spend_adds_up(demand: pd.DataFrame) -> None:
    spend = day1.annual_spend(demand)
    assert list(spend.index) == ["2018/19", "2019/20", "2020/21", "2021/22", "2022/23", "2023/24", "2024/25"]
    assert spend.iloc[0, 0] == round(_spend(demand, "reactive", 2018))
    assert spend.iloc[-1, 1] == round(_spend(demand, "preventive", 2024))
    assert (spend["Total (£)"] - spend.iloc[:, :2].sum(axis=1)).abs().max() <= 1
    assert day1.money_table(spend).iloc[0, 0] == f"£{spend.iloc[0, 0]:,.0f}"


def test_falls_rates_by_ward(wards: pd.DataFrame, demand: pd.DataFrame) -> None:
    rates = day1.falls_rate_by_ward(wards, demand)
    latest = demand[(demand["service_type"] == "reactive") & (demand["year_start"] == demand["year_start"].max())]
    for _, row in latest.iterrows():
        ward = wards[wards["ward_code"] == row["ward_code"]].iloc[0]
        older = int(ward["age_65_74"]) + int(ward["age_75_plus"])
        assert rates.loc[str(ward["ward"]), day1.RATE] == round(1000 * int(row["activity"]) / older, 1)
    assert "Admissions after a fall, 2024/25" in rates.columns
    with pytest.raises(ValueError):
        day1.falls_rate_by_ward(wards, demand, "1999/00")


def test_what_page_5_says_about_need_and_falls(wards: pd.DataFrame, demand: pd.DataFrame) -> None:
    found = day1.describe_rates(day1.falls_rate_by_ward(wards, demand))
    assert found["highest_need_ward"] == day1.highest_need_ward(wards)
    assert found["highest_rate_ward"] != found["highest_need_ward"]  # "does not have the highest rate"
    assert 0 < found["correlation"] < 0.5  # "only weakly"


def test_the_highest_need_question(wards: pd.DataFrame) -> None:
    key = day1.highest_need_question(wards)
    assert key.answer == day1.highest_need_ward(wards)
    assert sorted(key.options) == sorted(str(w) for w in wards["ward"])
    assert [option for option, text in key.options.items() if text.startswith("Yes")] == [key.answer]
    assert check_choice(key.answer, key.options, key.answer).correct


def test_unknown_service_type_is_refused(demand: pd.DataFrame) -> None:
    with pytest.raises(ValueError):
        day1.growth(demand, "imaginary")


def test_public_fact_lookup() -> None:
    facts = load("public_facts")
    act = day1.public_fact(facts, "procurement_act_commencement")
    assert act["date"].year == 2025
    with pytest.raises(KeyError):
        day1.public_fact(facts, "no_such_fact")


def test_format_pounds() -> None:
    assert day1.format_pounds(1_910_800) == "£1.91 million"
    assert day1.format_pounds(41_580) == "£41,580"


# --- answer keys ---------------------------------------------------------------------------


@pytest.mark.parametrize("key", SORT_KEYS.values(), ids=SORT_KEYS.keys())
def test_sort_keys_are_well_formed(key: day1.SortKey) -> None:
    assert len(set(key.categories)) == len(key.categories) >= 2
    assert set(key.feedback) == set(key.answers)
    used = set()
    for item in key.answers:
        accepted = key.accepted(item)
        assert accepted and set(accepted) <= set(key.categories), item
        assert key.feedback[item].strip(), item
        used |= set(accepted)
    assert used == set(key.categories), "every category should be the answer for at least one item"


@pytest.mark.parametrize("key", SORT_KEYS.values(), ids=SORT_KEYS.keys())
def test_sort_keys_pass_the_toolkit_checker(key: day1.SortKey) -> None:
    assert_sort_key_marks_right_and_wrong(key)


def test_outcome_sort_matches_the_lesson_definitions() -> None:
    assert set(day1.RESULTS_CHAIN) == set(day1.OUTCOME_SORT.categories)
    for item in day1.OUTCOME_SORT.answers:
        feedback = day1.OUTCOME_SORT.feedback[item].lower()
        for category in day1.OUTCOME_SORT.accepted(item):
            word = category.split()[0].lower()  # "resource", "activity", "output", "outcome"
            assert word in feedback, f"the feedback for {item!r} should name it as {category}"
        if day1.OUTCOME_SORT.accepted(item) == (day1.OUTPUT,):
            assert item.startswith("The number of"), "outputs in this exercise are counts"


@pytest.mark.parametrize(
    "key, words",
    [
        (day1.PERSONAL_OR_POPULATION, {day1.PERSONAL: "Personal", day1.POPULATION: "Population"}),
        (day1.COMMISSIONING_OR_PROCUREMENT, {c: c.split(":")[0] for c in day1.COMMISSIONING_OR_PROCUREMENT.categories}),
    ],
)
def test_two_way_sorts_give_feedback_that_agrees_with_the_key(key: day1.SortKey, words: dict) -> None:
    for item in key.answers:
        assert key.feedback[item].startswith(words[key.answers[item]]), item


def test_cynefin_keeps_the_reports_own_examples() -> None:
    assert day1.CYNEFIN_TRIAGE.categories == tuple(day1.CYNEFIN_DOMAINS)
    assert day1.CYNEFIN_REPORT_EXAMPLES == {
        "The NHS buying latex gloves to prevent the spread of disease": "Simple",
        "Building Crossrail": "Complicated",
        "Responding to a riot or a disaster": "Chaotic",
    }
    for item, domain in day1.CYNEFIN_REPORT_EXAMPLES.items():
        assert day1.CYNEFIN_TRIAGE.accepted(item) == (domain,)
        assert "RSA's own example" in day1.CYNEFIN_TRIAGE.feedback[item]
    for item in set(day1.CYNEFIN_TRIAGE.answers) - set(day1.CYNEFIN_REPORT_EXAMPLES):
        assert "RSA's own example" not in day1.CYNEFIN_TRIAGE.feedback[item]
        if len(day1.CYNEFIN_TRIAGE.accepted(item)) > 1:
            assert "our reading" in day1.CYNEFIN_TRIAGE.feedback[item]


@pytest.mark.parametrize("key", CHOICE_KEYS.values(), ids=CHOICE_KEYS.keys())
def test_choice_keys_pass_the_toolkit_checker(key: day1.ChoiceKey) -> None:
    answer = key.answer if isinstance(key.answer, str) else list(key.answer)
    assert check_choice(answer, key.options, key.answer).correct
    wrong = next(option for option in key.options if option not in set(key.accepted()))
    assert not check_choice(wrong if isinstance(key.answer, str) else [wrong], key.options, key.answer).correct
    assert all(text.strip() for text in key.options.values())


def test_immune_response_key_has_the_four_good_reasons() -> None:
    key = day1.IMMUNE_RESPONSE
    assert len(key.answer) == 4
    for option in key.answer:
        assert key.options[option].startswith("Yes")
    for option in set(key.options) - set(key.answer):
        assert key.options[option].startswith("No")


def test_shifts_board() -> None:
    statements = day1.shift_statements()
    assert len(statements) == len(day1.SHIFTS) == 7
    assert all(s.startswith("From ") and len(s) <= 40 for s in statements)
    for statement, (source, target) in zip(statements[:-1], day1.SHIFTS[:-1], strict=True):
        assert statement == f"From {source} to {target}"
    assert list(day1.shifts_table()["To"]) == [target for _, target in day1.SHIFTS]


def test_maturity_self_assessment() -> None:
    statements = day1.maturity_statements()
    assert len(statements) == len(set(statements)) == len(day1.MATURITY_ROWS) + 1 == 7
    assert all(len(s) <= 40 for s in statements), "the radar chart cuts labels longer than 40 characters"
    assert statements[-1] == day1.ASSET_BASED_STATEMENT
    table = day1.ifg_table()
    assert list(table.columns) == ["Commissioning 1.0", "Commissioning 2.0"]
    assert table.loc["Resources", "Commissioning 2.0"] == "Shared resources and pooled budgets"


def test_asset_based_stages_order() -> None:
    assert sorted(day1.ABC_STAGES_IN_ORDER) == sorted(day1.ABC_STAGES_AS_EXTRACTED)
    order = list(day1.ABC_STAGES_IN_ORDER)
    assert order.index("Outcome-focused") < order.index("Asset-aware")
    table = day1.abc_stages_table()
    assert list(table["Position in the report's list"]) == [1, 3, 2, 4]
    assert set(day1.ABC_STAGE_TEXT) == set(order)


def test_reference_tables_have_what_the_report_lists() -> None:
    assert len(day1.four_ways_table()) == 4
    assert list(day1.five_problems_table().index) == [
        "Analysis",
        "Specification",
        "Procurement",
        "Contract management",
        "Learning",
    ]
    assert len(day1.rsa_failings_table()) == 7
    assert list(day1.results_chain_table().index) == list(day1.OUTCOME_SORT.categories)
    years = [m.year for m in day1.MILESTONES]
    assert years == sorted(years) and years[0] == day1.CCT_YEARS[0] == 1979


# --- charts ----------------------------------------------------------------------------


def _titles_and_labels(figure) -> tuple[str, list[str]]:
    axes = figure.get_axes()[0]
    return axes.get_title(), [axes.get_xlabel(), axes.get_ylabel()]


def test_brackenford_charts_say_synthetic_and_label_their_axes(wards: pd.DataFrame, demand: pd.DataFrame) -> None:
    charts = [
        day1.need_chart(day1.ward_profile(wards)),
        day1.spend_chart(day1.annual_spend(demand)),
        day1.falls_rate_chart(day1.falls_rate_by_ward(wards, demand)),
    ]
    for figure in charts:
        title, labels = _titles_and_labels(figure)
        assert "synthetic" in title.lower()
        assert labels[0], f"{title}: the x axis needs a label"
        figure.savefig(io.BytesIO(), format="png")
    _spend_title, spend_labels = _titles_and_labels(charts[1])
    assert "£" in spend_labels[1]


def test_other_figures_draw() -> None:
    for figure in (
        day1.milestones_chart(),
        day1.learning_chart(day1.compare_learning()),
        day1.rilo_diagram(),
        day1.cynefin_chart(),
    ):
        assert figure.get_axes()[0].get_title()
        figure.savefig(io.BytesIO(), format="png")


# --- the pages ------------------------------------------------------------------------------


def day1_notebooks() -> list[Path]:
    return sorted(DAY1.glob("*.ipynb"))


def test_day1_has_between_four_and_ten_pages() -> None:
    """Core session pages, the self-study pages added for depth, and the team step."""
    pages = day1_notebooks() + sorted(DAY1.glob("0*.md"))
    assert 4 <= len(pages) <= 12
    assert (DAY1 / "index.md").is_file()


@pytest.mark.parametrize("notebook", day1_notebooks(), ids=lambda p: p.name)
def test_notebook_follows_the_house_style(notebook: Path) -> None:
    assert_house_style(notebook)


def test_day1_exercises_have_unique_day1_ids() -> None:
    found = exercise_calls(day1_notebooks())
    ids = [exercise_id for _, exercise_id in found]
    assert len(ids) == len(set(ids)), "an exercise id is used twice"
    assert all(exercise_id.startswith("d1-") for exercise_id in ids)
    kinds = {kind for kind, _ in found}
    assert {"choice", "classify", "scale", "calculator", "number", "reflect"} <= kinds
    assert len(ids) >= 5


def test_readable_tables_use_thousands_separators(wards: pd.DataFrame) -> None:
    shown = day1.readable(day1.ward_profile(wards))
    row = wards.sort_values("need_rank").iloc[0]
    assert shown.iloc[0]["Residents"] == f"{int(row['population']):,}"
    assert shown.iloc[0]["Need index (0 to 100)"] == f"{float(row['need_index']):.1f}"
