"""Cytokine x disease matrix: pick a blocked pathway and a disease, see what happened and the source."""

from __future__ import annotations

import ipywidgets as ipw

from widgets.models.cytokine_matrix import Cell, CytokineMatrix, load_cytokine_matrix
from widgets.text import escape, markdown_inline, markdown_to_html
from widgets.views.common import choice_buttons, html_panel, sources_html
from widgets.views.panels import NestedPanels
from widgets.views.presentation import DECK_BREAK_CLASS
from widgets.views.registry import builder

# Every status has a symbol and a word; the background tint only repeats what they say.
_TINT = {"approved": "#e6f5ef", "not-effective": "#fdf3e1", "harmful": "#fbe7dc", "no-data": "#ffffff"}


def matrix_table(model: CytokineMatrix) -> str:
    """The whole matrix at a glance: a real table with symbol + word in every cell, and a legend."""
    head = "".join(f'<th scope="col">{escape(d.label)}</th>' for d in model.diseases)
    rows = []
    for c in model.cytokines:
        tds = []
        for d in model.diseases:
            cell = model.cell(c.id, d.id)
            tds.append(
                f'<td class="course-cell-{cell.status.id}" style="background:{_TINT.get(cell.status.id, "#fff")}">'
                f"{escape(cell.status.symbol)} {escape(cell.status.label)}</td>"
            )
        rows.append(
            f'<tr><th scope="row">{escape(c.label)}<br><small>{escape(c.drugs)}</small></th>{"".join(tds)}</tr>'
        )
    legend = "; ".join(f"{escape(s.symbol)} {escape(s.label)}" for s in model.statuses)
    return (
        f'<table class="course-matrix"><caption>Blocking a cytokine pathway: US status by disease, as of '
        f"{escape(model.as_of)}. Key: {legend}.</caption>"
        f'<thead><tr><th scope="col">Blocked pathway</th>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>'
    )


def cell_panel(model: CytokineMatrix, cell: Cell) -> ipw.HTML:
    c = next(x for x in model.cytokines if x.id == cell.cytokine)
    d = next(x for x in model.diseases if x.id == cell.disease)
    return html_panel(
        f"<h4>{escape(c.label)} blockade in {escape(d.label)}: {escape(cell.status.symbol)} "
        f"{escape(cell.status.label)}</h4>"
        f"<p><em>Drugs:</em> {markdown_inline(c.drugs)}</p>{markdown_to_html(cell.note)}{sources_html(cell.sources)}"
    )


class CytokineMatrixExplorer(NestedPanels):
    """Two radio groups (pathway, disease) drive nested Stacks in the browser, so it works with no kernel."""

    def __init__(self, model: CytokineMatrix):
        self.model = model
        self.cytokine_buttons = choice_buttons([c.label for c in model.cytokines], "Blocked pathway:")
        self.disease_buttons = choice_buttons([d.label for d in model.diseases], "Disease:")
        super().__init__(
            [self.cytokine_buttons, self.disease_buttons],
            [len(model.cytokines), len(model.diseases)],
            leaf=lambda ix: cell_panel(model, model.cell(model.cytokines[ix[0]].id, model.diseases[ix[1]].id)),
            initial=[0, 0],
            header=[ipw.HTML("<strong>Choose a blocked pathway and a disease</strong>")],
        )
        whole = ipw.HTML(matrix_table(model), layout=ipw.Layout(width="100%"))
        whole.add_class(DECK_BREAK_CLASS)  # in a deck the whole-matrix table has a slide of its own
        self.children = (*self.children, whole)
        self.add_class("course-cytokine-matrix")

    def select_cell(self, cytokine: str, disease: str) -> str:
        """Python-side choice by id (tests, live kernel); returns the HTML of the panel now shown."""
        cell = self.model.cell(cytokine, disease)  # KeyError naming the unknown id
        self.select(
            [c.id for c in self.model.cytokines].index(cell.cytokine),
            [d.id for d in self.model.diseases].index(disease),
        )
        return self.visible_leaf().value


@builder(interactive=True, data_prose=True)
def cytokine_matrix_explorer() -> CytokineMatrixExplorer:
    """Chapter 4 interactive, from data/cytokine_matrix.yaml."""
    return CytokineMatrixExplorer(load_cytokine_matrix())
