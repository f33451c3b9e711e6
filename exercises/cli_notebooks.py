"""``academy notebooks tidy|check PATH...``: keep course notebooks in the house style.

``tidy`` hides every code cell (tag ``remove-input`` unless it already has
``hide-input``; folded in JupyterLab) and strips outputs and execution counts.
``check`` changes nothing and exits 1, listing each notebook that breaks the convention.
See ``exercises.notebook_tidy``.
"""

from __future__ import annotations

import argparse
import sys

from exercises.notebook_tidy import NotebookProblem, check_file, notebook_paths, tidy_file


def _count(number: int) -> str:
    return f"{number} notebook{'' if number == 1 else 's'}"


def _tidy(args: argparse.Namespace) -> int:
    changed = failed = 0
    for path in notebook_paths(args.paths):
        try:
            if tidy_file(path):
                changed += 1
                print(f"Tidied {path}")
        except NotebookProblem as problem:
            failed += 1
            print(problem.message, file=sys.stderr)
    print(f"{_count(changed)} changed.")
    return 1 if failed else 0


def _check(args: argparse.Namespace) -> int:
    bad = checked = 0
    for path in notebook_paths(args.paths):
        checked += 1
        try:
            found = check_file(path)
        except NotebookProblem as problem:
            found = [problem.message]
        if found:
            bad += 1
            print(f"{path}:")
            for line in found:
                print(f"  - {line}")
    if not checked:
        print("No notebooks were found there.", file=sys.stderr)
        return 1
    if bad:
        print(
            f"{bad} of {_count(checked)} {'breaks' if bad == 1 else 'break'} the convention. "
            "Fix them with: academy notebooks tidy PATH",
            file=sys.stderr,
        )
        return 1
    print(f"{_count(checked)} checked: all follow the convention.")
    return 0


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "notebooks",
        help="tidy or check course notebooks (hidden code, no outputs)",
        description=__doc__.split("\n\n")[0],
    )
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    tidy = actions.add_parser("tidy", help="hide code and strip outputs in place")
    tidy.add_argument("paths", nargs="+", metavar="PATH", help="notebooks, or folders to search")
    tidy.set_defaults(handler=_tidy)
    check = actions.add_parser("check", help="list notebooks that break the convention (exit 1 if any)")
    check.add_argument("paths", nargs="+", metavar="PATH", help="notebooks, or folders to search")
    check.set_defaults(handler=_check)
