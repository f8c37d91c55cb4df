"""Chromium probes for widgets as people see them (issue 16), shared by tests/test_widget_layout.py and
course_tools/screenshots.py: text cut off inside a control, a widget wider than the page, diagram text too small to
read. Each returns a list of findings (one short description per element), so a test asserts it is empty and
a maintainer can count them before and after a change."""

from __future__ import annotations

from course_tools.conventions import is_deck
from course_tools.testing.page_audit import built_pages, has_widgets

# Only what the reader can see counts: an element in a hidden Stack panel has no layout box.
_VISIBLE = "const shown = e => e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden';"

# A visible widget button, label, option or readout narrower than its own text: the reader sees "Oncology prod…".
TRUNCATED_JS = (
    "() => {"
    + _VISIBLE
    + """
  const sel = 'button, label, .widget-label, .widget-readout, option, select';
  return [...document.querySelectorAll('.course-widget')].flatMap(r => [...r.querySelectorAll(sel)])
    .filter((e, i, all) => all.indexOf(e) === i && shown(e) && e.scrollWidth > e.clientWidth)
    .map(e => `${e.className || e.tagName.toLowerCase()}: ${JSON.stringify((e.innerText || e.value || '')
      .trim().slice(0, 60))} (${e.clientWidth}px shown of ${e.scrollWidth}px)`);
}"""
)

# Anything in a widget that reaches past the page's right edge: the widget itself, or a part of it that is cut
# off or pushes the page sideways. A part inside a box that scrolls sideways and itself fits the page (a wide
# table or diagram with its visible cue) is fine: the reader scrolls it. (The theme's own markup is not probed.)
TOO_WIDE_JS = (
    "() => {"
    + _VISIBLE
    + """
  const page = document.documentElement.clientWidth;
  const scrolls = (e, root) => { for (let a = e.parentElement; a && a !== root.parentElement; a = a.parentElement)
      if (['auto', 'scroll'].includes(getComputedStyle(a).overflowX))
        return a.getBoundingClientRect().right <= page + 0.5;
    return false; };
  const name = r => r.className.split(' ').filter(c => c.startsWith('course-') && c !== 'course-widget').join(' ');
  return [...document.querySelectorAll('.course-widget')]
    .filter(r => !r.parentElement.closest('.course-widget') && shown(r)).flatMap(r => {
      const out = [...r.querySelectorAll('*')].filter(e => shown(e) && e.getBoundingClientRect().right > page + 0.5
        && !scrolls(e, r));
      if (r.getBoundingClientRect().right > page + 0.5) out.unshift(r);
      return out.length ? [`${name(r)}: ${out.length} element(s) reach past the ${page}px page, e.g. `
        + `${out[0].tagName.toLowerCase()}.${String(out[0].className.baseVal ?? out[0].className).split(' ')[0]}`
        + ` to ${Math.round(out[0].getBoundingClientRect().right)}px`] : [];
    });
}"""
)

# Text inside a widget's SVG diagram rendered smaller than `min_px` (font size times the SVG's on-screen scale).
SMALL_SVG_TEXT_JS = (
    "(minPx) => {"
    + _VISIBLE
    + """
  return [...document.querySelectorAll('.course-widget svg text')].filter(shown).map(t => {
    const ctm = t.getScreenCTM();
    const scale = ctm ? Math.hypot(ctm.b, ctm.d) : 1;
    return [t, parseFloat(getComputedStyle(t).fontSize) * scale];
  }).filter(([t, px]) => px < minPx - 0.01)
    .map(([t, px]) => `${JSON.stringify(t.textContent.trim().slice(0, 40))} at ${px.toFixed(1)}px`);
}"""
)


# The whole page, not only its widgets (issue 16, item 2): on a phone nothing makes the reader scroll sideways.
PAGE_SCROLLS_SIDEWAYS_JS = """() => {
  const s = document.scrollingElement, over = s.scrollWidth - s.clientWidth;
  return over > 0 ? [`the page scrolls sideways by ${over}px (scrollWidth ${s.scrollWidth} > clientWidth `
    + `${s.clientWidth})`] : [];
}"""


def is_book_page(rel: str) -> bool:
    """A built page of the book a reader opens (decks and handouts have their own tests)."""
    return not is_deck(rel) and not rel.startswith("handouts/")


def book_pages(html_dir) -> list[str]:
    """Every built book page a reader opens, from the build."""
    return [rel for rel in built_pages(html_dir) if is_book_page(rel)]


def book_widget_pages(html_dir) -> list[str]:
    """Every built book page with a widget (decks under slides/ have their own test), from the build."""
    return [
        rel
        for rel in built_pages(html_dir)
        if not is_deck(rel) and has_widgets((html_dir / rel).read_text(encoding="utf-8"))
    ]
