"""Chapters 2 and 3 in real Chromium with no kernel and no network: the interactives respond (the knowledge
checks of every chapter are tested from the data in tests/test_browser.py)."""

from __future__ import annotations

import pytest

from course_tools.testing.browser_support import assert_clean, open_page, visible_text, wait_visible_text

pytestmark = pytest.mark.browser


def test_therapy_explorer_filters_with_no_kernel(offline_page, book_server):
    page = offline_page
    open_page(page, f"{book_server}chapters/02_monoclonal_antibodies.html")
    ex = page.locator(".course-therapy-explorer")
    ex.locator(".course-choices input").first.wait_for(state="visible", timeout=15_000)
    assert "Class: anti-CD20" in visible_text(page, ".course-therapy-explorer caption")
    ex.get_by_role("radio", name="By disease", exact=True).check()
    ex.get_by_role("radio", name="Systemic lupus erythematosus", exact=True).check()
    wait_visible_text(page, ".course-therapy-explorer caption", "Approved in Systemic lupus erythematosus")
    table = visible_text(page, ".course-therapy-explorer table")
    assert "Belimumab" in table and "Anifrolumab" in table and "Rituximab" not in table
    assert_clean(page)


def test_concentration_choices_respond_with_no_kernel(offline_page, book_server):
    page = offline_page
    open_page(page, f"{book_server}chapters/02_monoclonal_antibodies.html")
    conc = page.locator(".course-concentration")
    half, interval = conc.locator(".course-choices").nth(0), conc.locator(".course-choices").nth(1)
    half.locator("input").first.wait_for(state="visible", timeout=15_000)
    assert "Half-life 21 days, a dose every 28 days" in visible_text(page, ".course-concentration h4")
    interval.get_by_role("radio", name="14 days", exact=True).check()
    wait_visible_text(page, ".course-concentration h4", "a dose every 14 days")
    half.get_by_role("radio", name="21 days", exact=True).focus()
    page.keyboard.press("ArrowRight")  # the keyboard path too: half-life 21 -> 28 days
    wait_visible_text(page, ".course-concentration h4", "Half-life 28 days, a dose every 14 days")
    svg_title = visible_text(page, ".course-concentration .course-panel p")
    assert "half-lives" in svg_title
    assert_clean(page)


def test_t_cell_switches_and_drugs_respond_with_no_kernel(offline_page, book_server):
    page = offline_page
    open_page(page, f"{book_server}chapters/04_checkpoints.html")
    tc = page.locator(".course-t-cell")
    tc.locator(".course-choices input").first.wait_for(state="visible", timeout=15_000)
    assert "Activated" in visible_text(page, ".course-t-cell h4")
    tc.get_by_role("radio", name="Abatacept (CTLA-4-Ig)", exact=True).check()
    wait_visible_text(page, ".course-t-cell h4", "antigen without co-stimulation")
    # PD-1 engaged (4th switch: On), then anti-PD-1 releases it
    tc.locator(".course-choices").nth(3).get_by_role("radio", name="On", exact=True).check()
    tc.get_by_role("radio", name="Anti-PD-1 (cancer drug)", exact=True).check()
    wait_visible_text(page, ".course-t-cell .course-panel", "releases the PD-1 brake")
    # no signal 1: nothing happens, whatever the drug
    tc.locator(".course-choices").nth(0).get_by_role("radio", name="Off", exact=True).check()
    wait_visible_text(page, ".course-t-cell h4", "has not seen its antigen")
    assert_clean(page)
