"""The participant's workbook (exercises.workbook) and ``academy workbook export``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from exercises import storage, workbook
from exercises.cli import main
from exercises.workbook import SCHEMA_VERSION, Workbook, WorkbookError, export_markdown, take_notice


@pytest.fixture(autouse=True)
def _no_leftover_notices() -> None:
    take_notice()


@pytest.fixture()
def work(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "my-work"
    monkeypatch.setenv("ACADEMY_WORK_DIR", str(folder))
    return folder


def read_json(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def test_path_follows_academy_work_dir(work: Path) -> None:
    assert workbook.workbook_path() == work / "workbook.json"


def test_loading_when_there_is_nothing_writes_nothing(work: Path) -> None:
    book = Workbook.load()
    assert book.get("d1-x") is None and len(book) == 0
    assert not work.exists()


def test_record_saves_value_and_details(work: Path) -> None:
    answer = Workbook.load().record(
        "d1-x", ["A", "B"], kind="choice", page="day1/a.ipynb", question="Which?", status="partly"
    )
    data = read_json(work / "workbook.json")
    assert data["schema_version"] == SCHEMA_VERSION
    saved = data["answers"]["d1-x"]
    assert saved["value"] == ["A", "B"]
    assert (saved["kind"], saved["page"], saved["question"], saved["status"]) == (
        "choice",
        "day1/a.ipynb",
        "Which?",
        "partly",
    )
    assert answer.saved_time is not None and saved["saved_at"] == answer.saved_at
    assert Workbook.load().get("d1-x").value == ["A", "B"]  # re-loaded from disk


def test_two_notebooks_saving_keep_each_others_answers(work: Path) -> None:
    first, second = Workbook.load(), Workbook.load()  # both loaded before either saves
    first.record("d1-a", "one")
    second.record("d2-b", "two")
    first.record("d1-c", "three")
    answers = {a.exercise_id: a.value for a in Workbook.load().answers()}
    assert answers == {"d1-a": "one", "d2-b": "two", "d1-c": "three"}


def test_unknown_keys_are_kept(work: Path) -> None:
    work.mkdir(parents=True)
    (work / "workbook.json").write_text(
        json.dumps(
            {
                "schema_version": 7,
                "owner": "kept",
                "answers": {
                    "d1-old": {"value": 3, "future_field": [1, 2]},
                    "d1-odd": "not an entry",
                },
            }
        ),
        encoding="utf-8",
    )
    book = Workbook.load()
    assert book.schema_version == 7
    assert book.get("d1-old").value == 3 and book.get("d1-odd") is None
    book.record("d1-old", 4)
    data = read_json(work / "workbook.json")
    assert data["owner"] == "kept" and data["schema_version"] == 7
    assert data["answers"]["d1-old"]["future_field"] == [1, 2]
    assert data["answers"]["d1-old"]["value"] == 4
    assert data["answers"]["d1-odd"] == "not an entry"


@pytest.mark.parametrize("content", [b"{not json", b"[1, 2]", b'{"answers": []}', b"\xff\xfe\x00", b""])
def test_unreadable_file_is_set_aside_with_a_notice(work: Path, content: bytes) -> None:
    work.mkdir(parents=True)
    (work / "workbook.json").write_bytes(content)
    book = Workbook.load()
    kept = [p for p in work.iterdir() if p.name.startswith("workbook.unreadable-")]
    assert len(kept) == 1 and kept[0].read_bytes() == content  # nothing lost
    assert not (work / "workbook.json").exists()
    assert book.notice and kept[0].name in book.notice and "could not be read" in book.notice
    assert take_notice() == book.notice
    assert take_notice() is None  # shown once only
    book.record("d1-x", "new")
    assert read_json(work / "workbook.json")["answers"]["d1-x"]["value"] == "new"


def test_file_damaged_between_saves_keeps_answers_already_known(work: Path) -> None:
    book = Workbook.load()
    book.record("d1-a", "first")
    (work / "workbook.json").write_text("{broken", encoding="utf-8")
    book.record("d1-b", "second")
    answers = {a.exercise_id: a.value for a in Workbook.load().answers()}
    assert answers == {"d1-a": "first", "d1-b": "second"}
    assert any(p.name.startswith("workbook.unreadable-") for p in work.iterdir())
    assert "could not be read" in (take_notice() or "")


def test_save_is_atomic_when_writing_fails(work: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    Workbook.load().record("d1-a", "kept")
    before = (work / "workbook.json").read_text(encoding="utf-8")

    def refuse(*_args, **_kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(storage.os, "replace", refuse)
    with pytest.raises(WorkbookError) as caught:
        Workbook.load().record("d1-b", "lost?")
    assert "could not be saved" in caught.value.message and "No space left" in caught.value.message
    monkeypatch.undo()
    assert (work / "workbook.json").read_text(encoding="utf-8") == before
    assert [p.name for p in work.iterdir() if p.suffix == ".tmp"] == []


def test_values_that_are_not_json_are_refused(work: Path) -> None:
    with pytest.raises(ValueError, match="cannot be saved"):
        Workbook.load().record("d1-a", {1, 2})
    assert not (work / "workbook.json").exists()


def test_export_markdown_groups_by_page(work: Path) -> None:
    book = Workbook.load()
    book.record("d2-b", "Lots to think about.\nSecond line.", page="Day 2", question="What did you learn?")
    book.record("d1-a", {"Latex gloves": "Simple", "Riot": None}, page="Day 1", question="Sort these")
    book.record("x-free", ["A", "B"])
    text = export_markdown(Workbook.load())
    assert text.index("## Day 1") < text.index("## Day 2") < text.index("## Other answers")
    assert "### Sort these\n\n- Latex gloves: Simple\n- Riot: (not answered)" in text
    assert "> Lots to think about.\n> Second line." in text
    assert "### x-free\n\n- A\n- B" in text
    assert "*Exercise d1-a, saved at " in text


def test_export_of_an_empty_workbook(work: Path) -> None:
    assert "You have not saved any answers yet." in export_markdown(Workbook.load())


def test_cli_export_default_and_output(work: Path, tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    Workbook.load().record("d1-a", "An answer", question="Question one")
    assert main(["workbook", "export"]) == 0
    assert "Question one" in (work / "workbook.md").read_text(encoding="utf-8")
    assert "Wrote 1 answer to" in capsys.readouterr().out
    target = tmp_path / "elsewhere" / "mine.md"
    assert main(["workbook", "export", "-o", str(target)]) == 0
    assert "An answer" in target.read_text(encoding="utf-8")


def test_cli_export_reports_a_place_it_cannot_write(work: Path, tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    not_a_folder = tmp_path / "a-file.txt"
    not_a_folder.write_text("x", encoding="utf-8")
    assert main(["workbook", "export", "-o", str(not_a_folder / "mine.md")]) == 1
    err = capsys.readouterr().err
    assert err.startswith("Could not write") and "Traceback" not in err


def test_an_answer_replaced_from_an_older_tab_is_kept(work: Path) -> None:
    old_tab, new_tab = Workbook.load(), Workbook.load()
    new_tab.record("d1-a", "newer answer")
    old_tab.record("d1-a", "older tab's answer")  # the last click wins, and the newer answer is kept too
    saved = read_json(work / "workbook.json")["answers"]["d1-a"]
    assert saved["value"] == "older tab's answer"
    assert [item["value"] for item in saved["earlier"]] == ["newer answer"]
    for number in range(15):
        old_tab.record("d1-a", number)
    assert len(read_json(work / "workbook.json")["answers"]["d1-a"]["earlier"]) == workbook.KEEP_EARLIER
