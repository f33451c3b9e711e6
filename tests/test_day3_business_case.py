"""Day 3 business case: the default effect from the data, real terms, the switching value and the keys."""

import pytest

from exercises.data import load
from exercises.lessons import day3_business_case as case


def test_default_effect_comes_from_the_data_and_the_cochrane_review():
    # 604 admissions after a fall in 2024/25 among 22,173 people aged 65+ (synthetic) = 27.2 per 1,000
    assert case.admissions_latest() == 604
    assert case.older_people() == 22_173
    assert 1000 * case.admission_risk() == pytest.approx(27.24, abs=0.01)
    # x 23% (Sherrington and others, 2019) = 0.00627 admissions avoided per place a year
    assert case.derived_effect() == pytest.approx(0.02724 * 0.23, abs=1e-5)
    assert case.simulation_defaults().effect_per_place == pytest.approx(case.derived_effect())


def test_simulation_defaults_are_in_real_terms():
    params = case.simulation_defaults()
    demand = load("brackenford_service_demand")
    latest = demand[
        (demand["service_type"].astype(str) == "reactive") & (demand["year_start"] == demand["year_start"].max())
    ]
    assert params.start_demand == latest["activity"].sum()
    assert params.real_cost_growth == 0
    assert params.reactive_cost == pytest.approx(4_059.78)  # 2024/25 prices
    assert params.place_cost == pytest.approx(501.50)
    assert params.discount_rate == pytest.approx(0.035)


def test_options_npv_and_switching_value():
    table = case.options_table().set_index("Option")
    # At the evidence-based effect no option pays back: the steady £100k a year loses about £0.77m.
    assert table.loc["Preferred: steady programme", "Net present value (£)"] == pytest.approx(-766_431, abs=2)
    assert table.loc["Business as usual", "Net present value (£)"] == 0
    # the switching value: about 0.057 admissions avoided per place a year, 9 times the derived effect
    switch = case.switching_effect()
    assert switch == pytest.approx(0.0572, abs=0.0005)
    assert case.npv_at_effect("Preferred: steady programme", switch) == pytest.approx(0, abs=1)
    # places would have to reach people with about a 25% yearly admission risk
    assert case.risk_needed() == pytest.approx(0.2486, abs=0.002)
    # at 0.02 admissions per place the steady strategy loses about £0.56m (real terms)
    assert case.npv_at_effect("Preferred: steady programme", 0.02) == pytest.approx(-559_624, abs=2)


def test_sensitivity_and_who_gains():
    sensitivity = case.sensitivity_table()
    assert (sensitivity[["Low (£)", "Central (£)", "High (£)"]] < 0).all().all()
    gains = case.who_gains()
    assert gains["Council pays for programme places (£)"] == 860_769
    assert gains["NHS avoids in admission costs (£)"] == 94_338


def test_real_terms_and_combined_uplift():
    answer = case.real_terms_answer()
    # 100,000 / 1.02^5 = 90,573; / 1.035^5 = 76,260
    assert answer["In today's prices (£)"] == pytest.approx(90_573.08, abs=0.01)
    assert answer["Present value (£)"] == pytest.approx(76_260.10, abs=0.01)
    assert case.combined_uplift() == pytest.approx(0.321)


def test_answer_keys():
    for key in (case.FIVE_CASES, case.CASHABLE):
        assert set(key.answers.values()) == set(key.categories)
        assert set(key.feedback) == set(key.answers)
    assert case.OPTIMISM_CATEGORY.answer == "Standard buildings (capital expenditure)"
    assert case.OPTIMISM_CATEGORY.answer in case.OPTIMISM_CATEGORY.options
    assert case.switching_chart().axes[0].get_title()
