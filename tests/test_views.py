"""Views driven as ipywidgets objects, in Python (the browser tests drive the same widgets with no kernel)."""

from __future__ import annotations

from pathlib import Path

import ipywidgets as ipw
import pytest
from widget_tree import builders, call_builder, walk

import widgets
from widgets.models.quiz import load_questions
from widgets.views.knowledge_check import KnowledgeCheck
from widgets.views.panels import ChoicePanels
from widgets.views.presentation import (
    DECK_BREAK_CLASS,
    DECK_MAY_BREAK_CLASS,
    DECK_PANEL_CLASS,
    DECK_SIDE_BY_SIDE_CLASS,
)


def test_choice_panels_are_linked_in_the_browser():
    w = ChoicePanels(["a", "b"], [ipw.HTML("A"), ipw.HTML("B")], description="Pick:")
    assert isinstance(w.link, ipw.widgets.widget_link.Link)  # jslink: works with no kernel
    assert w.link.source == (w.buttons, "index") and w.link.target == (w.stack, "selected_index")
    w.select(1)
    assert w.stack.selected_index == 1 and w.buttons.index == 1
    assert "course-widget" in w._dom_classes
    with pytest.raises(ValueError, match="index 5 out of range 0-1 for control 0"):
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
    for panel, strategy in zip(w.stack.children, w.model.strategies, strict=True):
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


def test_a_panel_tree_folds_choices_into_shared_stacks():
    """Three on/off controls, panel = how many are on: Stacks are shared per (level, count so far)."""
    from widgets.views.panels import PanelTree

    controls = [ipw.ToggleButtons(options=["off", "on"]) for _ in range(3)]
    leaves = {n: ipw.HTML(f"{n} on") for n in range(4)}
    tree = PanelTree(controls, [2, 2, 2], lambda n: leaves[n], step=lambda n, k, i: n + i, start=0)
    assert [len(level) for level in tree.stacks_by_level] == [1, 2, 3]  # a plain nesting needs 1, 2, 4
    assert all(isinstance(link, ipw.widgets.widget_link.Link) for link in tree.links) and len(tree.links) == 6
    assert all(
        any(lk.source == (controls[k], "index") and lk.target == (s, "selected_index") for lk in tree.links)
        for k, level in enumerate(tree.stacks_by_level)
        for s in level
    )
    tree.select(1, 0, 1)
    assert tree.visible() is leaves[2] and [c.index for c in controls] == [1, 0, 1]
    with pytest.raises(ValueError, match="index 2 out of range 0-1 for control 1"):
        tree.select(0, 2, 0)


def test_a_panel_tree_links_two_controls_to_one_choice_and_wraps_nodes():
    from widgets.views.panels import PanelTree

    buttons, slider = ipw.ToggleButtons(options=["a", "b"]), ipw.SelectionSlider(options=["a", "b"])
    day = ipw.ToggleButtons(options=["1", "2", "3"])
    tree = PanelTree(
        [(buttons, slider), day],
        [2, 3],
        lambda ix: ipw.HTML(f"{ix}"),
        initial=[0, 2],
        around=lambda k, ix, node: ipw.VBox([node, ipw.HTML(f"about {ix[0]}")]) if k == 0 else node,
    )
    assert len(tree.links) == 2 + 2  # both first-level controls to the outer Stack; the day to each inner one
    assert isinstance(tree.root.children[1], ipw.VBox) and tree.root.children[1].children[1].value == "about 1"
    assert tree.visible().value == "(0, 2)"
    tree.select(1, 0)
    assert tree.visible().value == "(1, 0)" and buttons.index == slider.index == 1


def test_jslink_is_called_only_in_the_panel_module():
    root = Path(widgets.__file__).parent
    calls = [str(f.relative_to(root)) for f in root.rglob("*.py") if "jslink(" in f.read_text(encoding="utf-8")]
    assert calls == ["views/panels.py"]


def test_readable_diagram_keeps_the_width_at_which_the_smallest_text_is_readable():
    from widgets.views.common import DIAGRAM_TEXT_VAR, MIN_DIAGRAM_TEXT_PX, readable_diagram

    svg = (
        '<svg role="img" viewBox="0 0 720 200" width="100%" style="max-width:720px">'
        '<text font-size="12">a</text><text font-size="8">b</text></svg>'
    )
    out = readable_diagram(svg)
    assert out.startswith('<div class="course-diagram" tabindex="0" role="group" aria-label=') and "><svg " in out
    assert out.endswith("</svg></div>")
    # 8 units must render at 10 px: the diagram never gets narrower than 720 / 8 = 90 times that size (900 px),
    # or than 90 times the size a deck asks for in DIAGRAM_TEXT_VAR
    var = f"var({DIAGRAM_TEXT_VAR}, {MIN_DIAGRAM_TEXT_PX}px)"
    assert f'style="min-width:calc(90 * {var});max-width:720px"' in out
    assert f'style="min-width:calc(60 * {var})"' in readable_diagram(
        '<svg viewBox="0 0 600 10"><text font-size="10"/></svg>'
    )
    with pytest.raises(ValueError, match="viewBox"):
        readable_diagram("<svg><text>no sizes</text></svg>")


def _classes(w) -> tuple:
    return tuple(getattr(w, "_dom_classes", ()))


@pytest.mark.parametrize("name", builders())
def test_a_deck_never_splits_a_widget_inside_the_panel_its_controls_drive(name):
    """deck_fit.js may start a slide before a part marked DECK_MAY_BREAK_CLASS; a part moved out of a Stack's
    child would stay on screen when the controls switch panels, so no mark sits inside a panel
    (DECK_PANEL_CLASS), and every interactive widget has such a panel (a scroll panel's last resort)."""
    for root in call_builder(name):
        nodes = list(walk(root))
        panels = [w for w in nodes if DECK_PANEL_CLASS in _classes(w)]
        assert panels, f"widgets.{name}: no {DECK_PANEL_CLASS}"
        inside = [m for p in panels for m in list(walk(p))[1:] if DECK_MAY_BREAK_CLASS in _classes(m)]
        assert not inside, f"widgets.{name}: a break mark inside a panel: {[m.__class__.__name__ for m in inside]}"


def test_panel_trees_mark_their_panel_and_choice_panels_may_sit_side_by_side():
    w = ChoicePanels(["a", "b"], [ipw.HTML("A"), ipw.HTML("B")], description="Pick:")
    assert DECK_PANEL_CLASS in _classes(w.stack) and DECK_SIDE_BY_SIDE_CLASS in _classes(w)
    matrix = widgets.cytokine_matrix_explorer()
    assert DECK_BREAK_CLASS in _classes(matrix.children[-1]) and "course-matrix" in matrix.children[-1].value
