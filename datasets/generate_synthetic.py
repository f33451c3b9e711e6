"""Make the synthetic data for Brackenford (a fictional borough).

Every number this script writes is made up. Brackenford, its wards, residents,
providers and assets do not exist. The course uses them where the 2019 report gives no
data, and every file carries a ``synthetic`` column set to ``true``.

The output is deterministic: a fixed seed for each table (numpy ``default_rng``),
fixed rounding, sorted rows and ``\\n`` line endings. Running the script again must
reproduce the committed files byte for byte.

Usage (from the course folder)::

    python datasets/generate_synthetic.py            # write datasets/synthetic/*.csv
    python datasets/generate_synthetic.py --out DIR  # write somewhere else
    python datasets/generate_synthetic.py --check    # exit 1 if the files differ

The true values built into the data (the reminder letter's effect, the week the
weekly measure shifts, the effect of the preventive service) are constants below and
are stated in ``datasets/datapackage.json``.
"""

from __future__ import annotations

import argparse
import csv
import io
import sys
from collections.abc import Callable, Iterable, Sequence
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import numpy as np

HERE = Path(__file__).resolve().parent
DEFAULT_OUT = HERE / "synthetic"

PLACE = "Brackenford (a fictional borough)"
SEED = 20190601

# Ten plainly invented ward names, A to L.
WARDS: tuple[str, ...] = (
    "Ashenquill",
    "Bellwether Rise",
    "Cobblemere",
    "Dapplewick",
    "Emberfold",
    "Foxglove Vale",
    "Gorsewick",
    "Hazelquay",
    "Juniper Reach",
    "Larkspur Fields",
)
WARD_CODES: tuple[str, ...] = tuple(f"BF{i:02d}" for i in range(1, len(WARDS) + 1))

AGE_BANDS = ("16-24", "25-34", "35-44", "45-54", "55-64", "65-74", "75+")
LIKERT = ("Strongly disagree", "Disagree", "Neither agree nor disagree", "Agree", "Strongly agree")
SATISFACTION = ("Very dissatisfied", "Fairly dissatisfied", "Neither", "Fairly satisfied", "Very satisfied")
SEGMENTS = (
    "Young renter",
    "Family with children",
    "Working-age homeowner",
    "Carer",
    "Older couple",
    "Older resident living alone",
)
ASSET_TYPES = ("individuals", "associations", "institutions", "physical", "economic", "cultural")

# Service demand
YEARS = tuple(range(2018, 2025))  # financial years 2018/19 to 2024/25
REACTIVE = "emergency admissions after a fall, age 65+"
PREVENTIVE = "strength and balance programme places"
FALL_ADMISSION_COST_2018 = 3400.0  # GBP per admission in 2018/19 (synthetic)
PLACE_COST_2018 = 420.0  # GBP per programme place in 2018/19 (synthetic)
COST_GROWTH = 0.03  # a year
DEMAND_GROWTH = 0.025  # underlying growth in falls admissions, a year
ADMISSIONS_AVOIDED_PER_PLACE = 0.05  # true effect: admissions avoided next year per place

# Reminder trial
TRIAL_SIZE = 4000
TRIAL_ARMS = ("invitation only", "invitation and reminder")
TRIAL_TRUE_RATES = (0.20, 0.24)  # a realistic uptake of a strength and balance invitation (Day 4, page 3)

# Weekly measure
WEEKS = 60
FIRST_WEEK = date(2024, 4, 1)  # a Monday
SHIFT_WEEK = 36  # the change starts in this week
RATE_BEFORE, RATE_AFTER = 0.55, 0.72

# Evaluation survey
COHORT = "Brackenford cohort 1"
COHORT_SIZE = 36
DAY5_DROPOUTS = 3
COMMITMENT = ("Already taking action", "Planning to take action", "Not yet planning action")
RELEVANCE = ("Not relevant", "Somewhat relevant", "Relevant", "Highly relevant")
RATING = ("Poor", "Fair", "Good", "Excellent")

Row = dict[str, Any]


def _rng(table_number: int) -> np.random.Generator:
    """A separate, fixed random stream for each table, so tables do not affect each other."""
    return np.random.default_rng([SEED, table_number])


