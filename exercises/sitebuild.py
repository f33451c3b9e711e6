"""Sphinx extension used by the book build (listed in ``_config.yml``).

Keeps the published site self-contained: Jupyter Book 1 always loads sphinx-thebe, whose
page script names a third-party host for the live-code library. The course turns Thebe
off, so its scripts and styles are dropped from every page.

It also adds ``site_static/academy-a11y.js``, which repairs accessibility faults in the
theme's chrome and in widgets drawn from saved state (unnamed buttons and toggles).

The Jupyter widgets manager (vendored in ``_vendor/html-manager``) loads its icon fonts from
a path it works out at run time; it is told to use the site's own copy.

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


def _lighten_built_pages(app: Any, exception: Exception | None) -> None:
    """Issue 25: the icon script and search index leave every page (see ``exercises.site_pages``)."""
    if exception is None and app.builder.format == "html":
        from sphinx.util import logging

        from exercises.site_pages import lighten_pages

        done = lighten_pages(Path(app.outdir))
        if done["missing_icons"]:
            logging.getLogger(__name__).warning("icons with no shape in academy-icons.css: %s", done["missing_icons"])


def _add_site_look(app: Any) -> None:
    """Issue 25: the site's own style, navigation fixes and icons (``site_static/academy-*``)."""
    app.add_css_file("academy-site.css")
    app.add_css_file("academy-icons.css")
    app.add_js_file("academy-nav.js", defer="defer")
    app.connect("build-finished", _lighten_built_pages)


def setup(app: Any) -> dict[str, Any]:
    app.connect("config-inited", _add_static)
    app.add_js_file("academy-a11y.js")
    _add_site_look(app)
    app.connect("html-page-context", drop_thebe, priority=900)
    app.add_js_file(None, body=WIDGET_ASSETS_JS, priority=100)
    app.connect("build-finished", _drop_built_source_maps)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
