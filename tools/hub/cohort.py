"""A cohort's accounts and folders on a JupyterHub server (run as root).

    python -m tools.hub.cohort setup COHORT.yaml [--root /srv/academy]
    python -m tools.hub.cohort teardown COHORT.yaml [--root /srv/academy]   # at the end of a cohort

The cohort file names the facilitators, the teams and their members, and any participants
not yet in a team (``hub/cohort.example.yaml``). ``setup`` is safe to run again after
editing the file: it adds what is missing and changes nothing else.

What it makes:
- a system account per person, with a private home (mode 700) holding ``my-work/``;
- a group per team, ``academy-<team>``, and ``academy-facilitators``;
- ``<root>/cohort-work/`` (facilitators may list it; others may only pass through it) and in
  it a folder per team (mode 2770, the team's group): members read and write the team's plan,
  nobody else can see it; facilitators are in every team's group, so they can read every plan.
"""

from __future__ import annotations

import argparse
import grp
import os
import pwd
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

import yaml

NAME = re.compile(r"^[a-z_][a-z0-9_-]{0,30}$")
FACILITATORS_GROUP = "academy-facilitators"


class CohortError(ValueError):
    """A cohort file that cannot be used, with a message that says why."""


@dataclass(frozen=True)
class Cohort:
    teams: dict[str, tuple[str, ...]]
    facilitators: tuple[str, ...]
    unassigned: tuple[str, ...] = ()
    name: str = "cohort"
    extra: dict[str, object] = field(default_factory=dict)

    @property
    def participants(self) -> tuple[str, ...]:
        members = [m for team in self.teams.values() for m in team]
        return tuple(sorted({*members, *self.unassigned}))

    @property
    def everyone(self) -> tuple[str, ...]:
        return (*self.participants, *self.facilitators)

    def team_of(self, user: str) -> str | None:
        return next((team for team, members in self.teams.items() if user in members), None)


def team_group(team: str) -> str:
    return f"academy-{team}"[:32]


def load(path: Path) -> Cohort:
    """Read a cohort file, refusing names a system account cannot have and people in two teams."""
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as problem:
        raise CohortError(f"{path} cannot be read: {problem}") from problem
    teams = {str(t): tuple(str(m) for m in (members or [])) for t, members in (raw.get("teams") or {}).items()}
    facilitators = tuple(str(f) for f in raw.get("facilitators") or [])
    listed = tuple(str(p) for p in raw.get("participants") or [])
    problems = []
    for who in (*teams, *facilitators, *listed, *(m for ms in teams.values() for m in ms)):
        if not NAME.match(who):
            problems.append(f"'{who}' is not a usable account or team name (lower-case letters, digits, - and _)")
    seen: dict[str, str] = {}
    for team, members in teams.items():
        for member in members:
            if member in seen:
                problems.append(f"{member} is in two teams: {seen[member]} and {team}")
            seen[member] = team
    if not facilitators:
        problems.append("the cohort needs at least one facilitator")
    if problems:
        raise CohortError(f"{path}: " + "; ".join(problems) + ".")
    unassigned = tuple(p for p in listed if p not in seen)
    return Cohort(teams, facilitators, unassigned, str(raw.get("cohort", "cohort")))


def _run(*command: str) -> None:
    subprocess.run(command, check=True, capture_output=True, text=True)


def _group_exists(name: str) -> bool:
    try:
        grp.getgrnam(name)
        return True
    except KeyError:
        return False


def _user_exists(name: str) -> bool:
    try:
        pwd.getpwnam(name)
        return True
    except KeyError:
        return False


def setup(cohort: Cohort, root: Path) -> None:
    """Make the cohort's groups, accounts and folders (idempotent)."""
    if os.geteuid() != 0:
        raise PermissionError("Setting up a cohort's accounts needs root (run it with sudo).")
    for group in (FACILITATORS_GROUP, *(team_group(t) for t in cohort.teams)):
        if not _group_exists(group):
            _run("groupadd", group)
    for user in cohort.everyone:
        if not _user_exists(user):
            _run("useradd", "--create-home", "--shell", "/bin/bash", "--user-group", user)
        groups = [team_group(t) for t in cohort.teams if user in cohort.teams[t]]
        if user in cohort.facilitators:
            groups = [FACILITATORS_GROUP, *(team_group(t) for t in cohort.teams)]
        if groups:
            _run("usermod", "--append", "--groups", ",".join(groups), user)
        account = pwd.getpwnam(user)
        home = Path(account.pw_dir)
        home.chmod(0o700)
        work = home / "my-work"
        work.mkdir(exist_ok=True)
        os.chown(work, account.pw_uid, account.pw_gid)
        work.chmod(0o700)
    cohort_work = root / "cohort-work"
    cohort_work.mkdir(parents=True, exist_ok=True)
    root.chmod(0o755)
    os.chown(cohort_work, 0, grp.getgrnam(FACILITATORS_GROUP).gr_gid)
    cohort_work.chmod(0o751)  # facilitators list it; participants only pass through to their team's folder
    for team in cohort.teams:
        folder = cohort_work / team
        folder.mkdir(exist_ok=True)
        os.chown(folder, 0, grp.getgrnam(team_group(team)).gr_gid)
        folder.chmod(0o2770)  # the team's group; new files keep the group


def teardown(cohort: Cohort, root: Path, *, keep_work: bool = False) -> None:
    """Remove the cohort's accounts and groups (and their homes unless ``keep_work``)."""
    for user in cohort.everyone:
        if _user_exists(user):
            subprocess.run(["pkill", "-KILL", "-u", user], capture_output=True)
            _run("userdel", *([] if keep_work else ["--remove"]), user)
    for group in (*(team_group(t) for t in cohort.teams), FACILITATORS_GROUP):
        if _group_exists(group):
            _run("groupdel", group)
    if not keep_work:
        shutil.rmtree(root / "cohort-work", ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.hub.cohort", description=__doc__.splitlines()[0])
    parser.add_argument("action", choices=("setup", "teardown"))
    parser.add_argument("cohort_file", type=Path)
    parser.add_argument("--root", type=Path, default=Path("/srv/academy"))
    parser.add_argument("--keep-work", action="store_true", help="teardown: keep homes and cohort-work/")
    args = parser.parse_args(argv)
    try:
        cohort = load(args.cohort_file)
        if args.action == "setup":
            setup(cohort, args.root)
            print(
                f"Set up {len(cohort.participants)} participants, {len(cohort.teams)} teams, "
                f"{len(cohort.facilitators)} facilitators under {args.root}."
            )
        else:
            teardown(cohort, args.root, keep_work=args.keep_work)
            print(f"Removed the accounts and groups of {args.cohort_file}.")
    except (CohortError, PermissionError, subprocess.CalledProcessError) as problem:
        detail = getattr(problem, "stderr", "") or ""
        print(f"{problem} {detail}".strip(), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
