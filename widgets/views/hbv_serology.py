"""'Read the panel': set HBsAg, anti-HBc and anti-HBs, choose a drug class, and read what the pattern means,
the reactivation-risk band and the action, step by step.

Works with no kernel: a `PanelTree` with four levels. The meaning depends on all three markers, so the tree
wraps each pattern's drug-class Stack with its meaning panel (`around`); the band and action depend only on
the risk group and the drug class, so the last `step` folds the markers into the group and leaves are shared
(one per group and class, one per unbanded group).
"""

from __future__ import annotations

import ipywidgets as ipw

from widgets.models.hbv_serology import BANDED, HbvSerology, load_hbv_serology, marker_words
from widgets.text import escape, markdown_inline
from widgets.views.common import OKABE_ITO, ROOT_CLASS, choice_buttons, html_panel, shared_panel_look, sources_html
from widgets.views.panels import PanelTree
from widgets.views.presentation import DECK_SIDE_BY_SIDE_CLASS
from widgets.views.registry import builder

_BAND_LOOK = {
    "high": OKABE_ITO["vermillion"],
    "moderate": OKABE_ITO["yellow"],
    "low": OKABE_ITO["sky_blue"],
    "unconfirmed": "#ffffff",
}
DISCLAIMER = (
    "<strong>Teaching tool, not clinical decision support.</strong> It shows how guidelines read a "
    "screening panel; it does not decide anyone's care."
)


def _toggle(label: str) -> ipw.RadioButtons:
    return choice_buttons(["Negative", "Positive"], f"{label}:")


class HbvSerologyInterpreter(ipw.VBox):
    def __init__(self, model: HbvSerology):
        self.model = model
        look = shared_panel_look()
        self.marker_controls = [_toggle(m.label) for m in model.markers]
        self.class_control = choice_buttons([f"{d.name} ({d.examples})" for d in model.drug_classes], "Drug class:")
        self.meanings = {p.markers: self._meaning(p, look) for p in model.patterns}
        self._leaves: dict[tuple, ipw.HTML] = {}

        def step(state: tuple, k: int, i: int) -> tuple:
            if k < 3:
                return (*state, bool(i))
            status = model.pattern(*state).status
            return (status, i) if status in BANDED else (status,)

        def leaf(state: tuple) -> ipw.HTML:
            if state not in self._leaves:
                self._leaves[state] = self._outcome(state, look)
            return self._leaves[state]

        def around(k: int, state: tuple, node: ipw.Widget) -> ipw.Widget:
            return ipw.VBox([self.meanings[state], node]) if k == 2 else node

        self.tree = PanelTree(
            [*self.marker_controls, self.class_control],
            [2, 2, 2, len(model.drug_classes)],
            leaf,
            step=step,
            around=around,
        )
        header = ipw.HTML(
            f"<h4>Hepatitis B serology interpreter (as of {escape(model.as_of)})</h4>"
            f'<p class="course-disclaimer">{DISCLAIMER}</p>'
        )
        super().__init__([header, *self.marker_controls, self.class_control, self.tree.root])
        self.add_class(ROOT_CLASS)
        self.add_class("course-hbv-serology")
        self.add_class(DECK_SIDE_BY_SIDE_CLASS)  # controls, then their panel: a deck may set them side by side

    def _meaning(self, p, look) -> ipw.HTML:
        status = self.model.statuses[p.status]
        return html_panel(
            f'<h5>1. What this panel means</h5><p class="course-hbv-pattern">'
            f"{escape(marker_words(self.model.markers, p.markers))}</p><p>{markdown_inline(p.meaning)}</p>"
            f'<p><strong>Risk group:</strong> <span class="course-hbv-group">{escape(status.label)}</span></p>'
            f"{sources_html(p.sources)}",
            **look,
        )

    def _outcome(self, state: tuple, look) -> ipw.HTML:
        status = self.model.statuses[state[0]]
        if len(state) == 1:
            return html_panel(
                f'<h5>2. Reactivation risk</h5><p class="course-hbv-band"><strong>No band:</strong> '
                f"{escape(status.label)}</p><h5>3. What to do</h5><p>{markdown_inline(status.explain)}</p>"
                f"{sources_html(status.sources)}",
                **look,
            )
        d = self.model.drug_classes[state[1]]
        band = self.model.bands[d.bands[status.id]]
        note = f"<p><strong>This class:</strong> {markdown_inline(d.note)}</p>" if d.note else ""
        return html_panel(
            f"<h5>2. Reactivation risk: {escape(d.name)}</h5>"
            f'<p class="course-hbv-band" data-band="{escape(band.id)}"><span style="border:2px solid #000;'
            f'padding:2px 8px;background:{_BAND_LOOK[band.id]}"><strong>Band: {escape(band.label)}</strong>'
            f"</span> for {escape(status.label)} people</p>"
            f"<h5>3. What to do</h5><p>{markdown_inline(band.action)}</p>{note}"
            f"{sources_html(tuple(dict.fromkeys(d.sources + band.sources)))}",
            **look,
        )

    @property
    def controls(self) -> list[ipw.Widget]:
        return self.tree.controls

    @property
    def sizes(self) -> tuple[int, ...]:
        return self.tree.sizes

    def select(self, *indices: int) -> None:
        """HBsAg, anti-HBc, anti-HBs (0 negative, 1 positive) and the drug class's index, as the links do."""
        self.tree.select(*indices)

    def shown(self) -> tuple[ipw.HTML, ipw.HTML]:
        """The meaning panel and the outcome panel a browser shows now."""
        values = tuple(bool(c.index) for c in self.marker_controls)
        return self.meanings[values], self.tree.visible()


@builder(interactive=True, data_prose=True)
def hbv_serology_interpreter() -> HbvSerologyInterpreter:
    """Chapter 'Before and around treatment' interactive, from data/hbv_serology.yaml."""
    return HbvSerologyInterpreter(load_hbv_serology())
