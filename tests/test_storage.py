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
