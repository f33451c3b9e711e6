"""``academy cohort report``: one page over every team's plan (exercises.plan.report)."""

from __future__ import annotations

import io
import re
import shutil
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from exercises import cli_plan
from exercises.cli import main
from exercises.plan import report_pages
from exercises.plan.report import find_plan_files, pages_folder, write_cohort_report
from exercises.plan.store import parse_plan_data, plan_to_yaml, validate_plan
from exercises.plan.templates import EXAMPLE_PLAN
from tests.test_plan_exports import IMG, SCRIPT, Page, assert_headings_in_order, assert_nothing_live, hostile


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


def team_pages(out: Path) -> dict[str, Page]:
    """Every team page beside the report ``out``, by team name (its h1)."""
    pages = {}
    for path in sorted(pages_folder(out).glob("team-*.html")):
        page = Page(path.read_text(encoding="utf-8"))
        pages[page.all_text.split("Back to the cohort report", 1)[1].strip().split("\n", 1)[0]] = page
    return pages


def test_mixed_cohort_lists_invalid_files_and_still_writes(
    cohort: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "report.html"
    code, printed, err = report(capsys, str(cohort), "-o", str(out))
    assert code == 1  # written, but some files need fixing
    assert f"Wrote {out}: 3 valid plans, 0 with flags." in printed
    assert f"Each team's page is in {tmp_path / 'report-teams'}" in printed
    assert "3 files could not be read as a plan" in err
    assert (
        "team-4/plan.yaml:" in err and "100-day plan › action A5 › end day: must be between 1 and 100 (got 140)" in err
    )
    assert "team-5/plan.yml:" in err and "is not a text file" in err
    assert "notes.yaml:" in err and "does not look like a plan" in err
    page = Page(out.read_text(encoding="utf-8"))
    text = page.all_text
    for team in ("Falls", "Temporary accommodation", "Siân's young carers"):
        assert text.count(team) >= 2  # summary table, asks
    for number in (1, 2, 3):
        assert f"Ask from team {number}" in text
    assert "Files with problems" in text and "team-4/plan.yaml" in text and "(got 140)" in text
    assert "3 valid plans; 0 with flags" in text and "3 files that could not be read as a plan" in text
    assert str(tmp_path) not in out.read_text(encoding="utf-8")  # no server paths, only names relative to the folder
    assert str(tmp_path) not in "".join(p.all_text for p in team_pages(out).values())


def test_report_sections_are_complete_and_accessible(cohort: Path, tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    result = write_cohort_report(cohort, out, title="Cohort 4 report")
    assert [team.name for team in result.teams] == ["Falls", "Temporary accommodation", "Siân's young carers"]
    html = out.read_text(encoding="utf-8")
    page = Page(html)
    assert page.lang == "en-GB"
    assert_headings_in_order(page.headings)
    assert "svg" not in page.tags  # the index stays small: timelines are on the team pages
    assert "Commitment: 3 already taking action, 0 planning to take action, 0 not yet decided" in page.all_text
    assert "Actions reviewed at the follow-up: 6 red, 9 amber, 21 green" in page.all_text
    assert page.tags.count("script") == 1 and "link" not in page.tags
    for team in result.teams:
        assert f'href="{team.page}"' in html and (tmp_path / team.page).is_file()
    pages = team_pages(out)
    assert sorted(pages) == sorted(team.name for team in result.teams)
    falls = pages["Falls"]
    assert_headings_in_order(falls.headings)
    assert falls.tags.count("svg") == 1 and "script" not in falls.tags
    for heading in (
        "Flags",
        "Risk register",
        "Peer challenge",
        "Status at the 100-day follow-up",
        "Asks of senior leaders",
    ):
        assert heading in falls.all_text
    assert "Feedback from Team Kestrel (temporary accommodation), 11 February 2026" in falls.all_text
    assert "High (9)" in falls.all_text and "What would you stop doing to pay for this?" in falls.all_text
    assert "11 Jul 2026" in falls.all_text  # actions with dates
    assert ("href", "../report.html") in falls.attributes


def test_report_escapes_every_string(tmp_path: Path) -> None:
    folder = tmp_path / "cohort"
    write_plan(folder / "evil" / "plan.yaml", hostile(example_data()))
    (folder / "broken").mkdir()
    evil_name = "<img src=x onerror=alert(1)>.yaml"  # file names are team-written text too
    (folder / "broken" / evil_name).write_text(f"team:\n  name: x\n  '{SCRIPT}': 1\n", encoding="utf-8")
    out = tmp_path / "report.html"
    cohort = write_cohort_report(folder, out)
    assert len(cohort.teams) == 1 and len(cohort.invalid) == 1
    html = out.read_text(encoding="utf-8")
    page = assert_nothing_live_but_ours(html)
    assert evil_name in page.all_text and f"'{SCRIPT}': is not part of a plan" in page.all_text
    (team,) = team_pages(out).values()
    team_html = (tmp_path / cohort.teams[0].page).read_text(encoding="utf-8")
    assert_nothing_live(team_html)
    assert Page(team_html).all_text.count(SCRIPT) > 20
    plan = validate_plan(hostile(example_data()))
    for answer in every_team_string(plan):
        for paragraph in answer.split("\n\n"):
            assert paragraph in team.all_text, paragraph[:60]


def every_team_string(plan: Any) -> list[str]:
    """Every free-text answer in a plan that the team page shows."""
    p = plan
    strings = [p.team.name, p.team.sponsor, p.challenge.statement]
    for outcome in p.outcomes:
        strings.append(outcome.outcome)
        for i in outcome.indicators:
            strings += [i.indicator, i.baseline, i.target, i.by_when]
    for a in p.hundred_day_plan.actions:
        strings += [a.title, a.owner]
    for r in p.risks:
        strings += [r.risk, r.mitigation, r.owner]
    for ask in p.asks:
        strings += [ask.ask, ask.of_whom, ask.why, ask.by_when]
    for f in p.peer_challenge:
        strings += [f.reviewing_team, *f.questions, *f.strengths, *f.concerns]
    strings.append(p.follow_up.summary)
    for review in p.follow_up.reviews:
        strings += [review.what_happened, review.next_step]
    return [s for s in strings if s]


def assert_nothing_live_but_ours(html: str) -> Page:
    """The index's one script is the report's own (allowed by hash); nothing else can run."""
    page = Page(html)
    assert page.tags.count("script") == 1
    (script,) = re.findall(r"<script>(.*?)</script>", html, flags=re.S)
    assert script == report_pages.SCRIPT
    assert f"script-src '{report_pages.SCRIPT_HASH}'" in html
    assert "img" not in page.tags and "iframe" not in page.tags and "object" not in page.tags
    assert not [name for name, _ in page.attributes if name.startswith("on")]
    assert SCRIPT in page.all_text and IMG in page.all_text
    return page


def test_flags_for_weak_plans_and_overdue_actions(tmp_path: Path) -> None:
    folder = tmp_path / "cohort"
    weak = example_data()
    weak["team"]["name"] = "Weak team"
    weak["hundred_day_plan"]["actions"][0]["owner"] = ""
    weak["hundred_day_plan"]["actions"][1]["owner"] = ""
    weak["hundred_day_plan"]["milestones"] = []
    weak["asks"] = []
    weak["hundred_day_plan"]["actions"][11]["status"] = "in progress"  # A12, due 8 Sep 2026
    write_plan(folder / "weak" / "plan.yaml", weak)
    write_plan(folder / "strong" / "plan.yaml", example_data())
    out = tmp_path / "r.html"
    cohort = write_cohort_report(folder, out, today=date(2026, 12, 7))
    by_name = {team.name: team for team in cohort.teams}
    assert by_name["Weak team"].flags == ["2 × action without an owner", "no milestones", "no asks of senior leaders"]
    assert by_name["Brackenford Steady Steps"].flags == []
    assert by_name["Weak team"].overdue == 5  # A5, A7, A8, A11 were already in progress; A12 now too
    html = out.read_text(encoding="utf-8")
    row = re.search(r"<tr data-flagged=\"1\" data-overdue=\"1\" data-red=\"1\">(.*?)</tr>", html)
    assert row and "Weak team" in row.group(1) and "2 × action without an owner" in row.group(1)
    weak_page = (tmp_path / by_name["Weak team"].page).read_text(encoding="utf-8")
    assert "100-day plan › action A1 › owner: no one owns this action." in Page(weak_page).all_text


def test_two_files_for_one_team_are_flagged(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "cohort"
    write_plan(folder / "falls" / "plan.yaml", example_data())
    shutil.copyfile(folder / "falls" / "plan.yaml", folder / "falls" / "plan (1).yaml")  # a stray copy
    other = example_data()
    other["team"]["name"] = "BRACKENFORD  steady-steps"  # the same team, written differently
    write_plan(folder / "steady" / "plan.yaml", other)
    renamed = example_data()
    renamed["team"]["name"] = "Another team"
    write_plan(folder / "falls" / "draft.yml", renamed)  # a second plan in the same team folder
    write_plan(folder / "solo" / "plan.yaml", {**example_data(), "team": {"name": "Solo"}})
    out = tmp_path / "r.html"
    code, _, err = report(capsys, str(folder), "-o", str(out))
    assert code == 0
    assert "Warning: these files seem to describe the same team: falls/draft.yml and falls/plan (1).yaml and " in err
    cohort = write_cohort_report(folder, out)
    groups = sorted(cohort.duplicates)
    assert ["falls/plan (1).yaml", "falls/plan.yaml", "steady/plan.yaml"] in groups
    assert ["falls/draft.yml", "falls/plan (1).yaml", "falls/plan.yaml"] in groups
    by_file = {team.file: team for team in cohort.teams}
    assert by_file["solo/plan.yaml"].duplicates == []
    assert by_file["steady/plan.yaml"].duplicates == ["falls/plan (1).yaml", "falls/plan.yaml"]
    html = out.read_text(encoding="utf-8")
    assert 'id="duplicates"' in html and "Teams with more than one file" in html
    assert "also in falls/plan (1).yaml, falls/plan.yaml" in Page(html).all_text
    assert 'href="r-teams/team-00002.html"' in html  # "plan (1).yaml" is linked by its page number


def test_flat_folder_of_plans_is_not_a_duplicate(tmp_path: Path) -> None:
    folder = tmp_path / "cohort"
    for name in ("Falls", "Housing"):
        write_plan(folder / f"{name.lower()}.yaml", {**example_data(), "team": {"name": name}})
    cohort = write_cohort_report(folder, tmp_path / "r.html")
    assert cohort.duplicates == [] and len(cohort.teams) == 2


def test_parallel_and_serial_reports_agree(cohort: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("exercises.plan.report.PARALLEL_FROM", 1)
    serial = write_cohort_report(cohort, tmp_path / "a.html", workers=1, today=date(2026, 12, 7))
    parallel = write_cohort_report(cohort, tmp_path / "b.html", workers=2, today=date(2026, 12, 7))
    assert [t.name for t in serial.teams] == [t.name for t in parallel.teams]
    assert [i.file for i in serial.invalid] == [i.file for i in parallel.invalid]
    a = (tmp_path / "a-teams" / "team-00002.html").read_text(encoding="utf-8")
    b = (tmp_path / "b-teams" / "team-00002.html").read_text(encoding="utf-8")
    assert a.replace("a.html", "b.html") == b


def test_a_smaller_report_removes_old_team_pages(cohort: Path, tmp_path: Path) -> None:
    out = tmp_path / "r.html"
    write_cohort_report(cohort, out)
    (pages_folder(out) / "team-09999.html").write_text("old", encoding="utf-8")
    write_cohort_report(cohort, out)
    assert not (pages_folder(out) / "team-09999.html").exists()


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
    assert code == 0 and err == "" and "1 valid plan, 0 with flags." in printed
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


@pytest.mark.browser
def test_index_sorts_and_filters_in_a_browser_and_runs_no_team_text(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """In headless Chromium: the report's own script works, and nothing a team wrote runs."""
    playwright = pytest.importorskip("playwright.sync_api")
    from tests.conftest import CHROMIUM, CHROMIUM_ARGS

    if not CHROMIUM.exists():
        pytest.skip(f"needs Chromium at {CHROMIUM}")
    folder = tmp_path / "cohort"
    write_plan(folder / "evil" / "plan.yaml", hostile(example_data()))
    for name in ("Alder", "Birch", "Cedar"):
        data = example_data()
        data["team"]["name"] = name
        if name == "Birch":
            data["asks"] = []
        write_plan(folder / name.lower() / "plan.yaml", data)
    out = tmp_path / "report.html"
    monkeypatch.setattr("exercises.plan.report_pages.FIRST_VIEW", 2)  # as a cohort of thousands would open
    write_cohort_report(folder, out)
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        page = browser.new_page()
        dialogs: list[str] = []
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        page.goto(out.as_uri())
        page.wait_for_selector("body[data-ready='1']", state="attached", timeout=60_000)  # the script ran

        def teams() -> list[str]:
            return page.eval_on_selector_all(
                "#teams tbody tr:not([hidden]) td:first-child", "cells => cells.map(c => c.innerText.slice(0, 5))"
            )

        assert teams() == ["Birch", "Alder"]  # the team with a flag first; the first view holds two
        assert page.inner_text("#shown") == "2 of 4 teams shown (4 match)"
        page.click("#show-all")
        assert teams() == ["Birch", "Alder", "Cedar", "Brack"]
        assert page.is_hidden("#show-all")
        page.click("#teams th:first-child button")
        assert teams() == ["Alder", "Birch", "Brack", "Cedar"]
        page.click("#teams th:first-child button")
        assert teams() == ["Cedar", "Brack", "Birch", "Alder"]
        assert page.get_attribute("#teams th:first-child", "aria-sort") == "descending"
        page.select_option("#filter-only", "flagged")
        assert teams() == ["Birch"]
        assert page.inner_text("#shown") == "1 of 4 teams shown"
        page.select_option("#filter-only", "")
        page.fill("#filter-text", "cedar")
        assert teams() == ["Cedar"]
        live = page.evaluate("document.querySelectorAll('img, iframe').length")
        scripts = page.evaluate("document.scripts.length")
        team_page = tmp_path / page.get_attribute("#teams tbody tr td a", "href").replace("%20", " ")
        page.goto(team_page.as_uri())
        team_live = page.evaluate("document.querySelectorAll('script, img, iframe').length")
        browser.close()
    assert dialogs == [] and live == 0 and scripts == 1 and team_live == 0


def test_first_view_holds_the_teams_most_in_need(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "cohort"
    for name in ("Alder", "Birch", "Cedar", "Damson"):
        data = example_data()
        data["team"]["name"] = name
        if name in ("Cedar", "Damson"):
            data["asks"] = []
        if name == "Damson":
            data["hundred_day_plan"]["milestones"] = []
        write_plan(folder / name.lower() / "plan.yaml", data)
    monkeypatch.setattr("exercises.plan.report_pages.FIRST_VIEW", 2)
    out = tmp_path / "r.html"
    write_cohort_report(folder, out)
    html = out.read_text(encoding="utf-8")
    rows = re.findall(r"<tr( data-[^>]*)?>.*?<a href=[^>]*>([^<]*)</a>", html.split("<tbody>", 1)[1])
    assert [name for _, name in rows[:4]] == ["Damson", "Cedar", "Alder", "Birch"]
    assert [" hidden" in attributes for attributes, _ in rows[:4]] == [False, False, True, True]
    assert "<noscript><style>#teams tr[hidden] { display: table-row; }</style></noscript>" in html  # no script: all
    assert 'data-first-view="2"' in html and "the first 2 that match are shown" in html
