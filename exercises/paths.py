"""Where the course, participants' work and teams' plans live on disk.

- The course root is the nearest folder, from the current one upwards, that holds
  ``_toc.yml``; notebooks run inside ``modules/...`` so they find it.
- Participants' answers go to ``<root>/my-work/`` and teams' plans to
  ``<root>/cohort-work/``. Both are git-ignored and never built into the site.
- ``ACADEMY_WORK_DIR`` and ``ACADEMY_COHORT_DIR`` override those folders (the site build
  and the tests point them at empty folders, so nobody's answers reach the website).
"""

from __future__ import annotations

import os
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
REPO_DIR = PACKAGE_DIR.parent


def course_root(start: Path | None = None) -> Path:
    """Return the course folder: the nearest ancestor of ``start`` holding ``_toc.yml``."""
    here = Path(start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / "_toc.yml").is_file():
            return folder
    return REPO_DIR if (REPO_DIR / "_toc.yml").is_file() else here


def work_dir() -> Path:
    """Folder for a participant's own answers (``my-work/``)."""
    override = os.environ.get("ACADEMY_WORK_DIR")
    return Path(override) if override else course_root() / "my-work"


def cohort_dir() -> Path:
    """Folder for teams' challenge plans (``cohort-work/``)."""
    override = os.environ.get("ACADEMY_COHORT_DIR")
    return Path(override) if override else course_root() / "cohort-work"


def datasets_dir() -> Path:
    """The course's ``datasets/`` folder: next to the ``exercises`` package in a checkout,
    else in the course folder (a JupyterHub installs the package into a shared environment
    and pulls the course, datasets included, into each participant's home)."""
    override = os.environ.get("ACADEMY_DATASETS_DIR")
    if override:
        return Path(override)
    beside = REPO_DIR / "datasets"
    return beside if beside.is_dir() else course_root() / "datasets"
