"""Automated accessibility audit (axe-core, WCAG 2.0-2.2 A and AA rules) of every page.

Every page is audited in light and dark mode in headless Chromium. A violation fails the
test unless ``axe-allowlist.yml`` lists it with a reason and an upstream issue. Automated
checks find only some problems; they do not replace testing with people.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from tests.website.conftest import HTML, site_pages

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


def allowed(rule: str, target: str) -> bool:
    return any(entry["rule"] == rule and re.search(entry["target"], target) for entry in ALLOWLIST)


def test_allowlist_entries_are_explained() -> None:
    for entry in ALLOWLIST:
        assert {"rule", "target", "reason", "upstream"} <= set(entry), entry


@pytest.fixture(scope="module", params=["light", "dark"])
def themed(request, browser):
    """A browser context whose pages open in the given colour mode (the theme reads localStorage)."""
    mode = request.param
    context = browser.new_context(color_scheme=mode)
    context.add_init_script(f"localStorage.setItem('theme', '{mode}'); localStorage.setItem('mode', '{mode}');")
    yield mode, context
    context.close()


@pytest.mark.parametrize("page", PAGES)
def test_page_has_no_accessibility_violations(page: str, site_url: str, themed) -> None:
    mode, pages = themed
    tab = pages.new_page()
    tab.goto(f"{site_url}/{page}", wait_until="networkidle")
    assert tab.evaluate("document.documentElement.dataset.theme") == mode
    tab.add_script_tag(path=str(AXE))
    violations = tab.evaluate(RUN_AXE, TAGS)
    tab.close()
    problems = [f"{v['rule']} ({v['impact']}): {v['help']} at {target}"
                for v in violations for target in v["targets"] if not allowed(v["rule"], target)]
    assert problems == [], f"{page} in {mode} mode:\n" + "\n".join(problems)
