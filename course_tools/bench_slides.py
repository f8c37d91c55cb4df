"""Slide-deck budgets for `make bench`: building all decks <= 60 s; each deck shows its first slide <= 3 s.

Usage: python -m course_tools.bench_slides [--html-dir _build/html]   (after a book build; Chromium as for the tests)
`bench_slides(html_dir)` returns the figures, prints them, and the caller decides what a miss means.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from course_tools import build_slides
from course_tools.conventions import BUDGET, HTML, chapter_notebooks, deck_path

BUILD_BUDGET_S = BUDGET["slides_build_s"]
FIRST_SLIDE_BUDGET_S = BUDGET["first_slide_s"]
# The deck sets this when reveal.js has initialised and laid out the first slide.
# (a poll can run before the new document has a root element, as FITTED in page_audit.py also allows)
READY = (
    "(document.documentElement || {dataset: {}}).dataset.deckReady === 'true'"
    " && !!document.querySelector('.reveal .slides section.present')"
)


def first_slide_seconds(page, url: str, timeout_ms: int = 30_000) -> float:
    """Seconds from navigation until reveal.js shows the deck's first slide."""
    t0 = time.perf_counter()
    page.goto(url, wait_until="commit")
    page.wait_for_function(READY, timeout=timeout_ms)
    return time.perf_counter() - t0


def bench_slides(html_dir: Path = HTML, build: bool = True) -> dict:
    from playwright.sync_api import sync_playwright

    from course_tools.testing.browser_support import LAUNCH_ARGS, OfflineGuard, find_chromium, serve

    html_dir = html_dir.resolve()
    figures: dict = {"build_s": None, "first_slide_s": {}, "ok": True}
    if build:
        t0 = time.perf_counter()
        build_slides.build_all(html_dir)
        figures["build_s"] = time.perf_counter() - t0
        ok = figures["build_s"] <= BUILD_BUDGET_S
        figures["ok"] &= ok
        print(
            f"slides: building all decks took {figures['build_s']:.1f} s (budget {BUILD_BUDGET_S:.0f} s) "
            f"{'OK' if ok else 'OVER BUDGET'}"
        )
    chromium = find_chromium()
    if chromium is None:
        raise RuntimeError("no Chromium found: run `make browser`")
    with serve(html_dir) as base, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, headless=True, args=LAUNCH_ARGS)
        for doc in chapter_notebooks():
            context = browser.new_context(viewport={"width": 1280, "height": 800})
            OfflineGuard(context)
            seconds = first_slide_seconds(context.new_page(), base + deck_path(doc))
            context.close()
            ok = seconds <= FIRST_SLIDE_BUDGET_S
            figures["first_slide_s"][doc] = seconds
            figures["ok"] &= ok
            print(
                f"slides: {deck_path(doc)} first slide in {seconds:.2f} s "
                f"(budget {FIRST_SLIDE_BUDGET_S:.0f} s) {'OK' if ok else 'OVER BUDGET'}"
            )
        browser.close()
    return figures


def bench_rows(ctx):
    """Rows for `make bench` (course_tools.bench): the deck build and each deck's first slide, against budgets."""
    from course_tools.bench import Row

    ctx.close()  # bench_slides drives its own Playwright
    figures = bench_slides(ctx.html, build=True)
    rows = [Row("slides: build all decks", figures["build_s"], "s", BUILD_BUDGET_S)]
    rows += [
        Row(f"slides: first slide, {Path(doc).name}", s, "s", FIRST_SLIDE_BUDGET_S)
        for doc, s in figures["first_slide_s"].items()
    ]
    return rows


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--html-dir", type=Path, default=HTML)
    parser.add_argument("--no-build", action="store_true", help="time the existing decks only")
    args = parser.parse_args(argv)
    return 0 if bench_slides(args.html_dir, build=not args.no_build)["ok"] else 1


if __name__ == "__main__":
    sys.exit(main())
