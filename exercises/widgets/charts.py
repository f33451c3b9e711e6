"""Charts on the page: a matplotlib figure laid out and shown as an SVG image with alternative text.

Chart functions build a figure and return it without laying it out; showing it lays it
out (matplotlib's tight layout) unless the figure chose a layout engine of its own. The
image is SVG with real text: it stays sharp when a participant zooms in, it is smaller
than a PNG of the same chart and it is quicker to make.

Laying a chart out means measuring every label, which costs about as much as drawing it.
A calculator redraws its chart on every change, so it keeps a ``ChartLayout``: the margins
found the first time are reused while the chart keeps its shape and no label grows longer;
otherwise the chart is laid out afresh. A chart function that takes a ``figure`` keyword
can also move the lines of the figure it drew last time instead of building a new one
(see ``exercises.widgets.calculator``); together these make a redraw two to three times
quicker. Charts drawn once are also cropped to what was drawn, as a safety net.
"""

from __future__ import annotations

import base64
import io
from typing import Any

from exercises.widgets.markup import esc

SUBPLOT_PARAMS = ("left", "right", "bottom", "top", "wspace", "hspace")
# No text smaller than this: a chart shown at its drawn size then has text of at least 11 px
# (1 pt = 4/3 px), which the website keeps by never shrinking a chart (issue 25).
MIN_TEXT_PT = 8.5
SVG_STYLE = {"svg.fonttype": "none", "svg.hashsalt": "academy"}  # real text; the same file every time


def _text_size(text: str) -> tuple[int, int]:
    """(lines, longest line) of a label: what decides how much room it needs."""
    lines = text.splitlines() or [""]
    return len(lines), max(len(line) for line in lines)


def _shape(figure: Any) -> tuple[Any, ...]:
    """What must stay exactly the same for earlier margins to fit: the figure's size, its
    axes and their places in the grid, outside legends, and where each note in an axes is
    anchored (a note that moves to an edge may need room the old margins lack). Notes left
    out of the layout (``set_in_layout(False)``, for notes kept inside the axes) do not count."""
    places = []
    for axes in figure.axes:
        spec = axes.get_subplotspec()
        grid = None if spec is None else (spec.get_geometry(), spec.get_gridspec().get_geometry())
        notes = tuple(
            (tuple(getattr(text, "xy", text.get_position())), text.get_position())
            for text in axes.texts
            if text.get_in_layout()
        )
        places.append((axes.name, grid, _outside_legend(axes) is not None, notes))
    return (tuple(figure.get_size_inches()), tuple(places))


def _outside_legend(axes: Any) -> Any:
    """The axes' legend if it is anchored somewhere other than inside the axes, else None."""
    legend = axes.get_legend()
    return legend if legend is not None and legend.get_bbox_to_anchor() is not axes.bbox else None


def _label_sizes(figure: Any) -> tuple[tuple[int, int], ...]:
    """The size of every label that takes room at a chart's edges, in a fixed order."""
    texts = [figure.get_suptitle(), figure.get_supxlabel(), figure.get_supylabel()]
    for axes in figure.axes:
        texts += [axes.get_title(loc) for loc in ("left", "center", "right")]
        texts += [axes.get_xlabel(), axes.get_ylabel()]
        for axis in (axes.xaxis, axes.yaxis):  # the labels the ticks will get, without making the ticks
            labels = axis.get_major_formatter().format_ticks(axis.get_majorticklocs())
            texts.append(max(labels, key=len, default=""))
        legend = _outside_legend(axes)
        texts.append(max((t.get_text() for t in legend.get_texts()), key=len, default="") if legend else "")
        texts += [text.get_text() for text in axes.texts if text.get_in_layout()]
    return tuple(_text_size(text) for text in texts)


def quick_to_draw() -> Any:
    """A context for building charts that are redrawn often: titles sit at a fixed height
    above their axes, so drawing need not measure every tick label to place them (these
    charts never have tick labels above the axes)."""
    import matplotlib

    return matplotlib.rc_context({"axes.titley": 1.0})


