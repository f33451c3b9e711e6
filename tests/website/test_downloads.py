"""Take-away copies of the course: "download this day" bundles that run on their own, and the
PDFs of the course and of each day, all linked from the site."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

DAYS = [f"day{n}" for n in range(1, 6)]


def bundle(built_site: Path, day: str) -> Path:
    path = built_site / "downloads" / f"commissioning-academy-{day}.zip"
    assert path.is_file(), f"{path} was not built"
    return path


@pytest.mark.parametrize("day", DAYS)
def test_day_bundle_holds_what_the_day_needs(built_site: Path, day: str) -> None:
    with zipfile.ZipFile(bundle(built_site, day)) as archive:
        names = archive.namelist()
        prefix = f"commissioning-academy-{day}/"
        assert all(name.startswith(prefix) for name in names)
        rel = {name[len(prefix) :] for name in names}
        for needed in ("start.py", "README.txt", "_toc.yml", "requirements.lock", "pyproject.toml"):
            assert needed in rel, needed
        assert any(name.startswith("exercises/") and name.endswith("__init__.py") for name in rel)
        assert any(name.startswith("datasets/") for name in rel)
        day_pages = [name for name in rel if re.match(rf"modules/{day}[^/]*/.*\.ipynb$", name)]
        assert day_pages, "no notebook of the day"
        other_days = [name for name in rel if re.match(r"modules/day\d", name) and f"modules/{day}" not in name]
        assert not other_days
        assert not [name for name in rel if "my-work" in name or "cohort-work" in name or "__pycache__" in name]


def test_bundle_runs_on_its_own(built_site: Path, tmp_path: Path) -> None:
    """Unpacked far from the course, the bundle's own package and data run a page of the day."""
    with zipfile.ZipFile(bundle(built_site, "day1")) as archive:
        archive.extractall(tmp_path)
    root = tmp_path / "commissioning-academy-day1"
    dry = subprocess.run(
        [sys.executable, str(root / "start.py"), "--dry-run"], capture_output=True, text=True, check=True
    )
    assert "requirements.lock" in dry.stdout and "jupyterlab" in dry.stdout
    assert "modules/day1-outcomes-and-systems/01-what-is-commissioning.ipynb" in dry.stdout
    page = root / "modules" / "day1-outcomes-and-systems" / "03-outcomes-not-outputs.ipynb"
    notebook = nbformat.read(page, as_version=4)
    notebook.cells.append(
        nbformat.v4.new_code_cell(
            "import exercises, exercises.paths as p\nprint(exercises.__file__)\nprint(p.course_root())"
        )
    )
    env = {
        **os.environ,
        "PYTHONPATH": str(root),  # the bundle's copy of the package, as `pip install -e .` would give
        "ACADEMY_WORK_DIR": str(tmp_path / "answers"),
        "ACADEMY_COHORT_DIR": str(tmp_path / "cohort"),
    }
    old = dict(os.environ)
    os.environ.update(env)
    try:
        NotebookClient(
            notebook, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(page.parent)}}
        ).execute()
    finally:
        os.environ.clear()
        os.environ.update(old)
    errors = [o for c in notebook.cells for o in c.get("outputs", []) if o.get("output_type") == "error"]
    assert not errors
    package, course = notebook.cells[-1].outputs[0]["text"].split()
    assert Path(package).is_relative_to(root), f"the page used {package}, not the bundle's package"
    assert Path(course) == root, f"the page took {course} for the course folder"


def test_pdfs_of_the_course_and_each_day(built_site: Path) -> None:
    from pypdf import PdfReader

    course = PdfReader(built_site / "pdf" / "commissioning-academy.pdf")
    total = len(course.pages)
    assert total > 50
    titles = [item.title for item in course.outline if not isinstance(item, list)]
    assert titles[0] == "The Commissioning Academy"
    for day in DAYS:
        reader = PdfReader(built_site / "pdf" / f"commissioning-academy-{day}.pdf")
        assert 5 < len(reader.pages) < total
        first = reader.outline[0].title
        assert first.startswith(f"Day {day[-1]}:"), first
        text = reader.pages[0].extract_text()
        assert f"Day {day[-1]}" in text


@pytest.mark.parametrize("day", DAYS)
def test_each_days_first_page_links_to_its_downloads(built_site: Path, day: str) -> None:
    page = next((built_site / "modules").glob(f"{day}-*/index.html"))
    html = page.read_text(encoding="utf-8")
    for href in (f"../../downloads/commissioning-academy-{day}.zip", f"../../pdf/commissioning-academy-{day}.pdf"):
        assert f'href="{href}"' in html, href
        assert (page.parent / href).resolve().is_file(), href


def test_start_page_links_to_the_course_pdf(built_site: Path) -> None:
    assert 'href="pdf/commissioning-academy.pdf"' in (built_site / "index.html").read_text(encoding="utf-8")
