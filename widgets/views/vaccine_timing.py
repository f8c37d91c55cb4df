"""'When can this vaccine be given?': choose a therapy and a vaccine and read the verdict, when, and why.
Works with no kernel: two controls over nested Stacks (`NestedPanels`), one pre-rendered panel per pair."""

from __future__ import annotations

import ipywidgets as ipw

from widgets.models.vaccine_timing import VaccineTiming, load_vaccine_timing
from widgets.text import escape, markdown_inline
from widgets.views.common import choice_buttons, html_panel, shared_panel_look, sources_html
from widgets.views.panels import NestedPanels
from widgets.views.registry import builder

DISCLAIMER = (
    "<strong>Teaching tool, not clinical decision support.</strong> It summarises named guidelines and "
    "labels, which differ by country and change; it does not decide anyone's care."
)


def _toggles(description: str, choices) -> ipw.RadioButtons:
    return choice_buttons([c.label for c in choices], description)


class VaccineTimingPlanner(NestedPanels):
    def __init__(self, model: VaccineTiming):
        self.model = model
        look = shared_panel_look()

        def leaf(ix: tuple[int, ...]) -> ipw.HTML:
            drug, vaccine = model.drugs[ix[0]], model.vaccines[ix[1]]
            a = model.plan(drug.id, vaccine.id)
            kind = "a live vaccine" if vaccine.live else "a non-live vaccine"
            return html_panel(
                f"<h4>{escape(drug.label)} and {escape(vaccine.label)}</h4>"
                f'<p class="course-verdict" data-verdict="{escape(a.verdict.id)}"><strong>'
                f"{escape(a.verdict.symbol)} {escape(a.verdict.label)}</strong></p>"
                f"<p><strong>When:</strong> {markdown_inline(a.when)}</p>"
                f"<p><strong>Why:</strong> {markdown_inline(a.why)}</p>"
                f"<p><small>{escape(drug.label)}: {escape(drug.detail)}. {escape(vaccine.label)}: {kind} "
                f"({escape(vaccine.detail)}).</small></p>{sources_html(a.sources)}",
                **look,
            )

        header = ipw.HTML(
            f"<h4>Vaccine timing planner (as of {escape(model.as_of)})</h4>"
            f'<p class="course-disclaimer">{DISCLAIMER}</p>'
        )
        super().__init__(
            [_toggles("Therapy:", model.drugs), _toggles("Vaccine:", model.vaccines)],
            [len(model.drugs), len(model.vaccines)],
            leaf,
            [0, 0],
            header=[header],
        )
        self.add_class("course-vaccine-timing")


@builder(interactive=True, data_prose=True)
def vaccine_timing_planner() -> VaccineTimingPlanner:
    """Chapter 'Before and around treatment' interactive, from data/vaccine_timing.yaml."""
    return VaccineTimingPlanner(load_vaccine_timing())
