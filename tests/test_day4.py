"""Day 4: the statistics the day adds (against hand-worked values), the lesson numbers
recomputed from the datasets, the answer keys, and the pages' shape."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pandas as pd
import pytest

from exercises.checks import check_choice
from exercises.data import load
from exercises.lessons import day4, day4_markets, day4_trials
from exercises.lessons.stats import difference_in_proportions, proportion
from tests.conftest import REPO
from tests.notebook_style import (
    assert_house_style,
    assert_sort_key_is_whole,
    assert_sort_key_marks_right_and_wrong,
    exercise_calls,
)

DAY4 = REPO / "modules" / "day4-behaviour-providers-and-markets"
SORT_KEYS = {
    "technical or adaptive": day4.TECHNICAL_OR_ADAPTIVE,
    "letter EAST": day4.LETTER_EAST,
    "procurement routes": day4_markets.PROCUREMENT_ROUTES,
}


@pytest.fixture(scope="module")
def trial() -> pd.DataFrame:
    return load("brackenford_reminder_trial")


@pytest.fixture(scope="module")
def market() -> pd.DataFrame:
    return load("brackenford_provider_market")


# --- statistics, against values worked by hand ------------------------------------------------


def test_difference_in_proportions_wald_by_hand() -> None:
    # 65/100 - 60/100 = 0.05.
    # SE = sqrt(0.65 x 0.35 / 100 + 0.60 x 0.40 / 100) = sqrt(0.002275 + 0.0024) = sqrt(0.004675) = 0.068374
    # half-width = 1.959964 x 0.068374 = 0.134010, so the interval is 0.05 -/+ 0.134010 = (-0.084010, 0.184010)
    diff = difference_in_proportions(proportion(65, 100), proportion(60, 100), method="wald")
    assert diff.estimate == pytest.approx(0.05)
    assert diff.low == pytest.approx(-0.084010, abs=1e-5)
    assert diff.high == pytest.approx(0.184010, abs=1e-5)
    assert not diff.excludes_zero


def test_the_trial_effect_by_hand(trial: pd.DataFrame) -> None:
    booked = trial.groupby(trial["arm"].astype(str))["booked_assessment"].agg(["sum", "count"])
    reminder, control = booked.loc[day4_trials.REMINDER_ARM], booked.loc[day4_trials.CONTROL_ARM]
    # From the data: 477 of 2,000 with the reminder (23.85%), 392 of 2,000 without (19.60%).
    assert (int(reminder["sum"]), int(reminder["count"])) == (477, 2000)
    assert (int(control["sum"]), int(control["count"])) == (392, 2000)
    # Difference: 0.2385 - 0.1960 = 0.0425.
    # Wald SE = sqrt(0.2385 x 0.7615 / 2000 + 0.196 x 0.804 / 2000)
    #         = sqrt(0.0000908089 + 0.0000787920) = sqrt(0.0001696009) = 0.013023
    # 1.959964 x 0.013023 = 0.025525, so Wald (0.016975, 0.068025).
    wald = day4_trials.trial_effect(trial, method="wald")
    assert wald.estimate == pytest.approx(0.0425)
    assert wald.low == pytest.approx(0.016975, abs=1e-5)
    assert wald.high == pytest.approx(0.068025, abs=1e-5)
    # Newcombe's interval (the page's) is close to Wald's with 2,000 a side and excludes zero.
    newcombe = day4_trials.trial_effect(trial)
    assert newcombe.low == pytest.approx(wald.low, abs=0.001) and newcombe.high == pytest.approx(wald.high, abs=0.001)
    assert newcombe.excludes_zero
    # The true effect the descriptor states (4 points) lies inside the interval.
    assert newcombe.low < day4_trials.TRUE_REMINDER - day4_trials.TRUE_CONTROL < newcombe.high


def test_sample_size_by_hand() -> None:
    # 60% against 65%, 5% two-sided, 80% power: p = 0.625, q = 0.375.
    # 1.959964 x sqrt(2 x 0.625 x 0.375) = 1.959964 x 0.684653 = 1.341895
    # 0.841621 x sqrt(0.60 x 0.40 + 0.65 x 0.35) = 0.841621 x sqrt(0.4675) = 0.841621 x 0.683740 = 0.575450
    # n = (1.341895 + 0.575450)^2 / 0.05^2 = 1.917345^2 / 0.0025 = 3.676212 / 0.0025 = 1,470.5 -> 1,471
    assert day4_trials.sample_size_per_group(0.60, 0.65) == 1471
    # 50% against 60%: p = 0.55; 1.959964 x sqrt(0.495) = 1.378974; 0.841621 x sqrt(0.25 + 0.24) = 0.589135
    # n = (1.968109)^2 / 0.01 = 3.873453 / 0.01 = 387.3 -> 388
    assert day4_trials.sample_size_per_group(0.50, 0.60) == 388
    assert day4_trials.sample_size_per_group(0.65, 0.60) == 1471  # order does not matter
    # The page's figures, 20% against 24%: p = 0.22.
    # 1.959964 x sqrt(2 x 0.22 x 0.78) = 1.959964 x 0.585833 = 1.148211
    # 0.841621 x sqrt(0.20 x 0.80 + 0.24 x 0.76) = 0.841621 x sqrt(0.3424) = 0.841621 x 0.585150 = 0.492474
    # n = (1.148211 + 0.492474)^2 / 0.04^2 = 2.691847 / 0.0016 = 1,682.4 -> 1,683
    assert day4_trials.sample_size_per_group(0.20, 0.24) == 1683
    # The same rise from a base of 60% needs more people: the base rate matters.
    assert day4_trials.sample_size_per_group(0.60, 0.64) == 2311


def test_power_by_hand() -> None:
    # 100 a group, 60% against 65%:
    # (0.05 x sqrt(100) - 1.341895) / 0.683740 = (0.5 - 1.341895) / 0.683740 = -1.231306; Phi(-1.231306) = 0.10911
    assert day4_trials.power(0.60, 0.65, 100) == pytest.approx(0.10911, abs=1e-4)
    # 2,000 a group: (0.05 x 44.72136 - 1.341895) / 0.683740 = 0.894173 / 0.683740 = 1.307768; Phi = 0.90452
    assert day4_trials.power(0.60, 0.65, 2000) == pytest.approx(0.90452, abs=1e-4)
    # The page's figures: 100 a group, 20% against 24%:
    # (0.04 x 10 - 1.148211) / 0.585150 = -1.278666; Phi = 0.10051
    assert day4_trials.power(0.20, 0.24, 100) == pytest.approx(0.10051, abs=1e-4)
    # 2,000 a group (the trial): (0.04 x 44.72136 - 1.148211) / 0.585150 = 1.094837; Phi = 0.86321
    assert day4_trials.power(0.20, 0.24, 2000) == pytest.approx(0.86321, abs=1e-4)
    # At the sample size for 80% power, the power is (just over) 80%.
    assert 0.80 <= day4_trials.power(0.60, 0.65, 1471) < 0.801


def test_smallest_detectable_difference_inverts_power() -> None:
    smallest = day4_trials.smallest_detectable_difference(0.60, 100)
    assert day4_trials.power(0.60, 0.60 + smallest, 100) == pytest.approx(0.80, abs=1e-6)
    assert 0.17 < smallest < 0.19  # about 18 points with 100 a group
    assert day4_trials.smallest_detectable_difference(0.60, 2000) < 0.05  # the full trial can see 5 points
    assert day4_trials.smallest_detectable_difference(0.20, 100) == pytest.approx(
        0.1786, abs=1e-3
    )  # the page's 18 points


@pytest.mark.parametrize("arguments", [(0.6, 0.6), (0.0, 0.5), (0.5, 1.0), (-0.1, 0.3)])
def test_sample_size_refuses_shares_that_make_no_sense(arguments: tuple[float, float]) -> None:
    with pytest.raises(ValueError):
        day4_trials.sample_size_per_group(*arguments)


def test_herfindahl_by_hand() -> None:
    # Shares 50%, 30%, 20%: 2,500 + 900 + 400 = 3,800.
    assert day4_markets.herfindahl_index([50, 30, 20]) == pytest.approx(3800)
    # The same from contract values (£5m, £3m, £2m), which become 50%, 30%, 20%.
    assert day4_markets.herfindahl_index([5_000_000, 3_000_000, 2_000_000]) == pytest.approx(3800)
    # One provider: 100^2 = 10,000. Four equal providers: 4 x 25^2 = 2,500 = 10,000 / 4.
    assert day4_markets.herfindahl_index([7]) == pytest.approx(10_000)
    assert day4_markets.herfindahl_index([1, 1, 1, 1]) == pytest.approx(2500)
    assert day4_markets.equivalent_providers(2500) == pytest.approx(4)
    assert day4_markets.equivalent_providers(3800) == pytest.approx(2.631579, abs=1e-6)  # 10,000 / 3,800


@pytest.mark.parametrize("values", [[], [0, 0], [10, -5], [1.0, float("nan")]])
def test_herfindahl_refuses_bad_values(values: list[float]) -> None:
    with pytest.raises(ValueError):
        day4_markets.herfindahl_index(values)


def test_simulated_pilots_are_seeded_and_show_the_winners_curse() -> None:
    first = day4_trials.simulate_pilots(n_per_group=100, pilots=300, seed=11)
    assert first.equals(day4_trials.simulate_pilots(n_per_group=100, pilots=300, seed=11))
    small = day4_trials.summarise_pilots(first, 5)
    large = day4_trials.summarise_pilots(day4_trials.simulate_pilots(n_per_group=2000, pilots=300, seed=11), 5)
    # Power is about 11% at 100 a group and 90% at 2,000 (test_power_by_hand): the simulation agrees roughly.
    assert 3 < small["Found a significant rise (%)"] < 22
    assert 80 < large["Found a significant rise (%)"] < 97
    # The significant small pilots overstate the 5-point effect; large trials barely do.
    assert small["Average effect, significant pilots only (points)"] > 10
    assert abs(large["Average effect, significant pilots only (points)"] - 5) < 1.5
    assert small["Pointed the wrong way (%)"] > large["Pointed the wrong way (%)"]


# --- lesson numbers from the datasets ---------------------------------------------------------------


def test_true_effect_matches_the_descriptor() -> None:
    descriptor = json.loads((REPO / "datasets" / "datapackage.json").read_text(encoding="utf-8"))
    text = next(r["description"] for r in descriptor["resources"] if r["name"] == "brackenford_reminder_trial")
    assert f"{100 * day4_trials.TRUE_CONTROL:.0f}% book without" in text
    assert f"{100 * day4_trials.TRUE_REMINDER:.0f}% with it" in text


def test_trial_arms_table(trial: pd.DataFrame) -> None:
    arms = day4_trials.trial_arms(trial)
    assert list(arms.index) == [day4_trials.CONTROL_ARM, day4_trials.REMINDER_ARM]
    assert arms["People"].tolist() == [2000, 2000]
    assert arms["Booked (%)"].tolist() == [19.6, 23.8]  # 392 / 2,000 and 477 / 2,000 (23.85)
    assert (arms["95% interval, low (%)"] < arms["Booked (%)"]).all()


def test_effect_by_age_adds_up(trial: pd.DataFrame) -> None:
    table = day4_trials.effect_by_age(trial)
    assert table["People"].sum() == len(trial)
    # Narrower groups, wider intervals than the whole trial's.
    whole = day4_trials.trial_effect(trial)
    assert ((table["95% interval, high"] - table["95% interval, low"]) > 100 * (whole.high - whole.low)).all()


def test_published_trials() -> None:
    norms = day4.hmrc_norms()
    assert norms.index[0].startswith("minority norm")
    assert norms.iloc[0, 0] == 5.1
    assert day4.hmrc_extra_tax() == (1_900_000.0, 16_515)
    fines = day4.court_fines()
    assert fines.loc["text with the person's name", "Paid (%)"] == 33
    assert fines.loc["text with the person's name", "Times the rate with no text"] == 6.6  # 33 / 5
    examples = day4.east_examples()
    assert examples.loc["Green energy default (Switzerland)", "After (%)"] == 80


def test_market_summary_by_hand(market: pd.DataFrame) -> None:
    summary = day4_markets.market_summary(market)
    for service, part in market.groupby(market["service"].astype(str)):
        values = part["annual_contract_value_gbp"]
        shares = 100 * values / values.sum()
        assert summary.loc[service, "Providers"] == len(part)
        assert summary.loc[service, "Herfindahl index (0 to 10,000)"] == round(float((shares**2).sum()))
        assert summary.loc[service, "Largest provider's share (%)"] == round(float(shares.max()), 1)
    # Home care: Bellwether Homecare Partners has £12,042,600 of £26,999,800 = 44.6%.
    name, share = day4_markets.largest_provider(market, "home care")
    assert name == "Bellwether Homecare Partners" and round(share, 1) == 44.6
    assert (
        summary.loc["home care", "Herfindahl index (0 to 10,000)"]
        > summary.loc["residential care", "Herfindahl index (0 to 10,000)"]
    )
    shares = day4_markets.market_shares(market, "residential care")
    assert shares["Share (%)"].sum() == pytest.approx(100, abs=0.2)
    with pytest.raises(ValueError):
        day4_markets.market_shares(market, "meals on wheels")


def test_carillion_figures_and_correction() -> None:
    assert [f.value for f in day4_markets.CARILLION] == [500, 1.2e9, 800e6, 7e9]
    table = day4_markets.carillion_table()
    assert table["Figure"].tolist() == ["500", "£1.2 billion", "£800 million", "£7 billion"]
    correction = day4_markets.carillion_correction()
    assert correction["record_date"].strftime("%Y-%m-%d") == "2018-01-15"
    assert "2017" in correction["report_says"]


def test_leicestershire_and_social_value() -> None:
    assert day4_markets.leicestershire_facts() == {
        "term_years": 10.0,
        "value_ceiling": 704_000_000.0,
        "weeks_to_first_meeting": 1.0,
    }
    rules = day4_markets.social_value_rules()
    assert len(rules) == 3
    assert "10%" in rules["Figure"].tolist()
    assert "24 February 2025" in rules["From"].tolist()


def test_somerset_day4_questions() -> None:
    questions = day4.somerset_day4_questions()
    assert len(questions) == 3
    assert "providers" in questions.iloc[0]["Question"] and "market" in questions.iloc[2]["Question"]


def test_readiness_grid() -> None:
    assert day4.readiness_grid(9, 5)["Where it sits"] == "Proven and in use"
    assert day4.readiness_grid(7, 2)["Where it sits"] == "Proven but little used"
    assert day4.readiness_grid(6, 3)["Where it sits"] == "Used, but not proven in operation"
    assert day4.readiness_grid(1, 1)["Where it sits"] == "Early and unproven"
    for bad in ((0, 1), (10, 1), (5, 0), (5, 6)):
        with pytest.raises(ValueError):
            day4.readiness_grid(*bad)


def test_pilot_planner() -> None:
    result = day4_trials.pilot_planner(0.20, 0.04, 100)
    assert result[day4_trials.NEEDED] == 1683
    assert result[day4_trials.YOUR_POWER] == 10.1
    assert result[day4_trials.SMALLEST] == pytest.approx(17.9, abs=0.1)
    assert day4_trials.pilot_planner(0.60, 0.05, 100)[day4_trials.NEEDED] == 1471
    for bad in ((0.6, 0.0, 100), (0.6, 0.5, 100), (0.6, 0.05, 1)):
        with pytest.raises(ValueError):
            day4_trials.pilot_planner(*bad)


def test_technology_stages_keep_every_item_and_every_stage() -> None:
    table = day4.technology_stage_table()
    assert len(table) == 13
    assert set(table.iloc[:, 1]) == set(day4.STAGE_NAMES)
    assert day4.INFERRED_STAGE["Choice architecture"] == day4.STAGE_NAMES[2]
    assert day4.INFERRED_STAGE["Shutting down legacy systems"] == day4.STAGE_NAMES[4]
    assert len(day4.adaptive_stages_table()) == 5


# --- answer keys ---------------------------------------------------------------------------


@pytest.mark.parametrize("key", SORT_KEYS.values(), ids=SORT_KEYS.keys())
def test_sort_keys_are_well_formed_and_pass_the_checker(key) -> None:
    assert_sort_key_is_whole(key)
    assert_sort_key_marks_right_and_wrong(key)


def test_letter_feedback_names_the_east_category() -> None:
    for item, text in day4.LETTER_EAST.feedback.items():
        assert text.startswith(day4.LETTER_EAST.accepted(item)[0]), item


@pytest.mark.parametrize(
    "key", [day4_markets.PROBLEM_EXPERTS, day4_trials.SMALL_PILOT], ids=["problem experts", "small pilot"]
)
def test_choice_keys(key) -> None:
    assert check_choice(key.answer, key.options, key.answer).correct
    assert key.options[key.answer].startswith("Yes")
    assert not any(text.startswith("Yes") for option, text in key.options.items() if option != key.answer)
    wrong = next(option for option in key.options if option != key.answer)
    assert not check_choice(wrong, key.options, key.answer).correct


# --- charts ----------------------------------------------------------------------------------


def test_charts_have_titles_and_labelled_axes(trial: pd.DataFrame, market: pd.DataFrame) -> None:
    small = day4_trials.simulate_pilots(n_per_group=100, pilots=50)
    large = day4_trials.simulate_pilots(n_per_group=2000, pilots=50)
    figures = {
        "trials": day4.trials_chart(),
        "trial": day4_trials.trial_chart(trial),
        "power": day4_trials.power_chart(day4_trials.pilot_planner(0.6, 0.05, 100)),
        "pilots": day4_trials.pilots_chart(small, large, 100, 2000),
        "market": day4_markets.market_chart(market),
        "readiness": day4.readiness_chart(day4.readiness_grid(4, 1)),
    }
    for name, figure in figures.items():
        title = figure._suptitle.get_text() if figure._suptitle else figure.get_axes()[0].get_title()
        assert title, name
        for axes in figure.get_axes():
            assert axes.get_xlabel(), f"{name}: an x axis has no label"
        figure.savefig(io.BytesIO(), format="png")
    for name in ("trial", "pilots", "market"):
        assert "synthetic" in figures[name]._suptitle.get_text().lower()


# --- the pages ----------------------------------------------------------------------------------


def day4_notebooks() -> list[Path]:
    return sorted(DAY4.glob("*.ipynb"))


def test_day4_has_four_to_seven_pages() -> None:
    pages = day4_notebooks() + sorted(DAY4.glob("0*.md"))
    assert 4 <= len(pages) <= 7
    assert (DAY4 / "index.md").is_file()
    assert "being written" not in (DAY4 / "index.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("notebook", day4_notebooks(), ids=lambda p: p.name)
def test_notebook_follows_the_house_style(notebook: Path) -> None:
    assert_house_style(notebook)


def test_day4_exercises_have_unique_day4_ids() -> None:
    found = exercise_calls(day4_notebooks())
    ids = [exercise_id for _, exercise_id in found]
    assert len(ids) == len(set(ids)) >= 5
    assert all(exercise_id.startswith("d4-") for exercise_id in ids)
    assert {"classify", "number", "calculator", "reflect", "choice"} <= {kind for kind, _ in found}


def test_chart_captions_follow_every_chart() -> None:
    for notebook in day4_notebooks():
        cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
        for index, cell in enumerate(cells):
            source = "".join(cell["source"])
            if cell["cell_type"] == "code" and "show(" in source:
                after = "".join(cells[index + 1]["source"]) if index + 1 < len(cells) else ""
                assert after.lstrip().startswith("*Chart"), f"{notebook.name}: a chart has no caption under it"


def test_what_page_3_says_about_the_seeded_pilots() -> None:
    # The page runs 500 pilots of 100 a group and 500 trials of 2,000 a group with seed 4.
    small = day4_trials.summarise_pilots(day4_trials.simulate_pilots(n_per_group=100, pilots=500, seed=4), 4)
    large = day4_trials.summarise_pilots(day4_trials.simulate_pilots(n_per_group=2000, pilots=500, seed=4), 4)
    assert 11 < small["Found a significant rise (%)"] < 14  # "about one small pilot in eight" (12.0%)
    assert 17 < small["Pointed the wrong way (%)"] < 22  # "about one in five pointed the wrong way" (19.2%)
    assert small["Average effect, significant pilots only (points)"] > 3 * 4  # "more than three times the truth"
    assert large["Found a significant rise (%)"] > 80  # "most are significant" (84.4%)


def test_what_pages_4_and_6_and_the_index_say_about_brackenford_home_care() -> None:
    # Taught as: an index of "about 2,240", "like 4.5 equal providers" although 18 hold contracts, one provider
    # with "about 45%", and in residential care "the three largest hold about 68%".
    summary = day4_markets.market_summary(load("brackenford_provider_market"))
    home, residential = summary.loc["home care"], summary.loc["residential care"]
    assert home["Herfindahl index (0 to 10,000)"] == 2241
    assert home["Equivalent number of equal providers"] == pytest.approx(4.5, abs=0.05)
    assert int(home["Providers"]) == 18
    assert home["Largest provider's share (%)"] == pytest.approx(45, abs=0.5)
    assert residential["Top three's share (%)"] == pytest.approx(68, abs=0.5)
