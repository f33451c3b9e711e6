"""make hub-check: a real JupyterHub on 127.0.0.1 proves a cohort's work stays private.

Run as root (it makes system accounts); it removes everything it made when it stops.

1. Installs what it needs: Node.js and configurable-http-proxy (tools/system-deps.sh hub)
   and the participants' Python environment (/opt/academy-hub/env, from requirements.lock
   and this checkout's package), as a real hub would have.
2. Makes a throwaway cohort with tools/hub/cohort.py: four participants in two teams, one
   participant with no team and a facilitator; starts JupyterHub with hub/jupyterhub_config.py.
3. Through the hub's REST API and each participant's Jupyter server:
   - each opens the nbgitpuller link (twice), runs a day's notebook on a kernel and saves an answer;
   - each team's two members save the team's plan at the same moment, many times: nothing lost;
   - nobody reaches another participant's work or another team's plan, through the API or on disk;
   - team members see each other's saves; the facilitator's cohort report sees every team;
   - a participant's edit to a course notebook survives a later pull (nbgitpuller's merge);
   - the hub restarts mid-session and every saved answer and plan is still there.

Prints one line per check and `N passed, M failed`; exits 1 if any failed.
"""

from __future__ import annotations

import hashlib
import json
import os
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import textwrap
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from tools.hub import cohort as cohort_tools
from tools.hub.client import Hub, HubError, Kernel, Response, Server, request, wait_for

REPO = Path(__file__).resolve().parents[2]
HUB_HOME = Path("/opt/academy-hub")
ENV = HUB_HOME / "env"
# The participants' environment is built on the Python running this check (3.11, as the lock needs).
BASE_PYTHON = Path(getattr(sys, "_base_executable", sys.executable)).resolve()
PROXY = HUB_HOME / "node" / "node_modules" / ".bin" / "configurable-http-proxy"
NOTEBOOK = "modules/day1-outcomes-and-systems/01-what-is-commissioning.ipynb"
PATIENCE = float(os.environ.get("ACADEMY_HUB_PATIENCE_S", "600"))  # a busy 2-core machine is slow to spawn
SAVES_EACH = int(os.environ.get("ACADEMY_HUB_SAVES", "25"))  # plan saves per member, made at the same time

COHORT = {
    "cohort": "hub-check",
    "facilitators": ["acheck-fac"],
    "teams": {"red": ["acheck-p1", "acheck-p2"], "blue": ["acheck-p3", "acheck-p4"]},
    "participants": ["acheck-p5"],
}


def say(text: str) -> None:
    print(text, flush=True)


# --- setting up ------------------------------------------------------------------------------


def ensure_user_env(repo: Path = REPO) -> Path:
    """The participants' environment: the pinned packages, then this checkout's course package."""
    lock = (repo / "requirements.lock").read_bytes()
    stamp = ENV / ".lock-sha256"
    digest = hashlib.sha256(lock + str(BASE_PYTHON).encode()).hexdigest()
    if not stamp.is_file() or stamp.read_text().strip() != digest:
        say(f"Building the participants' environment in {ENV} (first run, or the lock changed)")
        shutil.rmtree(ENV, ignore_errors=True)
        subprocess.run([str(BASE_PYTHON), "-m", "venv", str(ENV)], check=True)
        subprocess.run(
            [str(ENV / "bin" / "pip"), "install", "--quiet", "-r", str(repo / "requirements.lock")], check=True
        )
        stamp.write_text(digest)
    build = Path(tempfile.mkdtemp(prefix="academy-pkg-"))
    try:  # a copy, so building leaves nothing behind in the checkout
        shutil.copytree(repo / "exercises", build / "exercises", ignore=shutil.ignore_patterns("__pycache__"))
        for name in ("pyproject.toml", "README.md"):
            shutil.copy2(repo / name, build / name)
        subprocess.run(
            [
                str(ENV / "bin" / "pip"),
                "install",
                "--quiet",
                "--no-deps",
                "--no-build-isolation",
                "--force-reinstall",
                str(build),
            ],
            check=True,
        )
    finally:
        shutil.rmtree(build, ignore_errors=True)
    subprocess.run(["chmod", "-R", "a+rX", str(HUB_HOME)], check=True)
    return ENV


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _listening(port: int) -> bool:
    with socket.socket() as s:
        return s.connect_ex(("127.0.0.1", port)) == 0


