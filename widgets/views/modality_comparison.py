"""'Which properties matter here?': a scenario and a view decide one pre-rendered panel: the reasons, then either a
table of the properties that matter or one card per approach with every property. A teaching tool, and the widget
says so."""

from __future__ import annotations

import ipywidgets as ipw

from widgets.models.modality_comparison import ModalityComparison, Scenario, load_modality_comparison
from widgets.text import escape, markdown_inline, markdown_to_html
from widgets.views.common import choice_buttons, html_panel, shared_panel_look, sources_html
from widgets.views.panels import NestedPanels
from widgets.views.registry import builder

VIEWS = ("What matters here", "Every property")
TEACHING_ONLY = (
    "A teaching tool, not clinical decision support: it shows which properties of each approach bear "
    "on an invented scenario, not what anyone should receive."
)
MATTERS_MARK = "★ matters here"  # text, so the marked properties never rest on colour or weight alone


def comparison_table(model: ModalityComparison, scenario: Scenario) -> str:
    """The approaches against the properties that matter in this scenario: few enough columns for a phone."""
    columns = model.columns(scenario)
    head = "".join(f'<th scope="col">{escape(a.label)}</th>' for a in columns)
    rows = "".join(
        f'<tr><th scope="row">{escape(m.name)}</th>'
        + "".join(f"<td>{markdown_inline(m.values[a.id].text)}</td>" for a in columns)
        + "</tr>"
        for m in model.modalities
    )
    return (
        f'<div style="overflow-x:auto"><table class="course-modality-table" style="overflow-wrap:anywhere"><caption>'
        f"{escape(scenario.label)}: {len(columns)} of {len(model.attributes)} properties compared. US status "
        f'as of {escape(model.as_of)}.</caption><thead><tr><th scope="col">Approach</th>{head}</tr></thead>'
        f"<tbody>{rows}</tbody></table></div>"
    )


def comparison_cards(model: ModalityComparison, scenario: Scenario) -> str:
    """Every property of every approach, one card per approach (seven columns would not fit a page), the
    properties that matter in this scenario marked in words."""
    matters = set(scenario.attribute_ids)
    cards = []
    for m in model.modalities:
        items = "".join(
            f"<dt>{escape(a.label)}{f' <small>{MATTERS_MARK}</small>' if a.id in matters else ''}</dt>"
            f"<dd>{markdown_inline(m.values[a.id].text)}</dd>"
            for a in model.attributes
        )
        cards.append(f'<div class="course-modality-card"><h5>{escape(m.name)}</h5><dl>{items}</dl></div>')
    return (
        f'<p class="course-modality-caption">{escape(scenario.label)}: all {len(model.attributes)} properties '
        f"of {len(model.modalities)} approaches. US status as of {escape(model.as_of)}.</p>{''.join(cards)}"
    )


def scenario_panel(model: ModalityComparison, scenario: Scenario, everything: bool, look: dict) -> ipw.HTML:
    columns = model.columns(scenario, everything)
    comparison = comparison_cards(model, scenario) if everything else comparison_table(model, scenario)
    reasons = "".join(
        f"<li><strong>{escape(model.attribute(r.attribute).label)}.</strong> {markdown_inline(r.why)}</li>"
        for r in scenario.matters
    )
    return html_panel(
        f"<h4>{escape(scenario.label)}</h4>"
        f"<div>{markdown_to_html(scenario.vignette)}</div>"
        f'<p><strong>What matters here, and why:</strong></p><ul class="course-matters">{reasons}</ul>'
        f"{comparison}"
        f"{sources_html(model.sources_for(scenario, columns))}",
        **look,
    )


class ModalityComparisonExplorer(NestedPanels):
    def __init__(self, model: ModalityComparison):
        self.model = model
        look = shared_panel_look()
        scenario = choice_buttons([s.label for s in model.scenarios], "Scenario:")
        view = choice_buttons(list(VIEWS), "Show:")
        header = [
            ipw.HTML("<strong>Compare the approaches for a scenario</strong>"),
            ipw.HTML(f'<p class="course-teaching-only"><em>{escape(TEACHING_ONLY)}</em></p>'),
        ]
        super().__init__(
            [scenario, view],
            [len(model.scenarios), len(VIEWS)],
            lambda ix: scenario_panel(model, model.scenarios[ix[0]], bool(ix[1]), look),
            initial=[0, 0],
            header=header,
        )
        self.add_class("course-modality-comparison")


@builder(interactive=True, data_prose=True)
def modality_comparison() -> ModalityComparisonExplorer:
    """Restoring-tolerance chapter interactive, from data/modality_comparison.yaml."""
    return ModalityComparisonExplorer(load_modality_comparison())
