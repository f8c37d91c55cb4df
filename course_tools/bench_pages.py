"""Page weight and widget speed for `make bench` (issue 9, item 2), one row per built page and deck.

For each page, in a fresh Chromium context (cold cache) on a local server, with every off-site request refused:
- first load: the gzip size of every response the browser fetched until the network was idle (the page, its
  scripts, styles, fonts, images and data), each counted as `min(raw, gzip -6)`, since a server sends
  already-compressed files (woff2, png) as they are. Budget: text pages 400 kB, pages with widgets 1.0 MB
  (course_tools.conventions.BUDGET, as every budget below).
- first widget: from navigation start to the first rendered widget view (`performance.now()` when a
  MutationObserver first sees `.widget-subarea > *`), the median of several cold loads. Budget: the median over
  all widget pages <= 1.0 s.
- page errors, console errors and requests off 127.0.0.1 (budget 0), and the built files naming a CDN (budget 0).
Bench rows measure; tests never assert a time.

Usage: python -m course_tools.bench_pages [HTML_DIR] [--runs N]    (default _build/html; build the book first)
`make bench` picks `bench_rows(ctx)` up through course_tools.bench's `bench_*.py` hook.
"""

from __future__ import annotations

import argparse
import gzip
import statistics
import sys
from pathlib import Path
from urllib.parse import unquote, urlparse

from course_tools.conventions import BUDGET, HTML

RUNS = 5

FIRST_WIDGET_PROBE = """
window.__courseFirstWidget = null;
new MutationObserver((records, observer) => {
  if (document.querySelector('.widget-subarea > *')) {
    window.__courseFirstWidget = performance.now();
    observer.disconnect();
  }
}).observe(document, {childList: true, subtree: true});
"""


def wire_bytes(path: Path) -> int:
    raw = path.read_bytes()
    return min(len(raw), len(gzip.compress(raw, compresslevel=6)))


def served_file(html_dir: Path, url: str) -> Path | None:
    rel = unquote(urlparse(url).path).lstrip("/")
    path = html_dir / rel
    if path.is_dir():
        path = path / "index.html"
    return path if path.is_file() else None