class ChartLayout:
    """The margins of a chart that is drawn again and again (a calculator's), kept between draws."""

    def __init__(self) -> None:
        self._shape: tuple[Any, ...] | None = None
        self._sizes: tuple[tuple[int, int], ...] = ()
        self._params: dict[str, float] = {}
        self.measured = 0  # how many times a chart was laid out afresh (the rest reused the margins)

    def apply(self, figure: Any) -> None:
        """Lay ``figure`` out, reusing the last margins when they are sure to fit."""
        if figure.get_layout_engine() is not None:  # the author chose a layout (or laid it out already)
            return
        shape, sizes = _shape(figure), _label_sizes(figure)
        fits = shape == self._shape and all(
            lines <= old_lines and width <= old_width
            for (lines, width), (old_lines, old_width) in zip(sizes, self._sizes, strict=True)
        )
        if fits:
            figure.subplots_adjust(**self._params)
            return
        import matplotlib
        from matplotlib.layout_engine import TightLayoutEngine

        # From matplotlib's default margins each time, so the same chart is always laid out
        # the same way; as figure.tight_layout(), but leaving no layout engine on the figure.
        figure.subplots_adjust(**{name: matplotlib.rcParams[f"figure.subplot.{name}"] for name in SUBPLOT_PARAMS})  # type: ignore[index]
        TightLayoutEngine().execute(figure)
        self.measured += 1
        self._shape, self._sizes = shape, sizes
        self._params = {name: getattr(figure.subplotpars, name) for name in SUBPLOT_PARAMS}


def legible_text(figure: Any) -> None:
    """Raise any text of the figure smaller than ``MIN_TEXT_PT`` to that size."""
    from matplotlib.text import Text

    for axes in figure.axes:  # tick labels are made when drawn, from each axis's settings
        for axis in (axes.xaxis, axes.yaxis):
            for which, minor in (("major", False), ("minor", True)):
                labels = axis.get_ticklabels(minor=minor)
                if labels and min(label.get_fontsize() for label in labels) < MIN_TEXT_PT:
                    axis.set_tick_params(which=which, labelsize=MIN_TEXT_PT)
    for text in figure.findobj(Text):
        if text.get_fontsize() < MIN_TEXT_PT:
            text.set_fontsize(MIN_TEXT_PT)


def figure_svg(figure: Any, layout: ChartLayout | None = None) -> bytes:
    """The figure laid out and drawn as SVG; pyplot figures are then closed.

    Without ``layout`` (a chart drawn once) the picture is also cropped to what was drawn,
    so a note placed beyond the axes is never cut off. With a calculator's ``layout`` the
    margins may be reused (see ``ChartLayout``) and the picture keeps its size; the
    lessons' calculator charts are tested to fit across their inputs.
    """
    import sys

    import matplotlib

    legible_text(figure)
    (layout or ChartLayout()).apply(figure)
    buffer = io.BytesIO()
    with matplotlib.rc_context(SVG_STYLE):  # type: ignore[arg-type]
        figure.savefig(buffer, format="svg", metadata={"Date": None}, bbox_inches=None if layout else "tight")
    pyplot = sys.modules.get("matplotlib.pyplot")
    if pyplot is not None:  # a figure made with pyplot would otherwise be drawn a second time
        pyplot.close(figure)
    return buffer.getvalue()


def figure_html(figure: Any, alt: str, layout: ChartLayout | None = None) -> str:
    """A matplotlib figure as an inline SVG image with alternative text."""
    data = base64.b64encode(figure_svg(figure, layout)).decode("ascii")
    return f'<img class="academy-chart" src="data:image/svg+xml;base64,{data}" alt="{esc(alt)}">'


def figure_alt(figure: Any) -> str:
    """Alternative text from a figure's titles (authors should give their charts a title)."""
    titles = [figure.get_suptitle()] + [ax.get_title() for ax in figure.get_axes()]
    described = "; ".join(t for t in titles if t)
    return f"Chart: {described}." if described else "Chart of the results shown in the table."


def show_chart(figure: Any, alt: str | None = None) -> None:
    """Display ``figure`` as an image; its alt text is ``alt`` or the chart's titles.

    Works the same in JupyterLab and on the website. The figure is laid out here, so a
    chart function need not call ``tight_layout``.
    """
    from IPython.display import HTML, display

    display(HTML(figure_html(figure, alt or figure_alt(figure))))
