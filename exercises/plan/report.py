"""The cohort report: every team's plan under a folder, as an index page and one page per team.

The index is what a programme lead opens: one row per team, with the flags that say which
teams need help and why (the warnings of :mod:`exercises.plan.quality`, overdue actions,
red ratings, two files for one team), sortable and filterable, and every file that could
not be read. Each team's page holds its challenge, outcomes, timeline, actions, risk
register, asks, peer challenge and follow-up. The index stays small however many teams
there are, so it opens quickly; the team pages are only read when followed.

The work grows in step with the number of plans, and memory barely at all: each file is
read once, its page is written at once, and only its summary row is kept. With many plans
the files are read in several processes (one per core).
"""

from __future__ import annotations

import os
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from exercises.plan.dates import day_date
from exercises.plan.model import Plan
from exercises.plan.quality import PlanWarning, flag_summary, plan_warnings
from exercises.plan.report_pages import index_page, team_page
from exercises.plan.risk_scores import risk_score
from exercises.plan.store import PlanProblem, load_plan
from exercises.plan.timeline import short
from exercises.storage import atomic_write_chunks

PLAN_SUFFIXES = (".yaml", ".yml")
DEFAULT_TITLE = "Cohort report: challenge projects and 100-day plans"
PARALLEL_FROM = 200  # plans: below this, starting worker processes costs more than it saves
Progress = Callable[[Iterable[Any], int], Iterable[Any]]


@dataclass
class TeamEntry:
    """What the index keeps about one valid plan: its summary row and asks."""

    name: str
    file: str
    page: str  # the team page, relative to the index
    challenge: str
    actions: int
    done: int
    overdue: int
    rag: Counter[str]
    high_risks: int
    peer_rounds: int
    concerns: int
    flags: list[str]
    warnings: int
    commitment: str
    asks: list[list[str]]
    duplicates: list[str] = field(default_factory=list)  # other files that describe the same team


@dataclass
class InvalidFile:
    file: str
    messages: list[str]


@dataclass
class Cohort:
    """Everything read from a cohort folder, ready to write as pages."""

    folder: Path
    teams: list[TeamEntry] = field(default_factory=list)
    invalid: list[InvalidFile] = field(default_factory=list)
    duplicates: list[list[str]] = field(default_factory=list)  # groups of files for one team
    made_on: date = field(default_factory=date.today)


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


def pages_folder(out: Path) -> Path:
    """Where the team pages go: beside the index, named after it (report.html → report-teams/)."""
    return out.parent / f"{out.stem}-teams"


def team_key(name: str) -> str:
    """A team name compared loosely: case, spaces and punctuation do not matter."""
    return " ".join(re.sub(r"[^\w]+", " ", name.casefold()).split())


# --- Reading one plan (in this process or a worker) --------------------------------------


@dataclass(frozen=True)
class _Job:
    path: Path
    file: str  # relative to the folder given
    page_path: Path
    page_href: str
    index_href: str
    title: str
    today: date


def _read_one(job: _Job) -> TeamEntry | InvalidFile:
    try:
        plan = load_plan(job.path)
    except PlanProblem as problem:
        # Messages name the file as it was opened; show it relative to the folder instead.
        return InvalidFile(job.file, [message.replace(str(job.path), job.file) for message in problem.messages])
    warnings = plan_warnings(plan)
    _write_page(job.page_path, team_page(plan, job.file, warnings, job.index_href, job.title))
    return _entry(plan, job, warnings)


def _write_page(path: Path, text: str) -> None:
    """Write a team page whole (through a temporary file and a rename), without waiting for the disk.

    A team page can always be made again, so it skips the ``fsync`` a plan's save needs:
    with thousands of pages that wait would be most of the report's time.
    """
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    temporary.write_text(text, encoding="utf-8")
    os.replace(temporary, path)


def _entry(plan: Plan, job: _Job, warnings: list[PlanWarning]) -> TeamEntry:
    actions = plan.hundred_day_plan.actions
    overdue = 0
    for action in actions:
        due = day_date(plan, action.end_day)
        if due and due < job.today and action.status not in ("done", "dropped"):
            overdue += 1
    return TeamEntry(
        name=plan.team.name,
        file=job.file,
        page=job.page_href,
        challenge=short(plan.challenge.statement, 90),
        actions=len(actions),
        done=sum(action.status == "done" for action in actions),
        overdue=overdue,
        rag=Counter(str(review.rag) for review in plan.follow_up.reviews),
        high_risks=sum((risk_score(risk) or 0) >= 6 for risk in plan.risks),
        peer_rounds=len(plan.peer_challenge),
        concerns=sum(len(feedback.concerns) for feedback in plan.peer_challenge),
        flags=flag_summary(warnings),
        warnings=len(warnings),
        commitment=plan.commitment,
        asks=[[plan.team.name, ask.ask, ask.of_whom, ask.why, ask.by_when] for ask in plan.asks],
    )


