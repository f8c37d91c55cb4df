"""Widgets as people see them (issue 16), on every built page that has one (derived from the build, so new
chapters are covered): at a phone's 390 px and a laptop's 1300 px, no visible widget button, label, option or
readout is narrower than its text. The probes live in tests/widget_layout.py; `make screenshots` shows the
same pages to a maintainer."""
from __future__ import annotations

import pytest

from browser_support import OfflineGuard, assert_clean
from page_audit import open_and_wait
from widget_layout import TRUNCATED_JS, book_widget_pages

WIDTHS = (390, 1300)
ROOTS_JS = "() => document.querySelectorAll('.course-widget').length"


def visit(browser, book_server, built_book, width: int, probe: str, *args) -> dict[str, list[str]]:
    """{page: findings} of one probe on every widget page at one width, in a guarded context."""
    pages = book_widget_pages(built_book)
    assert pages, "no widget pages in the build"
    context = browser.new_context(viewport={"width": width, "height": 900})
    guard = OfflineGuard(context)
    page = context.new_page()
    found, roots = {}, 0
    for rel in pages:
        open_and_wait(page, book_server + rel)
        roots += page.evaluate(ROOTS_JS)
        found[rel] = page.evaluate(probe, *args)
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
    page.set_content("<div class='course-widget'><button style='width:60px;overflow:hidden;white-space:nowrap'>"
                     "Oncology product labels</button><button>OK</button></div>")
    found = page.evaluate(TRUNCATED_JS)
    context.close()
    assert len(found) == 1 and "Oncology prod" in found[0]


@pytest.mark.browser
@pytest.mark.parametrize("width", WIDTHS)
def test_no_widget_text_is_truncated(browser, book_server, built_book, width):
    found = visit(browser, book_server, built_book, width, TRUNCATED_JS)
    assert not any(found.values()), report(found, width)