def _fmt(value: object, decimals: int | None = None) -> str:
    """Format one value for the CSV: fixed decimals, true/false, blank for missing."""
    if value is None:
        return ""
    if isinstance(value, bool | np.bool_):
        return "true" if value else "false"
    if isinstance(value, float | np.floating):
        text = f"{float(value):.{decimals if decimals is not None else 2}f}"
        return "0" + text[2:] if text.startswith("-0") and float(text) == 0 else text
    if isinstance(value, np.integer):
        return str(int(value))
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def _csv(fields: Sequence[str], rows: Iterable[Row], decimals: dict[str, int] | None = None) -> str:
    """Render rows as CSV text with a header, "\\n" line endings and the synthetic flag."""
    decimals = decimals or {}
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow([*fields, "synthetic"])
    for row in rows:
        writer.writerow([*(_fmt(row[f], decimals.get(f)) for f in fields), "true"])
    return buffer.getvalue()


def _pick(rng: np.random.Generator, options: Sequence[str], p: Sequence[float] | None = None) -> str:
    """One of ``options``, with probabilities ``p`` (equal when not given)."""
    weights = np.ones(len(options)) if p is None else np.array(p, dtype=float)
    return options[int(rng.choice(len(options), p=weights / weights.sum()))]


# --- wards ------------------------------------------------------------------------


def ward_table() -> list[Row]:
    """Ten wards: population by age band, households and a need index (higher = more need)."""
    rng = _rng(1)
    need = np.round(rng.uniform(12, 88, len(WARDS)), 1)
    rows: list[Row] = []
    for i, (code, name) in enumerate(zip(WARD_CODES, WARDS, strict=True)):
        population = int(rng.integers(8500, 16500))
        older_tilt = rng.uniform(-0.04, 0.06)
        shares = np.array([0.19, 0.62, 0.10 + older_tilt / 2, 0.09 + older_tilt / 2])
        shares = rng.dirichlet(shares * 400)
        counts = np.floor(shares * population).astype(int)
        counts[1] += population - counts.sum()
        rows.append(
            {
                "ward_code": code,
                "ward": name,
                "population": population,
                "age_0_15": counts[0],
                "age_16_64": counts[1],
                "age_65_74": counts[2],
                "age_75_plus": counts[3],
                "households": int(round(population / rng.uniform(2.1, 2.6))),
                "need_index": float(need[i]),
            }
        )
    order = np.argsort(-need, kind="stable")
    for rank, index in enumerate(order, start=1):
        rows[index]["need_rank"] = rank
    return rows


WARD_FIELDS = (
    "ward_code",
    "ward",
    "population",
    "age_0_15",
    "age_16_64",
    "age_65_74",
    "age_75_plus",
    "households",
    "need_index",
    "need_rank",
)


# --- service demand --------------------------------------------------------------


def service_demand_table(wards: list[Row]) -> list[Row]:
    """Falls admissions (reactive) and programme places (preventive) by ward and year."""
    rng = _rng(2)
    rows: list[Row] = []
    for ward in wards:
        older = int(ward["age_65_74"]) + int(ward["age_75_plus"])
        need = float(ward["need_index"])
        base_rate = 0.018 + 0.00012 * need  # admissions per person aged 65+ a year
        places_prev = 0
        for t, year in enumerate(YEARS):
            growth = (1 + DEMAND_GROWTH) ** t
            # The preventive programme starts small and grows from 2020/21.
            target_places = older * (0.004 if year < 2020 else 0.004 + 0.006 * (year - 2019))
            places = int(rng.poisson(target_places))
            expected = older * base_rate * growth - ADMISSIONS_AVOIDED_PER_PLACE * places_prev
            admissions = int(rng.poisson(max(expected, 0.0)))
            price = (1 + COST_GROWTH) ** t
            fy = f"{year}/{(year + 1) % 100:02d}"
            for service, kind, activity, cost in (
                (REACTIVE, "reactive", admissions, FALL_ADMISSION_COST_2018 * price),
                (PREVENTIVE, "preventive", places, PLACE_COST_2018 * price),
            ):
                rows.append(
                    {
                        "ward_code": ward["ward_code"],
                        "ward": ward["ward"],
                        "year_start": year,
                        "financial_year": fy,
                        "service": service,
                        "service_type": kind,
                        "activity": activity,
                        "unit_cost_gbp": round(cost, 2),
                    }
                )
            places_prev = places
    rows.sort(key=lambda r: (r["ward_code"], r["year_start"], r["service_type"]))
    return rows


DEMAND_FIELDS = (
    "ward_code",
    "ward",
    "year_start",
    "financial_year",
    "service",
    "service_type",
    "activity",
    "unit_cost_gbp",
)


# --- resident survey -------------------------------------------------------------

