"""The decks on a projector (issue 16, item 7): walk every slide of every deck at 1280 x 720 with transitions off
and every fragment shown, and report what the audience cannot see (an element outside the slide's box, or
cut off by a scroll box) and diagram text too small to read from the back of a room. Shared by
tests/test_deck_layout.py and anyone counting before and after a change (`python -m course_tools.testing.deck_layout`).
"""

from __future__ import annotations

import sys

from course_tools.conventions import chapter_notebooks, deck_path
from course_tools.testing.page_audit import FITTED, WIDGETS_RENDERED_JS
from widgets.views.presentation import DECK_SCROLL_CLASS, DECK_SCROLL_CUE_CLASS, PRESENTATION_DIAGRAM_TEXT_PX

PROJECTOR = {"width": 1280, "height": 720}

# Findings on one slide: `slide` is the <section> shown, `box` the slide's box on screen (reveal.js scales the
# deck's logical size into the window). An element counts when it has a layout box and is not hidden; it is
# cut off when it reaches past the slide's box, or past a box inside the slide that clips or scrolls it (the
# audience does not see what a lecturer would have to scroll to). One exception, deck_fit.js's last resort: a
# scroll panel (DECK_SCROLL_CLASS) right under a cue that is shown and says so (DECK_SCROLL_CUE_CLASS) may hold
# more than it shows; the panel and the cue must fit the slide, and a box inside the panel that cuts its content
# still counts. Such panels are counted (`scroll`). 1 px of slack absorbs sub-pixel rounding.
SLIDE_FINDINGS_JS = (
    """([slide, minPx]) => {
  const box = document.querySelector('.reveal .slides').getBoundingClientRect();
  // (a closed <details> keeps boxes for its hidden content in Chromium: only its summary shows)
  const closed = e => { const d = e.closest('details:not([open])'); return !!d && d !== e && !e.closest('summary'); };
  const shown = e => e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden' && !closed(e);
  const cued = p => { const c = p.previousElementSibling;
    return !!c && c.matches('."""
    + DECK_SCROLL_CUE_CLASS
    + """') && shown(c) && /scrolls/i.test(c.textContent); };
  const panels = [...slide.querySelectorAll('."""
    + DECK_SCROLL_CLASS
    + """')].filter(p => shown(p) && cued(p));
  const outside = (r, b) => r.left < b.left - 1 || r.top < b.top - 1
    || r.right > b.right + 1 || r.bottom > b.bottom + 1;
  const clips = e => { const s = getComputedStyle(e); return s.overflowX !== 'visible' || s.overflowY !== 'visible'; };
  const label = e => {
    const cls = String(e.className.baseVal ?? e.className).split(' ').filter(Boolean)[0];
    const text = (e.textContent || '').trim().replace(/\\s+/g, ' ').slice(0, 40);
    return `${e.tagName.toLowerCase()}${cls ? '.' + cls : ''} ${JSON.stringify(text)}`;
  };
  const cut = new Map();
  for (const e of slide.querySelectorAll('*')) {
    if (!shown(e) || e.closest('aside.notes')) continue;
    const r = e.getBoundingClientRect();
    if (r.width < 1 || r.height < 1) continue;
    const past = Math.round(Math.max(r.bottom - box.bottom, r.right - box.right));
    const panel = panels.find(p => p !== e && p.contains(e));  // seen by scrolling its cued panel
    let why = !panel && outside(r, box) ? `outside the slide, ${past}px past it` : null;
    for (let a = e.parentElement; !why && a && a !== (panel || slide.parentElement); a = a.parentElement)
      if (clips(a) && outside(r, a.getBoundingClientRect())) why = `cut off by ${label(a).split(' ')[0]}`;
    if (why) cut.set(e, why);
  }
  // Name the innermost elements cut off (a paragraph, a table row), not each box around them.
  const leaves = [...cut].filter(([e]) => ![...cut.keys()].some(o => o !== e && e.contains(o)))
    .map(([e, why]) => `${label(e)} ${why}`);
  const small = [...slide.querySelectorAll('.course-widget svg text')].filter(shown).map(t => {
    const ctm = t.getScreenCTM();
    return [t, parseFloat(getComputedStyle(t).fontSize) * (ctm ? Math.hypot(ctm.b, ctm.d) : 1)];
  }).filter(([, px]) => px < minPx - 0.01)
    .map(([t, px]) => `${JSON.stringify(t.textContent.trim().slice(0, 40))} at ${px.toFixed(1)}px`);
  return {cut: leaves, small, scroll: panels.length};
}"""
)

