"""A small client for JupyterHub's REST API, a user's Jupyter server and its kernels.

Used by ``make hub-check`` (tools/hub/check.py) and the hub benchmark. Standard library
plus ``websocket-client`` (a dependency of jupyter_server). Every wait has a limit and a
message that says what it was waiting for.
"""

from __future__ import annotations

import json
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any, TypeVar

T = TypeVar("T")


class HubError(RuntimeError):
    """Something the hub or a server answered that the check did not expect."""


def wait_for(predicate: Callable[[], T | None], timeout: float, what: str, interval: float = 0.5) -> T:
    """Call ``predicate`` until it returns something truthy; fail after ``timeout`` seconds saying ``what``."""
    deadline = time.monotonic() + timeout
    while True:
        result = predicate()
        if result:
            return result
        if time.monotonic() > deadline:
            raise HubError(f"timed out after {timeout:.0f} s waiting for {what}")
        time.sleep(interval)


@dataclass
class Response:
    status: int
    body: bytes

    def json(self) -> Any:
        return json.loads(self.body or b"null")


def request(method: str, url: str, token: str | None = None, body: Any = None, timeout: float = 120) -> Response:
    """One HTTP request; an HTTP error status is returned, not raised."""
    data = None if body is None else json.dumps(body).encode()
    headers = {"Content-Type": "application/json"}
    if token:
        headers["Authorization"] = f"token {token}"
    req = urllib.request.Request(url, data=data, method=method, headers=headers)
    try:
        with urllib.request.urlopen(req, timeout=timeout) as answer:
            return Response(answer.status, answer.read())
    except urllib.error.HTTPError as error:
        return Response(error.code, error.read())


class Hub:
    """JupyterHub's REST API, as an admin service."""

    def __init__(self, base: str, token: str) -> None:
        self.base, self.token = base.rstrip("/"), token

    def api(self, method: str, path: str, body: Any = None, expect: tuple[int, ...] = (200, 201, 202, 204)) -> Any:
        answer = request(method, f"{self.base}/hub/api{path}", self.token, body)
        if answer.status not in expect:
            raise HubError(f"{method} /hub/api{path} answered {answer.status}: {answer.body[:500]!r}")
        return answer.json() if answer.body else None

    def is_up(self) -> bool:
        try:
            return request("GET", f"{self.base}/hub/api", timeout=5).status == 200
        except OSError:
            return False

    def add_user(self, name: str) -> None:
        self.api("POST", f"/users/{name}", expect=(201, 409))

    def start(self, name: str, timeout: float) -> None:
        self.api("POST", f"/users/{name}/server", expect=(201, 202, 400))  # 400: already running

        def ready() -> bool:
            model = self.api("GET", f"/users/{name}")
            server = (model.get("servers") or {}).get("", {})
            return bool(server.get("ready"))

        wait_for(ready, timeout, f"{name}'s JupyterLab to start")

    def stop(self, name: str) -> None:
        self.api("DELETE", f"/users/{name}/server", expect=(202, 204, 400))

    def token_for(self, name: str) -> str:
        model = self.api("POST", f"/users/{name}/tokens", {"note": "academy hub check", "expires_in": 3600})
        return str(model["token"])


class Server:
    """One user's Jupyter server behind the hub, reached with that user's token."""

    def __init__(self, base: str, user: str, token: str) -> None:
        self.user, self.token = user, token
        self.root = f"{base.rstrip('/')}/user/{user}"

    def get(self, path: str) -> Response:
        return request("GET", f"{self.root}{path}", self.token)

    def pull(self, repo: str, branch: str, target: str, timeout: float) -> list[dict[str, Any]]:
        """What nbgitpuller's link does: open the page, then follow the pull's event stream to its end."""
        query = urllib.parse.urlencode({"repo": repo, "branch": branch, "targetpath": target})
        page = self.get(f"/git-pull?{query}&urlpath=lab/tree/{target}")
        if page.status != 200:
            raise HubError(f"{self.user}: the nbgitpuller link answered {page.status}")
        req = urllib.request.Request(
            f"{self.root}/git-pull/api?{query}", headers={"Authorization": f"token {self.token}"}
        )
        events = []
        with urllib.request.urlopen(req, timeout=timeout) as stream:
            for raw in stream:
                line = raw.decode().strip()
                if line.startswith("data: "):
                    events.append(json.loads(line[6:]))
        if not events or events[-1].get("phase") != "finished":
            raise HubError(f"{self.user}: the pull did not finish: {events[-3:]}")
        return events

    def kernel(self, notebook_path: str) -> Kernel:
        """A kernel for a notebook (its working folder is the notebook's), as JupyterLab starts one."""
        answer = request(
            "POST",
            f"{self.root}/api/sessions",
            self.token,
            {"path": notebook_path, "type": "notebook", "name": notebook_path, "kernel": {"name": "python3"}},
        )
        if answer.status not in (200, 201):
            raise HubError(f"{self.user}: starting a kernel answered {answer.status}: {answer.body[:300]!r}")
        session = answer.json()
        return Kernel(self, session["kernel"]["id"], session["id"])

    def contents(self, path: str) -> Response:
        return self.get(f"/api/contents/{path}")


