"""Chapter 5 (CAR T) benchmark: widget build time, page size, readiness after load and interaction times.

Usage: .venv/bin/python -m course_tools.bench_cart [BUILT_HTML_DIR]   (default _build/html; build the book first)
Prints each figure against its budget and exits 1 if any budget is exceeded. `measure()` returns the figures."""

from __future__ import annotations

import sys
import time
from pathlib import Path

from course_tools.conventions import BUDGET, HTML

# measure()'s figures -> their budgets in conventions.BUDGET (page size in bytes there, in MB here).
BUDGETS = {
    "build_s": BUDGET["cart_build_s"],
    "page_mb": BUDGET["cart_page_bytes"] / 1e6,
    "ready_s": BUDGET["cart_ready_s"],
    "interaction_ms": BUDGET["cart_interaction_ms"],
}


def measure(html_dir: Path) -> dict[str, float]:
    from playwright.sync_api import sync_playwright

    import widgets
    from course_tools.testing.browser_support import LAUNCH_ARGS, OfflineGuard, find_chromium, serve
    from course_tools.testing.cart_browser import (
        PAGE,
        choose,
        click_through_manufacturing,
        load_chapter,
        move_timeline,
        set_evidence,
        wait_for_widgets,
    )
    from widgets.models.car_t_manufacturing import load_manufacturing

    t0 = time.perf_counter()
    widgets.manufacturing_walkthrough(), widgets.side_effect_timeline(), widgets.grading_explorer()
    out = {"build_s": time.perf_counter() - t0, "page_mb": (html_dir / PAGE).stat().st_size / 1e6}
    with serve(html_dir) as url, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=find_chromium(), headless=True, args=LAUNCH_ARGS)
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        guard = OfflineGuard(context)
        page = guard.watch(context.new_page())
        t0 = time.perf_counter()
        load_chapter(page, url)
        t1 = time.perf_counter()
        wait_for_widgets(page)
        out["load_s"], out["ready_s"] = t1 - t0, time.perf_counter() - t1
        times = click_through_manufacturing(page, [s.title for s in load_manufacturing().steps])
        times += [
            move_timeline(page, "ArrowDown", 2, "Day +2"),
            move_timeline(page, "End", 1, "3 years"),
            set_evidence(page, "Autoimmune studies", "autoimmune studies"),
        ]
        times += [
            choose(page, "course-crs-grading", "Fever", "Fever ≥38 °C", "CRS: Grade 1"),
            choose(page, "course-icans-grading", "Seizure", "Any clinical seizure", "ICANS: Grade 3"),
        ]
        out["interaction_ms"] = max(times)
        out["interaction_mean_ms"] = sum(times) / len(times)
        out["external_requests"] = len(guard.external)
        browser.close()
    return out


def bench_rows(ctx):
    """Rows for `make bench` (course_tools.bench): the CAR T chapter's budgets from issue 3."""
    from course_tools.bench import Row

    ctx.close()  # measure() drives its own Playwright (one sync instance per thread)
    f = measure(ctx.html)
    return [
        Row(
            "car-t: build all three widgets in a kernel",
            f["build_s"],
            "s",
            BUDGETS["build_s"],
            "models and widgets, after the first import of ipywidgets",
        ),
        Row("car-t: chapter page HTML incl. widget state", f["page_mb"] * 1e6, "B", BUDGETS["page_mb"] * 1e6),
        Row("car-t: widgets respond after page load", f["ready_s"], "s", BUDGETS["ready_s"]),
        Row(
            "car-t: slowest in-browser interaction",
            f["interaction_ms"],
            "ms",
            BUDGETS["interaction_ms"],
            f"mean {f['interaction_mean_ms']:.1f} ms",
        ),
    ]


def main() -> int:
    html_dir = Path(sys.argv[1]) if len(sys.argv) > 1 else HTML
    if not (html_dir / "chapters" / "06_car_t.html").exists():
        print(f"bench_cart: {html_dir}/chapters/06_car_t.html not found; build the book first (make book)")
        return 1
    figures = measure(html_dir)
    failed = False
    for key, value in figures.items():
        budget = BUDGETS.get(key)
        verdict = "" if budget is None else ("ok" if value <= budget else "OVER BUDGET")
        failed |= verdict == "OVER BUDGET"
        print(f"car-t {key:22s} {value:10.3f}" + (f"   budget {budget:g}  {verdict}" if budget is not None else ""))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
