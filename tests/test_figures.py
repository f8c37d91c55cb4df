"""The course figures (widgets.figures): every figure draws headless from validated data, bad data fails with
the file, record and field named, the SVG is byte-identical run to run, and the one palette stays distinct under
simulated colour-vision deficiencies."""

from __future__ import annotations

import itertools
import re

import matplotlib
import numpy as np
import pytest
from data_patch import record
from matplotlib.figure import Figure

import widgets
from widgets.data import DataError
from widgets.figures import FIGURES, build_figure, figure_svg
from widgets.figures.style import CREATOR
from widgets.models.figure_facts import load_figure_facts
from widgets.palette import FILL_HATCH, OKABE_ITO, _linear, rgb
from widgets.views import common

MECH = "mechanism_figures"


@pytest.mark.parametrize("name", sorted(FIGURES))
def test_every_figure_draws_headless_and_returns_a_figure(name):
    assert matplotlib.get_backend().lower() == "agg" or not matplotlib.is_interactive()
    fig = build_figure(name)
    assert isinstance(fig, Figure)
    texts = [t.get_text() for t in fig.findobj(matplotlib.text.Text) if t.get_text().strip()]
    assert len(texts) >= 3, f"{name} draws almost no labels: {texts}"


@pytest.mark.parametrize("name", sorted(FIGURES))
def test_svg_is_byte_identical_run_to_run_and_carries_no_date(name):
    first, second = figure_svg(name), figure_svg(name)
    assert first == second
    assert "<dc:date>" not in first and CREATOR in first
    assert first.lstrip().startswith("<?xml") and "<svg" in first


def test_the_salt_is_what_fixes_the_ids():
    """The SVG's ids (clip paths, hatch patterns) come from the salt: the same salt gives the same bytes, another
    salt other ids, so the byte-identical check above depends on the fixed salt and could fail without it."""
    from widgets.figures.registry import FIGURES, render_svg

    draw = FIGURES["car-domains"]
    first, again, other = render_svg(draw, "a"), render_svg(draw, "a"), render_svg(draw, "b")
    assert re.findall(r'id="([^"]+)"', first), "the SVG has no ids, so determinism was not exercised"
    assert first == again and first != other


def test_a_notebook_calls_one_function_that_displays_svg():
    shown = widgets.figure("car-domains")._repr_mimebundle_()
    assert shown["image/svg+xml"] == figure_svg("car-domains")
    with pytest.raises(ValueError, match="unknown figure 'no-such-figure'"):
        widgets.figure("no-such-figure")


def test_a_missing_part_names_file_record_and_field(course_content):
    course_content.patch(MECH, lambda doc: record(doc, "car-domains")["parts"].pop())  # drops cd3zeta
    with pytest.raises(DataError) as err:
        build_figure("car-domains")
    message = str(err.value)
    assert "mechanism_figures.yaml" in message
    assert course_content.label(MECH, "car-domains") in message and "parts.cd3zeta" in message


def test_an_unknown_drug_class_names_file_record_and_field(course_content):
    def edit(doc):
        part = next(p for p in record(doc, "cytokine-axes")["parts"] if p["id"] == "il17a")
        part["drug_class"] = "IL-17Z"

    course_content.patch(MECH, edit)
    with pytest.raises(DataError) as err:
        load_figure_facts("cytokine-axes")
    message = str(err.value)
    assert "mechanism_figures.yaml" in message and course_content.label(MECH, "cytokine-axes") in message
    assert re.search(r"parts\.\d+\.drug_class", message) and "IL-17Z" in message


def test_a_bad_status_is_caught_by_the_dataset_check(course_content):
    def edit(doc):
        record(doc, "tolerance-routes")["parts"][2]["status"] = "approvedish"

    course_content.patch(MECH, edit)
    with pytest.raises(DataError, match=r"tolerance-routes.*parts\.2\.status"):
        widgets.load_dataset(MECH)


