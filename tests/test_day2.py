"""Day 2 (co-production, place-based working and using data): the numbers the lessons
teach, worked out from the datasets, the exercises' answer keys, and the notebooks' shape.

Expected values are worked out by hand from the report and the synthetic data (shown in
the comments), not copied from the code under test.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from exercises.checks import check_choice, check_classification
from exercises.data import load
from exercises.lessons import day1, day2, stats
from tests.conftest import REPO
from tests.notebook_style import SECTIONS, cell_sources

DAY2 = REPO / "modules" / "day2-coproduction-place-and-data"


@pytest.fixture(scope="module")
def facts() -> pd.DataFrame:
    return load("case_study_facts")


@pytest.fixture(scope="module")
def survey() -> pd.DataFrame:
    return load("brackenford_resident_survey")


@pytest.fixture(scope="module")
def wards() -> pd.DataFrame:
    return load("brackenford_wards")


def all_right(key: day2.SortKey) -> dict[str, str]:
    """A participant's answer that places every item in its first accepted category."""
    return {item: key.accepted(item)[0] for item in key.answers}


def assert_sort_key_is_sound(key: day2.SortKey) -> None:
    assert len(key.categories) >= 2 and len(set(key.categories)) == len(key.categories)
    for item in key.answers:
        assert set(key.accepted(item)) <= set(key.categories), item
        assert key.feedback.get(item, "").strip(), f"no feedback for {item!r}"
    assert set(key.feedback) == set(key.answers)
    assert check_classification(all_right(key), key.answers, key.feedback).status == "correct"
    wrong = {
        item: next(c for c in key.categories if c not in key.accepted(item))
        for item in key.answers
        if len(key.accepted(item)) < len(key.categories)
    }
    assert wrong, "every item accepts every category: the exercise cannot be got wrong"
    assert check_classification(wrong, key.answers, key.feedback).status != "correct"


def assert_choice_key_is_sound(key: day2.ChoiceKey) -> None:
    answers = [key.answer] if isinstance(key.answer, str) else list(key.answer)
    assert set(answers) <= set(key.options) and len(answers) < len(key.options)
    assert all(text.strip() for text in key.options.values())
    assert check_choice(key.answer, key.options, key.answer).status == "correct"
    wrong = next(option for option in key.options if option not in answers)
    assert check_choice(wrong, key.options, key.answer).status != "correct"


# --- 01 Why councils turn to citizens -------------------------------------------------------------


def test_ten_projects_studied_but_nine_named(facts: pd.DataFrame) -> None:
    assert day2.projects_studied(facts) == 10
    assert day2.named_projects() == (
        "Oldham",
        "Wigan",
        "Wirral",
        "Plymouth Alliance Contract",
        "Young People's Foundations",
        "Ignite",
        "Golden Key",
        "West London Zone",
        "Doing the Right Thing",
    )
    assert day2.unnamed_projects(facts) == 1
    assert "nine" in day2.fact(facts, "golab_collaborations_studied")["note"]


def test_four_models_three_roles_four_justifications_six_questions() -> None:
    assert day2.MODEL_NAMES == (
        "Collaborative councils",
        "Collaborative markets",
        "Agents of change",
        "System connectors",
    )
    assert len(day2.JUSTIFICATIONS) == 4 and len(day2.OPEN_QUESTIONS) == 6 and len(day2.DRIVERS) == 3
    assert list(day2.LEADERSHIP_ROLES_TEXT) == ["Steward", "Mediator", "Catalyst"]
    assert list(day2.four_changes_table().index) == ["Leadership", "Culture", "Infrastructure", "Communities"]
    assert list(day2.drivers_table().columns) == ["What it means"]  # line ranges stay in the code, off the page


def test_collaboration_models_key(facts: pd.DataFrame) -> None:
    key = day2.COLLABORATION_MODELS
    assert_sort_key_is_sound(key)
    assert set(key.answers.values()) == set(day2.MODEL_NAMES)  # every model is used
    # The real cases are classed as the GO Lab classes them.
    for item, model in key.answers.items():
        place = item.split(":")[0]
        named_in = [m.name for m in day2.MODELS if place in m.examples]
        if named_in:
            assert [model] == named_in, item
    assert sum(1 for item in key.answers if "made up" in item) == 6


