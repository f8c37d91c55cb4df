"""Chapter 5 (CAR T): models with hand-worked values, the grading tables for every combination, bad data, and
the widgets driven in Python."""

from __future__ import annotations

import itertools
import re

import pytest
from data_patch import record

from widgets.data import DataError
from widgets.models.car_t_adverse_events import load_side_effects, timeline_days
from widgets.models.car_t_grading import load_grading
from widgets.models.car_t_manufacturing import load_manufacturing

ISSUE_ORDER = [
    "eligibility and screening",
    "leukapheresis",
    "shipping with chain of identity",
    "t-cell selection and activation",
    "gene transfer",
    "expansion",
    "harvest, formulation and cryopreservation",
    "quality-control release testing",
    "lymphodepleting chemotherapy",
    "infusion",
    "monitoring and follow-up",
]


# ---------- manufacturing ----------


@pytest.fixture(scope="module")
def manufacturing():
    return load_manufacturing()


def test_steps_complete_and_in_order(manufacturing):
    assert [s.title.lower() for s in manufacturing.steps] == ISSUE_ORDER
    assert [s.number for s in manufacturing.steps] == list(range(1, 12))
    for s in manufacturing.steps:
        assert s.who and s.what and s.checks and s.can_go_wrong and s.sources
        assert s.location in ("treatment-centre", "manufacturing-facility", "in-transit")
        assert 0 <= s.duration.min <= s.duration.typical <= s.duration.max
    assert {s.location for s in manufacturing.steps} == {"treatment-centre", "manufacturing-facility", "in-transit"}


def test_vein_to_vein_consistent_with_cited_figures(manufacturing):
    lo, typ, hi = manufacturing.vein_to_vein()
    cited = [f.days for f in manufacturing.cited_vein_to_vein]
    assert sorted(cited) == [24, 30.4, 35.9, 48.4, 54]
    # the typical total lies within the spread of the cited medians, and the range covers all of them
    assert min(cited) <= typ <= max(cited), typ
    assert lo <= min(cited) and hi >= max(cited), (lo, hi)
    # hand-worked: 1+1+1+1+7+1+7+5+0 = 24 typical; 1+1+1+1+5+1+2+5 = 17; 4+2+2+3+12+2+21+18 = 64
    assert (lo, typ, hi) == (17, 24, 64)


def test_turnaround_consistent_with_yescarta_figures(manufacturing):
    lo, typ, hi = manufacturing.turnaround()
    cited = sorted(f.days for f in manufacturing.cited_turnaround)
    assert cited == [14, 16]
    assert lo <= 14 and typ <= 2 * 16 and hi >= 16


def test_offsets_are_cumulative(manufacturing):
    off = manufacturing.offsets()
    assert off["leukapheresis"] == (0, 1)
    assert off["expansion"] == (4, 11)
    assert off["infusion"] == (24, 24)
    assert off["eligibility"] == (-14, 0)
    assert off["monitoring"][0] == 24


# ---------- side effects ----------


@pytest.fixture(scope="module")
def side_effects():
    return load_side_effects()


def ids(events):
    return {e.id for e in events}


def test_events_cover_the_issue_list(side_effects):
    assert ids(side_effects.events) == {
        "crs",
        "icans",
        "early-cytopenia",
        "prolonged-cytopenia",
        "infection",
        "b-cell-aplasia",
        "infusion-reaction",
        "licats",
        "t-cell-malignancy",
        "iec-hs",
    }  # HLH/MAS, boxed warning (issue 12)


@pytest.mark.parametrize(
    "day, evidence, expected",
    [
        (-5, "oncology", {"early-cytopenia"}),
        (0, "oncology", {"early-cytopenia", "infection", "infusion-reaction"}),
        (2, "oncology", {"crs", "icans", "early-cytopenia", "infection", "b-cell-aplasia"}),
        # FDA: secondary T-cell cancers "may present as soon as weeks following infusion" (window from day 14)
        (21, "oncology", {"icans", "early-cytopenia", "infection", "b-cell-aplasia", "t-cell-malignancy"}),
        (56, "oncology", {"prolonged-cytopenia", "infection", "b-cell-aplasia", "t-cell-malignancy"}),
        (182, "oncology", {"b-cell-aplasia", "t-cell-malignancy"}),
        (1095, "oncology", {"t-cell-malignancy"}),
        (2, "autoimmune", {"crs", "early-cytopenia", "b-cell-aplasia", "licats"}),
        (10, "autoimmune", {"crs", "early-cytopenia", "b-cell-aplasia", "licats"}),
        (42, "autoimmune", {"b-cell-aplasia"}),
        (365, "autoimmune", set()),
    ],
)
def test_events_active_on_hand_worked_days(side_effects, day, evidence, expected):
    assert ids(side_effects.events_active_on(day, evidence)) == expected


