"""Assessment on the built pages in real Chromium, with no kernel and no network. On the CAR T page (the
exemplar): the knowledge check's running score follows the answers, and each "What you should have seen" stays
hidden until its prediction is chosen (or its dropdown is opened), while the other explanations stay hidden. On
every chapter with predictions: each explanation waits for its own prediction."""

from __future__ import annotations

import re

import nbformat
import pytest

from course_tools.conventions import ROOT, chapter_notebooks
from course_tools.testing.browser_support import assert_clean, open_page, wait_visible_text
from widgets.models.quiz import letter, load_questions

pytestmark = pytest.mark.browser
PAGE = "chapters/06_car_t.html"
SCORE = ".course-knowledge-check .course-score"


def _score(page) -> str:
    box = page.locator(SCORE)
    box.wait_for(state="visible", timeout=15_000)
    return box.inner_text()


def test_running_score_follows_the_answers_with_no_kernel(offline_page, book_server):
    page = offline_page
    open_page(page, book_server + PAGE)
    questions = load_questions("car-t")
    n = len(questions)
    items = page.locator(".course-knowledge-check .course-question")
    items.first.locator(".course-choices input").first.wait_for(state="visible", timeout=15_000)
    assert _score(page) == f"Score: 0 of {n} correct (0 answered)"

    def click(q: int, option: int) -> None:
        label = f"{letter(option)}. {questions[q].options[option].text}"
        items.nth(q).get_by_role("radio", name=label, exact=True).check()

    click(0, questions[0].answer_index)
    wait_visible_text(page, SCORE, f"Score: 1 of {n} correct (1 answered)")
    wrong = (questions[1].answer_index + 1) % 4
    click(1, wrong)
    wait_visible_text(page, SCORE, f"Score: 1 of {n} correct (2 answered)")
    click(1, questions[1].answer_index)  # changing an answer re-scores it
    wait_visible_text(page, SCORE, f"Score: 2 of {n} correct (2 answered)")
    assert_clean(page)


def _explanation_shown(page, i: int) -> bool:
    """Whether any paragraph of the i-th explanation's body is visible (sphinx-togglebutton hides a closed
    dropdown's body with visibility: hidden and no height)."""
    body = page.locator(".course-explanation").nth(i).locator("p:not(.admonition-title)")
    return any(body.nth(k).is_visible() for k in range(body.count()))


def _explanation_text(page, i: int) -> str:
    return page.evaluate("(i) => document.querySelectorAll('.course-explanation')[i].textContent", i)


def test_explanations_stay_hidden_until_a_prediction_is_chosen(offline_page, book_server):
    page = offline_page
    open_page(page, book_server + PAGE)
    preds = page.locator(".course-prediction")
    preds.first.locator(".course-choices input").first.wait_for(state="visible", timeout=15_000)
    assert preds.count() == 3 and page.locator(".course-explanation").count() == 3
    assert "Expansion is the longest manufacturing step" in _explanation_text(page, 0)
    assert not any(_explanation_shown(page, i) for i in range(3))
    # none of the first explanation's sentences is on screen anywhere before the choice
    assert not page.get_by_text("Expansion is the longest manufacturing step").first.is_visible()

    preds.nth(0).locator(".course-choices input").first.click()  # a wrong prediction also opens it
    preds.nth(0).locator(".course-feedback-wrong").first.wait_for(state="visible", timeout=5_000)
    page.locator(".course-explanation").nth(0).locator("p:not(.admonition-title)").first.wait_for(
        state="visible", timeout=5_000
    )
    assert page.get_by_text("Expansion is the longest manufacturing step").first.is_visible()
    assert not _explanation_shown(page, 1) and not _explanation_shown(page, 2)

    # the dropdown is also the "show the explanation" toggle, with no prediction made
    page.locator(".course-explanation").nth(2).locator(".admonition-title").click()
    page.locator(".course-explanation").nth(2).locator("p:not(.admonition-title)").first.wait_for(
        state="visible", timeout=5_000
    )
    assert not _explanation_shown(page, 1)
    assert_clean(page)


# ---- every chapter's committed predictions, from the notebooks -------------------------------------------------
PREDICTION_CALL = re.compile(r"""widgets\.prediction\(\s*["']([^"']+)["']\s*\)""")


def chapters_with_predictions() -> list[tuple[str, list[str]]]:
    """(chapter doc, prediction ids in page order) for every toc chapter that calls widgets.prediction(...)."""
    found = []
    for doc in chapter_notebooks():
        nb = nbformat.read(ROOT / f"{doc}.ipynb", as_version=4)
        ids = [i for c in nb.cells if c.cell_type == "code" for i in PREDICTION_CALL.findall(c.source)]
        if ids:
            found.append((doc, ids))
    return found


def test_predictions_are_found_in_most_chapters():
    assert len(chapters_with_predictions()) >= 8, [d for d, _ in chapters_with_predictions()]


@pytest.mark.parametrize("doc, ids", chapters_with_predictions(), ids=[d for d, _ in chapters_with_predictions()])
def test_every_explanation_waits_for_its_own_prediction(offline_page, book_server, doc, ids):
    """On every chapter page: each prediction is followed by its explanation, none of which shows before a choice;
    choosing the k-th prediction (its first option, whether right or wrong) opens the k-th explanation only."""
    page = offline_page
    open_page(page, f"{book_server}{doc}.html")
    preds = page.locator(".course-prediction")
    preds.first.locator(".course-choices input").first.wait_for(state="visible", timeout=15_000)
    n = len(ids)
    assert preds.count() == n and page.locator(".course-explanation").count() == n, doc
    assert not any(_explanation_shown(page, i) for i in range(n)), f"{doc}: an explanation shows before any choice"
    for k in range(n):
        preds.nth(k).locator(".course-choices input").first.click()
        page.locator(".course-explanation").nth(k).locator("p:not(.admonition-title)").first.wait_for(
            state="visible", timeout=5_000
        )
        later = [i for i in range(k + 1, n) if _explanation_shown(page, i)]
        assert not later, f"{doc}: choosing prediction {ids[k]} also opened explanation(s) {later}"
    assert_clean(page)
