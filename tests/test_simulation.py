"""The commissioning simulation: conservation, baseline, monotonic effects and determinism."""

import pytest

from exercises.lessons import simulation as sim
from exercises.lessons.simulation import Parameters

BASE = Parameters(
    years=8,
    start_demand=500,
    growth=0.02,
    reactive_cost=4000,
    place_cost=500,
    real_cost_growth=0.0,
    effect_per_place=0.1,
    lag=1,
    drop_off=0.3,
    budget=300_000,
    discount_rate=0.035,
)


def test_zero_investment_is_the_baseline():
    run = sim.simulate(BASE, [0.0] * 8)
    assert (run["cases_avoided"] == 0).all()
    assert run["reactive_spend"].tolist() == pytest.approx(run["baseline_spend"].tolist())
    assert run["discounted_net_saving"].sum() == pytest.approx(0.0)
    # underlying demand by hand: 500 x 1.02 = 510 in year 1
    assert run.loc[1, "underlying_demand"] == pytest.approx(510)


def test_conservation():
    run = sim.simulate(BASE, sim.strategy("Steady", 100_000, 8))
    assert (run["reactive_demand"] + run["cases_avoided"]).tolist() == pytest.approx(run["underlying_demand"].tolist())
    assert run["total_spend"].tolist() == pytest.approx((run["reactive_spend"] + run["prevention_spend"]).tolist())
    saving = run["baseline_spend"] - run["total_spend"]
    assert run["net_saving"].tolist() == pytest.approx(saving.tolist())


def test_effect_by_hand_with_a_delay():
    # £50,000 in year 1 buys 50,000 / 500 = 100 places -> 10 cases avoided in year 2 (lag 1),
    # 10 x 0.7 = 7 in year 3, nothing in year 1.
    run = sim.simulate(BASE, [50_000] + [0.0] * 7)
    assert run.loc[1, "cases_avoided"] == pytest.approx(0)
    assert run.loc[2, "cases_avoided"] == pytest.approx(10)
    assert run.loc[3, "cases_avoided"] == pytest.approx(7)


def test_more_investment_means_less_demand():
    low = sim.simulate(BASE, sim.strategy("Steady", 50_000, 8))
    high = sim.simulate(BASE, sim.strategy("Steady", 150_000, 8))
    assert (high["reactive_demand"] <= low["reactive_demand"]).all()
    assert high["cases_avoided"].sum() > low["cases_avoided"].sum()


def test_budget_caps_spending():
    run = sim.simulate(BASE, [500_000] * 8)
    assert (run["prevention_spend"] == BASE.budget).all()
    assert run["capped_by_budget"].all()


def test_seeded_uncertainty_is_repeatable_and_seed_matters():
    noisy = sim.with_changes(BASE, demand_noise=0.05, effect_uncertainty=0.3, seed=7)
    spend = sim.strategy("Ramp up", 100_000, 8)
    first, second = sim.simulate(noisy, spend), sim.simulate(noisy, spend)
    assert first.equals(second)
    other = sim.simulate(sim.with_changes(noisy, seed=8), spend)
    assert not first["underlying_demand"].equals(other["underlying_demand"])


def test_strategies_spend_the_same_total():
    for name in sim.STRATEGIES[1:]:
        assert sum(sim.strategy(name, 100_000, 8)) == pytest.approx(800_000)
    assert sum(sim.strategy("No new prevention", 100_000, 8)) == 0


def test_bad_input_gives_plain_messages():
    with pytest.raises(ValueError, match="one investment figure"):
        sim.simulate(BASE, [0.0])
    with pytest.raises(ValueError, match="no strategy"):
        sim.strategy("Magic", 1, 3)
    with pytest.raises(ValueError, match="drop-off"):
        sim.simulate(sim.with_changes(BASE, drop_off=2), [0.0] * 8)


def test_compare_gives_one_column_per_strategy():
    table = sim.compare(BASE, {"A": [0.0] * 8, "B": [100_000.0] * 8})
    assert list(table.columns) == ["A", "B"]
    assert table.loc["Reactive cases avoided", "B"] > 0


def test_switching_effect_makes_the_npv_zero():
    spend = sim.strategy("Steady", 100_000, BASE.years)
    effect = sim.switching_effect(BASE, spend)
    at_switch = sim.summary(sim.simulate(sim.with_changes(BASE, effect_per_place=effect), spend))
    assert at_switch["Net present value (£)"] == pytest.approx(0, abs=1)
    lower = sim.summary(sim.simulate(sim.with_changes(BASE, effect_per_place=effect * 0.9), spend))
    assert lower["Net present value (£)"] < 0


def test_money_is_in_real_terms_by_default():
    # No real cost growth by default: the unit cost in every year is the starting cost.
    run = sim.simulate(sim.Parameters(), [0.0] * 10)
    assert run["reactive_unit_cost"].tolist() == pytest.approx([4_000.0] * 10)
    with pytest.raises(ValueError, match="more than -100%"):
        sim.simulate(sim.with_changes(sim.Parameters(), real_cost_growth=-1.5), [0.0] * 10)


def test_random_draws_are_pinned_and_close_to_a_standard_normal():
    # Mulberry32 from seed 1, twelve uniforms less six: the website's JavaScript gives the same
    first = sim.standard_draws(1, 3)
    assert first == sim.standard_draws(1, 3)
    assert sim.standard_draws(1, 5)[:3] == first
    assert first != sim.standard_draws(2, 3)
    many = sim.standard_draws(7, 20_000)
    mean = sum(many) / len(many)
    spread = (sum((x - mean) ** 2 for x in many) / (len(many) - 1)) ** 0.5
    assert abs(mean) < 0.03 and abs(spread - 1) < 0.03
    assert all(-6 <= x <= 6 for x in many)
    assert sum(abs(x) > 1.96 for x in many) / len(many) == pytest.approx(0.05, abs=0.01)


def test_uncertainty_moves_demand_by_about_its_spread():
    noisy = sim.with_changes(BASE, demand_noise=0.05, seed=3)
    calm = sim.simulate(BASE, [0.0] * 8)["underlying_demand"]
    moved = sim.simulate(noisy, [0.0] * 8)["underlying_demand"] / calm - 1
    assert 0 < moved.abs().max() < 0.3 and moved.abs().mean() > 0.005
    draws = sim.standard_draws(3, 9)
    assert list(moved) == pytest.approx([0.05 * z for z in draws[:8]])
