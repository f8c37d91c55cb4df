"""Restoring-tolerance chapter in the built book, in Chromium with no kernel and no network: what a reader sees
after each click in the two interactives (its knowledge check is tested from the data with every chapter's, in
tests/test_browser.py)."""

from __future__ import annotations

import pytest

from course_tools.conventions import BUDGET
from course_tools.testing.browser_support import assert_clean, open_page, visible_text, wait_visible_text

pytestmark = pytest.mark.browser

PAGE = "chapters/07_restoring_tolerance.html"
TN10, COMPARE = ".course-tn10", ".course-modality-comparison"


FITS_JS = """(sel) => { const w = document.querySelector(sel);
    return [...w.querySelectorAll('.course-panel *')].filter(e => e.offsetParent !== null)
      .every(e => e.getBoundingClientRect().right <= w.getBoundingClientRect().right + 1); }"""


def open_chapter(page, base_url: str, widget: str) -> None:
    open_page(page, f"{base_url}{PAGE}")
    page.locator(f"{widget} .course-choices input").first.wait_for(state="visible", timeout=15_000)


def test_page_stays_under_the_size_budget(built_book):
    size = (built_book / PAGE).stat().st_size
    print(f"{PAGE}: {size / 1e6:.2f} MB including widget state")
    assert size < BUDGET["page_html_bytes"]


def test_tn10_data_cuts_switch_with_no_kernel(offline_page, book_server):
    page = offline_page
    open_chapter(page, book_server, TN10)
    panel = f"{TN10} .course-panel"
    assert visible_text(page, f"{panel} h4") == "TN-10, 2019: primary analysis"
    first = visible_text(page, panel)
    assert "Difference in median time to diagnosis: 24.0 months" in first and "19 of 44, 43%" in first
    page.locator(TN10).get_by_role("radio", name="2021: extended follow-up", exact=True).check()
    wait_visible_text(page, f"{panel} h4", "2021: extended follow-up")
    second = visible_text(page, panel)
    assert "32.5 months" in second and "24.0 months" not in second and "Still free of diabetes" in second
    page.locator(TN10).get_by_role("radio", name="2024: longest follow-up", exact=True).check()
    wait_visible_text(page, f"{panel} h4", "2024: longest follow-up")
    third = visible_text(page, panel)
    assert "16 of 44, 36%" in third and "4 of 32, 12.5%" in third and "teplizumab delays stage 3 disease" in third
    chart = page.locator(f"{panel} svg[role='img']:visible")
    assert chart.count() == 1 and "Teplizumab 52.2 months" in chart.get_attribute("aria-label")
    assert_clean(page)


def test_modality_comparison_marks_what_matters_with_no_kernel(offline_page, book_server):
    page = offline_page
    open_chapter(page, book_server, COMPARE)
    assert "not clinical decision support" in visible_text(page, f"{COMPARE} .course-teaching-only")
    panel = f"{COMPARE} .course-panel"
    assert visible_text(page, f"{panel} h4") == "A relative at stage 2"
    assert "3 of 7 properties compared" in visible_text(page, f"{panel} caption")
    assert "★" not in visible_text(page, f"{panel} thead")
    widget = page.locator(COMPARE)
    widget.get_by_role("radio", name="Joint pain, no arthritis yet", exact=True).check()
    wait_visible_text(page, f"{panel} h4", "Joint pain, no arthritis yet")
    assert "APIPPRA enrolled exactly this group" in visible_text(page, f"{panel} .course-matters")
    widget.get_by_role("radio", name="Every property", exact=True).check()
    wait_visible_text(page, f"{panel} .course-modality-caption", "all 7 properties of 7 approaches")
    cards = visible_text(page, f"{panel} .course-modality-card h5", sep=" | ")
    assert "Abatacept in people at risk of RA" in cards and "T-cell engager (bispecific antibody)" in cards
    marked = visible_text(page, f"{panel} dt", sep=" | ")
    assert marked.count("★ matters here") == 3 * 7
    widget.get_by_role("radio", name="Lupus that has not responded", exact=True).check()
    wait_visible_text(page, f"{panel} h4", "Lupus that has not responded")
    assert "fludarabine and cyclophosphamide" in visible_text(page, f"{panel} dd")
    assert page.evaluate(FITS_JS, COMPARE), "the cards spill out of the widget"
    widget.get_by_role("radio", name="What matters here", exact=True).check()
    wait_visible_text(page, f"{panel} caption", "3 of 7 properties compared")
    assert "fludarabine and cyclophosphamide" in visible_text(page, f"{panel} tbody")
    assert_clean(page)


def test_modality_comparison_fits_a_phone_in_both_views(offline_page, book_server):
    page = offline_page
    page.set_viewport_size({"width": 390, "height": 844})
    open_chapter(page, book_server, COMPARE)
    widget = page.locator(COMPARE)
    widget.get_by_role("radio", name="Lupus that has not responded", exact=True).check()
    wait_visible_text(page, f"{COMPARE} .course-panel h4", "Lupus that has not responded")
    assert page.evaluate(FITS_JS, COMPARE), "the table of what matters spills out of the widget on a phone"
    widget.get_by_role("radio", name="Every property", exact=True).check()
    wait_visible_text(page, f"{COMPARE} .course-modality-caption", "all 7 properties")
    assert page.evaluate(FITS_JS, COMPARE), "the cards spill out of the widget on a phone"
    assert_clean(page)
