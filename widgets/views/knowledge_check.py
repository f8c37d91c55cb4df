"""Knowledge check: each answer option reveals feedback for that answer; no kernel needed.

The running score under the questions is kept by a Python observer in a live kernel, and on the static page
(no kernel) by a small local script, course_tools/static/course-assessment.js, which reads the visible feedback panels
and fills the template carried by the score element (widgets.models.quiz.SCORE_TEMPLATE).
"""

from __future__ import annotations

import ipywidgets as ipw

from widgets.models.quiz import SCORE_TEMPLATE, Option, Question, letter, load_questions, score_text
from widgets.text import escape, markdown_inline, markdown_to_html
from widgets.views.common import ROOT_CLASS, html_panel, sources_html
from widgets.views.panels import ChoicePanels
from widgets.views.presentation import DECK_BREAK_CLASS
from widgets.views.registry import builder


def feedback_panel(option: Option, *, right: str = "✔ Correct.", wrong: str = "✘ Not quite.") -> ipw.HTML:
    """The panel shown when `option` is chosen. Words and a symbol carry the verdict, so it does not depend on
    colour; the CSS class tells the static page's script (course-assessment.js) which verdict is showing."""
    verdict = right if option.correct else wrong
    css = "course-feedback-correct" if option.correct else "course-feedback-wrong"
    return html_panel(
        f'<div class="{css}" role="status"><strong>{verdict}</strong> {markdown_inline(option.feedback)}</div>'
    )


def _feedback_panel(question: Question, index: int) -> ipw.HTML:
    return feedback_panel(question.feedback_for(index))


class KnowledgeCheck(ipw.VBox):
    """All questions of one chapter, each with answer options and per-answer feedback."""

    def __init__(self, questions: list[Question]):
        self.questions = questions
        self.items: list[ChoicePanels] = []
        blocks = []
        for n, q in enumerate(questions, start=1):
            panels = [_feedback_panel(q, i) for i in range(len(q.options))]
            labels = [f"{letter(i)}. {o.text}" for i, o in enumerate(q.options)]
            item = ChoicePanels(labels, panels, description="Your answer:", initial=None)
            item.add_class("course-question")
            self.items.append(item)
            prompt = ipw.HTML(
                f'<div class="course-prompt"><strong>Question {n}.</strong> {markdown_to_html(q.prompt)}</div>'
            )
            if n > 1:
                prompt.add_class(DECK_BREAK_CLASS)  # one question per slide in a deck
            blocks += [prompt, item, ipw.HTML(sources_html(q.sources))]
        self.score = ipw.HTML()
        self.score.add_class("course-score-box")
        self._show_score()
        for item in self.items:
            item.buttons.observe(lambda _change: self._show_score(), names="value")
        super().__init__(children=[*blocks, self.score])
        self.add_class(ROOT_CLASS)
        self.add_class("course-knowledge-check")

    def _show_score(self) -> None:
        text = score_text(self.questions, [item.buttons.value for item in self.items])
        self.score.value = (
            f'<p class="course-score" role="status" aria-live="polite" '
            f'data-template="{escape(SCORE_TEMPLATE)}">{escape(text)}</p>'
        )

    def answer(self, question_number: int, option: int) -> str:
        """Choose an answer from Python (tests, live kernel); returns the feedback text shown."""
        if not 1 <= question_number <= len(self.items):
            raise ValueError(f"question {question_number} does not exist: choose 1-{len(self.items)}")
        q = self.questions[question_number - 1]
        q.feedback_for(option)  # clear error for an out-of-range option
        self.items[question_number - 1].select(option)
        return self.items[question_number - 1].stack.children[option].value


@builder(interactive=True, data_prose=True)
def knowledge_check(chapter: str) -> KnowledgeCheck:
    """The knowledge check for one chapter, from data/knowledge_checks.yaml."""
    return KnowledgeCheck(load_questions(chapter))