def test_leadership_roles_key() -> None:
    assert_sort_key_is_sound(day2.LEADERSHIP_ROLES)
    assert sorted(day2.LEADERSHIP_ROLES.answers.values()) == ["Catalyst"] * 2 + ["Mediator"] * 2 + ["Steward"] * 2


def test_funding_figures_come_from_the_dataset() -> None:
    pots = load("funding_pots")
    assert day2.money(day2.fund(pots, "voluntary_sector_spending")) == "£15.3 billion"
    assert day2.money(day2.fund(pots, "essex_recovery_services")) == "£9.5 million"
    with pytest.raises(KeyError):
        day2.fund(pots, "no_such_fund")


# --- 02 Place-based working --------------------------------------------------------------------------


def test_wigan_claims(facts: pd.DataFrame) -> None:
    table = day2.claims_table(facts, "Wigan")
    assert len(table) == 11
    row = table.loc["Increase in overall satisfaction with the council"]
    assert row["As stated"] == "59%" and "percentage points" in row["What to check"]
    assert table.loc["Invested in grassroots community and voluntary organisations", "As stated"] == "£10 million"
    assert table.loc["Ambulance trips diverted away from the local A&E", "As stated"] == "more than 2,000"
    assert table.loc["Less money for the council each year", "As stated"] == "£160 million a year"
    assert table.loc["Rank for productivity among UK councils (Impower Index 2018)", "As stated"] == "3rd"
    # Periods: about 2011, 2018, over four years, first three months of 2019; the other 7 none.
    assert day2.claims_without_period(facts, "Wigan") == 7
    with pytest.raises(ValueError, match="no figures"):
        day2.claims_table(facts, "Atlantis")


def test_the_two_readings_of_59_per_cent(facts: pd.DataFrame) -> None:
    increase = day2.value(facts, "wigan_satisfaction_increase")
    assert increase == 59
    table = day2.satisfaction_readings(increase, [40, 50, 70])
    relative, points = table.columns
    assert table.loc[40.0, relative] == pytest.approx(63.6)  # 40 × 1.59 = 63.6
    assert table.loc[40.0, points] == pytest.approx(99.0)  # 40 + 59 = 99
    assert table.loc[50.0, relative] == pytest.approx(79.5)  # 50 × 1.59
    assert pd.isna(table.loc[50.0, points])  # 50 + 59 = 109: impossible
    assert pd.isna(table.loc[70.0, relative])  # 70 × 1.59 = 111.3: impossible
    assert day2.satisfaction_ceilings(increase) == {day2.RELATIVE: 62.9, day2.POINTS: 41}  # 100/1.59; 100-59
    with pytest.raises(ValueError):
        day2.satisfaction_readings(increase, [120])
    key = day2.satisfaction_question(increase, before=40)
    assert_choice_key_is_sound(key)
    assert list(key.options) == ["About 64%", "99%", "We cannot tell from the report", "59%"]  # 63.6; 40 + 59
    assert key.answer == "We cannot tell from the report"


def test_oldham_return_under_both_readings(facts: pd.DataFrame) -> None:
    money = day2.OldhamMoney.from_facts(facts)
    assert (money.saving, money.investment, money.site_years) == (3_000_000, 350_000, 2)
    table = day2.oldham_readings(money)
    once, yearly = table.index
    assert once.startswith("Once") and yearly.startswith("Every year")
    # Once: 3,000,000 / 350,000 = 8.571...; every year for two years: 6,000,000 / 350,000 = 17.142...
    assert table.loc[once, "Saved for every £1 invested (£)"] == pytest.approx(8.57)
    assert table.loc[yearly, "Saved for every £1 invested (£)"] == pytest.approx(17.14)
    assert table.loc[once, "Net saving (£)"] == 2_650_000
    assert table.loc[yearly, "Savings counted (£)"] == 6_000_000
    assert day2.payback_weeks(money.investment, money.saving) == pytest.approx(52 * 350_000 / 3_000_000)
    assert day2.return_ratio(3_000_000, 350_000) == pytest.approx(60 / 7)
    for bad in (lambda: day2.return_ratio(1, 0), lambda: day2.payback_weeks(1, 0)):
        with pytest.raises(ValueError):
            bad()


