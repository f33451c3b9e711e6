"""The challenge workbook as a web app (Voilà), as ``academy plan open TEAM_DIR`` serves it.

The app uses the course's own Voilà template, ``academy`` (in ``exercises/app/``), which
is Voilà's standard page with two changes:

- no request leaves the server the app runs on: the standard page asks a public CDN for an
  icon font, which a council firewall may block; the workbook's buttons are words instead;
- a guard for typed work (``academy-app.js``): a warning before leaving a page with unsaved
  answers, a notice within a few seconds when the connection to the server is lost (with
  everything typed offered as text to copy), an immediate "Not saved" for a Save pressed
  while the server cannot be reached, and unsaved text kept in the browser across a reload.

Saving is by "Save everything" (one button for every form) and each form's own Save, not
autosave: a half-typed plan is often not yet valid (an action with an end day before its
start day), and autosave would either fail noisily while people type or fill the plan's
history with half-finished versions; an explicit save also lets a team decide when its
work is ready for a team-mate or a reviewer to see.
"""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Mapping
from pathlib import Path

from exercises.paths import PACKAGE_DIR
from exercises.plan.templates import PLAN_ENV

APP_DATA_DIR = PACKAGE_DIR / "app"  # holds voila/templates/academy/
TEMPLATE = "academy"
# How long Voilà waits, after a cell has run, for the cell's messages to reach it (Voilà's
# own default is 4 s). A large plan's form is thousands of widget messages, which a busy
# server can take longer than that to read; Voilà then gave up on the cell, and its form
# never appeared. The wait ends as soon as the messages are in, so it costs nothing otherwise.
OUTPUT_PATIENCE_S = 600


def find_voila() -> str | None:
    """The ``voila`` command of this Python environment (or on the PATH), if installed."""
    return shutil.which("voila", path=os.pathsep.join([str(Path(sys.executable).parent), os.environ.get("PATH", "")]))


def voila_command(
    voila: str, notebook: str | Path, port: int, *, open_browser: bool = True, ip: str | None = None
) -> list[str]:
    """The command that serves ``notebook`` as the workbook app."""
    command = [
        voila,
        str(notebook),
        "--strip_sources=True",
        f"--port={port}",
        f"--template={TEMPLATE}",
        f"--VoilaExecutor.iopub_timeout={OUTPUT_PATIENCE_S}",
    ]
    if ip:
        command.append(f"--Voila.ip={ip}")
    if not open_browser:
        command.append("--no-browser")
    return command


def voila_environment(plan: str | Path, base: Mapping[str, str] | None = None) -> dict[str, str]:
    """The environment for the app: the plan it works on, and where its template is found."""
    environ = dict(os.environ if base is None else base)
    paths = [str(APP_DATA_DIR), *(p for p in environ.get("JUPYTER_PATH", "").split(os.pathsep) if p)]
    environ["JUPYTER_PATH"] = os.pathsep.join(paths)
    environ[PLAN_ENV] = str(Path(plan).resolve())
    return environ