def test_evidence_switch_changes_the_answer(side_effects):
    assert "licats" in ids(side_effects.events_active_on(10, "autoimmune"))
    assert "licats" not in ids(side_effects.events_active_on(10, "oncology"))
    with pytest.raises(ValueError, match="unknown evidence"):
        side_effects.events_active_on(3, "veterinary")


def test_timeline_days_reach_late_events():
    days = timeline_days()
    assert days[0] == -5 and days == sorted(days) and days[-1] >= 365 and 91 in days
    assert all(b - a == 1 for a, b in itertools.pairwise(days) if b <= 28)


# ---------- grading: every combination against the consensus tables ----------

GRADING = load_grading()
CRS, ICANS = GRADING.scale("crs"), GRADING.scale("icans")
crs_grade, icans_grade = CRS.grade, ICANS.grade
CRS_HYPOTENSION, CRS_HYPOXIA = CRS.domain("hypotension"), CRS.domain("hypoxia")
ICANS_DOMAINS = ICANS.domains
ICE, CONSCIOUSNESS, SEIZURE, MOTOR, ICP = (ICANS.domain(d) for d in ("ice", "consciousness", "seizure", "motor", "icp"))

# The ASTCT tables as rows: the grade is the highest row any finding matches (fever is required for CRS).
CRS_TABLE = {  # grade: (hypotension level, hypoxia level) that define that row
    2: ("Not requiring vasopressors", "Low-flow nasal cannula (≤6 L/min) or blow-by oxygen"),
    3: (
        "Requiring one vasopressor, with or without vasopressin",
        "High-flow nasal cannula (>6 L/min), facemask, non-rebreather or Venturi mask",
    ),
    4: (
        "Requiring several vasopressors (not counting vasopressin)",
        "Positive pressure (CPAP, BiPAP, intubation and mechanical ventilation)",
    ),
}


def crs_from_table(fever: bool, hypotension: str, hypoxia: str) -> int:
    if not fever:
        return 0
    grade = 1
    for g, (hypo, oxy) in CRS_TABLE.items():
        if hypotension == hypo or hypoxia == oxy:
            grade = max(grade, g)
    return grade


def test_crs_every_combination():
    count = 0
    for f, h, o in itertools.product(range(2), range(4), range(4)):
        expected = crs_from_table(f == 1, CRS_HYPOTENSION.levels[h], CRS_HYPOXIA.levels[o])
        assert crs_grade(f, h, o) == expected, (f, h, o)
        count += 1
    assert count == 32
    assert crs_grade(1, 0, 0) == 1 and crs_grade(0, 3, 3) == 0 and crs_grade(1, 1, 2) == 3 and crs_grade(1, 3, 0) == 4


ICANS_TABLE = {  # the ASTCT ICANS table, one set of findings per grade row
    1: {"ice": {"7–9"}, "consciousness": {"Awakens spontaneously"}},
    2: {"ice": {"3–6"}, "consciousness": {"Awakens to voice"}},
    3: {
        "ice": {"0–2"},
        "consciousness": {"Awakens only to touch"},
        "seizure": {SEIZURE.levels[1]},
        "icp": {"Focal or local oedema on neuroimaging"},
    },
    4: {
        "ice": {ICE.levels[4]},
        "consciousness": {CONSCIOUSNESS.levels[4]},
        "seizure": {SEIZURE.levels[2]},
        "motor": {MOTOR.levels[1]},
        "icp": {ICP.levels[2]},
    },
}


def icans_from_table(chosen: dict[str, str]) -> int:
    grade = 0
    for g, row in ICANS_TABLE.items():
        if any(chosen[dom] in levels for dom, levels in row.items()):
            grade = max(grade, g)
    return grade


