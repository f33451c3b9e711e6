"""The datasets: descriptor and CSVs validate, the synthetic data regenerates exactly,
report figures match the report, and the synthetic data has the truths it claims."""

from __future__ import annotations

import csv
import importlib.util
import itertools
import json
import math
import re
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
DATASETS = REPO / "datasets"
DESCRIPTOR = DATASETS / "datapackage.json"
# The course team's text copy of the 2019 report sits beside the repository (shared/).
SEED = REPO.parent / "shared" / "seeds" / "000_065efc72c0722ef5.txt"


def _package() -> dict:
    return json.loads(DESCRIPTOR.read_text(encoding="utf-8"))


def _rows(relative: str) -> list[dict[str, str]]:
    with open(DATASETS / relative, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _by(relative: str, key: str) -> dict[str, dict[str, str]]:
    return {row[key]: row for row in _rows(relative)}


@pytest.fixture(scope="module")
def generator():
    spec = importlib.util.spec_from_file_location("generate_synthetic", DATASETS / "generate_synthetic.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# --- the descriptor and the files ---------------------------------------------------


def test_descriptor_and_every_csv_validate() -> None:
    from frictionless import validate

    report = validate(str(DESCRIPTOR))
    problems = [
        f"{task.name}: {error}" for task in report.tasks for error in task.flatten(["rowNumber", "fieldName", "note"])
    ]
    problems += [error.message for error in report.errors]
    assert report.valid, "\n".join(problems[:20])
    assert len(report.tasks) == len(_package()["resources"])


def test_validation_rejects_a_value_outside_the_schema(tmp_path: Path) -> None:
    """The validation above can fail: a qualifier the schema does not allow is caught."""
    from frictionless import Resource, validate

    resource = next(r for r in _package()["resources"] if r["name"] == "case_study_facts")
    text = (DATASETS / resource["path"]).read_text(encoding="utf-8")
    (tmp_path / "facts.csv").write_text(text.replace(",as stated,", ",roughly,", 1), encoding="utf-8")
    descriptor = {**resource, "path": "facts.csv"}
    report = validate(Resource(descriptor, basepath=str(tmp_path)))
    assert not report.valid
    assert ["qualifier"] in report.flatten(["fieldName"])


def test_every_csv_is_described_and_every_resource_has_what_it_needs() -> None:
    resources = _package()["resources"]
    described = {r["path"] for r in resources}
    on_disk = {p.relative_to(DATASETS).as_posix() for p in DATASETS.rglob("*.csv")}
    assert on_disk == described
    names = [r["name"] for r in resources]
    assert len(names) == len(set(names))
    for resource in resources:
        for key in ("name", "title", "description", "path", "schema", "sources", "licenses", "citation"):
            assert resource.get(key), f"{resource['name']} has no {key}"
        assert isinstance(resource["synthetic"], bool)
        for field in resource["schema"]["fields"]:
            assert field.get("description"), f"{resource['name']}.{field['name']} has no description"


def test_synthetic_data_cannot_be_mistaken_for_real() -> None:
    for resource in _package()["resources"]:
        fields = resource["schema"]["fields"]
        columns = [f["name"] for f in fields]
        rows = _rows(resource["path"])
        if resource["synthetic"]:
            assert resource["path"].startswith("synthetic/")
            assert "(synthetic)" in resource["title"]
            assert resource["description"].startswith("SYNTHETIC DATA")
            assert [lic["name"] for lic in resource["licenses"]] == ["CC0-1.0"]
            assert columns[-1] == "synthetic"
            assert rows and all(row["synthetic"] == "true" for row in rows)
            assert all(f["description"].startswith("Synthetic") for f in fields[:-1])
        else:
            assert not resource["path"].startswith("synthetic/")
            assert "synthetic" not in columns


def test_public_rows_each_cite_a_source() -> None:
    for resource in _package()["resources"]:
        if not resource["path"].startswith("public/"):
            continue
        for row in _rows(resource["path"]):
            assert row["source_publisher"] and row["source_title"], row
            assert row["source_url"].startswith(("http://", "https://")), row
            assert row["source_licence"] in {"OGL-UK-3.0", "cited fact"}
        licences = {lic["name"] for lic in resource["licenses"]}
        row_licences = {row["source_licence"] for row in _rows(resource["path"])}
        assert ("OGL-UK-3.0" in licences) == ("OGL-UK-3.0" in row_licences)


# --- the synthetic generator ---------------------------------------------------------


def test_generator_reproduces_the_committed_files(tmp_path: Path, generator) -> None:
    written = generator.write_all(tmp_path)
    committed = sorted(p.name for p in (DATASETS / "synthetic").glob("*.csv"))
    assert sorted(p.name for p in written) == committed
    for path in written:
        assert path.read_bytes() == (DATASETS / "synthetic" / path.name).read_bytes(), f"{path.name} differs"
        assert b"\r" not in path.read_bytes()


def test_check_flag_reports_a_difference(tmp_path: Path, generator, capsys) -> None:
    generator.write_all(tmp_path)
    assert generator.main(["--check", "--out", str(tmp_path)]) == 0
    target = tmp_path / "wards.csv"
    target.write_text(target.read_text(encoding="utf-8").replace("BF01", "BF99", 1), encoding="utf-8")
    assert generator.main(["--check", "--out", str(tmp_path)]) == 1
    assert "wards.csv differs" in capsys.readouterr().out


# --- report figures ---------------------------------------------------------------------


def test_spot_checks_against_the_report() -> None:
    facts = _by("report/case_study_facts.csv", "fact_id")
    assert float(facts["oldham_savings_headline"]["value"]) == 3_000_000
    assert float(facts["oldham_investment"]["value"]) == 350_000
    assert facts["oldham_savings_body"]["unit"] == "GBP per year"
    assert facts["oldham_savings_headline"]["unit"] == "GBP"
    assert int(facts["brent_families_housed"]["value"]) == 168
    assert int(facts["brent_children_housed"]["value"]) == 411
    assert float(facts["belfast_uk_investment"]["value"]) == 350_000_000
    assert float(facts["storyhouse_council_share"]["value"]) == 18
    assert float(facts["storyhouse_trading_share"]["value"]) == 82
    assert (
        float(facts["rotherham_agency_sw_before"]["value"]),
        float(facts["rotherham_agency_sw_after"]["value"]),
    ) == (44, 16)

    academy = _by("report/academy_evaluation.csv", "fact_id")
    survey = [
        float(academy[k]["value"])
        for k in (
            "psta_useful_connections",
            "psta_use_of_time",
            "psta_value_for_money",
            "psta_relevance",
            "psta_would_recommend",
        )
    ]
    assert survey == [98, 91, 88, 91, 87]
    assert int(academy["somerset_c1_participants"]["value"]) == 40
    assert int(academy["somerset_c1_target"]["value"]) == 25
    assert academy["somerset_c1_target"]["qualifier"] == "at least"
    assert academy["somerset_c1_already_taking_action"]["value"] == ""  # missing in the report, not invented

    suffolk = _rows("report/suffolk_libraries_events.csv")
    assert [int(r["events"]) for r in suffolk] == [9534, 11120, 12659]
    assert [int(r["attendees"]) for r in suffolk] == [155876, 175561, 182298]

    funds = _by("report/funding_pots.csv", "fund_id")
    assert float(funds["transformation_fund"]["amount_gbp"]) == 5e9
    assert float(funds["plymouth_integrated_fund"]["amount_gbp"]) == 483e6

    days = {int(r["day"]) for r in _rows("report/somerset_programme.csv")}
    assert days == {1, 2, 3, 4, 5}
    projects = _rows("report/somerset_challenge_projects.csv")
    assert [sum(r["cohort"] == str(c) for r in projects) for c in (1, 2, 3)] == [5, 6, 5]


def test_known_problems_in_the_report_are_flagged() -> None:
    facts = _by("report/case_study_facts.csv", "fact_id")
    assert "per year" in facts["oldham_savings_headline"]["note"]
    assert "2010 to 2016" in facts["brent_homelessness_growth"]["note"]
    assert "eight" in facts["belfast_letters_headline"]["note"]
    assert "2018" in facts["hounslow_carillion_collapse_year"]["note"]
    assert "percentage points" in facts["wigan_satisfaction_increase"]["note"]
    funds = _by("report/funding_pots.csv", "fund_id")
    assert "7.5 million" in funds["local_digital_innovation_fund"]["note"]
    belfast = _by("report/belfast_programmes.csv", "programme")
    assert "unclear" in belfast["Regional Innovators Network"]["note"]
    corrections = _by("public/report_corrections.csv", "correction_id")
    assert corrections["carillion_collapse"]["record_date"] == "2018-01-15"


def test_report_rows_point_inside_their_article() -> None:
    spans = {r["article"]: (int(r["line_start"]), int(r["line_end"])) for r in _rows("report/articles.csv")}
    for resource in _package()["resources"]:
        if not resource["path"].startswith("report/") or resource["name"] == "report_articles":
            continue
        columns = [f["name"] for f in resource["schema"]["fields"]]
        pairs = [(c, c.replace("line_start", "line_end")) for c in columns if c.endswith("line_start")]
        for row in _rows(resource["path"]):
            for start, end in pairs:
                a, b = int(row[start]), int(row[end])
                assert a <= b, (resource["name"], row)
                if "article" in row:
                    first, last = spans[row["article"]]
                    assert first <= a and b <= last, (resource["name"], row)


def _number_forms(value: float, unit: str) -> set[str]:
    """Ways the report may write a number, e.g. 3000000 -> '3 million', 95 -> 'ninety-five'."""
    words = {
        1: "one",
        2: "two",
        3: "three",
        4: "four",
        5: "five",
        6: "six",
        7: "seven",
        8: "eight",
        9: "nine",
        10: "ten",
        16: "sixteen",
        20: "twenty",
        30: "thirty",
        40: "forty",
        50: "fifty",
        70: "seventy",
        95: "ninety-five",
        100: "hundred",
        300: "three hundred",
        500: "five hundred",
    }
    value = abs(value)
    forms: set[str] = set()
    if value.is_integer():
        number = int(value)
        forms |= {f"{number:,}", str(number)}
        if number in words:
            forms.add(words[number])
        ordinals = {2: "second", 3: "third", 4: "fourth"}
        if unit == "rank" and number in ordinals:
            forms.add(ordinals[number])
        if unit == "ratio" and number == 2:
            forms.add("doubled")
        if unit == "weeks" and number == 1:
            forms.add("a week")
    else:
        forms.add(f"{value:g}")
    for scale, word in ((1e9, "billion"), (1e6, "million")):
        if value >= scale and math.isclose(round(value / scale, 2), value / scale):
            forms.add(f"{value / scale:g} {word}")
            if round(value / scale) == 1 and value == scale:
                forms.add(f"one {word}")
    if unit == "percent" and math.isclose(value, 66.7):
        forms.add("two-thirds")
    return forms


@pytest.mark.skipif(not SEED.is_file(), reason="the text copy of the report is not beside the repository")
def test_report_figures_appear_at_the_lines_cited() -> None:
    lines = SEED.read_text(encoding="utf-8").split("\n")
    checks = [
        ("report/case_study_facts.csv", "value", "unit"),
        ("report/funding_pots.csv", "amount_gbp", None),
        ("report/academy_evaluation.csv", "value", "unit"),
        ("report/belfast_programmes.csv", "jobs", None),
        ("report/suffolk_libraries_events.csv", "events", None),
        ("report/suffolk_libraries_events.csv", "attendees", None),
    ]
    missing = []
    for path, column, unit_column in checks:
        for row in _rows(path):
            if not row[column]:
                continue
            text = " ".join(lines[int(row["line_start"]) - 1 : int(row["line_end"])]).replace("\u2019", "'")
            text = re.sub(r"\s+", " ", text).lower()
            forms = _number_forms(float(row[column]), row.get(unit_column, "") if unit_column else "")
            if not any(form in text for form in forms):
                missing.append(
                    f"{path} {next(iter(row.values()))}: {row[column]} not in lines {row['line_start']}-{row['line_end']}"
                )
    assert not missing, "\n".join(missing)


# --- the synthetic data says what it claims -------------------------------------------


def test_reminder_trial_effect_is_close_to_the_stated_true_effect(generator) -> None:
    rows = _rows("synthetic/reminder_trial.csv")
    control, treated = generator.TRIAL_ARMS
    rates = {}
    for arm in (control, treated):
        outcomes = [row["booked_assessment"] == "true" for row in rows if row["arm"] == arm]
        rates[arm] = (sum(outcomes) / len(outcomes), len(outcomes))
    (p0, n0), (p1, n1) = rates[control], rates[treated]
    true0, true1 = generator.TRIAL_TRUE_RATES
    standard_error = math.sqrt(p0 * (1 - p0) / n0 + p1 * (1 - p1) / n1)
    assert n0 == n1 == generator.TRIAL_SIZE // 2
    assert abs((p1 - p0) - (true1 - true0)) < 3 * standard_error
    assert p1 - p0 > 0
    description = next(r for r in _package()["resources"] if r["name"] == "brackenford_reminder_trial")["description"]
    assert f"{true0:.0%}" in description and f"{true1:.0%}" in description


def test_weekly_measure_shifts_after_the_stated_week(generator) -> None:
    rows = _rows("synthetic/weekly_measure.csv")
    week = generator.SHIFT_WEEK
    before = [float(r["percent_within_7_days"]) for r in rows if int(r["week"]) < week]
    after = [float(r["percent_within_7_days"]) for r in rows if int(r["week"]) >= week]
    assert len(rows) == generator.WEEKS
    shift = sum(after) / len(after) - sum(before) / len(before)
    true_shift = 100 * (generator.RATE_AFTER - generator.RATE_BEFORE)
    assert abs(shift - true_shift) < 5
    # A run-chart signal: most weeks after the change sit above the median of the weeks before it.
    median_before = sorted(before)[len(before) // 2]
    assert sum(value > median_before for value in after) >= 0.8 * len(after)
    assert next(r for r in rows if int(r["week"]) == week)["annotation"]
    description = next(r for r in _package()["resources"] if r["name"] == "brackenford_weekly_measure")["description"]
    assert f"week {week}" in description


def test_synthetic_tables_are_internally_consistent(generator) -> None:
    wards = _rows("synthetic/wards.csv")
    assert len(wards) == len(generator.WARDS)
    for ward in wards:
        parts = sum(int(ward[c]) for c in ("age_0_15", "age_16_64", "age_65_74", "age_75_plus"))
        assert parts == int(ward["population"])
    assert len(_rows("synthetic/resident_survey.csv")) == 1200
    demand = _rows("synthetic/service_demand.csv")
    costs = sorted(
        {(int(r["year_start"]), float(r["unit_cost_gbp"])) for r in demand if r["service_type"] == "reactive"}
    )
    assert costs[-1][1] > costs[0][1]
    market = [r for r in _rows("synthetic/provider_market.csv") if r["service"] == "home care"]
    total = sum(float(r["annual_contract_value_gbp"]) for r in market)
    hhi = sum((100 * float(r["annual_contract_value_gbp"]) / total) ** 2 for r in market)
    assert 500 < hhi < 5000
    assets = {r["asset_type"] for r in _rows("synthetic/asset_register.csv")}
    assert assets == set(generator.ASSET_TYPES)
    evaluation = _rows("synthetic/evaluation_responses.csv")
    day5 = [r for r in evaluation if r["stage"] == "day 5"]
    assert len(day5) == generator.COHORT_SIZE - generator.DAY5_DROPOUTS
    assert all(r["commitment"] for r in day5)
    assert all(not r["commitment"] for r in evaluation if r["stage"] == "baseline")


# --- public facts ---------------------------------------------------------------------


def test_green_book_discount_schedule() -> None:
    rows = [r for r in _rows("public/green_book_discount_rates.csv") if r["schedule"] == "standard"]
    schedule = [(int(r["from_year"]), r["to_year"], float(r["rate_percent"])) for r in rows]
    assert schedule[0] == (0, "30", 3.5)
    assert schedule[1] == (31, "75", 3.0)
    assert schedule[-1] == (301, "", 1.0)
    for (_, end, _), (start, _, _) in itertools.pairwise(schedule):
        assert int(end) + 1 == start  # no gaps or overlaps
    health = [r for r in _rows("public/green_book_discount_rates.csv") if r["schedule"] == "health"]
    assert float(health[0]["rate_percent"]) == 1.5
