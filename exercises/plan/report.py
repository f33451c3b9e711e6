"""The cohort report: every team's plan under a folder, in one self-contained HTML page.

For each team: the challenge, outcomes, the 100-day timeline, and status at the
follow-up; across teams: a summary table and every ask of senior leaders. Files that are
not valid plans are listed with the reasons, and the report is still written.

The work grows in step with the number of plans, and memory barely at all: each file is
read once, its section of the page is written straight to a temporary file (timelines
are SVG text, not matplotlib figures), and only a summary row and its asks are kept.
"""

from __future__ import annotations

import os
import tempfile
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from html import escape
from pathlib import Path
from typing import TextIO

from exercises.plan.document import (
    ACTION_HEADERS,
    FOLLOW_UP_HEADERS,
    Table,
    action_rows,
    count,
    follow_up_rows,
    long_date,
)
from exercises.plan.export_html import page_end, page_start, paragraphs, table_html
from exercises.plan.model import COMMITMENT_LEVELS, RAG_RATINGS, Plan
from exercises.plan.store import PlanProblem, load_plan
from exercises.plan.timeline import short, timeline_svg
from exercises.storage import atomic_write_chunks

PLAN_SUFFIXES = (".yaml", ".yml")
DEFAULT_TITLE = "Cohort report: challenge projects and 100-day plans"
Progress = Callable[[Iterable[Path], int], Iterable[Path]]


@dataclass
class TeamEntry:
    """What the report keeps about one valid plan."""

    file: str
    anchor: str
    plan_summary: list[str]
    asks: list[list[str]]
    commitment: str
    rag: Counter[str]


@dataclass
class InvalidFile:
    file: str
    messages: list[str]


@dataclass
class Cohort:
    """Everything read from a cohort folder, ready to write as a page."""

    folder: Path
    teams: list[TeamEntry] = field(default_factory=list)
    invalid: list[InvalidFile] = field(default_factory=list)


def find_plan_files(folder: str | Path) -> list[Path]:
    """Every ``*.yaml`` / ``*.yml`` file under ``folder``, in a stable order.

    Hidden files and folders (names starting with a dot, such as ``.ipynb_checkpoints``
    or a save in progress) are skipped.
    """
    found: list[Path] = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        found.extend(
            Path(root) / name
            for name in sorted(files)
            if name.lower().endswith(PLAN_SUFFIXES) and not name.startswith(".")
        )
    return found


def read_cohort(folder: str | Path, sections: TextIO, progress: Progress | None = None) -> Cohort:
    """Read every plan under ``folder``, writing each team's section of the page to ``sections``.

    Files that are not valid plans are recorded with the reasons; they never stop the report.
    """
    folder = Path(folder)
    cohort = Cohort(folder)
    files = find_plan_files(folder)
    for path in progress(files, len(files)) if progress else files:
        name = _relative(path, folder)
        try:
            plan = load_plan(path)
        except PlanProblem as problem:
            cohort.invalid.append(InvalidFile(name, problem.messages))
            continue
        anchor = f"team-{len(cohort.teams) + 1}"
        cohort.teams.append(_team_entry(plan, name, anchor))
        sections.write(_team_section(plan, name, anchor))
    return cohort


def _relative(path: Path, folder: Path) -> str:
    try:
        return path.relative_to(folder).as_posix()
    except ValueError:
        return str(path)


def _team_entry(plan: Plan, file: str, anchor: str) -> TeamEntry:
    statuses = Counter(action.status for action in plan.hundred_day_plan.actions)
    rag = Counter[str](review.rag for review in plan.follow_up.reviews)
    summary = [
        plan.team.name,
        short(plan.challenge.statement, 160) or "Not written yet",
        str(len(plan.hundred_day_plan.actions)),
        str(statuses["done"]),
        str(statuses["in progress"]),
        _rag_text(rag) if plan.follow_up.reviews else "not yet",
        plan.commitment,
    ]
    asks = [[plan.team.name, ask.ask, ask.of_whom, ask.why, ask.by_when] for ask in plan.asks]
    return TeamEntry(file, anchor, summary, asks, plan.commitment, rag)


def _rag_text(rag: Counter[str]) -> str:
    return ", ".join(f"{rag[colour]} {colour}" for colour in RAG_RATINGS if rag[colour]) or "none"


