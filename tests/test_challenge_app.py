"""The challenge workbook app in a real browser: Voilà on 127.0.0.1, driven by Playwright and Chromium.

- Typing and then reloading the page is warned, and nothing typed is lost.
- Stopping the server and then saving says plainly that nothing was saved, keeps what was
  typed, and offers it as text to copy.
- No request leaves 127.0.0.1 (every other host is blocked and recorded).
- The exports are offered as downloads; drop-downs and dates show their whole value.
- A large plan (120 actions, long answers, 30 versions) draws every form, whole, and saves:
  its thousands of widget messages, some of which a busy server misses, once took a form
  with them (see ``PlanWorkbook.day``).

The server runs as ``academy plan open`` runs it (``exercises.challenge_app``).
"""

from __future__ import annotations

import shutil
import signal
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from exercises.challenge_app import find_voila, voila_command, voila_environment
from exercises.plan.store import load_plan
from exercises.plan.templates import WORKBOOK_TEMPLATE, start_plan_text
from tests.conftest import CHROMIUM, CHROMIUM_ARGS, PATIENCE_MS, free_port
from tests.large_plan import write_large_plan
from tests.servers import private_jupyter_env, running_server

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason=f"needs Chromium at {CHROMIUM}"),
    pytest.mark.skipif(find_voila() is None, reason="needs Voilà"),
]

FORMS = 6  # days 1 to 5 and the follow-up
START_LIMIT = 180_000  # ms: Voilà runs the whole workbook before showing it; slow on a busy machine
LOST_LIMIT = 15_000  # ms: the page checks the connection every 2 s


@pytest.fixture()
def app(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[dict]:
    """The team's workbook app, served by Voilà on 127.0.0.1; stopped afterwards.

    The team's plan is a new team's (the default) or, with ``indirect`` parameter "large",
    a large plan (see :mod:`tests.large_plan`).
    """
    team = tmp_path / "cohort-work" / "falls-team"
    team.mkdir(parents=True)
    plan = team / "plan.yaml"
    if getattr(request, "param", "new") == "large":
        write_large_plan(plan)
    else:
        plan.write_text(start_plan_text("Team Kestrel"), encoding="utf-8")
    shutil.copyfile(WORKBOOK_TEMPLATE, team / "challenge-workbook.ipynb")
    port = free_port()
    env = private_jupyter_env(tmp_path, voila_environment(plan))
    voila = find_voila()
    assert voila is not None
    command = voila_command(voila, "challenge-workbook.ipynb", port, open_browser=False, ip="127.0.0.1")
    base = f"http://127.0.0.1:{port}"
    log_path = tmp_path / "voila.log"
    ready_url = f"{base}/voila/static/academy-ping.txt"
    with running_server(command, cwd=team, env=env, log_path=log_path, ready_url=ready_url, name="Voilà") as server:
        yield {"base": base, "plan": plan, "server": server, "tmp": tmp_path, "log": log_path}


@pytest.fixture()
def browser(app: dict) -> Iterator[tuple]:
    """A Chromium page that may reach 127.0.0.1 only; ``outside`` lists every other request tried."""
    from playwright.sync_api import sync_playwright

    outside: list[str] = []
    inside: list[str] = []

    def route(route) -> None:
        host = urlsplit(route.request.url).hostname
        if route.request.url.startswith(("data:", "blob:")) or host == "127.0.0.1":
            inside.append(route.request.url)
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    with sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            str(app["tmp"] / "chromium-profile"),
            executable_path=str(CHROMIUM),
            headless=True,
            args=CHROMIUM_ARGS,
            viewport={"width": 1280, "height": 1000},
            accept_downloads=True,
        )
        try:
            context.route("**/*", route)
            page = context.pages[0] if context.pages else context.new_page()
            page.set_default_timeout(60_000)
            yield page, outside, inside
        finally:
            context.close()
    assert inside, "the page made no request to the server at all"
    assert outside == [], f"requests to other hosts (blocked): {outside}"


