"""The built book in real Chromium, served on 127.0.0.1 with every other request refused, and no kernel."""
from __future__ import annotations

import time

import pytest

from browser_support import open_page
from test_book import toc_files

pytestmark = pytest.mark.browser



@pytest.mark.parametrize("doc", toc_files())
def test_every_page_loads_offline_without_errors(offline_page, book_server, doc):
    open_page(offline_page, f"{book_server}{doc}.html")
    guard = offline_page.guard
    assert not guard.external, f"requests left 127.0.0.1: {guard.external}"
    assert not guard.unexpected_errors(), guard.unexpected_errors()


def test_chapter_widget_responds_with_no_kernel(offline_page, book_server):
    page = offline_page
    t0 = time.perf_counter()
    open_page(page, f"{book_server}chapters/01_autoimmunity.html")
    reach = page.locator(".course-therapy-reach")
    reach.locator(".widget-toggle-button").first.wait_for(state="visible", timeout=15_000)
    ready = time.perf_counter() - t0
    heading = reach.locator(".course-panel h4:visible")
    before = heading.first.inner_text()
    reach.get_by_role("button", name="TNF blockade", exact=True).click()
    page.wait_for_function(
        """() => [...document.querySelectorAll('.course-therapy-reach .course-panel h4')]
                 .some(h => h.offsetParent !== null && h.innerText === 'TNF blockade')""", timeout=5_000)
    after = heading.first.inner_text()
    assert before == "Glucocorticoids" and after == "TNF blockade"
    assert not page.guard.external and not page.guard.unexpected_errors()
    print(f"chapter 1 widgets ready in {ready:.2f} s")


def test_knowledge_check_gives_feedback_with_no_kernel(offline_page, book_server):
    page = offline_page
    open_page(page, f"{book_server}chapters/01_autoimmunity.html")
    kc = page.locator(".course-knowledge-check")
    first = kc.locator(".course-question").first
    first.locator(".widget-toggle-button").first.wait_for(state="visible", timeout=15_000)
    assert not first.locator(".course-feedback-correct:visible, .course-feedback-wrong:visible").count()
    first.get_by_role("button", name="Deleting self-reactive T cells in the thymus").click()
    first.locator(".course-feedback-wrong:visible").wait_for(timeout=5_000)
    assert "Not quite" in first.locator(".course-feedback-wrong:visible").inner_text()
    first.locator(".widget-toggle-button").nth(1).click()
    first.locator(".course-feedback-correct:visible").wait_for(timeout=5_000)
    assert "Correct" in first.locator(".course-feedback-correct:visible").inner_text()
