"""Charts for the A&E page: an SPC (XmR) chart against the 95% standard, and a funnel plot across trusts.

matplotlib Figures out, nothing displayed here; the numbers come from
:mod:`exercises.lessons.ae` and :mod:`exercises.lessons.spc`.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from exercises.lessons import ae, spc
from exercises.lessons.common import BLUE, GREEN, GREY, ORANGE, RED

_SOURCE = "Source: NHS England, A&E Attendances and Emergency Admissions (OGL v3.0)"


def spc_chart(analysis: ae.Analysis, name: str = ae.TRUST_NAME) -> Any:
    """Monthly four-hour performance with the baseline's mean and process limits, the 95% standard,
    and special-cause months marked (orange above the mean, red below)."""
    from matplotlib.figure import Figure

    months = analysis.months
    limits = analysis.limits
    figure = Figure(figsize=(9, 4.6))
    axes = figure.add_subplot()
    axes.plot(
        months["period"], months["performance"], color=GREY, marker="o", markersize=3.5, linewidth=1, label="Month"
    )
    above = months[months["special"] & (months["performance"] > limits.mean)]
    below = months[months["special"] & (months["performance"] < limits.mean)]
    axes.scatter(
        above["period"], above["performance"], color=BLUE, marker="s", s=34, zorder=3, label="Special cause: higher"
    )
    axes.scatter(
        below["period"], below["performance"], color=ORANGE, marker="D", s=34, zorder=3, label="Special cause: lower"
    )
    axes.axhline(limits.mean, color=GREY, linewidth=1.2, label=f"Mean of the first {analysis.baseline_months} months")
    axes.axhline(limits.upper, color=RED, linestyle=":", linewidth=1.2, label="Process limits (extended)")
    axes.axhline(limits.lower, color=RED, linestyle=":", linewidth=1.2)
    axes.axhline(ae.STANDARD, color=GREEN, linestyle="--", linewidth=1.4, label="The 95% standard")
    boundary = months["period"].iloc[analysis.baseline_months - 1] + pd.Timedelta(days=15)
    axes.axvline(boundary, color=GREY, linewidth=0.8, linestyle="-.")
    axes.set_ylabel("Seen within four hours (%)")
    axes.set_title(f"{name}:\nfour-hour performance, April 2016 to March 2019")
    axes.legend(loc="lower right", fontsize=7.5, frameon=False, ncol=2)
    axes.text(1.0, -0.12, _SOURCE, transform=axes.transAxes, ha="right", fontsize=7, color=GREY)
    low = min(months["performance"].min(), limits.lower) - 2
    axes.set_ylim(low, 100)
    return figure


def funnel_chart(units: pd.DataFrame, *, highlight: str = ae.TRUST) -> Any:
    """Each trust's type 1 four-hour performance in 2018/19 against its attendances, with the plain
    binomial limits (thin) and the limits widened for over-dispersion (thick)."""
    from matplotlib.figure import Figure

    plain = spc.funnel(units)
    wide = spc.funnel(units, overdispersion=True)
    frame = wide.units
    sizes = sorted({float(x) for x in frame["n"]})
    grid = [sizes[0] + (sizes[-1] - sizes[0]) * i / 200 for i in range(201)]
    figure = Figure(figsize=(9, 4.8))
    axes = figure.add_subplot()
    axes.scatter(frame["n"] / 1000, 100 * frame["proportion"], color=BLUE, s=14, alpha=0.8, label="A trust")
    mine = frame[frame["unit"] == highlight]
    axes.scatter(
        mine["n"] / 1000,
        100 * mine["proportion"],
        color=ORANGE,
        marker="D",
        s=50,
        zorder=3,
        label=f"{highlight} (Chelsea and Westminster)" if highlight == ae.TRUST else highlight,
    )
    for z, style, label in ((spc.Z95, "--", "95%"), (spc.Z998, ":", "99.8%")):
        low, high = spc.funnel_curve(plain.centre, grid, z)
        axes.plot([g / 1000 for g in grid], [100 * v for v in low], color=GREY, linewidth=0.7, linestyle=style)
        axes.plot([g / 1000 for g in grid], [100 * v for v in high], color=GREY, linewidth=0.7, linestyle=style)
        low, high = spc.funnel_curve(wide.centre, grid, z, wide.tau2)
        axes.plot(
            [g / 1000 for g in grid],
            [100 * v for v in low],
            color=RED,
            linewidth=1.4,
            linestyle=style,
            label=f"{label} limits, widened for over-dispersion",
        )
        axes.plot([g / 1000 for g in grid], [100 * v for v in high], color=RED, linewidth=1.4, linestyle=style)
    axes.axhline(100 * wide.centre, color=GREY, linewidth=1.2, label=f"England (type 1): {100 * wide.centre:.1f}%")
    axes.axhline(ae.STANDARD, color=GREEN, linestyle="--", linewidth=1.2, label="The 95% standard")
    axes.set_xlabel("Attendances at type 1 departments, April 2018 to March 2019 (thousands)")
    axes.set_ylabel("Seen within four hours (%)")
    axes.set_title("Funnel plot: four-hour performance of every trust with a type 1 department, 2018/19")
    axes.set_ylim(40, 100)
    axes.legend(loc="lower right", fontsize=7.5, frameon=False)
    axes.text(1.0, -0.14, _SOURCE, transform=axes.transAxes, ha="right", fontsize=7, color=GREY)
    return figure
