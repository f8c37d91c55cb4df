"""Chapter 2 and 3 widgets driven as ipywidgets objects, in Python."""

from __future__ import annotations

import json

import ipywidgets as ipw
import pytest
from data_patch import record

import widgets
from widgets.models.therapies import load_therapies
from widgets.views.panels import NestedPanels
from widgets.views.therapies import therapy_table_html


def _links_ok(w):
    for link in w.links:
        assert isinstance(link, ipw.widgets.widget_link.Link)  # jslink: works with no kernel
        assert link.target[1] == "selected_index" and link.source[1] == "index"


def test_nested_panels_link_every_stack_and_select_the_right_leaf():
    controls = [ipw.ToggleButtons(options=["a", "b"]), ipw.ToggleButtons(options=["x", "y", "z"])]
    w = NestedPanels(controls, [2, 3], lambda ix: ipw.HTML(f"{ix[0]}-{ix[1]}"), initial=[0, 2])
    assert len(w.stacks_by_level[0]) == 1 and len(w.stacks_by_level[1]) == 2
    assert len(w.links) == 3
    _links_ok(w)
    assert w.visible_leaf().value == "0-2"
    w.select(1, 0)
    assert w.visible_leaf().value == "1-0"
    assert all(s.selected_index == 0 for s in w.stacks_by_level[1])
    with pytest.raises(ValueError, match="out of range"):
        w.select(2, 0)
    with pytest.raises(ValueError, match="initial index 5"):
        NestedPanels(controls, [2, 3], lambda ix: ipw.HTML(""), initial=[0, 5])


def test_therapy_explorer_filters_and_shows_sources():
    w = widgets.therapy_explorer()
    assert "course-therapy-explorer" in w._dom_classes and "course-widget" in w._dom_classes
    sle = w.show("By disease", "sle")
    assert "Belimumab" in sle and "Anifrolumab" in sle and "Rituximab" not in sle
    cd20 = w.show("By class", "anti-CD20")
    assert "Obinutuzumab" in cd20 and "Not approved for SLE" in cd20 and "Adalimumab" not in cd20
    assert "doi.org" in cd20 or "dailymed" in cd20
    everything = w.show("All agents")
    assert everything.count("<tr>") == len(w.model.records) + 1
    with pytest.raises(ValueError, match="is not one of"):
        w.show("By disease", "flu")


def test_the_table_shows_each_route_and_marks_the_engagers_investigational():
    w = widgets.therapy_explorer()
    engagers = w.show("By class", "T-cell engager")
    assert "Teclistamab" in engagers and "Blinatumomab" in engagers
    assert engagers.count("None: investigational in autoimmune disease.") == 2
    assert "compassionate" in engagers.lower()
    everything = w.show("All agents")
    assert '<th scope="col">Route</th>' in everything
    assert "2 of them approved only outside autoimmune disease" in everything
    tofacitinib = everything[everything.index("Tofacitinib") :].split("</tr>")[0]
    assert "By mouth" in tofacitinib and "IV infusion" not in tofacitinib


def test_therapy_table_escapes_data_text(course_content):
    def edit(doc):
        adalimumab = record(doc, "adalimumab")
        adalimumab["indications"][0]["note"] = "<script>alert(1)</script>"
        adalimumab["notes"] = "<img src=x onerror=alert(1)>"

    course_content.patch("therapies", edit)
    model = load_therapies()
    html = therapy_table_html(model)
    assert "&lt;script&gt;" in html and "<script" not in html
    assert "<img" not in html  # the notes field with an onerror attribute is inert text


def test_concentration_explorer_has_one_panel_per_setting_and_alt_text():
    w = widgets.concentration_explorer()
    HALF_LIVES, INTERVALS = w.choices.half_lives, w.choices.intervals
    assert "course-concentration" in w._dom_classes
    _links_ok(w)
    assert len(w.stacks_by_level[1]) == len(HALF_LIVES)
    assert all(len(s.children) == len(INTERVALS) for s in w.stacks_by_level[1])
    leaf = w.visible_leaf().value
    assert "Half-life 21 days, a dose every 28 days" in leaf and 'role="img"' in leaf and "<title>" in leaf
    w.select(HALF_LIVES.index(21), INTERVALS.index(7))
    leaf = w.visible_leaf().value
    assert "peak is <strong>4.85</strong>" in leaf
    assert all(isinstance(c, ipw.RadioButtons) and c.orientation == "horizontal" for c in w.controls)


def test_t_cell_widget_enumerates_every_state():
    w = widgets.t_cell_activation()
    DRUGS = w.model.drug_ids
    assert "course-t-cell" in w._dom_classes
    _links_ok(w)
    assert len(w.stacks_by_level[4]) == 16 and all(len(s.children) == len(DRUGS) for s in w.stacks_by_level[4])
    assert "Activated" in w.visible_leaf().value
    w.select(1, 1, 0, 0, DRUGS.index("abatacept"))
    assert "antigen without co-stimulation" in w.visible_leaf().value
    w.select(1, 1, 0, 1, DRUGS.index("anti-pd1"))
    assert "releases the PD-1 brake" in w.visible_leaf().value
    w.select(0, 1, 0, 0, 0)
    assert "has not seen its antigen" in w.visible_leaf().value


def test_knowledge_checks_for_both_chapters():
    for slug in ("monoclonal-antibodies", "checkpoints"):
        kc = widgets.knowledge_check(slug)
        assert len(kc.questions) >= 3
        for n, q in enumerate(kc.questions, start=1):
            for i in range(len(q.options)):
                assert ("Correct." in kc.answer(n, i)) == (i == q.answer_index)


def test_widget_state_sizes_stay_small():
    from ipywidgets.embed import embed_data

    sizes = {}
    for name in ("therapy_explorer", "concentration_explorer", "t_cell_activation"):
        ipw.Widget.close_all()
        w = getattr(widgets, name)()
        sizes[name] = len(json.dumps(embed_data(views=[w])["manager_state"]))
    ipw.Widget.close_all()
    assert all(s < 600_000 for s in sizes.values()), sizes
    print(sizes)