@dataclass
class Sandbox:
    root: Path
    cohort: cohort_tools.Cohort
    repo_url: str
    branch: str
    base: str
    token: str
    env: dict[str, str]
    process: subprocess.Popen[bytes] | None = None
    log_path: Path | None = None
    servers: dict[str, Server] = field(default_factory=dict)

    @property
    def hub(self) -> Hub:
        return Hub(self.base, self.token)

    def start_hub(self) -> None:
        assert self.log_path is not None
        log = self.log_path.open("ab")
        self.process = subprocess.Popen(
            [str(Path(sys.executable).parent / "jupyterhub"), "-f", str(REPO / "hub" / "jupyterhub_config.py")],
            cwd=self.env["ACADEMY_HUB_STATE"],
            env={**os.environ, **self.env},
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        log.close()
        wait_for(lambda: self.process_alive() and self.hub.is_up(), PATIENCE, "JupyterHub to answer on 127.0.0.1")

    def process_alive(self) -> bool:
        if self.process is not None and self.process.poll() is not None:
            raise HubError(f"JupyterHub stopped (exit {self.process.returncode}); see {self.log_path}")
        return True

    def stop_hub(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=60)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=30)
        self.process = None

    def server(self, user: str) -> Server:
        if user not in self.servers:
            self.hub.add_user(user)
            self.hub.start(user, PATIENCE)
            self.servers[user] = Server(self.base, user, self.hub.token_for(user))
        return self.servers[user]


@contextmanager
def python_reachable() -> Iterator[None]:
    """Let every account reach the base Python while the check runs.

    Participants' servers run the Python the environment was built on. Where it lives under
    a private folder (pyenv in root's home, as on CI), the folders on the way get the
    "pass through" permission (o+x: no listing, no reading) until the check ends."""
    changed: list[tuple[Path, int]] = []
    for folder in reversed(BASE_PYTHON.parents):
        mode = folder.stat().st_mode & 0o7777
        if not mode & 0o001:
            folder.chmod(mode | 0o001)
            changed.append((folder, mode))
    try:
        yield
    finally:
        for folder, mode in reversed(changed):
            folder.chmod(mode)


