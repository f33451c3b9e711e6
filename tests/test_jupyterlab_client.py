"""A real participant's round trip: JupyterLab in headless Chromium, one question answered
through the page, and the answer found in the workbook file on disk.

Starts JupyterLab on 127.0.0.1 with a token, a temporary ACADEMY_WORK_DIR (the kernel
inherits it from the server) and private Jupyter settings, then drives the course's
authors' page with Playwright and the system Chromium.
"""

from __future__ import annotations

import json
import os
import secrets
import sys
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import CHROMIUM, CHROMIUM_ARGS, PATIENCE_MS, free_port, patient, wait_for
from tests.servers import private_jupyter_env, running_server

pytestmark = pytest.mark.browser

REPO = Path(__file__).resolve().parent.parent
NOTEBOOK = "modules/authors/writing-exercises.ipynb"
EXERCISE_ID = "authors-outcome-or-output"
RIGHT_OPTION = "Older people living safely in their own homes for longer"
EXERCISES_ON_PAGE = 7


@pytest.fixture()
def lab(tmp_path: Path) -> Iterator[dict]:
    """A JupyterLab server of our own; shut down (with its kernels) afterwards."""
    work = tmp_path / "my-work"
    settings = tmp_path / "lab-settings"
    # No news pop-up, and no autosave: the course's notebook must never be saved with outputs.
    for plugin, values in {
        "apputils-extension/notification": {"fetchNews": "false", "checkForUpdates": False},
        "docmanager-extension/plugin": {"autosave": False},
    }.items():
        path = settings / "@jupyterlab" / f"{plugin}.jupyterlab-settings"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(values), encoding="utf-8")
    port, token = free_port(), secrets.token_hex(16)
    env = private_jupyter_env(tmp_path, os.environ)
    command = [
        sys.executable,
        "-m",
        "jupyterlab",
        "--no-browser",
        "--ip=127.0.0.1",
        f"--port={port}",
        f"--IdentityProvider.token={token}",
        f"--ServerApp.root_dir={REPO}",
        f"--LabApp.user_settings_dir={settings}",
        f"--LabApp.workspaces_dir={tmp_path / 'workspaces'}",
        f"--FileCheckpoints.root_dir={tmp_path / 'checkpoints'}",
    ]  # nothing written into the course
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        command.append("--allow-root")
    base = f"http://127.0.0.1:{port}"

    def shut_down() -> None:  # a clean shutdown also stops the kernels the server started
        request = urllib.request.Request(f"{base}/api/shutdown?token={token}", method="POST")
        urllib.request.urlopen(request, timeout=10).close()

    with running_server(
        command,
        cwd=REPO,
        env=env,
        log_path=tmp_path / "jupyterlab.log",
        ready_url=f"{base}/api/status?token={token}",
        name="JupyterLab",
        shut_down=shut_down,
    ):
        yield {"base": base, "token": token, "work": work, "tmp": tmp_path}


def _run_all_cells(page, notebook, attempts: int = 3) -> None:
    """Command palette (Control+Shift+C), "Run All Cells", Enter; retried if the palette
    closes before it can be typed in (JupyterLab may still be moving focus at start-up)."""
    from playwright.sync_api import Error

    for attempt in range(1, attempts + 1):
        notebook.click()
        page.keyboard.press("Escape")
        page.keyboard.press("Control+Shift+C")
        palette = page.locator(".lm-CommandPalette-input:visible")
        try:
            palette.fill("Run All Cells", timeout=30_000)
            page.locator(".lm-CommandPalette-item.lm-mod-active", has_text="Run All Cells").wait_for(timeout=30_000)
            palette.press("Enter")
            return
        except Error:
            if attempt == attempts:
                raise


@pytest.mark.skipif(not CHROMIUM.exists(), reason=f"needs Chromium at {CHROMIUM}")
def test_answer_given_in_the_browser_lands_in_the_workbook(lab: dict) -> None:
    from playwright.sync_api import expect, sync_playwright

    committed = (REPO / NOTEBOOK).read_bytes()
    with sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            str(lab["tmp"] / "chromium-profile"),
            executable_path=str(CHROMIUM),
            headless=True,
            args=CHROMIUM_ARGS,
            viewport={"width": 1280, "height": 1000},
        )
        try:
            page = context.pages[0] if context.pages else context.new_page()
            patient(page)
            page.goto(f"{lab['base']}/lab/tree/{NOTEBOOK}?token={lab['token']}&reset")
            notebook = page.locator(".jp-NotebookPanel:not(.lm-mod-hidden) .jp-Notebook")
            expect(notebook).to_be_visible()
            # Wait for the kernel before running, so "Run All Cells" is not lost.
            expect(page.locator(".jp-StatusBar-Widget", has_text="| Idle").first).to_be_visible()
            _run_all_cells(page, notebook)

            exercises = page.locator(".jp-OutputArea .academy-exercise")
            expect(exercises).to_have_count(EXERCISES_ON_PAGE)
            page.wait_for_function(
                "() => ![...document.querySelectorAll('.jp-InputPrompt')].some(p => p.textContent.includes('*'))",
                timeout=PATIENCE_MS,
            )
            assert not (lab["work"] / "workbook.json").exists(), "running the page must not save anything"

            first = exercises.first
            expect(first.locator("details summary", has_text="Show answer")).to_be_attached()
            first.locator("label", has_text=RIGHT_OPTION).locator("input[type=radio]").check()
            first.get_by_role("button", name="Check answer").click()
            expect(first.locator(".academy-feedback")).to_contain_text("\u2713 Correct")
            expect(first.locator(".academy-feedback")).to_contain_text("Saved at")
        finally:
            context.close()

    path = lab["work"] / "workbook.json"

    def saved_answer():
        if not path.exists():
            return None
        return json.loads(path.read_text(encoding="utf-8"))["answers"].get(EXERCISE_ID)

    entry = wait_for(saved_answer, PATIENCE_MS / 1000, f"{EXERCISE_ID} in {path}")
    assert entry["value"] == RIGHT_OPTION
    assert entry["status"] == "correct"
    assert entry["kind"] == "choice"
    assert entry["page"] == NOTEBOOK
    assert (REPO / NOTEBOOK).read_bytes() == committed, "the notebook on disk must not be changed"