def _team_section(plan: Plan, file: str, anchor: str) -> str:
    outcome_rows: list[list[str]] = []
    for outcome in plan.outcomes:
        outcome_rows += [[outcome.outcome, i.indicator, i.baseline, i.target, i.by_when] for i in outcome.indicators]
        if not outcome.indicators:
            outcome_rows.append([outcome.outcome, "", "", "", ""])
    parts = [
        f'<section id="{anchor}" aria-labelledby="{anchor}-heading">',
        f'<h3 id="{anchor}-heading">{escape(plan.team.name)}</h3>',
        f"<p><small>File: {escape(file)}</small></p>",
        paragraphs(plan.challenge.statement or "Not written yet.", "Challenge"),
        paragraphs(plan.team.sponsor or "Not named yet.", "Sponsor"),
        paragraphs(plan.commitment.capitalize(), "Commitment"),
        "<h4>Outcomes</h4>",
        (
            table_html(
                Table(
                    f"Outcomes: {short(plan.team.name, 60)}",
                    ["Outcome", "Indicator", "Baseline", "Target", "By when"],
                    outcome_rows,
                )
            )
            if outcome_rows
            else "<p>No outcomes yet.</p>"
        ),
        "<h4>100-day timeline</h4>",
    ]
    if plan.hundred_day_plan.actions or plan.hundred_day_plan.milestones:
        parts.append(f"<figure>{timeline_svg(plan, f'{anchor}-timeline')}</figure>")
        parts.append(
            "<details><summary>Actions as a table</summary>"
            + table_html(Table(f"Actions: {short(plan.team.name, 60)}", ACTION_HEADERS, action_rows(plan)))
            + "</details>"
        )
    else:
        parts.append("<p>No actions yet.</p>")
    parts.append("<h4>Status at the 100-day follow-up</h4>")
    follow_up = plan.follow_up
    if follow_up.reviews or follow_up.summary:
        if follow_up.review_date:
            parts.append(paragraphs(long_date(follow_up.review_date), "Review date"))
        if follow_up.summary:
            parts.append(paragraphs(follow_up.summary, "Summary"))
        parts.append(
            table_html(Table(f"Follow-up: {short(plan.team.name, 60)}", FOLLOW_UP_HEADERS, follow_up_rows(plan)))
        )
    else:
        parts.append("<p>The follow-up review has not happened yet.</p>")
    parts.append("</section>\n")
    return "\n".join(parts)


def _report_page(cohort: Cohort, title: str, sections: TextIO) -> Iterator[str]:
    """The page, piece by piece; the teams' sections are copied from ``sections``."""
    teams, invalid = cohort.teams, cohort.invalid
    yield page_start(title)
    yield f"<h1>{escape(title)}</h1>"
    yield paragraphs(f"{long_date(date.today())}. Plans read from {cohort.folder}.", "Made on")
    commitments = Counter(team.commitment for team in teams)
    rag = sum((team.rag for team in teams), Counter())
    yield (
        "<ul>"
        f"<li>{count(len(teams), 'valid plan')}</li>"
        f"<li>{count(len(invalid), 'file')} that could not be read as a plan"
        + (' (see <a href="#problems">files with problems</a>)' if invalid else "")
        + "</li>"
        f"<li>Commitment: {escape(', '.join(f'{commitments[level]} {level}' for level in COMMITMENT_LEVELS))}</li>"
        f"<li>Actions reviewed at the follow-up: {escape(_rag_text(rag))}</li>"
        "</ul>"
    )
    yield "<h2>Summary</h2>"
    headers = ["Team", "Challenge", "Actions", "Done", "In progress", "Follow-up ratings", "Commitment"]
    rows = "".join(
        f'<tr><td><a href="#{team.anchor}">{escape(team.plan_summary[0])}</a></td>'
        + "".join(f"<td>{escape(cell)}</td>" for cell in team.plan_summary[1:])
        + "</tr>"
        for team in teams
    )
    head = "".join(f'<th scope="col">{escape(h)}</th>' for h in headers)
    yield f"<table><caption>Every team's plan</caption><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>"
    yield "<h2>Asks of senior leaders</h2>"
    asks = [ask for team in teams for ask in team.asks]
    yield (
        table_html(Table("What teams need from senior leaders", ["Team", "Ask", "Of whom", "Why", "By when"], asks))
        if asks
        else "<p>No team has asked anything yet.</p>"
    )
    yield "<h2>Teams</h2>"
    sections.seek(0)
    while chunk := sections.read(1 << 20):
        yield chunk
    if not teams:
        yield "<p>No valid plans were found.</p>"
    yield '<h2 id="problems">Files with problems</h2>'
    if invalid:
        yield from _problem_table(invalid)
    else:
        yield "<p>None: every file was a valid plan.</p>"
    yield page_end()


def _problem_table(invalid: list[InvalidFile]) -> Iterator[str]:
    yield "<p>These files are not valid plans, so they are not in the report above. Fix them and run the report again.</p>"
    rows = "".join(
        f'<tr class="problem"><td>{escape(item.file)}</td><td><ul>'
        + "".join(f"<li>{escape(message)}</li>" for message in item.messages)
        + "</ul></td></tr>"
        for item in invalid
    )
    yield (
        "<table><caption>Files that could not be read as plans</caption>"
        f'<thead><tr><th scope="col">File</th><th scope="col">Problems</th></tr></thead><tbody>{rows}</tbody></table>'
    )


def write_cohort_report(
    folder: str | Path, out: str | Path, title: str = DEFAULT_TITLE, progress: Progress | None = None
) -> Cohort:
    """Read every plan under ``folder`` and write the report page to ``out`` (atomically)."""
    with tempfile.TemporaryFile("w+", encoding="utf-8") as sections:
        cohort = read_cohort(folder, sections, progress)
        atomic_write_chunks(out, _report_page(cohort, title, sections))
    return cohort
