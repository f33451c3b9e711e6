"""Servers started by the browser tests (JupyterLab, Voilà): started, waited for, stopped.

Each runs as a child process with its output in a log file; the test waits until a URL of
the server answers (failing early, with the end of the log, if the server stops), and the
server is stopped afterwards however the test ends.
"""

from __future__ import annotations

import subprocess
import urllib.request
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path

from tests.conftest import PATIENCE_MS, wait_for


def _answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return bool(response.status == 200)
    except OSError:
        return False


@contextmanager
def running_server(
    command: Sequence[str],
    *,
    cwd: Path,
    env: Mapping[str, str],
    log_path: Path,
    ready_url: str,
    name: str,
    shut_down: Callable[[], None] | None = None,
) -> Iterator[subprocess.Popen[bytes]]:
    """Run ``command`` until the block ends, once ``ready_url`` answers; then ``shut_down`` it (or stop it).

    ``shut_down`` asks the server to stop itself cleanly (it may raise ``OSError``); the
    server is terminated, and then killed, if it is still running after that.
    """
    log = open(log_path, "w", encoding="utf-8")  # noqa: SIM115 (closed when the server stops)
    server = subprocess.Popen(list(command), cwd=cwd, env=dict(env), stdout=log, stderr=subprocess.STDOUT)

    def ready() -> bool:
        if server.poll() is not None:
            raise AssertionError(f"{name} stopped: see {log_path}:\n{log_path.read_text(encoding='utf-8')[-3000:]}")
        return _answers(ready_url)

    try:
        wait_for(ready, PATIENCE_MS / 1000, f"{name} to answer on {ready_url} (log: {log_path})")
        yield server
    finally:
        stop(server, shut_down)
        log.close()


def stop(server: subprocess.Popen[bytes], shut_down: Callable[[], None] | None = None) -> None:
    """Stop ``server``: cleanly through ``shut_down`` if given, else by a signal; killed if it will not stop."""
    if server.poll() is not None:
        return
    if shut_down is not None:
        try:
            shut_down()
            server.wait(timeout=30)
            return
        except (OSError, subprocess.TimeoutExpired):
            pass
    server.terminate()
    try:
        server.wait(timeout=30)
    except subprocess.TimeoutExpired:
        server.kill()
        server.wait(timeout=15)


def private_jupyter_env(tmp_path: Path, base: Mapping[str, str]) -> dict[str, str]:
    """``base`` with the academy's folders and Jupyter's settings all inside ``tmp_path``."""
    return {
        **base,
        "ACADEMY_WORK_DIR": str(tmp_path / "my-work"),
        "ACADEMY_COHORT_DIR": str(tmp_path / "cohort-work"),
        "JUPYTER_CONFIG_DIR": str(tmp_path / "jupyter-config"),
        "JUPYTER_RUNTIME_DIR": str(tmp_path / "jupyter-runtime"),
        "PYTHONDONTWRITEBYTECODE": "1",
    }
