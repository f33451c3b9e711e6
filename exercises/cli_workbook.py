"""``academy workbook export [-o FILE]``: a participant's answers as a Markdown document."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from exercises.workbook import WorkbookError, export_to, take_notice


def _export(args: argparse.Namespace) -> int:
    try:
        target, count = export_to(Path(args.output) if args.output else None)
    except WorkbookError as problem:
        print(problem.message, file=sys.stderr)
        return 1
    except OSError as exc:
        print(f"Could not write {args.output or 'the export'}: {exc.strerror or exc}.", file=sys.stderr)
        return 1
    notice = take_notice()
    if notice:
        print(notice, file=sys.stderr)
    print(f"Wrote {count} answer{'s' if count != 1 else ''} to {target}.")
    return 0


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("workbook", help="your saved answers", description=__doc__)
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    export = actions.add_parser("export", help="write your answers to a Markdown file")
    export.add_argument("-o", "--output", metavar="FILE", help="where to write (default: my-work/workbook.md)")
    export.set_defaults(handler=_export)
