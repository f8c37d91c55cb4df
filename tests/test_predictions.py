"""Committed predictions (issue 15 item 3), in the notebooks and the decks; tests/test_browser_assessment.py
checks them on the built page. Generic over every chapter; chapters not yet converted are strict xfail from
tests/assessment_pending.py.

The pattern: a "**Before you ...**" prompt, then a `widgets.prediction("id")` cell, then the interactive, then
a closed dropdown admonition `What you should have seen` with class `course-explanation`. The interactives that
need a prediction are the explorations; the assessment tasks (a knowledge check, a decision case, an ordering
task, a treatment plan) are themselves a committed choice with feedback, so a chapter whose only interactives are
tasks, such as the capstone, has nothing to predict and must show no prompt.
"""

from __future__ import annotations

import re
import sys

import nbformat
import pytest
from assessment_pending import chapter_params

import widgets
from course_tools.build_slides import prepare
from course_tools.conventions import ROOT
from widgets.models.objectives import load_objectives
from widgets.models.predictions import load_predictions

CHAPTERS = {c.chapter: c.path for c in load_objectives()}
CALL = re.compile(r"widgets\.prediction\(\s*[\"']([a-z0-9-]+)[\"']\s*\)")
# Interactive builders that are a committed choice already: they need no prediction before them.
COMMITTED_CHOICE = {"knowledge_check", "decision_case", "ordering_task", "treatment_plan", "prediction"}
WIDGET_CALL = re.compile(r"\bwidgets\.([a-z_]+)\(")
EXPLANATION = re.compile(r"^:::\{admonition\} What you should have seen\n:class: dropdown course-explanation\n", re.M)


def cells(path: str):
    return nbformat.read(ROOT / f"{path}.ipynb", as_version=4).cells


def pattern_faults(path: str) -> list[str]:
    """Walk the cells: every prompt needs a prediction next, then an interactive, then a closed explanation."""
    faults, state, last = [], None, None
    for c in cells(path):
        if c.cell_type == "markdown" and re.search(r"^\*\*Before you", c.source, re.M):
            if state:
                faults.append(f"prediction {last!r}: no explanation before the next prompt")
            state, last = "prompt", None
        elif c.cell_type == "code" and CALL.search(c.source):
            last = CALL.search(c.source).group(1)
            if state != "prompt":
                faults.append(f"prediction {last!r} follows no 'Before you ...' prompt")
            state = "predicted"
        elif c.cell_type == "code" and state == "predicted":
            state = "explored"
        elif c.cell_type == "markdown" and "What you should have seen" in c.source:
            if not EXPLANATION.search(c.source):
                faults.append("a 'What you should have seen' that is not a closed course-explanation dropdown")
            elif state != "explored":
                faults.append(f"an explanation with no prediction and interactive before it (state {state})")
            state = None
        elif (
            c.cell_type == "markdown"
            and c.metadata.get("slideshow", {}).get("slide_type") in ("slide", "subslide")
            and state == "prompt"
        ):
            faults.append("a 'Before you ...' prompt with no widgets.prediction(...) after it")
            state = None
    if state:
        faults.append(f"the chapter ends in the middle of a prediction ({state})")
    return faults


def explorations(path: str) -> list[str]:
    """The interactive builders a notebook calls that are not themselves a committed choice."""
    from widgets.views.registry import BUILDERS

    code = "\n".join(c.source for c in cells(path) if c.cell_type == "code")
    return [
        name
        for name in WIDGET_CALL.findall(code)
        if name in BUILDERS and BUILDERS[name].interactive and name not in COMMITTED_CHOICE
    ]


@pytest.mark.parametrize("chapter", chapter_params("predictions", list(CHAPTERS)))
def test_every_interactive_asks_for_a_committed_prediction(chapter):
    path = CHAPTERS[chapter]
    md = "\n".join(c.source for c in cells(path) if c.cell_type == "markdown")
    if explorations(path):
        assert re.search(r"^\*\*Before you", md, re.M), f"{chapter}: no 'Before you ...' prompt"
    used = CALL.findall("\n".join(c.source for c in cells(path) if c.cell_type == "code"))
    mine = {p.id for p in load_predictions() if p.chapter == chapter}
    faults = pattern_faults(path)
    faults += [f"{x} is not a prediction of chapter {chapter} in data/predictions.yaml" for x in used if x not in mine]
    faults += [f"data/predictions.yaml: {x} is not used in {path}" for x in mine if x not in used]
    assert not faults, f"{chapter}: " + "; ".join(faults)


def test_only_explorations_need_a_prediction():
    assert explorations("chapters/06_car_t") == [
        "b_cell_return_steps",
        "manufacturing_walkthrough",
        "side_effect_timeline",
        "grading_explorer",
    ]
    assert explorations("chapters/11_capstone") == []  # twelve decision cases and a static figure


def test_the_exemplar_has_three_predictions_in_order():
    used = CALL.findall("\n".join(c.source for c in cells("chapters/06_car_t") if c.cell_type == "code"))
    assert used == ["car-t-manufacturing-places", "car-t-side-effects-day-3", "car-t-grading-low-flow"]


def test_a_prediction_shows_feedback_for_the_choice_and_refuses_an_unknown_option():
    w = widgets.prediction("car-t-grading-low-flow")
    assert [b[0] for b in w.choice.buttons.options] == [
        "A. Grade 1",
        "B. Grade 2",
        "C. Grade 3",
        "D. Not CRS, because the blood pressure is normal",
    ]
    assert w.choice.buttons.value is None
    assert "matches what the interactive shows" in w.predict(1) and "low-flow oxygen" in w.predict(1)
    assert "Not what the interactive shows" in w.predict(0)
    with pytest.raises(ValueError, match="option 4 is not one of 0-3"):
        w.predict(4)
    with pytest.raises(KeyError, match="no prediction 'nope' in data/predictions.yaml"):
        widgets.prediction("nope")


def test_the_pattern_check_can_fail(tmp_path, monkeypatch):
    nb = nbformat.v4.new_notebook(
        cells=[
            nbformat.v4.new_markdown_cell("**Before you click**, predict: which?"),
            nbformat.v4.new_code_cell("widgets.manufacturing_walkthrough()"),
            nbformat.v4.new_markdown_cell("**What you should have seen.** Plain text, in view."),
        ]
    )
    (tmp_path / "chapters").mkdir()
    nbformat.write(nb, tmp_path / "chapters" / "99_x.ipynb")
    monkeypatch.setattr(sys.modules[__name__], "ROOT", tmp_path)
    assert pattern_faults("chapters/99_x") == [
        "a 'What you should have seen' that is not a closed course-explanation dropdown"
    ]


def test_the_deck_reveals_the_explanation_as_a_fragment_box():
    nb = nbformat.read(ROOT / "chapters/06_car_t.ipynb", as_version=4)
    shown = [c for c in prepare(nb).cells if c.cell_type == "markdown" and "What you should have seen" in c.source]
    assert len(shown) == 3
    for c in shown:
        assert c.metadata["slideshow"]["slide_type"] == "fragment"
        assert c.source.startswith('<blockquote class="course-box ">\n\n**What you should have seen**')
        assert ":class:" not in c.source
