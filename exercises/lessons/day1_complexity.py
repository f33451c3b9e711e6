"""Day 1, page 4 (systems thinking): how commissioning fails, Cynefin, wicked problems, the commissioning shifts.

Plain Python, pandas and matplotlib: nothing here imports ipywidgets.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from exercises.lessons.common import (
    BLUE,
    GREY,
    LIGHT,
    ChoiceKey,
    SortKey,
)

# --- 04 Systems thinking ------------------------------------------------------------

CHAOTIC, SIMPLE, COMPLICATED, COMPLEX = "Chaotic", "Simple", "Complicated", "Complex"
CYNEFIN_DOMAINS: dict[str, str] = {
    CHAOTIC: "Stabilise the situation before anything else can be done.",
    SIMPLE: "Clear cause and effect, and known solutions.",
    COMPLICATED: "Cause and effect can be worked out, with expertise, even if not obvious at first.",
    COMPLEX: "Unknown unknowns: emergent and changing; any intervention changes the system in ways nobody can predict.",
}
# The three examples to which the RSA's article gives a type (S4, lines 2835-2851).
CYNEFIN_REPORT_EXAMPLES: dict[str, str] = {
    "The NHS buying latex gloves to prevent the spread of disease": SIMPLE,
    "Building Crossrail": COMPLICATED,
    "Responding to a riot or a disaster": CHAOTIC,
}

CYNEFIN_TRIAGE = SortKey(
    categories=(CHAOTIC, SIMPLE, COMPLICATED, COMPLEX),
    answers={
        **CYNEFIN_REPORT_EXAMPLES,
        "Repairs to social housing": (SIMPLE, COMPLICATED),
        "A quality-of-life survey for a town's residents": (SIMPLE, COMPLICATED),
        "Places in a hostel for people who present as homeless": (COMPLICATED, COMPLEX),
        "A service for young people with autism": COMPLEX,
        "Choosing which falls-prevention interventions to offer older people at risk": COMPLICATED,
        "Getting strength-and-balance exercise taken up, and kept up, across Brackenford": COMPLEX,
        "A storm has flooded a care home and residents must move tonight": CHAOTIC,
    },
    feedback={
        "The NHS buying latex gloves to prevent the spread of disease": "Simple: the RSA's own example. Cause and effect are clear and the solution is known.",
        "Building Crossrail": "Complicated: the RSA's own example. Hugely complicated, but achievable with expertise.",
        "Responding to a riot or a disaster": "Chaotic: the RSA's own example. Stabilise first; analysis comes later.",
        "Repairs to social housing": "Simple or complicated (our reading): most repairs have known fixes; some need expert diagnosis. "
        "The RSA lists it among things wrongly bought by one process.",
        "A quality-of-life survey for a town's residents": "Simple or complicated (our reading): survey methods are well known, though a good sample takes "
        "expertise.",
        "Places in a hostel for people who present as homeless": "Complicated or complex (our reading): buying beds can be planned, but homelessness itself is a "
        "'wicked problem' with no clear link between cause and effect.",
        "A service for young people with autism": "Complex (our reading): many people, services and families interact, and what helps emerges over "
        "time. The RSA's point is that it should not be bought like latex gloves.",
        "Choosing which falls-prevention interventions to offer older people at risk": "Complicated (our reading): the evidence is "
        "strong. NICE's falls guideline (NG249, 2025) sets out assessment and interventions, and a Cochrane review of 108 "
        "trials found that exercise cuts the rate of falls by about 23%. Expertise can tell you what works.",
        "Getting strength-and-balance exercise taken up, and kept up, across Brackenford": "Complex (our reading): what works "
        "in a trial is known; whether older people take it up and keep going at scale depends on trust, transport, "
        "loneliness, the workforce and much else that interacts. That part you learn by trying, with feedback.",
        "A storm has flooded a care home and residents must move tonight": "Chaotic: people's safety comes first. Act to stabilise; review afterwards.",
    },
)


def cynefin_chart() -> Any:
    """Cynefin's four domains as the RSA describes them, with the article's examples."""
    from matplotlib.figure import Figure
    from matplotlib.patches import Rectangle

    layout = {  # domain: (x, y) of the lower-left corner, in Snowden's usual arrangement
        COMPLEX: (0, 1),
        COMPLICATED: (1, 1),
        CHAOTIC: (0, 0),
        SIMPLE: (1, 0),
    }
    examples = {domain: [item for item, d in CYNEFIN_REPORT_EXAMPLES.items() if d == domain] for domain in layout}
    # The article labels no complex example; it goes on to ask how the system responds to
    # action on homelessness, domestic violence or obesity (S4, lines 2928-2939).
    examples[COMPLEX] = [
        "homelessness, domestic violence or obesity (discussed later in the article, not labelled by it)"
    ]
    figure = Figure(figsize=(8, 6))
    axes = figure.add_subplot()
    for domain, (x, y) in layout.items():
        axes.add_patch(Rectangle((x, y), 1, 1, facecolor=LIGHT, edgecolor="white", linewidth=4))
        axes.text(x + 0.5, y + 0.85, domain, ha="center", fontsize=13, fontweight="bold")
        axes.text(x + 0.5, y + 0.62, _wrap(CYNEFIN_DOMAINS[domain], 38), ha="center", va="center", fontsize=8.5)
        axes.text(
            x + 0.5,
            y + 0.25,
            "\n".join(_wrap("Example: " + e, 40) for e in examples[domain]),
            ha="center",
            va="center",
            fontsize=8.5,
            style="italic",
            color=BLUE,
        )
    axes.text(
        1,
        1,
        "Disorder\n(not in the\nRSA's text)",
        ha="center",
        va="center",
        fontsize=7.5,
        color=GREY,
        bbox={"boxstyle": "circle,pad=0.5", "facecolor": "white", "edgecolor": GREY},
    )
    axes.set_xlim(0, 2)
    axes.set_ylim(0, 2)
    axes.axis("off")
    axes.set_title("Not all problems are created equal: Cynefin's domains, with the RSA's examples")
    return figure


def _wrap(text: str, width: int) -> str:
    import textwrap

    return "\n".join(textwrap.wrap(text, width))


RSA_FAILINGS: tuple[tuple[str, str], ...] = (
    (
        "Linear, path-dependent and slow",
        "By the time the process ends the world, and the range of solutions, "
        "has changed. Some bids take over 18 months.",
    ),
    (
        "Assume every need can be specified",
        "'If it's not in the spec, it's not getting done' without a costly contract variation.",
    ),
    ("Not 'solution-agnostic'", "Commissioners start with the answer in mind, which crowds out innovation."),
    ("Combative relationships", "Value is extracted through the contract rather than created together."),
    (
        "Risk and reputation before experiment",
        "Providers worried about survival will not take the risk of doing things differently.",
    ),
    ("Ignore how complex systems behave", "Wicked problems are never solved, so you cannot commission a solution."),
    (
        "Treat all problems alike",
        "Latex gloves and a service for young people with autism go through the same process.",
    ),
)


def rsa_failings_table() -> pd.DataFrame:
    """The RSA's seven ways commissioning processes fail (PSTA 2019, S4, lines 2708–2812).

    The bullets are split across columns in the text copy, so their order is reconstructed.
    """
    return pd.DataFrame(RSA_FAILINGS, columns=["Commissioning processes too often...", "What goes wrong"]).set_index(
        "Commissioning processes too often..."
    )


IMMUNE_RESPONSE = ChoiceKey(
    options={
        "To safeguard lives": "Yes: one of the RSA's good reasons for the immune response.",
        "To spend public money without any impropriety": "Yes: propriety in public spending is a good reason.",
        "To avoid career-limiting mistakes that would play out in public": "Yes: the RSA lists this too.",
        "To prevent fraud and corruption": "Yes: a legitimate reason to be careful.",
        "'We have always done it this way'": "No: this is the immune response at its worst, blind maintenance of the status quo in the face of "
        "evidence for change.",
        "'The computer says no'": "No: the RSA uses this as the example of bureaucratic process crowding out common sense.",
    },
    answer=(
        "To safeguard lives",
        "To spend public money without any impropriety",
        "To avoid career-limiting mistakes that would play out in public",
        "To prevent fraud and corruption",
    ),
)

SHIFTS: tuple[tuple[str, str], ...] = (
    ("innocence", "responsibility"),
    ("centrality", "humility"),
    ("power", "impact"),
    ("services", "outcomes"),
    ("cold data", "warm data"),
    ("expertise", "learning"),
    ("separation of commissioning and service design", "shared responsibility for outcomes"),
)
# The radar chart cuts labels at 40 characters, so the longest shift gets a short label.
_SHORT_SHIFT_LABELS = {"separation of commissioning and service design": "From separate design to shared outcomes"}


def shift_statements() -> list[str]:
    """One short statement per shift for the slider board: "From X to Y", at most 40 characters."""
    return [_SHORT_SHIFT_LABELS.get(source, f"From {source} to {target}") for source, target in SHIFTS]


def shifts_table() -> pd.DataFrame:
    """The commissioning shifts in full (PSTA 2019, S1, lines 1293–1313), with the board's short label."""
    rows = [(short, source, target) for short, (source, target) in zip(shift_statements(), SHIFTS, strict=True)]
    return pd.DataFrame(rows, columns=["On the board", "From", "To"]).set_index("On the board")
