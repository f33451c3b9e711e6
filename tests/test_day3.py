"""Day 3: the key lesson numbers, computed from the datasets, and the answer keys."""

import pytest

from exercises.data import load
from exercises.lessons import day3


def test_green_book_rate_and_npv_answer():
    assert day3.green_book_rate() == pytest.approx(0.035)
    assert day3.green_book_rate(40) == pytest.approx(0.03)
    # -100,000 + 30,000 x (1/1.035 + 1/1.035^2 + 1/1.035^3 + 1/1.035^4)
    # = -100,000 + 30,000 x 3.673079 = 10,192.38
    assert day3.npv_check_answer() == pytest.approx(10_192.38, abs=0.01)


def test_optimism_bias_from_dataset():
    assert day3.optimism_bias("Outsourcing", "operating expenditure") == pytest.approx(0.41)
    # a multi-agency hub in an ordinary building: standard buildings, capital, upper bound 24%
    assert day3.hub_optimism_bias() == pytest.approx(0.24)


def test_life_chances_fund_sizes_differ():
    sizes = day3.life_chances_fund_sizes()
    assert sizes == {"report": 80_000_000, "public record": 70_000_000}


def test_funding_pots_table_has_every_pot():
    table = day3.funding_pots_table()
    assert len(table) == len(load("funding_pots"))
    # amounts read as people say them, largest first, never as floats
    assert table["Amount"].iloc[0] == "£250 billion"
    assert "£9.5 million" in table["Amount"].tolist()
    assert day3.funding_pots_chart().get_axes()[0].get_title()


def test_oldham_both_readings():
    table = day3.oldham_readings()
    # Read once: £3m / £350k = 8.571 -> 8.57. Read per year over the 2 years the site had run
    # (case_study_facts: oldham_site_years): £6m / £350k = 17.143 -> 17.14.
    assert table["Saved for every £1 invested (£)"].tolist() == [8.57, 17.14]
    # 17.14 / 8.57 = 2: the return per pound doubles (it does not triple)
    assert day3.oldham_ratio() == 2


def test_belfast_gva_per_job():
    table = day3.belfast_table()
    # £229.3m / 720 jobs = £318.5k -> 318; the £91.5m is kept apart as unclear
    assert table.loc["Regional Innovators Network", "GVA per job (£ thousand)"] == 318
    assert table.loc["Regional Innovators Network", "Unclear: 'annually at peak' (£ million)"] == 91.5
    assert table["Benefit-cost ratio"].max() == 8.5


def test_suffolk_series():
    table = day3.suffolk_series()
    # 12,659 / 11,120 - 1 = 13.8%; 182,298 / 175,561 - 1 = 3.8%; 182,298 / 12,659 = 14.4
    assert table["Events, change on year before (%)"].iloc[-1] == 13.8
    assert table["Attendees, change on year before (%)"].iloc[-1] == 3.8
    assert table["Attendees per event"].iloc[-1] == 14.4
    assert day3.lending_against_trend() == {"Suffolk Libraries": 1, "UK libraries (report gives no source)": -7}


def test_storyhouse_mix():
    mix = day3.storyhouse_mix()
    # 18% of £6.5m = £1.17m; 82% = £5.33m; £6.5m / 1m visitors = £6.50
    assert mix["Council contribution (£)"] == pytest.approx(1_170_000)
    assert mix["Trading and fundraising (£)"] == pytest.approx(5_330_000)
    assert mix["Cost per visit (£, at most)"] == pytest.approx(6.5)


def test_invest_to_save_with_nothing_taken_off():
    result = day3.invest_to_save(100, 100_000, 1, 0, 0, 0, 0, 0)
    # £100,000 in year 1 at 3.5%: 100,000 / 1.035 = 96,618 (whole pounds)
    assert result["Savings counted, in today's money (£)"] == 96_618
    # attribution 30% (due to others) keeps 70%: 70,000 / 1.035 = 67,633
    shared = day3.invest_to_save(100, 100_000, 1, 0, 0.3, 0, 0, 0)
    assert shared["Savings counted, in today's money (£)"] == 67_633


def test_answer_keys():
    key = day3.FUNDING_ROUTES
    assert set(key.answers.values()) == set(key.categories)
    assert set(key.feedback) == set(key.answers)
    assert day3.COUNTERFACTUAL.answer in day3.COUNTERFACTUAL.options
