"""Evaluating a cohort: the survey questions, a checked CSV reader, summaries and charts.

Facilitators run two short surveys: a **baseline** before Day 1 and a **day-5** survey at
the end of the programme. The questions follow what the 2019 PSTA report measured
(*Public service: state of transformation*, Public Service Transformation Academy, 2019;
the line ranges below are for maintainers, and pages cite the articles by author and year):

- Somerset asked a baseline survey before day one of its first two cohorts, which found
  that partners lacked "building blocks" for joint working: relationships, mutual
  understanding, creativity and an outcome focus (case study *Somerset Academies*,
  lines 5640-5649). The baseline asks three of those as agree-disagree statements, and
  the day-5 survey asks them again, so a cohort can compare before and after.
- The PSTA's survey of past participants reports 98% making useful connections, 91% a
  good or excellent use of time, 88% good or excellent value for money, 91% relevant or
  highly relevant and 87% who would recommend it (lines 9688-9711). Somerset's cohort 1
  (40 participants) reported 100% on useful connections, learning from other
  participants, relevance and use of time on day five (lines 5999-6027). Neither gives
  the number who answered.
- Somerset's day-5 chart asked "What statement best reflects how committed you are to
  take action via your 100-day plan?" with the answers "Already taking action" and
  "Planning to take action" (lines 6238-6251); its values are missing from the report.
  The course adds a third answer, "Not yet planning action", so nobody is forced to
  pick a positive one.

The report's figures live in the ``academy_evaluation`` dataset; the synthetic example
cohort is ``brackenford_evaluation_responses``. Facilitators fill in the blank templates
``exercises/templates/evaluation-baseline.csv`` and ``evaluation-day5.csv``.

:func:`read_responses` checks a facilitator's files and raises :class:`EvaluationError`
with a plain-English message naming the file, row and column of the first problem. Rows
are numbered as in a spreadsheet: row 1 is the header row, row 2 the first response.

Plain Python, pandas and matplotlib: nothing here imports ipywidgets.
"""

from __future__ import annotations

import csv
import io
import os
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import pandas as pd

from exercises.lessons import sources
from exercises.lessons.common import BLUE, GREEN, GREY, LIGHT, ORANGE
from exercises.lessons.stats import proportion

EXAMPLE_DATASET = "brackenford_evaluation_responses"
REPORT_DATASET = "academy_evaluation"
ENVIRONMENT_VARIABLE = "ACADEMY_EVALUATION_CSV"
BASELINE, DAY5 = "baseline", "day 5"
STAGES: tuple[str, ...] = (BASELINE, DAY5)

AGREE_SCALE = ("Strongly disagree", "Disagree", "Neither agree nor disagree", "Agree", "Strongly agree")
RELEVANCE_SCALE = ("Not relevant", "Somewhat relevant", "Relevant", "Highly relevant")
RATING_SCALE = ("Poor", "Fair", "Good", "Excellent")
COMMITMENT_SCALE = ("Already taking action", "Planning to take action", "Not yet planning action")
ORGANISATION_TYPES = ("council", "NHS", "police", "voluntary sector", "other public body")
_YES = frozenset({"yes", "y", "true"})
_NO = frozenset({"no", "n", "false"})

Kind = Literal["scale", "yes/no", "text"]


@dataclass(frozen=True)
class Question:
    """One survey question: its CSV column, wording, answers and where it comes from.

    ``favourable`` are the answers counted as a good result in summaries (for example
    "Agree" and "Strongly agree"); ``report_facts`` are ``fact_id`` rows of the
    ``academy_evaluation`` dataset that report the same measure.
    """

    column: str
    label: str
    text: str
    kind: Kind
    stages: tuple[str, ...]
    answers: tuple[str, ...] = ()
    favourable: tuple[str, ...] = ()
    favourable_label: str = ""
    source: str = ""
    report_facts: tuple[str, ...] = ()


