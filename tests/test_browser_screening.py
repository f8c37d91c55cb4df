"""Chapter 'Before and around treatment' in real Chromium with no kernel and no network: the HBV serology
interpreter and the vaccine timing planner respond to clicks (the knowledge check, like every chapter's, is
tested from the data in tests/test_browser.py; the page-size budget for every page is in tests/test_bench.py)."""

from __future__ import annotations

import pytest

from course_tools.testing.browser_support import assert_clean, open_page, visible_text, wait_visible_text

pytestmark = pytest.mark.browser
PAGE = "chapters/10_before_and_around_treatment.html"
HBV, VAC = ".course-hbv-serology", ".course-vaccine-timing"


def open_chapter(page, base):
    open_page(page, f"{base}{PAGE}")
    for root in (HBV, VAC):
        page.locator(f"{root} .course-choices input").first.wait_for(state="visible", timeout=15_000)


def marker(page, n: int, value: str):
    page.locator(f"{HBV} .course-choices").nth(n).get_by_role("radio", name=value, exact=True).check()


def test_interpreter_reads_the_panel_step_by_step(offline_page, book_server):
    page = offline_page
    open_chapter(page, book_server)
    assert "Teaching tool, not clinical decision support" in visible_text(page, f"{HBV} .course-disclaimer")
    assert "HBsAg negative · anti-HBc negative · anti-HBs negative" in visible_text(page, f"{HBV} .course-hbv-pattern")
    assert "No band" in visible_text(page, f"{HBV} .course-hbv-band")
    # recovered past infection, on rituximab (the first drug class): high
    marker(page, 1, "Positive")
    marker(page, 2, "Positive")
    wait_visible_text(page, f"{HBV} .course-hbv-pattern", "anti-HBc positive · anti-HBs positive")
    assert "Recovered from a past infection" in visible_text(page, f"{HBV} .course-panel")
    wait_visible_text(page, f"{HBV} .course-hbv-band", "Band: High")
    # anti-HBs negative: the meaning changes, the band does not
    marker(page, 2, "Negative")
    wait_visible_text(page, f"{HBV} .course-panel", "Isolated anti-HBc")
    assert "Band: High" in visible_text(page, f"{HBV} .course-hbv-band")
    # methotrexate and the other conventional drugs: low
    page.locator(f"{HBV} .widget-radio-box label").filter(has_text="Conventional immunosuppressants").click()
    wait_visible_text(page, f"{HBV} .course-hbv-band", "Band: Low")
    assert "No routine antiviral prophylaxis" in visible_text(page, f"{HBV} .course-panel")
    assert_clean(page)


def test_planner_answers_for_a_drug_and_a_vaccine(offline_page, book_server):
    page = offline_page
    open_chapter(page, book_server)
    planner = page.locator(VAC)
    assert "Teaching tool, not clinical decision support" in visible_text(page, f"{VAC} .course-disclaimer")
    wait_visible_text(page, f"{VAC} .course-verdict", "Give, then hold or delay the drug")  # rituximab, influenza
    planner.get_by_role("radio", name="Methotrexate", exact=True).check()
    wait_visible_text(page, f"{VAC} .course-panel", "hold methotrexate for 2 weeks after the vaccine")
    planner.get_by_role("radio", name="Live attenuated", exact=True).check()
    wait_visible_text(page, f"{VAC} .course-verdict", "Defer")
    planner.get_by_role("radio", name="C5 inhibitor", exact=True).check()
    planner.get_by_role("radio", name="Meningococcal (ACWY and B)", exact=True).check()
    wait_visible_text(page, f"{VAC} .course-verdict", "Complete before the first dose")
    assert "at least 2 weeks before the first dose" in visible_text(page, f"{VAC} .course-panel")
    assert_clean(page)
