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
    w.locator(".course-choices input").first.wait_for(state="visible", timeout=15_000)
    sel = ".course-cytokine-matrix .course-panel h4"
    assert "TNF blockade in Rheumatoid arthritis: ✔ Approved" in visible_text(page, sel)
    w.get_by_role("radio", name="Multiple sclerosis", exact=True).check()
    wait_visible_text(page, sel, "TNF blockade in Multiple sclerosis: ⚠ Harmful")
    w.get_by_role("radio", name="IL-17A", exact=True).check()
    w.get_by_role("radio", name="Crohn's disease", exact=True).check()
    wait_visible_text(page, sel, "IL-17A blockade in Crohn's disease: ⚠ Harmful")
    assert "Hueber" in visible_text(page, ".course-cytokine-matrix .course-sources")
    assert w.locator("table.course-matrix td").count() == 25
    assert_clean(page)


def test_patient_cases_respond_with_no_kernel(offline_page, book_server):
    page = offline_page
    open_page(page, f"{book_server}chapters/08_personalisation.html")
    w = page.locator(".course-patient-cases")
    w.locator(".course-choices input").first.wait_for(state="visible", timeout=15_000)
    w.get_by_role("radio", name="Before azathioprine: TPMT and NUDT15", exact=True).check()
    wait_visible_text(page, ".course-patient-cases .course-panel h4", "Before azathioprine")
    assert not visible_text(page, ".course-patient-cases .course-verdict")  # no result picked yet
    w.get_by_role("radio", name="Poor metaboliser", exact=True).check()
    wait_visible_text(page, ".course-patient-cases .course-verdict", "Consider a drug other than a thiopurine")
    w.get_by_role("radio", name="Intermediate metaboliser", exact=True).check()
    wait_visible_text(page, ".course-patient-cases .course-verdict", "Start at a reduced dose")
    assert "Relling" in visible_text(page, ".course-patient-cases .course-sources")
    assert_clean(page)


def test_safety_checklist_responds_with_no_kernel(offline_page, book_server):
    page = offline_page
    open_page(page, f"{book_server}chapters/09_safety.html")
    w = page.locator(".course-safety-checklist")
    w.locator(".course-choices input").first.wait_for(state="visible", timeout=15_000)
    sel = ".course-safety-checklist .course-panel h4"
    assert "Natalizumab" in visible_text(page, sel)
    w.get_by_role("radio", name="Anti-CD20 antibodies", exact=True).check()
    wait_visible_text(page, sel, "Anti-CD20 antibodies")
    body = visible_text(page, ".course-safety-checklist .course-panel")
    assert "at least 4 weeks" in body and "hepatitis B" in body
    assert_clean(page)
