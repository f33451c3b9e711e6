"""``academy plan ...`` and ``academy cohort report``: teams' plans from the command line.

    academy plan new TEAM_DIR --team NAME     start a plan (and copy in the challenge workbook)
    academy plan check PLAN [--strict]        say whether a plan is valid, what to fix, and warnings
    academy plan export PLAN --to docx -o OUT a document for the senior panel (md, html or docx)
    academy plan schema [-o FILE]             the plan's JSON Schema
    academy plan open TEAM_DIR                open the team's workbook as a web app (Voilà)
    academy cohort report DIR -o OUT.html     one page over every plan under DIR

Exit codes: 0 done, 1 a problem with the input (explained in plain English), 2 a usage
mistake (argparse). No command replaces a team's plan file unless told to (``--force``),
and every save keeps the previous version as ``.bak``.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from exercises.plan.document import count, plan_summary
from exercises.plan.export import FORMATS as EXPORT_FORMATS
from exercises.plan.export import export_plan
from exercises.plan.quality import plan_warnings
from exercises.plan.report import DEFAULT_TITLE, PLAN_SUFFIXES, find_plan_files, pages_folder, write_cohort_report
from exercises.plan.store import PlanProblem, load_plan
from exercises.plan.templates import (
    PLAN_ENV,
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
        "--force", action="store_true", help="replace an existing plan (the old one is kept as plan.yaml.bak)"
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
    if made.backup:
        print(f"The previous plan is kept as {made.backup}.")
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


def _write(out: Path, what: str, writer: Callable[[], None]) -> int:
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
            [f"Say which format to write with --to md, --to html or --to docx (the name {out.name} does not say)."],
        )
    try:
        plan = load_plan(plan_path)
    except PlanProblem as problem:
        return _problems(f"{plan_path} cannot be exported until these problems are fixed:", problem.messages)
    return _write(out, EXPORT_FORMATS[kind], lambda: export_plan(plan, kind, out))


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
    voila = shutil.which("voila", path=os.pathsep.join([str(Path(sys.executable).parent), os.environ.get("PATH", "")]))
    if voila is None:
        return _problems(
            "Cannot open the workbook:", ["Voilà is not installed in this environment (it is in requirements.lock)."]
        )
    command = [voila, notebook.name, "--strip_sources=True", f"--port={args.port}"]
    if args.no_browser:
        command.append("--no-browser")
    print(f"Opening {notebook} as a web app. Stop it with Ctrl+C.")
    try:
        return subprocess.call(command, cwd=team_dir, env={**os.environ, PLAN_ENV: str(plan.resolve())})
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