SURVEY_ITEMS = ("belong", "influence", "services_joined_up", "trust_council", "would_volunteer")
# How much more (or less) agreeable each statement is than the person's general mood.
SURVEY_OFFSETS = {"belong": 0.5, "influence": -0.6, "services_joined_up": -0.3, "trust_council": 0.0, "would_volunteer": 0.2}


def _segment(rng: np.random.Generator, band: str) -> str:
    young = {"16-24": (0.7, 0.1, 0.1, 0.1, 0.0, 0.0), "25-34": (0.4, 0.35, 0.17, 0.08, 0.0, 0.0)}
    older = {"65-74": (0.0, 0.02, 0.08, 0.15, 0.5, 0.25), "75+": (0.0, 0.0, 0.02, 0.13, 0.4, 0.45)}
    middle = (0.08, 0.42, 0.35, 0.15, 0.0, 0.0)
    return _pick(rng, SEGMENTS, young.get(band) or older.get(band) or middle)


def _likert(rng: np.random.Generator, latent: float, labels: Sequence[str]) -> str:
    cuts = np.array([-1.6, -0.6, 0.3, 1.4])
    return labels[int(np.searchsorted(cuts, latent + rng.normal(0, 0.7)))]


def resident_survey_table(wards: list[Row]) -> list[Row]:
    """1,200 residents' answers; more need in the ward means less favourable answers."""
    rng = _rng(3)
    weights = np.array([float(w["population"]) for w in wards])
    band_p = np.array([0.11, 0.15, 0.15, 0.16, 0.16, 0.14, 0.13])
    rows: list[Row] = []
    for rid in range(1, 1201):
        w = wards[int(rng.choice(len(wards), p=weights / weights.sum()))]
        band = AGE_BANDS[int(rng.choice(len(AGE_BANDS), p=band_p))]
        need = float(w["need_index"])
        person = rng.normal(0, 0.6) - (need - 50) / 60 + (0.25 if band in ("65-74", "75+") else 0.0)
        row: Row = {
            "respondent_id": rid,
            "ward_code": w["ward_code"],
            "ward": w["ward"],
            "age_band": band,
            "segment": _segment(rng, band),
        }
        for item in SURVEY_ITEMS:
            row[item] = _likert(rng, person + SURVEY_OFFSETS[item], LIKERT)
        if rng.random() < 0.03:
            row["trust_council"] = None  # a few skipped the question
        row["satisfaction"] = _likert(rng, person + 0.2, SATISFACTION)
        rows.append(row)
    return rows


SURVEY_FIELDS = ("respondent_id", "ward_code", "ward", "age_band", "segment", *SURVEY_ITEMS, "satisfaction")


# --- community asset register ----------------------------------------------------

ASSET_NAMES: dict[str, tuple[str, ...]] = {
    "individuals": (
        "Resident with bookkeeping skills",
        "Resident who speaks Polish and English",
        "Retired joiner offering repairs",
        "Keen gardener sharing an allotment",
        "Resident who drives neighbours to appointments",
        "Former nurse running a listening service",
        "Young resident teaching phone and tablet skills",
        "Resident who cooks for a lunch club",
    ),
    "associations": (
        "Tenants' and residents' association",
        "Walking group",
        "Men's shed",
        "Youth football club",
        "Parent and toddler group",
        "Knit and natter group",
        "Faith community",
        "Allotment society",
    ),
    "institutions": (
        "Primary school",
        "Library",
        "GP surgery",
        "Community centre",
        "Fire station",
        "Family hub",
    ),
    "physical": ("Park", "Community garden", "Playing field", "Village hall", "Canal towpath", "Allotments"),
    "economic": ("Credit union branch", "Social enterprise cafe", "Weekly market", "Food co-operative", "Local employer"),
    "cultural": ("Summer festival", "Heritage trail", "Community choir", "Arts collective", "Local history group"),
}
ASSET_PEOPLE = {"individuals": 6, "associations": 40, "institutions": 300, "physical": 500, "economic": 120, "cultural": 150}