def test_oldham_readings_need_one_figure_read_two_ways(facts: pd.DataFrame) -> None:
    changed = facts.copy()
    changed.loc[changed["fact_id"] == "oldham_savings_body", "value"] = 2_000_000
    with pytest.raises(ValueError, match="differ"):
        day2.OldhamMoney.from_facts(changed)


def test_oldham_questions_key() -> None:
    assert_choice_key_is_sound(day2.OLDHAM_QUESTIONS)
    assert len(day2.OLDHAM_QUESTIONS.answer) == 5


# --- 03 The ladder of co-production ------------------------------------------------------------------


def test_the_ladder() -> None:
    assert day2.STEP_NAMES == (
        "Coercion",
        "Educating",
        "Informing",
        "Consultation",
        "Engagement",
        "Co-design",
        "Co-production",
    )
    groups = [s.group for s in day2.LADDER]
    assert groups == ["Doing to"] * 2 + ["Doing for"] * 3 + ["Doing with"] * 2
    assert list(day2.ladder_table()["Name"]) == list(reversed(day2.STEP_NAMES))
    assert "thinklocalactpersonal.org.uk" in day2.LADDER_SOURCE
    with pytest.raises(KeyError):
        day2.step("Tokenism")


def test_ladder_cases_and_their_sort() -> None:
    for case in day2.LADDER_CASES:
        low, high = case.steps
        assert 1 <= low <= high <= 7, case.case
    key = day2.LADDER_GROUP_SORT
    assert_sort_key_is_sound(key)
    assert "Wigan Deal" not in key.answers  # too uncertain to mark right or wrong
    assert key.answers["Essex Recovery Foundation"] == "Doing with"
    assert key.answers["Good Thinking (London)"] == "Doing for"
    assert set(key.accepted("Hounslow parks")) == {"Doing for", "Doing with"}
    assert set(key.answers.values()) >= {"Doing to", "Doing for", "Doing with"}
    assert len(day2.ladder_cases_table()) == len(day2.LADDER_CASES)


def test_case_figures_read_from_the_dataset(facts: pd.DataFrame) -> None:
    said = {
        f: day2.as_stated(day2.fact(facts, f))
        for f in (
            "storyhouse_groups",
            "storyhouse_sessions",
            "storyhouse_visitors",
            "hounslow_working_groups",
            "suffolk_launch_year",
            "suffolk_friends_groups",
            "oldham_site_years",
            "oldham_savings_body",
        )
    }
    assert said == {
        "storyhouse_groups": "131",
        "storyhouse_sessions": "more than 2,000",
        "storyhouse_visitors": "more than 1 million",
        "hounslow_working_groups": "3",
        "suffolk_launch_year": "2012",
        "suffolk_friends_groups": "44",
        "oldham_site_years": "2 years",
        "oldham_savings_body": "about £3 million a year",
    }


@pytest.mark.parametrize(
    ("amount", "words"),
    [
        (350_000, "£350,000"),
        (119_200, "£119,200"),
        (3_000_000, "£3 million"),
        (1_100_000, "£1.1 million"),
        (10_000_000, "£10 million"),
        (15_300_000_000, "£15.3 billion"),
        (600, "£600"),
    ],
)
def test_money_in_words(amount: float, words: str) -> None:
    assert day2.money(amount) == words


# --- 04 Using data ---------------------------------------------------------------------------------


def test_cold_or_warm_key() -> None:
    assert_sort_key_is_sound(day2.COLD_OR_WARM)


