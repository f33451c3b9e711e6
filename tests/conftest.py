"""Shared test fixtures. Tests never touch the real my-work/ or cohort-work/ folders."""

from __future__ import annotations

import os
import shutil
import socket
import time
from pathlib import Path
from typing import Any

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

# How long a browser test waits for anything (a page to load, an element, a readiness
# signal) before it fails with a message saying what it waited for. Generous, because the
# tests must pass on a machine whose cores are busy with other work; waits end as soon as
# their signal comes, so a quick machine never waits this long. ACADEMY_BROWSER_PATIENCE_S
# changes it.
PATIENCE_MS = int(float(os.environ.get("ACADEMY_BROWSER_PATIENCE_S", "180")) * 1000)

try:  # web-first assertions (expect) wait as long as everything else
    from playwright.sync_api import expect

    expect.set_options(timeout=PATIENCE_MS)
except ImportError:  # pragma: no cover - playwright is in requirements.lock
    pass


def patient(target: Any) -> Any:
    """Give a Playwright page or context the course's patience for every wait and navigation."""
    target.set_default_timeout(PATIENCE_MS)
    target.set_default_navigation_timeout(PATIENCE_MS)
    return target


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing is listening on now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_for(predicate: Any, timeout: float, what: str, interval: float = 0.25) -> Any:
    """Call ``predicate`` until it returns something truthy; fail after ``timeout`` s saying ``what``."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        result = predicate()
        if result:
            return result
        time.sleep(interval)
    raise AssertionError(f"Timed out after {timeout:.0f} s waiting for {what}")


class PatientBrowser:
    """A Playwright browser whose new pages and contexts wait up to ``PATIENCE_MS`` by default."""

    def __init__(self, browser: Any) -> None:
        self._browser = browser

    def new_page(self, **options: Any) -> Any:
        return patient(self._browser.new_page(**options))

    def new_context(self, **options: Any) -> Any:
        return patient(self._browser.new_context(**options))

    def close(self) -> None:
        self._browser.close()

    def __getattr__(self, name: str) -> Any:
        return getattr(self._browser, name)


@pytest.fixture()
def plan_file(tmp_path: Path) -> Path:
    """A copy of the example plan, as a team's ``plan.yaml`` in a folder of its own."""
    from exercises.plan.templates import EXAMPLE_PLAN

    target = tmp_path / "falls" / "plan.yaml"
    target.parent.mkdir()
    shutil.copyfile(EXAMPLE_PLAN, target)
    return target


def run_academy(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """Run the ``academy`` command with ``argv``: its exit code, output and errors (never a traceback)."""
    from exercises.cli import main

    code = main(list(argv))
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out, err


@pytest.fixture(autouse=True)
def _private_folders(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Point the participant's and teams' folders at temporary ones for every test."""
    base = tmp_path_factory.mktemp("private")
    monkeypatch.setenv("ACADEMY_WORK_DIR", str(base / "my-work"))
    monkeypatch.setenv("ACADEMY_COHORT_DIR", str(base / "cohort-work"))