def asset_table(wards: list[Row]) -> list[Row]:
    """Community assets by ward and ABCD type."""
    rng = _rng(4)
    rows: list[Row] = []
    for ward in wards:
        need = float(ward["need_index"])
        for kind in ASSET_TYPES:
            names = ASSET_NAMES[kind]
            n = min(len(names), int(rng.poisson(2.2 + (60 - need) / 40 + (1.5 if kind == "individuals" else 0))))
            for name in rng.choice(names, size=n, replace=False):
                people = max(1, int(rng.poisson(ASSET_PEOPLE[kind]) * rng.uniform(0.5, 1.5)))
                rows.append(
                    {
                        "ward_code": ward["ward_code"],
                        "ward": ward["ward"],
                        "asset_type": kind,
                        "asset_name": f"{name} ({ward['ward']})",
                        "people_involved": people,
                        "council_works_with_it": bool(rng.random() < (0.75 if kind == "institutions" else 0.3)),
                    }
                )
    rows.sort(key=lambda r: (r["ward_code"], ASSET_TYPES.index(str(r["asset_type"])), r["asset_name"]))
    for i, row in enumerate(rows, start=1):
        row["asset_id"] = f"A{i:03d}"
    return rows


ASSET_FIELDS = ("asset_id", "ward_code", "ward", "asset_type", "asset_name", "people_involved", "council_works_with_it")


# --- provider market -------------------------------------------------------------

PROVIDER_STEMS = (
    "Ashenquill", "Bellwether", "Cobblemere", "Dapplewick", "Emberfold",
    "Foxglove", "Gorsewick", "Hazelquay", "Juniper", "Larkspur",
)


def provider_table() -> list[Row]:
    """Home care and residential care providers with skewed contract values."""
    rng = _rng(5)
    rows: list[Row] = []
    # service, number of providers, name endings, total annual spend (GBP), GBP per care hour
    plans = (
        ("home care", 18, ("Home Support Ltd", "Care at Home", "Homecare Partners"), 27_000_000, 23.0),
        ("residential care", 10, ("Care Homes Ltd", "Residential Care"), 22_500_000, None),
    )
    number = 0
    for service, count, suffixes, market_gbp, gbp_per_hour in plans:
        shares = rng.lognormal(0.0, 0.9, count)
        shares = shares / shares.sum()
        names = [f"{stem} {suffix}" for suffix in suffixes for stem in PROVIDER_STEMS]
        chosen = rng.permutation(len(names))[:count]
        for k in range(count):
            number += 1
            value = round(float(shares[k] * market_gbp), -2)
            rows.append(
                {
                    "provider_id": f"P{number:02d}",
                    "provider_name": names[int(chosen[k])],
                    "service": service,
                    "sector": str(rng.choice(("private", "voluntary", "council-owned"), p=(0.72, 0.22, 0.06))),
                    "size": "large" if shares[k] > 1.8 / count else "small or medium",
                    "annual_contract_value_gbp": value,
                    "hours_per_week": int(round(value / gbp_per_hour / 52)) if gbp_per_hour else None,
                    "wards_served": int(rng.integers(1, len(WARDS) + 1)),
                }
            )
    rows.sort(key=lambda r: (r["service"], r["provider_id"]))
    return rows


PROVIDER_FIELDS = (
    "provider_id",
    "provider_name",
    "service",
    "sector",
    "size",
    "annual_contract_value_gbp",
    "hours_per_week",
    "wards_served",
)


# --- reminder trial --------------------------------------------------------------