def _relative(path: Path, folder: Path) -> str:
    try:
        return path.relative_to(folder).as_posix()
    except ValueError:
        return path.name


# --- The whole cohort -----------------------------------------------------------------------


def read_cohort(
    folder: str | Path,
    pages: Path,
    index_href: str,
    title: str = DEFAULT_TITLE,
    progress: Progress | None = None,
    workers: int | None = None,
    today: date | None = None,
) -> Cohort:
    """Read every plan under ``folder``, writing each team's page into ``pages``.

    Files that are not valid plans are recorded with the reasons; they never stop the report.
    ``workers`` processes read the plans (default: one per core, for a large cohort).
    """
    folder = Path(folder)
    cohort = Cohort(folder, made_on=today or date.today())
    files = find_plan_files(folder)
    jobs = [
        _Job(
            path,
            _relative(path, folder),
            pages / f"team-{number:05d}.html",
            f"{pages.name}/team-{number:05d}.html",
            index_href,
            title,
            cohort.made_on,
        )
        for number, path in enumerate(files, start=1)
    ]
    pages.mkdir(parents=True, exist_ok=True)
    for result in progress(_results(jobs, workers), len(jobs)) if progress else _results(jobs, workers):
        if isinstance(result, InvalidFile):
            cohort.invalid.append(result)
        else:
            cohort.teams.append(result)
    _remove_stale_pages(pages, {job.page_path.name for job in jobs})
    cohort.duplicates = mark_duplicates(cohort.teams)
    return cohort


def _results(jobs: list[_Job], workers: int | None) -> Iterator[TeamEntry | InvalidFile]:
    workers = workers or (os.cpu_count() or 1)
    if workers <= 1 or len(jobs) < PARALLEL_FROM:
        yield from map(_read_one, jobs)
        return
    with ProcessPoolExecutor(max_workers=workers) as pool:
        yield from pool.map(_read_one, jobs, chunksize=max(1, min(100, len(jobs) // (workers * 8))))


def _remove_stale_pages(pages: Path, keep: set[str]) -> None:
    """Pages from an earlier, larger report would link to the wrong team: remove them."""
    for old in pages.glob("team-*.html"):
        if old.name not in keep:
            old.unlink(missing_ok=True)


def mark_duplicates(teams: list[TeamEntry]) -> list[list[str]]:
    """Groups of files that seem to describe one team: the same team name, or two plans in one folder.

    A stray copy (``plan (1).yaml`` beside ``plan.yaml``) is the usual cause. Every file
    stays in the report, each marked with the others, so nothing is hidden.
    """
    groups: dict[str, list[TeamEntry]] = {}
    for team in teams:
        groups.setdefault(f"name:{team_key(team.name)}", []).append(team)
        folder = team.file.rpartition("/")[0]
        groups.setdefault(f"folder:{folder}", []).append(team)
    found: list[list[str]] = []
    seen: set[tuple[str, ...]] = set()
    for key, members in groups.items():
        if len(members) < 2 or (key == "folder:" and not _same_name(members)):
            continue  # plans side by side at the top of the folder are a flat layout, not copies
        files = tuple(sorted(member.file for member in members))
        if files in seen:
            continue
        seen.add(files)
        found.append(list(files))
        for member in members:
            member.duplicates = sorted({*member.duplicates, *(f for f in files if f != member.file)})
    return found


def _same_name(members: list[TeamEntry]) -> bool:
    return len({team_key(member.name) for member in members}) < len(members)


def write_cohort_report(
    folder: str | Path,
    out: str | Path,
    title: str = DEFAULT_TITLE,
    progress: Progress | None = None,
    workers: int | None = None,
    today: date | None = None,
) -> Cohort:
    """Read every plan under ``folder``; write the index to ``out`` and team pages beside it.

    The team pages go in a folder named after the index (``report.html`` → ``report-teams/``);
    the index is written last, atomically, so it never links to a page not yet written.
    """
    out = Path(out)
    pages = pages_folder(out)
    cohort = read_cohort(folder, pages, f"../{out.name}", title, progress, workers, today)
    atomic_write_chunks(out, index_page(cohort, title))
    return cohort
