"""'The JAK-STAT map': pick a cytokine receptor family, see its JAKs and which JAK inhibitors act on them."""

from __future__ import annotations

import ipywidgets as ipw

from widgets.models.jak_stat import JakStatMap, ReceptorFamily, load_jak_stat
from widgets.text import escape, markdown_to_html
from widgets.views.common import html_panel, shared_panel_look, sources_html
from widgets.views.panels import ChoicePanels
from widgets.views.registry import builder

RELATIVE = (
    "A label's kinases are the ones it inhibits <em>preferentially</em> in laboratory assays: "
    "selectivity is relative and depends on dose, so a drug can still dampen a receptor it is not "
    "listed against here, and acting on one kinase of a pair need not block that cytokine in patients."
)


def kinase_list(model: JakStatMap, family: ReceptorFamily) -> str:
    """Every JAK, each marked in words as used or not by this receptor, so meaning never rests on colour."""
    items = "".join(
        f'<li class="course-jak {"course-jak-used" if k in family.kinases else "course-jak-unused"}">'
        f"<strong>{escape(k)}</strong>: {'✔ used' if k in family.kinases else 'not used'}</li>"
        for k in model.kinases
    )
    return f'<ul class="course-jak-list">{items}</ul>'


def inhibitor_table(model: JakStatMap, family: ReceptorFamily) -> str:
    rows = []
    for reach in model.reach(family):
        t = reach.inhibitor.therapy
        named = ", ".join(sorted(reach.inhibitor.kinases))
        verdict = (
            f"acts on {escape(' and '.join(reach.shared))}" if reach.acts else "acts on none of this receptor's JAKs"
        )
        rows.append(
            f'<tr><th scope="row">{escape(t.name)} ({escape(t.brand)})</th><td>{escape(named)}</td>'
            f'<td class="course-jak-verdict">{"✔ " if reach.acts else "– "}{verdict}</td></tr>'
        )
    return (
        '<table class="course-jak-table"><caption>JAK inhibitors in the therapy table (as of '
        f'{escape(model.as_of)})</caption><thead><tr><th scope="col">Drug</th>'
        '<th scope="col">JAKs its label names</th><th scope="col">This receptor</th></tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table>"
    )


def family_panel(model: JakStatMap, family: ReceptorFamily, look: dict) -> ipw.HTML:
    keys = list(dict.fromkeys([*family.sources, *(k for i in model.inhibitors for k in i.sources)]))
    return html_panel(
        f"<h4>{escape(family.name)}: {escape(' + '.join(family.kinases))}</h4>"
        f"<p><em>Receptor:</em> {escape(family.receptor)}</p>"
        f"{kinase_list(model, family)}"
        f"<div><strong>What it does.</strong> {markdown_to_html(family.roles)}</div>"
        f"{inhibitor_table(model, family)}"
        f'<p class="course-jak-caution">{RELATIVE}</p>'
        f"{sources_html(keys)}",
        **look,
    )


class JakStatExplorer(ChoicePanels):
    def __init__(self, model: JakStatMap):
        self.model = model
        look = shared_panel_look()
        super().__init__(
            [f.name for f in model.families],
            [family_panel(model, f, look) for f in model.families],
            description="Cytokine:",
            heading="Choose a cytokine receptor family",
        )
        self.add_class("course-jak-stat")


@builder(interactive=True, data_prose=True)
def jak_stat_explorer() -> JakStatExplorer:
    """Chapter 5 interactive, from data/jak_stat.yaml and the JAK inhibitors of data/therapies.yaml."""
    return JakStatExplorer(load_jak_stat())
