"""Sphinx extension used by the book build (listed in ``_config.yml``).

Keeps the published site self-contained: Jupyter Book 1 always loads sphinx-thebe, whose
page script names a third-party host for the live-code library. The course turns Thebe
off, so its scripts and styles are dropped from every page.

It also adds ``site_static/academy-a11y.js``, which repairs accessibility faults in the
theme's chrome and in widgets drawn from saved state (unnamed buttons and toggles).

The Jupyter widgets manager (vendored in ``_vendor/html-manager``) loads its icon fonts from
a path it works out at run time; it is told to use the site's own copy. It is fetched only
when the reader nears a widget (``site_static/academy-widgets.js``), never with the page.

Every page also gets ``site_static/academy-edition.js``: the facilitator edition of a page
(each exercise's answer, from its answer key), which ``tools/build_pdf.py`` prints for each day.

It also adds ``site_static/academy-exercises.js`` (deferred, so it never delays the first
paint) and its stylesheet: the browser engine that checks exercises on the website, with
no kernel, from the answer keys embedded in each exercise (see ``add_exercise_engine``).

The themes ship source maps (``*.map``, about 3 MB), which only a developer's browser tools
fetch; they are left out of the published site, with the comments that point to them.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

STATIC = Path(__file__).resolve().parent / "site_static"

THEBE_MARKERS = ("sphinx-thebe", "THEBE_JS_URL")


def _is_thebe(asset: Any) -> bool:
    text = " ".join(
        str(part) for part in (asset, getattr(asset, "filename", ""), getattr(asset, "attributes", {}).get("body", ""))
    )
    return any(marker in text for marker in THEBE_MARKERS)


def drop_thebe(app: Any, pagename: str, templatename: str, context: dict, doctree: Any) -> None:
    for key in ("script_files", "css_files"):
        if key in context:
            context[key] = [asset for asset in context[key] if not _is_thebe(asset)]


# Runs before require.js (a global ``require`` object is its configuration). The widget
# manager works out where its icon fonts are from its AMD module names, which would
# resolve next to each page; they are mapped to the site's own _static/html-manager/.
WIDGET_ASSETS_JS = (
    "var require = {paths: (function () {"
    " var base = new URL((document.documentElement.dataset.content_root || '')"
    " + '_static/html-manager', window.location.href).href;"
    " return {'@jupyter-widgets/html-manager/dist': base, '@jupyter-widgets': base}; })()};"
)


SOURCE_MAP_COMMENT = re.compile(r"\n?(?://# sourceMappingURL=\S+|/\*# sourceMappingURL=\S+ \*/)\s*$")


def drop_source_maps(folder: Path) -> int:
    """Delete the ``*.map`` files under ``folder`` and the comments naming them; how many went."""
    maps = sorted(folder.rglob("*.map"))
    for path in maps:
        path.unlink()
    for path in [*folder.rglob("*.js"), *folder.rglob("*.css")]:
        text = path.read_text(encoding="utf-8", errors="surrogateescape")
        if "sourceMappingURL=" in text[-500:]:
            path.write_text(SOURCE_MAP_COMMENT.sub("\n", text), encoding="utf-8", errors="surrogateescape")
    return len(maps)


def _drop_built_source_maps(app: Any, exception: Exception | None) -> None:
    if exception is None and app.builder.format == "html":
        drop_source_maps(Path(app.outdir) / "_static")


def _add_static(app: Any, config: Any) -> None:
    config.html_static_path = [*config.html_static_path, str(STATIC)]


def add_exercise_engine(app: Any) -> None:
    """The website's exercise engine (issue 24): checks answers in the reader's browser and keeps
    them in its local storage. Loaded with ``defer``: it waits for the page, never blocks it."""
    app.add_js_file("academy-exercises.js", loading_method="defer")
    app.add_css_file("academy-exercises.css")


def _lighten_built_pages(app: Any, exception: Exception | None) -> None:
    """Issue 25: the icon script and search index leave every page (see ``exercises.site_pages``)."""
    if exception is None and app.builder.format == "html":
        from sphinx.util import logging

        from exercises.site_pages import lighten_pages

        done = lighten_pages(Path(app.outdir))
        if done["missing_icons"]:
            logging.getLogger(__name__).warning("icons with no shape in academy-icons.css: %s", done["missing_icons"])


DAY_PAGE = re.compile(r"^modules/(day\d)[^/]*/index$")
TAKE_AWAY = (
    '<div class="academy-take-away" role="note" aria-label="Take this day with you">'
    "<p><strong>Take this day with you:</strong> "
    '<a href="{zip}" download>download the day</a> to run on your own computer (its pages, data and '
    "a one-command start, <code>python3 start.py</code>; ZIP, {size}), or "
    '<a href="{pdf}">read or print it as a PDF</a>.</p></div>'
)


def _day_take_away(app: Any, pagename: str, templatename: str, context: dict, doctree: Any) -> None:
    """Issue 25: a day's first page links to its download bundle and its PDF, under the title."""
    match = DAY_PAGE.match(pagename)
    if not match or "body" not in context:
        return
    name = f"commissioning-academy-{match.group(1)}"
    bundle = Path(app.outdir) / "downloads" / f"{name}.zip"
    size = f"{bundle.stat().st_size / 1e6:.1f} MB" if bundle.is_file() else "about 1 MB"
    box = TAKE_AWAY.format(
        zip=context["pathto"](f"downloads/{name}.zip", 1),
        pdf=context["pathto"](f"pdf/{name}.pdf", 1),
        size=size,
    )
    context["body"] = context["body"].replace("</h1>", "</h1>\n" + box, 1)


