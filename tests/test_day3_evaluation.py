"""Day 3 evaluation design: the difference-in-differences estimate on synthetic matched areas."""

import pytest

from exercises.lessons import day3_evaluation as ev


def test_group_means_and_did_estimate():
    means = ev.group_means().set_index("Areas")
    assert means.loc["Programme areas", "Change"] == pytest.approx(-0.70, abs=0.005)
    assert means.loc["Comparison areas", "Change"] == pytest.approx(0.66, abs=0.005)
    # (-0.70) - 0.66 = -1.36 admissions per 1,000 aged 65+ a quarter
    assert ev.did_estimate() == pytest.approx(-1.36, abs=0.005)
    estimates = ev.estimates()
    assert estimates["Before and after, programme areas only"] == pytest.approx(-0.70, abs=0.005)
    assert estimates["After only, programme against comparison areas"] == pytest.approx(-0.71, abs=0.005)


def test_data_are_synthetic_and_balanced():
    frame = ev.matched_areas()
    assert frame["synthetic"].all()
    assert frame.groupby(["group", "period"]).size().tolist() == [24, 24, 24, 24]
    assert ev.pre_trend_gap() == pytest.approx(0.09, abs=0.005)
    assert ev.admissions_avoided_a_year() > 0


def test_evaluation_plan_text_needs_every_part():
    text = ev.evaluation_plan_text(
        "Did admissions fall?",
        "Difference in differences",
        "Admissions",
        "Matched areas",
        "March",
        "£5k, public health",
    )
    assert text.startswith("Evaluation question: Did admissions fall? Design:")
    assert "Design: Difference in differences." in text
    with pytest.raises(ValueError, match="Please fill in: Design"):
        ev.evaluation_plan_text("Q", " ", "M", "C", "T", "O")


def test_answer_keys():
    for key in (ev.EVALUATION_TYPES, ev.MARYLAND):
        assert set(key.answers.values()) == set(key.categories)
        assert set(key.feedback) == set(key.answers)
    assert ev.PARALLEL_TRENDS.answer in ev.PARALLEL_TRENDS.options
    assert ev.THEORY_BASED.answer in ev.THEORY_BASED.options
    assert ev.trends_chart().axes[0].get_title()
