"""Chapter 'pathogenic-antibodies': the FcRn-blockade model and the complement-cascade model checked by hand and
against the cited numbers, their views driven in Python, and bad data refused with file, record and field named."""

from __future__ import annotations

import re

import pytest

from widgets.data import DataError
from widgets.models.complement_blockade import load_cascade
from widgets.models.fcrn_blockade import decay_curve, fit_factor, igg_curve, load_fcrn_model
from widgets.views.complement_blockade import ComplementCascade
from widgets.views.fcrn_blockade import IgGUnderFcRnBlockade


@pytest.fixture(scope="module")
def model():
    return load_fcrn_model()


@pytest.fixture(scope="module")
def cascade():
    return load_cascade()


def regimen(model, rid):
    return [r.id for r in model.regimens].index(rid)


def other(model, oid):
    return [o.id for o in model.others].index(oid)


# ---------- FcRn blockade: the model ----------


def test_without_blockade_igg_stays_at_baseline_and_an_antibody_halves_in_one_half_life(model):
    days = [0.0, 21.0, 42.0]
    assert igg_curve((), model.k0, model.factor, days) == pytest.approx([1, 1, 1])
    assert decay_curve((), model.k0, model.factor, 0.0, days) == pytest.approx([1, 0.5, 0.25])
    assert decay_curve((), model.k0, model.factor, 21.0, days) == pytest.approx([0, 1, 0.5])


def test_the_piecewise_solution_matches_step_by_step_integration(model):
    """The exact pieces agree with a plain small-step integration of dG/dt = k0 - k(t) G."""
    s = model.scenario(regimen(model, "cycles"), other(model, "during-cycle"))
    g, c, dt = 1.0, 0.0, 0.001
    blocked = s.blocked
    for n in range(int(120 / dt)):
        t = n * dt
        if abs(t - s.other.day) < dt / 2:
            c = 1.0
        k = model.k0 * (model.factor if any(a <= t < b for a, b in blocked) else 1.0)
        g += (model.k0 - k * g) * dt
        c += -k * c * dt
    assert s.igg[120] == pytest.approx(g, abs=2e-3)
    assert s.other_with_blocker[120] == pytest.approx(c, abs=2e-3)


def test_the_blocking_factor_reproduces_the_measured_one_cycle_fall(model):
    s = model.scenario(regimen(model, "one-cycle"), other(model, "none"))
    assert s.igg_on(model.reduction_day) == pytest.approx(1 - model.reduction, abs=1e-6)
    assert 1 < model.factor < 10


def test_after_one_cycle_igg_returns_as_fast_as_was_measured(model):
    """Not fitted: IgG back to 90% of baseline within 6-10 weeks of the last dose (measured: about 8 weeks)."""
    s = model.scenario(regimen(model, "one-cycle"), other(model, "none"))
    weeks = (s.day_igg_back_to(0.9) - s.regimen.last_dose_of_first_cycle) / 7
    assert abs(weeks - model.recovery_weeks) <= 2, weeks


def test_cycles_repeat_and_continuous_dosing_settles_at_the_steady_state(model):
    cyc = model.scenario(regimen(model, "cycles"), other(model, "none"))
    assert cyc.blocked == ((0, 28), (56, 84), (112, 140), (168, 182))
    lows = [cyc.igg_on(d) for d in (28, 84, 140)]
    assert max(lows) - min(lows) < 0.03 and all(cyc.igg_on(56) > low + 0.3 for low in lows)
    cont = model.scenario(regimen(model, "continuous"), other(model, "none"))
    assert cont.blocked == ((0, 182),)
    assert cont.igg_on(182) == pytest.approx(1 / model.factor, abs=1e-3)  # dG/dt = 0 at G = k0 / k


def test_another_antibody_is_cleared_faster_only_while_fcrn_is_blocked(model):
    during = model.scenario(regimen(model, "one-cycle"), other(model, "during-cycle"))
    after = model.scenario(regimen(model, "one-cycle"), other(model, "after-cycle"))
    assert during.other_exposure_ratio() < 0.6 and during.other_level_ratio() < 0.3
    assert after.other_exposure_ratio() == pytest.approx(1.0) and after.other_level_ratio() == pytest.approx(1.0)
    # with cycles every 8 weeks, day 35 is caught by the next cycle (day 56): the 2-week gap alone is not enough
    caught = model.scenario(regimen(model, "cycles"), other(model, "after-cycle"))
    assert 0.6 < caught.other_exposure_ratio() < 0.95
    # two weeks before its dose the antibody is not there at all
    assert during.other_with_blocker[during.other.day - 1] == 0.0


def test_fitting_refuses_an_impossible_fall(model):
    cycle = model.regimens[regimen(model, "one-cycle")]
    with pytest.raises(ValueError, match="between 0 and 1, got 1.2"):
        fit_factor(model.k0, cycle, 1.2, 29)
    with pytest.raises(ValueError, match="no blocking factor lowers IgG by 100% by day 1"):
        fit_factor(model.k0, cycle, 0.9999, 1)


# ---------- FcRn blockade: bad data ----------


