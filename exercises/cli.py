"""The ``academy`` command: the course's interface for facilitators, teams and scripts.

Every sub-command reports problems in plain English and exits non-zero; none prints a
traceback for bad input.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from exercises import __version__

# Modules that add sub-commands: each has ``register(subparsers)`` which adds its parser
# and sets ``handler`` (a function taking the parsed args and returning an exit code).
COMMANDS: tuple[str, ...] = (
    "exercises.cli_notebooks",
    "exercises.cli_workbook",
    "exercises.cli_plan",
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="academy",
        description="Tools for the Commissioning Academy course: workbooks, plans and cohort reports.",
    )
    parser.add_argument("--version", action="version", version=f"academy {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module_name in COMMANDS:
        importlib.import_module(module_name).register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return 0
    handler = getattr(args, "handler", None)
    if handler is None:  # pragma: no cover - every sub-command sets one
        parser.error(f"'{args.command}' has no action")
    return int(handler(args) or 0)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