@dataclass
class Result:
    ok: bool
    output: str
    error: str


MAX_RECONNECTS = 5


class Kernel:
    """A kernel reached over the server's websocket (the JSON protocol JupyterLab uses)."""

    def __init__(self, server: Server, kernel_id: str, session_id: str) -> None:
        self.server, self.kernel_id, self.session_id = server, kernel_id, session_id
        self._session = uuid.uuid4().hex
        # With a session id the server keeps the kernel's messages while no connection is open
        # and replays them on the next one, as it does for JupyterLab after a dropped connection.
        self._url = (
            server.root.replace("http", "ws", 1) + f"/api/kernels/{kernel_id}/channels?session_id={self._session}"
        )
        self.reconnects = 0  # connections the server dropped mid-cell, picked up again

    def run(self, code: str, timeout: float = 600) -> Result:
        """Run one cell. Each cell gets its own connection (the kernel keeps its state), so a
        connection the server closed while the check was busy elsewhere is never reused."""
        self._connect(timeout)
        try:
            return self._run(code, timeout)
        finally:
            self._ws.close()

    def _connect(self, timeout: float) -> None:
        import websocket

        self._ws = websocket.create_connection(
            self._url, header=[f"Authorization: token {self.server.token}"], timeout=timeout
        )

    def _run(self, code: str, timeout: float) -> Result:
        msg_id = uuid.uuid4().hex
        self._ws.send(
            json.dumps(
                {
                    "header": {
                        "msg_id": msg_id,
                        "username": self.server.user,
                        "session": self._session,
                        "msg_type": "execute_request",
                        "version": "5.3",
                    },
                    "parent_header": {},
                    "metadata": {},
                    "content": {
                        "code": code,
                        "silent": False,
                        "store_history": True,
                        "user_expressions": {},
                        "allow_stdin": False,
                        "stop_on_error": True,
                    },
                    "channel": "shell",
                    "buffers": [],
                }
            )
        )
        output, error = [], ""
        status: str | None = None
        idle = False
        deadline = time.monotonic() + timeout
        # The reply (shell channel) may overtake the cell's last output (iopub channel): a
        # cell has finished once both its reply and the kernel's "idle" for it have come.
        for message in self._messages(deadline):
            if message.get("parent_header", {}).get("msg_id") != msg_id:
                continue
            kind, content = message["msg_type"], message["content"]
            if kind == "stream":
                output.append(content["text"])
            elif kind == "error":
                error = f"{content['ename']}: {content['evalue']}"
            elif kind == "execute_reply":
                status = content["status"]
            elif kind == "status" and content.get("execution_state") == "idle":
                idle = True
            if status is not None and idle:
                return Result(status == "ok", "".join(output), error)
        raise HubError(f"{self.server.user}: no reply to a cell within {timeout:.0f} s")

    def _messages(self, deadline: float) -> Iterator[dict[str, Any]]:
        """The kernel's messages until ``deadline``. A connection the server drops (a busy server
        can miss a keep-alive) is opened again, up to ``MAX_RECONNECTS`` times a cell, and the
        server replays what was sent meanwhile."""
        import websocket

        dropped = 0
        while time.monotonic() < deadline:
            try:
                text = self._ws.recv()
            except (websocket.WebSocketConnectionClosedException, ConnectionError) as lost:
                dropped += 1
                if dropped > MAX_RECONNECTS:
                    raise HubError(f"{self.server.user}: the kernel's connection dropped {dropped} times") from lost
                self.reconnects += 1
                self._ws.close()
                self._connect(max(1.0, deadline - time.monotonic()))
                continue
            yield json.loads(text)

    def close(self) -> None:
        request("DELETE", f"{self.server.root}/api/sessions/{self.session_id}", self.server.token)
