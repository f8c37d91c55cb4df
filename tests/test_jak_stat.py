"""The JAK-STAT map (chapter 5): the model answers from the data, and bad data fails with file and field named."""

from __future__ import annotations

import pytest

from widgets.data import DataError
from widgets.models.jak_stat import load_jak_stat
from widgets.views.jak_stat import JakStatExplorer


@pytest.fixture(scope="module")
def jak_map():
    return load_jak_stat()


def test_one_pill_reaches_several_cytokine_families(jak_map):
    by_id = {i.therapy.id: i for i in jak_map.inhibitors}
    # tofacitinib names JAK1 and JAK3: every family using JAK1 or JAK3 is reached, EPO/TPO (JAK2 only) is not
    reached = {f.id for f in jak_map.families_reached(by_id["tofacitinib"])}
    assert {"common-gamma-chain", "il-6", "type-i-interferon", "interferon-gamma"} <= reached
    assert "epo-tpo" not in reached
    # deucravacitinib names TYK2 only: not the common gamma-chain cytokines (JAK1 + JAK3)
    tyk2 = {f.id for f in jak_map.families_reached(by_id["deucravacitinib"])}
    assert "il-12-il-23" in tyk2 and "type-i-interferon" in tyk2 and "common-gamma-chain" not in tyk2


def test_reach_names_the_shared_kinases_in_receptor_order(jak_map):
    reach = {r.inhibitor.therapy.id: r for r in jak_map.reach(jak_map.family("il-12-il-23"))}
    assert reach["baricitinib"].shared == ("JAK2",)
    assert reach["deucravacitinib"].shared == ("TYK2",)
    assert not reach["upadacitinib"].acts


def test_every_inhibitor_is_a_therapy_table_jak_or_tyk2_inhibitor(jak_map):
    assert {i.therapy.drug_class for i in jak_map.inhibitors} == {"JAK inhibitor", "TYK2 inhibitor"}


def test_panel_text_shows_pair_verdicts_and_the_relative_selectivity_caveat(jak_map):
    w = JakStatExplorer(jak_map)
    panels = w.tree.stacks_by_level[0][0].children
    first = panels[0].value
    assert "JAK1 + JAK3" in first and "Tofacitinib (Xeljanz)" in first
    assert "acts on JAK1 and JAK3" in first and "acts on none of this receptor" in first
    assert "selectivity is relative" in first
    assert "JAK3</strong>: not used" in panels[-1].value  # EPO/TPO: JAK2 only, said in words


def test_unknown_kinase_is_reported_with_record_and_field(course_content):
    course_content.patch("jak_stat", lambda d: d["records"][0].update(kinases=["JAK9"]))
    with pytest.raises(DataError) as exc:
        load_jak_stat()
    msg = str(exc.value)
    assert "data/jak_stat.yaml" in msg and "id 'common-gamma-chain'" in msg
    assert "field 'kinases'" in msg and "JAK9" in msg


def test_inhibitor_missing_from_the_therapy_table_is_reported(course_content):
    course_content.patch("jak_stat", lambda d: d["inhibitors"][0].update(therapy="no-such-drug"))
    with pytest.raises(DataError) as exc:
        load_jak_stat()
    msg = str(exc.value)
    assert "data/jak_stat.yaml" in msg and "inhibitors.0.therapy" in msg and "no-such-drug" in msg
