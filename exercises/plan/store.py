"""Read and write plan files (YAML), with plain-English problems instead of tracebacks.

- Reading uses YAML's safe loader (no code runs from a plan file). Dates stay as text until
  the model reads them, a key written twice is an error (YAML would silently keep only
  the last one), and every problem becomes a :class:`PlanProblem` naming the field.
- Writing is atomic (:func:`exercises.storage.atomic_write_text`). Keys keep the plan's own
  order, text with several lines is written as a block, and non-ASCII text is written as itself.
- :func:`update_plan` is the one safe way to change a plan file: it reads the plan, applies a
  change and saves, all while holding an exclusive lock on the file, so two people (or two
  forms, or a form and a command) saving at once take turns and neither loses the other's
  work. Every save is kept as a numbered version (:mod:`exercises.plan.history`);
  :func:`restore_version` brings an earlier one back, itself as a new version.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from exercises.plan.history import Version, add_version, describe_change, get_version, latest_text, list_versions
from exercises.plan.messages import describe_errors, describe_value
from exercises.plan.model import Plan
from exercises.storage import atomic_write_text, file_lock

MAX_PLAN_BYTES = 20 * 1024 * 1024  # far above any real plan; stops a wrong file filling memory
FILE_HEADER = (
    "# Challenge project and 100-day plan (Commissioning Academy).\n"
    "# Edit it in the challenge workbook, or by hand; then run: academy plan check <this file>\n"
    "# Comments are not kept when the workbook saves: use the 'notes' answers instead.\n"
)

_TIMESTAMP = "tag:yaml.org,2002:timestamp"
_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _without_timestamps(resolvers: dict[Any, list[Any]]) -> dict[Any, list[Any]]:
    return {first: [r for r in rules if r[0] != _TIMESTAMP] for first, rules in resolvers.items()}


class PlanProblem(Exception):
    """A plan file that cannot be used, with one plain-English message per problem."""

    def __init__(self, messages: list[str], source: str | Path | None = None) -> None:
        self.messages = list(messages)
        self.source = str(source) if source is not None else None
        super().__init__(self.summary())

    def summary(self) -> str:
        return "\n".join(self.messages)


class _PlanLoader(_BaseLoader):  # type: ignore[misc, valid-type]
    """Safe loader that keeps dates as text and refuses a key written twice."""

    yaml_implicit_resolvers = _without_timestamps(_BaseLoader.yaml_implicit_resolvers)

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen: dict[Any, int] = {}
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=True)
            line = key_node.start_mark.line + 1
            try:
                if key in seen:
                    raise yaml.constructor.ConstructorError(
                        None, None, f"'{key}' is written twice (first on line {seen[key]})", key_node.start_mark
                    )
            except TypeError:  # an unhashable key: let YAML report it
                break
            seen[key] = line
        return super().construct_mapping(node, deep=deep)


class _PlanDumper(yaml.SafeDumper):
    """Block-style YAML with list items indented under their key, and dates left plain."""

    yaml_implicit_resolvers = _without_timestamps(yaml.SafeDumper.yaml_implicit_resolvers)

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> Any:
        return super().increase_indent(flow, False)


_FOLD_AFTER = 90  # longer answers are written as a folded block, wrapped for reading


def _represent_text(dumper: yaml.SafeDumper, text: str) -> yaml.ScalarNode:
    style = "|" if "\n" in text else ">" if len(text) > _FOLD_AFTER else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", text, style=style)


_PlanDumper.add_representer(str, _represent_text)


def read_plan_text(path: str | Path) -> str:
    """The text of a plan file, or a :class:`PlanProblem` saying plainly why not."""
    path = Path(path)
    if not path.exists():
        raise PlanProblem([f"There is no file at {path}. Check the folder and the file name."], path)
    if path.is_dir():
        raise PlanProblem(
            [f"{path} is a folder, not a plan file. Give the plan file itself, such as {path / 'plan.yaml'}."], path
        )
    try:
        size = path.stat().st_size
        if size > MAX_PLAN_BYTES:
            raise PlanProblem(
                [f"{path} is {size // (1024 * 1024)} MB: too large to be a plan file. Check it is the right file."],
                path,
            )
        data = path.read_bytes()
    except PermissionError:
        raise PlanProblem([f"{path} could not be opened: you do not have permission to read it."], path) from None
    except OSError as error:
        raise PlanProblem([f"{path} could not be read ({error.strerror or error})."], path) from None
    if b"\x00" in data[:8192]:
        raise PlanProblem(
            [
                f"{path} is not a text file (it looks like a Word document, spreadsheet or image). A plan is a YAML text file."
            ],
            path,
        )
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise PlanProblem(
            [
                f"{path} is not saved as UTF-8 text (unexpected byte at position {error.start}). Save it as UTF-8 and try again."
            ],
            path,
        ) from None


def parse_plan_data(text: str, source: str | Path = "the plan") -> dict[str, Any]:
    """Read YAML text into a dictionary, without checking it against the plan model."""
    if not text.strip():
        raise PlanProblem([f"{source} is empty. Start a plan with: academy plan new TEAM_FOLDER --team NAME"], source)
    try:
        data = yaml.load(text, Loader=_PlanLoader)
    except yaml.MarkedYAMLError as error:
        raise PlanProblem([yaml_problem(error, source, text)], source) from None
    except yaml.YAMLError as error:
        raise PlanProblem([f"{source} is not valid YAML: {error}"], source) from None
    if data is None:
        raise PlanProblem(
            [
                f"{source} is empty (it holds only comments). Start a plan with: academy plan new TEAM_FOLDER --team NAME"
            ],
            source,
        )
    if not isinstance(data, dict):
        raise PlanProblem(
            [
                f"{source} does not look like a plan: a plan is a set of named sections starting with 'team:', but this file holds {describe_value(data)}."
            ],
            source,
        )
    return data


def validate_plan(data: dict[str, Any], source: str | Path = "the plan") -> Plan:
    """Check plan data against the model; problems name each field."""
    try:
        return Plan.model_validate(data)
    except ValidationError as error:
        raise PlanProblem(describe_errors(error, data), source) from None


def parse_plan(text: str, source: str | Path = "the plan") -> Plan:
    """A plan from YAML text."""
    return validate_plan(parse_plan_data(text, source), source)


def load_plan(path: str | Path) -> Plan:
    """Load and check the plan file at ``path``; raise :class:`PlanProblem` if it cannot be used."""
    return parse_plan(read_plan_text(path), Path(path))


def plan_to_data(plan: Plan) -> dict[str, Any]:
    """The plan as plain data (dates as YYYY-MM-DD text), in the plan's own field order."""
    return plan.model_dump(mode="json")


