"""The 100-day timeline: a Gantt-style chart of the actions over days 1 to 100, with milestones.

Three forms of the same picture:

- :func:`timeline_png` draws it with matplotlib (the Agg canvas, no screen, no pyplot
  state) for the Word export;
- :func:`timeline_svg` writes it directly as SVG text, fast enough for a cohort report
  of a thousand teams, with every team-written string escaped;
- :func:`timeline_alt_text` describes it in words, for screen readers and alt text.
"""

from __future__ import annotations

import io
import textwrap
import warnings
from datetime import date, timedelta
from html import escape

from exercises.plan.model import FIRST_DAY, LAST_DAY, Action, Plan

# Okabe-Ito colours (distinguishable with the common colour-vision deficiencies); the
# status is also written in the tables and the alt text, never shown by colour alone.
STATUS_COLOURS: dict[str, str] = {
    "not started": "#BBBBBB",
    "in progress": "#0072B2",
    "done": "#009E73",
    "on hold": "#E69F00",
    "dropped": "#CC79A7",
}
MILESTONE_COLOUR = "#D55E00"
_LABEL_CHARS = 38
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def ordered_actions(plan: Plan) -> list[Action]:
    """Actions in timeline order: by start day, then end day, then their order in the plan."""
    actions = plan.hundred_day_plan.actions
    return sorted(actions, key=lambda action: (action.start_day, action.end_day))


def short(text: str, limit: int = _LABEL_CHARS) -> str:
    """One line of at most ``limit`` characters, cut between words and ending in "…" when cut.

    A single word longer than the limit is the only thing ever cut inside a word.
    """
    line = " ".join(text.split())
    if len(line) <= limit:
        return line
    cut = line[: limit - 1]
    if line[limit - 1] != " " and " " in cut:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" ,;:.-–") + "…"


def _wrapped(text: str, width: int, lines: int) -> str:
    """Text on at most ``lines`` lines of ``width`` characters, broken between words ("…" if cut)."""
    parts = textwrap.wrap(" ".join(text.split()), width) or [""]
    if len(parts) > lines:
        parts = [*parts[: lines - 1], short(" ".join(parts[lines - 1 :]), width)]
    return "\n".join(parts)


def _day_date(plan: Plan, day: int) -> date | None:
    start = plan.hundred_day_plan.start_date
    return start + timedelta(days=day - 1) if start else None


def _short_date(day: date) -> str:
    return f"{day.day} {_MONTHS[day.month - 1]}"


def span_text(plan: Plan, action: Action) -> str:
    """An action's dates (or days, without a start date): "11 Jul to 19 Aug" or "days 41 to 80"."""
    first, last = _day_date(plan, action.start_day), _day_date(plan, action.end_day)
    if first and last:
        return _short_date(first) if first == last else f"{_short_date(first)} to {_short_date(last)}"
    if action.start_day == action.end_day:
        return f"day {action.start_day}"
    return f"days {action.start_day} to {action.end_day}"


def timeline_alt_text(plan: Plan) -> str:
    """The chart in words: every action's days and status, then the milestones."""
    actions = ordered_actions(plan)
    milestones = sorted(plan.hundred_day_plan.milestones, key=lambda m: m.day)
    if not actions and not milestones:
        return "Timeline of the 100-day plan: no actions or milestones yet."
    parts = [f"Timeline of the 100-day plan: {_count(len(actions), 'action')} over days {FIRST_DAY} to {LAST_DAY}."]
    for action in actions:
        days = (
            f"day {action.start_day}"
            if action.start_day == action.end_day
            else f"days {action.start_day} to {action.end_day}"
        )
        who = action.owner or "no owner yet"
        first, last = _day_date(plan, action.start_day), _day_date(plan, action.end_day)
        dates = f", {span_text(plan, action)}" if first and last else ""
        parts.append(f"{action.id}, {short(action.title, 80)} ({who}{dates}): {days}, {action.status}.")
    if milestones:
        parts.append("Milestones: " + "; ".join(f"day {m.day}, {short(m.title, 80)}" for m in milestones) + ".")
    return " ".join(parts)


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"


# --- SVG, written directly -------------------------------------------------------------

_WIDTH, _LABEL_W, _RIGHT, _TOP, _ROW, _AXIS, _LEGEND = 820, 300, 16, 34, 22, 30, 26


