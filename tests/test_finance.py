"""Financial functions against sums worked out by hand (arithmetic shown in each test)."""

import math

import pytest

from exercises.lessons import finance
from exercises.lessons.finance import Outcome


def test_discount_factor_by_hand():
    # 1 / 1.1 = 0.909090...; 1 / 1.1 ** 2 = 1 / 1.21 = 0.826446...
    assert finance.discount_factor(0, 0.1) == 1.0
    assert finance.discount_factor(1, 0.1) == pytest.approx(0.9090909, abs=1e-6)
    assert finance.discount_factor(2, 0.1) == pytest.approx(0.8264463, abs=1e-6)
    assert finance.discount_factors(3, 0.1) == pytest.approx([1.0, 0.9090909, 0.8264463], abs=1e-6)


def test_npv_by_hand():
    # -100 + 60 / 1.1 + 60 / 1.21 = -100 + 54.5454 + 49.5868 = 4.1322
    assert finance.npv([-100, 60, 60], 0.1) == pytest.approx(4.1322, abs=1e-3)
    # at 3.5%: -1000 + 1100 / 1.035 = -1000 + 1062.8019 = 62.8019
    assert finance.npv([-1000, 1100], 0.035) == pytest.approx(62.8019, abs=1e-3)


def test_irr_by_hand():
    # -100 then +110 a year later: 110 / (1 + r) = 100, so r = 10%.
    assert finance.irr([-100, 110]) == pytest.approx(0.10, abs=1e-6)
    # -100, 0, +121: 121 / (1 + r) ** 2 = 100, (1 + r) = 1.1, r = 10%.
    assert finance.irr([-100, 0, 121]) == pytest.approx(0.10, abs=1e-6)
    # -100, 60, 60: 60 / (1 + r) + 60 / (1 + r) ** 2 = 100 gives r = 13.066% (quadratic formula:
    # with x = 1 / (1 + r), 60x² + 60x - 100 = 0, x = (-60 + sqrt(3600 + 24000)) / 120 = 0.88444).
    assert finance.irr([-100, 60, 60]) == pytest.approx(1 / 0.884437 - 1, abs=1e-5)


def test_irr_without_break_even_is_a_plain_message():
    with pytest.raises(ValueError, match="never breaks even"):
        finance.irr([-100, -10])  # money out, never back


def test_benefit_cost_ratio_and_optimism_bias():
    # benefits 0, 110 -> PV 100 at 10%; costs 50 now -> PV 50; BCR = 2.
    assert finance.benefit_cost_ratio([0, 110], [50, 0], 0.1) == pytest.approx(2.0)
    # £200,000 with a 24% uplift: 200,000 x 1.24 = 248,000
    assert finance.with_optimism_bias(200_000, 0.24) == pytest.approx(248_000)
    with pytest.raises(ValueError):
        finance.benefit_cost_ratio([1], [0], 0.1)


def test_counted_saving_by_hand():
    # 1,000,000 x (1 - 0.3) x (1 - 0.1) x (1 - 0.5) = 1,000,000 x 0.7 x 0.9 x 0.5 = 315,000
    assert finance.counted_saving(1_000_000, deadweight=0.3, displacement=0.1, attribution=0.5) == pytest.approx(
        315_000
    )


def test_attribution_is_the_share_due_to_others_and_is_taken_off():
    # 20% due to others: keep 80%. Nothing due to others keeps everything; all of it keeps nothing.
    assert finance.counted_saving(1_000, attribution=0.2) == pytest.approx(800)
    assert finance.counted_saving(1_000) == pytest.approx(1_000)
    assert finance.counted_saving(1_000, attribution=1.0) == 0


