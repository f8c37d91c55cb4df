"""Models behind chapters 2 and 3: therapy filters, concentration curves against the closed form, T-cell logic."""

from __future__ import annotations

import itertools
import math

import pytest
from data_patch import record

from widgets.data import DataError
from widgets.models.checkpoints import load_checkpoints
from widgets.models.pharmacokinetics import DosingScenario, elimination_rate
from widgets.models.therapies import load_therapies


# ---- therapy table -------------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def table():
    return load_therapies()


def test_table_covers_the_agents_of_the_digest(table):
    ids = {t.id for t in table.records}
    assert {
        "rituximab",
        "ocrelizumab",
        "ofatumumab",
        "obinutuzumab",
        "belimumab",
        "anifrolumab",
        "natalizumab",
        "infliximab",
        "etanercept",
        "adalimumab",
        "certolizumab-pegol",
        "golimumab",
        "tocilizumab",
        "sarilumab",
        "secukinumab",
        "ixekizumab",
        "ustekinumab",
        "guselkumab",
        "risankizumab",
        "abatacept",
        "teplizumab",
        "tofacitinib",
        "baricitinib",
        "upadacitinib",
    } <= ids


def test_rituximab_is_not_approved_for_sle_and_obinutuzumab_is_for_lupus_nephritis(table):
    assert not table.get("rituximab").treats("sle") and not table.get("rituximab").treats("ln")
    assert "Not approved for SLE" in table.get("rituximab").notes
    assert [t.id for t in table.by_disease("ln")] == ["obinutuzumab", "belimumab"]
    assert {t.id for t in table.by_disease("sle")} == {"belimumab", "anifrolumab"}


def test_filter_by_class_target_and_disease(table):
    assert [t.id for t in table.by_class("anti-CD20")] == [
        "rituximab",
        "ocrelizumab",
        "ofatumumab",
        "obinutuzumab",
        "ublituximab",
    ]  # Briumvi, MS 2022 (issue 12)
    assert [t.id for t in table.by_target("cd20")] == [t.id for t in table.by_class("anti-CD20")]
    assert {t.id for t in table.by_target("IL-6")} == {"tocilizumab", "sarilumab", "satralizumab"}
    # no IL-17A blocker and no TNF inhibitor is approved in MS
    assert {t.drug_class for t in table.by_disease("rms")} == {"anti-CD20", "integrin"}
    assert [t.id for t in table.filter(drug_class="anti-CD20", disease="rms")] == [
        "ocrelizumab",
        "ofatumumab",
        "ublituximab",
    ]
    assert [t.id for t in table.filter(target="TNF", disease="crohns")] == [
        "infliximab",
        "adalimumab",
        "certolizumab-pegol",
    ]
    assert len(table.filter()) == len(table.records)


def test_filter_errors_name_the_bad_value(table):
    with pytest.raises(KeyError, match="unknown disease 'lupus'"):
        table.by_disease("lupus")
    with pytest.raises(KeyError, match="unknown class 'anti-CD22'"):
        table.by_class("anti-CD22")
    with pytest.raises(ValueError, match="needs some text"):
        table.by_target("  ")
    with pytest.raises(KeyError, match="unknown therapy 'x'"):
        table.get("x")


def test_intervals_and_biologics(table):
    assert table.get("etanercept").interval_days == 7
    assert table.get("rituximab").interval_days == 168
    assert table.get("teplizumab").interval_days is None  # a single course
    assert not table.get("tofacitinib").is_biologic and table.get("abatacept").is_biologic


def test_bad_therapy_data_names_file_record_and_field(course_content):
    def edit(doc):
        r = record(doc, "rituximab")
        r["indications"] = [{"disease": "ra", "year": 1990}, {"disease": "lupus"}, {"disease": "ra"}]
        r["dosing"]["interval_days"] = 0

    first = record(course_content.patch("therapies", edit), "rituximab")["first_fda_approval"]
    first_year = int(str(first.get("date", first.get("year")))[:4])
    assert first_year > 1990
    with pytest.raises(DataError) as exc:
        load_therapies()
    msg = str(exc.value)
    where = course_content.label("therapies", "rituximab")
    assert "data/therapies.yaml" in msg
    assert f"{where}, field 'indications.1.disease': unknown disease 'lupus'" in msg
    assert f"{where}, field 'indications.2.disease': disease 'ra' listed twice" in msg
    assert (
        f"{where}, field 'indications.0.year': approval year 1990 is before the agent's first FDA approval "
        f"({first_year})"
    ) in msg
    assert f"{where}, field 'dosing.interval_days': must be a positive number of days, got 0" in msg