def _open(page, app: dict):
    from playwright.sync_api import expect

    page.goto(app["base"] + "/", timeout=START_LIMIT)
    forms = page.locator(".academy-plan-form")
    expect(forms).to_have_count(FORMS, timeout=START_LIMIT)
    expect(page.locator(".academy-plan-form .academy-all-saved")).to_have_count(FORMS, timeout=START_LIMIT)
    return forms


def _type_value_case(page, forms, text: str):
    from playwright.sync_api import expect

    day3 = forms.nth(2)
    box = day3.locator(".widget-textarea, .jupyter-widget-textarea").filter(has_text="").locator("textarea").last
    box.click()
    box.fill("")
    page.keyboard.type(text, delay=5)
    expect(day3.locator(".academy-unsaved")).to_be_visible(timeout=60_000)  # the kernel has the typing
    expect(page.locator(".academy-save-bar .academy-unsaved")).to_contain_text("Day 3 form")
    return day3, box


def test_reload_with_unsaved_typing_is_warned_and_nothing_is_lost(app: dict, browser: tuple) -> None:
    from playwright.sync_api import expect

    page, _, _ = browser
    forms = _open(page, app)
    day3, box = _type_value_case(page, forms, "Value typed in the browser")

    dialogs: list[str] = []

    def dismiss(dialog) -> None:
        dialogs.append(dialog.type)
        dialog.dismiss()  # stay on the page

    page.on("dialog", dismiss)
    assert page.evaluate("window.academyApp.anyDirty()"), "the page's guard does not see the unsaved answer"
    page.evaluate("window.setTimeout(() => window.location.reload(), 0)")
    for _ in range(120):  # Playwright handles the dialog only while the test calls it: wait through it
        if dialogs:
            break
        page.wait_for_timeout(250)
    assert dialogs == ["beforeunload"], "the browser did not ask before reloading a page with unsaved answers"
    expect(box).to_have_value("Value typed in the browser")  # still on the page, text kept

    page.locator(".academy-save-bar button", has_text="Save everything").click()
    expect(page.locator(".academy-save-bar .academy-save-status")).to_contain_text("Saved at", timeout=60_000)
    expect(day3.locator(".academy-all-saved")).to_be_visible()
    assert load_plan(app["plan"]).funding.value_case == "Value typed in the browser"

    page.remove_listener("dialog", dismiss)
    page.on("dialog", lambda dialog: dialogs.append(dialog.type) or dialog.accept())
    page.reload(timeout=START_LIMIT)  # everything saved: no question this time
    expect(page.locator(".academy-plan-form").first).to_be_visible(timeout=START_LIMIT)
    assert dialogs == ["beforeunload"]


def test_stopping_the_server_then_saving_says_not_saved_and_keeps_the_text(app: dict, browser: tuple) -> None:
    from playwright.sync_api import expect

    page, _, _ = browser
    forms = _open(page, app)
    before = app["plan"].read_bytes()
    day3, box = _type_value_case(page, forms, "Typed just before the server stopped")

    app["server"].send_signal(signal.SIGTERM)
    app["server"].wait(timeout=60)
    notice = page.locator("#academy-connection")
    expect(notice).to_be_visible(timeout=LOST_LIMIT)
    expect(notice).to_contain_text("The connection to the server was lost")
    # The notice sits at the foot of the window; scrolled to the end, the page's last button is above it.
    covered = page.evaluate(
        """() => {
        window.scrollTo(0, document.documentElement.scrollHeight);
        for (let e = document.querySelector('.academy-plan-form'); e; e = e.parentElement) {
            e.scrollTop = e.scrollHeight;  // whichever container scrolls, to its end
        }
        const notice = document.getElementById('academy-connection').getBoundingClientRect();
        const buttons = [...document.querySelectorAll('button')].filter(
            b => !b.closest('#academy-connection') && b.offsetParent !== null);
        const last = Math.max(...buttons.map(b => b.getBoundingClientRect().bottom));
        return last > notice.top + 1 ? [last, notice.top] : null;
    }"""
    )
    assert covered is None, f"the connection notice covers the page's last buttons (bottom, notice top): {covered}"

    day3.get_by_role("button", name="Save to the plan file").click()
    note = day3.locator(".academy-offline-note")
    expect(note).to_contain_text("Not saved", timeout=LOST_LIMIT)
    expect(day3.locator(".academy-save-status")).not_to_contain_text("Saved at")
    expect(box).to_have_value("Typed just before the server stopped")
    assert app["plan"].read_bytes() == before

    notice.get_by_role("button", name="Show what you typed, to copy it").click()
    copied = notice.locator("textarea")
    expect(copied).to_be_visible()
    assert "Typed just before the server stopped" in copied.input_value()
    assert "Day 3 form" in copied.input_value()


