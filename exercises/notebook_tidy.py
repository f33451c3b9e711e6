"""Keep course notebooks in the house style: no code on show, no outputs committed.

The convention for every code cell in a course notebook:

- tagged ``remove-input`` (the website shows only its output), or ``hide-input`` where a
  reader may want to open the code, or ``remove-cell`` for set-up cells with no output;
- ``metadata.jupyter.source_hidden = true``, so JupyterLab shows the cell folded;
- no outputs and no execution count (the website build runs every notebook itself).

``tidy_notebook`` applies the convention, ``problems`` lists where a notebook breaks it.
The ``academy notebooks`` command wraps both. Nothing here imports widgets.
"""

from __future__ import annotations

import copy
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from exercises.storage import atomic_write_text

HIDING_TAGS = ("remove-input", "hide-input", "remove-cell")
DEFAULT_TAG = "remove-input"
SKIPPED_FOLDERS = {".ipynb_checkpoints", "_build", ".venv", ".git", "my-work", "cohort-work"}


class NotebookProblem(ValueError):
    """A file that is not a readable notebook. ``message`` is plain English."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def _tags(cell: Any) -> list[str]:
    tags = cell.setdefault("metadata", {}).get("tags")
    return list(tags) if isinstance(tags, list) else []


def tidy_notebook(notebook: Any) -> bool:
    """Apply the convention to a notebook (a dict or ``nbformat`` node) in place.

    Returns True if anything changed. Tags already present are kept.
    """
    before = copy.deepcopy(notebook)
    notebook.get("metadata", {}).pop("widgets", None)  # saved widget state belongs to the build
    for cell in notebook.get("cells", []):
        if cell.get("cell_type") != "code":
            continue
        metadata = cell.setdefault("metadata", {})
        tags = _tags(cell)
        if not any(tag in tags for tag in HIDING_TAGS):
            tags.append(DEFAULT_TAG)
        metadata["tags"] = tags
        jupyter = metadata.get("jupyter") if isinstance(metadata.get("jupyter"), dict) else {}
        jupyter["source_hidden"] = True
        jupyter.pop("outputs_hidden", None)
        metadata["jupyter"] = jupyter
        metadata.pop("execution", None)  # run timings recorded by JupyterLab
        cell["outputs"] = []
        cell["execution_count"] = None
    return notebook != before


def problems(notebook: Any) -> list[str]:
    """Plain-English list of the ways a notebook breaks the convention (empty if none)."""
    found = []
    for number, cell in enumerate(notebook.get("cells", []), start=1):
        if cell.get("cell_type") != "code":
            continue
        metadata = cell.get("metadata", {})
        tags = metadata.get("tags") if isinstance(metadata.get("tags"), list) else []
        if not any(tag in tags for tag in HIDING_TAGS):
            found.append(
                f"cell {number}: code is not hidden on the website (add the tag 'remove-input' or 'hide-input')"
            )
        jupyter = metadata.get("jupyter") if isinstance(metadata.get("jupyter"), dict) else {}
        if jupyter.get("source_hidden") is not True:
            found.append(f"cell {number}: code is not folded in JupyterLab (jupyter.source_hidden)")
        if cell.get("outputs"):
            found.append(f"cell {number}: has saved outputs")
        if cell.get("execution_count") is not None:
            found.append(f"cell {number}: has an execution count")
    if isinstance(notebook.get("metadata"), dict) and "widgets" in notebook["metadata"]:
        found.append("notebook: has saved widget state")
    return found


def read(path: Path) -> Any:
    """Read a notebook file with nbformat; unreadable files raise ``NotebookProblem``."""
    import nbformat

    try:
        return nbformat.read(str(path), as_version=4)
    except FileNotFoundError as exc:
        raise NotebookProblem(f"{path}: there is no such file.") from exc
    except (OSError, ValueError, KeyError, AttributeError) as exc:
        raise NotebookProblem(f"{path}: this is not a notebook that can be read ({exc}).") from exc


def tidy_file(path: Path) -> bool:
    """Tidy one notebook file, rewriting it (atomically) only if something changed."""
    import nbformat

    notebook = read(path)
    if not tidy_notebook(notebook):
        return False
    atomic_write_text(Path(path), nbformat.writes(notebook) + "\n")
    return True


def check_file(path: Path) -> list[str]:
    return problems(read(path))


def notebook_paths(paths: Iterable[Path]) -> Iterator[Path]:
    """Notebooks named, or found under named folders (skipping checkpoints and build folders)."""
    for path in map(Path, paths):
        if path.is_dir():
            for found in sorted(path.rglob("*.ipynb")):
                if not SKIPPED_FOLDERS & set(found.relative_to(path).parts[:-1]):
                    yield found
        else:
            yield path