# Where the report's figures come from, as each question's source names them.
_PSTA = "PSTA survey of past participants (Public Service Transformation Academy, 2019)"
_SOMERSET_C1 = "Somerset cohort 1 (Fisk, Hearn and Howarth, 2019)"
_SOMERSET_BASELINE = (
    "Somerset's baseline survey found partners lacked relationships, mutual understanding, "
    "creativity and an outcome focus (Fisk, Hearn and Howarth, 2019, 'Somerset Academies')."
)

QUESTIONS: tuple[Question, ...] = (
    Question(
        "relationships",
        "Working relationships across the system",
        "I have the working relationships across the system that I need.",
        "scale",
        STAGES,
        AGREE_SCALE,
        AGREE_SCALE[3:],
        "agree",
        _SOMERSET_BASELINE,
    ),
    Question(
        "understand_partners",
        "Understanding how partners work",
        "I understand how partner organisations work.",
        "scale",
        STAGES,
        AGREE_SCALE,
        AGREE_SCALE[3:],
        "agree",
        _SOMERSET_BASELINE,
    ),
    Question(
        "outcome_focus",
        "Starting from outcomes",
        "Our work starts from the outcomes people need.",
        "scale",
        STAGES,
        AGREE_SCALE,
        AGREE_SCALE[3:],
        "agree",
        _SOMERSET_BASELINE,
    ),
    Question(
        "useful_connections",
        "Made useful connections",
        "I made useful connections through the academy.",
        "yes/no",
        (DAY5,),
        favourable_label="yes",
        source=f"{_PSTA}: 98%. {_SOMERSET_C1}: 100%.",
        report_facts=("psta_useful_connections", "somerset_c1_useful_connections"),
    ),
    Question(
        "learned_from_peers",
        "Learnt from other participants",
        "I learnt from other participants.",
        "yes/no",
        (DAY5,),
        favourable_label="yes",
        source=f"{_SOMERSET_C1}: 100%.",
        report_facts=("somerset_c1_learned_from_peers",),
    ),
    Question(
        "relevance",
        "Relevant to my learning needs",
        "How relevant was the academy to your learning needs?",
        "scale",
        (DAY5,),
        RELEVANCE_SCALE,
        RELEVANCE_SCALE[2:],
        "relevant or highly relevant",
        f"{_PSTA}: 91%. {_SOMERSET_C1}: 100%.",
        ("psta_relevance", "somerset_c1_relevance"),
    ),
    Question(
        "use_of_time",
        "Good use of time",
        "How good a use of your time was the academy?",
        "scale",
        (DAY5,),
        RATING_SCALE,
        RATING_SCALE[2:],
        "good or excellent",
        f"{_PSTA}: 91%. {_SOMERSET_C1}: 100%.",
        ("psta_use_of_time", "somerset_c1_use_of_time"),
    ),
    Question(
        "value_for_money",
        "Value for money",
        "How good was the academy as value for money?",
        "scale",
        (DAY5,),
        RATING_SCALE,
        RATING_SCALE[2:],
        "good or excellent",
        f"{_PSTA}: 88%.",
        ("psta_value_for_money",),
    ),
    Question(
        "would_recommend",
        "Would recommend it",
        "Would you recommend the academy to colleagues and peers?",
        "yes/no",
        (DAY5,),
        favourable_label="yes",
        source=f"{_PSTA}: 87%.",
        report_facts=("psta_would_recommend",),
    ),
    Question(
        "commitment",
        "Commitment to the 100-day plan",
        "What statement best reflects how committed you are to take action via your 100-day plan?",
        "scale",
        (DAY5,),
        COMMITMENT_SCALE,
        COMMITMENT_SCALE[:2],
        "already taking or planning action",
        "Somerset's day-5 question (Fisk, Hearn and Howarth, 2019); its values are missing from the report. "
        "'Not yet planning action' is the course's addition.",
    ),
    Question(
        "comment",
        "Comment",
        "Baseline: what do you hope to get from the academy? Day 5: one thing you will do next.",
        "text",
        STAGES,
    ),
)
QUESTION = {question.column: question for question in QUESTIONS}
BEFORE_AFTER: tuple[str, ...] = tuple(q.column for q in QUESTIONS if q.stages == STAGES and q.kind == "scale")

