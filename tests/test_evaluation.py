"""The cohort evaluation: the CSV reader's messages, the summaries and the templates.

Expected values for the summaries are worked out by hand from a tiny constructed cohort
(shown in the comments), not copied from the code under test.
"""

from __future__ import annotations

import json
import math
import re
from pathlib import Path

import pandas as pd
import pytest

from exercises import data, evaluation
from exercises.evaluation import EvaluationError, read_file, read_responses
from tests.conftest import REPO

BASE_HEAD = "respondent_id,organisation_type,relationships,understand_partners,outcome_focus,comment"
DAY5_HEAD = (
    "respondent_id,organisation_type,relationships,understand_partners,outcome_focus,useful_connections,"
    "learned_from_peers,relevance,use_of_time,value_for_money,would_recommend,commitment,comment"
)

# A tiny cohort: four people at baseline, three on day 5 (person 4 did not answer).
BASELINE = f"""{BASE_HEAD}
1,council,Disagree,Agree,Disagree,Meet people from the NHS
2,NHS,Agree,Disagree,Strongly disagree,Better use of data
3,police,Strongly disagree,Neither agree nor disagree,Agree,Time away from the day job
4,council,,Agree,Agree,
"""
DAY5 = f"""{DAY5_HEAD}
1,council,Agree,Agree,Agree,yes,yes,Highly relevant,Excellent,Good,yes,Already taking action,We will test a new referral form
2,NHS,Strongly agree,Agree,Disagree,yes,no,Somewhat relevant,Fair,Poor,no,Planning to take action,Need senior sign-off for data
3,police,Disagree,Strongly agree,Agree,no,yes,Relevant,Good,,yes,Not yet planning action,Great lunch
"""


def write(folder: Path, name: str, text: str | bytes) -> Path:
    path = folder / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def cohort(tmp_path: Path) -> pd.DataFrame:
    return read_responses(
        [write(tmp_path, "evaluation-baseline.csv", BASELINE), write(tmp_path, "evaluation-day5.csv", DAY5)]
    )


# --- Malformed files: the message names the problem, the row and the column -------------


def message(tmp_path: Path, text: str | bytes, name: str = "answers.csv") -> str:
    with pytest.raises(EvaluationError) as caught:
        read_file(write(tmp_path, name, text))
    return str(caught.value)


def test_missing_column_is_named(tmp_path: Path) -> None:
    text = DAY5.replace(",commitment", "", 1)
    said = message(tmp_path, text)
    assert "answers.csv, row 1" in said and "'commitment' is missing" in said
    assert "day 5 survey" in said


def test_missing_column_in_a_baseline_file(tmp_path: Path) -> None:
    said = message(tmp_path, BASELINE.replace("outcome_focus,", "", 1))
    assert "row 1" in said and "'outcome_focus' is missing" in said and "baseline" in said


def test_unknown_answer_names_row_and_column(tmp_path: Path) -> None:
    text = DAY5.replace("Somewhat relevant", "Very relevant")  # second response: row 3
    said = message(tmp_path, text)
    assert "row 3, column 'relevance'" in said
    assert "'Very relevant' is not one of the answers" in said and "Highly relevant" in said


def test_wrong_type_for_the_respondent_number(tmp_path: Path) -> None:
    text = BASELINE.replace("\n3,police", "\nthree,police")  # row 4
    said = message(tmp_path, text)
    assert "row 4, column 'respondent_id'" in said and "'three' is not a whole number" in said


def test_wrong_type_for_a_yes_no_answer(tmp_path: Path) -> None:
    text = DAY5.replace("3,police,Disagree,Strongly agree,Agree,no,", "3,police,Disagree,Strongly agree,Agree,maybe,")
    said = message(tmp_path, text)
    assert "row 4, column 'useful_connections'" in said and "'maybe'" in said and "yes or no" in said


def test_empty_respondent_number(tmp_path: Path) -> None:
    said = message(tmp_path, BASELINE.replace("\n2,NHS", "\n,NHS"))
    assert "row 3, column 'respondent_id'" in said and "empty" in said


def test_repeated_respondent(tmp_path: Path) -> None:
    said = message(tmp_path, BASELINE.replace("\n3,police", "\n1,police"))
    assert "row 4, column 'respondent_id'" in said and "respondent 1 already answered" in said and "row 2" in said