def test_icans_every_combination():
    count = 0
    for combo in itertools.product(*(range(len(d.levels)) for d in ICANS_DOMAINS)):
        chosen = {d.id: d.levels[i] for d, i in zip(ICANS_DOMAINS, combo, strict=True)}
        assert icans_grade(*combo) == icans_from_table(chosen), chosen
        count += 1
    assert count == 5 * 5 * 3 * 2 * 3
    assert icans_grade(0, 0, 0, 0, 0) == 0 and icans_grade(1, 0, 0, 0, 0) == 1 and icans_grade(2, 1, 0, 0, 0) == 2
    assert icans_grade(0, 0, 1, 0, 0) == 3 and icans_grade(1, 0, 0, 1, 0) == 4


def test_grading_rejects_unknown_levels():
    with pytest.raises(ValueError, match="no level 7"):
        crs_grade(1, 7, 0)
    with pytest.raises(ValueError, match="motor: no level 2"):
        icans_grade(0, 0, 0, 2, 0)


# ---------- bad data ----------

MAN, AE = "car_t_manufacturing", "car_t_adverse_events"


def test_negative_duration_names_file_record_field(course_content):
    course_content.patch(MAN, lambda d: record(d, "expansion")["duration"].update(min=-2))
    with pytest.raises(DataError) as exc:
        load_manufacturing()
    msg = str(exc.value)
    assert f"data/{MAN}.yaml" in msg
    assert f"{course_content.label(MAN, 'expansion')}, field 'duration.min': negative duration -2 days" in msg


def test_onset_after_end_names_file_record_field(course_content):
    def edit(doc):
        window = record(doc, "infection")["evidence"]["oncology"]
        window.update(start=window["end"] + 4, onset_median=None)

    end = record(course_content.patch(AE, edit), "infection")["evidence"]["oncology"]["end"]
    with pytest.raises(DataError) as exc:
        load_side_effects()
    msg = str(exc.value)
    assert f"data/{AE}.yaml" in msg
    assert (
        f"{course_content.label(AE, 'infection')}, field 'evidence.oncology.start': onset day {end + 4} is "
        f"after the end day {end}"
    ) in msg


def test_unknown_source_key_names_file_record_field(course_content):
    """A key nested in an evidence window and a key at the top of a record, in two files."""
    course_content.patch(
        AE, lambda d: record(d, "licats")["evidence"]["autoimmune"]["sources"].__setitem__(0, "hagen2025licatz")
    )
    with pytest.raises(DataError) as exc:
        load_side_effects()
    msg = str(exc.value)
    assert f"data/{AE}.yaml" in msg
    assert (
        f"{course_content.label(AE, 'licats')}, field 'evidence.autoimmune.sources.0': unknown reference key "
        "'hagen2025licatz' (not in references.bib)"
    ) in msg
    course_content.patch(MAN, lambda d: record(d, "gene-transfer")["sources"].__setitem__(1, "nosuch2099key"))
    with pytest.raises(DataError) as exc:
        load_manufacturing()
    assert (
        f"{course_content.label(MAN, 'gene-transfer')}, field 'sources.1': unknown reference key 'nosuch2099key'"
        in str(exc.value)
    )


# ---------- widgets driven in Python ----------


def linked(links, a, b):
    return any({link.source[0], link.target[0]} == {a, b} for link in links)


def test_manufacturing_walkthrough_widget():
    import widgets

    w = widgets.manufacturing_walkthrough()
    assert "course-widget" in w._dom_classes and "course-car-t-manufacturing" in w._dom_classes
    assert len(w.stack.children) == 11 == len(w.step.options)
    assert w.step.options[0][0] == "1. Eligibility and screening" and linked(w.links, w.step, w.stack)
    for i, title in enumerate(ISSUE_ORDER):
        w.show(i)
        panel = w.stack.children[w.stack.selected_index].value
        assert f"Step {i + 1} of 11: " in panel and title in panel.lower()
        assert 'role="img"' in panel and "<title>" in panel and "Sources:" in panel
    with pytest.raises(ValueError):
        w.show(11)


