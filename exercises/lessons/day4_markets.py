"""Day 4, shaping and managing the market: Care Act duties, provider failure, and managing contracts.

Answer keys and tables for the pages *Providers and markets* (Carillion, Leicestershire,
social value, the procurement approaches, market shares and the Herfindahl index) and
*Shaping and managing the market*. Plain Python and
pandas; nothing imports ipywidgets. ``tests/test_day4_keys.py`` checks the keys. The
duties are summarised in the course's words from the Care Act 2014 and its statutory
guidance, the Procurement Act 2023 and the Care Quality Commission (cited on the page).
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from exercises.data import load
from exercises.lessons.common import BLUE, GREEN, ORANGE, ChoiceKey, SortKey
from exercises.lessons.day1 import ReportFigure

S4 = "Move fast and fix things"
C5 = "Leicestershire's Children's Innovation Partnership"


def care_act_duties_table() -> pd.DataFrame:
    """The Care Act 2014's market duties, in our words."""
    rows = [
        (
            "Section 5",
            "Promote an efficient and effective market of care and support: diverse, high-quality, "
            "sustainable, with enough choice for the people who need it, whoever pays.",
        ),
        (
            "Sections 48 to 52",
            "If a registered care provider cannot carry on because of business failure, the council must "
            "meet the needs of the people it was supporting for as long as it considers necessary, whoever "
            "was paying for their care.",
        ),
        (
            "Sections 53 to 57",
            "The Care Quality Commission oversees the finances of providers that would be hard to replace; "
            "if one is likely to fail, it tells the councils that will need to act.",
        ),
    ]
    return pd.DataFrame(rows, columns=["Care Act 2014", "What it requires"])


_SHAPE = "Shaping the market"
_MANAGE = "Managing the contract and the relationship"
_FAIL = "Preparing for provider failure"

MARKET_WORK = SortKey(
    categories=(_SHAPE, _MANAGE, _FAIL),
    answers={
        "Publish a market position statement saying what care the borough will need in five years": _SHAPE,
        "Work out, with providers, what a home-care hour really costs, including travel time and pay": _SHAPE,
        "Run a quarterly providers' forum on recruitment and retention of care workers": _SHAPE,
        "Agree three key performance indicators with the falls service and chart them monthly": _MANAGE,
        "Review the provider's costs together under open-book terms before agreeing a price uplift": _MANAGE,
        "Share what quality visits find with the Care Quality Commission, and read its inspection reports": _MANAGE,
        "Keep a list of which providers could take on a failing provider's care hours, and how fast": _FAIL,
        "Act on a Care Quality Commission warning that a large provider is likely to fail": _FAIL,
    },
    feedback={
        "Publish a market position statement saying what care the borough will need in five years": "A market "
        "position statement is the council's main tool for telling providers, current and future, what it "
        "will need: part of the section 5 duty.",
        "Work out, with providers, what a home-care hour really costs, including travel time and pay": "Cost "
        "of care exercises, such as those councils ran for the 2022-23 fair cost of care fund, underpin "
        "prices that keep a market sustainable.",
        "Run a quarterly providers' forum on recruitment and retention of care workers": "The workforce is the "
        "market in care: shaping it together with providers is market shaping.",
        "Agree three key performance indicators with the falls service and chart them monthly": "Managing the "
        "contract: a few measures that matter, shown over time (Day 5 shows how), not a single month's RAG.",
        "Review the provider's costs together under open-book terms before agreeing a price uplift": "Open-book "
        "working is contract and relationship management: both sides see the same numbers.",
        "Share what quality visits find with the Care Quality Commission, and read its inspection reports": "Quality monitoring is shared with the regulator: the council commissions, the CQC registers, "
        "inspects and rates.",
        "Keep a list of which providers could take on a failing provider's care hours, and how fast": "Contingency planning for failure: the council's temporary duty under section 48 means it must "
        "be ready.",
        "Act on a Care Quality Commission warning that a large provider is likely to fail": "The market "
        "oversight scheme (sections 53 to 57) exists to give councils this warning.",
    },
)


# --- 04 Providers and markets ---------------------------------------------------------------

CARILLION_CONTRACTS = ReportFigure(
    500, "contracts", "Government contracts Carillion held ('nearly 500')", S4, (2609, 2611)
)
CARILLION_SUBCONTRACTORS = ReportFigure(1.2e9, "GBP", "Owed to sub-contractors", S4, (2611, 2612))
CARILLION_PENSIONS = ReportFigure(800e6, "GBP", "Pension deficit", S4, (2612, 2613))
CARILLION_LIABILITIES = ReportFigure(
    7e9, "GBP", "Liabilities ('almost £7 billion'): the largest trade insolvency in UK history", S4, (2985, 2988)
)
CARILLION: tuple[ReportFigure, ...] = (
    CARILLION_CONTRACTS,
    CARILLION_SUBCONTRACTORS,
    CARILLION_PENSIONS,
    CARILLION_LIABILITIES,
)


