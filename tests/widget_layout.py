"""Chromium probes for widgets as people see them (issue 16), shared by tests/test_widget_layout.py and
tools/screenshots.py: text cut off inside a control, a widget wider than the page, diagram text too small to
read. Each returns a list of findings (one short description per element), so a test asserts it is empty and
a maintainer can count them before and after a change."""
from __future__ import annotations

from page_audit import built_pages, has_widgets

# Only what the reader can see counts: an element in a hidden Stack panel has no layout box.
_VISIBLE = "const shown = e => e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden';"

# A visible widget button, label, option or readout narrower than its own text: the reader sees "Oncology prod…".
TRUNCATED_JS = "() => {" + _VISIBLE + """
  const sel = 'button, label, .widget-label, .widget-readout, option, select';
  return [...document.querySelectorAll('.course-widget')].flatMap(r => [...r.querySelectorAll(sel)])
    .filter((e, i, all) => all.indexOf(e) === i && shown(e) && e.scrollWidth > e.clientWidth)
    .map(e => `${e.className || e.tagName.toLowerCase()}: ${JSON.stringify((e.innerText || e.value || '')
      .trim().slice(0, 60))} (${e.clientWidth}px shown of ${e.scrollWidth}px)`);
}"""

# A widget whose box reaches past the page's right edge, or pushes the page into sideways scrolling. A box that
# scrolls sideways inside the page (a `.course-scroll`, with its visible cue) stays inside the page and is fine.
TOO_WIDE_JS = "() => {" + _VISIBLE + """
  const page = document.documentElement.clientWidth;
  const roots = [...document.querySelectorAll('.course-widget')]
    .filter(r => !r.parentElement.closest('.course-widget') && shown(r));
  const out = roots.filter(r => r.getBoundingClientRect().right > page + 0.5)
    .map(r => `${r.className.split(' ').filter(c => c.startsWith('course-') && c !== 'course-widget').join(' ')}`
              + ` is ${Math.round(r.getBoundingClientRect().right)}px wide on a ${page}px page`);
  if (document.documentElement.scrollWidth > page + 0.5)
    out.push(`the page scrolls sideways: ${document.documentElement.scrollWidth}px on a ${page}px viewport`);
  return out;
}"""

# Text inside a widget's SVG diagram rendered smaller than `min_px` (font size times the SVG's on-screen scale).
SMALL_SVG_TEXT_JS = "(minPx) => {" + _VISIBLE + """
  return [...document.querySelectorAll('.course-widget svg text')].filter(shown).map(t => {
    const ctm = t.getScreenCTM();
    const scale = ctm ? Math.hypot(ctm.b, ctm.d) : 1;
    return [t, parseFloat(getComputedStyle(t).fontSize) * scale];
  }).filter(([t, px]) => px < minPx - 0.01)
    .map(([t, px]) => `${JSON.stringify(t.textContent.trim().slice(0, 40))} at ${px.toFixed(1)}px`);
}"""


def book_widget_pages(html_dir) -> list[str]:
    """Every built book page with a widget (decks under slides/ have their own test), from the build."""
    return [rel for rel in built_pages(html_dir) if not rel.startswith("slides/")
            and has_widgets((html_dir / rel).read_text(encoding="utf-8"))]
