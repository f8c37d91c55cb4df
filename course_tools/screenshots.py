"""`make screenshots`: a PNG of every built page with a widget, at a phone's 390 px and a laptop's 1300 px, in
the theme's light and dark modes, so a maintainer can look at a change before committing it (issue 16).

Reads the book in _build/html (run `make book` first; `--html-dir` for another build), serves it on
127.0.0.1 and blocks every other request. Writes _build/screenshots/<page>--<width>-<mode>.png (under _build/,
which git ignores: the PNGs are never committed) and prints, per shot, what the layout probes of
course_tools/testing/widget_layout.py find (truncated text, parts past the page, small diagram text)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from course_tools.conventions import ROOT

WIDTHS = (390, 1300)
MODES = ("light", "dark")


def main(argv: list[str] | None = None) -> int:
    from playwright.sync_api import sync_playwright

    from course_tools.testing.browser_support import LAUNCH_ARGS, OfflineGuard, find_chromium, serve
    from course_tools.testing.page_audit import open_and_wait
    from course_tools.testing.widget_layout import SMALL_SVG_TEXT_JS, TOO_WIDE_JS, TRUNCATED_JS, book_widget_pages
    from widgets.views.common import MIN_DIAGRAM_TEXT_PX

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--html-dir", type=Path, default=ROOT / "_build" / "html")
    parser.add_argument("--out", type=Path, default=ROOT / "_build" / "screenshots")
    args = parser.parse_args(argv)
    if not (args.html_dir / "index.html").exists():
        print(f"screenshots: no book in {args.html_dir}; run `make book` first", file=sys.stderr)
        return 2
    chromium = find_chromium()
    if chromium is None:
        print("screenshots: no Chromium found (tools/ensure_browser.sh installs one)", file=sys.stderr)
        return 2
    pages = book_widget_pages(args.html_dir)
    args.out.mkdir(parents=True, exist_ok=True)
    with serve(args.html_dir) as url, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=LAUNCH_ARGS)
        for width in WIDTHS:
            for mode in MODES:
                context = browser.new_context(viewport={"width": width, "height": 900}, color_scheme=mode)
                context.add_init_script(
                    f"if (location.protocol.startsWith('http')) localStorage.setItem('mode', '{mode}');"
                )
                guard = OfflineGuard(context)
                page = context.new_page()
                for rel in pages:
                    open_and_wait(page, url + rel)
                    shot = args.out / f"{Path(rel).stem}--{width}-{mode}.png"
                    page.screenshot(path=str(shot), full_page=True)
                    found = (
                        page.evaluate(TRUNCATED_JS)
                        + page.evaluate(TOO_WIDE_JS)
                        + page.evaluate(SMALL_SVG_TEXT_JS, MIN_DIAGRAM_TEXT_PX)
                    )
                    print(
                        f"{shot.relative_to(ROOT) if shot.is_relative_to(ROOT) else shot}: "
                        f"{len(found)} layout finding(s)" + "".join(f"\n  {f}" for f in found[:5])
                    )
                for problem in guard.problems():
                    print(f"  offline: {problem}")
                context.close()
        browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
