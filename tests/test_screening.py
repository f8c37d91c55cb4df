"""Chapter 'Before and around treatment': the HBV serology interpreter and the vaccine timing planner, as data,
models and widgets driven in Python (the browser tests click the same widgets on the built page)."""

from __future__ import annotations

import itertools

import pytest
from data_patch import record

import widgets
from widgets.data import DataError
from widgets.models.hbv_serology import BANDED, load_hbv_serology
from widgets.models.vaccine_timing import load_vaccine_timing

HBV, VAC = "hbv_serology", "vaccine_timing"
COMBOS = list(itertools.product([False, True], repeat=3))


@pytest.fixture(scope="module")
def hbv():
    return load_hbv_serology()


@pytest.fixture(scope="module")
def plan():
    return load_vaccine_timing()


# ---------- HBV: data and model ----------


def test_every_marker_combination_has_exactly_one_reading(hbv):
    assert sorted(p.markers for p in hbv.patterns) == sorted(COMBOS)


@pytest.mark.parametrize(
    "markers,words",
    [
        ((False, False, False), "Never infected"),
        ((False, False, True), "Immune after vaccination if the level is above 10 mIU/mL"),
        ((False, True, True), "Recovered from a past infection and immune"),
        ((True, True, False), "Chronic infection if IgM anti-HBc is negative"),
        ((False, True, False), "false positive"),
    ],
)
def test_patterns_read_as_cdc_table(hbv, markers, words):
    assert words in hbv.pattern(*markers).meaning


def test_anti_hbs_never_changes_the_band(hbv):
    """AGA: do not use anti-HBs to decide on prophylaxis. Recovered-and-immune and isolated anti-HBc get the
    same band for every drug class."""
    for d in hbv.drug_classes:
        immune = hbv.read(False, True, True, d.id)
        isolated = hbv.read(False, True, False, d.id)
        assert immune.band == isolated.band and immune.band is not None, d.id


@pytest.mark.parametrize(
    "class_id,hbsag_pos,past",
    [
        ("b-cell-depleting", "high", "high"),
        ("tnf-inhibitors", "moderate", "moderate"),
        ("cytokine-integrin", "moderate", "moderate"),
        ("steroids-high-long", "high", "moderate"),
        ("steroids-low-long", "moderate", "low"),
        ("steroids-short", "low", "low"),
        ("conventional", "low", "low"),
    ],
)
def test_bands_follow_the_aga_2015_table(hbv, class_id, hbsag_pos, past):
    assert hbv.read(True, True, False, class_id).band.id == hbsag_pos
    assert hbv.read(False, True, False, class_id).band.id == past


def test_no_infection_and_unclassified_patterns_have_no_band(hbv):
    for markers in COMBOS:
        p = hbv.pattern(*markers)
        for d in hbv.drug_classes:
            reading = hbv.read(*markers, d.id)
            assert (reading.band is None) == (p.status not in BANDED), (markers, d.id)
    assert hbv.pattern(False, False, False).status == "no-infection"
    assert hbv.pattern(True, False, False).status == "unclassified"


def test_jak_band_is_shown_as_unconfirmed_not_guessed(hbv):
    assert hbv.read(True, True, False, "jak-inhibitors").band.id == "unconfirmed"
    assert "not been confirmed" in hbv.bands["unconfirmed"].action


def test_unknown_drug_class_names_the_known_ones(hbv):
    with pytest.raises(KeyError, match="unknown drug class 'steroids'.*b-cell-depleting"):
        hbv.read(False, True, False, "steroids")


def test_duplicate_combination_names_file_record_field(course_content):
    course_content.patch(HBV, lambda d: record(d, "hbsag-only").update(anti_hbc=True))
    with pytest.raises(DataError) as exc:
        load_hbv_serology()
    msg = str(exc.value)
    assert f"data/{HBV}.yaml" in msg
    assert (
        f"{course_content.label(HBV, 'hbsag-only')}, field 'hbsag': same HBsAg/anti-HBc/anti-HBs combination "
        "as record 'chronic'"
    ) in msg


def test_unknown_band_names_the_field(course_content):
    course_content.patch(HBV, lambda d: d["drug_classes"][0]["bands"].update({"past-infection": "severe"}))
    with pytest.raises(DataError) as exc:
        load_hbv_serology()
    assert "drug_classes.0.bands.past-infection" in str(exc.value) and "severe" in str(exc.value)


# ---------- vaccines: data and model ----------


def test_every_therapy_has_advice_for_every_vaccine(plan):
    assert len(plan.advice) == len(plan.drugs) * len(plan.vaccines)


def test_no_live_vaccine_is_ever_given_on_schedule(plan):
    for v in plan.vaccines:
        if v.live:
            assert set(plan.verdicts_for(v.id).values()) <= {"defer", "avoid", "no-rule"}, v.id


