"""Shared test fixtures. Tests never touch the real my-work/ or cohort-work/ folders."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True)
def _private_folders(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Point the participant's and teams' folders at temporary ones for every test."""
    base = tmp_path_factory.mktemp("private")
    monkeypatch.setenv("ACADEMY_WORK_DIR", str(base / "my-work"))
    monkeypatch.setenv("ACADEMY_COHORT_DIR", str(base / "cohort-work"))