# Colour-vision deficiency simulation: Machado, Oliveira & Fernandes (2009), "A physiologically-based model for
# simulation of color vision deficiency", IEEE TVCG 15(6):1291-1298, doi:10.1109/TVCG.2009.113, matrices for
# severity 1.0, applied to linear RGB. Colour difference: CIE 1976 Delta E*ab in CIELAB (D65). A difference of
# about 2.3 is just noticeable; 15 is plainly different at a glance, which is what a legend needs.
CVD = {
    "protanopia": [[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216], [-0.003882, -0.048116, 1.051998]],
    "deuteranopia": [[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413], [-0.011820, 0.042940, 0.968881]],
    "tritanopia": [[1.255528, -0.076749, -0.178779], [-0.078411, 0.930809, 0.147602], [0.004733, 0.691367, 0.303900]],
}
MIN_DELTA_E = 15.0
SRGB_TO_XYZ = np.array([[0.4124, 0.3576, 0.1805], [0.2126, 0.7152, 0.0722], [0.0193, 0.1192, 0.9505]])
D65 = np.array([0.95047, 1.0, 1.08883])


def lab(linear_rgb: np.ndarray) -> np.ndarray:
    t = SRGB_TO_XYZ @ linear_rgb / D65
    f = np.where(t > (6 / 29) ** 3, np.cbrt(t), t / (3 * (6 / 29) ** 2) + 4 / 29)
    return np.array([116 * f[1] - 16, 500 * (f[0] - f[1]), 200 * (f[1] - f[2])])


def seen(colour: str, matrix) -> np.ndarray:
    return lab(np.clip(np.array(matrix) @ np.array([_linear(c) for c in rgb(colour)]), 0, 1))


@pytest.mark.parametrize("deficiency", sorted(CVD))
def test_every_pair_of_fill_colours_stays_distinct(deficiency):
    names = [*FILL_HATCH, "black"]
    too_close = [
        (
            a,
            b,
            round(float(np.linalg.norm(seen(OKABE_ITO[a], CVD[deficiency]) - seen(OKABE_ITO[b], CVD[deficiency]))), 1),
        )
        for a, b in itertools.combinations(names, 2)
    ]
    too_close = [t for t in too_close if t[2] < MIN_DELTA_E]
    assert not too_close, f"under simulated {deficiency}: {too_close}"


def test_the_check_can_fail():
    """Red and green, the classic confusion, fall under the threshold with deuteranopia."""
    d = np.linalg.norm(seen("#D00000", CVD["deuteranopia"]) - seen("#00A000", CVD["deuteranopia"]))
    assert d < MIN_DELTA_E


def test_each_fill_colour_has_its_own_hatch_and_the_views_share_the_palette():
    assert len(set(FILL_HATCH.values())) == len(FILL_HATCH)
    assert set(FILL_HATCH) <= set(OKABE_ITO)
    assert common.OKABE_ITO is OKABE_ITO


def test_every_mechanism_record_is_drawn_by_a_figure():
    """A record in data/mechanism_figures.yaml that no function draws is dead data."""
    ids = {r["id"] for r in widgets.load_dataset(MECH).records}
    assert ids <= set(FIGURES), f"records with no figure: {sorted(ids - set(FIGURES))}"


def test_an_estimate_outside_its_interval_names_file_record_and_field(course_content):
    course_content.patch(
        "trial_effects", lambda doc: record(doc, "oral-surveillance")["outcomes"][0].update(estimate=2.5)
    )
    with pytest.raises(DataError) as err:
        build_figure("oral-surveillance")
    message = str(err.value)
    assert "trial_effects.yaml" in message and course_content.label("trial_effects", "oral-surveillance") in message
    assert "outcomes.0.estimate" in message and "outside its confidence interval" in message