ID_COLUMN, ORGANISATION_COLUMN, STAGE_COLUMN = "respondent_id", "organisation_type", "stage"


def template_columns(stage: str) -> tuple[str, ...]:
    """The columns of the blank template for ``stage`` ("baseline" or "day 5"), in order."""
    if stage not in STAGES:
        raise ValueError(f"the stage must be one of: {', '.join(STAGES)}")
    return (ID_COLUMN, ORGANISATION_COLUMN, *(q.column for q in QUESTIONS if stage in q.stages))


COLUMNS: tuple[str, ...] = (ID_COLUMN, ORGANISATION_COLUMN, STAGE_COLUMN, *(q.column for q in QUESTIONS))


class EvaluationError(ValueError):
    """A responses file cannot be used. The message names the file, row and column."""


# ---------------------------------------------------------------------------------------
# Reading and checking a facilitator's files


def _decode(path: Path) -> str:
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise EvaluationError(f"There is no file at {path}. Check the name and folder.") from None
    except IsADirectoryError:
        raise EvaluationError(f"{path} is a folder, not a CSV file.") from None
    except OSError as error:
        raise EvaluationError(f"{path} could not be opened ({error.strerror or error}).") from None
    if raw.startswith(b"PK\x03\x04"):
        raise EvaluationError(
            f"{path.name} is not a CSV file: it looks like an Excel workbook. In Excel, choose "
            "File, Save As, and the type 'CSV UTF-8 (comma delimited)'; then use that file."
        )
    if b"\x00" in raw:
        raise EvaluationError(f"{path.name} is not a CSV file: row 1 holds data that is not text.")
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise EvaluationError(f"{path.name} is not a CSV file: row 1 holds characters that are not text.")


def _rows(text: str, name: str) -> list[list[str]]:
    if not text.strip():
        raise EvaluationError(f"{name} is empty: row 1 should be the column headings. Start from the blank template.")
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    rows: list[list[str]] = []
    try:
        for row in reader:
            rows.append(row)
    except csv.Error as error:
        raise EvaluationError(
            f"{name}, row {len(rows) + 1}: this row cannot be read as CSV ({error}). Check its quote marks."
        ) from None
    while rows and not any(cell.strip() for cell in rows[-1]):
        rows.pop()  # blank lines at the end
    return rows


def _header(row: list[str], name: str) -> tuple[list[str], str | None]:
    """Check the header row; return the cleaned headings and the stage the file holds."""
    headings = [cell.strip().lstrip("\ufeff") for cell in row]
    known = set(COLUMNS)
    if len(headings) == 1 and headings[0] not in known:
        if ";" in headings[0] or "\t" in headings[0]:
            raise EvaluationError(
                f"{name}, row 1: the values are separated by semicolons or tabs, not commas. "
                "Save the file again as 'CSV UTF-8 (comma delimited)'."
            )
        raise EvaluationError(
            f"{name} does not look like a responses file: row 1, column 1 should be the heading "
            f"'{ID_COLUMN}', but it holds '{headings[0][:40]}'. Start from the blank template."
        )
    for position, heading in enumerate(headings, start=1):
        if not heading:
            continue
        if headings.index(heading) + 1 != position:
            raise EvaluationError(
                f"{name}, row 1, column {position}: the heading '{heading}' appears twice "
                f"(also column {headings.index(heading) + 1}). Delete one of them."
            )
    if STAGE_COLUMN in headings:
        stage, expected = None, list(COLUMNS)
    elif any(q.column in headings for q in QUESTIONS if q.stages == (DAY5,)):
        stage, expected = DAY5, list(template_columns(DAY5))
    else:
        stage, expected = BASELINE, list(template_columns(BASELINE))
    missing = [column for column in expected if column not in headings]
    if missing:
        which = "a combined" if stage is None else f"the {stage}"
        raise EvaluationError(
            f"{name}, row 1: the column '{missing[0]}' is missing"
            + (f" (and {len(missing) - 1} more: {', '.join(missing[1:])})" if len(missing) > 1 else "")
            + f". This looks like {which} survey file; copy the headings from the blank template."
        )
    return headings, stage


