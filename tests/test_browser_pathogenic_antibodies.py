"""The pathogenic-antibodies chapter in real Chromium with no kernel and no network: both interactives switch
panels on a click and the panels say in words what they show (the knowledge check, like every chapter's, is
tested from the data in tests/test_browser.py; the page-size budget for every page is in tests/test_bench.py)."""

from __future__ import annotations

import pytest

from course_tools.testing.browser_support import assert_clean, open_page, visible_text, wait_visible_text
from widgets.models.fcrn_blockade import load_fcrn_model

pytestmark = pytest.mark.browser

PAGE = "chapters/03_pathogenic_antibodies.html"


def test_fcrn_interactive_switches_regimen_and_other_antibody_with_no_kernel(offline_page, book_server):
    page = offline_page
    open_page(page, book_server + PAGE)
    w = page.locator(".course-fcrn-igg")
    w.locator(".course-choices input").first.wait_for(state="visible", timeout=15_000)
    assert "One cycle; other antibody: none" in visible_text(page, ".course-fcrn-igg h4")
    assert "weeks after the last dose" in visible_text(page, ".course-fcrn-igg .course-panel p")
    assert "not clinical decision support" in w.inner_text()

    w.get_by_role("radio", name="Given on day 7", exact=True).check()
    wait_visible_text(page, ".course-fcrn-igg h4", "other antibody: given on day 7")
    model = load_fcrn_model()
    level = model.scenario(0, 1).other_level_ratio()
    assert f"its level is {level:.0%} of what it would be" in visible_text(page, ".course-fcrn-igg .course-panel p")

    w.get_by_role("radio", name="Continuous, every 2 weeks", exact=True).check()
    wait_visible_text(page, ".course-fcrn-igg h4", "Continuous, every 2 weeks; other antibody: given on day 7")
    assert "settles near" in visible_text(page, ".course-fcrn-igg .course-panel p")
    # the chart a reader sees is described in words for a screen reader, for the panel on show
    alt = page.evaluate("""() => [...document.querySelectorAll('.course-fcrn-igg svg[role=img]')]
                           .filter(s => s.getBoundingClientRect().width > 0).map(s => s.getAttribute('aria-label'))""")
    assert len(alt) == 1 and "Continuous, every 2 weeks" in alt[0] and "dashed line" in alt[0]
    assert_clean(page)


def test_complement_interactive_shows_where_each_drug_acts_with_no_kernel(offline_page, book_server):
    page = offline_page
    open_page(page, book_server + PAGE)
    w = page.locator(".course-complement")
    w.locator(".course-choices input").first.wait_for(state="visible", timeout=15_000)
    table = ".course-complement .course-panel table"
    assert "Membrane attack complex (C5b-9)\tForms" in visible_text(page, table)

    w.get_by_role("radio", name="Eculizumab", exact=True).check()
    wait_visible_text(page, ".course-complement h4", "Eculizumab (Soliris)")
    shown = visible_text(page, table)
    assert "Membrane attack complex (C5b-9)\tBlocked" in shown and "Meningococcal boxed warning\tYes" in shown
    assert "Why vaccination is not enough" in visible_text(page, ".course-complement .course-callout")

    w.get_by_role("radio", name="Avacopan", exact=True).check()
    wait_visible_text(page, ".course-complement h4", "Avacopan (Tavneos)")
    shown = visible_text(page, table)
    assert "Membrane attack complex (C5b-9)\tForms" in shown and "C5a signalling to neutrophils\tBlocked" in shown
    assert "Meningococcal boxed warning\tNo" in shown
    assert not visible_text(page, ".course-complement .course-callout")  # that box belongs to the C5 blockers
    assert_clean(page)
