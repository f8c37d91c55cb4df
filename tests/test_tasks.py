"""Tasks that do what an objective says (issue 15 item 3): the ordering task, driven in Python; the data checks
that keep it honest. tests/test_browser_assessment.py drives it in Chromium with no kernel."""

from __future__ import annotations

import pytest

import widgets
from widgets.data import DataError
from widgets.models.ordering import load_ordering_tasks, ordering_task

TASK = "car-t-manufacturing-order"


def test_the_manufacturing_task_has_the_walkthroughs_eleven_steps_in_its_order():
    from widgets.models.car_t_manufacturing import load_manufacturing

    task = ordering_task(TASK)
    assert [s.text for s in task.steps] == [s.title for s in load_manufacturing().steps]
    assert [s.id for s in task.shown] != [s.id for s in task.steps]


def test_each_step_says_right_earlier_or_later():
    task = ordering_task(TASK)
    assert task.verdict("expansion", 6) == "right"
    assert task.verdict("expansion", 9) == "earlier"
    assert task.verdict("infusion", 1) == "later"
    with pytest.raises(ValueError, match="position 12 is not one of 1-11"):
        task.verdict("infusion", 12)
    with pytest.raises(KeyError, match="has no step 'nope'"):
        task.verdict("nope", 1)


def test_the_widget_shows_feedback_per_step_and_nothing_before_a_choice():
    w = widgets.ordering_task(TASK)
    assert [c.description for c in w.controls.values()] == [s.text for s in ordering_task(TASK).shown]
    assert all(c.index == 0 and c.label == "Position…" for c in w.controls.values())
    assert "course-feedback" not in w.rows["expansion"].visible_leaf().value
    shown = w.place("lymphodepletion", 9)
    assert "✔ Yes, step 9." in shown and "released product" in shown
    assert "✘ Not step 2." in w.place("lymphodepletion", 2) and "comes later" in w.place("lymphodepletion", 2)


def test_a_shown_order_that_gives_the_answer_away_is_refused(course_content):  # noqa: F811
    def edit(doc):
        r = doc["records"][0]
        r["shown_order"] = [s["id"] for s in r["steps"]]

    course_content.patch("ordering_tasks", edit)
    with pytest.raises(DataError, match="field 'shown_order': shows the steps in the right order"):
        load_ordering_tasks()


def test_a_shown_order_missing_a_step_is_refused(course_content):  # noqa: F811
    course_content.patch("ordering_tasks", lambda d: d["records"][0]["shown_order"].pop())
    with pytest.raises(DataError, match="field 'shown_order': must list each step id once"):
        load_ordering_tasks()


def test_the_decision_case_shows_the_result_and_explains_each_decision():
    w = widgets.decision_case("thiopurine-poor-metaboliser")
    assert w.choice.buttons.value is None
    story = w.children[0].value
    assert "TPMT and NUDT15 genotype" in story and "<td>Poor metaboliser</td>" in story  # the result as a table
    assert "✔ Correct." in w.decide(2) and "non-thiopurine" in w.decide(2)
    assert "✘ Not quite." in w.decide(1) and "intermediate" in w.decide(1)
    with pytest.raises(ValueError, match="option 4 is not one of 0-3"):
        w.decide(4)


def test_the_treatment_plan_gives_feedback_per_item_both_ways():
    from widgets.models.decisions import treatment_plan

    plan = treatment_plan("ocrelizumab-start")
    w = widgets.treatment_plan("ocrelizumab-start")
    for k, item in enumerate(plan.items):
        right, wrong = w.choose(k, item.include), w.choose(k, not item.include)
        assert "✔ Right" in right and "✘" in wrong, item.text
    assert "✘ Leave it out." in w.choose(2, True)
    assert "✘ It belongs in the plan." in w.choose(0, False)
    with pytest.raises(ValueError, match="item 9 is not one of 0-4"):
        w.choose(9, True)


def test_a_plan_with_only_items_that_belong_is_refused(course_content):  # noqa: F811
    from widgets.models.decisions import load_treatment_plans

    course_content.patch("treatment_plans", lambda d: [i.update(include=True) for i in d["records"][0]["items"]])
    with pytest.raises(DataError, match="field 'items': list items that belong in the plan and items that do not"):
        load_treatment_plans()


def test_a_decision_case_needs_exactly_one_decision(course_content):  # noqa: F811
    from widgets.models.decisions import load_decision_cases

    course_content.patch("decision_cases", lambda d: d["records"][0]["options"][0].update(correct=True))
    with pytest.raises(DataError, match="exactly one option must have correct: true \\(the decision\\), found 2"):
        load_decision_cases()