@contextmanager
def sandbox(spec: dict[str, object] | None = None) -> Iterator[Sandbox]:
    """A throwaway cohort (``spec`` as a cohort file says it; the check's own by default) on a
    running hub; everything it made is removed at the end."""
    root = Path(tempfile.mkdtemp(prefix="academy-hub-check-"))
    root.chmod(0o755)
    cohort_file = root / "cohort.yaml"
    cohort_file.write_text(yaml.safe_dump(spec or COHORT), encoding="utf-8")
    cohort = cohort_tools.load(cohort_file)
    state = root / "hub-state"
    state.mkdir(mode=0o700)
    course = root / "course.git"
    subprocess.run(["git", "clone", "--quiet", "--bare", str(REPO), str(course)], check=True)
    # Served by git's own daemon on 127.0.0.1, as a course repository is served on the web
    # (so no participant runs git inside a folder another account owns).
    branch = subprocess.run(
        ["git", "-C", str(course), "symbolic-ref", "--short", "HEAD"], check=True, capture_output=True, text=True
    ).stdout.strip()
    git_port = free_port()
    git_daemon = subprocess.Popen(
        [
            "git",
            "daemon",
            "--reuseaddr",
            "--export-all",
            "--listen=127.0.0.1",
            f"--port={git_port}",
            f"--base-path={root}",
            "--informative-errors",
            str(root),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    wait_for(lambda: _listening(git_port), PATIENCE, "git daemon to serve the course on 127.0.0.1")
    port = free_port()
    box = Sandbox(
        root=root,
        cohort=cohort,
        repo_url=f"git://127.0.0.1:{git_port}/course.git",
        branch=branch,
        base=f"http://127.0.0.1:{port}",
        token=secrets.token_hex(32),
        env={
            "ACADEMY_HUB_ROOT": str(root),
            "ACADEMY_HUB_COHORT": str(cohort_file),
            "ACADEMY_HUB_ENV": str(ENV),
            "ACADEMY_HUB_PROXY": str(PROXY),
            "ACADEMY_HUB_BIND": f"http://127.0.0.1:{port}",
            "ACADEMY_HUB_INTERNAL": f"http://127.0.0.1:{free_port()}",
            "ACADEMY_HUB_PROXY_API": f"http://127.0.0.1:{free_port()}",
            "ACADEMY_HUB_STATE": str(state),
        },
        log_path=root / "jupyterhub.log",
    )
    box.env["ACADEMY_HUB_SERVICE_TOKEN"] = box.token
    cohort_tools.setup(cohort, root)
    try:
        box.start_hub()
        yield box
    finally:
        for user in list(box.servers):
            with suppress(HubError, OSError):
                box.hub.stop(user)
        box.stop_hub()
        pid_file = state / "proxy.pid"
        if pid_file.is_file():
            subprocess.run(["kill", pid_file.read_text().strip()], capture_output=True)
        if os.environ.get("ACADEMY_HUB_KEEP_LOG") and box.log_path and box.log_path.is_file():
            shutil.copy2(box.log_path, Path(os.environ["ACADEMY_HUB_KEEP_LOG"]))
        git_daemon.terminate()
        git_daemon.wait(timeout=30)
        cohort_tools.teardown(cohort, root)
        shutil.rmtree(root, ignore_errors=True)


# --- what each person does --------------------------------------------------------------------


def open_course(box: Sandbox, user: str) -> Server:
    server = box.server(user)
    server.pull(box.repo_url, box.branch, "course", PATIENCE)
    return server


def run_notebook(server: Server, path: str) -> Kernel:
    """Run every code cell of a course notebook on a kernel in that notebook's folder."""
    notebook = json.loads((REPO / path).read_text(encoding="utf-8"))
    kernel = server.kernel(f"course/{path}")
    for number, cell in enumerate(notebook["cells"], start=1):
        if cell["cell_type"] != "code":
            continue
        result = kernel.run("".join(cell["source"]), timeout=PATIENCE)
        if not result.ok:
            raise HubError(f"{server.user}: cell {number} of {path} failed: {result.error}")
    return kernel


def value(kernel: Kernel, expression: str) -> object:
    """Evaluate an expression in the kernel and bring back its JSON value."""
    result = kernel.run(f"import json as _j; print(_j.dumps({expression}))")
    if not result.ok:
        raise HubError(f"{kernel.server.user}: {expression} failed: {result.error}")
    lines = result.output.strip().splitlines()
    if not lines:
        raise HubError(f"{kernel.server.user}: {expression} printed nothing")
    return json.loads(lines[-1])


# Run in a participant's kernel: can this account read a file or list a folder?
PROBE = textwrap.dedent(
    """
    def _probe(p):
        import os
        try:
            (os.listdir if os.path.isdir(p) else (lambda q: open(q).read()))(p)
            return 'read'
        except PermissionError:
            return 'refused'
        except FileNotFoundError:
            return 'missing'
    """
)

PLAN_HELPERS = textwrap.dedent(
    """
    import os
    from pathlib import Path
    from exercises.plan.model import Risk
    from exercises.plan.store import load_plan, update_plan
    from exercises.plan.templates import start_team_folder
    TEAM_DIR = Path(os.environ["ACADEMY_COHORT_DIR"]) / os.environ["ACADEMY_TEAM"]
    def add_risks(who, count):
        for n in range(count):
            update_plan(TEAM_DIR / "plan.yaml",
                        lambda plan: plan.model_copy(update={"risks": [*plan.risks, Risk(risk=f"{who} {n}")]}),
                        by="hub check")
        return len(load_plan(TEAM_DIR / "plan.yaml").risks)
    """
)


# --- the checks -------------------------------------------------------------------------------


def at_once(kernels: list[Kernel], work: Callable[[Kernel], object]) -> list[str]:
    """Do ``work`` on every kernel at the same moment; the problems any of them met."""
    problems: list[str] = []
    start = threading.Barrier(len(kernels))

    def one(kernel: Kernel) -> None:
        start.wait()
        try:
            work(kernel)
        except (HubError, OSError, ValueError) as problem:
            problems.append(f"{kernel.server.user}: {problem}")

    threads = [threading.Thread(target=one, args=(k,)) for k in kernels]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return problems


@dataclass
class Outcome:
    passed: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)

    def check(self, name: str, test: Callable[[], object]) -> None:
        started = time.monotonic()
        try:
            test()
        except Exception as problem:
            self.failed.append(name)
            say(f"FAILED {name}: {str(problem) or type(problem).__name__}")
        else:
            self.passed.append(name)
            say(f"passed {name} ({time.monotonic() - started:.0f} s)")


def run_checks(box: Sandbox) -> Outcome:
    out = Outcome()
    cohort = box.cohort
    kernels: dict[str, Kernel] = {}

    def participants_work() -> None:
        for user in cohort.participants:
            server = open_course(box, user)
            server.pull(box.repo_url, box.branch, "course", PATIENCE)  # the link opened twice
            kernel = run_notebook(server, NOTEBOOK)
            saved = value(
                kernel,
                f"__import__('exercises.workbook', fromlist=['x']).save_answer('hub-check', 'answer of {user}', "
                "kind='reflect').value",
            )
            assert saved == f"answer of {user}", saved
            kernels[user] = kernel
        for user in cohort.participants:
            listing = box.servers[user].contents("my-work")
            names = [item["name"] for item in listing.json()["content"]] if listing.status == 200 else []
            assert "workbook.json" in names, f"{user}'s my-work holds {names}"

    def teams_save_at_once() -> None:
        for team, members in cohort.teams.items():
            first, second = (kernels[m] for m in members)
            for kernel in (first, second):
                assert kernel.run(PLAN_HELPERS).ok
            made = first.run(f"start_team_folder(TEAM_DIR, {team!r})")
            assert made.ok, made.error
            problems = at_once([first, second], lambda k: value(k, f"add_risks({k.server.user!r}, {SAVES_EACH})"))
            assert not problems, f"team {team}: {problems}"
            final = value(second, "[r.risk for r in load_plan(TEAM_DIR / 'plan.yaml').risks]")
            assert isinstance(final, list)
            for member in members:
                mine = [r for r in final if str(r).startswith(f"{member} ")]
                assert len(mine) == SAVES_EACH, (
                    f"team {team}: {len(mine)} of {member}'s {SAVES_EACH} saves are in the plan"
                )

    def team_members_see_each_other() -> None:
        for team, (first, second) in cohort.teams.items():
            seen = value(
                kernels[second], "sorted({r.risk.split()[0] for r in load_plan(TEAM_DIR / 'plan.yaml').risks})"
            )
            assert seen == sorted([first, second]), f"{second} sees saves by {seen} in team {team}'s plan"

    def nobody_reaches_others_by_api() -> None:
        for user in cohort.participants:
            for other in cohort.participants:
                if other == user:
                    continue
                answer = request("GET", f"{box.base}/user/{other}/api/contents/my-work", box.servers[user].token)
                assert answer.status in (403, 404), f"{user} reached {other}'s files through the hub ({answer.status})"

    def nobody_reaches_others_on_disk() -> None:
        for user in cohort.participants:
            mine = cohort.team_of(user)
            others = [o for o in cohort.participants if o != user]
            probes = [f"/home/{o}/my-work/workbook.json" for o in others]
            probes += [f"/home/{o}/my-work" for o in others]  # not even the names of their files
            probes += [f"{box.root}/cohort-work/{t}/plan.yaml" for t in cohort.teams if t != mine]
            probes += [f"{box.root}/cohort-work/{t}" for t in cohort.teams if t != mine]
            assert kernels[user].run(PROBE).ok
            results = value(kernels[user], f"{{p: _probe(p) for p in {probes!r}}}")
            assert isinstance(results, dict)
            read = [p for p, r in results.items() if r == "read"]
            assert not read, f"{user} could read {read}"
            assert "missing" not in results.values() or all(
                r != "missing" or "/home/" not in p for p, r in results.items()
            ), results

    def facilitator_sees_every_team() -> None:
        facilitator = cohort.facilitators[0]
        server = open_course(box, facilitator)
        kernel = server.kernel("course/modules/start-here.ipynb")
        report = value(
            kernel,
            "__import__('subprocess').run(['academy', 'cohort', 'report', __import__('os').environ['ACADEMY_COHORT_DIR'],"
            " '-o', 'report.html'], capture_output=True, text=True).returncode",
        )
        assert report == 0, f"academy cohort report exited {report}"
        text = value(kernel, "open('report.html', encoding='utf-8').read()")
        for team in cohort.teams:
            assert team in str(text), f"the facilitator's report does not show team {team}"
        kernel.close()

    def edits_survive_a_pull() -> None:
        user = cohort.participants[0]
        kernel = kernels[user]
        edit = value(
            kernel,
            "__import__('pathlib').Path.home().joinpath('course', 'README.md').write_text('my own notes\\n')",
        )
        assert edit
        work = Path(tempfile.mkdtemp(prefix="academy-hub-push-"))
        try:
            subprocess.run(["git", "clone", "--quiet", str(box.root / "course.git"), str(work)], check=True)
            (work / "NEWS.md").write_text("A new page from the course team.\n")
            subprocess.run(["git", "-C", str(work), "add", "NEWS.md"], check=True)
            subprocess.run(
                [
                    "git",
                    "-C",
                    str(work),
                    "-c",
                    "user.name=Course",
                    "-c",
                    "user.email=course@example.invalid",
                    "commit",
                    "--quiet",
                    "-m",
                    "News",
                ],
                check=True,
            )
            subprocess.run(["git", "-C", str(work), "push", "--quiet", "origin", "HEAD"], check=True)
        finally:
            shutil.rmtree(work, ignore_errors=True)
        box.servers[user].pull(box.repo_url, box.branch, "course", PATIENCE)
        kept = value(kernel, "__import__('pathlib').Path.home().joinpath('course', 'README.md').read_text()")
        news = value(kernel, "__import__('pathlib').Path.home().joinpath('course', 'NEWS.md').is_file()")
        assert kept == "my own notes\n", f"the participant's edit was lost: {str(kept)[:80]!r}"
        assert news is True, "the course team's new page did not arrive"

    def work_survives_a_hub_restart() -> None:
        box.stop_hub()
        box.start_hub()
        for user in cohort.participants:
            server = box.servers[user]

            def workbook(s: Server = server) -> Response | None:
                answer = s.contents("my-work/workbook.json")
                return answer if answer.status == 200 else None

            answer = wait_for(workbook, PATIENCE, f"{user}'s server to answer through the restarted hub")
            saved = json.loads(answer.json()["content"])["answers"]["hub-check"]["value"]
            assert saved == f"answer of {user}", saved
        for team, members in cohort.teams.items():
            count = value(kernels[members[0]], "len(load_plan(TEAM_DIR / 'plan.yaml').risks)")
            assert count == 2 * SAVES_EACH, f"team {team}'s plan has {count} risks after the restart"

    def user_without_team() -> None:
        loner = cohort.unassigned[0]
        assert kernels[loner].run(PROBE).ok
        assert value(kernels[loner], "__import__('os').environ['ACADEMY_TEAM']") == ""
        results = value(
            kernels[loner],
            f"{{t: _probe('{box.root}/cohort-work/' + t) for t in {list(cohort.teams)!r}}}",
        )
        assert isinstance(results, dict) and set(results.values()) == {"refused"}, results

    out.check("each participant opens the link twice, runs a day's notebook and saves an answer", participants_work)
    if out.failed:
        return out  # the rest needs the participants' kernels
    out.check(
        f"two members of each team save the plan at once, {SAVES_EACH} times each: nothing lost", teams_save_at_once
    )
    out.check("team members see each other's saves", team_members_see_each_other)
    out.check("nobody reaches another participant's files through the hub", nobody_reaches_others_by_api)
    out.check("nobody reads another's my-work or another team's plan on disk", nobody_reaches_others_on_disk)
    out.check("a participant with no team can open no team's folder", user_without_team)
    out.check("the facilitator's cohort report sees every team", facilitator_sees_every_team)
    out.check("a participant's edit survives a later pull of the course", edits_survive_a_pull)
    out.check("saved answers and plans survive a hub restart", work_survives_a_hub_restart)
    for kernel in kernels.values():
        with suppress(OSError):
            kernel.close()
    return out


def main() -> int:
    if sys.platform != "linux" or os.geteuid() != 0:
        # make test runs this too: on a developer's machine without root it says so and stops.
        say("hub-check: skipped. It makes system accounts, so it runs only as root on Linux (CI does).")
        return 0 if os.environ.get("ACADEMY_HUB_OPTIONAL") else 1
    started = time.monotonic()
    subprocess.run(["bash", str(REPO / "tools" / "system-deps.sh"), "hub"], check=True)
    ensure_user_env()
    with python_reachable(), sandbox() as box:
        say(f"JupyterHub is up at {box.base} ({time.monotonic() - started:.0f} s of set-up)")
        outcome = run_checks(box)
    say(f"hub-check: {len(outcome.passed)} passed, {len(outcome.failed)} failed")
    say(f"hub-check took {time.monotonic() - started:.0f} s")
    return 1 if outcome.failed else 0


if __name__ == "__main__":
    sys.exit(main())
