"""Widgets as people see them (issue 16), on every built page that has one (derived from the build, so new
chapters are covered): at a phone's 390 px and a laptop's 1300 px, no visible widget button, label, option or
readout is narrower than its text. The probes live in course_tools/testing/widget_layout.py; `make screenshots` shows
the
same pages to a maintainer."""

from __future__ import annotations

import pytest
from page_visits import LAPTOP, PHONE

from course_tools.testing.widget_layout import (
    PAGE_SCROLLS_SIDEWAYS_JS,
    SMALL_SVG_TEXT_JS,
    TOO_WIDE_JS,
    TRUNCATED_JS,
    book_pages,
    book_widget_pages,
    is_book_page,
)
from widgets.views.common import MIN_DIAGRAM_TEXT_PX


def seen(page_visits, pass_name: str, *probes: str) -> dict[str, list[str]]:
    """{widget page: the findings of the probes} from one pass of tests/page_visits.py ("light" at 1300 px, "phone"
    at 390 px), book pages only (decks have their own layout test)."""
    found = {
        rel: [f for p in probes for f in visit[p]]
        for rel, visit in page_visits[pass_name].items()
        if is_book_page(rel) and "truncated" in visit
    }
    assert found, "no widget pages were visited: the probe saw nothing"
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
@pytest.mark.parametrize(("pass_name", "width"), [("phone", PHONE), ("light", LAPTOP)])
def test_no_widget_text_is_truncated(page_visits, pass_name, width):
    found = seen(page_visits, pass_name, "truncated")
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
def test_on_a_phone_no_widget_is_wider_than_the_page_and_diagram_text_is_readable(page_visits, built_book):
    """Issue 16, at 390 px: every widget stays inside the page (a diagram or table too wide for it scrolls in its
    own box), and every visible label in a widget diagram renders at least MIN_DIAGRAM_TEXT_PX tall."""
    found = seen(page_visits, "phone", "too_wide", "small_text")
    assert set(found) == set(book_widget_pages(built_book)), "not every widget page was visited at 390 px"
    assert not any(found.values()), report(found, PHONE)


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
def test_on_a_phone_no_book_page_scrolls_sideways(page_visits, built_book):
    """Issue 16, items 2-3, the whole page: at 390 px no built book page is wider than the screen
    (document.scrollingElement.scrollWidth > clientWidth), whether or not it has a widget."""
    pages = book_pages(built_book)
    assert len(pages) > len(book_widget_pages(built_book)), "the pages without widgets are missing"
    found = {rel: page_visits["phone"][rel]["sideways"] for rel in pages}
    assert not any(found.values()), report(found, PHONE)
