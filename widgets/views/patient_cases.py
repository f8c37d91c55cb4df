"""Patient-case explorer: pick a case, then a biomarker result; see what changes, why, and the source."""

from __future__ import annotations

import ipywidgets as ipw

from widgets.models.patient_cases import Outcome, PatientCase, PatientCases, load_patient_cases
from widgets.text import escape, markdown_inline, markdown_to_html
from widgets.views.common import html_panel, sources_html
from widgets.views.panels import ChoicePanels
from widgets.views.registry import builder


def outcome_panel(case: PatientCase, outcome: Outcome, changes: bool) -> ipw.HTML:
    same = "" if changes else "<p><strong>Note:</strong> every result of this test leads to the same decision.</p>"
    return html_panel(
        f'<h4 class="course-verdict">{escape(case.biomarker)}: {escape(outcome.label)} → '
        f"{markdown_inline(outcome.verdict)}</h4>"
        f"<p><strong>Decision:</strong> {escape(outcome.decision)}</p>"
        f"<div><strong>Why.</strong> {markdown_to_html(outcome.why)}</div>{same}{sources_html(outcome.sources)}"
    )


def case_panel(model: PatientCases, case: PatientCase) -> ipw.VBox:
    changes = model.decision_changing(case.id)
    intro = html_panel(
        f"<h4>{escape(case.title)}</h4>{markdown_to_html(case.vignette)}"
        f"<p><strong>Test:</strong> {escape(case.biomarker)}. "
        f"<strong>Can the result change the decision?</strong> {'Yes' if changes else 'No'}.</p>"
        f"{sources_html(case.sources)}"
    )
    results = ChoicePanels(
        [o.label for o in case.outcomes],
        [outcome_panel(case, o, changes) for o in case.outcomes],
        description="Result:",
        initial=None,
        heading="Pick a result",
    )
    results.add_class("course-case-results")
    return ipw.VBox(children=[intro, results])


class PatientCaseExplorer(ChoicePanels):
    def __init__(self, model: PatientCases):
        self.model = model
        self.case_panels = [case_panel(model, c) for c in model.cases]
        super().__init__(
            [c.title for c in model.cases], self.case_panels, description="Case:", heading="Choose a patient case"
        )
        self.add_class("course-patient-cases")

    def choose(self, case_id: str, result: str) -> str:
        """Python-side choice (tests, live kernel); returns the HTML of the outcome panel now shown."""
        ids = [c.id for c in self.model.cases]
        case = self.model.case(case_id)
        idx = [o.result_id for o in case.outcomes].index(case.outcome(result).result_id)
        self.select(ids.index(case_id))
        results = self.case_panels[ids.index(case_id)].children[1]
        results.select(idx)
        return results.stack.children[idx].value


@builder(interactive=True, data_prose=True)
def patient_case_explorer() -> PatientCaseExplorer:
    """Chapter 6 interactive, from data/patient_cases.yaml."""
    return PatientCaseExplorer(load_patient_cases())
