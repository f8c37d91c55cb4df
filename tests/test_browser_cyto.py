"""Chapters 4, 6 and 7 in real Chromium with no kernel: each interactive responds (the knowledge checks of
every chapter are tested from the data in tests/test_browser.py)."""

from __future__ import annotations

import pytest

from course_tools.testing.browser_support import assert_clean, open_page, visible_text, wait_visible_text

pytestmark = pytest.mark.browser


def test_cytokine_matrix_responds_with_no_kernel(offline_page, book_server):
    page = offline_page
    open_page(page, f"{book_server}chapters/05_cytokines.html")
    w = page.locator(".course-cytokine-matrix")
    w.locator(".widget-toggle-button").first.wait_for(state="visible", timeout=15_000)
    sel = ".course-cytokine-matrix .course-panel h4"
    assert "TNF blockade in Rheumatoid arthritis: ✔ Approved" in visible_text(page, sel)
    w.get_by_role("button", name="Multiple sclerosis", exact=True).click()
    wait_visible_text(page, sel, "TNF blockade in Multiple sclerosis: ⚠ Harmful")
    w.get_by_role("button", name="IL-17A", exact=True).click()
    w.get_by_role("button", name="Crohn's disease", exact=True).click()
    wait_visible_text(page, sel, "IL-17A blockade in Crohn's disease: ⚠ Harmful")
    assert "Hueber" in visible_text(page, ".course-cytokine-matrix .course-sources")
    assert w.locator("table.course-matrix td").count() == 25
    assert_clean(page)


def test_patient_cases_respond_with_no_kernel(offline_page, book_server):
    page = offline_page
    open_page(page, f"{book_server}chapters/08_personalisation.html")
    w = page.locator(".course-patient-cases")
    w.locator(".widget-toggle-button").first.wait_for(state="visible", timeout=15_000)
    w.get_by_role("button", name="Before azathioprine: TPMT and NUDT15", exact=True).click()
    wait_visible_text(page, ".course-patient-cases .course-panel h4", "Before azathioprine")
    assert not visible_text(page, ".course-patient-cases .course-verdict")  # no result picked yet
    w.get_by_role("button", name="Poor metaboliser", exact=True).click()
    wait_visible_text(page, ".course-patient-cases .course-verdict", "Consider a drug other than a thiopurine")
    w.get_by_role("button", name="Intermediate metaboliser", exact=True).click()
    wait_visible_text(page, ".course-patient-cases .course-verdict", "Start at a reduced dose")
    assert "Relling" in visible_text(page, ".course-patient-cases .course-sources")
    assert_clean(page)


def test_safety_checklist_responds_with_no_kernel(offline_page, book_server):
    page = offline_page
    open_page(page, f"{book_server}chapters/09_safety.html")
    w = page.locator(".course-safety-checklist")
    w.locator(".widget-toggle-button").first.wait_for(state="visible", timeout=15_000)
    sel = ".course-safety-checklist .course-panel h4"
    assert "Natalizumab" in visible_text(page, sel)
    w.get_by_role("button", name="Anti-CD20 antibodies", exact=True).click()
    wait_visible_text(page, sel, "Anti-CD20 antibodies")
    body = visible_text(page, ".course-safety-checklist .course-panel")
    assert "at least 4 weeks" in body and "hepatitis B" in body
    assert_clean(page)
