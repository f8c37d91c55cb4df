"""The built book in real Chromium, served on 127.0.0.1 with every other request refused, and no kernel."""

from __future__ import annotations

import html
import re

import nbformat
import pytest
from notebook_runner import ROOT
from test_book import toc_files

from course_tools.conventions import chapter_notebooks
from course_tools.testing.browser_support import assert_clean, open_page
from widgets.models.quiz import letter, load_questions
from widgets.text import markdown_inline

pytestmark = pytest.mark.browser


def test_every_page_loads_offline_without_errors(page_visits):
    """Every built page, in each of tests/page_visits.py's passes that shows it (light and dark at 1300 px, light
    at 390 px), opened with its widgets drawn: the guard saw no request off 127.0.0.1, no page error and no console
    error. (The one place that judges the visits' guard findings.)"""
    passes = {name: visits for name, visits in page_visits.items() if not name.startswith("_")}
    assert set(passes) == {"light", "dark", "phone"}, set(passes)
    unseen = [f"{doc}.html ({name})" for doc in toc_files() for name in passes if f"{doc}.html" not in passes[name]]
    assert not unseen, f"pages of _toc.yml not visited: {unseen}"
    problems = [
        f"{rel} ({name}): {p}" for name, visits in passes.items() for rel, v in visits.items() for p in v["guard"]
    ]
    assert not problems, "\n".join(problems)


def test_chapter_widget_responds_with_no_kernel(offline_page, book_server):
    page = offline_page
    open_page(page, f"{book_server}chapters/01_autoimmunity.html")
    reach = page.locator(".course-therapy-reach")
    reach.locator(".course-choices input").first.wait_for(state="visible", timeout=15_000)
    heading = reach.locator(".course-panel h4:visible")
    before = heading.first.inner_text()
    reach.get_by_role("radio", name="TNF blockade", exact=True).check()
    page.wait_for_function(
        """() => [...document.querySelectorAll('.course-therapy-reach .course-panel h4')]
                 .some(h => h.offsetParent !== null && h.innerText === 'TNF blockade')""",
        timeout=5_000,
    )
    after = heading.first.inner_text()
    assert before == "Glucocorticoids" and after == "TNF blockade"
    assert not page.guard.external and not page.guard.unexpected_errors()


# ---- every knowledge check, from the data ------------------------------------------------------------------
CALL = re.compile(r"""widgets\.knowledge_check\(\s*["']([^"']+)["']\s*\)""")


def knowledge_checks() -> list[tuple[str, str]]:
    """(chapter doc, knowledge-check slug) for every call of widgets.knowledge_check(...) in a toc notebook."""
    found = []
    for doc in chapter_notebooks():
        nb = nbformat.read(ROOT / f"{doc}.ipynb", as_version=4)
        found += [(doc, slug) for c in nb.cells if c.cell_type == "code" for slug in CALL.findall(c.source)]
    return found


def plain(markdown: str) -> str:
    """What the reader reads of a line of Markdown from the data, as Chromium's innerText gives it."""
    return " ".join(html.unescape(re.sub(r"<[^>]+>", "", markdown_inline(markdown))).split())


def test_every_chapter_with_a_knowledge_check_is_found():
    docs = {doc for doc, _ in knowledge_checks()}
    assert {"chapters/01_autoimmunity", "chapters/06_car_t"} <= docs, docs


@pytest.mark.parametrize("doc, slug", knowledge_checks())
def test_knowledge_check_gives_the_feedback_in_the_data_with_no_kernel(offline_page, book_server, doc, slug):
    """For each question: no verdict before an answer; a wrong answer shows its own feedback; the right one
    shows its feedback and hides the wrong one's."""
    page = offline_page
    open_page(page, f"{book_server}{doc}.html")
    checks = page.locator(".course-knowledge-check")
    check = checks.nth([s for d, s in knowledge_checks() if d == doc].index(slug))
    questions = load_questions(slug)
    items = check.locator(".course-question")
    items.first.locator(".course-choices input").first.wait_for(state="visible", timeout=15_000)
    assert items.count() == len(questions)
    for n, q in enumerate(questions):
        item, verdict = items.nth(n), ".course-feedback-correct:visible, .course-feedback-wrong:visible"
        assert not item.locator(verdict).count(), f"{q.id}: a verdict shows before any answer"
        w = next(i for i, o in enumerate(q.options) if not o.correct)
        wrong, right = q.options[w], q.options[q.answer_index]
        # the buttons letter the options (A. ..., as the lecturer guide does)
        item.get_by_role("radio", name=f"{letter(w)}. {wrong.text}", exact=True).check()
        shown = item.locator(".course-feedback-wrong:visible")
        shown.wait_for(timeout=5_000)
        text = " ".join(shown.inner_text().split())
        assert "Not quite" in text and plain(wrong.feedback) in text, (q.id, text)
        item.get_by_role("radio", name=f"{q.answer_letter}. {right.text}", exact=True).check()
        shown = item.locator(".course-feedback-correct:visible")
        shown.wait_for(timeout=5_000)
        text = " ".join(shown.inner_text().split())
        assert "Correct" in text and plain(right.feedback) in text, (q.id, text)
        assert not item.locator(".course-feedback-wrong:visible").count(), f"{q.id}: the wrong verdict stayed"
    assert_clean(page)