def test_a_second_half_life_record_is_refused(course_content):
    course_content.patch("fcrn_blockade", lambda d: d["records"][1].update(role="half-life", unit="days"))
    with pytest.raises(DataError) as exc:
        load_fcrn_model()
    msg = str(exc.value)
    assert "data/fcrn_blockade.yaml" in msg and "need exactly one record with role 'half-life', found 2" in msg


def test_a_wrong_unit_names_record_and_field(course_content):
    course_content.patch("fcrn_blockade", lambda d: d["records"][0].update(unit="weeks"))
    with pytest.raises(DataError) as exc:
        load_fcrn_model()
    assert f"{course_content.label('fcrn_blockade', 'igg-half-life')}, field 'unit'" in str(exc.value)
    assert "measured in days, not weeks" in str(exc.value)


def test_an_unknown_opening_choice_and_an_unknown_regimen_field_are_refused(course_content):
    def edit(d):
        d["initial"]["regimen"] = "weekly-forever"
        d["regimens"][0]["colour"] = "blue"

    course_content.patch("fcrn_blockade", edit)
    with pytest.raises(DataError) as exc:
        load_fcrn_model()
    msg = str(exc.value)
    assert "colour" in msg and "regimens.0" in msg


def test_a_cycle_restarting_before_it_ends_is_refused(course_content):
    course_content.patch("fcrn_blockade", lambda d: d["regimens"][1].update(cycle_every_days=14))
    with pytest.raises(DataError) as exc:
        load_fcrn_model()
    assert "regimens.1.cycle_every_days" in str(exc.value) and "before the previous one ends" in str(exc.value)


# ---------- FcRn blockade: the view ----------


def test_the_view_pre_draws_every_combination_and_says_what_it_shows(model):
    w = IgGUnderFcRnBlockade(model)
    assert w.sizes == (3, 3)
    w.select(regimen(model, "one-cycle"), other(model, "during-cycle"))
    leaf = w.visible_leaf().value
    level = model.scenario(regimen(model, "one-cycle"), other(model, "during-cycle")).other_level_ratio()
    assert f"its level is <strong>{level:.0%}</strong>" in leaf and "given on day 7" in leaf
    alt = re.search(r'<svg[^>]*aria-label="([^"]+)"', leaf).group(1)
    assert len(alt.split()) >= 20 and "Hatched bands" in alt
    header = w.children[0].value
    assert "not clinical decision support" in header and "not dosing advice" in header


def test_every_panel_has_its_own_hatch_pattern(model):
    """A pattern defined in a hidden panel is not drawn in another: ids must differ across panels."""
    w = IgGUnderFcRnBlockade(model)
    ids = []
    for i in range(3):
        for j in range(3):
            w.select(i, j)
            ids += re.findall(r'<pattern id="([^"]+)"', w.visible_leaf().value)
    assert len(ids) == 9 == len(set(ids))


# ---------- Complement: the model ----------


def test_a_block_stops_every_step_after_it(cascade):
    assert cascade.blocked_steps("none") == set()
    assert cascade.blocked_steps("eculizumab") == {"c5", "c5a", "mac"}
    assert cascade.blocked_steps("zilucoplan") == {"c5", "c5a", "mac"}
    assert cascade.blocked_steps("avacopan") == {"c5a"}
    assert [cascade.depth(s.id) for s in cascade.steps] == [0, 1, 2, 2]


def test_the_boxed_warning_follows_where_the_drug_acts(cascade):
    """The chapter's rule, checked on the cited label facts: every drug that stops the MAC carries the
    meningococcal boxed warning and a REMS; a drug that leaves the MAC intact carries neither."""
    for d in cascade.drugs:
        assert d.boxed_warning == d.rems == (not cascade.mac_forms(d.id)), d.id
    assert cascade.mac_forms("avacopan") and not cascade.c5a_signals("avacopan")


def test_a_step_after_a_later_step_and_an_unknown_block_are_refused(course_content):
    def edit(d):
        d["steps"][1]["after"] = ["mac"]
        d["records"][1]["blocks"] = ["c3"]

    doc = course_content.patch("complement_blockade", edit)
    with pytest.raises(DataError) as exc:
        load_cascade()
    msg = str(exc.value)
    assert "steps.1.after" in msg and "'mac' is not a step listed before 'c5'" in msg
    assert f"{course_content.label('complement_blockade', doc['records'][1]['id'])}, field 'blocks'" in msg
    assert "unknown step 'c3'" in msg


# ---------- Complement: the view ----------


def test_the_panels_say_what_follows_in_words_not_colour_alone(cascade):
    w = ComplementCascade(cascade)
    ecu, ava = w.show("eculizumab"), w.show("avacopan")
    assert "Why vaccination is not enough" in ecu and "Why vaccination is not enough" not in ava
    assert re.search(r"Membrane attack complex \(C5b-9\)</th><td><strong>Blocked", ecu)
    assert re.search(r"Membrane attack complex \(C5b-9\)</th><td>Forms", ava)
    assert ecu.count("✕ blocked") == 3 and ava.count("✕ blocked") == 1
    assert "Eculizumab acts here" in ecu and "Avacopan acts here" in ava
    assert "not clinical decision support" in w.children[0].value
    with pytest.raises(KeyError, match="unknown drug 'pozelimab'"):
        w.show("pozelimab")