def test_side_effect_timeline_widget():
    import widgets

    w = widgets.side_effect_timeline()
    assert "course-car-t-timeline" in w._dom_classes
    days = timeline_days()
    assert all(len(s.children) == len(days) for s in w.inner) and len(w.outer.children) == 2
    assert linked(w.links, w.evidence, w.outer) and all(linked(w.links, w.day, s) for s in w.inner)
    w.show(2, "oncology")
    assert "<strong>CRS</strong>" in w.visible_panel().value
    w.show(1095, "oncology")
    assert "<strong>T-cell cancer</strong>" in w.visible_panel().value
    w.show(10, "autoimmune")
    panel = w.visible_panel().value
    assert "<strong>LICATS</strong>" in panel and "Not drawn, no timing data" in panel
    w.show(10, "oncology")
    assert "<strong>LICATS</strong>" not in w.visible_panel().value


def test_grading_explorer_every_combination_shows_the_model_grade():
    import widgets

    g = widgets.grading_explorer()
    assert "course-car-t-grading" in g._dom_classes
    crs, icans = g.section("crs"), g.section("icans")
    for combo in itertools.product(range(2), range(4), range(4)):
        expected = crs.select(*combo)
        assert expected == crs_grade(*combo) and f'data-grade="{expected}"' in crs.shown().value, combo
    for combo in itertools.product(*(range(len(d.levels)) for d in ICANS_DOMAINS)):
        expected = icans.select(*combo)
        assert expected == icans_grade(*combo) and f'data-grade="{expected}"' in icans.shown().value, combo
    # shared Stacks keep the widget small: at most 5 per domain, each linked to its control
    stacks = [s for level in icans.tree.stacks_by_level for s in level]
    assert len(stacks) <= 5 * 5 and sum(map(len, crs.tree.stacks_by_level)) <= 3 * 5
    assert all(
        linked(icans.tree.links, icans.controls[k], s)
        for k, level in enumerate(icans.tree.stacks_by_level)
        for s in level
    )
    # the note under each finding follows its own control
    icans.select(0, 0, 1, 0, 0)
    assert "Grade 3" in icans.notes[2].visible().value


def _lines(section) -> list[str]:
    return [re.sub(r"<[^>]+>", "", n.visible().value) for n in section.notes]


def test_grading_lines_claim_no_grade_for_every_combination_that_sets_none():
    """Issue 16: with no fever, the hypotension line once read "On its own this finding sets: Grade 1". In every
    combination whose grade is 0, no line under a finding names a grade, and without fever every other line says
    that there is no CRS without fever."""
    import widgets

    g = widgets.grading_explorer()
    crs, icans = g.section("crs"), g.section("icans")
    no_grade = 0
    for combo in itertools.product(range(2), range(4), range(4)):
        if crs.select(*combo):
            continue
        no_grade += 1
        fever, *others = _lines(crs)
        assert fever.startswith("No CRS") and "fever is required" in fever and "Grade" not in fever, (combo, fever)
        assert all(line == CRS.without_required for line in others), (combo, others)
        assert "no CRS without fever" in CRS.without_required and "Grade" not in CRS.without_required
    assert no_grade == 16  # every combination without fever, and only those
    for combo in itertools.product(*(range(len(d.levels)) for d in ICANS_DOMAINS)):
        if icans.select(*combo):
            continue
        no_grade += 1
        assert all(line == "This finding adds nothing to the grade" for line in _lines(icans)), (combo, _lines(icans))
    assert no_grade == 17


def test_grading_lines_say_what_each_finding_contributes_with_fever():
    import widgets

    crs = widgets.grading_explorer().section("crs")
    crs.select(1, 0, 0)
    assert _lines(crs) == [
        "CRS, at least Grade 1",
        "This finding adds nothing to the grade",
        "This finding adds nothing to the grade",
    ]
    crs.select(1, 1, 3)
    assert _lines(crs)[1:] == ["This finding sets at least Grade 2", "This finding sets at least Grade 4"]
    crs.select(0, 1, 3)
    assert _lines(crs)[1:] == [CRS.without_required] * 2


def test_a_scale_with_a_required_domain_needs_its_absent_line(course_content):
    course_content.patch("car_t_grading", lambda d: d["records"][0].pop("without_required"))
    with pytest.raises(DataError) as exc:
        load_grading()
    assert "data/car_t_grading.yaml" in str(exc.value) and "field 'without_required'" in str(exc.value)