def _cell_error(name: str, row: int, column: str, problem: str) -> EvaluationError:
    return EvaluationError(f"{name}, row {row}, column '{column}': {problem}")


def _match(value: str, allowed: Sequence[str]) -> str | None:
    folded = " ".join(value.split()).casefold()
    return next((option for option in allowed if option.casefold() == folded), None)


def _parse_cell(value: str, column: str, name: str, row: int) -> Any:
    value = value.strip()
    if column == ID_COLUMN:
        if not value:
            raise _cell_error(name, row, column, "it is empty. Every response needs a respondent number.")
        if not re.fullmatch(r"\d+", value) or int(value) < 1:
            raise _cell_error(name, row, column, f"'{value}' is not a whole number of 1 or more.")
        return int(value)
    if column == STAGE_COLUMN:
        stage = _match(value, STAGES)
        if stage is None:
            raise _cell_error(name, row, column, f"'{value}' is not a stage: write 'baseline' or 'day 5'.")
        return stage
    if column == ORGANISATION_COLUMN:
        return _choice(value, ORGANISATION_TYPES, column, name, row)
    question = QUESTION[column]
    if question.kind == "text":
        return value or None
    if question.kind == "yes/no":
        if not value:
            return None
        if value.casefold() in _YES:
            return True
        if value.casefold() in _NO:
            return False
        raise _cell_error(name, row, column, f"'{value}' is not an answer: write yes or no, or leave it empty.")
    return _choice(value, question.answers, column, name, row)


def _choice(value: str, allowed: Sequence[str], column: str, name: str, row: int) -> str | None:
    if not value:
        return None
    match = _match(value, allowed)
    if match is None:
        raise _cell_error(
            name, row, column, f"'{value}' is not one of the answers: {', '.join(allowed)} (or leave it empty)."
        )
    return match


def _frame(records: list[dict[str, Any]]) -> pd.DataFrame:
    """Typed responses: ids as Int64, answers as ordered categories, yes/no as boolean."""
    frame = pd.DataFrame.from_records(records, columns=list(COLUMNS))
    typed: dict[str, pd.Series] = {
        ID_COLUMN: frame[ID_COLUMN].astype("Int64"),
        ORGANISATION_COLUMN: pd.Categorical(frame[ORGANISATION_COLUMN], categories=ORGANISATION_TYPES),
        STAGE_COLUMN: pd.Categorical(frame[STAGE_COLUMN], categories=STAGES, ordered=True),
    }
    for question in QUESTIONS:
        values = frame[question.column]
        if question.kind == "text":
            typed[question.column] = values.astype("string")
        elif question.kind == "yes/no":
            typed[question.column] = values.astype("boolean")
        else:
            typed[question.column] = pd.Categorical(values, categories=question.answers, ordered=True)
    return pd.DataFrame(typed)


def read_file(path: str | Path) -> pd.DataFrame:
    """Read and check one responses file; return typed responses with a ``stage`` column.

    The file may be the baseline template, the day-5 template, or a combined file with a
    ``stage`` column (the layout of the synthetic example). Extra columns are ignored;
    empty answers count as skipped. Raises :class:`EvaluationError` naming the row and
    column of the first problem.
    """
    path = Path(path)
    name = path.name
    rows = _rows(_decode(path), name)
    headings, stage = _header(rows[0], name)
    if len(rows) == 1:
        raise EvaluationError(f"{name} has column headings but no responses: row 2 is empty.")
    wanted = [(position, heading) for position, heading in enumerate(headings) if heading in COLUMNS]
    records: list[dict[str, Any]] = []
    seen: dict[tuple[Any, Any], int] = {}
    for number, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue  # a blank line between responses
        if len(row) > len(headings):
            extra = next((i for i in range(len(headings), len(row)) if row[i].strip()), None)
            if extra is not None:
                raise EvaluationError(
                    f"{name}, row {number}, column {extra + 1}: this row has {len(row)} values but the header "
                    f"row has {len(headings)} columns. An answer with a comma in it may need quotes around it."
                )
        record: dict[str, Any] = {STAGE_COLUMN: stage}
        for position, heading in wanted:
            cell = row[position] if position < len(row) else ""
            record[heading] = _parse_cell(cell, heading, name, number)
        for question in QUESTIONS:
            if record[STAGE_COLUMN] not in question.stages and record.get(question.column) is not None:
                raise _cell_error(
                    name,
                    number,
                    question.column,
                    f"this question is not asked in the {record[STAGE_COLUMN]} survey; leave it empty.",
                )
        key = (record[ID_COLUMN], record[STAGE_COLUMN])
        if key in seen:
            raise _cell_error(
                name, number, ID_COLUMN, f"respondent {key[0]} already answered the {key[1]} survey in row {seen[key]}."
            )
        seen[key] = number
        records.append(record)
    return _frame(records)


