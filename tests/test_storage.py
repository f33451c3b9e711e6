"""Atomic saving: the one writer the workbook, plans, exports and reports share."""

from __future__ import annotations

import contextlib
import os
import stat
from pathlib import Path

from exercises.storage import atomic_write_chunks, atomic_write_text, set_aside


def test_text_and_chunks_write_the_same_bytes(tmp_path: Path) -> None:
    atomic_write_text(tmp_path / "a.txt", "Café\nline two\n")
    atomic_write_chunks(tmp_path / "b.txt", ["Caf", "é\n".encode(), "line two\n"])
    assert (tmp_path / "a.txt").read_bytes() == (tmp_path / "b.txt").read_bytes() == "Café\nline two\n".encode()


def test_backup_keeps_previous_version_and_target_is_replaced(tmp_path: Path) -> None:
    target = tmp_path / "plan.yaml"
    assert atomic_write_text(target, "first\n", keep_backup=True) is None
    backup = atomic_write_text(target, "second\n", keep_backup=True)
    assert backup == tmp_path / "plan.yaml.bak"
    assert backup.read_text() == "first\n" and target.read_text() == "second\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.yaml", "plan.yaml.bak"]  # no temp files left


def test_new_files_are_not_private_and_existing_modes_are_kept(tmp_path: Path) -> None:
    target = tmp_path / "report.html"
    atomic_write_chunks(target, ["<p>hi</p>"])
    mask = os.umask(0)
    os.umask(mask)
    assert stat.S_IMODE(target.stat().st_mode) == 0o666 & ~mask
    target.chmod(0o640)
    atomic_write_chunks(target, ["<p>again</p>"])
    assert stat.S_IMODE(target.stat().st_mode) == 0o640


def test_failed_write_leaves_old_file_and_no_temp(tmp_path: Path) -> None:
    target = tmp_path / "workbook.json"
    atomic_write_text(target, "old")

    def chunks():
        yield "new part"
        raise RuntimeError("stopped half way")

    with contextlib.suppress(RuntimeError):
        atomic_write_chunks(target, chunks())
    assert target.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["workbook.json"]


def test_set_aside_keeps_the_damaged_file(tmp_path: Path) -> None:
    damaged = tmp_path / "workbook.json"
    damaged.write_text("{not json")
    moved = set_aside(damaged, "damaged")
    assert not damaged.exists() and moved.read_text() == "{not json"
    assert moved.name.startswith("workbook.damaged-") and moved.suffix == ".json"


def test_a_backup_copy_is_made_atomically(tmp_path: Path, monkeypatch) -> None:
    from exercises import storage

    target = tmp_path / "plan.yaml"
    atomic_write_text(target, "first\n", keep_backup=True)
    atomic_write_text(target, "second\n", keep_backup=True)

    def stop(*_args, **_kwargs):
        raise KeyboardInterrupt  # stopped inside the copy

    monkeypatch.setattr(storage.shutil, "copy2", stop)
    with contextlib.suppress(KeyboardInterrupt):
        atomic_write_text(target, "third\n", keep_backup=True)
    monkeypatch.undo()
    assert target.read_text() == "second\n"
    assert (tmp_path / "plan.yaml.bak").read_text() == "first\n"  # the old backup, whole
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.yaml", "plan.yaml.bak"]  # no temporary files


def test_file_lock_makes_writers_take_turns(tmp_path: Path) -> None:
    import threading
    import time

    from exercises.storage import file_lock

    order: list[str] = []

    def hold(name: str) -> None:
        with file_lock(tmp_path / ".lock"):
            order.append(f"{name} in")
            time.sleep(0.2)
            order.append(f"{name} out")

    threads = [threading.Thread(target=hold, args=(name,)) for name in ("a", "b")]
    for thread in threads:
        thread.start()
        time.sleep(0.05)
    for thread in threads:
        thread.join(timeout=60)
    assert order == ["a in", "a out", "b in", "b out"]
