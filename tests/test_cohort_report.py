"""``academy cohort report``: one page over every team's plan (exercises.plan.report)."""

from __future__ import annotations

import io
import shutil
from pathlib import Path
from typing import Any

import pytest

from exercises import cli_plan
from exercises.cli import main
from exercises.plan.report import find_plan_files, write_cohort_report
from exercises.plan.store import parse_plan_data, plan_to_yaml, validate_plan
from exercises.plan.templates import EXAMPLE_PLAN
from tests.test_plan_exports import SCRIPT, Page, assert_headings_in_order, assert_nothing_live, hostile


def example_data() -> dict[str, Any]:
    return parse_plan_data(EXAMPLE_PLAN.read_text(encoding="utf-8"))


def write_plan(path: Path, data: dict[str, Any]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(plan_to_yaml(validate_plan(data)), encoding="utf-8")
    return path


@pytest.fixture()
def cohort(tmp_path: Path) -> Path:
    """Three valid plans, three broken files, and files the report must ignore."""
    folder = tmp_path / "cohort-work"
    for number, name in enumerate(["Falls", "Temporary accommodation", "Siân's young carers"], start=1):
        data = example_data()
        data["team"]["name"] = name
        data["asks"][0]["ask"] = f"Ask from team {number}"
        write_plan(folder / f"team-{number}" / "plan.yaml", data)
    (folder / "team-4").mkdir()
    (folder / "team-4" / "plan.yaml").write_text(
        EXAMPLE_PLAN.read_text(encoding="utf-8").replace("end_day: 80", "end_day: 140"), encoding="utf-8"
    )
    (folder / "team-5").mkdir()
    (folder / "team-5" / "plan.yml").write_bytes(b"\x00\x01binary")
    (folder / "notes.yaml").write_text("- just\n- a list\n", encoding="utf-8")
    # Ignored: backups, hidden folders, other files.
    shutil.copyfile(folder / "team-4" / "plan.yaml", folder / "team-1" / "plan.yaml.bak")
    (folder / ".ipynb_checkpoints").mkdir()
    (folder / ".ipynb_checkpoints" / "plan.yaml").write_text("broken: [", encoding="utf-8")
    (folder / "team-1" / "README.md").write_text("not a plan", encoding="utf-8")
    return folder


def report(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(["cohort", "report", *argv])
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out, err


def test_finds_plans_recursively_and_skips_hidden_and_backups(cohort: Path) -> None:
    names = [path.relative_to(cohort).as_posix() for path in find_plan_files(cohort)]
    assert names == [
        "notes.yaml",
        "team-1/plan.yaml",
        "team-2/plan.yaml",
        "team-3/plan.yaml",
        "team-4/plan.yaml",
        "team-5/plan.yml",
    ]


def test_mixed_cohort_lists_invalid_files_and_still_writes(
    cohort: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "report.html"
    code, printed, err = report(capsys, str(cohort), "-o", str(out))
    assert code == 1  # written, but some files need fixing
    assert f"Wrote {out}: 3 valid plans." in printed
    assert "3 files could not be read as a plan" in err
    assert (
        "team-4/plan.yaml:" in err and "100-day plan › action A5 › end day: must be between 1 and 100 (got 140)" in err
    )
    assert "team-5/plan.yml:" in err and "is not a text file" in err
    assert "notes.yaml:" in err and "does not look like a plan" in err
    page = Page(out.read_text(encoding="utf-8"))
    text = page.all_text
    for team in ("Falls", "Temporary accommodation", "Siân's young carers"):
        assert text.count(team) >= 3  # summary table, asks, team section
    for number in (1, 2, 3):
        assert f"Ask from team {number}" in text
    assert "Files with problems" in text and "team-4/plan.yaml" in text and "(got 140)" in text
    assert "3 valid plans" in text and "3 files that could not be read as a plan" in text


def test_report_sections_are_complete_and_accessible(cohort: Path, tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    result = write_cohort_report(cohort, out, title="Cohort 4 report")
    assert [team.plan_summary[0] for team in result.teams] == [
        "Falls",
        "Temporary accommodation",
        "Siân's young carers",
    ]
    html = out.read_text(encoding="utf-8")
    page = Page(html)
    assert page.lang == "en-GB"
    assert_headings_in_order(page.headings)
    assert page.tags.count("svg") == 3  # one timeline each
    assert "Status at the 100-day follow-up" in page.all_text and "7 green" in page.all_text
    assert "Commitment: 3 already taking action, 0 planning to take action, 0 not yet decided" in page.all_text
    assert "script" not in page.tags and "link" not in page.tags
    ids = [value for name, value in page.attributes if name == "id"]
    assert len(ids) == len(set(ids))  # unique ids, so each chart keeps its own description
    for team in result.teams:
        assert f'href="#{team.anchor}"' in html


def test_report_escapes_every_string(tmp_path: Path) -> None:
    folder = tmp_path / "cohort"
    write_plan(folder / "evil" / "plan.yaml", hostile(example_data()))
    (folder / "broken").mkdir()
    evil_name = "<img src=x onerror=alert(1)>.yaml"  # file names are team-written text too
    (folder / "broken" / evil_name).write_text(f"team:\n  name: x\n  '{SCRIPT}': 1\n", encoding="utf-8")
    out = tmp_path / "report.html"
    cohort = write_cohort_report(folder, out)
    assert len(cohort.teams) == 1 and len(cohort.invalid) == 1
    page = assert_nothing_live(out.read_text(encoding="utf-8"))
    assert page.all_text.count(SCRIPT) > 20
    assert evil_name in page.all_text and f"'{SCRIPT}': is not part of a plan" in page.all_text


def test_report_of_a_missing_or_wrong_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "report.html"
    code, _, err = report(capsys, str(tmp_path / "nowhere"), "-o", str(out))
    assert code == 1 and "There is no folder" in err
    a_file = tmp_path / "plan.yaml"
    shutil.copyfile(EXAMPLE_PLAN, a_file)
    code, _, err = report(capsys, str(a_file), "-o", str(out))
    assert code == 1 and "is a file" in err
    (tmp_path / "empty").mkdir()
    code, _, err = report(capsys, str(tmp_path / "empty"), "-o", str(out))
    assert code == 1 and "There are no plan files" in err
    assert not out.exists()


def test_report_never_overwrites_a_plan(cohort: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = cohort / "team-1" / "plan.yaml"
    before = target.read_bytes()
    code, _, err = report(capsys, str(cohort), "-o", str(target))
    assert code == 1 and "looks like a plan file" in err
    assert target.read_bytes() == before


def test_report_to_a_folder_or_unwritable_place(
    cohort: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = report(capsys, str(cohort), "-o", str(tmp_path))
    assert code == 1 and "is a folder" in err
    blocked = tmp_path / "file"
    blocked.write_text("x", encoding="utf-8")
    code, _, err = report(capsys, str(cohort), "-o", str(blocked / "report.html"))
    assert code == 1 and "Could not write" in err


def test_all_valid_exits_zero(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write_plan(tmp_path / "c" / "a" / "plan.yaml", example_data())
    code, printed, err = report(capsys, str(tmp_path / "c"), "-o", str(tmp_path / "r.html"), "--title", "Cohort 4")
    assert code == 0 and err == "" and "1 valid plan." in printed
    assert "<title>Cohort 4</title>" in (tmp_path / "r.html").read_text(encoding="utf-8")


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_bar_only_on_a_terminal_for_many_plans(monkeypatch: pytest.MonkeyPatch) -> None:
    files = [Path(f"{n}.yaml") for n in range(50)]
    monkeypatch.setattr("sys.stderr", io.StringIO())
    assert cli_plan._progress(files, len(files)) is files  # redirected: no bar
    terminal = _Terminal()
    monkeypatch.setattr("sys.stderr", terminal)
    assert cli_plan._progress(files[:3], 3) == files[:3]  # a few plans: no bar
    assert list(cli_plan._progress(files, len(files))) == files
    assert "Reading plans" in terminal.getvalue() and "50/50" in terminal.getvalue()