def read_responses(paths: str | Path | Iterable[str | Path]) -> pd.DataFrame:
    """Read and check one or more responses files (for example the baseline and day-5 ones).

    Returns one typed table with a ``stage`` column. Raises :class:`EvaluationError` if
    a file cannot be used, or if two files hold the same stage for the same respondent.
    """
    if isinstance(paths, (str, Path)):
        paths = [paths]
    files = [Path(p) for p in paths]
    if not files:
        raise EvaluationError("No responses file was given.")
    frames: list[pd.DataFrame] = []
    owner: dict[tuple[Any, Any], str] = {}
    for path in files:
        frame = read_file(path)
        for respondent, stage in zip(frame[ID_COLUMN], frame[STAGE_COLUMN], strict=True):
            if (respondent, stage) in owner:
                raise EvaluationError(
                    f"{path.name}, column '{ID_COLUMN}': respondent {respondent}'s {stage} answers are also in "
                    f"{owner[(respondent, stage)]}. Use each survey's file once."
                )
            owner[(respondent, stage)] = path.name
        frames.append(frame)
    return pd.concat(frames, ignore_index=True)


def paths_from_environment(environ: Mapping[str, str] | None = None) -> list[Path]:
    """The files named by ``ACADEMY_EVALUATION_CSV`` (several separated by ``os.pathsep``)."""
    value = (os.environ if environ is None else environ).get(ENVIRONMENT_VARIABLE, "")
    return [Path(part).expanduser() for part in value.split(os.pathsep) if part.strip()]


def example_cohort() -> pd.DataFrame:
    """The synthetic Brackenford cohort (``brackenford_evaluation_responses``), in the reader's types."""
    from exercises import data

    frame = data.load(EXAMPLE_DATASET)
    records = frame[list(COLUMNS)].astype(object).where(frame[list(COLUMNS)].notna(), None).to_dict("records")
    return _frame(records)


# ---------------------------------------------------------------------------------------
# Summaries


def _favourable(values: pd.Series, question: Question) -> pd.Series:
    """True, False or missing (skipped) for each answer."""
    if question.kind == "yes/no":
        return values.astype("boolean")
    flags = values.astype(object).map(lambda v: None if pd.isna(v) else v in question.favourable)
    return flags.astype("boolean")


def stage_summary(responses: pd.DataFrame, stage: str) -> pd.DataFrame:
    """For each closed question asked at ``stage``: answered, skipped, favourable, per cent, interval.

    Indexed by question label. ``Per cent`` is of those who answered (skipped answers are
    left out), with a 95% Wilson interval (``Low (%)``, ``High (%)``); empty when nobody answered.
    """
    part = responses[responses[STAGE_COLUMN] == stage]
    rows = []
    for question in QUESTIONS:
        if stage not in question.stages or question.kind == "text":
            continue
        flags = _favourable(part[question.column], question).dropna()
        answered, yes = len(flags), int(flags.sum())
        share = proportion(yes, answered) if answered else None
        rows.append(
            {
                "Question": question.label,
                "Counted as favourable": question.favourable_label or ", ".join(question.favourable),
                "Answered": answered,
                "Skipped": len(part) - answered,
                "Favourable": yes,
                "Per cent": 100 * share.estimate if share else float("nan"),
                "Low (%)": 100 * share.low if share else float("nan"),
                "High (%)": 100 * share.high if share else float("nan"),
            }
        )
    return pd.DataFrame(rows).set_index("Question")


