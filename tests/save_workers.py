"""Processes that save at the same time as each other, for tests/test_saving_together.py.

Run as ``python -m tests.save_workers KIND PATH COUNT GO_FILE [LOG]``: each waits until
GO_FILE exists (so both start together), then saves COUNT times, and writes one line per
save that the code reported as done to LOG (or prints it).
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path


def _wait_for(go: Path, limit: float = 120) -> None:
    deadline = time.monotonic() + limit
    while not go.exists():
        if time.monotonic() > deadline:
            raise SystemExit(f"gave up waiting {limit:.0f} s for {go}")
        time.sleep(0.01)


def add_assets(path: Path, count: int, tag: str, log: list[str]) -> None:
    """update_plan, COUNT times: add one asset named after this worker and the number."""
    from exercises.plan.model import Asset
    from exercises.plan.store import update_plan

    for number in range(count):
        name = f"{tag}-{number}"
        update_plan(
            path,
            lambda plan, name=name: plan.model_copy(update={"assets": [*plan.assets, Asset(name=name)]}),
            by=f"worker {tag}",
        )
        log.append(name)


def day5_form(path: Path, count: int, tag: str, log: list[str]) -> None:
    """The real Day 5 form: change the twelve-month picture and save, COUNT times."""
    from exercises.plan_forms import DAYS, PlanForm

    form = PlanForm(path, DAYS[5], name="Day 5 form")
    for number in range(count):
        text = f"{tag} picture {number}"
        form.editors["twelve_month_picture"].widget.value = text
        if form.save() and "Saved at" in form.status.value:
            log.append(text)
        elif "Nothing to save" not in form.status.value:
            log.append(f"REFUSED {number}: {form.status.value}")


def peer_form(path: Path, count: int, tag: str, log: list[str]) -> None:
    """The real peer-challenge form: record one new question, COUNT times."""
    from exercises.peer_challenge import PeerChallengeForm

    form = PeerChallengeForm(path.parent.parent)
    (choice,) = [value for _, value in form.plan.options if value.path == path]
    form.plan.value = choice
    form.reviewers.value = "Team Heron"
    for number in range(count):
        question = f"{tag} question {number}?"
        form.boxes["questions"].value = question
        if form.save() and "Saved." in form.status.value:
            log.append(question)
        else:
            log.append(f"REFUSED {number}: {form.status.value}")


def record_answers(path: Path, count: int, tag: str, log: list[str]) -> None:
    """The participant's workbook: save COUNT answers, each under its own id."""
    from exercises.workbook import Workbook

    book = Workbook.load(path)
    for number in range(count):
        book.record(f"{tag}-{number}", number, kind="number")
        log.append(f"{tag}-{number}")


def loop_updates(path: Path, count: int, tag: str, log: list[str]) -> None:
    """update_plan with notes that grow, until killed; logs each save that returned."""
    from exercises.plan.store import update_plan

    for number in range(count):
        update_plan(path, lambda plan, n=number: plan.model_copy(update={"notes": f"{tag} {n} " * 200}))
        log.append(str(number))


KINDS = {
    "assets": add_assets,
    "day5": day5_form,
    "peer": peer_form,
    "answers": record_answers,
    "loop": loop_updates,
}


def main(argv: list[str]) -> int:
    kind, path, count, go = argv[0], Path(argv[1]), int(argv[2]), Path(argv[3])
    out = Path(argv[4]) if len(argv) > 4 else None
    tag = f"{kind}{os.getpid()}"
    pause_at = int(os.environ.get("PAUSE_AT_FSYNC", "0"))
    if pause_at:  # stop for ever inside the pause_at-th fsync, so the test can kill us there
        from exercises import storage

        real_fsync, calls = storage.os.fsync, [0]

        class _Os:
            def __getattr__(self, name: str):  # everything else is the real os module
                return getattr(os, name)

            @staticmethod
            def fsync(fd: int) -> None:
                real_fsync(fd)
                calls[0] += 1
                if calls[0] == pause_at:
                    Path(str(go) + ".paused").write_text("paused", encoding="utf-8")
                    time.sleep(3600)

        storage.os = _Os()  # type: ignore[assignment]
    log: list[str] = []
    _wait_for(go)
    try:
        KINDS[kind](path, count, tag, log)
    finally:
        text = "".join(f"{line}\n" for line in log)
        if out is not None:
            out.write_text(text, encoding="utf-8")
        else:
            sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
