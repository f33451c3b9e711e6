"""The loader in exercises.data: types from the schema, clear errors, the catalogue page."""

from __future__ import annotations

import dataclasses
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from exercises import data

REPO = Path(__file__).resolve().parent.parent
DATASETS = REPO / "datasets"
PAGE = REPO / "modules" / "reference" / "datasets.md"


def _package() -> dict:
    return json.loads((DATASETS / "datapackage.json").read_text(encoding="utf-8"))


@pytest.fixture
def datasets_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A private copy of datasets/ that the loader reads instead of the real one."""
    copy = tmp_path / "datasets"
    shutil.copytree(DATASETS, copy, ignore=shutil.ignore_patterns("__pycache__", "*.py", "*.md"))
    monkeypatch.setenv("ACADEMY_DATASETS_DIR", str(copy))
    return copy


def test_names_lists_every_resource_in_order() -> None:
    assert data.names() == [r["name"] for r in _package()["resources"]]


@pytest.mark.parametrize("name", [r["name"] for r in _package()["resources"]])
def test_every_dataset_loads_with_its_schema_types(name: str) -> None:
    resource = next(r for r in _package()["resources"] if r["name"] == name)
    frame = data.load(name)
    fields = resource["schema"]["fields"]
    assert list(frame.columns) == [f["name"] for f in fields]
    with open(DATASETS / resource["path"], encoding="utf-8") as handle:
        assert len(frame) == sum(1 for _ in handle) - 1
    for field in fields:
        column = frame[field["name"]]
        enum = field.get("constraints", {}).get("enum")
        if field["type"] == "integer":
            assert column.dtype == "Int64", field["name"]
        elif field["type"] == "number":
            assert column.dtype == "float64", field["name"]
        elif field["type"] == "boolean":
            assert column.dtype == "boolean", field["name"]
        elif field["type"] == "date":
            assert pd.api.types.is_datetime64_any_dtype(column), field["name"]
        elif enum is not None:
            assert isinstance(column.dtype, pd.CategoricalDtype), field["name"]
            assert list(column.cat.categories) == enum
            assert column.cat.ordered == bool(field.get("categoriesOrdered", False))
        else:
            assert column.dtype == "string", field["name"]


def test_values_and_missing_values_come_through() -> None:
    facts = data.load("case_study_facts").set_index("fact_id")
    assert facts.loc["oldham_investment", "value"] == 350_000.0
    assert pd.isna(facts.loc["oldham_sites", "note"])
    evaluation = data.load("academy_evaluation").set_index("fact_id")
    assert pd.isna(evaluation.loc["somerset_c1_already_taking_action", "value"])
    timeline = data.load("rotherham_timeline")
    assert timeline["date"].min() == pd.Timestamp("2014-08-26")
    assert timeline["date"].isna().any()
    trial = data.load("brackenford_reminder_trial")
    assert trial["booked_assessment"].mean() == pytest.approx(0.22, abs=0.03)
    assert trial["synthetic"].all()


def test_ordered_categories_keep_their_order() -> None:
    survey = data.load("brackenford_resident_survey")
    assert list(survey["satisfaction"].cat.categories) == [
        "Very dissatisfied",
        "Fairly dissatisfied",
        "Neither",
        "Fairly satisfied",
        "Very satisfied",
    ]
    satisfied = survey["satisfaction"] >= "Fairly satisfied"
    assert 0 < satisfied.mean() < 1
    assert survey["trust_council"].isna().sum() > 0  # skipped answers stay missing
    steps = data.load("rotherham_timeline")["kotter_step"]
    assert steps.cat.ordered and steps.cat.categories[0] == "Background"
    assert steps.sort_values().iloc[-1] == "8. Institute change"


def test_unknown_name_gives_a_plain_message_with_suggestions() -> None:
    with pytest.raises(data.UnknownDataset) as caught:
        data.load("case_studies_facts")
    error = caught.value
    assert isinstance(error, KeyError) and isinstance(error, LookupError)
    message = str(error)
    assert message.startswith("There is no dataset called 'case_studies_facts'.")
    assert "'case_study_facts'" in message and "names()" in message
    with pytest.raises(KeyError) as caught:
        data.info("zzzz")
    assert "Did you mean" not in str(caught.value)


def test_info_is_a_frozen_summary() -> None:
    about = data.info("brackenford_wards")
    assert about.synthetic is True
    assert about.licence == "CC0 1.0"
    assert about.path == DATASETS / "synthetic" / "wards.csv"
    assert "Brackenford" in about.title and "synthetic" in about.title
    with pytest.raises(dataclasses.FrozenInstanceError):
        about.title = "changed"  # type: ignore[misc]
    report = data.info("case_study_facts")
    assert report.synthetic is False
    assert "PSTA" in report.source


def test_descriptor_is_read_once_and_reread_when_it_changes(datasets_copy: Path) -> None:
    first = data._resources()
    assert data._resources() is first
    descriptor = datasets_copy / "datapackage.json"
    package = json.loads(descriptor.read_text(encoding="utf-8"))
    package["resources"] = package["resources"][:2]
    descriptor.write_text(json.dumps(package), encoding="utf-8")
    import os

    stat = descriptor.stat()
    os.utime(descriptor, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))
    assert len(data.names()) == 2


def test_a_bad_value_is_reported_in_plain_english(datasets_copy: Path) -> None:
    path = datasets_copy / "report" / "funding_pots.csv"
    path.write_text(path.read_text(encoding="utf-8").replace(",national,", ",regional,", 1), encoding="utf-8")
    with pytest.raises(data.DatasetError, match="Column 'level' of dataset 'funding_pots' holds 'regional'"):
        data.load("funding_pots")
    trial = datasets_copy / "synthetic" / "reminder_trial.csv"
    trial.write_text(trial.read_text(encoding="utf-8").replace(",true,true\n", ",maybe,true\n", 1), encoding="utf-8")
    with pytest.raises(data.DatasetError, match="not a boolean"):
        data.load("brackenford_reminder_trial")


def test_a_missing_file_is_reported_in_plain_english(datasets_copy: Path) -> None:
    (datasets_copy / "synthetic" / "wards.csv").unlink()
    with pytest.raises(data.DatasetError, match="The file for dataset 'brackenford_wards' is missing"):
        data.load("brackenford_wards")


def test_loader_imports_nothing_screen_related() -> None:
    code = (
        "import sys, exercises.data as d; d.load('brackenford_wards'); "
        "bad = [m for m in ('ipywidgets', 'matplotlib', 'IPython') if m in sys.modules]; "
        "print(','.join(bad)); sys.exit(1 if bad else 0)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO)
    assert result.returncode == 0, result.stdout + result.stderr


def test_datasets_page_table_matches_the_descriptor() -> None:
    page = PAGE.read_text(encoding="utf-8")
    start = page.index(data.CATALOGUE_START) + len(data.CATALOGUE_START)
    end = page.index(data.CATALOGUE_END)
    assert page[start:end].strip() == data.catalogue_markdown().strip(), (
        "The table in modules/reference/datasets.md is out of date: run "
        "python -m exercises.data --update modules/reference/datasets.md"
    )
    for name in data.names():
        assert f"`{name}`" in page


def test_catalogue_update_rewrites_only_the_table(tmp_path: Path) -> None:
    page = tmp_path / "page.md"
    page.write_text(f"# Title\n\n{data.CATALOGUE_START}\nold table\n{data.CATALOGUE_END}\n\nAfter.\n", encoding="utf-8")
    assert data.main(["--update", str(page)]) == 0
    text = page.read_text(encoding="utf-8")
    assert "old table" not in text and text.startswith("# Title") and text.endswith("After.\n")
    assert data.replace_catalogue(text) == text
    (tmp_path / "plain.md").write_text("# No markers\n", encoding="utf-8")
    assert data.main(["--update", str(tmp_path / "plain.md")]) == 1