def test_oldham_outputs_and_outcomes_key(facts: pd.DataFrame) -> None:
    key = day2.oldham_results_sort(facts)
    assert_sort_key_is_sound(key)
    assert key.categories == (day1.RESOURCE, day1.ACTIVITY, day1.OUTPUT, day1.OUTCOME)
    by_start = {item.split(" ")[0]: key.answers[item] for item in key.answers}
    assert by_start["44%"] == day1.OUTCOME  # improved finances
    assert by_start["95%"] == day1.OUTPUT  # staying engaged is not yet a better life
    assert by_start["200"] == day1.OUTPUT  # pantry members
    assert by_start["9"] == day1.RESOURCE  # officers
    assert "£119,200 of external funding" in " ".join(key.answers)
    assert len(key.answers) == len(day2.OLDHAM_RESULTS) == 10


def test_oldham_percentages_and_their_reading(facts: pd.DataFrame) -> None:
    table = day2.oldham_percentages(facts)
    assert sorted(table["Per cent"]) == [20, 44, 70, 70, 80, 95]
    assert table.loc["oldham_engagement_other", "Our reading"] == "comparison or context"
    assert table.loc["oldham_isolation_activity", "Our reading"] == "Output or Outcome"


def test_data_sharing_projects() -> None:
    table = day2.data_sharing_projects(load("somerset_challenge_projects"))
    assert list(table["Cohort"]) == [1, 2]
    assert "data-sharing protocol" in table.loc[0, "Project"]
    assert list(day2.barrier_log_example().columns) == list(day2.BARRIER_LOG_COLUMNS)


# --- 05 The resident survey (synthetic) ------------------------------------------------------------


def test_agreeing_keeps_skipped_answers_missing(survey: pd.DataFrame) -> None:
    flags = day2.agrees(survey, "trust_council")
    assert int(flags.isna().sum()) == int(survey["trust_council"].isna().sum()) == 38
    assert int(flags.sum()) == 486
    satisfied = day2.agrees(survey, "satisfaction")
    assert int(satisfied.sum()) == int(survey["satisfaction"].isin(["Fairly satisfied", "Very satisfied"]).sum())
    with pytest.raises(KeyError, match="no question"):
        day2.agrees(survey, "happiness")


def test_survey_key_numbers(survey: pd.DataFrame, wards: pd.DataFrame) -> None:
    facts = day2.survey_facts(survey, wards)
    assert facts["respondents"] == 1200
    # Influence: 222 agree + 38 strongly agree = 260 of 1,200 = 21.67%.
    assert (facts["influence"].successes, facts["influence"].n) == (260, 1200)
    assert facts["influence_percent"] == 21.7
    # Wilson 95%: (p + z²/2n ± z√(p(1-p)/n + z²/4n²)) / (1 + z²/n) = 0.19428 to 0.24086.
    assert (facts["influence"].low, facts["influence"].high) == pytest.approx((0.19428, 0.24086), abs=5e-5)
    assert facts["influence_margin_points"] == 2.3
    # Trust: 486 of the 1,162 who answered = 41.82%; of all 1,200 it would be 40.5%.
    assert facts["trust_percent"] == 41.8 and facts["trust_skipped"] == 38
    assert facts["trust_percent_if_skips_counted_as_no"] == 40.5
    # Segments: Older couple 42/145 = 29.0% highest; Young renter 42/235 = 17.9% lowest.
    assert (facts["highest_segment"], facts["lowest_segment"]) == ("Older couple", "Young renter")
    gap = facts["segment_difference"]
    assert gap.estimate == pytest.approx(42 / 145 - 42 / 235)
    assert gap.excludes_zero and 0 < gap.low < gap.estimate < gap.high
    assert (facts["smallest_segment"], facts["smallest_segment_answers"]) == ("Older resident living alone", 106)
    # Wards: the five with most need, 50 of 554 = 9.0%; the others, 210 of 646 = 32.5%.
    assert facts["more_need_wards"] == [
        "Larkspur Fields",
        "Foxglove Vale",
        "Dapplewick",
        "Bellwether Rise",
        "Cobblemere",
    ]
    assert (facts["more_need_percent"], facts["less_need_percent"]) == (9.0, 32.5)
    assert facts["ward_difference"].estimate == pytest.approx(210 / 646 - 50 / 554)
    assert facts["need_correlation"] < -0.8