def before_after(responses: pd.DataFrame) -> pd.DataFrame:
    """Baseline against day 5 for the statements asked at both.

    For each statement: the share agreeing at baseline and on day 5 (of those who
    answered each time), the change in percentage points, and, for people who answered
    both times, how many moved up the scale, stayed, or moved down.
    """
    base = responses[responses[STAGE_COLUMN] == BASELINE].set_index(ID_COLUMN)
    last = responses[responses[STAGE_COLUMN] == DAY5].set_index(ID_COLUMN)
    rows = []
    for column in BEFORE_AFTER:
        question = QUESTION[column]
        before = _favourable(base[column], question).dropna()
        after = _favourable(last[column], question).dropna()
        pairs = pd.concat(
            [base[column].cat.codes.rename("before"), last[column].cat.codes.rename("after")], axis=1, join="inner"
        )
        pairs = pairs[(pairs["before"] >= 0) & (pairs["after"] >= 0)]  # code -1 is a skipped answer
        before_pct = 100 * before.mean() if len(before) else float("nan")
        after_pct = 100 * after.mean() if len(after) else float("nan")
        rows.append(
            {
                "Statement": question.text,
                "Baseline answers": len(before),
                "Baseline agree (%)": before_pct,
                "Day 5 answers": len(after),
                "Day 5 agree (%)": after_pct,
                "Change (points)": after_pct - before_pct,
                "Answered both": len(pairs),
                "Moved up": int((pairs["after"] > pairs["before"]).sum()),
                "Same": int((pairs["after"] == pairs["before"]).sum()),
                "Moved down": int((pairs["after"] < pairs["before"]).sum()),
            }
        )
    return pd.DataFrame(rows).set_index("Statement")


def answer_counts(responses: pd.DataFrame, column: str, stage: str = DAY5) -> pd.DataFrame:
    """How many chose each answer to ``column`` at ``stage``, with the share of those who answered."""
    question = QUESTION[column]
    values = responses.loc[responses[STAGE_COLUMN] == stage, column]
    if question.kind == "yes/no":
        values = values.map(lambda v: None if pd.isna(v) else ("Yes" if v else "No"))
        order: Sequence[str] = ("Yes", "No")
    else:
        order = question.answers
    counts = values.value_counts().reindex(order, fill_value=0).astype(int)
    total = int(counts.sum())
    return pd.DataFrame({"Answers": counts, "Per cent": 100 * counts / total if total else float("nan")})


def compare_with_report(summary: pd.DataFrame, facts: pd.DataFrame | None = None) -> pd.DataFrame:
    """This cohort's day-5 shares beside the report's figures for the same measures, with the
    articles they come from by author and year ("Fisk and others (2019)").

    ``summary`` is ``stage_summary(responses, "day 5")``; ``facts`` the ``academy_evaluation``
    dataset (loaded if not given). The report gives no number of people answering.
    """
    if facts is None:
        from exercises import data

        facts = data.load(REPORT_DATASET)
    by_id = facts.set_index("fact_id")
    rows = []
    for question in QUESTIONS:
        if not question.report_facts or question.label not in summary.index:
            continue
        row = {
            "Measure": question.label,
            "This cohort (%)": summary.loc[question.label, "Per cent"],
            "Answered": summary.loc[question.label, "Answered"],
            "PSTA survey (%)": float("nan"),
            "Somerset cohort 1 (%)": float("nan"),
            "Source": "",
        }
        cited = []
        for fact_id in question.report_facts:
            fact = by_id.loc[fact_id]
            target = "PSTA survey (%)" if fact_id.startswith("psta_") else "Somerset cohort 1 (%)"
            row[target] = float(fact["value"])
            article = sources.article(str(fact["article"]))
            cited.append(f"{article.surnames} ({sources.REPORT_YEAR})")
        row["Source"] = "; ".join(dict.fromkeys(cited))
        rows.append(row)
    return pd.DataFrame(rows).set_index("Measure")


# ---------------------------------------------------------------------------------------
# Free-text themes

