"""The course map: each day's pages, their exercises by type, the datasets they load
and the day's challenge step, read from the book's own files so it cannot drift.

The days and their pages come from ``_toc.yml`` (every chapter whose file is a day's
``index`` under ``modules/``). For each notebook the exercise calls (``choice(...)``,
``number(...)`` and so on) are counted in its code cells. Its datasets are the names
in its ``load("...")`` calls, and those its calls into ``exercises.lessons`` load (read
from the lesson modules' own code). A day's challenge step is its page whose file name
ends ``-step``.

``python -m exercises.coursemap`` prints the map; ``--update PAGE`` rewrites it between
the marker comments in PAGE (``modules/reference/course-map.md``).

This module never imports anything to do with screens or widgets.
"""

from __future__ import annotations

import ast
import functools
import json
import re
import sys
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from exercises.markers import MarkersMissing, replace_between, section_main
from exercises.paths import course_root

MAP_START = "<!-- course-map:start (made by exercises.coursemap; do not edit by hand) -->"
MAP_END = "<!-- course-map:end -->"
# The exercise types, in the order the map lists them (exercises.widgets' functions).
EXERCISE_TYPES = ("choice", "number", "classify", "scale", "reflect", "calculator")
_DAY_INDEX = re.compile(r"^modules/day(\d+)-[^/]+/index$")


class CourseMapError(Exception):
    """The map could not be made. The message says what is wrong."""


@dataclass
class Page:
    """One page of a day: its file (no extension, as in ``_toc.yml``), title and contents."""

    file: str
    title: str
    exercises: Counter[str] = field(default_factory=Counter)
    datasets: list[str] = field(default_factory=list)

    @property
    def is_step(self) -> bool:
        return self.file.rsplit("/", 1)[-1].endswith("-step")


@dataclass
class Day:
    number: int
    index: Page
    pages: list[Page]

    @property
    def step(self) -> Page | None:
        return next((page for page in self.pages if page.is_step), None)


def _toc_files(entry: dict[str, Any]) -> Iterator[str]:
    for section in entry.get("sections", []) or []:
        if "file" in section:
            yield section["file"]
        yield from _toc_files(section)


def _source(root: Path, file: str) -> Path:
    for suffix in (".ipynb", ".md"):
        if (root / f"{file}{suffix}").is_file():
            return root / f"{file}{suffix}"
    raise CourseMapError(f"_toc.yml lists {file}, but there is no {file}.ipynb or {file}.md.")


def _cells(path: Path) -> list[tuple[str, str]]:
    """(cell type, source) pairs; a Markdown page is one markdown cell."""
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".md":
        return [("markdown", text)]
    try:
        notebook = json.loads(text)
    except json.JSONDecodeError as error:
        raise CourseMapError(f"{path.name} is not a readable notebook: {error}") from None
    return [
        (
            cell.get("cell_type", ""),
            "".join(cell.get("source", "")) if isinstance(cell.get("source"), list) else cell.get("source", ""),
        )
        for cell in notebook.get("cells", [])
    ]


def _title(cells: list[tuple[str, str]], file: str) -> str:
    for kind, source in cells:
        if kind == "markdown":
            match = re.search(r"^# +(.+?)\s*$", source, flags=re.MULTILINE)
            if match:
                return match.group(1)
    raise CourseMapError(f"{file} has no title (a line starting '# ').")


def _called(node: ast.Call) -> str:
    func = node.func
    return func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""


def _first_string(node: ast.Call) -> str | None:
    if node.args and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str):
        return node.args[0].value
    return None


def _target(node: ast.Call, module: str, imported: dict[str, tuple[str, str]]) -> tuple[str, str] | None:
    """The (lesson module, function) a call names: ``dayN.f(...)``, or ``f(...)`` in or imported into it."""
    func = node.func
    if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name):
        return (func.value.id, func.attr)
    if isinstance(func, ast.Name):
        return imported.get(func.id, (module, func.id))
    return None


def _imports(tree: ast.AST) -> dict[str, tuple[str, str]]:
    """Names imported from ``exercises.lessons.<module>`` in ``tree``: local name -> (module, name)."""
    found = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("exercises.lessons."):
            for alias in node.names:
                found[alias.asname or alias.name] = (node.module.rsplit(".", 1)[-1], alias.name)
    return found


def _loader_parameter(function: ast.FunctionDef) -> bool:
    """True if ``function`` passes its first parameter straight to ``load``, as ``_fact(table, ...)`` does."""
    if not function.args.args:
        return False
    first = function.args.args[0].arg
    return any(
        isinstance(node, ast.Call)
        and _called(node) == "load"
        and node.args
        and isinstance(node.args[0], ast.Name)
        and node.args[0].id == first
        for node in ast.walk(function)
    )