def test_survey_tables(survey: pd.DataFrame, wards: pd.DataFrame) -> None:
    overview = day2.overview(survey)
    assert len(overview) == 6
    trust = overview.loc["I trust the council to act in residents' interests"]
    assert (trust["Answered"], trust["Skipped"], trust["Agree or satisfied"]) == (1162, 38, 486)
    assert overview["Per cent"].idxmax() == "I feel I belong to my neighbourhood"  # 717 of 1,200
    segments = day2.by_group(survey, "influence", "segment")
    assert segments["answers"].sum() == 1200 and segments.loc["Carer", "yes"] == 30
    low, high = stats.wilson_interval(30, 153)
    assert (segments.loc["Carer", "low"], segments.loc["Carer", "high"]) == pytest.approx((100 * low, 100 * high))
    by_ward = day2.by_ward(survey, wards, "influence")
    assert list(by_ward["need_rank"]) == list(range(1, 11))
    assert by_ward.loc["Hazelquay", "yes"] == 62 and by_ward.loc["Hazelquay", "answers"] == 169


def test_survey_exercise_keys(survey: pd.DataFrame, wards: pd.DataFrame) -> None:
    key = day2.segment_question(day2.survey_facts(survey, wards))
    assert_choice_key_is_sound(key)
    assert key.answer == "Probably a real gap, of somewhere from 2 to 20 points"
    assert all(len(option) <= 70 for option in key.options)  # long labels wrap badly by radio buttons
    assert_choice_key_is_sound(day2.SURVEY_LIMITS)
    assert len(day2.SURVEY_LIMITS.answer) == 2


def test_segment_question_when_the_gap_may_be_chance(survey: pd.DataFrame, wards: pd.DataFrame) -> None:
    facts = dict(day2.survey_facts(survey, wards))
    facts["segment_difference"] = stats.difference_in_proportions(stats.proportion(12, 40), stats.proportion(10, 40))
    key = day2.segment_question(facts)
    assert_choice_key_is_sound(key)
    assert "includes zero" in key.answer


# --- charts and the challenge step ------------------------------------------------------------------


def charts(facts: pd.DataFrame, survey: pd.DataFrame, wards: pd.DataFrame) -> dict[str, object]:
    return {
        "satisfaction": day2.satisfaction_chart(59),
        "oldham": day2.oldham_chart(day2.OldhamMoney.from_facts(facts)),
        "ladder": day2.ladder_chart(),
        "results": day2.oldham_results_chart(day2.oldham_percentages(facts)),
        "overview": day2.overview_chart(day2.overview(survey)),
        "segments": day2.group_chart(day2.by_group(survey, "influence", "segment"), "influence", "segment"),
        "wards": day2.ward_need_chart(day2.by_ward(survey, wards, "influence"), "influence"),
    }


def test_every_chart_has_a_title_and_labelled_axes(facts, survey, wards) -> None:
    for name, figure in charts(facts, survey, wards).items():
        axes = figure.axes[0]
        assert axes.get_title(), name
        assert axes.get_xlabel(), name
        if name in ("overview", "segments", "wards"):
            assert "synthetic" in axes.get_title(), f"{name}: synthetic data must be labelled"
            assert "%" in axes.get_xlabel()


def test_somerset_day_two(facts) -> None:
    programme = load("somerset_programme")
    two, one = day2.somerset_day(programme, 2), day2.somerset_day(programme, 1)
    assert two["questions"] == one["questions"] and len(two["questions"]) == 5
    assert "peer challenge" in two["activity"] and "action research" in two["activity"]
    assert any("copy" in note for note in two["notes"])
    assert two["lines"] == (6082, 6090)
    with pytest.raises(ValueError):
        day2.somerset_day(programme, 9)
    assert "action research" in day2.peer_prompts_table().iloc[0, 0]