def test_methotrexate_is_held_only_around_influenza(plan):
    verdicts = {v.id: plan.plan("methotrexate", v.id).verdict.id for v in plan.vaccines if not v.live}
    assert verdicts.pop("influenza") == "give-then-hold"
    assert set(verdicts.values()) == {"give"}
    assert "2 weeks" in plan.plan("methotrexate", "influenza").when


def test_high_dose_prednisone_defers_every_non_influenza_vaccine(plan):
    by_vaccine = {v.id: plan.plan("prednisone-20", v.id).verdict.id for v in plan.vaccines}
    assert by_vaccine.pop("influenza") == "give"
    assert set(by_vaccine.values()) == {"defer"}


def test_rituximab_times_non_live_vaccines_to_the_cycle(plan):
    for v in ("pneumococcal", "rzv", "meningococcal"):
        a = plan.plan("rituximab", v)
        assert a.verdict.id == "time-to-cycle" and "at least 2 weeks" in a.when, v


def test_complement_blockade_needs_meningococcal_vaccine_first(plan):
    a = plan.plan("c5", "meningococcal")
    assert a.verdict.id == "before-first-dose"
    assert "A, C, W, Y and B at least 2 weeks before the first dose" in a.when


def test_missing_pair_names_what_is_missing(course_content):
    course_content.patch(VAC, lambda d: d["records"].remove(record(d, "jak-live")))
    with pytest.raises(DataError) as exc:
        load_vaccine_timing()
    assert "field 'records': planner incomplete, no record for: jak x live" in str(exc.value)


def test_unknown_verdict_names_file_record_field(course_content):
    course_content.patch(VAC, lambda d: record(d, "tnf-live").update(verdict="maybe"))
    with pytest.raises(DataError) as exc:
        load_vaccine_timing()
    assert f"{course_content.label(VAC, 'tnf-live')}, field 'verdict': unknown verdict 'maybe'" in str(exc.value)


# ---------- the widgets, driven in Python ----------


@pytest.mark.parametrize("name", ["hbv_serology_interpreter", "vaccine_timing_planner"])
def test_widget_says_it_is_a_teaching_tool(name):
    w = getattr(widgets, name)()
    assert "Teaching tool, not clinical decision support" in w.children[0].value


def test_interpreter_shows_the_model_reading_for_every_choice(hbv):
    w = widgets.hbv_serology_interpreter()
    for markers in COMBOS:
        for k, d in enumerate(hbv.drug_classes):
            w.select(*map(int, markers), k)
            meaning, outcome = w.shown()
            reading = hbv.read(*markers, d.id)
            assert w.tree.visible() is outcome
            assert widgets.text.markdown_inline(reading.pattern.meaning) in meaning.value
            if reading.band:
                assert f"Band: {widgets.text.escape(reading.band.label)}" in outcome.value
                assert widgets.text.escape(d.name) in outcome.value
            else:
                assert "No band" in outcome.value


def test_interpreter_shares_leaves_by_group_and_class(hbv):
    w = widgets.hbv_serology_interpreter()
    leaves = {id(x) for stack in w.tree.stacks_by_level[3] for x in stack.children}
    assert len(leaves) == 2 * len(hbv.drug_classes) + 2  # two banded groups x classes, two unbanded groups
    assert len(w.tree.links) == 1 + 2 + 4 + 8  # each marker to every Stack of its level, class to 8 Stacks


def test_planner_shows_the_model_advice_for_every_pair(plan):
    w = widgets.vaccine_timing_planner()
    for i, d in enumerate(plan.drugs):
        for j, v in enumerate(plan.vaccines):
            w.select(i, j)
            a = plan.plan(d.id, v.id)
            shown = w.visible_leaf().value
            assert widgets.text.markdown_inline(a.when) in shown and widgets.text.escape(a.verdict.label) in shown


# ---------- issue 13 item 7: the safety checklists point here, and the JAK checklist is complete ----------


def test_jak_checklist_covers_hbv_zoster_vaccine_lipids_and_counts():
    from widgets.models.safety_checklist import load_safety_checklists

    model = load_safety_checklists()
    assert "jak-inhibitors" in model.screening_for("hepatitis B")
    items = model.checklist("jak-inhibitors")
    before = " ".join(i.text for i in items["before"]).lower()
    during = " ".join(i.text for i in items["during"]).lower()
    assert "recombinant (non-live) zoster vaccine" in before and "lymphocytes" in before
    assert "herpes zoster" in during and "lipids 4 to 8 weeks" in during
    assert all(
        "fda-label-xeljanz" in i.sources
        for i in items["before"] + items["during"]
        if any(w in i.text.lower() for w in ("hepatitis", "lipids", "zoster", "counts"))
    )


def test_safety_checklist_widget_points_to_this_chapter():
    w = widgets.safety_checklist_explorer()
    assert "Before and around treatment" in w.children[-1].value and "course-see-also" in w.children[-1].value
