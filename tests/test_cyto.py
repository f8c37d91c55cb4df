"""Chapters 4, 6 and 7: models (hand-checked lookups), views driven in Python, and bad-data fixtures."""

from __future__ import annotations

import re

import pytest

from widgets.data import DataError
from widgets.models.cytokine_matrix import load_cytokine_matrix
from widgets.models.patient_cases import case_outcome, load_patient_cases
from widgets.models.safety_checklist import load_safety_checklists
from widgets.views.cytokine_matrix import CytokineMatrixExplorer
from widgets.views.patient_cases import PatientCaseExplorer
from widgets.views.safety_checklist import SafetyChecklistExplorer

# ---- cytokine matrix model ----


def test_matrix_lookups_match_the_evidence():
    m = load_cytokine_matrix()
    assert m.status("tnf", "ms") == "harmful"
    assert m.status("il17a", "crohns") == "harmful"
    assert m.status("il17a", "psoriasis") == "approved"
    assert m.status("il23", "crohns") == "approved"
    assert m.status("il17a", "ms") == "not-effective"
    assert m.status("il23", "ms") == "not-effective"
    assert m.status("ifnar", "sle") == "approved"
    assert "havrdova2016secukinumab" in m.cell("il17a", "ms").sources


def test_matrix_is_complete_and_every_cell_has_a_source():
    m = load_cytokine_matrix()
    assert len(m.cells) == len(m.cytokines) * len(m.diseases) == 25
    assert all(cell.sources for cell in m.cells.values())


def test_paradoxes_are_tnf_in_ms_and_il17_in_crohns():
    m = load_cytokine_matrix()
    pairs = {(c, bad) for c, _good, bad in m.paradoxes()}
    assert pairs == {("tnf", "ms"), ("il17a", "crohns")}
    assert m.diseases_with("tnf", "approved") == ["ra", "psoriasis", "crohns"]


def test_matrix_unknown_names_are_clear_errors():
    m = load_cytokine_matrix()
    with pytest.raises(KeyError, match="unknown cytokine 'il99'"):
        m.cell("il99", "ra")
    with pytest.raises(KeyError, match="unknown disease 'gout'"):
        m.cell("tnf", "gout")


def test_matrix_bad_file_names_record_and_field(course_content):
    """A cell that repeats a pair and a cell naming an unknown disease: both named, with the hole they leave."""

    def edit(doc):
        second, third = doc["records"][1], doc["records"][2]
        second.update(cytokine=doc["records"][0]["cytokine"], disease=doc["records"][0]["disease"])
        third["disease"] = "lupus"

    doc = course_content.patch("cytokine_matrix", edit)
    first, second, third = doc["records"][:3]
    with pytest.raises(DataError) as exc:
        load_cytokine_matrix()
    msg = str(exc.value)
    assert "data/cytokine_matrix.yaml" in msg
    assert (
        f"record 2 (id '{second['id']}'), field 'disease': second cell for {first['cytokine']} x "
        f"{first['disease']} (first: '{first['id']}')"
    ) in msg
    assert f"record 3 (id '{third['id']}'), field 'disease': unknown disease 'lupus'" in msg


def test_matrix_incomplete_file_lists_missing_cells(course_content):
    removed = course_content.read("cytokine_matrix")["records"][-1]
    course_content.patch("cytokine_matrix", lambda d: d["records"].pop())
    with pytest.raises(
        DataError, match=rf"matrix incomplete, no cell for: {removed['cytokine']} x {removed['disease']}$"
    ):
        load_cytokine_matrix()


# ---- patient cases model ----


def test_case_outcome_by_hand():
    o = case_outcome("thiopurine", "poor")
    assert o.decision == "non-thiopurine alternative" and o.sources == ("relling2019cpic",)
    assert "0.35" in case_outcome("ra-serology", "positive").why
    assert "not require" in case_outcome("sle-ifngs", "not-tested").verdict


def test_which_tests_change_the_decision():
    cases = load_patient_cases()
    changing = {c.id: cases.decision_changing(c.id) for c in cases.cases}
    assert changing["ms-il17"] is False and changing["back-pain-b27"] is False
    assert changing["thiopurine"] is True and changing["ra-serology"] is True
    assert len(cases.cases) >= 6