# Each theme is a list of word beginnings: "connect" matches "connect", "connections" and
# "connecting". Matching ignores case and only looks at the start of words, so "data"
# does not match "update". A comment can belong to several themes, or to none.
THEMES: dict[str, tuple[str, ...]] = {
    "Relationships and connections": (
        "connect",
        "relationship",
        "network",
        "meet",
        "met ",
        "partner",
        "colleague",
        "people from",
        "talk",
    ),
    "Data and evidence": ("data", "evidence", "measur", "figures", "intelligence", "run chart"),
    "Communities, assets and co-production": (
        "communit",
        "asset",
        "resident",
        "co-produc",
        "coproduc",
        "voluntary",
        "volunteer",
        "citizen",
    ),
    "Testing and improving": ("test", "pilot", "prototyp", "trial", "experiment", "run chart", "improv"),
    "Outcomes": ("outcome",),
    "The challenge project and plan": ("project", "plan", "focus", "100-day", "hundred day", "action"),
    "Senior support and sign-off": ("senior", "sign-off", "sign off", "sponsor", "leader", "permission"),
    "Time and workload": ("time", "workload", "busy", "too much", "day job", "capacity"),
}


def _theme_patterns(themes: Mapping[str, Sequence[str]]) -> dict[str, re.Pattern[str]]:
    return {
        theme: re.compile(
            "|".join(r"\b" + re.escape(word.strip()) + (r"\b" if word.endswith(" ") else "") for word in words),
            re.IGNORECASE,
        )
        for theme, words in themes.items()
    }


def comment_themes(comment: str, themes: Mapping[str, Sequence[str]] = THEMES) -> list[str]:
    """The themes whose keywords appear in ``comment``, in the order of ``themes``."""
    return [theme for theme, pattern in _theme_patterns(themes).items() if pattern.search(comment or "")]


def theme_counts(
    responses: pd.DataFrame, stage: str | None = None, themes: Mapping[str, Sequence[str]] = THEMES
) -> pd.DataFrame:
    """How many comments mention each theme (a comment counts once per theme), most first.

    Also a row "No theme found" for comments matching none. ``Per cent`` is of all
    comments at that stage (or both stages when ``stage`` is None); ``Example`` is the
    first matching comment.
    """
    part = responses if stage is None else responses[responses[STAGE_COLUMN] == stage]
    comments = [c for c in part["comment"].dropna().astype(str) if c.strip()]
    counts = {theme: 0 for theme in themes}
    examples: dict[str, str] = {}
    unmatched = 0
    for comment in comments:
        found = comment_themes(comment, themes)
        unmatched += not found
        for theme in found:
            counts[theme] += 1
            examples.setdefault(theme, comment)
    rows: list[dict[str, Any]] = [
        {"Theme": theme, "Comments": n, "Example": examples.get(theme, "")} for theme, n in counts.items()
    ]
    rows.sort(key=lambda row: -int(row["Comments"]))  # stable: ties keep the order of THEMES
    rows.append(
        {
            "Theme": "No theme found",
            "Comments": unmatched,
            "Example": next((c for c in comments if not comment_themes(c, themes)), ""),
        }
    )
    table = pd.DataFrame(rows).set_index("Theme")
    table.insert(1, "Per cent", 100 * table["Comments"] / len(comments) if comments else float("nan"))
    return table


# ---------------------------------------------------------------------------------------
# Charts (matplotlib Figures; show them with exercises.widgets.show_chart)


def _wrap(text: str, width: int) -> str:
    import textwrap

    return "\n".join(textwrap.wrap(text, width))


