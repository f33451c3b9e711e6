"""Day 2: small text helpers the Day 2 modules share (wrapping chart labels, line ranges for provenance).

Plain Python and pandas (and matplotlib for charts): nothing here imports ipywidgets.
"""

from __future__ import annotations

import textwrap

import pandas as pd


def wrap_label(text: str, width: int) -> str:
    """Wrap a chart label onto lines of at most ``width`` characters."""
    return "\n".join(textwrap.wrap(text, width))


def report_lines(rows: pd.DataFrame) -> list[str]:
    """Each row's line range in the report's text copy, as "5161–5165"."""
    return [f"{a}\u2013{b}" for a, b in zip(rows["line_start"], rows["line_end"], strict=True)]
