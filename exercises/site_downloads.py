""" "Download this day": one zip file per day that runs on its own, built with the website.

Each bundle holds the day's pages (notebooks and Markdown), the course's datasets, the
``exercises`` package, the exact package versions (``requirements.lock``) and ``start.py``:
``python3 start.py`` makes a virtual environment in the folder, installs the course into it
and opens JupyterLab on the day's first page. A small ``_toc.yml`` marks the folder as the
course's root, so the notebooks find their data and save answers in ``my-work/`` beside them.

``exercises.sitebuild`` writes the bundles into ``_build/html/downloads/`` and puts links to
them (and to the day's PDF, see ``tools/build_pdf.py``) at the top of each day's first page.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import yaml

SKIP = re.compile(r"(^|/)(__pycache__|\.ipynb_checkpoints|my-work|cohort-work)(/|$)|\.pyc$")
FIXED_TIME = (2026, 1, 1, 0, 0, 0)  # the same bytes every build
NEEDED = ("exercises/__init__.py", "datasets", "pyproject.toml", "requirements.lock", "references.bib")

START = '''"""Start this day of the Commissioning Academy: python3 start.py

Makes a virtual environment in .venv (the first time only), installs the course's exact
package versions into it and opens JupyterLab on {first}.
Needs Python 3.11 and an internet connection (or a package mirror) the first time.
"""

import subprocess
import sys
import venv
from pathlib import Path

HERE = Path(__file__).resolve().parent
FIRST = "{first}"


def main() -> None:
    env = HERE / ".venv"
    python = env / ("Scripts/python.exe" if sys.platform == "win32" else "bin/python")
    commands = [
        [str(python), "-m", "pip", "install", "--quiet", "-r", str(HERE / "requirements.lock")],
        [str(python), "-m", "pip", "install", "--quiet", "--no-deps", "-e", str(HERE)],
    ]
    lab = [str(python), "-m", "jupyterlab", FIRST]
    if "--dry-run" in sys.argv:
        print("\\n".join(" ".join(c) for c in [["venv", str(env)], *commands, lab]))
        return
    if sys.version_info[:2] != (3, 11):
        sys.exit("This course needs Python 3.11: run start.py with it (for example: python3.11 start.py).")
    if not python.exists():
        print("Setting up the course the first time: this takes a few minutes.")
        venv.create(env, with_pip=True)
        for command in commands:
            subprocess.run(command, check=True)
    subprocess.run(lab, cwd=HERE, check=False)


if __name__ == "__main__":
    main()
'''

README = """{title}
{underline}

This folder is one day of the Commissioning Academy course, ready to run on your computer.

1. Install Python 3.11 (https://www.python.org/downloads/) if you do not have it.
2. Open a terminal in this folder and type:

       python3 start.py

   The first time, it installs what the course needs (a few minutes, online). Then
   JupyterLab opens on the day's first page. Run a page with Run > Run All Cells.

Your answers are saved in the folder my-work/ here. Nothing is sent anywhere.
Data marked "synthetic" is made up, for practice.
"""


def day_chapters(toc: dict) -> list[dict]:
    """The chapters of the part "The five days" in a ``_toc.yml``."""
    for part in toc.get("parts", []):
        if part.get("caption") == "The five days":
            return list(part["chapters"])
    raise ValueError("_toc.yml has no part captioned 'The five days'")


def _add_tree(archive: zipfile.ZipFile, root: Path, folder: str, prefix: str) -> None:
    for path in sorted((root / folder).rglob("*")):
        rel = path.relative_to(root).as_posix()
        if path.is_file() and not SKIP.search(rel):
            _add_bytes(archive, f"{prefix}/{rel}", path.read_bytes())


def _add_bytes(archive: zipfile.ZipFile, name: str, data: bytes, executable: bool = False) -> None:
    info = zipfile.ZipInfo(name, FIXED_TIME)
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = (0o755 if executable else 0o644) << 16
    archive.writestr(info, data)


def bundle_name(day_index: str) -> str:
    """``day1`` for ``modules/day1-outcomes-and-systems/index``."""
    match = re.search(r"/(day\d)", day_index)
    if not match:
        raise ValueError(f"not a day's first page: {day_index}")
    return match.group(1)


def build_day_bundle(root: Path, chapter: dict, title: str, target: Path) -> Path:
    """Write the zip for one day (a chapter of ``_toc.yml``) to ``target``; return it."""
    day_dir = Path(chapter["file"]).parent.as_posix()
    sections = [s["file"] for s in chapter.get("sections", [])]
    notebooks = [s for s in sections if (root / f"{s}.ipynb").is_file()]
    if not notebooks:
        raise ValueError(f"{day_dir} has no notebook to start on")
    first = f"{notebooks[0]}.ipynb"
    prefix = f"commissioning-academy-{bundle_name(chapter['file'])}"
    toc = {"format": "jb-book", "root": chapter["file"], "chapters": [{"file": s} for s in sections]}
    target.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(target, "w") as archive:
        _add_tree(archive, root, day_dir, prefix)
        _add_tree(archive, root, "datasets", prefix)
        _add_tree(archive, root, "exercises", prefix)
        for name in ("pyproject.toml", "requirements.lock", "references.bib"):
            _add_bytes(archive, f"{prefix}/{name}", (root / name).read_bytes())
        _add_bytes(archive, f"{prefix}/_toc.yml", yaml.safe_dump(toc, sort_keys=False).encode())
        _add_bytes(archive, f"{prefix}/start.py", START.format(first=first).encode(), executable=True)
        _add_bytes(archive, f"{prefix}/README.txt", README.format(title=title, underline="=" * len(title)).encode())
    return target


def build_bundles(root: Path, outdir: Path, titles: dict[str, str]) -> list[Path]:
    """One bundle per day into ``outdir/downloads``; ``titles`` maps a day's page to its title.
    None if the course's package and data are not beside the book."""
    if not all((root / name).exists() for name in NEEDED):
        return []  # a book built without the course's package beside it (a test's cut-down copy)
    toc = yaml.safe_load((root / "_toc.yml").read_text(encoding="utf-8"))
    made = []
    for chapter in day_chapters(toc):
        name = bundle_name(chapter["file"])
        title = titles.get(chapter["file"], name)
        made.append(build_day_bundle(root, chapter, title, outdir / "downloads" / f"commissioning-academy-{name}.zip"))
    return made
