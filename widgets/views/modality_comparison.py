"""'Which properties matter here?': a scenario and a view (what matters / every property) decide one
pre-rendered comparison table, with the reasons. A teaching tool, and the widget says so."""
from __future__ import annotations

import ipywidgets as ipw

from widgets.models.modality_comparison import Attribute, ModalityComparison, Scenario, load_modality_comparison
from widgets.text import escape, markdown_inline, markdown_to_html
from widgets.views.common import html_panel, shared_panel_look, sources_html
from widgets.views.panels import NestedPanels
from widgets.views.registry import builder

VIEWS = ("What matters here", "Every property")
TEACHING_ONLY = ("A teaching tool, not clinical decision support: it shows which properties of each approach bear "
                 "on an invented scenario, not what anyone should receive.")
MATTERS_MARK = "★ matters here"  # text, so the marked columns never rest on colour or weight alone


def _header(attribute: Attribute, marked: bool) -> str:
    mark = f"<br><small>{MATTERS_MARK}</small>" if marked else ""
    return f'<th scope="col">{escape(attribute.label)}{mark}</th>'


def comparison_table(model: ModalityComparison, scenario: Scenario, columns: tuple[Attribute, ...]) -> str:
    matters = set(scenario.attribute_ids)
    head = "".join(_header(a, a.id in matters and len(columns) > len(matters)) for a in columns)
    rows = "".join(
        f'<tr><th scope="row">{escape(m.name)}</th>'
        + "".join(f"<td>{markdown_inline(m.values[a.id].text)}</td>" for a in columns) + "</tr>"
        for m in model.modalities)
    return (f'<div style="overflow-x:auto"><table class="course-modality-table"><caption>'
            f'{escape(scenario.label)}: {len(columns)} of {len(model.attributes)} properties compared. US status '
            f'as of {escape(model.as_of)}.</caption><thead><tr><th scope="col">Approach</th>{head}</tr></thead>'
            f'<tbody>{rows}</tbody></table></div>')


def scenario_panel(model: ModalityComparison, scenario: Scenario, everything: bool, look: dict) -> ipw.HTML:
    columns = model.columns(scenario, everything)
    reasons = "".join(
        f"<li><strong>{escape(model.attribute(r.attribute).label)}.</strong> {markdown_inline(r.why)}</li>"
        for r in scenario.matters)
    return html_panel(
        f"<h4>{escape(scenario.label)}</h4>"
        f"<div>{markdown_to_html(scenario.vignette)}</div>"
        f"<p><strong>What matters here, and why:</strong></p><ul class=\"course-matters\">{reasons}</ul>"
        f"{comparison_table(model, scenario, columns)}"
        f"{sources_html(model.sources_for(scenario, columns))}", **look)


class ModalityComparisonExplorer(NestedPanels):
    def __init__(self, model: ModalityComparison):
        self.model = model
        look = shared_panel_look()
        scenario = ipw.ToggleButtons(options=[(s.label, i) for i, s in enumerate(model.scenarios)],
                                     description="Scenario:",
                                     style={"button_width": "auto", "description_width": "initial"})
        view = ipw.ToggleButtons(options=[(v, i) for i, v in enumerate(VIEWS)], description="Show:",
                                 style={"button_width": "auto", "description_width": "initial"})
        header = [ipw.HTML("<strong>Compare the approaches for a scenario</strong>"),
                  ipw.HTML(f'<p class="course-teaching-only"><em>{escape(TEACHING_ONLY)}</em></p>')]
        super().__init__([scenario, view], [len(model.scenarios), len(VIEWS)],
                         lambda ix: scenario_panel(model, model.scenarios[ix[0]], bool(ix[1]), look),
                         initial=[0, 0], header=header)
        self.add_class("course-modality-comparison")


@builder(interactive=True, data_prose=True)
def modality_comparison() -> ModalityComparisonExplorer:
    """Restoring-tolerance chapter interactive, from data/modality_comparison.yaml."""
    return ModalityComparisonExplorer(load_modality_comparison())
