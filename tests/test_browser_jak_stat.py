"""Chapter 5's JAK-STAT map in real Chromium on the built page, with no kernel: the explanation is hidden until
opened, and choosing a cytokine family switches to its receptor's JAKs and the inhibitors acting on them."""

from __future__ import annotations

import pytest

from course_tools.testing.browser_support import assert_clean, open_page, visible_text, wait_visible_text

pytestmark = pytest.mark.browser

PANEL = ".course-jak-stat .course-panel"


def test_jak_stat_map_switches_panels_with_no_kernel(offline_page, book_server):
    page = offline_page
    open_page(page, f"{book_server}chapters/05_cytokines.html")
    w = page.locator(".course-jak-stat")
    w.locator(".course-choices input").first.wait_for(state="visible", timeout=15_000)
    # the first family is shown at load: gamma-chain cytokines, JAK1 + JAK3, which TYK2 alone does not reach
    assert "JAK1 + JAK3" in visible_text(page, f"{PANEL} h4")
    first = visible_text(page, PANEL)
    assert "acts on JAK1 and JAK3" in first and "selectivity is relative" in first
    # EPO/TPO use JAK2 alone: only the JAK1/JAK2 inhibitor acts on them, and "not used" is said in words
    w.get_by_role("radio", name="Erythropoietin, thrombopoietin, GM-CSF", exact=True).check()
    wait_visible_text(page, f"{PANEL} h4", "GM-CSF: JAK2")
    epo = visible_text(page, PANEL)
    assert "JAK3: not used" in epo
    rows = {r.split("\t")[0]: r for r in visible_text(page, f"{PANEL} tbody tr").splitlines()}
    assert "acts on JAK2" in rows["Baricitinib (Olumiant)"]
    assert "acts on none" in rows["Tofacitinib (Xeljanz)"] and "acts on none" in rows["Deucravacitinib (Sotyktu)"]
    # IL-12/IL-23: the TYK2 inhibitor now acts, through TYK2
    w.get_by_role("radio", name="IL-12 and IL-23", exact=True).check()
    wait_visible_text(page, f"{PANEL} h4", "IL-12 and IL-23: JAK2 + TYK2")
    rows = {r.split("\t")[0]: r for r in visible_text(page, f"{PANEL} tbody tr").splitlines()}
    assert "acts on TYK2" in rows["Deucravacitinib (Sotyktu)"]
    assert "O'Shea" in visible_text(page, ".course-jak-stat .course-sources")
    assert_clean(page)


def test_jak_stat_explanation_is_hidden_until_opened(offline_page, book_server):
    page = offline_page
    open_page(page, f"{book_server}chapters/05_cytokines.html")
    # a `:class: dropdown` admonition: sphinx-togglebutton hides its body behind a button in the title
    # the JAK-STAT map's explanation (the matrix below it has its own "What you should have seen")
    box = page.locator(".admonition.dropdown", has_text="What you should have seen").filter(
        has_text="GM-CSF use JAK2 alone"
    )
    assert box.count() == 1
    answer = box.get_by_text("GM-CSF use JAK2 alone", exact=False)
    assert not answer.is_visible()
    box.locator(".toggle-button").first.click()
    answer.wait_for(state="visible", timeout=5_000)
    assert_clean(page)
