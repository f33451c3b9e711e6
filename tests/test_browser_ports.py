"""Every calculator on a page of the book runs on the website: its compute function has a browser port.

Read from the notebooks' code (no notebook is run): each ``calculator(...)`` call's
``compute=`` is followed through the page's imports and ``functools.partial`` to the
function itself, which ``exercises.widgets.browser_ports`` must list. A ``lambda`` or a
function written on the page cannot be matched to a port, so either fails here with a
message saying what to do. The ports' equality with Python is tested in Chromium
(``tests/website/test_calculator_ports.py``).
"""

from __future__ import annotations

import ast
import functools
import importlib
import json
from pathlib import Path
from typing import Any

import pytest

from exercises.widgets.browser_ports import PORTS, port_of
from tests.conftest import REPO

PAGES = sorted((REPO / "modules").rglob("*.ipynb"))
HOW = (
    "put the function in a module under exercises/lessons/, port it in exercises/site_static/academy-calculators.js "
    "and register it in exercises/widgets/browser_ports.py (see 'On the website' in modules/authors/writing-exercises.ipynb)"
)


def _code(path: Path) -> str:
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    lines = []
    for cell in cells:
        if cell["cell_type"] == "code":
            source = "".join(cell["source"])
            lines.extend(line for line in source.splitlines() if not line.lstrip().startswith(("%", "!")))
    return "\n".join(lines)


def _imports(tree: ast.Module) -> dict[str, str]:
    """Each name the page imports -> the dotted path it stands for."""
    names = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                names[alias.asname or alias.name.split(".")[0]] = (
                    alias.name if alias.asname else alias.name.split(".")[0]
                )
        elif isinstance(node, ast.ImportFrom) and node.module:
            for alias in node.names:
                names[alias.asname or alias.name] = f"{node.module}.{alias.name}"
    return names


def _load(dotted: str) -> Any:
    try:
        return importlib.import_module(dotted)
    except ModuleNotFoundError:
        module, _, name = dotted.rpartition(".")
        return getattr(importlib.import_module(module), name)


def _resolve(expression: ast.expr, names: dict[str, str]) -> Any:
    """The object an expression on the page stands for (a function, or what partial wraps)."""
    if isinstance(expression, ast.Lambda):
        raise LookupError(f"compute= is a lambda, which cannot be matched to a port: {HOW}")
    if isinstance(expression, ast.Call):
        if _resolve(expression.func, names) is functools.partial and expression.args:
            return _resolve(expression.args[0], names)
        raise LookupError(f"compute= is a call ({ast.unparse(expression)}) that this test cannot follow: {HOW}")
    if isinstance(expression, ast.Attribute):
        return getattr(_resolve(expression.value, names), expression.attr)
    if isinstance(expression, ast.Name):
        if expression.id not in names:
            raise LookupError(f"compute={expression.id} is written on the page, not imported: {HOW}")
        return _load(names[expression.id])
    raise LookupError(f"compute={ast.unparse(expression)} cannot be followed: {HOW}")


def _calculators(path: Path) -> list[tuple[int, Any]]:
    """(line, compute function or a LookupError) for each calculator(...) call on a page."""
    tree = ast.parse(_code(path))
    names = _imports(tree)
    found: list[tuple[int, Any]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "calculator":
            compute = next((k.value for k in node.keywords if k.arg == "compute"), None)
            if compute is None:
                found.append((node.lineno, LookupError("calculator(...) without compute=")))
                continue
            try:
                found.append((node.lineno, _resolve(compute, names)))
            except (LookupError, AttributeError, ImportError) as problem:
                found.append((node.lineno, problem))
    return found


CALCULATOR_PAGES = [path for path in PAGES if "calculator(" in _code(path)]


def test_every_calculator_call_is_found() -> None:
    calls = sum(_code(path).count("calculator(") for path in CALCULATOR_PAGES)
    found = sum(len(_calculators(path)) for path in CALCULATOR_PAGES)
    assert len(CALCULATOR_PAGES) >= 8, "expected the eight pages with calculators (Days 1, 3, 4 and the authors' page)"
    assert found == calls, "a calculator( call was not read as a call: this test would not check it"


@pytest.mark.parametrize("path", CALCULATOR_PAGES, ids=lambda path: str(path.relative_to(REPO / "modules")))
def test_every_calculator_on_a_page_has_a_browser_port(path: Path) -> None:
    problems = []
    for line, compute in _calculators(path):
        if isinstance(compute, Exception):
            problems.append(f"line {line} of the page's code: {compute}")
        elif port_of(compute) is None:
            where = f"{getattr(compute, '__module__', '?')}:{getattr(compute, '__qualname__', compute)}"
            problems.append(f"line {line} of the page's code: {where} has no browser port: {HOW}")
    assert problems == []


def test_the_check_catches_a_lambda_and_an_unported_function(tmp_path: Path) -> None:
    page = tmp_path / "page.ipynb"
    code = (
        "from functools import partial\n"
        "from exercises.lessons import day3, day3_outcomes_contracts\n"
        "def mine(x):\n    return {'x': x}\n"
        "calculator('a', 'q', inputs={}, compute=lambda x: x)\n"
        "calculator('b', 'q', inputs={}, compute=mine)\n"
        "calculator('c', 'q', inputs={}, compute=day3_outcomes_contracts.contract_result)\n"
        "calculator('d', 'q', inputs={}, compute=partial(day3.invest_to_save, 1))\n"
    )
    page.write_text(json.dumps({"cells": [{"cell_type": "code", "source": [code]}]}), encoding="utf-8")
    found = _calculators(page)
    assert isinstance(found[0][1], LookupError) and "lambda" in str(found[0][1])
    assert isinstance(found[1][1], LookupError) and "written on the page" in str(found[1][1])
    assert port_of(found[2][1]) is None
    assert port_of(found[3][1]) is not None


def test_every_registered_port_names_a_real_function() -> None:
    for location in PORTS:
        module, _, name = location.partition(":")
        assert callable(getattr(importlib.import_module(module), name)), location
