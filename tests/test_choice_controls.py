"""Every choice a learner makes in a course widget is a native form control a screen reader can announce, with its
state (issue 16, item 6): a radio group (checked or not) or a labelled drop-down list, never toggle buttons
(no pressed state) or a selection slider (a handle with no name). Generic over every exported builder, so a new
chapter's widget is covered as soon as it is exported. What Chromium exposes is tested in test_screen_reader.py."""

from __future__ import annotations

import ipywidgets as ipw
import pytest
from widget_tree import builders, call_builder, walk

from widgets.views.common import CHOICE_LIST_CLASS, CHOICES_CLASS, SHORT_CHOICE_CHARS, choice_buttons, choice_list

CHOICE_WIDGETS = (ipw.RadioButtons, ipw.Dropdown, ipw.Select)
NO_STATE_OR_NAME = (ipw.ToggleButtons, ipw.ToggleButton, ipw.SelectionSlider, ipw.SelectionRangeSlider)


@pytest.mark.parametrize("name", builders())
def test_every_choice_is_a_named_radio_group_or_list(name):
    for root in call_builder(name):
        for w in walk(root):
            assert not isinstance(w, NO_STATE_OR_NAME), f"{name}: a {type(w).__name__} ({w.description!r})"
            if isinstance(w, CHOICE_WIDGETS):
                assert w.description.strip() or isinstance(w, ipw.Dropdown), f"{name}: a choice with no name"
                if isinstance(w, ipw.RadioButtons):
                    assert CHOICES_CLASS in w._dom_classes, f"{name}: {w.description!r} not made by choice_buttons"
            # a label a person can hover over must not carry the tooltip None, which the page shows as "null"
            if isinstance(w, ipw.widgets.widget_description.DescriptionWidget) and w.description.strip():
                assert w.tooltip is not None, f"{name}: {w.description!r} would show the tooltip 'null' on hover"


def test_short_options_sit_side_by_side_and_long_ones_one_per_line():
    assert choice_buttons(["Off", "On"], "Signal:").orientation == "horizontal"
    long = "x" * (SHORT_CHOICE_CHARS + 1)
    assert choice_buttons(["Off", long], "Signal:").orientation == "vertical"


def test_choice_controls_number_their_options_and_may_start_empty():
    r = choice_buttons(["a", "b", "c"], "Pick:", index=None)
    assert r.value is None and [v for _, v in r.options] == [0, 1, 2] and r.description == "Pick:"
    d = choice_list(["a", "b"], "Day:", index=1)
    assert d.value == 1 and CHOICE_LIST_CLASS in d._dom_classes


@pytest.mark.parametrize("make", [choice_buttons, choice_list])
def test_a_choice_with_no_options_is_refused_by_name(make):
    with pytest.raises(ValueError, match="'Pick:': no options"):
        make([], "Pick:")
