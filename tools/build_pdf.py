"""Print the built website to PDF: the whole course and each day, offline, with the system's Chromium.

``make site`` runs this after the book is built. Each page of ``_build/html`` is opened in
headless Chromium (``/usr/bin/chromium``, or ``ACADEMY_CHROMIUM``; nothing is downloaded),
served from this machine, and printed with the site's print style sheet once its widgets are
drawn; the pages are then joined, with a bookmark per page, into

- ``_build/html/pdf/commissioning-academy.pdf``: the start pages, the five days and the reference;
- ``_build/html/pdf/commissioning-academy-dayN.pdf``: one per day (its pages in order);
- ``_build/html/pdf/commissioning-academy-dayN-facilitator.pdf``: the facilitator edition of each
  day, with every exercise's answer (from its answer key) and "Facilitator edition: contains
  answers" at the top of every sheet. Each day page is printed a second time from the page
  already open and drawn, with ``AcademyEdition.facilitator(true)`` (site_static/academy-edition.js),
  so the edition costs a second print of the day pages, not a second load.

Any request to another host is refused, so the PDFs are made from the site alone.

    .venv/bin/python tools/build_pdf.py [--html _build/html]
"""

from __future__ import annotations

import argparse
import functools
import http.server
import io
import os
import re
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

import yaml

if TYPE_CHECKING:
    from playwright.sync_api import PdfMargins

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = Path(os.environ.get("ACADEMY_CHROMIUM", "/usr/bin/chromium"))
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]  # fmt: skip
COURSE_PARTS = ("Start here", "The five days", "Reference")
# The widget code loads when a reader nears a widget (site_static/academy-widgets.js): start it now.
LOAD_WIDGETS = "() => { if (window.AcademyWidgets) window.AcademyWidgets.load(); }"
# Printed once every saved widget view has been drawn into the page (or after the limit).
DRAWN = """() => document.readyState === "complete"
  && (!window.AcademyWidgets || window.AcademyWidgets.state() === "drawn") && Array.from(
  document.querySelectorAll('script[type="application/vnd.jupyter.widget-view+json"]')).every(
  view => view.previousElementSibling && view.previousElementSibling.querySelector(".lm-Widget"))"""
MARGIN: PdfMargins = {"top": "15mm", "bottom": "15mm", "left": "12mm", "right": "12mm"}
FACILITATOR = "Facilitator edition: contains answers"
FACILITATOR_ON = "() => window.AcademyEdition ? window.AcademyEdition.facilitator(true) : false"
MARK = f'<div style="font-size:9pt;width:100%;text-align:center;font-weight:bold;">{FACILITATOR}</div>'
PAGE_NUMBER = (
    '<div style="font-size:8pt;width:100%;text-align:center;">'
    f'{FACILITATOR} · page <span class="pageNumber"></span></div>'
)


def toc_pages(root: Path) -> tuple[list[str], dict[str, list[str]]]:
    """(the course's pages in order, {"day1": that day's pages}) from ``_toc.yml``."""
    toc = yaml.safe_load((root / "_toc.yml").read_text(encoding="utf-8"))
    course = [toc["root"]]
    days: dict[str, list[str]] = {}
    for part in toc["parts"]:
        if part["caption"] not in COURSE_PARTS:
            continue
        for chapter in part["chapters"]:
            pages = [chapter["file"], *(s["file"] for s in chapter.get("sections", []))]
            course += pages
            match = re.search(r"/(day\d)", chapter["file"])
            if part["caption"] == "The five days" and match:
                days[match.group(1)] = pages
    return course, days


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@contextmanager
def serve(folder: Path) -> Iterator[str]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()


Printed = dict[str, tuple[str, bytes]]