def test_real_terms_and_switching_value():
    # £100,000 cash in year 5 at 2% inflation: 100,000 / 1.02^5 = 90,573.08
    assert finance.to_real(100_000, 5, 0.02) == pytest.approx(90_573.08, abs=0.01)
    # x - 3 is zero at 3
    assert finance.switching_value(lambda x: x - 3, 0, 10) == pytest.approx(3)
    with pytest.raises(ValueError, match="does not cross zero"):
        finance.switching_value(lambda x: x + 1, 0, 10)
    # HM Treasury's combined project: 0.7 x 24% + 0.3 x 51% = 32.1%
    assert finance.combined_optimism_bias([(0.7, 0.24), (0.3, 0.51)]) == pytest.approx(0.321)
    with pytest.raises(ValueError, match="add up to 100%"):
        finance.combined_optimism_bias([(0.5, 0.24)])
    with pytest.raises(ValueError, match="between 0% and 100%"):
        finance.counted_saving(1, deadweight=1.5)


def test_saving_over_time_drop_off_and_discounting():
    # 100 a year, deadweight 50% -> 50 in year 1; drop-off 20% -> 40 in year 2, 32 in year 3.
    table = finance.saving_over_time(100, 3, 0.0, deadweight=0.5, drop_off=0.2)
    assert list(table["counted"]) == pytest.approx([50, 40, 32])
    # discounted at 10%: 50 / 1.1 = 45.4545
    discounted = finance.saving_over_time(100, 1, 0.1, deadweight=0.5)
    assert discounted.loc[1, "counted_today"] == pytest.approx(45.4545, abs=1e-3)


def test_payment_profile_by_hand():
    card = [Outcome("A", 100, 0.5, 1), Outcome("B", 1000, 0.1, 2)]
    # A: 10 people x 50% x £100 = £500 in year 1; B: 10 x 10% x £1,000 = £1,000 in year 2.
    profile = finance.payment_profile(card, 10)
    assert profile.sum(axis=1).tolist() == pytest.approx([0, 500, 1000])
    # a delay of 1 year moves both on a year
    assert finance.payment_profile(card, 10, delay=1).sum(axis=1).tolist() == pytest.approx([0, 0, 500, 1000])
    # a cap of £800: year 1 pays 500, year 2 pays the remaining 300
    assert finance.payment_profile(card, 10, cap=800).sum(axis=1).tolist() == pytest.approx([0, 500, 300])


def test_payment_profile_pays_only_above_the_baseline():
    # 10 people x (50% - 20%) x £100 = £300; a baseline above achievement pays nothing.
    card = [Outcome("A", 100, 0.5, 1, baseline=0.2), Outcome("B", 100, 0.1, 1, baseline=0.3)]
    assert finance.payment_profile(card, 10).sum(axis=1).tolist() == pytest.approx([0, 300])
    with pytest.raises(ValueError, match="baseline"):
        finance.payment_profile([Outcome("A", 100, 0.5, 1, baseline=1.5)], 10)


def test_outcomes_contract_by_hand():
    card = [Outcome("A", 100, 1.0, 1)]
    # 11 people x £100 = £1,100 paid in year 1. Provider keeps 10% = £110; investors get £990.
    # Investors put in £900 at year 0: gain £90, multiple 1.1, IRR 990 / 900 - 1 = 10%.
    result = finance.outcomes_contract(card, 11, capital=900, provider_share=0.1, rate=0.1)
    assert result["Commissioner pays in outcome payments (£)"] == pytest.approx(1100)
    assert result["Commissioner's cost in today's money (£)"] == pytest.approx(1000)
    assert result["Provider's bonus from outcome payments (£)"] == pytest.approx(110)
    assert result["Investors' gain or loss (£)"] == pytest.approx(90)
    assert result["Investors' internal rate of return"] == pytest.approx(0.10, abs=1e-6)


def test_outcomes_contract_with_a_loss_has_no_irr_but_no_error():
    result = finance.outcomes_contract([Outcome("A", 100, 0.0, 1)], 10, capital=500, provider_share=0, rate=0.035)
    assert result["Investors' gain or loss (£)"] == -500
    assert math.isnan(result["Investors' internal rate of return"])