def carillion_table() -> pd.DataFrame:
    """Carillion's figures as the RSA article gives them."""

    def shown(figure: ReportFigure) -> str:
        if figure.unit == "GBP":
            return f"£{figure.value / 1e9:g} billion" if figure.value >= 1e9 else f"£{figure.value / 1e6:g} million"
        return f"{figure.value:,.0f}"

    return pd.DataFrame(
        {
            "What": [f.what for f in CARILLION],
            "Figure": [shown(f) for f in CARILLION],
        }
    )


def carillion_correction() -> pd.Series:
    """The report's date for Carillion's collapse against the public record."""
    corrections = load("report_corrections")
    return corrections[corrections["correction_id"].astype(str) == "carillion_collapse"].iloc[0]


def leicestershire_facts() -> dict[str, float]:
    """The CIP's contract term (years), value ceiling (£) and weeks to the first meeting."""
    facts = load("case_study_facts")
    values = facts.set_index(facts["fact_id"].astype(str))["value"]
    return {
        "term_years": float(values["leics_contract_term"]),
        "value_ceiling": float(values["leics_contract_value"]),
        "weeks_to_first_meeting": float(values["leics_first_meeting_weeks"]),
    }


def social_value_rules() -> pd.DataFrame:
    """Today's social value and procurement rules, from the public facts."""
    facts = load("public_facts")
    rows = facts[facts["topic"].astype(str) == "Social value and procurement"]
    return pd.DataFrame(
        {
            "Rule": rows["fact"].astype(str),
            "Figure": [
                f"{v:g}%" if u == "percent" else ""
                for v, u in zip(rows["value"], rows["unit"].astype(str), strict=True)
            ],
            "From": [f"{d.day} {d:%B %Y}" if not pd.isna(d) else "" for d in rows["date"]],
            "Source": rows["source_title"].astype(str),
            "Note": rows["note"].fillna("").astype(str),
        }
    ).set_index("Rule")


_SPECIFY = "Specify and tender: the answer is known"
_PARTNER = "Engage the market, then choose a partner, not a solution"
_INVEST = "Invest to solve: fund early ideas in stages you can stop"

PROCUREMENT_ROUTES = SortKey(
    categories=(_SPECIFY, _PARTNER, _INVEST),
    answers={
        "Buying latex gloves for care staff": _SPECIFY,
        "Renewing a meals service that works well, with several able providers": _SPECIFY,
        "Redesigning children's services from the edge of care to leaving care, with a partner "
        "who co-invests": _PARTNER,
        "Too few residential places for children with complex needs; providers 'cherry pick'": _PARTNER,
        "Reducing loneliness among older people, where no one knows what works at scale": _INVEST,
        "A new app to help people manage their own care: readiness 4, adoption 1": _INVEST,
    },
    feedback={
        "Buying latex gloves for care staff": "Specify and tender: the RSA's own example of a simple problem, where a specification works.",
        "Renewing a meals service that works well, with several able providers": "Specify and tender: the need and the answer are known and the market is healthy. Still talk to "
        "users and providers first.",
        "Redesigning children's services from the edge of care to leaving care, with a partner who co-invests": "Engage, then choose a partner: this is Leicestershire's Children's Innovation Partnership, "
        "tendered to test partners' suitability and shared values, not a solution.",
        "Too few residential places for children with complex needs; providers 'cherry pick'": "Engage, then choose a partner: the market is not sufficient, so a specification alone will not "
        "create supply. Leicestershire's first design brief was on residential placements.",
        "Reducing loneliness among older people, where no one knows what works at scale": "Invest to solve: a complex problem. Involve the people affected, fund early concepts and keep "
        "break points at each stage.",
        "A new app to help people manage their own care: readiness 4, adoption 1": "Invest to solve: unproven and unused, so fund development in stages you can stop, rather than "
        "a long contract.",
    },
)

PROBLEM_EXPERTS = ChoiceKey(
    options={
        "Solution experts, who can specify the right service in detail": "No. The RSA says we should not ask commissioners to be solution experts: starting with the "
        "answer crowds out innovation.",
        "Problem experts, who understand the problem with the people who live with it": "Yes. 'We shouldn't ask our commissioners to be solution experts, but we can expect them to be "
        "problem experts' (Ian Burbidge, RSA).",
        "Contract experts, who can extract the most value from suppliers": "No. The RSA criticises a combative relationship where value is extracted, not created together.",
    },
    answer="Problem experts, who understand the problem with the people who live with it",
)


