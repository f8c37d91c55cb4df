"""Restoring-tolerance chapter: the TN-10 data cuts and the modality comparison, as models (hand-checked values from
the papers), as bad data (file, record and field named) and as widgets driven in Python (what each panel says)."""

from __future__ import annotations

import re

import pytest
from data_patch import record

from widgets.data import DataError
from widgets.models.modality_comparison import load_modality_comparison
from widgets.models.tn10 import load_tn10

TN10, COMPARE = "tn10_follow_up", "modality_comparison"


# ---------- TN-10 ----------


@pytest.fixture(scope="module")
def tn10():
    return load_tn10()


def test_tn10_numbers_are_the_papers(tn10):
    assert tn10.arm_sizes == {"teplizumab": 44, "placebo": 32}
    primary = tn10.cut("primary-2019")
    assert primary.median_months == {"teplizumab": 48.4, "placebo": 24.4}
    assert "0.41 (95% CI 0.22–0.78)" in primary.statistic and "P = 0.006" in primary.statistic
    assert (primary.outcome["teplizumab"].count, primary.outcome["placebo"].count) == (19, 23)
    assert tn10.cut("extended-2021").median_months == {"teplizumab": 59.6, "placebo": 27.1}
    longest = tn10.cut("long-term-2024")
    assert longest.median_months == {"teplizumab": 52.2, "placebo": 27.3}
    assert (longest.outcome["teplizumab"].percent, longest.outcome["placebo"].percent) == (36, 12.5)


def test_the_delay_is_not_one_fixed_number(tn10):
    """The chapter's point: the difference in medians changes with the data cut (24.0, 32.5, 24.9 months)."""
    assert tn10.delays() == {"primary-2019": 24.0, "extended-2021": 32.5, "long-term-2024": 24.9}
    assert len(set(tn10.delays().values())) == 3
    assert all(c.median_months["teplizumab"] > c.median_months["placebo"] for c in tn10.cuts)
    assert tn10.longest_median() == 59.6
    with pytest.raises(KeyError, match="unknown TN-10 data cut 'final'; known: "):
        tn10.cut("final")


def test_count_above_arm_size_names_file_record_field(course_content):
    course_content.patch(TN10, lambda d: record(d, "primary-2019")["outcome"]["placebo"].update(count=40))
    with pytest.raises(DataError) as exc:
        load_tn10()
    msg = str(exc.value)
    assert f"data/{TN10}.yaml" in msg
    assert (
        f"{course_content.label(TN10, 'primary-2019')}, field 'outcome.placebo.count': 40 is more than the 32 "
        "participants in the arm"
    ) in msg


def test_percent_that_disagrees_with_its_count_is_refused(course_content):
    course_content.patch(TN10, lambda d: record(d, "long-term-2024")["outcome"]["teplizumab"].update(percent=46))
    with pytest.raises(DataError) as exc:
        load_tn10()
    assert (
        f"{course_content.label(TN10, 'long-term-2024')}, field 'outcome.teplizumab.percent': 46% does not "
        "match 16 of 44 (36.4%)"
    ) in str(exc.value)


def test_tn10_widget_one_panel_per_cut_with_its_numbers(tn10):
    import widgets

    w = widgets.tn10_follow_up()
    assert w.sizes == (len(tn10.cuts),) and w.link.source[0] is w.buttons
    for i, cut in enumerate(tn10.cuts):
        w.select(i)
        html = w.tree.visible().value
        assert f"<h4>TN-10, {cut.label}</h4>" in html
        assert f"Teplizumab {cut.median_months['teplizumab']} months" in html  # in the chart's alt text
        assert f"{cut.delay_months} months" in html and cut.statistic in html
        assert re.search(r'<svg[^>]*role="img"[^>]*aria-label="Bar chart of the median time', html)
        assert 'class="course-sources"' in html
    w.select(2)
    assert "16 of 44, 36%" in w.tree.visible().value and "4 of 32, 12.5%" in w.tree.visible().value


# ---------- the modality comparison ----------


@pytest.fixture(scope="module")
def comparison():
    return load_modality_comparison()