def _build_day_bundles(app: Any, env: Any) -> list[str]:
    """Issue 25: the "download this day" zips, made after reading and before the pages that link to them."""
    if app.builder.format == "html":
        from exercises.site_downloads import build_bundles

        titles = {name: title.astext() for name, title in env.titles.items()}
        build_bundles(Path(app.srcdir), Path(app.outdir), titles)
    return []


WIDGET_CODE = ("require.js", "html-manager/embed-amd.js")


def _load_widget_code_late(app: Any, pagename: str, templatename: str, context: dict, doctree: Any) -> None:
    """Issue 25: on pages with widgets, the widget manager (3.5 MB) is not named in a script tag,
    which would hold up the page (and the theme's deferred scripts behind it); the small
    ``academy-widgets.js`` fetches it only when the reader nears a widget (see that file)."""

    def name(script: Any) -> str:  # Sphinx names a static script "_static/<file>"
        return str(getattr(script, "filename", script)).removeprefix("_static/")

    scripts = context.get("script_files", [])
    if not any(name(s) in WIDGET_CODE for s in scripts):
        return
    from sphinx.builders.html._assets import _JavaScript

    context["script_files"] = [s for s in scripts if name(s) not in WIDGET_CODE]
    context["script_files"].append(_JavaScript("_static/academy-widgets.js", defer="defer", priority=900))


def _add_site_look(app: Any) -> None:
    """Issue 25: the site's own style, navigation fixes and icons (``site_static/academy-*``)."""
    app.add_css_file("academy-site.css")
    app.add_css_file("academy-icons.css")
    app.add_js_file("academy-nav.js", defer="defer")
    app.add_js_file("academy-edition.js", defer="defer")  # the facilitator edition, with answers
    app.connect("build-finished", _lighten_built_pages)
    app.connect("env-updated", _build_day_bundles)
    app.connect("html-page-context", _day_take_away)
    app.connect("html-page-context", _load_widget_code_late, priority=950)


def setup(app: Any) -> dict[str, Any]:
    app.connect("config-inited", _add_static)
    add_exercise_engine(app)
    app.add_js_file("academy-a11y.js")
    _add_site_look(app)
    app.connect("html-page-context", drop_thebe, priority=900)
    app.add_js_file(None, body=WIDGET_ASSETS_JS, priority=100)
    app.connect("build-finished", _drop_built_source_maps)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
