"""Widgets as people see them (issue 16), on every built page that has one (derived from the build, so new
chapters are covered): at a phone's 390 px and a laptop's 1300 px, no visible widget button, label, option or
readout is narrower than its text. The probes live in course_tools/testing/widget_layout.py; `make screenshots` shows
the
same pages to a maintainer."""

from __future__ import annotations

import pytest

from course_tools.testing.browser_support import OfflineGuard, assert_clean
from course_tools.testing.page_audit import open_and_wait
from course_tools.testing.widget_layout import (
    PAGE_SCROLLS_SIDEWAYS_JS,
    SMALL_SVG_TEXT_JS,
    TOO_WIDE_JS,
    TRUNCATED_JS,
    book_pages,
    book_widget_pages,
)
from widgets.views.common import MIN_DIAGRAM_TEXT_PX

WIDTHS = (390, 1300)
ROOTS_JS = "() => document.querySelectorAll('.course-widget').length"


def visit(browser, book_server, built_book, width: int, *probes: str | tuple[str, object]) -> dict[str, list[str]]:
    """{page: findings} of the probes (JS, or (JS, argument)) on every widget page at one width, guarded."""
    pages = book_widget_pages(built_book)
    assert pages, "no widget pages in the build"
    context = browser.new_context(viewport={"width": width, "height": 900})
    guard = OfflineGuard(context)
    page = context.new_page()
    found, roots = {}, 0
    for rel in pages:
        open_and_wait(page, book_server + rel)
        roots += page.evaluate(ROOTS_JS)
        found[rel] = [f for p in probes for f in (page.evaluate(*p) if isinstance(p, tuple) else page.evaluate(p))]
    context.close()
    assert roots, "no widgets rendered: the probe saw nothing"
    assert_clean(guard)
    return found


def report(found: dict[str, list[str]], width: int) -> str:
    return "\n".join(f"{rel} at {width}px: {f}" for rel, items in found.items() for f in items)


@pytest.mark.browser
def test_truncation_probe_catches_a_cut_label(browser):
    """The probe must be able to fail: a 60px button holding a long label is reported, a roomy one is not."""
    context = browser.new_context()
    page = context.new_page()
    page.set_content(
        "<div class='course-widget'><button style='width:60px;overflow:hidden;white-space:nowrap'>"
        "Oncology product labels</button><button>OK</button></div>"
    )
    found = page.evaluate(TRUNCATED_JS)
    context.close()
    assert len(found) == 1 and "Oncology prod" in found[0]


@pytest.mark.browser
@pytest.mark.parametrize("width", WIDTHS)
def test_no_widget_text_is_truncated(browser, book_server, built_book, width):
    found = visit(browser, book_server, built_book, width, TRUNCATED_JS)
    assert not any(found.values()), report(found, width)


@pytest.mark.browser
def test_phone_probes_catch_a_wide_widget_and_small_diagram_text(browser):
    """The probes must be able to fail: a 600px widget on a 390px page, and 12px text in a 400-unit-wide SVG
    squeezed to 200px (6px on screen), are reported; a 300-unit SVG at full size on the page is not."""
    context = browser.new_context(viewport={"width": 390, "height": 800})
    page = context.new_page()
    svg = '<svg viewBox="0 0 {v} 40" width="{w}"><text x="0" y="20" font-size="12">Label</text></svg>'
    page.set_content(f"<div class='course-widget' style='width:600px'>{svg.format(v=400, w=200)}</div>")
    wide, small = page.evaluate(TOO_WIDE_JS), page.evaluate(SMALL_SVG_TEXT_JS, MIN_DIAGRAM_TEXT_PX)
    page.set_content(f"<div class='course-widget'>{svg.format(v=300, w=300)}</div>")
    fine = page.evaluate(TOO_WIDE_JS) + page.evaluate(SMALL_SVG_TEXT_JS, MIN_DIAGRAM_TEXT_PX)
    context.close()
    assert len(wide) == 1 and "reach past the 390px page" in wide[0]
    assert small == ['"Label" at 6.0px'] and not fine


@pytest.mark.browser
def test_on_a_phone_no_widget_is_wider_than_the_page_and_diagram_text_is_readable(browser, book_server, built_book):
    """Issue 16, at 390 px: every widget stays inside the page (a diagram or table too wide for it scrolls in its
    own box), and every visible label in a widget diagram renders at least MIN_DIAGRAM_TEXT_PX tall."""
    found = visit(browser, book_server, built_book, 390, TOO_WIDE_JS, (SMALL_SVG_TEXT_JS, MIN_DIAGRAM_TEXT_PX))
    assert not any(found.values()), report(found, 390)


@pytest.mark.browser
def test_page_probe_catches_a_page_that_scrolls_sideways(browser):
    """The probe must be able to fail: a 600px block on a 390px page is reported, a page that fits is not."""
    context = browser.new_context(viewport={"width": 390, "height": 800})
    page = context.new_page()
    page.set_content("<p>Fits</p><div style='width:600px'>Too wide</div>")
    wide = page.evaluate(PAGE_SCROLLS_SIDEWAYS_JS)
    page.set_content("<p>Fits</p>")
    fine = page.evaluate(PAGE_SCROLLS_SIDEWAYS_JS)
    context.close()
    assert len(wide) == 1 and "scrolls sideways" in wide[0] and not fine


@pytest.mark.browser
def test_on_a_phone_no_book_page_scrolls_sideways(browser, book_server, built_book):
    """Issue 16, items 2-3, the whole page: at 390 px no built book page is wider than the screen
    (document.scrollingElement.scrollWidth > clientWidth), whether or not it has a widget."""
    pages = book_pages(built_book)
    assert len(pages) > len(book_widget_pages(built_book)), "the pages without widgets are missing"
    context = browser.new_context(viewport={"width": 390, "height": 900})
    guard = OfflineGuard(context)
    page = context.new_page()
    found = {}
    for rel in pages:
        open_and_wait(page, book_server + rel)
        found[rel] = page.evaluate(PAGE_SCROLLS_SIDEWAYS_JS)
    context.close()
    assert_clean(guard)
    assert not any(found.values()), report(found, 390)
