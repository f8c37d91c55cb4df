"""Plain-Python models: knowledge checks and the chapter 1 therapy-reach model."""

from __future__ import annotations

import pytest

from widgets.models.quiz import load_questions
from widgets.models.therapy_reach import load_therapy_reach


def test_every_question_has_exactly_one_answer_and_feedback_for_every_option():
    questions = load_questions()
    assert questions
    for q in questions:
        assert sum(o.correct for o in q.options) == 1, q.id
        assert all(o.feedback.strip() for o in q.options), q.id
        assert q.options[q.answer_index].correct


def test_feedback_for_out_of_range_choice_is_a_clear_error():
    q = load_questions("autoimmunity")[0]
    with pytest.raises(ValueError, match=r"choice 7 is not one of the 4 options \(0-3\)"):
        q.feedback_for(7)
    with pytest.raises(ValueError):
        q.feedback_for(-1)


def test_unknown_chapter_lists_known_chapters():
    with pytest.raises(KeyError, match="no knowledge-check questions for chapter 'nope'.*autoimmunity"):
        load_questions("nope")


def test_therapy_reach_breadth_by_hand():
    model = load_therapy_reach()
    n = len(model.components)
    assert n == 8
    steroids = model.strategy("glucocorticoids")
    assert steroids.breadth(model.components) == pytest.approx(7 / 8)
    tnf = model.strategy("anti-tnf")
    assert [c.id for c in model.reached(tnf)] == ["tnf"]
    assert len(model.spared(tnf)) == 7
    # Glucocorticoids reach further than any targeted strategy: the point of the chapter's demo.
    assert all(
        s.breadth(model.components) < steroids.breadth(model.components)
        for s in model.strategies
        if s.id != "glucocorticoids"
    )


def test_unknown_strategy():
    with pytest.raises(KeyError, match="unknown strategy 'x'"):
        load_therapy_reach().strategy("x")
