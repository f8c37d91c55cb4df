"""Widgets reject out-of-range values with a clear message, generic over every exported builder: every control
in every widget tree is pushed past its range and must either refuse (an error that names the range) or stay
within range, and every view's `select()` (one behaviour, from widgets.views.panels) refuses a missing panel
with the valid range named."""

from __future__ import annotations

import ipywidgets as ipw
import pytest
from traitlets import TraitError
from widget_tree import builders, call_builder, walk

import widgets
from widgets.views.panels import ChoicePanels

INDEXED = (ipw.ToggleButtons, ipw.SelectionSlider, ipw.Dropdown, ipw.RadioButtons, ipw.Select)
NUMERIC = (ipw.IntSlider, ipw.FloatSlider, ipw.BoundedIntText, ipw.BoundedFloatText)


def test_there_are_builders():
    assert "knowledge_check" in builders() and len(builders()) >= 2


@pytest.mark.parametrize("name", builders())
def test_controls_refuse_or_clamp_out_of_range_values(name):
    checked = 0
    for root in call_builder(name):
        for w in walk(root):
            if isinstance(w, INDEXED):
                n = len(w.options)
                for bad in (n, -1, n + 10):
                    with pytest.raises(TraitError, match="Invalid selection|out of bounds|index"):
                        w.index = bad
                checked += 1
            elif isinstance(w, NUMERIC):
                w.value = w.max + 1000
                assert w.value == w.max
                w.value = w.min - 1000
                assert w.value == w.min
                checked += 1
            if isinstance(w, ipw.Stack):
                with pytest.raises(TraitError):
                    w.selected_index = len(w.children) + 1
    assert checked, f"{name}: no controls found"


@pytest.mark.parametrize("name", builders())
def test_select_refuses_a_missing_panel_and_names_the_range(name):
    """Every view built on widgets.views.panels has the one select(*indices): one index per control."""
    checked = 0
    for root in call_builder(name):
        for w in walk(root):
            if not (callable(getattr(w, "select", None)) and hasattr(w, "sizes") and hasattr(w, "controls")):
                continue
            last = [n - 1 for n in w.sizes]
            for level, n in enumerate(w.sizes):
                for bad in (n, -1):
                    indices = list(last)
                    indices[level] = bad
                    with pytest.raises(ValueError, match=rf"index {bad} out of range 0-{n - 1} for control {level}"):
                        w.select(*indices)
            with pytest.raises(ValueError, match=rf"give {len(w.sizes)} indices"):
                w.select(*last, 0)
            w.select(*last)
            assert [c.index for c in w.controls] == last
            checked += 1
    assert checked, f"{name}: no selectable panels"


def test_knowledge_check_answer_names_the_valid_range():
    kc = widgets.knowledge_check("autoimmunity")
    n = len(kc.items)
    with pytest.raises(ValueError, match=rf"question {n + 1} does not exist: choose 1-{n}"):
        kc.answer(n + 1, 0)
    with pytest.raises(ValueError, match=r"question 0 does not exist"):
        kc.answer(0, 0)
    k = len(kc.questions[0].options)
    with pytest.raises(ValueError, match=rf"choice {k} is not one of the {k} options \(0-{k - 1}\)"):
        kc.answer(1, k)
    with pytest.raises(ValueError, match="is not one of"):
        kc.answer(1, "1")  # a string is not a choice


def test_choice_panels_constructor_names_the_problem():
    with pytest.raises(ValueError, match="initial panel -1 out of range 0-1"):
        ChoicePanels(["a", "b"], [ipw.HTML("A"), ipw.HTML("B")], description="x", initial=-1)
    with pytest.raises(ValueError, match="0 labels for 0 panels"):
        ChoicePanels([], [], description="x")
