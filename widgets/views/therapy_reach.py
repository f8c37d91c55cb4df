"""'How far does a treatment reach?': pick a strategy, see which immune components it acts on."""

from __future__ import annotations

import ipywidgets as ipw

from widgets.models.therapy_reach import Strategy, TherapyReach, load_therapy_reach
from widgets.text import escape, markdown_inline, markdown_to_html
from widgets.views.common import OKABE_ITO, html_panel, readable_diagram, sources_html
from widgets.views.panels import ChoicePanels
from widgets.views.registry import builder

_COLS, _W, _H, _GAP = 4, 150, 62, 10


def reach_svg(model: TherapyReach, strategy: Strategy) -> str:
    """A small hand-written SVG (deterministic, a few kB) of the components, reached ones filled and
    labelled 'reached'; spared ones outlined and labelled 'spared', so the meaning never rests on colour."""
    rows = -(-len(model.components) // _COLS)
    width, height = _COLS * (_W + _GAP) + _GAP, rows * (_H + _GAP) + _GAP
    reached = [c.label for c in model.reached(strategy)]
    alt = (
        f"Diagram of {len(model.components)} parts of the immune response. {strategy.name} reaches "
        f"{len(reached)}: {', '.join(reached) or 'none'}. The others are spared."
    )
    shapes = []
    for i, comp in enumerate(model.components):
        x, y = _GAP + (i % _COLS) * (_W + _GAP), _GAP + (i // _COLS) * (_H + _GAP)
        hit = comp.id in strategy.acts_on
        fill = OKABE_ITO["blue"] if hit else "#ffffff"
        text = "#ffffff" if hit else "#000000"
        dash = "" if hit else ' stroke-dasharray="6 4"'
        shapes.append(
            f'<rect x="{x}" y="{y}" width="{_W}" height="{_H}" rx="8" fill="{fill}" stroke="#000000" '
            f'stroke-width="2"{dash}/>'
            f'<text x="{x + _W / 2}" y="{y + 26}" text-anchor="middle" font-size="14" fill="{text}" '
            f'font-weight="bold">{escape(comp.label)}</text>'
            f'<text x="{x + _W / 2}" y="{y + 46}" text-anchor="middle" font-size="13" fill="{text}">'
            f"{'✔ reached' if hit else 'spared'}</text>"
        )
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="{escape(alt)}" '
        f'viewBox="0 0 {width} {height}" width="100%" style="max-width:{width}px">'
        f"<title>{escape(alt)}</title>{''.join(shapes)}</svg>"
    )


def strategy_panel(model: TherapyReach, strategy: Strategy) -> ipw.HTML:
    share = round(100 * strategy.breadth(model.components))
    spared = ", ".join(c.label for c in model.spared(strategy)) or "nothing drawn here"
    return html_panel(
        f"<h4>{escape(strategy.name)}</h4>"
        f"<p><em>Examples:</em> {markdown_inline(strategy.examples)}</p>"
        f"{readable_diagram(reach_svg(model, strategy))}"
        f"<p><strong>Reach:</strong> {share}% of the parts drawn. <strong>Spares:</strong> {escape(spared)}.</p>"
        f"<div><strong>How it works.</strong> {markdown_to_html(strategy.how)}</div>"
        f"<div><strong>Trade-off.</strong> {markdown_to_html(strategy.trade_off)}</div>"
        f"{sources_html(strategy.sources)}"
    )


class TherapyReachExplorer(ChoicePanels):
    def __init__(self, model: TherapyReach):
        self.model = model
        super().__init__(
            [s.name for s in model.strategies],
            [strategy_panel(model, s) for s in model.strategies],
            description="Strategy:",
            heading="Choose a treatment strategy",
        )
        self.add_class("course-therapy-reach")


@builder(interactive=True, data_prose=True)
def therapy_reach_explorer() -> TherapyReachExplorer:
    """Chapter 1 interactive, from data/therapy_reach.yaml."""
    return TherapyReachExplorer(load_therapy_reach())