def print_pages(html: Path, pages: list[str], facilitator: set[str] | None = None) -> tuple[Printed, Printed]:
    """({page: (its title, its PDF)} for every page, the same for the facilitator edition of the
    pages in ``facilitator``), printed in headless Chromium."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout
    from playwright.sync_api import sync_playwright

    if not CHROMIUM.exists():
        sys.exit(f"Chromium is missing at {CHROMIUM}: install Debian's 'chromium' or set ACADEMY_CHROMIUM.")
    printed: Printed = {}
    answers: Printed = {}
    with serve(html) as base, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=ARGS, headless=True)
        context = browser.new_context(viewport={"width": 1000, "height": 1400}, color_scheme="light")
        context.add_init_script("localStorage.setItem('theme', 'light'); localStorage.setItem('mode', 'light');")
        host = urlsplit(base).netloc
        context.route("**/*", lambda route: route.continue_() if urlsplit(route.request.url).netloc == host
                      else route.abort())  # fmt: skip
        tab = context.new_page()
        tab.set_default_timeout(600_000)  # generous: a busy machine loads and prints slowly
        tab.set_default_navigation_timeout(600_000)
        for page in pages:
            tab.goto(f"{base}/{page}.html", wait_until="load")
            tab.evaluate(LOAD_WIDGETS)
            try:
                tab.wait_for_function(DRAWN, timeout=600_000)  # generous: a busy machine draws slowly
            except PlaywrightTimeout:
                sys.exit(f"{page}: its widgets were not drawn within 10 minutes, so it cannot be printed whole.")
            tab.evaluate("async () => { await document.fonts.ready; if (window.MathJax && MathJax.startup) "
                         "await MathJax.startup.promise; }")  # fmt: skip
            title = tab.locator("h1").first.inner_text().replace("#", "").strip()
            printed[page] = (title, tab.pdf(format="A4", margin=MARGIN, print_background=True, outline=False))
            if page in (facilitator or set()):
                if not tab.evaluate(FACILITATOR_ON):
                    sys.exit(f"{page}: its facilitator edition could not be switched on (academy-edition.js).")
                pdf = tab.pdf(format="A4", margin=MARGIN, print_background=True, outline=False,
                              display_header_footer=True, header_template=MARK, footer_template=PAGE_NUMBER)  # fmt: skip
                answers[page] = (title, pdf)
        browser.close()
    return printed, answers


def join(printed: Printed, pages: list[str], target: Path, title: str) -> int:
    """Join the printed ``pages`` into ``target`` with one bookmark per page; how many sheets."""
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    for page in pages:
        heading, data = printed[page]
        start = len(writer.pages)
        writer.append(PdfReader(io.BytesIO(data)))
        writer.add_outline_item(heading, start)
    writer.add_metadata({"/Title": title, "/Author": "The Commissioning Academy course team"})
    target.parent.mkdir(parents=True, exist_ok=True)
    with target.open("wb") as handle:
        writer.write(handle)
    return len(writer.pages)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--html", type=Path, default=ROOT / "_build" / "html")
    args = parser.parse_args(argv)
    if not (args.html / "index.html").is_file():
        sys.exit(f"No built site in {args.html}: run `make site` first.")
    course, days = toc_pages(ROOT)
    started = time.perf_counter()
    day_pages = {page for pages in days.values() for page in pages}
    printed, answers = print_pages(args.html, course, facilitator=day_pages)
    out = args.html / "pdf"
    sheets = join(printed, course, out / "commissioning-academy.pdf", "The Commissioning Academy")
    print(f"pdf/commissioning-academy.pdf: {sheets} pages")
    for day, pages in days.items():
        heading = printed[pages[0]][0]
        sheets = join(printed, pages, out / f"commissioning-academy-{day}.pdf", f"The Commissioning Academy: {heading}")
        print(f"pdf/commissioning-academy-{day}.pdf: {sheets} pages")
        target = out / f"commissioning-academy-{day}-facilitator.pdf"
        sheets = join(answers, pages, target, f"The Commissioning Academy: {heading} ({FACILITATOR})")
        print(f"pdf/{target.name}: {sheets} pages")
    print(
        f"Printed {len(course)} pages, and {len(answers)} again for facilitators, in {time.perf_counter() - started:.0f} s."
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