def test_more_responders_than_patients_names_file_record_and_field(course_content):
    course_content.patch("car_t_outcomes", lambda doc: record(doc, "feng2025")["cohorts"][0].update(responders=16))
    with pytest.raises(DataError) as err:
        build_figure("car-t-outcomes")
    message = str(err.value)
    assert "car_t_outcomes.yaml" in message and course_content.label("car_t_outcomes", "feng2025") in message
    assert "cohorts.0.responders" in message


def test_the_forest_plot_reads_its_intervals_from_the_numbers():
    from widgets.models.trial_effects import load_trial_result

    trial = load_trial_result("oral-surveillance")
    mace, cancer = trial.outcomes
    assert trial.reading(mace).startswith("includes no difference")
    assert trial.reading(cancer).startswith("excludes no difference")
    text = " ".join(
        " ".join(t.get_text().split()) for t in build_figure("oral-surveillance").findobj(matplotlib.text.Text)
    )
    assert f"HR {mace.estimate:g} (95% CI {mace.low:g} to {mace.high:g})" in text


# ---- the B-cell interactive: stepped weeks, pre-rendered panels ------------------------------------------


def test_each_week_panel_shows_what_the_sources_report_for_that_week():
    from widgets.models.b_cell_return import load_b_cell_return

    model = load_b_cell_return()
    steps = widgets.b_cell_return_steps()
    assert list(steps.sizes) == [len(model.weeks)]
    for week in model.weeks:
        html = steps.show(week)
        assert f"Week {week}" in html
        assert not re.search(r"<h[1-6]", html), "a heading in a panel breaks the page's heading order"
        for course in model.courses:
            phase = course.at(week)
            expected = model.states[phase.state] if phase else "Not reported by the cited source"
            assert expected in html, (week, course.id)
    rituximab, car_t = model.courses
    assert rituximab.at(104).state == "memory-low" and car_t.at(104) is None
    figure = steps.children[1].value  # the time course, drawn once above the buttons
    assert figure.count("<svg") == 1 and 'role="img"' in figure and "aria-label=" in figure


def test_overlapping_phases_name_file_record_and_field(course_content):
    course_content.patch("b_cell_return", lambda doc: record(doc, "cd19-car-t")["phases"][1].update({"from": 10}))
    with pytest.raises(DataError) as err:
        widgets.b_cell_return_steps()
    message = str(err.value)
    assert "b_cell_return.yaml" in message and course_content.label("b_cell_return", "cd19-car-t") in message
    assert "phases.1.from" in message


def test_the_panels_keep_the_widget_state_small():
    """The widget page budget is 1.0 MB gzip for everything a cold browser fetches (tools/bench_pages.py)."""
    import gzip
    import json

    from ipywidgets.embed import dependency_state

    # each model compressed on its own: in the page the models sit among other widgets' state, so gzip finds
    # little to share between them (one SVG per panel cost about 40 kB gzip on chapter 2's page)
    state = dependency_state([widgets.b_cell_return_steps()])  # this widget's models only
    assert sum(len(gzip.compress(json.dumps(m).encode())) for m in state.values()) < 15_000


# ---- decks: a figure's caption goes with it ---------------------------------------------------------------


def test_the_deck_shows_each_figure_with_its_caption():
    from pathlib import Path

    import nbformat

    from course_tools import build_slides

    nb = nbformat.read(Path(__file__).resolve().parent.parent / "chapters" / "06_car_t.ipynb", as_version=4)
    cells = build_slides.prepare(nb).cells
    k = next(i for i, c in enumerate(cells) if 'widgets.figure("car-domains")' in c.source)
    assert cells[k].metadata["transient"] == {"remove_source": True}
    caption = cells[k + 1]
    assert caption.cell_type == "markdown" and caption.source.startswith("*The parts of a chimeric antigen")
    assert "course-citation" in caption.source and "{cite}" not in caption.source
    assert not any("{numref}" in c.source or "fig-car-domains" in c.source for c in cells if c.cell_type == "markdown")