def plan_to_yaml(plan: Plan) -> str:
    """The plan as readable YAML text, ready to save."""
    body = yaml.dump(
        plan_to_data(plan),
        Dumper=_PlanDumper,
        sort_keys=False,
        allow_unicode=True,
        default_flow_style=False,
        width=100,
        indent=2,
    )
    return FILE_HEADER + body


def lock_path(path: str | Path) -> Path:
    """The small sidecar file whose lock every save of ``path`` holds (``.plan.yaml.lock``)."""
    path = Path(path)
    return path.with_name(f".{path.name}.lock")


@dataclass(frozen=True)
class Update:
    """What :func:`update_plan` did: the plan now in the file, and the version kept (None if nothing changed)."""

    plan: Plan
    version: Version | None

    @property
    def saved(self) -> bool:
        return self.version is not None


def _cannot_save(path: Path, error: OSError) -> PlanProblem:
    if isinstance(error, PermissionError):
        return PlanProblem(
            [f"Could not save {path}: you do not have permission to write there. Nothing was changed."], path
        )
    return PlanProblem([f"Could not save {path} ({error.strerror or error}). Nothing was changed."], path)


def _write_with_history(path: Path, text: str, by: str, summary: str, found: str | None) -> Version:
    """Write ``text`` to ``path`` and keep it as a version. Hold the lock while calling this.

    If the file on disk is not the newest kept version (it was edited by hand, or saved
    before there was a history), it is kept first, so that nothing ever leaves the history.
    """
    if found is not None and found != latest_text(path):
        add_version(path, found, "found in the file", "the plan as it was in the file, before this save")
    atomic_write_text(path, text)
    return add_version(path, text, by, summary)


def update_plan(path: str | Path, change: Callable[[Plan], Plan], *, by: str = "a save") -> Update:
    """Read the plan at ``path``, apply ``change`` to it and save the result, all under one lock.

    ``change`` receives the plan as it is in the file now and returns the plan to save; it
    may raise :class:`PlanProblem` to save nothing (the message reaches the person saving).
    The result is checked against the plan model before anything is written. A change that
    changes nothing writes nothing. ``by`` says who saved (a form, a command) in the history.
    """
    path = Path(path)
    if path.is_dir():
        raise PlanProblem([f"{path} is a folder; give the plan file's name, such as {path / 'plan.yaml'}."], path)
    if not path.exists():
        read_plan_text(path)  # says plainly that there is no plan there (and makes no lock file or folder)
    try:
        with file_lock(lock_path(path)):
            text = read_plan_text(path)
            current = parse_plan(text, path)
            changed = validate_plan(plan_to_data(change(current)), path)
            before, after = plan_to_data(current), plan_to_data(changed)
            if before == after:
                return Update(current, None)
            new_text = plan_to_yaml(changed)
            version = _write_with_history(path, new_text, by, describe_change(before, after), text)
    except OSError as error:
        raise _cannot_save(path, error) from None
    return Update(changed, version)


