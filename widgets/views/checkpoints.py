"""'Brakes and accelerators of a T cell': five switches, each state pre-rendered (no kernel needed)."""

from __future__ import annotations

import ipywidgets as ipw

from widgets.models.checkpoints import NO_DRUG, CheckpointModel, Outcome, load_checkpoints
from widgets.text import escape, markdown_inline
from widgets.views.common import OKABE_ITO, choice_buttons, html_panel, readable_diagram, sources_html
from widgets.views.panels import NestedPanels
from widgets.views.registry import builder


def signals_svg(model: CheckpointModel, outcome: Outcome) -> str:
    eff = outcome.effective
    boxes = [(s.name, eff[s.id], "go" if s.kind == "accelerator" else "brake") for s in model.signals]
    parts = []
    for i, (name, on, kind) in enumerate(boxes):
        x = 8 + i * 112
        colour = OKABE_ITO["bluish_green"] if kind == "go" else OKABE_ITO["vermillion"]
        fill = colour if on else "#ffffff"
        txt = "#000000"
        dash = "" if on else ' stroke-dasharray="5 4"'
        state = ("ON" if on else "off") + (" (brake)" if kind == "brake" else "")
        parts.append(
            f'<rect x="{x}" y="8" width="104" height="48" rx="6" fill="{fill}" stroke="#000" '
            f'stroke-width="2"{dash}/><text x="{x + 52}" y="28" text-anchor="middle" font-size="13" '
            f'font-weight="bold" fill="{txt}">{escape(name)}</text><text x="{x + 52}" y="46" text-anchor="middle" '
            f'font-size="12" fill="{txt}">{state}</text>'
        )
    n = len(model.levels) - 1
    bar = 440 * outcome.activation / n
    alt = (
        f"After the drug acts: signal 1 {'on' if eff['signal1'] else 'off'}, CD28 {'on' if eff['cd28'] else 'off'}, "
        f"CTLA-4 {'engaged' if eff['ctla4'] else 'not engaged'}, PD-1 {'engaged' if eff['pd1'] else 'not engaged'}. "
        f"T-cell outcome: {outcome.level}, activation {outcome.activation} of {n}."
    )
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="{escape(alt)}" viewBox="0 0 460 100" '
        f'width="100%" style="max-width:460px"><title>{escape(alt)}</title>{"".join(parts)}'
        f'<rect x="8" y="66" width="440" height="20" fill="#ffffff" stroke="#000"/>'
        f'<rect x="8" y="66" width="{bar:.0f}" height="20" fill="{OKABE_ITO["blue"]}"/>'
        f'<text x="228" y="81" text-anchor="middle" font-size="12" fill="#000" stroke="#fff" stroke-width="3" '
        f'paint-order="stroke">activation {outcome.activation} of {n}: {escape(outcome.level)}</text></svg>'
    )


def outcome_panel(model: CheckpointModel, signal1: bool, cd28: bool, ctla4: bool, pd1: bool, drug: str) -> ipw.HTML:
    o = model.outcome(signal1, cd28, ctla4, pd1, drug)
    drug_html = (
        f"<p><strong>{escape(model.drug(drug).label)}.</strong> {markdown_inline(o.drug_effect)}</p>"
        if drug != NO_DRUG
        else ""
    )
    return html_panel(
        f'<h4 class="course-outcome">{escape(o.headline)}</h4>{readable_diagram(signals_svg(model, o))}'
        f"<p>{markdown_inline(o.explanation)}</p>{drug_html}{sources_html(o.sources)}"
    )


class TCellActivation(NestedPanels):
    def __init__(self, model: CheckpointModel):
        self.model = model
        toggles = [choice_buttons(["Off", "On"], s.control) for s in model.signals]
        drug = choice_buttons([d.label for d in model.drugs], "Drug:")
        header = [ipw.HTML("<strong>Switch the signals, then add a drug</strong>")]
        super().__init__(
            [*toggles, drug],
            [2, 2, 2, 2, len(model.drugs)],
            lambda ix: outcome_panel(model, *map(bool, ix[:4]), model.drug_ids[ix[4]]),
            initial=[1, 1, 0, 0, 0],
            header=header,
        )
        self.add_class("course-t-cell")


@builder(interactive=True, data_prose=True)
def t_cell_activation() -> TCellActivation:
    """Chapter 3 interactive: signal 1, CD28, CTLA-4, PD-1 and a drug -> the T cell's response."""
    return TCellActivation(load_checkpoints())
