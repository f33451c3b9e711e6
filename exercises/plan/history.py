"""A plan file's history: every save kept as a numbered version, next to the plan.

The versions of ``team/plan.yaml`` live in ``team/.plan.yaml.history/`` (hidden, so the
cohort report and file pickers skip it), one file per version::

    000012.yaml   # version: {"number": 12, "when": "...", "by": "Day 5 form", "summary": "..."}
                  # ...then the plan exactly as saved

Each version is written atomically (a temporary file renamed into place), so a crash
leaves either the whole version or none of it. Numbers only go up and are never reused.
The newest :data:`KEEP_VERSIONS` are kept; older ones are removed when a new one is added.

This module only handles text and file names: reading and checking a plan, and the lock
that makes saves take turns, are in :mod:`exercises.plan.store`.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from exercises.plan.model import Plan
from exercises.storage import atomic_write_text

KEEP_VERSIONS = 500  # a busy day for a team of six is a few hundred saves; a plan is 5-50 KB
_HEADER = "# version: "
_NAME = re.compile(r"^(\d{6,})\.yaml$")


@dataclass(frozen=True)
class Version:
    """One kept version of a plan file."""

    number: int
    when: str
    by: str
    summary: str
    path: Path

    def when_label(self) -> str:
        """``"14:02 on 3 March 2026"`` (or the raw text if it is not a time)."""
        try:
            moment = datetime.fromisoformat(self.when)
        except ValueError:
            return self.when
        return f"{moment:%H:%M:%S} on {moment.day} {moment:%B %Y}"

    def text(self) -> str:
        """The plan as it was saved in this version (without the version line)."""
        body = self.path.read_text(encoding="utf-8")
        first, _, rest = body.partition("\n")
        return rest if first.startswith(_HEADER) else body


def history_dir(plan_path: str | Path) -> Path:
    """The folder holding the versions of ``plan_path``."""
    plan_path = Path(plan_path)
    return plan_path.with_name(f".{plan_path.name}.history")


def _numbers(folder: Path) -> list[int]:
    if not folder.is_dir():
        return []
    return sorted(int(match.group(1)) for name in (p.name for p in folder.iterdir()) if (match := _NAME.match(name)))


def _read_version(path: Path, number: int) -> Version:
    try:
        with open(path, encoding="utf-8") as handle:
            first = handle.readline()
    except (OSError, UnicodeDecodeError):
        first = ""
    meta: dict[str, Any] = {}
    if first.startswith(_HEADER):
        try:
            meta = json.loads(first[len(_HEADER) :])
        except ValueError:
            meta = {}
    return Version(
        number=number,
        when=str(meta.get("when", "")),
        by=str(meta.get("by", "")),
        summary=str(meta.get("summary", "")),
        path=path,
    )


def list_versions(plan_path: str | Path) -> list[Version]:
    """Every kept version of ``plan_path``, oldest first."""
    folder = history_dir(plan_path)
    return [_read_version(folder / f"{number:06d}.yaml", number) for number in _numbers(folder)]


def get_version(plan_path: str | Path, number: int) -> Version | None:
    """Version ``number`` of ``plan_path``, or None if it is not kept."""
    path = history_dir(plan_path) / f"{number:06d}.yaml"
    return _read_version(path, number) if path.is_file() else None


def latest_text(plan_path: str | Path) -> str | None:
    """The text of the newest version, or None if there is no history yet."""
    numbers = _numbers(history_dir(plan_path))
    if not numbers:
        return None
    try:
        return _read_version(history_dir(plan_path) / f"{numbers[-1]:06d}.yaml", numbers[-1]).text()
    except (OSError, UnicodeDecodeError):
        return None


def add_version(plan_path: str | Path, text: str, by: str, summary: str, keep: int = KEEP_VERSIONS) -> Version:
    """Keep ``text`` as the next version of ``plan_path`` (atomically) and drop the oldest beyond ``keep``.

    Call it only while holding the plan's lock (see :func:`exercises.plan.store.update_plan`).
    """
    folder = history_dir(plan_path)
    numbers = _numbers(folder)
    number = (numbers[-1] if numbers else 0) + 1
    when = datetime.now().astimezone().isoformat(timespec="seconds")
    meta = json.dumps({"number": number, "when": when, "by": by, "summary": summary}, ensure_ascii=False)
    path = folder / f"{number:06d}.yaml"
    atomic_write_text(path, f"{_HEADER}{meta}\n{text}")
    for old in [*numbers, number][:-keep] if keep > 0 else []:
        (folder / f"{old:06d}.yaml").unlink(missing_ok=True)
    return Version(number, when, by, summary, path)


def _title(name: str) -> str:
    info = Plan.model_fields.get(name)
    return (info.title if info is not None and info.title else name).replace("_", " ")


def describe_change(old: dict[str, Any] | None, new: dict[str, Any]) -> str:
    """A short summary of what changed between two plans' data: the sections, and list sizes."""
    if old is None:
        return "first version"
    parts: list[str] = []
    for name in new:
        before, after = old.get(name), new.get(name)
        if before == after:
            continue
        label = _title(name)
        if isinstance(before, list) and isinstance(after, list) and len(before) != len(after):
            label += f" ({len(before)} → {len(after)})"
        parts.append(label)
    return "changed: " + ", ".join(parts) if parts else "no change"
