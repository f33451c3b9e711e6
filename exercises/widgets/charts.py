"""Show a matplotlib chart in a notebook as an image with alternative text."""

from __future__ import annotations

from typing import Any

from exercises.widgets.markup import figure_alt, figure_html


def show_chart(figure: Any, alt: str | None = None) -> None:
    """Display ``figure`` as an inline PNG; its alt text is ``alt`` or the chart's titles.

    Works the same in JupyterLab and on the website, and closes the figure so it is not
    drawn a second time.
    """
    from IPython.display import HTML, display

    display(HTML(figure_html(figure, alt or figure_alt(figure))))
