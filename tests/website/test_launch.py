"""From a lesson page into JupyterLab: launch buttons set in one place (``launch_buttons`` in
``_config.yml``) and the notice under each exercise that links to them.

The committed configuration names no hub, so the built site has no launch buttons and the
notice leads to how to get the course. With a hub named, the theme's JupyterHub button opens
the page in JupyterLab through nbgitpuller: that is checked on the settings the build makes
from ``_config.yml`` with a hub filled in, without a second build.
"""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
import yaml

from tests.conftest import REPO
from tests.website.conftest import wait_until_ready

EXERCISE_PAGE = "modules/day1-outcomes-and-systems/03-outcomes-not-outputs"
HUB = "https://hub.example.gov.uk"


def settings_with(**launch: str) -> dict[str, Any]:
    """The Sphinx settings Jupyter Book makes from ``_config.yml`` with ``launch`` filled in."""
    from jupyter_book.config import get_final_config

    user = yaml.safe_load((REPO / "_config.yml").read_text(encoding="utf-8"))
    user["launch_buttons"].update(launch)
    config, _ = get_final_config(
        user_yaml=user,
        cli_config={"latex_individualpages": False},
        sourcedir=REPO,
        validate=True,
        raise_on_invalid=True,
    )
    return config


def launch_links(config: dict[str, Any], pagename: str) -> list[dict[str, Any]]:
    """The launch buttons the theme puts on ``pagename`` (a notebook) under ``config``."""
    from sphinx_book_theme.header_buttons.launch import add_launch_buttons

    theme = config["html_theme_options"]
    app = SimpleNamespace(
        env=SimpleNamespace(doc2path=lambda name: str(REPO / f"{name}.ipynb"), metadata={pagename: {"kernelspec": {}}}),
        config={"html_theme_options": theme},
        srcdir=str(REPO),
        outdir=str(REPO / "_build" / "html"),
    )
    owner, repo = urlsplit(theme["repository_url"]).path.strip("/").split("/")
    context: dict[str, Any] = {
        "pagename": pagename,
        "sourcename": f"{pagename}.ipynb",
        "header_buttons": [],
        "github_url": "https://github.com",
        "github_user": owner,
        "github_repo": repo,
        "page_source_suffix": ".ipynb",
    }
    add_launch_buttons(app, pagename, "page.html", context, None)
    return [button for group in context["header_buttons"] for button in group.get("buttons", [])]


def test_no_hub_means_no_launch_buttons() -> None:
    config = settings_with()
    assert not config["html_theme_options"]["launch_buttons"]["jupyterhub_url"]
    assert launch_links(config, EXERCISE_PAGE) == []


def test_a_hub_in_config_gives_every_lesson_a_jupyterlab_button() -> None:
    links = launch_links(settings_with(jupyterhub_url=HUB), EXERCISE_PAGE)
    assert [link["text"] for link in links] == ["JupyterHub"]
    url = urlsplit(links[0]["url"])
    assert f"{url.scheme}://{url.netloc}" == HUB and url.path == "/hub/user-redirect/git-pull"
    query = parse_qs(url.query)
    assert query["repo"] == ["https://github.com/commissioning-academy/course"]
    assert query["urlpath"] == [f"lab/tree/course/{EXERCISE_PAGE}.ipynb"]
    assert query["branch"] == ["main"]


def test_binder_is_set_in_the_same_place() -> None:
    links = launch_links(settings_with(binderhub_url="https://mybinder.org"), EXERCISE_PAGE)
    assert [link["text"] for link in links] == ["Binder"]
    assert links[0]["url"].endswith(f"?urlpath=lab/tree/{EXERCISE_PAGE}.ipynb")


def test_publishing_page_tells_facilitators_how() -> None:
    text = (REPO / "modules" / "facilitators" / "publishing.md").read_text(encoding="utf-8")
    for words in ("jupyterhub_url", "binderhub_url", "nbgitpuller", "_config.yml"):
        assert words in text, words


def test_built_site_has_no_launch_button_and_the_notice_leads_to_the_course(
    browser: object, site_url: str, built_site: Path
) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    try:
        tab.goto(f"{site_url}/{EXERCISE_PAGE}.html")
        wait_until_ready(tab)
        assert tab.locator(".dropdown-launch-buttons").count() == 0
        notice = tab.locator(".cell_output .academy-site-note a.academy-launch").first
        notice.wait_for(state="visible", timeout=15_000)
        assert notice.inner_text() == "Open this page in JupyterLab"
        notice.click()
        tab.wait_for_url("**/modules/using/participants.html", timeout=15_000)
    finally:
        context.close()


@pytest.mark.parametrize("page", [EXERCISE_PAGE])
def test_notice_follows_a_launch_button_when_there_is_one(browser: object, site_url: str, page: str) -> None:
    """With a launch button on the page (added here as the theme would), the notice opens it."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    target = f"{site_url}/modules/start-here.html?via=hub#launched"
    try:
        tab.goto(f"{site_url}/{page}.html")
        wait_until_ready(tab)
        tab.evaluate(
            """(href) => {
              const menu = document.createElement("div");
              menu.className = "dropdown-launch-buttons";
              const link = document.createElement("a");
              link.href = href;
              link.textContent = "JupyterHub";
              menu.appendChild(link);
              document.body.appendChild(menu);
            }""",
            target,
        )
        tab.locator(".cell_output a.academy-launch").first.click()
        tab.wait_for_url("**/modules/start-here.html?via=hub#launched", timeout=15_000)
    finally:
        context.close()
