"""The Zero to JupyterHub values (hub/z2jh-values.yaml): what can be checked without a cluster.

``make hub-check`` proves the one-server set-up on a real hub. There is no Kubernetes cluster
here, so these tests run the values file's own Python (the hook that gives each participant
only their team's folder) against stand-in spawners, and hold its sizes to the measured ones.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
VALUES = yaml.safe_load((ROOT / "hub" / "z2jh-values.yaml").read_text(encoding="utf-8"))
HOME_MOUNT = {"name": "home", "mountPath": "/home/jovyan"}


def _hook_namespace() -> dict[str, Any]:
    """Run the values' extraConfig as the chart's hub would, with ``c`` standing in for its config."""
    config = SimpleNamespace(KubeSpawner=SimpleNamespace())
    namespace: dict[str, Any] = {"c": config}
    for source in VALUES["hub"]["extraConfig"].values():
        exec(compile(source, "z2jh-values.yaml", "exec"), namespace)
    namespace["hook"] = config.KubeSpawner.pre_spawn_hook
    return namespace


def _spawn(name: str) -> SimpleNamespace:
    spawner = SimpleNamespace(
        user=SimpleNamespace(name=name),
        # what the chart's storage settings give every server, the shared volume's default mount included
        volume_mounts=[dict(HOME_MOUNT), {"name": "cohort-work", "mountPath": "/srv/cohort-work"}],
        environment={},
    )
    _hook_namespace()["hook"](spawner)
    return spawner


def _cohort_mounts(spawner: SimpleNamespace) -> list[dict[str, str]]:
    return [m for m in spawner.volume_mounts if m["name"] == "cohort-work"]


def test_each_participant_mounts_only_their_own_teams_folder() -> None:
    teams = _hook_namespace()["TEAMS"]
    assert len(teams) >= 2, "the example needs two teams to show they are kept apart"
    for team, members in teams.items():
        for member in members:
            spawner = _spawn(member)
            assert _cohort_mounts(spawner) == [
                {"name": "cohort-work", "mountPath": f"/srv/cohort-work/{team}", "subPath": team}
            ], member
            assert spawner.environment["ACADEMY_TEAM"] == team
            assert HOME_MOUNT in spawner.volume_mounts, "the participant's own home must stay mounted"


def test_facilitators_mount_the_whole_of_cohort_work() -> None:
    for name in _hook_namespace()["FACILITATORS"]:
        spawner = _spawn(name)
        assert _cohort_mounts(spawner) == [{"name": "cohort-work", "mountPath": "/srv/cohort-work"}]
        assert "subPath" not in _cohort_mounts(spawner)[0]


def test_someone_without_a_team_sees_no_team_folder() -> None:
    names = _hook_namespace()
    in_teams = set(names["FACILITATORS"]).union(*names["TEAMS"].values())
    without = sorted(set(VALUES["hub"]["config"]["Authenticator"]["allowed_users"]) - in_teams)
    assert without, "the example should include a participant not yet in a team"
    spawner = _spawn(without[0])
    assert _cohort_mounts(spawner) == []
    assert "ACADEMY_TEAM" not in spawner.environment
    assert spawner.volume_mounts == [HOME_MOUNT]


def test_sign_in_list_matches_the_teams_and_facilitators() -> None:
    names = _hook_namespace()
    everyone = set(names["FACILITATORS"]).union(*names["TEAMS"].values())
    authenticator = VALUES["hub"]["config"]["Authenticator"]
    assert everyone <= set(authenticator["allowed_users"]), "every team member and facilitator must be able to sign in"
    assert set(authenticator["admin_users"]) <= set(names["FACILITATORS"])
    members = [m for ms in names["TEAMS"].values() for m in ms]
    assert len(members) == len(set(members)), "nobody may be in two teams"


def test_participants_work_folder_is_on_their_own_volume() -> None:
    single = VALUES["singleuser"]
    assert single["extraEnv"]["ACADEMY_WORK_DIR"].startswith(single["storage"]["homeMountPath"] + "/")
    volume_names = [v["name"] for v in single["storage"]["extraVolumes"]]
    assert volume_names == ["cohort-work"]


def _megabytes(size: str) -> float:
    number, unit = re.fullmatch(r"([\d.]+)([MG])", size).groups()  # type: ignore[union-attr]
    return float(number) * (1000 if unit == "G" else 1)


def test_memory_guarantee_covers_the_measured_use_per_participant() -> None:
    results = ROOT / "benchmarks" / "hub-results.json"  # written by benchmarks/bench_hub.py
    rows = json.loads(results.read_text(encoding="utf-8"))["rows"]
    measured = max(row["memory_per_participant_mb"] for row in rows) * 2**20 / 1e6  # MiB to MB
    memory = VALUES["singleuser"]["memory"]
    assert _megabytes(memory["guarantee"]) >= measured, (memory, measured)
    assert _megabytes(memory["limit"]) >= 2 * measured, "leave room for a heavier page than the one measured"
