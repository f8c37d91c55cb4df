"""Slide-deck budgets for `make bench`: building all decks <= 60 s; each deck shows its first slide <= 3 s.

Usage: python tools/bench_slides.py [--html-dir _build/html]   (after a book build; Chromium as for the tests)
`bench_slides(html_dir)` returns the figures, prints them, and the caller decides what a miss means.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(ROOT / "tests"))

import build_slides  # noqa: E402

BUILD_BUDGET_S = 60.0
FIRST_SLIDE_BUDGET_S = 3.0
# The deck sets this when reveal.js has initialised and laid out the first slide.
READY = "document.documentElement.dataset.deckReady === 'true' && !!document.querySelector('.reveal .slides section.present')"


def first_slide_seconds(page, url: str, timeout_ms: int = 30_000) -> float:
    """Seconds from navigation until reveal.js shows the deck's first slide."""
    t0 = time.perf_counter()
    page.goto(url, wait_until="commit")
    page.wait_for_function(READY, timeout=timeout_ms)
    return time.perf_counter() - t0


def bench_slides(html_dir: Path = ROOT / "_build" / "html", build: bool = True) -> dict:
    from browser_support import LAUNCH_ARGS, OfflineGuard, find_chromium, serve
    from playwright.sync_api import sync_playwright

    html_dir = html_dir.resolve()
    figures: dict = {"build_s": None, "first_slide_s": {}, "ok": True}
    if build:
        t0 = time.perf_counter()
        build_slides.build_all(html_dir)
        figures["build_s"] = time.perf_counter() - t0
        ok = figures["build_s"] <= BUILD_BUDGET_S
        figures["ok"] &= ok
        print(f"slides: building all decks took {figures['build_s']:.1f} s (budget {BUILD_BUDGET_S:.0f} s) "
              f"{'OK' if ok else 'OVER BUDGET'}")
    chromium = find_chromium()
    if chromium is None:
        raise RuntimeError("no Chromium found: run `make browser`")
    with serve(html_dir) as base, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, headless=True, args=LAUNCH_ARGS)
        for doc in build_slides.chapter_notebooks():
            context = browser.new_context(viewport={"width": 1280, "height": 800})
            OfflineGuard(context)
            seconds = first_slide_seconds(context.new_page(), base + build_slides.deck_path(doc))
            context.close()
            ok = seconds <= FIRST_SLIDE_BUDGET_S
            figures["first_slide_s"][doc] = seconds
            figures["ok"] &= ok
            print(f"slides: {build_slides.deck_path(doc)} first slide in {seconds:.2f} s "
                  f"(budget {FIRST_SLIDE_BUDGET_S:.0f} s) {'OK' if ok else 'OVER BUDGET'}")
        browser.close()
    return figures


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--html-dir", type=Path, default=ROOT / "_build" / "html")
    parser.add_argument("--no-build", action="store_true", help="time the existing decks only")
    args = parser.parse_args()
    sys.exit(0 if bench_slides(args.html_dir, build=not args.no_build)["ok"] else 1)


def bench_rows(ctx):
    """Rows for `make bench` (tools/bench.py): the deck build and each deck's first slide, against budgets."""
    from bench import Row

    ctx.close()  # bench_slides drives its own Playwright
    figures = bench_slides(ctx.html, build=True)
    rows = [Row("slides: build all decks", figures["build_s"], "s", BUILD_BUDGET_S)]
    rows += [Row(f"slides: first slide, {Path(doc).name}", s, "s", FIRST_SLIDE_BUDGET_S)
             for doc, s in figures["first_slide_s"].items()]
    return rows