def save_plan(plan: Plan, path: str | Path, *, by: str = "a save") -> Version:
    """Save ``plan`` at ``path`` (replacing what is there) atomically, under the lock, as a new version.

    Prefer :func:`update_plan`, which applies a change to the plan as it is in the file now:
    ``save_plan`` replaces the whole plan, so it is for new plans and for restoring.
    """
    return _replace(Path(path), plan_to_yaml(plan), plan_to_data(plan), by)


def replace_plan_text(path: str | Path, text: str, *, by: str) -> Version:
    """Replace the plan at ``path`` with ``text`` (a whole plan file, comments and all), as a new version.

    ``text`` must be a valid plan. The plan it replaces stays in the history.
    """
    return _replace(Path(path), text, plan_to_data(parse_plan(text, "the new plan")), by)


def _replace(path: Path, text: str, after: dict[str, Any], by: str) -> Version:
    if path.is_dir():
        raise PlanProblem([f"{path} is a folder; give the plan file's name, such as {path / 'plan.yaml'}."], path)
    try:
        with file_lock(lock_path(path)):
            found: str | None = None
            before: dict[str, Any] | None = None
            if path.is_file():
                try:
                    found = read_plan_text(path)
                    before = plan_to_data(parse_plan(found, path))
                except PlanProblem:  # a broken file is still kept in the history before it is replaced
                    before = None
            return _write_with_history(path, text, by, describe_change(before, after), found)
    except OSError as error:
        raise _cannot_save(path, error) from None


def plan_history(path: str | Path) -> list[Version]:
    """The kept versions of the plan at ``path``, oldest first."""
    return list_versions(path)


def restore_version(path: str | Path, number: int, *, by: str | None = None) -> Version:
    """Bring back version ``number`` of the plan at ``path``, saved as a new version.

    The version must still be a valid plan; the plan in the file now stays in the history.
    """
    path = Path(path)
    version = get_version(path, number)
    if version is None:
        kept = list_versions(path)
        span = f"versions {kept[0].number} to {kept[-1].number} are kept" if kept else "no versions are kept yet"
        raise PlanProblem(
            [f"There is no version {number} of {path}: {span}. See them with: academy plan history {path}"]
        )
    try:
        text = version.text()
    except (OSError, UnicodeDecodeError) as error:
        raise PlanProblem([f"Version {number} of {path} could not be read ({error})."], path) from None
    plan = parse_plan(text, f"version {number} of {path}")  # a version that is not a valid plan is not brought back
    return _replace(path, text, plan_to_data(plan), by or f"restore of version {number}")


_YAML_HINTS = {
    "mapping values are not allowed": (
        "a colon followed by a space inside an answer (put that answer in quotes), or uneven indentation"
    ),
    "could not find expected ':'": "a line that should be 'name: answer' has no colon, or the indentation is uneven",
    "did not find expected key": "the indentation is uneven; line up answers of the same section",
    "did not find expected '-' indicator": "a list item is not lined up with the other items",
    "found undefined alias": "a '*' at the start of an answer; put that answer in quotes",
    "found unexpected end of stream": "a quote mark is opened but never closed",
    "while scanning a quoted scalar": "a quote mark is opened but never closed",
    "cannot start any token": "an answer starts with a character such as @ or `; put that answer in quotes",
}


def yaml_problem(error: yaml.MarkedYAMLError, source: str | Path, text: str = "") -> str:
    """Say where a YAML file stops making sense, and the likely reason."""
    mark = error.problem_mark or error.context_mark
    where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark is not None else ""
    problem = (error.problem or "").strip()
    context = error.context or ""
    hint = next((advice for key, advice in _YAML_HINTS.items() if key in problem or key in context), "")
    lines = text.splitlines()
    if mark is not None and mark.line < len(lines) and "\t" in lines[mark.line][: mark.column + 1]:
        hint = "a tab character; indent with spaces instead"
    if "is written twice" in problem:
        hint = problem + "; keep one of them"
    return f"{source} is not valid YAML{where}: {hint or problem or 'it cannot be read'}."