def before_after_chart(table: pd.DataFrame, title_suffix: str = "") -> Any:
    """Paired bars: the share agreeing with each statement at baseline and on day 5."""
    from matplotlib.figure import Figure

    figure = Figure(figsize=(8, 3.8))
    axes = figure.add_subplot()
    positions = range(len(table))
    height = 0.38
    for offset, column, colour, label in (
        (-height / 2, "Baseline agree (%)", GREY, "Baseline (before Day 1)"),
        (height / 2, "Day 5 agree (%)", BLUE, "Day 5"),
    ):
        values = table[column].fillna(0)
        axes.barh([p + offset for p in positions], values, height=height, color=colour, label=label)
        for p, value in zip(positions, table[column], strict=True):
            if pd.notna(value):
                axes.text(value + 1, p + offset, f"{value:.0f}%", va="center", fontsize=9)
    axes.set_yticks(list(positions), [_wrap(s, 34) for s in table.index], fontsize=9)
    axes.invert_yaxis()
    axes.set_xlim(0, 110)
    axes.set_xlabel("Agree or strongly agree (% of those who answered)")
    axes.set_title("Before and after: the building blocks of joint working" + title_suffix)
    axes.legend(loc="lower right", fontsize=9)
    return figure


def report_comparison_chart(table: pd.DataFrame, title_suffix: str = "") -> Any:
    """Bars for this cohort's day-5 shares, with the report's figures marked beside them."""
    from matplotlib.figure import Figure

    figure = Figure(figsize=(8, 4.2))
    axes = figure.add_subplot()
    positions = list(range(len(table)))
    axes.barh(positions, table["This cohort (%)"].fillna(0), color=BLUE, label="This cohort")
    axes.scatter(
        table["PSTA survey (%)"],
        positions,
        marker="D",
        color=ORANGE,
        zorder=3,
        label="PSTA survey of past participants (2019 report)",
    )
    axes.scatter(
        table["Somerset cohort 1 (%)"],
        positions,
        marker="s",
        color=GREEN,
        zorder=3,
        label="Somerset cohort 1, day 5 (2019 report)",
    )
    for p, value in zip(positions, table["This cohort (%)"], strict=True):
        if pd.notna(value):
            axes.text(2, p, f"{value:.0f}%", va="center", color="white", fontsize=9, fontweight="bold")
    axes.set_yticks(positions, list(table.index), fontsize=9)
    axes.invert_yaxis()
    axes.set_xlim(0, 105)
    axes.set_xlabel("Favourable answers (%)")
    axes.set_title("Day 5: this cohort beside the report's figures" + title_suffix)
    axes.legend(loc="upper center", bbox_to_anchor=(0.5, -0.18), fontsize=8.5, ncol=1, frameon=False)
    return figure


def answers_chart(counts: pd.DataFrame, question: str, title_suffix: str = "") -> Any:
    """Bars of how many chose each answer (from :func:`answer_counts`)."""
    from matplotlib.figure import Figure

    figure = Figure(figsize=(7.5, 0.5 * len(counts) + 1.8))
    axes = figure.add_subplot()
    colours = [BLUE if i < 2 else GREY for i in range(len(counts))] if question == "commitment" else BLUE
    axes.barh(list(counts.index), counts["Answers"], color=colours)
    for y, n in enumerate(counts["Answers"]):
        axes.text(n + 0.2, y, str(n), va="center", fontsize=9)
    axes.invert_yaxis()
    axes.set_xlabel("Number of people")
    axes.set_xlim(0, max(1, int(counts["Answers"].max())) * 1.15)
    axes.set_title(_wrap(QUESTION[question].text, 70) + title_suffix, fontsize=10)
    axes.set_facecolor(LIGHT)
    return figure


def theme_chart(table: pd.DataFrame, title_suffix: str = "") -> Any:
    """Bars of how many comments mention each theme (from :func:`theme_counts`)."""
    from matplotlib.figure import Figure

    figure = Figure(figsize=(8, 0.42 * len(table) + 1.6))
    axes = figure.add_subplot()
    colours = [GREY if theme == "No theme found" else BLUE for theme in table.index]
    axes.barh(list(table.index), table["Comments"], color=colours)
    for y, n in enumerate(table["Comments"]):
        axes.text(n + 0.2, y, str(n), va="center", fontsize=9)
    axes.invert_yaxis()
    axes.set_xlabel("Number of comments mentioning the theme (a comment can mention several)")
    axes.set_xlim(0, max(1, int(table["Comments"].max())) * 1.15)
    axes.set_title("Themes in the free-text comments" + title_suffix)
    return figure