def test_lesson_code_imports_no_widgets() -> None:
    code = (
        "import sys, exercises.lessons.day2, exercises.lessons.stats, exercises.peer_challenge; "
        "print(sorted(m for m in ('ipywidgets', 'matplotlib.pyplot') if m in sys.modules))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=REPO)
    assert result.stdout.strip() == "[]"


# --- the notebooks ------------------------------------------------------------------------------------

EXERCISE_CALL = re.compile(r"\b(choice|number|classify|scale|reflect|calculator)\(\s*\"(d2-[a-z0-9-]+)\"")


def notebooks() -> list[Path]:
    return sorted(DAY2.glob("*.ipynb"))


def test_the_day_has_its_shape() -> None:
    pages = notebooks()
    assert 4 <= len(pages) <= 12  # core sessions, the self-study pages and the challenge step
    ids = [m.group(2) for p in pages for src in cell_sources(p, "code") for m in EXERCISE_CALL.finditer(src)]
    assert len(ids) >= 5 and len(ids) == len(set(ids)), ids
    kinds = {m.group(1) for p in pages for src in cell_sources(p, "code") for m in EXERCISE_CALL.finditer(src)}
    assert {"classify", "scale", "number", "reflect", "choice"} <= kinds
    text = "\n".join(src for p in pages for kind in ("markdown", "code") for src in cell_sources(p, kind))
    assert text.count("show(day2.") >= 3 and text.count("*Chart:") >= 3
    assert "peer_challenge_form()" in text


@pytest.mark.parametrize("page", notebooks(), ids=lambda p: p.name)
def test_each_page_follows_the_pattern(page: Path) -> None:
    markdown = "\n".join(cell_sources(page, "markdown")) + "\n".join(cell_sources(page, "code"))
    for heading in SECTIONS:
        assert heading in markdown, f"{page.name} has no '{heading}'"
    for src in cell_sources(page, "code"):
        for call in EXERCISE_CALL.finditer(src):
            assert "page=PAGE" in src and "explanation=" in src, call.group(2)


def test_exercise_keys_come_from_the_lesson_module() -> None:
    text = "\n".join(src for p in notebooks() for src in cell_sources(p, "code"))
    for key in (
        "COLLABORATION_MODELS",
        "LEADERSHIP_ROLES",
        "OLDHAM_QUESTIONS",
        "LADDER_GROUP_SORT",
        "COLD_OR_WARM",
        "SURVEY_LIMITS",
        "LADDER_SELF_ASSESSMENT",
    ):
        assert f"day2.{key}" in text, key
    assert "day2.oldham_results_sort(facts)" in text and "day2.segment_question(facts)" in text
    assert "day2.satisfaction_question(increase)" in text


def test_the_instructor_notes_quote_the_numbers_the_pages_compute(facts, survey, wards) -> None:
    page = REPO / "modules" / "facilitators" / "day2-instructor-notes.md"
    notes = " ".join(page.read_text(encoding="utf-8").split())
    readings = day2.oldham_readings(day2.OldhamMoney.from_facts(facts))["Saved for every £1 invested (£)"]
    numbers = day2.survey_facts(survey, wards)
    influence, trust, gap = numbers["influence"], numbers["trust"], numbers["segment_difference"]
    increase = day2.value(facts, "wigan_satisfaction_increase")
    ceilings = day2.satisfaction_ceilings(increase)
    before = day2.SATISFIED_BEFORE
    expected = [
        f"from {before}%, relative gives about {before * (1 + increase / 100):.0f}%, "
        f"points give {before + increase:g}%",
        f"above {ceilings[day2.POINTS]:g}%, and the relative one above about {ceilings[day2.RELATIVE]:.0f}%",
        f"**£{readings.iloc[0]:.2f}**",
        f"**£{readings.iloc[1]:.2f}**",
        f"{influence.successes} of {influence.n:,} agree",
        f"**{numbers['influence_percent']:.1f}%**",
        f"{100 * influence.low:.1f}% to {100 * influence.high:.1f}%",
        f"{trust.successes} of the {trust.n:,} who answered",
        f"**{numbers['trust_percent']:.1f}%**",
        f"{numbers['trust_percent_if_skips_counted_as_no']:.1f}%",
        f"from about {100 * gap.low:.0f} to {100 * gap.high:.0f} points",
    ]
    missing = [text for text in expected if text not in notes]
    assert missing == [], "the instructor notes quote numbers the pages no longer compute"