def test_too_many_values_in_a_row(tmp_path: Path) -> None:
    text = BASELINE.replace("Better use of data", "Better use of data, and money")  # unquoted comma, row 3
    said = message(tmp_path, text)
    assert "row 3, column 7" in said and "quotes" in said


@pytest.mark.parametrize("text", ["", "   \n\n"])
def test_empty_file(tmp_path: Path, text: str) -> None:
    said = message(tmp_path, text)
    assert "answers.csv is empty" in said and "row 1" in said


def test_headings_but_no_responses(tmp_path: Path) -> None:
    said = message(tmp_path, BASE_HEAD + "\n")
    assert "no responses" in said and "row 2" in said


def test_excel_workbook_is_not_a_csv(tmp_path: Path) -> None:
    said = message(tmp_path, b"PK\x03\x04\x14\x00\x06\x00 rest of a zip file", name="answers.xlsx")
    assert "answers.xlsx is not a CSV file" in said and "Excel" in said


def test_binary_file_is_not_a_csv(tmp_path: Path) -> None:
    said = message(tmp_path, b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", name="photo.csv")
    assert "photo.csv is not a CSV file" in said and "row 1" in said


def test_text_that_is_not_a_responses_file(tmp_path: Path) -> None:
    said = message(tmp_path, "Dear colleague\nPlease find attached\n")
    assert "row 1, column 1" in said and "'respondent_id'" in said


def test_semicolon_separated_file(tmp_path: Path) -> None:
    said = message(tmp_path, BASELINE.replace(",", ";"))
    assert "row 1" in said and "semicolons" in said


def test_broken_quotes(tmp_path: Path) -> None:
    said = message(tmp_path, BASELINE + '5,council,"Agree"x,Agree,Agree,hi\n')  # row 6
    assert "row 6" in said and "quote marks" in said


def test_day5_question_in_a_combined_baseline_row(tmp_path: Path) -> None:
    head = ",".join(evaluation.COLUMNS)
    row = "1,council,baseline,Agree,Agree,Agree,yes,,,,,,,"  # useful_connections answered at baseline
    said = message(tmp_path, f"{head}\n{row}\n")
    assert "row 2, column 'useful_connections'" in said and "not asked in the baseline survey" in said


def test_missing_file_says_so(tmp_path: Path) -> None:
    with pytest.raises(EvaluationError, match="There is no file"):
        read_file(tmp_path / "nowhere.csv")


def test_the_same_stage_in_two_files(tmp_path: Path) -> None:
    first = write(tmp_path, "a.csv", BASELINE)
    second = write(tmp_path, "b.csv", BASELINE)
    with pytest.raises(EvaluationError, match=r"b\.csv, column 'respondent_id': respondent 1's baseline answers"):
        read_responses([first, second])


# --- Reading good files ---------------------------------------------------------------


def test_answers_are_matched_ignoring_case_and_spaces(tmp_path: Path) -> None:
    text = BASELINE.replace("1,council,Disagree", "1, Council ,  disagree ")
    frame = read_file(write(tmp_path, "a.csv", text))
    assert frame.loc[0, "relationships"] == "Disagree" and frame.loc[0, "organisation_type"] == "council"


def test_excel_utf8_with_bom_and_windows_line_endings(tmp_path: Path) -> None:
    raw = ("\ufeff" + BASELINE).replace("\n", "\r\n").encode("utf-8")
    frame = read_file(write(tmp_path, "a.csv", raw))
    assert list(frame["respondent_id"]) == [1, 2, 3, 4]


def test_skipped_answers_are_missing_not_errors(cohort: pd.DataFrame) -> None:
    base = cohort[cohort["stage"] == "baseline"].set_index("respondent_id")
    assert pd.isna(base.loc[4, "relationships"]) and pd.isna(base.loc[4, "comment"])


def test_the_synthetic_dataset_reads_the_same_both_ways() -> None:
    from_file = read_responses(data.info(evaluation.EXAMPLE_DATASET).path)
    pd.testing.assert_frame_equal(from_file, evaluation.example_cohort())
    assert len(from_file) == 69  # 36 at baseline, 33 on day 5 (the dataset's description)


def test_environment_variable_lists_files() -> None:
    import os

    paths = evaluation.paths_from_environment({evaluation.ENVIRONMENT_VARIABLE: f"a.csv{os.pathsep}b.csv"})
    assert paths == [Path("a.csv"), Path("b.csv")]
    assert evaluation.paths_from_environment({}) == []


# --- Summaries against hand-worked values ----------------------------------------------


def test_stage_summary_by_hand(cohort: pd.DataFrame) -> None:
    day5 = evaluation.stage_summary(cohort, "day 5")
    # Useful connections: yes, yes, no -> 2 of 3.
    row = day5.loc["Made useful connections"]
    assert (row["Answered"], row["Favourable"], row["Skipped"]) == (3, 2, 0)
    assert row["Per cent"] == pytest.approx(200 / 3)
    assert row["Low (%)"] < row["Per cent"] < row["High (%)"]
    # Value for money: Good, Poor, (skipped) -> 1 of 2 good or excellent.
    vfm = day5.loc["Value for money"]
    assert (vfm["Answered"], vfm["Favourable"], vfm["Skipped"]) == (2, 1, 1)
    assert vfm["Per cent"] == pytest.approx(50.0)
    # Commitment: already, planning, not yet -> 2 of 3.
    assert day5.loc["Commitment to the 100-day plan", "Favourable"] == 2
    # Relevance: Highly relevant, Somewhat relevant, Relevant -> 2 of 3.
    assert day5.loc["Relevant to my learning needs", "Per cent"] == pytest.approx(200 / 3)
    base = evaluation.stage_summary(cohort, "baseline")
    assert list(base.index) == [
        "Working relationships across the system",
        "Understanding how partners work",
        "Starting from outcomes",
    ]
    # Relationships at baseline: Disagree, Agree, Strongly disagree, (skipped) -> 1 of 3.
    assert (base.iloc[0]["Answered"], base.iloc[0]["Favourable"], base.iloc[0]["Skipped"]) == (3, 1, 1)


def test_before_after_by_hand(cohort: pd.DataFrame) -> None:
    table = evaluation.before_after(cohort)
    rel = table.loc["I have the working relationships across the system that I need."]
    # Baseline 1 of 3 agree (33.3%); day 5: Agree, Strongly agree, Disagree -> 2 of 3 (66.7%).
    assert rel["Baseline agree (%)"] == pytest.approx(100 / 3)
    assert rel["Day 5 agree (%)"] == pytest.approx(200 / 3)
    assert rel["Change (points)"] == pytest.approx(100 / 3)
    # Pairs: 1 Disagree->Agree up, 2 Agree->Strongly agree up, 3 Strongly disagree->Disagree up.
    assert (rel["Answered both"], rel["Moved up"], rel["Same"], rel["Moved down"]) == (3, 3, 0, 0)
    out = table.loc["Our work starts from the outcomes people need."]
    # Baseline: Disagree, Strongly disagree, Agree, Agree -> 2 of 4 (50%); day 5: Agree, Disagree, Agree -> 2 of 3.
    assert out["Baseline agree (%)"] == pytest.approx(50.0)
    assert out["Day 5 agree (%)"] == pytest.approx(200 / 3)
    # Pairs: 1 Disagree->Agree up, 2 Strongly disagree->Disagree up, 3 Agree->Agree same.
    assert (out["Moved up"], out["Same"], out["Moved down"]) == (2, 1, 0)
    und = table.loc["I understand how partner organisations work."]
    # 1 Agree->Agree same, 2 Disagree->Agree up, 3 Neither->Strongly agree up.
    assert (und["Moved up"], und["Same"], und["Moved down"]) == (2, 1, 0)


def test_answer_counts_by_hand(cohort: pd.DataFrame) -> None:
    counts = evaluation.answer_counts(cohort, "commitment")
    assert list(counts["Answers"]) == [1, 1, 1]
    recommend = evaluation.answer_counts(cohort, "would_recommend")
    assert recommend.loc["Yes", "Answers"] == 2 and recommend.loc["No", "Per cent"] == pytest.approx(100 / 3)


def test_compare_with_report_uses_the_report_dataset(cohort: pd.DataFrame) -> None:
    table = evaluation.compare_with_report(evaluation.stage_summary(cohort, "day 5"))
    assert table.loc["Made useful connections", "PSTA survey (%)"] == 98
    assert table.loc["Made useful connections", "Somerset cohort 1 (%)"] == 100
    assert table.loc["Value for money", "PSTA survey (%)"] == 88
    assert math.isnan(table.loc["Value for money", "Somerset cohort 1 (%)"])
    assert table.loc["Would recommend it", "PSTA survey (%)"] == 87
    assert table.loc["Would recommend it", "This cohort (%)"] == pytest.approx(200 / 3)
    assert table.loc["Would recommend it", "Source"] == "Public Service Transformation Academy (2019)"
    assert table.loc["Made useful connections", "Source"] == (
        "Public Service Transformation Academy (2019); Fisk and others (2019)"
    )
    assert not any(re.search(r"\blines? \d", q.source) for q in evaluation.QUESTIONS)


def test_themes_by_hand(cohort: pd.DataFrame) -> None:
    assert evaluation.comment_themes("Meet people from the NHS") == ["Relationships and connections"]
    assert evaluation.comment_themes("An update on the metrics") == []  # word starts only
    day5 = evaluation.theme_counts(cohort, "day 5")
    # "test a new referral form" -> testing; "senior sign-off for data" -> data, senior; "Great lunch" -> none.
    assert day5.loc["Testing and improving", "Comments"] == 1
    assert day5.loc["Data and evidence", "Comments"] == 1
    assert day5.loc["Senior support and sign-off", "Comments"] == 1
    assert day5.loc["No theme found", "Comments"] == 1
    assert day5.loc["No theme found", "Example"] == "Great lunch"
    assert day5.loc["Data and evidence", "Per cent"] == pytest.approx(100 / 3)
    both = evaluation.theme_counts(cohort)
    assert both.loc["Data and evidence", "Comments"] == 2  # plus "Better use of data" at baseline


def test_charts_have_titles(cohort: pd.DataFrame) -> None:
    summary = evaluation.stage_summary(cohort, "day 5")
    figures = [
        evaluation.before_after_chart(evaluation.before_after(cohort)),
        evaluation.report_comparison_chart(evaluation.compare_with_report(summary)),
        evaluation.answers_chart(evaluation.answer_counts(cohort, "commitment"), "commitment"),
        evaluation.theme_chart(evaluation.theme_counts(cohort)),
    ]
    for figure in figures:
        assert figure.axes[0].get_title().strip()


# --- Templates, question set and notebook -----------------------------------------------


@pytest.mark.parametrize("stage,name", [("baseline", "evaluation-baseline.csv"), ("day 5", "evaluation-day5.csv")])
def test_templates_hold_the_headings_only(stage: str, name: str) -> None:
    path = REPO / "exercises" / "templates" / name
    assert path.read_text(encoding="utf-8").splitlines() == [",".join(evaluation.template_columns(stage))]
    with pytest.raises(EvaluationError, match="no responses"):
        read_file(path)  # the header is accepted; only the answers are missing


def test_questions_match_the_example_dataset() -> None:
    descriptor = json.loads((REPO / "datasets" / "datapackage.json").read_text())
    resource = next(r for r in descriptor["resources"] if r["name"] == evaluation.EXAMPLE_DATASET)
    fields = {f["name"]: f for f in resource["schema"]["fields"]}
    for question in evaluation.QUESTIONS:
        assert question.column in fields
        if question.kind == "scale":
            assert tuple(fields[question.column]["constraints"]["enum"]) == question.answers
    report = set(data.load(evaluation.REPORT_DATASET)["fact_id"])
    assert {f for q in evaluation.QUESTIONS for f in q.report_facts} <= report


def test_notebook_defaults_to_the_synthetic_cohort() -> None:
    notebook = json.loads((REPO / "modules" / "facilitators" / "evaluation.ipynb").read_text())
    code = [c for c in notebook["cells"] if c["cell_type"] == "code"]
    first = "".join(code[0]["source"])
    assert "RESPONSE_FILES = []" in first and "ACADEMY_EVALUATION_CSV" in "".join(
        "".join(c["source"]) for c in notebook["cells"]
    )