def load_once(browser, base: str, html_dir: Path, rel: str, widgets: bool) -> dict:
    """One cold load of `rel`: what was fetched, what went wrong, and when the first widget appeared."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    from course_tools.testing.browser_support import OfflineGuard
    from course_tools.testing.page_audit import WIDGETS_RENDERED_JS

    context = browser.new_context(viewport={"width": 1280, "height": 900})
    guard = OfflineGuard(context)
    urls: list[str] = []
    context.on("requestfinished", lambda request: urls.append(request.url))
    context.add_init_script(FIRST_WIDGET_PROBE)
    page = context.new_page()
    page.goto(base + rel, wait_until="load")
    first = None
    if widgets:
        page.wait_for_function("() => window.__courseFirstWidget !== null", timeout=30_000)
        page.wait_for_function(WIDGETS_RENDERED_JS, timeout=30_000)
        first = page.evaluate("() => window.__courseFirstWidget") / 1000
    idle = True
    try:
        page.wait_for_load_state("networkidle", timeout=15_000)
    except PlaywrightTimeout:
        idle = False
    context.close()
    fetched: dict[str, int] = {}
    missing: list[str] = []
    for url in urls:
        url = url.split("#")[0]
        path = served_file(html_dir, url.split("?")[0]) if url.startswith(base) else None
        if path is None:
            missing.append(url)
        else:
            fetched[url] = wire_bytes(path)
    return {
        "bytes": sum(fetched.values()),
        "requests": len(fetched),
        "fetched": fetched,
        "first_widget_s": first,
        "page_errors": list(guard.page_errors),
        "console_errors": list(guard.console_errors),
        "external": list(guard.external),
        "missing": missing,
        "idle": idle,
    }


def measure(browser, html_dir: Path, runs: int = RUNS) -> dict[str, dict]:
    from course_tools.testing.browser_support import serve
    from course_tools.testing.page_audit import built_pages, has_widgets

    results = {}
    with serve(html_dir) as base:
        for rel in built_pages(html_dir):
            widgets = has_widgets((html_dir / rel).read_text(encoding="utf-8"))
            print(f"bench_pages: {rel}", file=sys.stderr)
            loads = [load_once(browser, base, html_dir, rel, widgets) for _ in range(runs if widgets else 1)]
            first = loads[0]
            first["widgets"] = widgets
            if widgets:
                first["first_widget_all_s"] = [r["first_widget_s"] for r in loads]
                first["first_widget_s"] = statistics.median(first["first_widget_all_s"])
            results[rel] = first
    return results


def rows_from(results: dict[str, dict], html_dir: Path) -> list:
    from course_tools.bench import Row
    from course_tools.testing.page_audit import files_naming_a_cdn

    rows = []
    for rel, r in results.items():
        kind = "widget page" if r["widgets"] else "text page"
        budget = BUDGET["widget_page_bytes"] if r["widgets"] else BUDGET["text_page_bytes"]
        note = f"{kind}, {r['requests']} requests"
        if r["missing"]:
            note += f", {len(r['missing'])} not found"
        if not r["idle"]:
            note += ", network still busy after 15 s"
        rows.append(Row(f"{rel}: first load (gzip)", r["bytes"], "B", budget, note))
        if r["widgets"]:
            spread = ", ".join(f"{s:.2f}" for s in r["first_widget_all_s"])
            rows.append(Row(f"{rel}: first widget (median)", r["first_widget_s"], "s", None, f"runs: {spread}"))
    times = [r["first_widget_s"] for r in results.values() if r["widgets"]]
    if times:
        rows.append(
            Row(
                "pages: median time to first widget, over widget pages",
                statistics.median(times),
                "s",
                BUDGET["first_widget_s"],
                f"{len(times)} pages, range {min(times):.2f}-{max(times):.2f} s",
            )
        )
    for key, label in (
        ("page_errors", "page errors"),
        ("console_errors", "console errors"),
        ("external", "requests off 127.0.0.1"),
    ):
        found = [f"{rel}: {e}" for rel, r in results.items() for e in r[key]]
        rows.append(Row(f"pages: {label}, all pages", len(found), "", 0, "; ".join(found)[:200]))
    cdn = files_naming_a_cdn(html_dir)
    rows.append(Row("pages: built files naming a CDN", len(cdn), "", 0, ", ".join(sorted(cdn))[:200]))
    return rows


def bench_rows(ctx):
    """Rows for `make bench` (course_tools.bench)."""
    return rows_from(measure(ctx.browser(), ctx.html), ctx.html)


def main(argv=None) -> int:
    from playwright.sync_api import sync_playwright

    from course_tools.bench import render
    from course_tools.testing.browser_support import LAUNCH_ARGS, find_chromium

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("html", nargs="?", type=Path, default=HTML)
    ap.add_argument("--runs", type=int, default=RUNS, help="cold loads per widget page for the median")
    ap.add_argument("--detail", action="store_true", help="also list what each page fetched, largest first")
    args = ap.parse_args(argv)
    if not (args.html / "index.html").exists():
        print(f"bench_pages: no built book in {args.html}; run `make book` first", file=sys.stderr)
        return 2
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=find_chromium(), headless=True, args=LAUNCH_ARGS)
        results = measure(browser, args.html.resolve(), args.runs)
        browser.close()
    rows = rows_from(results, args.html.resolve())
    if args.detail:
        for rel, r in results.items():
            print(f"\n{rel}: {r['bytes'] / 1e3:.0f} kB in {r['requests']} requests")
            for url, size in sorted(r["fetched"].items(), key=lambda kv: -kv[1]):
                print(f"  {size / 1e3:8.1f} kB  {urlparse(url).path}")
    print(render(rows))
    return 1 if any(r.ok is False for r in rows) else 0


if __name__ == "__main__":
    sys.exit(main())
