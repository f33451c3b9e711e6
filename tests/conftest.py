"""Shared test fixtures. Tests never touch the real my-work/ or cohort-work/ folders."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent

# The browser every browser test drives: Debian's chromium by default; ACADEMY_CHROMIUM
# names another Chromium or Chrome (e.g. on CI runners). Never a downloaded browser.
CHROMIUM = Path(os.environ.get("ACADEMY_CHROMIUM", "/usr/bin/chromium"))
# Headless as root with no network but loopback: no sandbox, no background requests.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(autouse=True)
def _private_folders(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Point the participant's and teams' folders at temporary ones for every test."""
    base = tmp_path_factory.mktemp("private")
    monkeypatch.setenv("ACADEMY_WORK_DIR", str(base / "my-work"))
    monkeypatch.setenv("ACADEMY_COHORT_DIR", str(base / "cohort-work"))
