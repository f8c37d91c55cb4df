"""'Grade it yourself': ASTCT 2019 consensus grading of CRS and ICANS from chosen findings.

Works with no kernel. Each domain's radio buttons are linked in the browser to Stacks (a `PanelTree` per
scale). A plain nesting (one Stack per combination of earlier choices) would need 2 + 8 Stacks for CRS and
5 + 25 + 75 + 150 for ICANS. The grade only depends on the *worst grade so far* (and, for CRS, on whether fever
is present), so the tree folds the choices into that state and shares Stacks: one per (domain, state), at most
5 per domain, and one leaf per grade. A Stack shows only its selected child, and the same child may sit at
several indices, so sharing costs nothing in the browser.
"""

from __future__ import annotations

import ipywidgets as ipw
from ipywidgets.widgets.widget_string import HTMLStyle

from widgets.models.car_t_grading import Domain, Grading, Scale, load_grading
from widgets.text import escape, markdown_inline
from widgets.views.common import OKABE_ITO, ROOT_CLASS, choice_buttons, sources_html
from widgets.views.panels import PanelTree, check_indices
from widgets.views.presentation import deck_may_break, deck_two_up
from widgets.views.registry import builder

_GRADE_COLOURS = {
    0: "#ffffff",
    1: OKABE_ITO["sky_blue"],
    2: OKABE_ITO["yellow"],
    3: OKABE_ITO["orange"],
    4: OKABE_ITO["vermillion"],
}


def grade_badge(title: str, grade: int, words: dict[int, str], explain: str) -> ipw.HTML:
    text = "#ffffff" if grade == 4 else "#000000"
    return ipw.HTML(
        f'<div class="course-grade" data-grade="{grade}" style="border:2px solid #000;padding:6px 10px;'
        f'background:{_GRADE_COLOURS[grade]};color:{text};max-width:640px"><strong>{escape(title)}: '
        f"{escape(words[grade])}</strong><br>{escape(explain)}</div>"
    )


def _radio(domain: Domain) -> ipw.RadioButtons:
    return choice_buttons(domain.levels, domain.label + ":")


def _domain_note(scale: Scale, k: int, controls: list[ipw.RadioButtons]) -> PanelTree:
    """The line under domain k's radio buttons: what the chosen finding contributes. It follows the domain's own
    control and, for a domain that is not required, the required domains' controls too (no fever: no CRS)."""
    deps = scale.line_inputs(k)
    look = {"layout": ipw.Layout(), "style": HTMLStyle()}
    lines: dict[str, ipw.HTML] = {}

    def line(ix: tuple[int, ...]) -> ipw.HTML:
        text = scale.line(k, ix)
        if text not in lines:  # one panel per distinct line, shared by the Stacks that show it
            lines[text] = ipw.HTML(f'<small class="course-contribution">{escape(text)}</small>', **look)
        return lines[text]

    return PanelTree([controls[j] for j in deps], [len(scale.domains[j].levels) for j in deps], line)


class ScaleSection(ipw.VBox):
    """One scale: a row per domain (control and note), then the grade, from a PanelTree folded on the state."""

    def __init__(self, scale: Scale):
        self.scale = scale
        self.controls = [_radio(d) for d in scale.domains]
        self.notes = [_domain_note(scale, k, self.controls) for k in range(len(scale.domains))]
        badges = {g: grade_badge(scale.short, g, scale.words, scale.explain(g)) for g in range(5)}
        self.tree = PanelTree(
            self.controls,
            [len(d.levels) for d in scale.domains],
            lambda state: badges[scale.finish(state)],
            step=scale.fold,
            start=scale.START,
        )
        super().__init__(
            [
                ipw.HTML(f"<h4>{escape(scale.title)}</h4>"),
                deck_two_up(ipw.VBox([ipw.VBox([c, n.root]) for c, n in zip(self.controls, self.notes, strict=True)])),
                self.tree.root,
            ]
        )
        self.add_class(f"course-{scale.id}-grading")

    @property
    def sizes(self) -> tuple[int, ...]:
        return self.tree.sizes

    def select(self, *levels: int) -> int:
        """Python-side: one level per domain, as the browser links do; returns the grade."""
        self.tree.select(*levels)
        for k, note in enumerate(self.notes):
            note.select(*(levels[j] for j in self.scale.line_inputs(k)))
        return self.scale.grade(*levels)

    def shown(self) -> ipw.Widget:
        return self.tree.visible()


class GradingExplorer(ipw.VBox):
    def __init__(self, grading: Grading):
        self.grading = grading
        self.sections = [ScaleSection(s) for s in grading.scales]
        footer = ipw.HTML(f"<p><small>{markdown_inline(grading.note)}</small></p>" + sources_html(grading.sources))
        # each scale has its own controls and grade: in a deck, each may start a slide, and so may the footer
        for part in (*self.sections[1:], footer):
            deck_may_break(part)
        super().__init__(children=[*self.sections, footer])
        self.add_class(ROOT_CLASS)
        self.add_class("course-car-t-grading")

    def section(self, scale_id: str) -> ScaleSection:
        return self.sections[[s.scale.id for s in self.sections].index(scale_id)]

    @property
    def controls(self) -> list[ipw.Widget]:
        return [c for s in self.sections for c in s.controls]

    @property
    def sizes(self) -> tuple[int, ...]:
        return tuple(n for s in self.sections for n in s.sizes)

    def select(self, *indices: int) -> None:
        """Python-side: every domain's level, scale after scale (CRS: fever, hypotension, hypoxia; then ICANS)."""
        check_indices(indices, self.sizes)
        for s in self.sections:
            s.select(*indices[: len(s.sizes)])
            indices = indices[len(s.sizes) :]


@builder(interactive=True, data_prose=True)
def grading_explorer() -> GradingExplorer:
    """Chapter 5 interactive: ASTCT 2019 CRS and ICANS grading."""
    return GradingExplorer(load_grading())