def reminder_trial_table(wards: list[Row]) -> list[Row]:
    """A two-arm randomised trial with exactly equal arms and the true rates above."""
    rng = _rng(6)
    arms = np.repeat([0, 1], TRIAL_SIZE // 2)
    rng.shuffle(arms)
    older = np.array([int(w["age_65_74"]) + int(w["age_75_plus"]) for w in wards], dtype=float)
    rows: list[Row] = []
    for pid, arm in enumerate(arms, start=1):
        w = wards[int(rng.choice(len(wards), p=older / older.sum()))]
        rows.append(
            {
                "participant_id": pid,
                "ward_code": w["ward_code"],
                "age_band": "75+" if rng.random() < 0.45 else "65-74",
                "arm": TRIAL_ARMS[arm],
                "booked_assessment": bool(rng.random() < TRIAL_TRUE_RATES[arm]),
            }
        )
    return rows


TRIAL_FIELDS = ("participant_id", "ward_code", "age_band", "arm", "booked_assessment")


# --- weekly measure ---------------------------------------------------------------


def weekly_measure_table() -> list[Row]:
    """Weekly referrals and starts within 7 days, with a real shift from SHIFT_WEEK."""
    rng = _rng(7)
    rows: list[Row] = []
    for week in range(1, WEEKS + 1):
        referrals = int(rng.poisson(42))
        rate = RATE_AFTER if week >= SHIFT_WEEK else RATE_BEFORE
        started = int(rng.binomial(referrals, rate))
        rows.append(
            {
                "week": week,
                "week_start": FIRST_WEEK + timedelta(weeks=week - 1),
                "referrals": referrals,
                "started_within_7_days": started,
                "percent_within_7_days": round(100 * started / referrals, 1) if referrals else None,
                "annotation": "Change starts: trusted assessors book care at discharge (PDSA cycle 1)"
                if week == SHIFT_WEEK
                else "",
            }
        )
    return rows


WEEKLY_FIELDS = ("week", "week_start", "referrals", "started_within_7_days", "percent_within_7_days", "annotation")


# --- academy evaluation survey ------------------------------------------------------

ORG_TYPES = ("council", "NHS", "police", "voluntary sector", "other public body")
BASELINE_HOPES = (
    "Meet people from health I never get to talk to",
    "Learn how to commission for outcomes, not activity",
    "Get our falls project moving",
    "Understand what the voluntary sector can offer",
    "Find better ways to use our data",
    "Time to think away from the day job",
)
DAY5_COMMENTS = (
    "We have already met the GP practice managers about referrals",
    "The peer challenge on day 2 changed our project's focus",
    "Will map community assets before we write any specification",
    "Need senior sign-off on data sharing before we go further",
    "Too much content on day 3; more time for team work please",
    "Going to run a small test of the reminder letter first",
    "Useful, but hard to find time between sessions",
    "We will use a run chart to see if our change works",
)




def evaluation_table() -> list[Row]:
    """Baseline and day-5 answers for one cohort; a few people miss day 5."""
    rng = _rng(8)
    rows: list[Row] = []
    dropouts = set((rng.choice(COHORT_SIZE, size=DAY5_DROPOUTS, replace=False) + 1).tolist())
    for rid in range(1, COHORT_SIZE + 1):
        org = _pick(rng, ORG_TYPES, (0.45, 0.3, 0.07, 0.12, 0.06))
        start = rng.normal(-0.4, 0.8)
        gain = rng.normal(0.9, 0.5)
        for stage in ("baseline", "day 5"):
            if stage == "day 5" and rid in dropouts:
                continue
            level = start + (gain if stage == "day 5" else 0.0)
            row: Row = {"respondent_id": rid, "cohort": COHORT, "organisation_type": org, "stage": stage}
            for item, offset in (("relationships", 0.0), ("understand_partners", -0.2), ("outcome_focus", 0.1)):
                row[item] = _likert(rng, level + offset, LIKERT)
            day5 = stage == "day 5"
            row["useful_connections"] = bool(rng.random() < 0.95) if day5 else None
            row["learned_from_peers"] = bool(rng.random() < 0.92) if day5 else None
            row["relevance"] = _pick(rng, RELEVANCE, (0.01, 0.07, 0.47, 0.45)) if day5 else None
            row["use_of_time"] = _pick(rng, RATING, (0.01, 0.08, 0.51, 0.40)) if day5 else None
            row["value_for_money"] = _pick(rng, RATING, (0.03, 0.10, 0.52, 0.35)) if day5 else None
            row["would_recommend"] = bool(rng.random() < 0.88) if day5 else None
            row["commitment"] = _pick(rng, COMMITMENT, (0.45, 0.5, 0.05)) if day5 else None
            row["comment"] = _pick(rng, DAY5_COMMENTS if day5 else BASELINE_HOPES)
            rows.append(row)
    rows.sort(key=lambda r: (r["respondent_id"], r["stage"]))
    return rows


EVALUATION_FIELDS = (
    "respondent_id",
    "cohort",
    "organisation_type",
    "stage",
    "relationships",
    "understand_partners",
    "outcome_focus",
    "useful_connections",
    "learned_from_peers",
    "relevance",
    "use_of_time",
    "value_for_money",
    "would_recommend",
    "commitment",
    "comment",
)


# --- matched comparison areas (Day 3 evaluation) -----------------------------------

MATCHED_PROGRAMME = ("Ashenquill North", "Bellwether Rise East", "Cobblemere Vale")
MATCHED_COMPARISON = ("Dunmore Green", "Eastcote Hollow", "Fennick Park")
MATCHED_QUARTERS = 16  # 8 before the programme starts (April 2023), 8 after
MATCHED_FIRST_QUARTER = date(2021, 4, 1)
MATCHED_BASE_RATE = 6.5  # admissions per 1,000 aged 65+ a quarter (about 26 a year)
MATCHED_TREND = 0.05  # shared rise per quarter
MATCHED_LEVEL_GAP = 0.6  # programme areas start higher: they were chosen for need
MATCHED_EFFECT = -0.8  # true effect of the programme, per 1,000 a quarter


def matched_areas_table() -> list[Row]:
    """Falls admissions per 1,000 aged 65+ by quarter: three programme and three comparison areas."""
    rng = _rng(9)
    rows: list[Row] = []
    areas = [(a, "programme") for a in MATCHED_PROGRAMME] + [(a, "comparison") for a in MATCHED_COMPARISON]
    for area, group in areas:
        people = int(rng.integers(6000, 9000))
        area_level = rng.normal(0.0, 0.2)
        for q in range(MATCHED_QUARTERS):
            after = q >= MATCHED_QUARTERS // 2
            rate = MATCHED_BASE_RATE + area_level + MATCHED_TREND * q
            if group == "programme":
                rate += MATCHED_LEVEL_GAP + (MATCHED_EFFECT if after else 0.0)
            admissions = int(rng.poisson(max(rate, 0.0) * people / 1000))
            month = MATCHED_FIRST_QUARTER.month - 1 + 3 * q
            start = date(MATCHED_FIRST_QUARTER.year + month // 12, month % 12 + 1, 1)
            rows.append(
                {
                    "area": area,
                    "group": group,
                    "quarter": q + 1,
                    "period": "after" if after else "before",
                    "quarter_start": start,
                    "people_65_plus": people,
                    "admissions": admissions,
                    "rate_per_1000": round(1000 * admissions / people, 3),
                }
            )
    return rows


MATCHED_FIELDS = (
    "area",
    "group",
    "quarter",
    "period",
    "quarter_start",
    "people_65_plus",
    "admissions",
    "rate_per_1000",
)


# --- putting it together ----------------------------------------------------------


def render() -> dict[str, str]:
    """Return every synthetic file as ``{file name: CSV text}``."""
    wards = ward_table()
    tables: dict[str, Callable[[], str]] = {
        "wards.csv": lambda: _csv(WARD_FIELDS, wards, {"need_index": 1}),
        "service_demand.csv": lambda: _csv(DEMAND_FIELDS, service_demand_table(wards), {"unit_cost_gbp": 2}),
        "resident_survey.csv": lambda: _csv(SURVEY_FIELDS, resident_survey_table(wards)),
        "asset_register.csv": lambda: _csv(ASSET_FIELDS, asset_table(wards)),
        "provider_market.csv": lambda: _csv(PROVIDER_FIELDS, provider_table(), {"annual_contract_value_gbp": 0}),
        "reminder_trial.csv": lambda: _csv(TRIAL_FIELDS, reminder_trial_table(wards)),
        "weekly_measure.csv": lambda: _csv(WEEKLY_FIELDS, weekly_measure_table(), {"percent_within_7_days": 1}),
        "evaluation_responses.csv": lambda: _csv(EVALUATION_FIELDS, evaluation_table()),
        "matched_areas.csv": lambda: _csv(MATCHED_FIELDS, matched_areas_table(), {"rate_per_1000": 3}),
    }
    return {name: make() for name, make in tables.items()}


def _write(path: Path, text: str) -> None:
    try:
        from exercises.storage import atomic_write_text
    except ImportError:  # run from a folder where the course package is not importable
        sys.path.insert(0, str(HERE.parent))
        from exercises.storage import atomic_write_text
    atomic_write_text(path, text)


def write_all(out_dir: Path) -> list[Path]:
    """Write every synthetic file into ``out_dir`` and return their paths."""
    written = []
    for name, text in render().items():
        path = Path(out_dir) / name
        _write(path, text)
        written.append(path)
    return written


def differences(out_dir: Path) -> list[str]:
    """Names of files in ``out_dir`` that are missing or differ from a fresh run."""
    problems = []
    for name, text in render().items():
        path = Path(out_dir) / name
        if not path.is_file():
            problems.append(f"{name} is missing")
        elif path.read_bytes() != text.encode("utf-8"):
            problems.append(f"{name} differs from a fresh run")
    return problems


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=f"Make the synthetic data for {PLACE}.")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="folder to write to (default: datasets/synthetic)")
    parser.add_argument("--check", action="store_true", help="only compare; exit 1 if any file differs")
    args = parser.parse_args(argv)
    if args.check:
        problems = differences(args.out)
        for problem in problems:
            print(problem)
        if problems:
            print("Run 'python datasets/generate_synthetic.py' to remake the synthetic files.")
            return 1
        print(f"All {len(render())} synthetic files match a fresh run.")
        return 0
    for path in write_all(args.out):
        print(f"Wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
