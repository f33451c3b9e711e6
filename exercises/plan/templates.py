"""The plan's shipped files (template, example, schema, workbook) and starting a team folder."""

from __future__ import annotations

import atexit
import json
import os
import shutil
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from exercises.paths import PACKAGE_DIR
from exercises.plan.model import Plan
from exercises.plan.store import PlanProblem, parse_plan, replace_plan_text

TEMPLATES_DIR = PACKAGE_DIR / "templates"
PLAN_TEMPLATE = TEMPLATES_DIR / "plan-template.yaml"
EXAMPLE_PLAN = TEMPLATES_DIR / "example-plan.yaml"
SCHEMA_FILE = TEMPLATES_DIR / "plan.schema.json"
WORKBOOK_TEMPLATE = TEMPLATES_DIR / "challenge-workbook.ipynb"
PLAN_FILE_NAME = "plan.yaml"
WORKBOOK_FILE_NAME = "challenge-workbook.ipynb"
TEAM_NAME_MARK = "__TEAM_NAME__"
PLAN_ENV = "ACADEMY_PLAN"  # the plan file the challenge workbook opens (set by `academy plan open`)


def plan_schema_text() -> str:
    """The plan's JSON Schema, generated from the model (what ``plan.schema.json`` holds)."""
    return json.dumps(Plan.model_json_schema(), indent=2, ensure_ascii=False) + "\n"


def start_plan_text(team_name: str) -> str:
    """A new plan's YAML: the blank template (with its guidance comments) for ``team_name``."""
    name = " ".join(str(team_name).split())
    if not name:
        raise PlanProblem(['The team name is empty. Give the team a name, such as --team "Falls prevention".'])
    text = PLAN_TEMPLATE.read_text(encoding="utf-8").replace(TEAM_NAME_MARK, json.dumps(name, ensure_ascii=False))
    parse_plan(text, "the new plan")  # a template that does not load must never reach a team
    return text


@dataclass(frozen=True)
class TeamFolder:
    """What :func:`start_team_folder` made."""

    plan: Path
    replaced_version: int | None  # the version in the plan's history holding the plan it replaced
    workbook: Path | None


def start_team_folder(team_dir: str | Path, team_name: str, *, force: bool = False) -> TeamFolder:
    """Create ``team_dir/plan.yaml`` from the template, and copy in the challenge workbook.

    An existing plan is never replaced unless ``force`` is set, and even then the old
    plan is kept in the plan's history. An existing workbook is always left alone.
    """
    team_dir = Path(team_dir)
    if team_dir.exists() and not team_dir.is_dir():
        raise PlanProblem(
            [f"{team_dir} is a file, not a folder. Give a folder for the team, such as cohort-work/falls-team."]
        )
    plan_path = team_dir / PLAN_FILE_NAME
    if plan_path.is_dir():
        raise PlanProblem(
            [f"{plan_path} is a folder, so the plan cannot be saved there. Rename or move that folder first."]
        )
    if plan_path.exists() and not force:
        raise PlanProblem(
            [
                f"{plan_path} already exists, so nothing was changed. To start again, add --force (the old plan is kept in the plan's history)."
            ]
        )
    text = start_plan_text(team_name)
    try:
        existed = plan_path.exists()
        version = replace_plan_text(plan_path, text, by="academy plan new").number
        replaced = version - 1 if existed else None
        workbook = team_dir / WORKBOOK_FILE_NAME
        copied: Path | None = None
        if WORKBOOK_TEMPLATE.is_file() and not workbook.exists():
            shutil.copyfile(WORKBOOK_TEMPLATE, workbook)
            copied = workbook
    except OSError as error:
        raise PlanProblem([f"Could not create the plan in {team_dir} ({error.strerror or error})."]) from None
    return TeamFolder(plan=plan_path, replaced_version=replaced, workbook=copied)


def _where(path: Path) -> str:
    """A plan file as a team knows it (``plan.yaml in the falls-team folder``), without the server's path."""
    return f"{path.name} in the {path.parent.name} folder" if path.parent.name else path.name


@dataclass(frozen=True)
class WorkbookPlan:
    """The plan file the challenge workbook works on, and a note for the team about it."""

    path: Path
    note: str
    is_example_copy: bool


def locate_workbook_plan(environ: Mapping[str, str] | None = None, folder: str | Path | None = None) -> WorkbookPlan:
    """Which plan the challenge workbook opens.

    In order: the file named by ``ACADEMY_PLAN``; ``plan.yaml`` next to the workbook (its
    team folder); otherwise a fresh copy of the fictional example plan in a temporary
    folder, so the workbook still runs (for trying it out, and for the course's tests).
    """
    environ = os.environ if environ is None else environ
    folder = Path.cwd() if folder is None else Path(folder)
    named = environ.get(PLAN_ENV, "").strip()
    if named:
        path = Path(named).expanduser()
        if path.is_file():
            return WorkbookPlan(path, f"Working on the plan file {_where(path)}.", False)
        problem = f"There is no plan file at {path} (named by {PLAN_ENV}). "
    else:
        path = folder / PLAN_FILE_NAME
        if path.is_file():
            return WorkbookPlan(path, f"Working on your team's plan file, {_where(path)}.", False)
        problem = f"There is no {PLAN_FILE_NAME} in {folder}. "
    scratch = tempfile.mkdtemp(prefix="academy-example-plan-")
    atexit.register(shutil.rmtree, scratch, ignore_errors=True)  # a copy for trying out: not kept
    copy = Path(scratch) / PLAN_FILE_NAME
    shutil.copyfile(EXAMPLE_PLAN, copy)
    note = (
        problem + "So this workbook shows a copy of the fictional example plan, in a temporary folder: "
        "changes to it are not kept. To work on your own plan, copy this workbook into your team's folder "
        'with: academy plan new cohort-work/YOUR-TEAM --team "Your team"'
    )
    return WorkbookPlan(copy, note, True)