def test_missing_dosing_and_unknown_field_are_named(course_content):
    def edit(doc):
        r = record(doc, "adalimumab")
        r["interval"] = r.pop("dosing")["interval_days"]

    course_content.patch("therapies", edit)
    with pytest.raises(DataError) as exc:
        load_therapies()
    msg = str(exc.value)
    assert f"{course_content.label('therapies', 'adalimumab')}, field 'dosing': missing required field" in msg
    assert "unknown field(s)" in msg and "'interval'" in msg


def test_date_year_mismatch_and_unknown_source_are_named(course_content):
    def edit(doc):
        r = record(doc, "adalimumab")
        r["first_fda_approval"] = {**r["first_fda_approval"], "date": "2002-12-31", "year": 2003}
        r["sources"].append("nobody2030madeup")

    doc = course_content.patch("therapies", edit)
    with pytest.raises(DataError) as exc:
        load_therapies()
    msg = str(exc.value)
    where = course_content.label("therapies", "adalimumab")
    j = len(record(doc, "adalimumab")["sources"]) - 1
    assert f"{where}, field 'sources.{j}': unknown reference key 'nobody2030madeup'" in msg
    assert f"{where}, field 'first_fda_approval': date 2002-12-31 and year 2003 disagree" in msg


def test_a_route_that_the_dosing_text_does_not_name_is_refused(course_content):
    def edit(doc):
        record(doc, "adalimumab")["route"] = ["IV"]  # its regimen is "40 mg SC every other week"

    course_content.patch("therapies", edit)
    with pytest.raises(DataError) as exc:
        load_therapies()
    where = course_content.label("therapies", "adalimumab")
    assert f"{where}, field 'route': ['IV'] does not match the routes dosing.text names (['SC'])" in str(exc.value)


def test_investigational_agents_have_evidence_and_no_indications(course_content):
    """An agent approved only outside autoimmune disease lists no autoimmune indication and says what the
    evidence is; an approved one must list an indication and carries no evidence field."""

    def edit(doc):
        record(doc, "teclistamab").pop("evidence")
        record(doc, "blinatumomab")["indications"] = [{"disease": "ra"}]
        record(doc, "rituximab")["indications"] = []

    course_content.patch("therapies", edit)
    with pytest.raises(DataError) as exc:
        load_therapies()
    msg = str(exc.value)
    assert f"{course_content.label('therapies', 'teclistamab')}, field 'evidence': missing required field" in msg
    assert f"{course_content.label('therapies', 'blinatumomab')}, field 'indications'" in msg
    assert f"{course_content.label('therapies', 'rituximab')}, field 'indications'" in msg


def test_engagers_are_investigational_and_never_listed_under_a_disease(table):
    engagers = table.by_class("T-cell engager")
    assert {t.id for t in engagers} == {"blinatumomab", "teclistamab"}
    assert all(t.investigational and t.evidence and not t.indications for t in engagers)
    assert {t.id for t in table.investigational()} == {"blinatumomab", "teclistamab"}
    assert not {t.id for d in table.diseases_in_use() for t in table.by_disease(d)} & {"blinatumomab", "teclistamab"}
    assert table.get("teclistamab").routes == ("SC",) and table.get("blinatumomab").routes == ("IV",)


# ---- concentration model ------------------------------------------------------------------------------------
def test_elimination_rate_and_single_dose_halves_each_half_life():
    assert elimination_rate(21) == pytest.approx(math.log(2) / 21)
    s = DosingScenario(21, 10_000)
    assert s.concentration(0) == 1.0
    assert s.concentration(21) == pytest.approx(0.5)
    assert s.concentration(63) == pytest.approx(0.125)
    assert s.concentration(-1) == 0.0


