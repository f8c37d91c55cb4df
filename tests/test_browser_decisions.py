"""Every decision case a chapter shows (widgets.decision_case("id") in a toc notebook), clicked in real Chromium on
the built page with no kernel and no network: no verdict before a choice; a wrong decision shows its own feedback
from data/decision_cases.yaml; the right one shows its feedback and hides the wrong one's. Generic, so the decision
cases other chapters add are covered too."""

from __future__ import annotations

import re

import nbformat
import pytest
from notebook_runner import ROOT
from test_browser import plain

from course_tools.conventions import chapter_notebooks
from course_tools.testing.browser_support import assert_clean, open_page
from widgets.models.decisions import decision_case
from widgets.models.quiz import letter

pytestmark = pytest.mark.browser
CALL = re.compile(r"""widgets\.decision_case\(\s*["']([^"']+)["']\s*\)""")
VERDICT = ".course-feedback-correct:visible, .course-feedback-wrong:visible"


def shown_cases() -> dict[str, list[str]]:
    """Each toc notebook's decision cases, in page order."""
    found = {}
    for doc in chapter_notebooks():
        nb = nbformat.read(ROOT / f"{doc}.ipynb", as_version=4)
        ids = [i for c in nb.cells if c.cell_type == "code" for i in CALL.findall(c.source)]
        if ids:
            found[doc] = ids
    return found


def test_the_capstone_decisions_are_found():
    assert len(shown_cases().get("chapters/11_capstone", [])) >= 10


@pytest.mark.parametrize("doc", list(shown_cases()))
def test_every_decision_case_explains_each_choice_with_no_kernel(offline_page, book_server, doc):
    page = offline_page
    open_page(page, f"{book_server}{doc}.html")
    boxes = page.locator(".course-decision-case")
    boxes.first.locator(".course-choices input").first.wait_for(state="visible", timeout=15_000)
    ids = shown_cases()[doc]
    assert boxes.count() == len(ids)
    for n, case_id in enumerate(ids):
        case, box = decision_case(case_id), boxes.nth(n)
        box.scroll_into_view_if_needed()
        assert plain(case.question) in " ".join(box.inner_text().split()), case_id
        assert not box.locator(VERDICT).count(), f"{case_id}: a verdict shows before any choice"
        for w, wrong in enumerate(case.options):
            if wrong.correct:
                continue
            box.get_by_role("radio", name=f"{letter(w)}. {wrong.text}", exact=True).check()
            shown = box.locator(".course-feedback-wrong:visible")
            shown.wait_for(timeout=5_000)
            text = " ".join(shown.inner_text().split())
            assert "Not quite" in text and plain(wrong.feedback) in text, (case_id, w, text)
        right = case.options[case.answer_index]
        box.get_by_role("radio", name=f"{case.answer_letter}. {right.text}", exact=True).check()
        shown = box.locator(".course-feedback-correct:visible")
        shown.wait_for(timeout=5_000)
        assert plain(right.feedback) in " ".join(shown.inner_text().split()), case_id
        assert not box.locator(".course-feedback-wrong:visible").count(), f"{case_id}: the wrong verdict stayed"
    assert_clean(page)
