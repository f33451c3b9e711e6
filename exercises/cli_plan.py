"""``academy plan ...`` and ``academy cohort report``: teams' plans from the command line.

    academy plan new TEAM_DIR --team NAME     start a plan (and copy in the challenge workbook)
    academy plan check PLAN [--strict]        say whether a plan is valid, what to fix, and warnings
    academy plan export PLAN --to docx -o OUT a document for the senior panel (md, html or docx)
    academy plan schema [-o FILE]             the plan's JSON Schema
    academy plan open TEAM_DIR                open the team's workbook as a web app (Voilà)
    academy plan history PLAN                 list the kept versions of a plan (when, by what, what changed)
    academy plan restore PLAN N               bring back version N (saved as a new version)
    academy cohort report DIR -o OUT.html     one page over every plan under DIR

Exit codes: 0 done, 1 a problem with the input (explained in plain English), 2 a usage
mistake (argparse). No command replaces a team's plan file unless told to (``--force``),
and every save is kept as a version in the plan's history (``.plan.yaml.history/``).
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from exercises.challenge_app import find_voila, voila_command, voila_environment
from exercises.plan.document import count, document_control, plan_summary
from exercises.plan.export import FORMATS as EXPORT_FORMATS
from exercises.plan.export import export_plan
from exercises.plan.history import KEEP_VERSIONS
from exercises.plan.quality import plan_warnings
from exercises.plan.report import DEFAULT_TITLE, PLAN_SUFFIXES, find_plan_files, pages_folder, write_cohort_report
from exercises.plan.store import PlanProblem, load_plan, plan_history, restore_version
from exercises.plan.templates import (
    PLAN_FILE_NAME,
    WORKBOOK_FILE_NAME,
    WORKBOOK_TEMPLATE,
    plan_schema_text,
    start_team_folder,
)
from exercises.storage import atomic_write_text

PROGRESS_FROM = 20  # show a progress bar for this many plans or more


def register(subparsers: Any) -> None:
    """Add the ``plan`` and ``cohort`` commands to the ``academy`` command."""
    plan = subparsers.add_parser(
        "plan", help="start, check and export a team's challenge plan", description="Work with a team's challenge plan."
    )
    plan_commands = plan.add_subparsers(dest="plan_command", metavar="ACTION", required=True)

    new = plan_commands.add_parser(
        "new",
        help="start a plan from the template",
        description="Start a team's plan (TEAM_DIR/plan.yaml) from the blank template.",
    )
    new.add_argument(
        "team_dir", metavar="TEAM_DIR", help="the team's folder, such as cohort-work/falls-team (made if missing)"
    )
    new.add_argument("--team", required=True, metavar="NAME", help="the team's name")
    new.add_argument(
        "--force", action="store_true", help="replace an existing plan (the old one is kept in the plan's history)"
    )
    new.set_defaults(handler=_new)

    check = plan_commands.add_parser(
        "check", help="check a plan and say what to fix", description="Check a plan file and list any problems."
    )
    check.add_argument("plan", metavar="PLAN", help="the plan file, such as cohort-work/falls-team/plan.yaml")
    check.add_argument(
        "--strict",
        action="store_true",
        help="treat warnings (such as an action without an owner) as problems: exit 1 if there are any",
    )
    check.set_defaults(handler=_check)

    export = plan_commands.add_parser(
        "export",
        help="write the plan as a document",
        description="Write the plan as a Markdown, HTML or Word document.",
    )
    export.add_argument("plan", metavar="PLAN", help="the plan file")
    export.add_argument(
        "--to", choices=sorted(EXPORT_FORMATS), help="the format (default: from the output file's name)"
    )
    export.add_argument("-o", "--output", required=True, metavar="OUT", help="the document to write, such as plan.docx")
    export.set_defaults(handler=_export)

    schema = plan_commands.add_parser(
        "schema",
        help="write the plan's JSON Schema",
        description="Write the JSON Schema generated from the plan model.",
    )
    schema.add_argument("-o", "--output", metavar="FILE", help="the file to write (default: print it)")
    schema.set_defaults(handler=_schema)

    open_ = plan_commands.add_parser(
        "open",
        help="open the team's workbook as a web app",
        description="Open the team's challenge workbook as a web app without code (Voilà).",
    )
    open_.add_argument("team_dir", metavar="TEAM_DIR", help="the team's folder (it must hold plan.yaml)")
    open_.add_argument("--port", type=int, default=8866, help="the port to serve on (default 8866)")
    open_.add_argument("--no-browser", action="store_true", help="do not open a browser window")
    open_.set_defaults(handler=_open)

    history = plan_commands.add_parser(
        "history",
        help="list the kept versions of a plan",
        description=f"List the kept versions of a plan: when each was saved, by which form or command, and what "
        f"changed. The newest {KEEP_VERSIONS} versions are kept.",
    )
    history.add_argument("plan", metavar="PLAN", help="the plan file, such as cohort-work/falls-team/plan.yaml")
    history.set_defaults(handler=_history)

    restore = plan_commands.add_parser(
        "restore",
        help="bring back an earlier version of a plan",
        description="Bring back version N of a plan (see academy plan history). The plan as it is now stays in "
        "the history, and the restored plan is saved as a new version.",
    )
    restore.add_argument("plan", metavar="PLAN", help="the plan file")
    restore.add_argument("number", metavar="N", help="the version to bring back, as listed by academy plan history")
    restore.set_defaults(handler=_restore)

    cohort = subparsers.add_parser(
        "cohort", help="reports across every team's plan", description="Reports across a cohort's plans."
    )
    cohort_commands = cohort.add_subparsers(dest="cohort_command", metavar="ACTION", required=True)
    report = cohort_commands.add_parser(
        "report",
        help="one HTML page over every plan in a folder",
        description="Write one HTML report over every plan under DIR.",
    )
    report.add_argument("folder", metavar="DIR", help="the folder holding the teams' plans, such as cohort-work")
    report.add_argument("-o", "--output", required=True, metavar="OUT.html", help="the report to write")
    report.add_argument("--title", help="the report's title")
    report.set_defaults(handler=_report)


def _problems(heading: str, messages: Iterable[str]) -> int:
    print(heading, file=sys.stderr)
    for message in messages:
        print(f"  - {message}", file=sys.stderr)
    return 1


def _new(args: argparse.Namespace) -> int:
    try:
        made = start_team_folder(args.team_dir, args.team, force=args.force)
    except PlanProblem as problem:
        return _problems("The plan was not started:", problem.messages)
    print(f"Started the plan {made.plan}.")
    if made.replaced_version:
        print(
            f"The previous plan is kept as version {made.replaced_version} in its history. "
            f"Bring it back with: academy plan restore {made.plan} {made.replaced_version}"
        )
    if made.workbook:
        print(f"Open {made.workbook} to fill it in, or edit the plan file itself.")
    print(f"Check it at any time with: academy plan check {made.plan}")
    return 0


def _check(args: argparse.Namespace) -> int:
    try:
        plan = load_plan(args.plan)
    except PlanProblem as problem:
        found = count(len(problem.messages), "problem")
        return _problems(f"{args.plan} cannot be used as a plan ({found}):", problem.messages)
    warnings = plan_warnings(plan)
    if warnings and args.strict:
        found = count(len(warnings), "warning")
        return _problems(f"{args.plan} is valid, but with --strict it fails on {found}:", map(str, warnings))
    print(f"{args.plan} is a valid plan. {plan_summary(plan)}")
    if warnings:
        print(f"{count(len(warnings), 'warning')}: a panel would ask about these (use --strict to fail on them):")
        for warning in warnings:
            print(f"  - {warning}")
    return 0


def _history(args: argparse.Namespace) -> int:
    path = Path(args.plan)
    if not path.is_file():
        return _problems(
            "No history to show:",
            [f"There is no plan file at {path}." if not path.is_dir() else f"{path} is a folder: give the plan file."],
        )
    versions = plan_history(path)
    if not versions:
        print(f"{path} has no saved versions yet: its history starts with the next save from a form or command.")
        return 0
    print(
        f"Versions of {path}, oldest first ({count(len(versions), 'version')} kept; the newest {KEEP_VERSIONS} are kept):"
    )
    for version in versions:
        by = f" by {version.by}" if version.by else ""
        summary = f": {version.summary}" if version.summary else ""
        print(f"  {version.number:>4}  {version.when_label()}{by}{summary}")
    print(f"The plan file holds version {versions[-1].number} unless it was edited by hand since.")
    print(f"Bring one back with: academy plan restore {path} N")
    return 0


def _restore(args: argparse.Namespace) -> int:
    path = Path(args.plan)
    text = str(args.number).strip()
    if not text.isdigit() or int(text) < 1:
        return _problems(
            "Nothing was restored:",
            [
                f"N must be a version number, a whole number such as 3 (got {args.number!r}). "
                f"See the numbers with: academy plan history {path}"
            ],
        )
    if not path.is_file():
        return _problems("Nothing was restored:", [f"There is no plan file at {path}."])
    try:
        version = restore_version(path, int(text))
    except PlanProblem as problem:
        return _problems("Nothing was restored:", problem.messages)
    print(f"Brought back version {int(text)} of {path}, saved as version {version.number}.")
    print(f"The plan as it was before is still in the history: academy plan history {path}")
    return 0


def _output_problem(out: Path, protect: Iterable[Path] = ()) -> str | None:
    """Why ``out`` must not be written, if it must not."""
    if out.is_dir():
        return f"{out} is a folder. Give a file name for the output, such as {out / 'plan.docx'}."
    if out.suffix.lower() in PLAN_SUFFIXES:
        return f"{out} looks like a plan file (.yaml). Choose another output name, so no plan is overwritten."
    if any(_same_file(out, path) for path in protect):
        return f"{out} is the plan itself. Choose another output name."
    return None


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve()
    except OSError:
        return False


def _write(out: Path, what: str, writer: Callable[[], object]) -> int:
    try:
        writer()
    except OSError as error:
        return _cannot_write(out, error)
    print(f"Wrote {out} ({what}).")
    return 0


def _cannot_write(out: Path, error: OSError) -> int:
    if isinstance(error, PermissionError):
        return _problems(
            f"Could not write {out}:", ["You do not have permission to write there. Choose another folder."]
        )
    return _problems(
        f"Could not write {out}:", [f"{error.strerror or error}. Check the folder exists and can be written to."]
    )


def _export(args: argparse.Namespace) -> int:
    plan_path, out = Path(args.plan), Path(args.output)
    refusal = _output_problem(out, [plan_path])
    if refusal:
        return _problems("Nothing was written:", [refusal])
    kind = args.to or out.suffix.lower().lstrip(".")
    if kind not in EXPORT_FORMATS:
        return _problems(
            "Nothing was written:",
            [
                "Say which format to write with --to md, --to html, --to docx or --to pdf "
                f"(the name {out.name} does not say)."
            ],
        )
    try:
        plan = load_plan(plan_path)
    except PlanProblem as problem:
        return _problems(f"{plan_path} cannot be exported until these problems are fixed:", problem.messages)
    control = document_control(plan, version=_version_number(plan_path))
    return _write(out, EXPORT_FORMATS[kind], lambda: export_plan(plan, kind, out, control))


def _version_number(plan_path: Path) -> int:
    """The plan's version for the document: the newest kept version's number (1 if none is kept)."""
    versions = plan_history(plan_path)
    return versions[-1].number if versions else 1


def _schema(args: argparse.Namespace) -> int:
    text = plan_schema_text()
    if not args.output:
        sys.stdout.write(text)
        return 0
    out = Path(args.output)
    if out.is_dir():
        return _problems(
            "Nothing was written:", [f"{out} is a folder. Give a file name, such as {out / 'plan.schema.json'}."]
        )
    return _write(out, "JSON Schema", lambda: atomic_write_text(out, text))


def _open(args: argparse.Namespace) -> int:
    team_dir = Path(args.team_dir)
    plan = team_dir / PLAN_FILE_NAME
    if not team_dir.is_dir():
        return _problems(
            f"Cannot open {team_dir}:",
            [f"There is no folder {team_dir}. Start one with: academy plan new {team_dir} --team NAME"],
        )
    if not plan.is_file():
        return _problems(
            f"Cannot open {team_dir}:",
            [f"It holds no {PLAN_FILE_NAME}. Start one with: academy plan new {team_dir} --team NAME"],
        )
    notebook = team_dir / WORKBOOK_FILE_NAME
    if not notebook.exists():
        shutil.copyfile(WORKBOOK_TEMPLATE, notebook)
    voila = find_voila()
    if voila is None:
        return _problems(
            "Cannot open the workbook:", ["Voilà is not installed in this environment (it is in requirements.lock)."]
        )
    command = voila_command(voila, notebook.name, args.port, open_browser=not args.no_browser)
    print(f"Opening {notebook} as a web app. Stop it with Ctrl+C.")
    try:
        return subprocess.call(command, cwd=team_dir, env=voila_environment(plan))
    except KeyboardInterrupt:  # Ctrl+C stops Voilà too; say so instead of showing a traceback
        print("Stopped the web app. The plan keeps everything that was saved.")
        return 0


def _progress(files: Iterable[Any], total: int) -> Iterable[Any]:
    """A progress bar on the terminal for a large cohort; nothing when output is redirected."""
    if total < PROGRESS_FROM or not sys.stderr.isatty():
        return files
    from tqdm import tqdm

    return tqdm(files, total=total, desc="Reading plans", unit="plan", file=sys.stderr)


def _report(args: argparse.Namespace) -> int:
    folder, out = Path(args.folder), Path(args.output)
    if not folder.exists():
        return _problems("No report was written:", [f"There is no folder {folder}."])
    if not folder.is_dir():
        return _problems(
            "No report was written:",
            [f"{folder} is a file. Give the folder that holds the teams' plans, such as cohort-work."],
        )
    refusal = _output_problem(out)
    if refusal:
        return _problems("No report was written:", [refusal])
    if not find_plan_files(folder):
        return _problems(
            "No report was written:", [f"There are no plan files (.yaml or .yml) in {folder} or its sub-folders."]
        )
    try:
        cohort = write_cohort_report(folder, out, args.title or DEFAULT_TITLE, progress=_progress)
    except OSError as error:
        return _cannot_write(out, error)
    flagged = sum(bool(team.flags) for team in cohort.teams)
    print(
        f"Wrote {out}: {count(len(cohort.teams), 'valid plan')}, {flagged} with flags. "
        f"Each team's page is in {pages_folder(out)}; keep the folder beside the report."
    )
    for group in cohort.duplicates:
        print(f"Warning: these files seem to describe the same team: {' and '.join(group)}.", file=sys.stderr)
    if not cohort.invalid:
        return 0
    print(
        f"{count(len(cohort.invalid), 'file')} could not be read as a plan (also listed at the end of the report):",
        file=sys.stderr,
    )
    for item in cohort.invalid:
        print(f"  {item.file}:", file=sys.stderr)
        for message in item.messages:
            print(f"    - {message}", file=sys.stderr)
    return 1