@functools.lru_cache(maxsize=4)
def lesson_datasets(lessons: Path) -> dict[tuple[str, str], frozenset[str]]:
    """For each function in the lesson modules under ``lessons``, the datasets it loads, directly or not."""
    functions: dict[tuple[str, str], ast.FunctionDef] = {}
    imports: dict[str, dict[str, tuple[str, str]]] = {}
    for path in sorted(lessons.glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        imports[path.stem] = _imports(tree)
        for node in tree.body:
            if isinstance(node, ast.FunctionDef):
                functions[(path.stem, node.name)] = node
    loaders = {key for key, function in functions.items() if _loader_parameter(function)} | {("data", "load")}
    direct: dict[tuple[str, str], set[str]] = {}
    calls: dict[tuple[str, str], set[tuple[str, str]]] = {}
    for key, function in functions.items():
        direct[key], calls[key] = set(), set()
        for inner in ast.walk(function):
            if isinstance(inner, ast.Call):
                target = ("data", "load") if _called(inner) == "load" else _target(inner, key[0], imports[key[0]])
                name = _first_string(inner)
                if target in loaders and name:
                    direct[key].add(name)
                elif target in functions and target != key:
                    calls[key].add(target)
    result = {key: set(names) for key, names in direct.items()}
    changed = True
    while changed:  # each function also loads what the lesson functions it calls load
        changed = False
        for key, targets in calls.items():
            before = len(result[key])
            for target in targets:
                result[key] |= result[target]
            changed |= len(result[key]) != before
    return {key: frozenset(names) for key, names in result.items()}


def read_page(root: Path, file: str) -> Page:
    """Read one page: its title, its exercise calls by type and the datasets it loads."""
    path = _source(root, file)
    cells = _cells(path)
    page = Page(file=file, title=_title(cells, file))
    lessons = lesson_datasets((root / "exercises" / "lessons").resolve())
    datasets: list[str] = []
    for kind, source in cells:
        if kind != "code":
            continue
        try:
            tree = ast.parse(source)
        except SyntaxError as error:
            raise CourseMapError(f"A code cell in {path.name} is not valid Python: {error}") from None
        imported = _imports(tree)
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            name = _called(node)
            if name in EXERCISE_TYPES:
                page.exercises[name] += 1
            elif name == "load" and (dataset := _first_string(node)):
                datasets.append(dataset)
            else:
                datasets.extend(sorted(lessons.get(_target(node, "", imported) or ("", ""), ())))
    page.datasets = list(dict.fromkeys(datasets))
    return page


def days(root: Path | None = None) -> list[Day]:
    """The five days (or however many ``_toc.yml`` lists), in day order."""
    root = root or course_root()
    try:
        toc = yaml.safe_load((root / "_toc.yml").read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as error:
        raise CourseMapError(f"Could not read _toc.yml: {error}") from None
    found = []
    for part in toc.get("parts", []) or []:
        for chapter in part.get("chapters", []) or []:
            match = _DAY_INDEX.match(chapter.get("file", ""))
            if match:
                pages = [read_page(root, file) for file in _toc_files(chapter)]
                found.append(Day(int(match.group(1)), read_page(root, chapter["file"]), pages))
    if not found:
        raise CourseMapError("_toc.yml lists no day modules (modules/dayN-.../index).")
    return sorted(found, key=lambda day: day.number)


def _link(page: Page) -> str:
    return f"{{doc}}`{page.title.replace('`', '')} </{page.file}>`"


def _exercise_text(counts: Counter[str]) -> str:
    parts = [f"{counts[kind]} {kind}" for kind in EXERCISE_TYPES if counts[kind]]
    return ", ".join(parts) if parts else "none"


def _dataset_text(names: Sequence[str]) -> str:
    return ", ".join(f"`{name}`" for name in names) if names else "none"


def map_markdown(root: Path | None = None) -> str:
    """The course map as Markdown: a summary of the days, then a table for each day."""
    all_days = days(root)
    lines = [
        "| Day | Pages | Exercises | Datasets | Challenge step |",
        "| --- | --- | --- | --- | --- |",
    ]
    for day in all_days:
        counts = sum((page.exercises for page in day.pages), Counter())
        used = {name for page in day.pages for name in page.datasets}
        step = _link(day.step) if day.step else "none"
        lines.append(f"| {_link(day.index)} | {len(day.pages)} | {sum(counts.values())} | {len(used)} | {step} |")
    for day in all_days:
        lines += [
            "",
            f"## {day.index.title}",
            "",
            "| Page | Exercises by type | Datasets loaded |",
            "| --- | --- | --- |",
        ]
        for page in day.pages:
            lines.append(f"| {_link(page)} | {_exercise_text(page.exercises)} | {_dataset_text(page.datasets)} |")
        lines += ["", f"**Challenge step:** {_link(day.step) if day.step else 'none'}"]
    return "\n".join(lines) + "\n"


def replace_map(page: str, root: Path | None = None) -> str:
    """Return ``page`` with the text between the course-map markers replaced by a fresh map."""
    try:
        return replace_between(page, MAP_START, MAP_END, map_markdown(root))
    except MarkersMissing:
        raise CourseMapError("The page has no course-map markers to replace.") from None


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m exercises.coursemap [--update PAGE]``: print the map, or rewrite it in PAGE."""
    return section_main(
        argv,
        prog="python -m exercises.coursemap",
        description="The course map.",
        what="the course map",
        make=map_markdown,
        replace=replace_map,
        errors=(CourseMapError,),
    )


if __name__ == "__main__":
    sys.exit(main())
