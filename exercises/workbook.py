"""The participant's workbook: every answer they give, kept in ``my-work/workbook.json``.

The file looks like this (keys we do not know are kept as they are)::

    {"schema_version": 1,
     "answers": {"d1-procurement": {"value": "...", "kind": "choice", "page": "...",
                                    "question": "...", "status": "correct",
                                    "saved_at": "2026-03-03T14:02:11+00:00"}}}

- Saving holds a lock on the work folder (``exercises.storage.file_lock``), re-reads the
  file, changes one answer and writes the whole file atomically, so two notebooks or two
  browser tabs saving at once take turns and never undo each other's answers.
- An answer replaced by a different one keeps the replaced answer in its ``earlier`` list
  (the newest :data:`KEEP_EARLIER`), so an old tab answering again never loses the answer
  given in a newer one.
- A file that cannot be read is renamed with ``exercises.storage.set_aside`` (never
  deleted) and a plain-English notice is kept for the exercises to show once.
- Nothing is written when a workbook is only loaded, so showing an exercise never writes.

``export_markdown`` turns the workbook into a Markdown document for the participant.
Nothing here imports widgets.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from exercises.paths import work_dir
from exercises.storage import atomic_write_text, file_lock, set_aside

SCHEMA_VERSION = 1
FILE_NAME = "workbook.json"
LOCK_NAME = ".workbook.lock"
NO_PAGE = "Other answers"
KEEP_EARLIER = 10  # replaced answers kept with each answer

_pending_notices: list[str] = []


class WorkbookError(OSError):
    """The workbook could not be saved. ``message`` is plain English for the participant."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class Answer:
    """One saved answer."""

    exercise_id: str
    value: Any
    kind: str = ""
    page: str = ""
    question: str = ""
    status: str = ""
    saved_at: str = ""

    @property
    def saved_time(self) -> datetime | None:
        try:
            return datetime.fromisoformat(self.saved_at)
        except (TypeError, ValueError):
            return None

    def saved_label(self) -> str:
        """``"14:02 on 3 March 2026"`` (or an empty string when the time is unknown)."""
        when = self.saved_time
        return f"{when:%H:%M} on {when.day} {when:%B %Y}" if when else ""


def workbook_path() -> Path:
    """Where the participant's workbook lives (``ACADEMY_WORK_DIR`` moves it)."""
    return work_dir() / FILE_NAME


def now_iso() -> str:
    return datetime.now().astimezone().isoformat(timespec="seconds")


def _empty() -> dict[str, Any]:
    return {"schema_version": SCHEMA_VERSION, "answers": {}}


