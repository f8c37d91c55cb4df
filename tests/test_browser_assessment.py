"""Assessment on the built CAR T page in real Chromium, with no kernel and no network: the knowledge check's
running score follows the answers, and each "What you should have seen" stays hidden until its prediction is
chosen (or its dropdown is opened), while the other explanations stay hidden."""

from __future__ import annotations

import pytest

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
    items.first.locator(".widget-toggle-button").first.wait_for(state="visible", timeout=15_000)
    assert _score(page) == f"Score: 0 of {n} correct (0 answered)"

    def click(q: int, option: int) -> None:
        label = f"{letter(option)}. {questions[q].options[option].text}"
        items.nth(q).get_by_role("button", name=label, exact=True).click()

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
    preds.first.locator(".widget-toggle-button").first.wait_for(state="visible", timeout=15_000)
    assert preds.count() == 3 and page.locator(".course-explanation").count() == 3
    assert "Expansion is the longest manufacturing step" in _explanation_text(page, 0)
    assert not any(_explanation_shown(page, i) for i in range(3))
    # none of the first explanation's sentences is on screen anywhere before the choice
    assert not page.get_by_text("Expansion is the longest manufacturing step").first.is_visible()

    preds.nth(0).locator(".widget-toggle-button").first.click()  # a wrong prediction also opens it
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