def test_hand_worked_repeated_doses():
    s = DosingScenario(21, 21)  # one half-life per interval
    assert s.concentration(21) == pytest.approx(1.5)  # 1 + 1/2, just after dose 2
    assert s.concentration(42) == pytest.approx(1.75)  # 1 + 1/2 + 1/4
    assert s.concentration(41.999999) == pytest.approx(0.75, rel=1e-5)  # just before dose 3
    assert s.accumulation_ratio == pytest.approx(2.0)
    assert s.steady_peak == pytest.approx(2.0) and s.steady_trough == pytest.approx(1.0)
    assert s.trough_share_of_peak == pytest.approx(0.5)


@pytest.mark.parametrize("half_life,interval", [(4, 7), (21, 7), (21, 28), (28, 168), (11, 14)])
def test_closed_form_matches_superposition_sum(half_life, interval):
    s = DosingScenario(half_life, interval)
    for t in [0, 0.5, interval - 1e-6, interval, 3.3 * interval, 10 * interval + 2, 364]:
        assert s.concentration(t) == pytest.approx(s.concentration_sum(t), rel=1e-12, abs=1e-15)


def test_limited_number_of_doses_stops_adding():
    s = DosingScenario(21, 21, n_doses=2)
    assert s.concentration(42) == pytest.approx(0.75)  # no third dose
    assert s.concentration(42) == pytest.approx(s.concentration_sum(42))


def test_curve_approaches_steady_state_and_rejects_bad_input():
    s = DosingScenario(21, 7)
    pts = s.curve(364)
    assert pts[0] == (0, 1.0) and pts[-1][0] == pytest.approx(364)
    assert max(c for _, c in pts) == pytest.approx(s.steady_peak, rel=0.01)
    assert all(c <= s.steady_peak + 1e-9 for _, c in pts)
    for bad in [(0, 7), (21, 0), (-1, 7)]:
        with pytest.raises(ValueError):
            DosingScenario(*bad)


# ---- T-cell activation ----------------------------------------------------------------------------------------
MODEL = load_checkpoints()
DRUGS, LEVELS, t_cell_outcome = MODEL.drug_ids, MODEL.level_names, MODEL.outcome


def test_the_model_reads_its_levels_and_drugs_from_data():
    assert LEVELS == ("resting", "anergic", "strongly restrained", "restrained", "activated")
    assert DRUGS == ("none", "anti-pd1", "anti-ctla4", "abatacept", "pd1-agonist")
    assert MODEL.drug("abatacept").sets == {"cd28": False, "ctla4": False}


def test_no_signal_one_means_no_activation_whatever_else():
    for cd28, ctla4, pd1, drug in itertools.product([False, True], [False, True], [False, True], DRUGS):
        assert t_cell_outcome(False, cd28, ctla4, pd1, drug).level == "resting"


def test_two_signals_and_brakes():
    assert t_cell_outcome(True, True, False, False).level == "activated"
    assert t_cell_outcome(True, False, False, False).level == "anergic"
    assert t_cell_outcome(True, True, True, False).level == "restrained"
    assert t_cell_outcome(True, True, False, True).level == "restrained"
    assert t_cell_outcome(True, True, True, True).level == "strongly restrained"


def test_each_drug_moves_the_cell_the_right_way():
    assert t_cell_outcome(True, True, False, True, "anti-pd1").level == "activated"  # brake released
    assert t_cell_outcome(True, True, True, False, "anti-ctla4").level == "activated"
    assert t_cell_outcome(True, True, False, False, "abatacept").level == "anergic"  # no co-stimulation
    assert t_cell_outcome(True, True, False, False, "pd1-agonist").level == "restrained"  # brake applied
    # a blocker of a brake that is not engaged changes nothing, and says so
    same = t_cell_outcome(True, True, False, False, "anti-pd1")
    assert same.level == "activated" and "not engaged" in same.drug_effect


def test_every_state_has_an_explanation_and_sources():
    for state in itertools.product([False, True], repeat=4):
        for drug in DRUGS:
            o = t_cell_outcome(*state, drug)
            assert o.level in LEVELS and o.activation == LEVELS.index(o.level)
            assert o.explanation and o.sources and "chen2013costimulation" in o.sources
            assert bool(o.drug_effect) == (drug != "none")
    assert "tuttle2023peresolimab" in t_cell_outcome(True, True, False, False, "pd1-agonist").sources
    with pytest.raises(ValueError, match="unknown drug 'nivolumab'"):
        t_cell_outcome(True, True, False, False, "nivolumab")