def _read(path: Path) -> tuple[dict[str, Any] | None, str | None]:
    """Read the file. Returns (data, None), (None, None) if there is no file, or
    (None, notice) after setting an unreadable file aside."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None, None
    except UnicodeDecodeError:
        text = None
    except OSError as exc:
        raise WorkbookError(
            f"Your workbook {path} could not be opened ({exc.strerror or exc}). "
            "Ask your facilitator to check the folder's permissions."
        ) from exc
    data: Any = None
    if text is not None:
        try:
            data = json.loads(text)
        except ValueError:
            data = None
    if isinstance(data, dict) and isinstance(data.get("answers", {}), dict):
        data.setdefault("answers", {})
        return data, None
    kept = set_aside(path, "unreadable")
    notice = (
        f"Your workbook file could not be read, so it has been kept as {kept.name} in "
        f"{kept.parent} and a new workbook started. Your earlier answers are still in "
        "that file; your facilitator can help you recover them."
    )
    return None, notice


def _version(data: dict[str, Any]) -> int:
    version = data.get("schema_version")
    return version if isinstance(version, int) and not isinstance(version, bool) else SCHEMA_VERSION


def _answer_from(exercise_id: str, raw: Any) -> Answer | None:
    if not isinstance(raw, dict) or "value" not in raw:
        return None

    def text(key: str) -> str:
        field = raw.get(key)
        return field if isinstance(field, str) else ""

    return Answer(
        exercise_id=exercise_id,
        value=raw["value"],
        kind=text("kind"),
        page=text("page"),
        question=text("question"),
        status=text("status"),
        saved_at=text("saved_at"),
    )


class Workbook:
    """A participant's answers, loaded from (and saved to) one JSON file."""

    def __init__(self, path: Path, data: dict[str, Any] | None = None, notice: str | None = None) -> None:
        self.path = Path(path)
        self._data = data if data is not None else _empty()
        self.notice = notice

    @classmethod
    def load(cls, path: Path | None = None) -> Workbook:
        """Load the workbook (an empty one if there is none). Sets ``notice`` if the file
        was unreadable and has been set aside."""
        path = Path(path) if path is not None else workbook_path()
        data, notice = _read(path)
        if notice:
            _pending_notices.append(notice)
        return cls(path, data, notice)

    @property
    def schema_version(self) -> int:
        return _version(self._data)

    def get(self, exercise_id: str) -> Answer | None:
        return _answer_from(exercise_id, self._data["answers"].get(exercise_id))

    def answers(self) -> list[Answer]:
        """Every readable answer, grouped by page and then in the order they were given."""
        found = [a for key, raw in self._data["answers"].items() if (a := _answer_from(key, raw))]
        return sorted(found, key=lambda a: (a.page or "\uffff", a.saved_at))

    def __len__(self) -> int:
        return len(self.answers())

    def record(
        self, exercise_id: str, value: Any, *, kind: str = "", page: str = "", question: str = "", status: str = ""
    ) -> Answer:
        """Save one answer now. Answers saved meanwhile by another notebook are kept."""
        if not exercise_id:
            raise ValueError("An exercise needs an id to be saved.")
        entry = {
            "value": value,
            "kind": kind,
            "page": page,
            "question": question,
            "status": status,
            "saved_at": now_iso(),
        }
        try:
            json.dumps(entry)
        except (TypeError, ValueError) as exc:
            raise ValueError(f"The answer to {exercise_id} cannot be saved as JSON: {exc}") from exc
        try:
            with file_lock(self.path.parent / LOCK_NAME):
                on_disk, notice = _read(self.path)
                if notice:
                    _pending_notices.append(notice)
                    self.notice = notice
                data = on_disk if on_disk is not None else self._data
                old = data["answers"].get(exercise_id)
                extra = {k: v for k, v in old.items() if k not in entry} if isinstance(old, dict) else {}
                if isinstance(old, dict) and "value" in old and old["value"] != value:
                    replaced = {k: old.get(k) for k in ("value", "status", "saved_at")}
                    kept = extra.get("earlier")
                    earlier: list[Any] = kept if isinstance(kept, list) else []
                    extra["earlier"] = [*earlier, replaced][-KEEP_EARLIER:]
                data["answers"][exercise_id] = {**extra, **entry}
                data["schema_version"] = max(SCHEMA_VERSION, _version(data))
                atomic_write_text(self.path, json.dumps(data, indent=2, ensure_ascii=False) + "\n")
        except WorkbookError:
            raise
        except OSError as exc:
            raise WorkbookError(
                f"Your answer could not be saved in {self.path.parent} ({exc.strerror or exc}). Tell your facilitator."
            ) from exc
        self._data = data
        answer = self.get(exercise_id)
        assert answer is not None
        return answer


def load_workbook() -> Workbook:
    """The participant's workbook from ``work_dir()``."""
    return Workbook.load()


def save_answer(exercise_id: str, value: Any, **details: str) -> Answer:
    """Save one answer to the participant's workbook (see ``Workbook.record``)."""
    return Workbook.load().record(exercise_id, value, **details)


def take_notice() -> str | None:
    """A notice about a set-aside workbook, returned once (then forgotten)."""
    if not _pending_notices:
        return None
    notice = " ".join(dict.fromkeys(_pending_notices))
    _pending_notices.clear()
    return notice


def _markdown_value(value: Any) -> list[str]:
    if isinstance(value, dict):
        return [f"- {key}: {'(not answered)' if item in (None, '') else item}" for key, item in value.items()]
    if isinstance(value, list):
        return [f"- {item}" for item in value] or ["(nothing chosen)"]
    text = str(value).strip() if value is not None else ""
    if not text:
        return ["(not answered)"]
    return [("> " + line) if line else ">" for line in text.splitlines()]


def export_markdown(workbook: Workbook | None = None) -> str:
    """The participant's answers as a Markdown document, page by page."""
    workbook = workbook if workbook is not None else Workbook.load()
    lines = [
        "# My Commissioning Academy workbook",
        "",
        f"Exported on {datetime.now():%d %B %Y at %H:%M}. These are your own answers; nothing here is published.",
        "",
    ]
    answers = workbook.answers()
    if not answers:
        lines += ["You have not saved any answers yet.", ""]
    page = None
    for answer in answers:
        if (answer.page or NO_PAGE) != page:
            page = answer.page or NO_PAGE
            lines += [f"## {page}", ""]
        lines += [f"### {answer.question or answer.exercise_id}", ""]
        lines += [*_markdown_value(answer.value), ""]
        saved = answer.saved_label()
        lines += [f"*Exercise {answer.exercise_id}" + (f", saved at {saved}" if saved else "") + ".*", ""]
    return "\n".join(lines).rstrip() + "\n"


def export_to(path: Path | None = None) -> tuple[Path, int]:
    """Write ``export_markdown()`` to ``path`` (default ``my-work/workbook.md``), atomically."""
    workbook = Workbook.load()
    target = Path(path) if path is not None else work_dir() / "workbook.md"
    atomic_write_text(target, export_markdown(workbook))
    return target, len(workbook)
