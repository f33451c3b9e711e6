"""``academy plan new | check | export | schema | open`` (exercises.cli_plan)."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from exercises.cli import main
from exercises.plan.store import load_plan, plan_history
from exercises.plan.templates import WORKBOOK_TEMPLATE, plan_schema_text
from tests.conftest import run_academy


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


# --- plan new -------------------------------------------------------------------------


def test_new_starts_a_valid_plan(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    team = tmp_path / "cohort-work" / "falls-team"
    code, out, _ = run_academy(capsys, "plan", "new", str(team), "--team", "Steady Steps – Zoë's team")
    assert code == 0
    plan = load_plan(team / "plan.yaml")
    assert plan.team.name == "Steady Steps – Zoë's team"
    assert "academy plan check" in out
    text = (team / "plan.yaml").read_text(encoding="utf-8")
    assert "# Day 1:" in text  # the template's guidance comments come too


@pytest.mark.skipif(not WORKBOOK_TEMPLATE.is_file(), reason="the challenge workbook template is not built yet")
def test_new_copies_the_workbook_but_never_replaces_one(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    team = tmp_path / "team"
    assert run_academy(capsys, "plan", "new", str(team), "--team", "A")[0] == 0
    workbook = team / "challenge-workbook.ipynb"
    assert workbook.read_bytes() == WORKBOOK_TEMPLATE.read_bytes()
    workbook.write_text("{}", encoding="utf-8")
    assert run_academy(capsys, "plan", "new", str(team), "--team", "B", "--force")[0] == 0
    assert workbook.read_text(encoding="utf-8") == "{}"


def test_new_never_overwrites_without_force(plan_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = digest(plan_file)
    code, _, err = run_academy(capsys, "plan", "new", str(plan_file.parent), "--team", "Other")
    assert code == 1
    assert "already exists, so nothing was changed" in err and "--force" in err
    assert digest(plan_file) == before


def test_new_with_force_keeps_the_old_plan(plan_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = plan_file.read_bytes()
    code, out, _ = run_academy(capsys, "plan", "new", str(plan_file.parent), "--team", "Fresh start", "--force")
    assert code == 0 and "kept as version 1 in its history" in out
    assert f"academy plan restore {plan_file} 1" in out
    assert plan_history(plan_file)[0].text().encode() == before
    assert load_plan(plan_file).team.name == "Fresh start"


@pytest.mark.parametrize("name", ["", "   "])
def test_new_needs_a_team_name(tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str) -> None:
    code, _, err = run_academy(capsys, "plan", "new", str(tmp_path / "t"), "--team", name)
    assert code == 1 and "The team name is empty" in err
    assert not (tmp_path / "t" / "plan.yaml").exists()


def test_new_refuses_a_file_as_the_team_folder(plan_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run_academy(capsys, "plan", "new", str(plan_file), "--team", "x")
    assert code == 1 and "is a file, not a folder" in err


def test_new_without_a_team_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["plan", "new", str(tmp_path)])
    assert stopped.value.code == 2
    assert "--team" in capsys.readouterr().err


# --- plan check -----------------------------------------------------------------------


def test_check_a_valid_plan(plan_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run_academy(capsys, "plan", "check", str(plan_file))
    assert code == 0 and err == ""
    assert out.count("\n") == 1  # one line
    assert "is a valid plan" in out and "Brackenford Steady Steps" in out and "12 actions" in out
    assert "12 of 12 actions reviewed" in out


CHANGES = {
    "day outside 1 to 100": (
        ("end_day: 80", "end_day: 140"),
        "100-day plan › action A5 › end day: must be between 1 and 100 (got 140)",
    ),
    "end before start": (
        ("end_day: 80", "end_day: 30"),
        "100-day plan › action A5 › end day: must be on or after the start day",
    ),
    "unknown dependency": (
        ("        - A10\n", "        - A99\n"),
        "100-day plan › action A11 › depends on: there is no action 'A99' in the plan",
    ),
    "wrong type": (
        ("start_day: 41", "start_day: soon"),
        "100-day plan › action A5 › start day: must be a whole number (got 'soon')",
    ),
    "missing required": (
        ("  name: Brackenford Steady Steps\n", ""),
        "Team › team name: must be filled in (it is missing)",
    ),
    "malformed yaml": (("  sponsor: Helen", "  sponsor: Helen: "), "is not valid YAML at line"),
    "unknown field": (("commitment:", "commitmnet:"), "'commitmnet': is not part of a plan"),
}


@pytest.mark.parametrize("case", sorted(CHANGES))
def test_check_names_each_problem(plan_file: Path, capsys: pytest.CaptureFixture[str], case: str) -> None:
    (old, new), expected = CHANGES[case]
    text = plan_file.read_text(encoding="utf-8")
    assert old in text
    plan_file.write_text(text.replace(old, new, 1), encoding="utf-8")
    before = digest(plan_file)
    code, out, err = run_academy(capsys, "plan", "check", str(plan_file))
    assert code == 1 and out == ""
    assert "cannot be used as a plan" in err and expected in err
    assert digest(plan_file) == before  # checking never changes the file


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"", "is empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00", "is not a text file"),
        (("team:\n  name: " + "x" * 300_000 + "\n").encode(), None),
        ("team:\n  name: Łódź Ünïcödé 李华\n".encode(), None),
    ],
    ids=["empty", "binary", "very long text", "non-ASCII"],
)
def test_check_awkward_files(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes, expected: str | None
) -> None:
    path = tmp_path / "plan.yaml"
    path.write_bytes(content)
    code, out, err = run_academy(capsys, "plan", "check", str(path))
    if expected is None:
        assert code == 0 and "is a valid plan" in out
    else:
        assert code == 1 and expected in err


def test_check_missing_file_and_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run_academy(capsys, "plan", "check", str(tmp_path / "nope.yaml"))
    assert code == 1 and "There is no file at" in err
    code, _, err = run_academy(capsys, "plan", "check", str(tmp_path))
    assert code == 1 and "is a folder, not a plan file" in err


def test_check_without_a_plan_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["plan", "check"])
    assert stopped.value.code == 2


# --- plan export ----------------------------------------------------------------------


@pytest.mark.parametrize(("kind", "start"), [("md", b"# Brackenford"), ("html", b"<!DOCTYPE html>"), ("docx", b"PK")])
def test_export_each_format(plan_file: Path, capsys: pytest.CaptureFixture[str], kind: str, start: bytes) -> None:
    out = plan_file.parent / "panel" / f"falls.{kind}"
    code, printed, _ = run_academy(capsys, "plan", "export", str(plan_file), "--to", kind, "-o", str(out))
    assert code == 0 and f"Wrote {out}" in printed
    assert out.read_bytes().startswith(start)


def test_export_format_from_the_file_name(plan_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = plan_file.with_name("panel.docx")
    assert run_academy(capsys, "plan", "export", str(plan_file), "-o", str(out))[0] == 0
    assert out.read_bytes()[:2] == b"PK"


def test_export_refuses_to_overwrite_the_plan(plan_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = digest(plan_file)
    for target in (str(plan_file), str(plan_file.parent / "." / "plan.yaml"), str(plan_file.with_name("other.yml"))):
        code, _, err = run_academy(capsys, "plan", "export", str(plan_file), "--to", "md", "-o", target)
        assert code == 1 and "Nothing was written" in err
    assert digest(plan_file) == before


def test_export_to_a_folder_or_unwritable_place(plan_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run_academy(capsys, "plan", "export", str(plan_file), "--to", "html", "-o", str(plan_file.parent))
    assert code == 1 and "is a folder" in err
    blocked = plan_file.parent / "not-a-folder"
    blocked.write_text("a file", encoding="utf-8")
    code, _, err = run_academy(
        capsys, "plan", "export", str(plan_file), "--to", "html", "-o", str(blocked / "plan.html")
    )
    assert code == 1 and f"Could not write {blocked / 'plan.html'}" in err


def test_export_needs_a_known_format(plan_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run_academy(capsys, "plan", "export", str(plan_file), "-o", str(plan_file.with_name("panel.odt")))
    assert code == 1 and "--to md, --to html, --to docx or --to pdf" in err
    with pytest.raises(SystemExit) as stopped:
        main(["plan", "export", str(plan_file), "--to", "odt", "-o", "x.odt"])
    assert stopped.value.code == 2


def test_export_an_invalid_plan_says_why(plan_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    plan_file.write_text(plan_file.read_text(encoding="utf-8").replace("end_day: 80", "end_day: 140"), encoding="utf-8")
    out = plan_file.with_name("panel.md")
    code, _, err = run_academy(capsys, "plan", "export", str(plan_file), "-o", str(out))
    assert code == 1 and "end day: must be between 1 and 100 (got 140)" in err
    assert not out.exists()


def test_export_a_missing_plan(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run_academy(capsys, "plan", "export", str(tmp_path / "nope.yaml"), "-o", str(tmp_path / "x.md"))
    assert code == 1 and "There is no file at" in err


# --- plan schema and plan open ---------------------------------------------------------


def test_schema_command_writes_the_generated_schema(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "plan.schema.json"
    assert run_academy(capsys, "plan", "schema", "-o", str(out))[0] == 0
    assert out.read_text(encoding="utf-8") == plan_schema_text()
    code, printed, _ = run_academy(capsys, "plan", "schema")
    assert code == 0 and json.loads(printed)["title"] == "Challenge project and 100-day plan"


def test_open_needs_a_team_folder_with_a_plan(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run_academy(capsys, "plan", "open", str(tmp_path / "nowhere"))
    assert code == 1 and "There is no folder" in err
    code, _, err = run_academy(capsys, "plan", "open", str(tmp_path))
    assert code == 1 and "It holds no plan.yaml" in err


def test_the_app_waits_for_every_cells_output() -> None:
    """Voilà waits past its own 4 s for a cell's messages: a large plan's form is thousands of them."""
    from exercises.challenge_app import OUTPUT_PATIENCE_S, voila_command

    command = voila_command("voila", "challenge-workbook.ipynb", 8866)
    assert f"--VoilaExecutor.iopub_timeout={OUTPUT_PATIENCE_S}" in command
    assert OUTPUT_PATIENCE_S >= 300
