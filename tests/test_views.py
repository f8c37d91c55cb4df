"""Views driven as ipywidgets objects, in Python (the browser tests drive the same widgets with no kernel)."""
from __future__ import annotations

import ipywidgets as ipw
import pytest

import widgets
from data_patch import course_content  # noqa: F401 (a fixture)
from widgets.models.quiz import load_questions
from widgets.views.common import ChoicePanels
from widgets.views.knowledge_check import KnowledgeCheck


def test_choice_panels_are_linked_in_the_browser():
    w = ChoicePanels(["a", "b"], [ipw.HTML("A"), ipw.HTML("B")], description="Pick:")
    assert isinstance(w.link, ipw.widgets.widget_link.Link)  # jslink: works with no kernel
    assert w.link.source == (w.buttons, "index") and w.link.target == (w.stack, "selected_index")
    w.select(1)
    assert w.stack.selected_index == 1 and w.buttons.index == 1
    assert "course-widget" in w._dom_classes
    with pytest.raises(ValueError, match="no panel 5"):
        w.select(5)


def test_choice_panels_reject_mismatched_input():
    with pytest.raises(ValueError, match="2 labels for 1 panels"):
        ChoicePanels(["a", "b"], [ipw.HTML("A")], description="x")
    with pytest.raises(ValueError, match="initial panel 3 out of range"):
        ChoicePanels(["a"], [ipw.HTML("A")], description="x", initial=3)


def test_knowledge_check_feedback_for_right_and_wrong_answers():
    kc = widgets.knowledge_check("autoimmunity")
    assert all(item.buttons.index is None for item in kc.items)  # nothing chosen, no feedback yet
    right = kc.questions[0].answer_index
    wrong = (right + 1) % len(kc.questions[0].options)
    assert "Correct." in kc.answer(1, right)
    assert "Not quite." in kc.answer(1, wrong)
    with pytest.raises(ValueError, match="question 9 does not exist"):
        kc.answer(9, 0)
    with pytest.raises(ValueError, match="is not one of"):
        kc.answer(1, 99)


def test_therapy_reach_panels_have_alt_text_and_sources():
    w = widgets.therapy_reach_explorer()
    assert len(w.stack.children) == len(w.model.strategies)
    for panel, strategy in zip(w.stack.children, w.model.strategies):
        assert 'role="img"' in panel.value and f"{strategy.name} reaches" in panel.value
        assert "Sources:" in panel.value and "https://" in panel.value
    w.select(3)
    assert w.stack.selected_index == 3


def test_data_text_cannot_inject_html(course_content):
    def edit(doc):
        q = doc["records"][0]
        q["prompt"] = "Is <script>alert('x')</script> shown as text?"
        q["options"][0].update(text="<img src=x onerror=alert(1)>", feedback="[link](javascript:alert(1)) stays inert")
    course_content.patch("knowledge_checks", edit)
    kc = KnowledgeCheck(load_questions()[:1])
    html = "".join(c.value for c in kc.children if isinstance(c, ipw.HTML))
    html += "".join(p.value for p in kc.items[0].stack.children)
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert 'href="javascript:' not in html  # the link is left as inert text
    assert "<img" not in html  # the option text with an onerror attribute is never a live element