def _x(day: float) -> float:
    """Left edge of ``day + 1`` (so a bar covers whole days from start-1 to end)."""
    return _LABEL_W + (_WIDTH - _LABEL_W - _RIGHT) * day / LAST_DAY


def timeline_svg(plan: Plan, id_prefix: str = "timeline") -> str:
    """The timeline as inline SVG (role="img", with a title and a full description)."""
    actions = ordered_actions(plan)
    milestones = sorted(plan.hundred_day_plan.milestones, key=lambda m: m.day)
    rows = max(len(actions), 1)
    plot_bottom = _TOP + rows * _ROW
    dated = plan.hundred_day_plan.start_date is not None
    axis = _AXIS + (14 if dated else 0)
    height = plot_bottom + axis + _LEGEND
    title_id, desc_id = f"{id_prefix}-title", f"{id_prefix}-desc"
    out: list[str] = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="timeline" viewBox="0 0 {_WIDTH} {height}" '
        f'width="100%" role="img" aria-labelledby="{title_id} {desc_id}" font-family="Arial, Helvetica, sans-serif" font-size="12">',
        f'<title id="{title_id}">Timeline of the 100-day plan for {escape(short(plan.team.name, 80))}</title>',
        f'<desc id="{desc_id}">{escape(timeline_alt_text(plan))}</desc>',
        f'<rect x="{_LABEL_W}" y="{_TOP}" width="{_x(LAST_DAY) - _LABEL_W:.1f}" height="{plot_bottom - _TOP}" fill="#f7f7f7"/>',
    ]
    for day in range(0, LAST_DAY + 1, 10):
        x = _x(day)
        out.append(f'<line x1="{x:.1f}" y1="{_TOP}" x2="{x:.1f}" y2="{plot_bottom}" stroke="#dddddd"/>')
        out.append(f'<text x="{x:.1f}" y="{plot_bottom + 16}" text-anchor="middle" fill="#333">{day or 1}</text>')
        on = _day_date(plan, max(day, FIRST_DAY))
        if on:
            out.append(
                f'<text x="{x:.1f}" y="{plot_bottom + 30}" text-anchor="middle" fill="#333" font-size="10">'
                f"{_short_date(on)}</text>"
            )
    out.append(f'<text x="{_LABEL_W - 8}" y="{plot_bottom + 16}" text-anchor="end" fill="#333">Day</text>')
    if not actions:
        out.append(f'<text x="{_LABEL_W + 10}" y="{_TOP + 15}" fill="#333">No actions yet</text>')
    for row, action in enumerate(actions):
        y = _TOP + row * _ROW
        x0, x1 = _x(action.start_day - 1), _x(action.end_day)
        colour = STATUS_COLOURS[action.status]
        label = escape(f"{action.id}  {short(action.title)}")
        owner = action.owner or "no owner yet"
        tip = escape(f"{action.id}: {action.title} ({span_text(plan, action)}; {owner}; {action.status})")
        out.append(
            f'<g><title>{tip}</title><text x="{_LABEL_W - 8}" y="{y + 15}" text-anchor="end" fill="#0b0c0c">{label}</text>'
            f'<rect x="{x0:.1f}" y="{y + 4}" width="{max(x1 - x0, 2):.1f}" height="{_ROW - 8}" rx="2" fill="{colour}" stroke="#0b0c0c" stroke-width="0.5"/></g>'
        )
    for milestone in milestones:
        x = _x(milestone.day)
        on = _day_date(plan, milestone.day)
        tip = escape(f"Milestone, day {milestone.day}{f' ({_short_date(on)})' if on else ''}: {milestone.title}")
        out.append(
            f'<g><title>{tip}</title><line x1="{x:.1f}" y1="{_TOP - 6}" x2="{x:.1f}" y2="{plot_bottom}" stroke="{MILESTONE_COLOUR}" '
            f'stroke-width="1.5" stroke-dasharray="4 3"/><path d="M{x:.1f} {_TOP - 16} l6 6 l-6 6 l-6 -6 z" fill="{MILESTONE_COLOUR}"/>'
            f'<text x="{x - 9:.1f}" y="{_TOP - 6}" text-anchor="end" fill="#0b0c0c">Day {milestone.day}</text></g>'
        )
    legend_y = plot_bottom + axis + 6
    x = float(_LABEL_W)
    for status, colour in STATUS_COLOURS.items():
        out.append(
            f'<rect x="{x:.1f}" y="{legend_y}" width="12" height="12" fill="{colour}" stroke="#0b0c0c" stroke-width="0.5"/>'
        )
        out.append(f'<text x="{x + 16:.1f}" y="{legend_y + 11}" fill="#0b0c0c">{status}</text>')
        x += 24 + 7 * len(status)
    out.append("</svg>")
    return "".join(out)