def test_case_unknown_names_are_clear_errors():
    cases = load_patient_cases()
    with pytest.raises(KeyError, match="unknown case 'nope'"):
        cases.case_outcome("nope", "high")
    with pytest.raises(KeyError, match="case 'ms-il17' has no result 'sky-high'"):
        cases.case_outcome("ms-il17", "sky-high")


def test_cases_bad_file_names_nested_field(course_content):
    def edit(doc):
        results = doc["records"][0]["results"]
        results[0]["sources"] = ["no-such-key-2099"]
        results[1]["id"] = results[0]["id"]

    doc = course_content.patch("patient_cases", edit)
    case = doc["records"][0]
    with pytest.raises(DataError) as exc:
        load_patient_cases()
    msg = str(exc.value)
    where = f"record 1 (id '{case['id']}')"
    assert f"{where}, field 'results.0.sources.0': unknown reference key 'no-such-key-2099'" in msg
    assert f"{where}, field 'results.1.id': duplicate result id '{case['results'][0]['id']}'" in msg


# ---- safety checklist model ----


def test_checklist_phases_by_hand():
    s = load_safety_checklists()
    cd20 = s.checklist("anti-cd20")
    assert list(cd20) == ["before", "during", "late"]
    assert [len(v) for v in cd20.values()] == [2, 1, 2]
    assert "4 weeks" in cd20["before"][1].text and "2 weeks" in cd20["before"][1].text
    assert s.therapy("natalizumab").count_by_kind() == {"screening": 2, "monitoring": 2}


def test_hepatitis_b_screening_spans_four_therapies():
    assert load_safety_checklists().screening_for("hepatitis B") == [
        "anti-cd20",
        "tnf-blockers",
        "jak-inhibitors",
        "cd19-car-t",
    ]


def test_checklist_bad_phase_and_kind_are_named(course_content):
    course_content.patch("safety_checklists", lambda d: d["records"][0]["items"][0].update(phase="someday"))
    where = f"record 1 (id '{course_content.read('safety_checklists')['records'][0]['id']}')"
    with pytest.raises(DataError, match=rf"{re.escape(where)}, field 'items.0.phase': unknown phase 'someday'"):
        load_safety_checklists()
    course_content.patch(
        "safety_checklists", lambda d: d["records"][0]["items"][0].update(phase="before", kind="guesswork")
    )
    with pytest.raises(DataError, match=rf"{re.escape(where)}, field 'items.0.kind'"):
        load_safety_checklists()


def test_checklist_unknown_therapy_is_a_clear_error():
    with pytest.raises(KeyError, match="unknown therapy 'leeches'"):
        load_safety_checklists().therapy("leeches")


# ---- views ----


def test_matrix_view_nested_stacks_are_jslinked():
    view = CytokineMatrixExplorer(load_cytokine_matrix())
    assert "course-widget" in view._dom_classes and "course-cytokine-matrix" in view._dom_classes
    # pathway -> the outer Stack; disease -> every inner Stack
    assert len(view.links) == 1 + len(view.stacks_by_level[1]) == 1 + len(view.model.cytokines)
    html = view.select_cell("il17a", "crohns")
    assert "⚠ Harmful" in html and "Hueber" in html
    assert view.root.selected_index == 2 and all(s.selected_index == 2 for s in view.stacks_by_level[1])
    table = view.children[-1].value
    assert table.count("<td") == 25 and "✔ Approved" in table and "<caption>" in table


def test_case_view_shows_outcome_and_whether_the_test_matters():
    view = PatientCaseExplorer(load_patient_cases())
    html = view.choose("sle-ifngs", "high")
    assert "47.6%" in html and "Vital" in html
    assert "every result of this test leads to the same decision" in view.choose("ms-il17", "normal")
    intro = view.case_panels[0].children[0].value
    assert "Can the result change the decision?</strong> Yes" in intro


def test_safety_view_has_alt_text_boxed_warning_and_sources():
    view = SafetyChecklistExplorer(load_safety_checklists())
    assert "course-safety-checklist" in view._dom_classes
    panel = view.stack.children[[t.id for t in view.model.therapies].index("cd19-car-t")].value
    assert 'role="img"' in panel and "<title>Timeline for CD19 CAR T cells" in panel
    assert "US boxed warning" in panel and "Sources:" in panel and "T-cell malignanc" in panel


def test_panels_stay_small():
    for view in (CytokineMatrixExplorer(load_cytokine_matrix()), SafetyChecklistExplorer(load_safety_checklists())):
        assert len(str(view.children)) < 200_000
