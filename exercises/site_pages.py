"""Lighter, quicker pages for the course website: run by ``exercises.sitebuild`` after the build.

The theme (pydata-sphinx-theme 0.17) puts three costly things on every page:

- ``fontawesome.js`` (1.4 MB), which swaps each ``<i class="fa-…">`` for an SVG. The site uses
  about twenty icons, so they are drawn instead from a small style sheet made here from the
  same icon shapes (``academy-icons.css``: each icon a CSS mask of its SVG path, in the text's
  colour), and the script is left out.
- the search index (``searchindex.js``, ``searchtools.js``, ``language_data.js``), loaded in
  every page's head for "search as you type", which the course leaves off: the search box
  sends the reader to the search page, which loads them itself.

Nothing here changes what a page says; ``tests/website/test_performance.py`` checks the result.
Font Awesome Free icons are CC BY 4.0 (https://fontawesome.com/license/free).
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import quote

ICON_CLASS = re.compile(r'class="[^"]*\bfa-(?:solid|regular)\b[^"]*"|class="[^"]*\bfa[sr]\b[^"]*"')
ICON_NAME = re.compile(r"\bfa-([a-z0-9-]+)\b")
# Classes that style an icon rather than name one.
NOT_ICONS = {"solid", "regular", "brands", "lg", "xs", "sm", "xl", "2xl", "fw", "spin", "1x", "2x", "3x"}
# In the built fontawesome.js, solid icons come after the marker that opens the solid set.
SOLID_SET = re.compile(r'"fas"')
ICON_DATA = r'[{{,]"?{name}"?:\[(\d+),(\d+),\[[^\]]*\],"[^"]*","([^"]+)"\]'

FONTAWESOME_TAG = re.compile(r'\s*<script defer src="[^"]*_static/scripts/fontawesome\.js[^"]*"></script>')
SEARCH_TAGS = re.compile(
    r'\s*<script src="[^"]*(?:_static/searchtools\.js|_static/language_data\.js|searchindex\.js)"></script>'
)

ICONS_CSS = "academy-icons.css"
ICON_RULES = """/* Icons for the course website, drawn from Font Awesome Free 6 shapes (CC BY 4.0,
 * https://fontawesome.com/license/free). Made by exercises/site_pages.py at build time. */
.fa-solid::before,.fas::before,.fa-regular::before,.far::before{content:"";display:inline-block;
 width:var(--academy-icon-w,1em);height:1em;vertical-align:-.125em;background-color:currentColor;
 -webkit-mask:var(--academy-icon) center/contain no-repeat;mask:var(--academy-icon) center/contain no-repeat}
"""


def icons_used(html_files: list[Path]) -> set[str]:
    """Names of the Font Awesome icons the pages use (``bars`` for ``fa-bars``)."""
    names: set[str] = set()
    for page in html_files:
        for match in ICON_CLASS.finditer(page.read_text(encoding="utf-8")):
            names.update(name for name in ICON_NAME.findall(match.group(0)) if name not in NOT_ICONS)
    return names


def icon_shapes(fontawesome_js: str, names: set[str]) -> tuple[dict[str, tuple[int, int, str]], list[str]]:
    """(``{name: (width, height, svg path)}`` from the solid set, names not found)."""
    markers = [m.start() for m in SOLID_SET.finditer(fontawesome_js)]
    found: dict[str, tuple[int, int, str]] = {}
    for name in sorted(names):
        pattern = re.compile(ICON_DATA.format(name=re.escape(name)))
        # The solid set is the largest block of icon data: search from each "fas" marker, keep the last hit.
        for start in reversed(markers):
            match = pattern.search(fontawesome_js, start)
            if match:
                found[name] = (int(match.group(1)), int(match.group(2)), match.group(3))
                break
    return found, sorted(names - set(found))


def icons_css(shapes: dict[str, tuple[int, int, str]]) -> str:
    """A style sheet drawing each icon as a mask of its shape."""
    rules = [ICON_RULES]
    for name, (width, height, path) in sorted(shapes.items()):
        svg = f"<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 {width} {height}'><path d='{path}'/></svg>"
        url = 'url("data:image/svg+xml,' + quote(svg, safe="/:=' ") + '")'
        rules.append(f".fa-{name}{{--academy-icon:{url};--academy-icon-w:{width / height:.3f}em}}")
    return "\n".join(rules) + "\n"


def lighten_pages(outdir: Path) -> dict[str, object]:
    """Replace the icon script by ``_static/academy-icons.css`` and drop the search index from
    pages other than the search page. Returns what was done (and any icon left undrawn)."""
    static = outdir / "_static"
    script = static / "scripts" / "fontawesome.js"
    pages = [p for p in outdir.rglob("*.html") if "_static" not in p.relative_to(outdir).parts]
    missing: list[str] = []
    if script.is_file():
        shapes, missing = icon_shapes(script.read_text(encoding="utf-8"), icons_used(pages))
        (static / ICONS_CSS).write_text(icons_css(shapes), encoding="utf-8")
        script.unlink()
    changed = 0
    for page in pages:
        text = page.read_text(encoding="utf-8")
        new = FONTAWESOME_TAG.sub("", text)
        if page.name != "search.html" or page.parent != outdir:
            new = SEARCH_TAGS.sub("", new)
        if new != text:
            page.write_text(new, encoding="utf-8")
            changed += 1
    return {"pages": changed, "missing_icons": missing}