# --- PNG, drawn with matplotlib -----------------------------------------------------------


def timeline_png(plan: Plan, dpi: int = 200, width_in: float = 6.7) -> bytes:
    """The timeline as a PNG image (matplotlib's Agg canvas; no window, no global state).

    Drawn at the size it is printed (17 cm wide in the Word file), so its 7.5 pt labels
    print at 7.5 pt. Each row names the action, its owner and its dates; the x axis gives
    the day and, when the plan has a start date, the calendar date.
    """
    from matplotlib.artist import Artist
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    actions = ordered_actions(plan)
    milestones = sorted(plan.hundred_day_plan.milestones, key=lambda m: m.day)
    rows = max(len(actions), 1)
    figure = Figure(figsize=(width_in, 1.45 + 0.44 * rows), dpi=dpi, layout="constrained")
    FigureCanvasAgg(figure)
    axes = figure.add_subplot()
    for row, action in enumerate(actions):
        axes.barh(
            row,
            action.end_day - action.start_day + 1,
            left=action.start_day - 1,
            height=0.55,
            color=STATUS_COLOURS[action.status],
            edgecolor="#0b0c0c",
            linewidth=0.5,
        )
    labels = [
        f"{_wrapped(f'{a.id}  {a.title}', 46, 2)}\n{short(a.owner or 'No owner yet', 26)} · {span_text(plan, a)}"
        for a in actions
    ]
    axes.set_yticks(range(len(actions)), labels, fontsize=7.5, linespacing=1.25)
    axes.set_ylim(rows - 0.5, -0.5 if actions else -1.5)
    axes.set_xlim(0, LAST_DAY)
    ticks = list(range(0, LAST_DAY + 1, 10))
    tick_labels = []
    for tick in ticks:
        day = max(tick, FIRST_DAY)
        on = _day_date(plan, day)
        tick_labels.append(f"{day}\n{_short_date(on)}" if on else str(day))
    axes.set_xticks(ticks, tick_labels, fontsize=7.5)
    start = plan.hundred_day_plan.start_date
    axes.set_xlabel(
        f"Day of the 100-day plan (day 1 is {start.day} {_MONTHS[start.month - 1]} {start.year})"
        if start
        else "Day of the 100-day plan",
        fontsize=8,
    )
    axes.grid(axis="x", color="#dddddd", linewidth=0.6)
    axes.set_axisbelow(True)
    axes.tick_params(axis="y", length=0)
    if not actions:
        axes.text(2, 0, "No actions yet", va="center", fontsize=8)
    top = -0.5 if actions else -1.5
    for milestone in milestones:
        on = _day_date(plan, milestone.day)
        axes.axvline(milestone.day, color=MILESTONE_COLOUR, linestyle="--", linewidth=1.0)
        axes.plot([milestone.day], [top], marker="D", color=MILESTONE_COLOUR, markersize=5, clip_on=False)
        axes.annotate(
            _short_date(on) if on else f"Day {milestone.day}",
            (milestone.day, top),
            xytext=(0, 5),
            textcoords="offset points",
            color="#0b0c0c",
            ha="center",
            va="bottom",
            fontsize=7,
        )
    handles: list[Artist] = [
        Patch(facecolor=colour, edgecolor="#0b0c0c", label=status) for status, colour in STATUS_COLOURS.items()
    ]
    handles.append(
        Line2D(
            [], [], color=MILESTONE_COLOUR, marker="D", linestyle="--", linewidth=1.0, markersize=5, label="milestone"
        )
    )
    figure.legend(handles=handles, loc="outside lower center", ncols=len(handles), fontsize=7.5, frameon=False)
    buffer = io.BytesIO()
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="Glyph .* missing from font")  # e.g. Chinese names in DejaVu Sans
        figure.savefig(buffer, format="png", dpi=dpi)
    return buffer.getvalue()