def test_every_approach_answers_every_question(comparison):
    ids = [a.id for a in comparison.attributes]
    assert {"source", "conditioning", "dosing", "evidence", "approval"} <= set(ids)
    for m in comparison.modalities:
        assert list(m.values) == ids, m.id
        assert all(cell.text and cell.sources for cell in m.values.values())
    names = {m.id for m in comparison.modalities}
    assert {"teplizumab", "cd19-car-t", "t-cell-engager", "car-treg", "low-dose-il2", "abatacept-at-risk"} <= names


def test_the_facts_the_chapter_turns_on(comparison):
    value = {m.id: m.values for m in comparison.modalities}
    assert "fludarabine and cyclophosphamide" in value["cd19-car-t"]["conditioning"].text
    assert value["t-cell-engager"]["conditioning"].text.startswith("None")
    assert "Repeated" in value["t-cell-engager"]["dosing"].text and value["cd19-car-t"]["dosing"].text == "One infusion"
    assert "case series" in value["t-cell-engager"]["evidence"].text
    assert "missed their primary endpoint" in value["low-dose-il2"]["evidence"].text
    assert "not for preventing" in value["abatacept-at-risk"]["approval"].text
    assert "EBV and CMV" in value["teplizumab"]["risks"].text


def test_columns_follow_the_scenario(comparison):
    stage2 = comparison.scenario("relative-stage-2")
    assert [a.id for a in comparison.columns(stage2)] == ["approval", "evidence", "risks"]
    assert comparison.columns(stage2, everything=True) == comparison.attributes
    keys = comparison.sources_for(stage2, comparison.columns(stage2))
    assert keys[:2] == stage2.sources and len(keys) == len(set(keys))
    assert "fda-label-orencia" in keys  # the abatacept row's approval cell is shown, so its source is listed
    with pytest.raises(KeyError, match="unknown scenario 'x'"):
        comparison.scenario("x")


def test_scenario_naming_an_unknown_property_is_refused(course_content):
    course_content.patch(COMPARE, lambda d: record(d, "at-risk-ra")["matters"][1].update(attribute="price"))
    with pytest.raises(DataError) as exc:
        load_modality_comparison()
    msg = str(exc.value)
    assert f"data/{COMPARE}.yaml" in msg
    assert (
        f"{course_content.label(COMPARE, 'at-risk-ra')}, field 'matters.1.attribute': unknown attribute 'price'" in msg
    )


def test_approach_missing_a_property_is_refused(course_content):
    def edit(doc):
        del next(m for m in doc["modalities"] if m["id"] == "car-treg")["values"]["risks"]

    course_content.patch(COMPARE, edit)
    with pytest.raises(DataError) as exc:
        load_modality_comparison()
    assert "field 'modalities.4.values': 'car-treg' has no value for ['risks']" in str(exc.value)


def test_comparison_widget_says_what_it_is_and_marks_what_matters(comparison):
    import widgets

    w = widgets.modality_comparison()
    assert w.sizes == (len(comparison.scenarios), 2)
    header = " ".join(h.value for h in w.children[:2])
    assert "teaching tool, not clinical decision support" in header
    for i, scenario in enumerate(comparison.scenarios):
        w.select(i, 0)
        focused = w.visible_leaf().value
        w.select(i, 1)
        everything = w.visible_leaf().value
        assert f"<h4>{scenario.label}</h4>".replace("'", "&#x27;") in focused
        n = len(scenario.matters)
        assert f"{n} of {len(comparison.attributes)} properties compared" in focused
        assert "★ matters here" not in focused  # every column shown matters: no mark needed
        assert focused.count("<tr>") == len(comparison.modalities) + 1
        # every property, one card per approach; what matters is marked in words, not only by colour
        assert everything.count('class="course-modality-card"') == len(comparison.modalities)
        assert everything.count("<dt>") == len(comparison.modalities) * len(comparison.attributes)
        assert everything.count("★ matters here") == n * len(comparison.modalities)
        for reason in scenario.matters:
            assert comparison.attribute(reason.attribute).label.replace("?", "") in focused