# Every slide, in order, with transitions off and all its fragments shown; one record per slide.
WALK_JS = (
    """async (minPx) => {
  const probe = """
    + SLIDE_FINDINGS_JS
    + """;
  Reveal.configure({transition: 'none', backgroundTransition: 'none', fragments: true});
  const frame = () => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));
  const out = [];
  for (const slide of Reveal.getSlides()) {
    const {h, v} = Reveal.getIndices(slide);
    Reveal.slide(h, v, -1);
    while (Reveal.nextFragment()) { /* show them all */ }
    if (window.MathJax && MathJax.startup && MathJax.startup.promise) await MathJax.startup.promise;
    await frame();
    const heading = slide.querySelector('h1, h2, h3, h4');
    const title = heading ? heading.textContent.replace('\u00b6', '').trim().slice(0, 60) : '';
    out.push({h, v, title, ...probe([slide, minPx])});
  }
  return out;
}"""
)


def walk_deck(page, url: str, min_px: float = PRESENTATION_DIAGRAM_TEXT_PX) -> list[dict]:
    """Open a deck and return one record per slide: {h, v, title, cut: [...], small: [...]}."""
    from course_tools.bench_slides import READY

    page.goto(url, wait_until="commit")
    page.wait_for_function(READY, timeout=30_000)
    page.wait_for_function(WIDGETS_RENDERED_JS, timeout=30_000)
    page.wait_for_function(FITTED, timeout=30_000)
    page.wait_for_load_state("load")
    return page.evaluate(WALK_JS, min_px)


def describe(doc: str, slides: list[dict]) -> list[str]:
    """One line per slide with a finding, naming the deck, the slide and its first few findings."""
    lines = []
    for s in slides:
        for kind, items in (("cut off", s["cut"]), ("small diagram text", s["small"])):
            if items:
                where = f"{deck_path(doc)}#/{s['h']}/{s['v']} {s['title']!r}"
                lines.append(f"{where}: {len(items)} {kind}, e.g. {'; '.join(items[:3])}")
    return lines


def count(walks: dict[str, list[dict]]) -> dict[str, int]:
    """Slides in all, slides that do not fit, slides with small diagram text, and slides that fit only with a
    cued scroll panel (issue 16's before/after figures)."""
    slides = [s for w in walks.values() for s in w]
    return {
        "slides": len(slides),
        "do_not_fit": sum(bool(s["cut"]) for s in slides),
        "small_text": sum(bool(s["small"]) for s in slides),
        "scroll_panel": sum(bool(s.get("scroll")) for s in slides),
    }


def main(argv: list[str] | None = None) -> int:
    """Print every finding and the counts for the decks of a built book (default: _build/html)."""
    import argparse
    from pathlib import Path

    from playwright.sync_api import sync_playwright

    from course_tools.conventions import HTML
    from course_tools.testing.browser_support import LAUNCH_ARGS, OfflineGuard, find_chromium, serve

    parser = argparse.ArgumentParser(description=main.__doc__)
    parser.add_argument("--html-dir", type=Path, default=HTML)
    args = parser.parse_args(argv)
    walks = {}
    with serve(args.html_dir.resolve()) as base, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=find_chromium(), headless=True, args=LAUNCH_ARGS)
        for doc in chapter_notebooks():
            context = browser.new_context(viewport=PROJECTOR)
            OfflineGuard(context)
            walks[doc] = walk_deck(context.new_page(), base + deck_path(doc))
            context.close()
            print("\n".join(describe(doc, walks[doc])) or f"{deck_path(doc)}: every slide fits")
            for s in walks[doc]:
                if s.get("scroll"):
                    print(f"  {deck_path(doc)}#/{s['h']}/{s['v']} {s['title']!r}: {s['scroll']} cued scroll panel(s)")
        browser.close()
    print(count(walks))
    return 0


if __name__ == "__main__":
    sys.exit(main())
