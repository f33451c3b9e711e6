"""Automated accessibility audit (axe-core, WCAG 2.0-2.2 A and AA rules) of every page.

Every page is audited in light and dark mode in headless Chromium. A violation fails the
test unless ``axe-allowlist.yml`` lists it with a reason and an upstream issue. Automated
checks find only some problems; they do not replace testing with people.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from tests.website.conftest import HTML, site_pages, wait_until_ready

AXE = Path(__file__).parent / "vendor" / "axe.min.js"
ALLOWLIST = yaml.safe_load((Path(__file__).parent / "axe-allowlist.yml").read_text()) or []
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
PAGES = [page.relative_to(HTML).as_posix() for page in site_pages()] if HTML.exists() else []

RUN_AXE = """async (tags) => {
  const result = await axe.run(document, {runOnly: {type: "tag", values: tags}});
  return result.violations.map(v => ({
    rule: v.id, impact: v.impact, help: v.help,
    targets: v.nodes.map(n => n.target.join(" ")),
  }));
}"""
BACKGROUND = "getComputedStyle(document.body).backgroundColor"


def allowed(rule: str, target: str) -> bool:
    return any(entry["rule"] == rule and re.search(entry["target"], target) for entry in ALLOWLIST)


def test_allowlist_entries_are_explained() -> None:
    for entry in ALLOWLIST:
        assert {"rule", "target", "reason", "upstream"} <= set(entry), entry


class Viewer:
    """One browser tab, reused by every audit on a worker: opening a tab per page costs time.

    Pages open in light mode (the visitor prefers light; the theme reads localStorage). Dark mode
    is reached in place, through the theme's own colour-mode button, so the light and dark
    audits of a page share one page load when they run one after the other (the tests are
    ordered page by page for that); any other request loads the page afresh.
    """

    def __init__(self, browser: object) -> None:
        self.context = browser.new_context(color_scheme="light")
        # Before the page's own scripts on every load: light mode, and no per-tab state (the
        # theme keeps the sidebar's scroll position in sessionStorage), as in a new tab.
        self.context.add_init_script(
            "localStorage.setItem('theme', 'light'); localStorage.setItem('mode', 'light'); sessionStorage.clear();"
        )
        self.tab = self.context.new_page()
        self.showing: tuple[str, str] | None = None  # (url, mode) once ready to audit

    def show(self, url: str, mode: str) -> None:
        """Show ``url`` in ``mode``, with its widgets drawn and axe-core loaded."""
        reuse = mode == "dark" and self.showing == (url, "light")
        self.showing = None  # unknown until this succeeds
        if not reuse:
            self.tab.emulate_media(color_scheme="light")
            self.tab.goto(url, wait_until="load")
            wait_until_ready(self.tab)
            self.tab.add_script_tag(path=str(AXE))
        if mode == "dark":
            self._switch_to_dark()
        self.showing = (url, mode)

    def _switch_to_dark(self) -> None:
        """Prefer dark, then press the theme's colour-mode button, which goes from light to dark."""
        light_background = self.tab.evaluate(BACKGROUND)
        self.tab.emulate_media(color_scheme="dark")  # with a light preference the button goes light -> auto
        # A script click runs the theme's handler without hovering or focusing the button,
        # so the page is audited at rest, as after a fresh load.
        self.tab.evaluate("document.querySelector('.theme-switch-button').click()")
        # Finish the colour transitions (0.15-0.3 s each) now rather than wait them out.
        self.tab.evaluate("document.getAnimations().forEach(a => { if (a instanceof CSSTransition) a.finish(); })")
        wait_until_ready(self.tab)
        theme = self.tab.evaluate("[document.documentElement.dataset.mode, document.documentElement.dataset.theme]")
        assert theme == ["dark", "dark"], f"the colour-mode button did not switch to dark mode: {theme}"
        assert self.tab.evaluate(BACKGROUND) != light_background, "dark mode did not change the page's colours"

    def close(self) -> None:
        self.context.close()


@pytest.fixture(scope="session")
def viewer(browser) -> Iterator[Viewer]:
    """The worker's one tab for audits."""
    viewer = Viewer(browser)
    yield viewer
    viewer.close()


# Page by page, light then dark, so that each pair usually shares a page load on one worker.
@pytest.mark.parametrize(
    ("page", "mode"), [pytest.param(page, mode, id=f"{mode}-{page}") for page in PAGES for mode in ("light", "dark")]
)
def test_page_has_no_accessibility_violations(page: str, mode: str, site_url: str, viewer: Viewer) -> None:
    viewer.show(f"{site_url}/{page}", mode)
    assert viewer.tab.evaluate("document.documentElement.dataset.theme") == mode
    violations = viewer.tab.evaluate(RUN_AXE, TAGS)
    problems = [
        f"{v['rule']} ({v['impact']}): {v['help']} at {target}"
        for v in violations
        for target in v["targets"]
        if not allowed(v["rule"], target)
    ]
    assert problems == [], f"{page} in {mode} mode:\n" + "\n".join(problems)