def _percent_shares(values: pd.Series | list[float] | tuple[float, ...]) -> pd.Series:
    series = pd.Series(values, dtype="float64")
    if series.isna().any():
        raise ValueError("every provider needs a value; one is missing")
    if (series < 0).any():
        raise ValueError("a provider's value cannot be negative")
    total = float(series.sum())
    if not total > 0:
        raise ValueError("the values add up to nothing, so there are no shares to work out")
    return 100 * series / total


def herfindahl_index(values: pd.Series | list[float] | tuple[float, ...]) -> float:
    """The Herfindahl-Hirschman index: the sum of squared market shares, in per cent.

    ``values`` are the providers' contract values (or shares); they are turned into
    percentage shares first. The index runs from near 0 (many tiny providers) to 10,000
    (one provider has everything). N equal providers give 10,000 / N.
    """
    shares = _percent_shares(values)
    return float((shares**2).sum())


def equivalent_providers(index: float) -> float:
    """10,000 / HHI: the number of equal-sized providers that would give the same index."""
    if not 0 < index <= 10_000:
        raise ValueError("a Herfindahl index runs from above 0 to 10,000")
    return 10_000 / index


def market_shares(market: pd.DataFrame, service: str) -> pd.DataFrame:
    """Each provider of ``service`` with its contract value and share (%), largest first."""
    rows = market[market["service"].astype(str) == service]
    if rows.empty:
        raise ValueError(f"no providers of '{service}' in the market data")
    shares = _percent_shares(rows["annual_contract_value_gbp"].to_numpy())
    table = pd.DataFrame(
        {
            "Provider (invented)": rows["provider_name"].astype(str).to_numpy(),
            "Sector": rows["sector"].astype(str).to_numpy(),
            "Annual value (£)": rows["annual_contract_value_gbp"].round().astype(int).to_numpy(),
            "Share (%)": shares.round(1).to_numpy(),
        }
    )
    return table.sort_values("Annual value (£)", ascending=False).set_index("Provider (invented)")


def market_summary(market: pd.DataFrame) -> pd.DataFrame:
    """For each service: providers, total value, largest share, top three's share, HHI and its equivalent."""
    rows = []
    for service in sorted(market["service"].astype(str).unique()):
        part = market[market["service"].astype(str) == service]
        shares = _percent_shares(part["annual_contract_value_gbp"].to_numpy()).sort_values(ascending=False)
        index = herfindahl_index(part["annual_contract_value_gbp"].to_numpy())
        voluntary = part.loc[part["sector"].astype(str) == "voluntary", "annual_contract_value_gbp"].sum()
        rows.append(
            {
                "Service": service,
                "Providers": len(part),
                "Total annual value (£)": round(part["annual_contract_value_gbp"].sum()),
                "Largest provider's share (%)": round(float(shares.iloc[0]), 1),
                "Top three's share (%)": round(float(shares.iloc[:3].sum()), 1),
                "Herfindahl index (0 to 10,000)": round(index),
                "Equivalent number of equal providers": round(equivalent_providers(index), 1),
                "Voluntary sector's share (%)": round(
                    100 * float(voluntary) / float(part["annual_contract_value_gbp"].sum()), 1
                ),
            }
        )
    return pd.DataFrame(rows).set_index("Service")


def market_chart(market: pd.DataFrame) -> Any:
    """Each service's providers by share of contract value, largest first."""
    from matplotlib.figure import Figure

    services = sorted(market["service"].astype(str).unique())
    figure = Figure(figsize=(10, 5.2))
    axes = figure.subplots(1, len(services), sharex=True)
    colours = {"private": BLUE, "voluntary": GREEN, "council-owned": ORANGE}
    for ax, service in zip(axes, services, strict=True):
        table = market_shares(market, service)
        ax.barh(table.index, table["Share (%)"], color=[colours[s] for s in table["Sector"]])
        ax.invert_yaxis()
        ax.tick_params(axis="y", labelsize=7)
        ax.set_xlabel("Share of spending on the service (%)")
        index = herfindahl_index(table["Annual value (£)"].to_numpy())
        ax.set_title(f"{service.capitalize()}: HHI {index:,.0f}", fontsize=10)
    from matplotlib.patches import Patch

    used = sorted(set(market["sector"].astype(str)))
    axes[-1].legend(
        handles=[Patch(color=colours[s], label=s.capitalize()) for s in used],
        loc="lower right",
        frameon=False,
        fontsize=8,
    )
    figure.suptitle("Brackenford care market, 2024/25: who gets the council's money (synthetic data)")
    return figure


def largest_provider(market: pd.DataFrame, service: str) -> tuple[str, float]:
    """The largest provider of ``service`` and its share (%), unrounded."""
    table = market_shares(market, service)
    rows = market[market["service"].astype(str) == service]
    shares = _percent_shares(rows["annual_contract_value_gbp"].to_numpy())
    return str(table.index[0]), float(shares.max())
