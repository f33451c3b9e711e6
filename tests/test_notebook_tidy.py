"""Notebook house style (exercises.notebook_tidy) and ``academy notebooks tidy|check``."""

from __future__ import annotations

from pathlib import Path

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output

from exercises.cli import main
from exercises.notebook_tidy import check_file, notebook_paths, problems, tidy_file, tidy_notebook

REPO = Path(__file__).resolve().parent.parent


def messy_notebook():
    run = new_code_cell("print('hi')", execution_count=3, outputs=[new_output("stream", name="stdout", text="hi\n")])
    run.metadata["execution"] = {"iopub.status.busy": "2026-01-01T00:00:00"}
    kept = new_code_cell("x = 1", metadata={"tags": ["hide-input", "nbval-ignore-output"]})
    notebook = new_notebook(cells=[new_markdown_cell("# Title"), run, kept])
    notebook.metadata["widgets"] = {"application/vnd.jupyter.widget-state+json": {}}
    return notebook


def write(path: Path, notebook) -> Path:
    nbformat.write(notebook, str(path))
    return path


def test_tidy_applies_the_convention() -> None:
    notebook = messy_notebook()
    assert len(problems(notebook)) == 6
    assert tidy_notebook(notebook) is True
    run, kept = notebook.cells[1], notebook.cells[2]
    assert run.metadata.tags == ["remove-input"] and run.metadata.jupyter == {"source_hidden": True}
    assert run.outputs == [] and run.execution_count is None and "execution" not in run.metadata
    assert kept.metadata.tags == ["hide-input", "nbval-ignore-output"]  # hide-input kept, not doubled
    assert kept.metadata.jupyter.source_hidden is True
    assert "widgets" not in notebook.metadata
    assert notebook.cells[0].metadata == {}  # markdown untouched
    assert problems(notebook) == []
    assert tidy_notebook(notebook) is False  # already tidy


def test_problems_name_the_cell() -> None:
    found = problems(messy_notebook())
    assert "cell 2: code is not hidden on the website (add the tag 'remove-input' or 'hide-input')" in found
    assert "cell 2: has saved outputs" in found
    assert "cell 3: code is not folded in JupyterLab (jupyter.source_hidden)" in found
    assert "notebook: has saved widget state" in found


def test_tidy_file_rewrites_only_when_needed(tmp_path: Path) -> None:
    path = write(tmp_path / "page.ipynb", messy_notebook())
    assert tidy_file(path) is True
    assert check_file(path) == []
    stamp = path.stat().st_mtime_ns
    assert tidy_file(path) is False
    assert path.stat().st_mtime_ns == stamp
    nbformat.validate(nbformat.read(str(path), as_version=4))


def test_folders_are_searched_without_checkpoints(tmp_path: Path) -> None:
    write(tmp_path / "a.ipynb", messy_notebook())
    (tmp_path / "day1" / ".ipynb_checkpoints").mkdir(parents=True)
    write(tmp_path / "day1" / "b.ipynb", messy_notebook())
    write(tmp_path / "day1" / ".ipynb_checkpoints" / "b-checkpoint.ipynb", messy_notebook())
    found = [p.relative_to(tmp_path).as_posix() for p in notebook_paths([tmp_path])]
    assert found == ["a.ipynb", "day1/b.ipynb"]


def test_cli_check_then_tidy(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    path = write(tmp_path / "page.ipynb", messy_notebook())
    assert main(["notebooks", "check", str(tmp_path)]) == 1
    captured = capsys.readouterr()
    assert f"{path}:" in captured.out and "has saved outputs" in captured.out
    assert "1 of 1 notebook breaks the convention" in captured.err
    assert main(["notebooks", "tidy", str(path)]) == 0
    assert "Tidied" in capsys.readouterr().out
    assert main(["notebooks", "check", str(path)]) == 0
    assert "all follow the convention" in capsys.readouterr().out


def test_cli_reports_files_that_are_not_notebooks(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    broken = tmp_path / "broken.ipynb"
    broken.write_text("{not a notebook", encoding="utf-8")
    assert main(["notebooks", "tidy", str(broken), str(tmp_path / "missing.ipynb")]) == 1
    err = capsys.readouterr().err
    assert "not a notebook that can be read" in err and "there is no such file" in err
    assert "Traceback" not in err
    assert main(["notebooks", "check", str(tmp_path / "empty-folder-that-is-not-there")]) == 1


def test_the_authors_page_follows_the_convention() -> None:
    assert check_file(REPO / "modules" / "authors" / "writing-exercises.ipynb") == []