def test_downloads_and_whole_values(app: dict, browser: tuple) -> None:
    from playwright.sync_api import expect

    page, _, _ = browser
    _open(page, app)
    page.get_by_role("button", name="Make a Word document").click()
    link = page.locator("a.academy-download")
    expect(link).to_contain_text("Download team-kestrel-plan.docx", timeout=60_000)
    with page.expect_download(timeout=60_000) as caught:
        link.click()
    download = caught.value
    assert download.suggested_filename == "team-kestrel-plan.docx"
    assert Path(download.path()).read_bytes()[:2] == b"PK"
    text = page.locator("#rendered_cells").inner_text()
    assert str(app["plan"].parent) not in text and "/tmp" not in text  # no server path shown
    for note in ("seed lines", "merged cell"):
        assert note not in text
    cut = page.evaluate(
        """() => {
        const measure = document.createElement('canvas').getContext('2d');
        const cut = [];
        for (const select of document.querySelectorAll('.academy-plan-form select')) {
            measure.font = getComputedStyle(select).font;
            const longest = Math.max(...[...select.options].map(o => measure.measureText(o.text).width));
            if (select.clientWidth < longest + 24) cut.push(select.options[select.selectedIndex]?.text);
        }
        for (const date of document.querySelectorAll('.academy-plan-form input[type=date]')) {
            measure.font = getComputedStyle(date).font;
            if (date.clientWidth < measure.measureText('00/00/0000').width + 40) cut.push('a date');
        }
        return cut;
    }"""
    )
    assert cut == [], f"drop-downs or dates too narrow for their values: {cut}"


@pytest.mark.parametrize("app", ["large"], indirect=True)
def test_a_large_plan_draws_every_form_and_saves(app: dict, browser: tuple) -> None:
    """120 actions (each reviewed), long answers and 30 versions: every form draws, whole, and saves."""
    from playwright.sync_api import expect

    page, _, _ = browser
    plan = load_plan(app["plan"])
    page.goto(app["base"] + "/", timeout=PATIENCE_MS)
    forms = page.locator(".academy-plan-form")
    expect(forms, "every form to be drawn").to_have_count(FORMS, timeout=PATIENCE_MS)
    expect(
        page.locator(".academy-plan-form .academy-all-saved"), "every form to show it is loaded and saved"
    ).to_have_count(FORMS, timeout=PATIENCE_MS)
    actions = len(plan.hundred_day_plan.actions)
    day5 = forms.nth(4)
    expect(day5.get_by_role("button", name=f"Remove action {actions}", exact=True)).to_be_visible()
    expect(forms.nth(0).get_by_role("button", name=f"Remove outcome {len(plan.outcomes)}", exact=True)).to_be_visible()

    picture = day5.get_by_label("Twelve-month picture")
    picture.fill("Typed into a large plan")
    expect(day5.locator(".academy-unsaved")).to_be_visible()
    day5.get_by_role("button", name="Save to the plan file").click()
    expect(day5.locator(".academy-save-status")).to_contain_text("Saved at")
    saved = load_plan(app["plan"])
    assert saved.twelve_month_picture == "Typed into a large plan"
    assert saved.hundred_day_plan.actions == plan.hundred_day_plan.actions
