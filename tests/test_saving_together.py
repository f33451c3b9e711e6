"""Saving at the same time, and being stopped half way: nothing anyone was told was saved is lost.

Real separate processes (``tests/save_workers.py``) save one plan, or one workbook, at once;
others are killed with SIGKILL in the middle of writing the plan file or its version copy.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from exercises.plan.history import history_dir
from exercises.plan.store import load_plan, parse_plan, plan_history, update_plan
from exercises.plan.templates import EXAMPLE_PLAN, start_plan_text

REPO = Path(__file__).resolve().parent.parent
LIMIT = 600  # seconds for a worker: generous, for a busy machine


def _start(kind: str, path: Path, count: int, go: Path, log: Path, **env: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "tests.save_workers", kind, str(path), str(count), str(go), str(log)],
        cwd=REPO,
        env={**os.environ, "PYTHONPATH": str(REPO), **env},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _finish(worker: subprocess.Popen[str], what: str) -> None:
    try:
        _out, err = worker.communicate(timeout=LIMIT)
    except subprocess.TimeoutExpired:
        worker.kill()
        _out, err = worker.communicate()
        raise AssertionError(f"{what} did not finish within {LIMIT} s:\n{err[-3000:]}") from None
    assert worker.returncode == 0, f"{what} failed (exit {worker.returncode}):\n{err[-3000:]}"


def _run_together(tmp_path: Path, jobs: list[tuple[str, Path, int]]) -> list[list[str]]:
    go = tmp_path / "go"
    logs = [tmp_path / f"log-{number}.txt" for number in range(len(jobs))]
    workers = [_start(kind, path, count, go, log) for (kind, path, count), log in zip(jobs, logs, strict=True)]
    time.sleep(1)  # let every worker import and reach its starting line
    go.write_text("go", encoding="utf-8")
    for worker, (kind, _, _) in zip(workers, jobs, strict=True):
        _finish(worker, f"the {kind} worker")
    return [log.read_text(encoding="utf-8").splitlines() for log in logs]


def _plan(tmp_path: Path, text: str | None = None) -> Path:
    path = tmp_path / "cohort-work" / "team" / "plan.yaml"
    path.parent.mkdir(parents=True)
    if text is None:
        shutil.copyfile(EXAMPLE_PLAN, path)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def test_two_processes_200_updates_each_lose_nothing(tmp_path: Path) -> None:
    path = _plan(tmp_path, start_plan_text("Team Kestrel"))
    first, second = _run_together(tmp_path, [("assets", path, 200), ("assets", path, 200)])
    assert len(first) == len(second) == 200
    names = [asset.name for asset in load_plan(path).assets]
    assert len(names) == 400 and sorted(names) == sorted(first + second)
    # each process's own saves are in its own order: serialised, never interleaved half-way
    assert [name for name in names if name in set(first)] == first
    versions = plan_history(path)
    assert len(versions) == 401 and versions[-1].text() == path.read_text(encoding="utf-8")


def test_the_real_forms_saving_together_lose_nothing_and_report_truly(tmp_path: Path) -> None:
    path = _plan(tmp_path)
    before = len(load_plan(path).peer_challenge)
    pictures, questions = _run_together(tmp_path, [("day5", path, 60), ("peer", path, 60)])
    assert not [line for line in pictures + questions if line.startswith("REFUSED")]
    assert len(pictures) == 60 and len(questions) == 60  # every save said "Saved"
    plan = load_plan(path)
    asked = [question for feedback in plan.peer_challenge[before:] for question in feedback.questions]
    assert asked == questions  # every piece of feedback reported saved is in the plan
    assert plan.twelve_month_picture == pictures[-1]
    saved_pictures = {parse_plan(v.text()).twelve_month_picture for v in plan_history(path) if v.by == "Day 5 form"}
    assert set(pictures) <= saved_pictures  # every picture reported saved was really written


def test_two_processes_saving_answers_to_one_workbook_lose_nothing(tmp_path: Path) -> None:
    path = tmp_path / "my-work" / "workbook.json"
    first, second = _run_together(tmp_path, [("answers", path, 200), ("answers", path, 200)])
    saved = json.loads(path.read_text(encoding="utf-8"))["answers"]
    assert len(first) == len(second) == 200
    assert sorted(saved) == sorted(first + second)


# --- stopped half way: SIGKILL inside the plan's write, and inside the version copy ----------------


def _kill_when_paused(tmp_path: Path, path: Path, pause_at: int) -> None:
    go = tmp_path / f"go-{pause_at}"
    worker = _start("loop", path, 1, go, tmp_path / "unused.log", PAUSE_AT_FSYNC=str(pause_at))
    go.write_text("go", encoding="utf-8")
    paused = Path(f"{go}.paused")
    deadline = time.monotonic() + LIMIT
    while not paused.exists():
        if worker.poll() is not None:
            raise AssertionError(f"the worker ended before pausing: {worker.communicate()[1][-3000:]}")
        if time.monotonic() > deadline:
            worker.kill()
            raise AssertionError(f"waited {LIMIT} s for the worker to reach fsync call {pause_at}")
        time.sleep(0.02)
    os.kill(worker.pid, signal.SIGKILL)
    worker.communicate(timeout=LIMIT)


def _every_version_is_whole(path: Path) -> None:
    for version in plan_history(path):
        parse_plan(version.text(), f"version {version.number}")  # a half-written version would fail here


def test_killed_while_writing_the_plan(tmp_path: Path) -> None:
    path = _plan(tmp_path)
    update_plan(path, lambda plan: plan.model_copy(update={"notes": "saved before"}))
    before, versions = path.read_bytes(), len(plan_history(path))
    _kill_when_paused(tmp_path, path, pause_at=1)  # the 1st fsync: the plan's new text, not yet in place
    assert path.read_bytes() == before and len(plan_history(path)) == versions
    _every_version_is_whole(path)
    # the lock died with the process: the next save goes ahead at once
    update_plan(path, lambda plan: plan.model_copy(update={"notes": "saved after"}))
    assert load_plan(path).notes == "saved after"


def test_killed_while_copying_the_version(tmp_path: Path) -> None:
    path = _plan(tmp_path)
    update_plan(path, lambda plan: plan.model_copy(update={"notes": "saved before"}))
    versions = len(plan_history(path))
    _kill_when_paused(tmp_path, path, pause_at=2)  # the 2nd fsync: the plan is written, its version copy is not
    assert load_plan(path).notes.startswith("loop")  # the plan file is whole and new
    assert len(plan_history(path)) == versions  # the half-made copy is not a version
    assert any(p.name.endswith(".tmp") for p in history_dir(path).iterdir())  # it was stopped inside the copy
    _every_version_is_whole(path)
    killed_text = path.read_text(encoding="utf-8")
    update_plan(path, lambda plan: plan.model_copy(update={"notes": "saved after"}))
    kept = plan_history(path)
    # the plan written just before the kill is kept in the history by the next save: nothing is lost
    assert kept[-2].by == "found in the file" and kept[-2].text() == killed_text
    assert kept[-1].text() == path.read_text(encoding="utf-8")


@pytest.mark.parametrize("round_", range(2))
def test_killed_at_random_moments_leaves_whole_files(tmp_path: Path, round_: int) -> None:
    path = _plan(tmp_path)
    go = tmp_path / "go"
    go.write_text("go", encoding="utf-8")
    for kill in range(8):
        worker = _start("loop", path, 1000, go, tmp_path / "unused.log")
        time.sleep(0.8 + 0.13 * ((kill * 7 + round_ * 3) % 10))  # a different moment each time
        os.kill(worker.pid, signal.SIGKILL)
        worker.communicate(timeout=LIMIT)
        load_plan(path)  # whole and valid
        _every_version_is_whole(path)
    update_plan(path, lambda plan: plan.model_copy(update={"notes": "after the kills"}))
    assert load_plan(path).notes == "after the kills"
