"""Day 3 outcomes contracts: the rate card with a baseline, investors' returns, pricing and the evidence."""

import pytest

from exercises.lessons import day3_outcomes_contracts as oc


def test_default_contract_pays_only_above_the_baseline():
    result = oc.default_contract()
    # 200 x (0.55 - 0.25) x 2,000 = 120,000; 200 x (0.45 - 0.15) x 2,500 = 150,000; 200 x 0.20 x 3,000 = 120,000
    assert result["Commissioner pays in outcome payments (£)"] == pytest.approx(390_000)
    assert result["payments by year"] == pytest.approx([0, 120_000, 150_000, 120_000])
    # investors: 90% of 390,000 = 351,000 on 300,000: multiple 1.17, IRR about 8.3% a year
    assert result["Investors' money multiple"] == 1.17
    assert result["Investors' internal rate of return (% a year)"] == 8.3


def test_weak_card_gives_investors_23_percent():
    result = oc.weak_contract()
    # pays for an output and for deadweight: 430,000 paid; investors 387,000 on 250,000
    assert result["Commissioner pays in outcome payments (£)"] == pytest.approx(430_000)
    assert result["Investors' money multiple"] == 1.55
    assert result["Investors' internal rate of return (% a year)"] == 23.0
    assert not any("Engaged" in o.name for o in oc.RATE_CARD)


def test_calculator_cap_and_loss():
    capped = oc.contract_result(2000, 0.55, 0.25, 2500, 0.45, 0.15, 3000, 0.25, 0.05, 200, 300_000, 0.1, 0, 200_000)
    assert capped["Commissioner pays in outcome payments (£)"] == pytest.approx(200_000)
    # capped at £200,000: investors get back £180,000 on £300,000, a negative return
    assert capped["Investors' internal rate of return (% a year)"] < 0
    assert capped["Investors' money multiple"] == 0.6


def test_price_from_value():
    # (45% - 15%) x 6,000 = 1,800 of value per person; half = 900; paid on 45% -> 2,000 per outcome
    assert oc.pricing_answer() == pytest.approx(2_000)
    assert oc.price_from_value(6_000, 0.5, 0.45, 0.15, pay_above_baseline=True) == pytest.approx(3_000)
    with pytest.raises(ValueError, match="baseline"):
        oc.price_from_value(6_000, 0.5, 0.45, 0.6, pay_above_baseline=False)


def test_evidence_from_the_dataset():
    assert oc.evidence("peterborough_reduction") == 9
    assert oc.evidence("peterborough_target") == 7.5
    assert oc.evidence("peterborough_investors") == 17
    assert oc.evidence("lcf_size") == 70_000_000
    assert oc.evidence("lcf_projects") == 29
    table = oc.evidence_table()
    assert "just over 3%" in table["Figure"].tolist()
    assert not table.isna().any().any()


def test_answer_keys():
    assert set(oc.PERVERSE.answers.values()) == set(oc.PERVERSE.categories)
    assert set(oc.PERVERSE.feedback) == set(oc.PERVERSE.answers)
    assert oc.RISK_HOLDER.answer == "The investors"
    assert oc.EVIDENCE_READING.answer in oc.EVIDENCE_READING.options


def test_contract_calculator_is_the_result_without_the_yearly_payments():
    figures = (2000, 0.55, 0.25, 2500, 0.45, 0.15, 3000, 0.25, 0.05, 200, 300_000.0, 0.1, 1, 0)
    shown = oc.contract_calculator(*figures)
    full = oc.contract_result(*figures)
    assert "payments by year" not in shown
    assert shown == {label: value for label, value in full.items() if label != "payments by year"}
    # a year's delay: the same £390,000 paid, later, so the investors' return falls below 8.3%
    assert shown["Commissioner pays in outcome payments (£)"] == 390_000
    assert 0 < shown["Investors' internal rate of return (% a year)"] < 8.3
    with pytest.raises(ValueError, match="Investor capital"):
        oc.contract_calculator(*figures[:10], 0.0, *figures[11:])
