"""JupyterHub for one Commissioning Academy cohort on one server (system accounts).

Read by ``jupyterhub -f hub/jupyterhub_config.py``. The facilitators' page *Running a
cohort on JupyterHub* explains every setting; ``make hub-check`` starts a hub with this very
file on 127.0.0.1 and proves that nobody can reach anyone else's work.

What it sets up:
- each participant is a system account (``tools/hub/cohort.py setup`` makes them from the
  cohort file) and runs their own JupyterLab as themselves (LocalProcessSpawner);
- answers go to ``~/my-work`` (the home folder is private to its owner);
- team plans go to ``<root>/cohort-work/<team>/``, a folder shared through the team's group
  (facilitators are in every team's group, so they can read every plan);
- new files are readable and writable by the owner's group and by nobody else (umask 007),
  so a team's members can all save the team's plan;
- the course itself is pulled into each home (``~/course``) by nbgitpuller links.

Settings come from the environment, so the same file serves a real hub and the check:

=========================== =========================================== =============================
variable                    meaning                                     default
=========================== =========================================== =============================
ACADEMY_HUB_ROOT            folder holding ``cohort-work/``             /srv/academy
ACADEMY_HUB_COHORT          the cohort file (users and teams)           $ACADEMY_HUB_ROOT/cohort.yaml
ACADEMY_HUB_ENV             the participants' Python environment        /opt/academy-hub/env
ACADEMY_HUB_PROXY           configurable-http-proxy (from npm)          /opt/academy-hub/node/node_modules/.bin/configurable-http-proxy
ACADEMY_HUB_BIND            the address the hub listens on              http://127.0.0.1:8000
ACADEMY_HUB_INTERNAL        the hub's own API, for the proxy            http://127.0.0.1:8081
ACADEMY_HUB_PROXY_API       the proxy's API, for the hub                http://127.0.0.1:8001
ACADEMY_HUB_STATE           the hub's own files (database, cookie key)  $ACADEMY_HUB_ROOT/hub-state
ACADEMY_HUB_SERVICE_TOKEN   an API token for checks and scripts         (none: no service)
=========================== =========================================== =============================
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import yaml
from jupyterhub.spawner import LocalProcessSpawner

c: Any = get_config()  # type: ignore[name-defined]  # noqa: F821 - JupyterHub provides get_config

ROOT = Path(os.environ.get("ACADEMY_HUB_ROOT", "/srv/academy"))
COHORT_FILE = Path(os.environ.get("ACADEMY_HUB_COHORT", str(ROOT / "cohort.yaml")))
ENV = Path(os.environ.get("ACADEMY_HUB_ENV", "/opt/academy-hub/env"))
PROXY = os.environ.get("ACADEMY_HUB_PROXY", "/opt/academy-hub/node/node_modules/.bin/configurable-http-proxy")
STATE = Path(os.environ.get("ACADEMY_HUB_STATE", str(ROOT / "hub-state")))

cohort = yaml.safe_load(COHORT_FILE.read_text(encoding="utf-8")) or {}
teams: dict[str, list[str]] = cohort.get("teams") or {}
facilitators: list[str] = cohort.get("facilitators") or []
participants = sorted({*cohort.get("participants", []), *(m for members in teams.values() for m in members)})


class CohortSpawner(LocalProcessSpawner):  # type: ignore[misc]
    """Each participant's JupyterLab as their own system account, sharing files with their team."""

    def make_preexec_fn(self, name: str) -> Any:
        become_user = super().make_preexec_fn(name)

        def preexec() -> None:
            become_user()
            os.umask(0o007)  # group (the team) may read and write; others nothing

        return preexec


def _home(spawner: Any) -> Path:
    return Path(os.path.expanduser(f"~{spawner.user.name}"))


def _team(spawner: Any) -> str:
    return next((name for name, members in teams.items() if spawner.user.name in members), "")


c.JupyterHub.bind_url = os.environ.get("ACADEMY_HUB_BIND", "http://127.0.0.1:8000")
c.JupyterHub.hub_bind_url = os.environ.get("ACADEMY_HUB_INTERNAL", "http://127.0.0.1:8081")
c.ConfigurableHTTPProxy.api_url = os.environ.get("ACADEMY_HUB_PROXY_API", "http://127.0.0.1:8001")
c.JupyterHub.db_url = f"sqlite:///{STATE / 'jupyterhub.sqlite'}"
c.JupyterHub.cookie_secret_file = str(STATE / "jupyterhub_cookie_secret")
c.ConfigurableHTTPProxy.command = [PROXY]
c.ConfigurableHTTPProxy.pid_file = str(STATE / "proxy.pid")
# Participants' servers keep running while the hub restarts: nobody loses an open session.
c.JupyterHub.cleanup_servers = False
c.JupyterHub.cleanup_proxy = False

# Sign-in with the server's own accounts (PAM). Only the cohort's people may sign in.
c.JupyterHub.authenticator_class = "pam"
c.Authenticator.allowed_users = set(participants) | set(facilitators)
c.Authenticator.admin_users = set(facilitators)
c.LocalAuthenticator.create_system_users = False  # tools/hub/cohort.py makes the accounts

c.JupyterHub.spawner_class = CohortSpawner
c.Spawner.cmd = [str(ENV / "bin" / "jupyterhub-singleuser")]
c.Spawner.notebook_dir = "~"
c.Spawner.default_url = "/lab"
c.Spawner.environment = {  # a value may be a function of the spawner (JupyterHub calls it)
    "ACADEMY_WORK_DIR": lambda spawner: str(_home(spawner) / "my-work"),
    "ACADEMY_COHORT_DIR": str(ROOT / "cohort-work"),
    "ACADEMY_TEAM": _team,
    "PATH": f"{ENV / 'bin'}:/usr/local/bin:/usr/bin:/bin",
}
c.Spawner.http_timeout = 300  # a busy server may take minutes to start a JupyterLab
c.Spawner.start_timeout = 300
c.Spawner.mem_limit = None  # LocalProcessSpawner cannot enforce one; see the sizing section of the guide

token = os.environ.get("ACADEMY_HUB_SERVICE_TOKEN")
if token:
    c.JupyterHub.services = [{"name": "academy-admin", "api_token": token}]
    c.JupyterHub.load_roles = [
        {
            "name": "academy-admin",
            "scopes": ["admin:users", "admin:servers", "tokens", "access:servers", "list:users", "read:users"],
            "services": ["academy-admin"],
        }
    ]
