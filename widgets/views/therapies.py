"""The shared therapy table and its explorer (filter by class, disease or see all), working with no kernel."""

from __future__ import annotations

import ipywidgets as ipw

from widgets.data import short_citation
from widgets.models.therapies import Therapies, Therapy, load_therapies
from widgets.text import escape, markdown_inline
from widgets.views.common import ROOT_CLASS, html_panel
from widgets.views.panels import ChoicePanels
from widgets.views.presentation import deck_may_break
from widgets.views.registry import builder


def _cite_links(keys) -> str:
    out = []
    for key in keys:
        c = short_citation(key)
        label = escape(c["label"])
        out.append(f'<a href="{escape(c["link"])}" rel="noopener" target="_blank">{label}</a>' if c["link"] else label)
    return "; ".join(out)


ROUTE_NAMES = {"IV": "IV infusion", "SC": "Under the skin (SC)", "oral": "By mouth"}


def _indications(t: Therapy, highlight: str | None) -> str:
    if t.investigational:
        return f"<em>None: investigational in autoimmune disease.</em> {markdown_inline(t.evidence)}"
    items = []
    for i in t.indications:
        text = escape(i.label) + (f" ({i.year})" if i.year else "")
        text = f"<strong>{text}</strong>" if i.disease == highlight else text
        items.append(text + (f" <small>({markdown_inline(i.note)})</small>" if i.note else ""))
    return "; ".join(items)


def _first(t: Therapy) -> str:
    when = escape(t.first_approval) if t.first_approval else "not confirmed here"
    return f"{when}<br><small>{escape(t.first_approval_for)}</small>"


def therapy_rows(therapies: list[Therapy], highlight: str | None = None) -> str:
    rows = []
    for t in therapies:
        interval = f"{t.interval_days} days" if t.interval_days else "—"
        notes = f"<br><small>{markdown_inline(t.notes)}</small>" if t.notes else ""
        rows.append(
            f'<tr><th scope="row">{escape(t.name)}<br><small>{escape(t.brand)}</small></th>'
            f"<td>{escape(t.target)}<br><small>{escape(t.molecule_type)}</small></td>"
            f"<td>{escape(t.drug_class)}</td><td>{_indications(t, highlight)}{notes}</td>"
            f"<td>{_first(t)}</td><td>{'<br>'.join(ROUTE_NAMES[r] for r in t.routes)}</td><td>{interval}</td>"
            f"<td><small>{_cite_links(t.sources)}</small></td></tr>"
        )
    return "".join(rows)


def therapy_table_html(
    model: Therapies, therapies: list[Therapy] | None = None, *, caption: str = "", highlight: str | None = None
) -> str:
    therapies = list(model.records) if therapies is None else therapies
    trials = sum(t.investigational for t in therapies)
    cap = caption or f"Targeted agents in autoimmune disease ({len(therapies)} agents" + (
        f", {trials} of them approved only outside autoimmune disease and investigational in it)" if trials else ")"
    )
    return (
        f'<table class="course-therapy-table"><caption>{escape(cap)}. US approvals as of '
        f'{escape(model.as_of)}.</caption><thead><tr><th scope="col">Agent</th><th scope="col">Target and '
        'molecule</th><th scope="col">Class</th><th scope="col">Approved autoimmune indications (US, year '
        'where confirmed)</th><th scope="col">First FDA approval (any use)</th><th scope="col">Route</th>'
        '<th scope="col">Usual maintenance interval</th><th scope="col">Sources</th></tr></thead><tbody>'
        f"{therapy_rows(therapies, highlight)}</tbody></table>"
    )


class TherapyExplorer(ipw.VBox):
    """Filter dimension (class / disease / all) -> for each value, a pre-rendered filtered table."""

    DIMENSIONS = ("By class", "By disease", "All agents")

    def __init__(self, model: Therapies):
        self.model = model
        classes = model.classes()
        diseases = model.diseases_in_use()
        self.by_class = ChoicePanels(
            classes,
            [html_panel(therapy_table_html(model, model.by_class(c), caption=f"Class: {c}")) for c in classes],
            description="Class:",
        )
        self.by_disease = ChoicePanels(
            [model.diseases[d] for d in diseases],
            [
                html_panel(
                    therapy_table_html(
                        model, model.by_disease(d), caption=f"Approved in {model.diseases[d]}", highlight=d
                    )
                )
                for d in diseases
            ],
            description="Disease:",
        )
        everything = html_panel(therapy_table_html(model))
        self.dimension = ChoicePanels(
            list(self.DIMENSIONS),
            [self.by_class, self.by_disease, everything],
            description="Filter:",
            heading="Explore the therapy table",
        )
        note = ipw.HTML(
            '<p class="course-note"><small>Teaching summary, not prescribing information: check the '
            f"current label. US approvals as of {escape(model.as_of)}.</small></p>"
        )
        super().__init__(children=[self.dimension, deck_may_break(note)])
        self.add_class(ROOT_CLASS)
        self.add_class("course-therapy-explorer")

    def show(self, dimension: str, value: str | None = None) -> str:
        """Select a dimension and value from Python (tests, live kernel); returns the visible table HTML."""
        d = self.DIMENSIONS.index(dimension)
        self.dimension.select(d)
        if d == 2:
            return self.dimension.stack.children[2].value
        panels = self.by_class if d == 0 else self.by_disease
        keys = self.model.classes() if d == 0 else self.model.diseases_in_use()
        if value not in keys:
            raise ValueError(f"{value!r} is not one of {keys}")
        i = keys.index(value)
        panels.select(i)
        return panels.stack.children[i].value


@builder(interactive=True, data_prose=True)
def therapy_explorer() -> TherapyExplorer:
    """Chapter 2 interactive over data/therapies.yaml (shared with later chapters)."""
    return TherapyExplorer(load_therapies())


@builder(interactive=False, data_prose=True)
def therapy_table(
    *, drug_class: str | None = None, disease: str | None = None, target: str | None = None, caption: str = ""
) -> ipw.HTML:
    """A static table of the shared therapy data, optionally filtered (any chapter can call it)."""
    model = load_therapies()
    rows = model.filter(drug_class=drug_class, disease=disease, target=target)
    w = ipw.HTML(html_panel(therapy_table_html(model, rows, caption=caption, highlight=disease)).value)
    w.add_class(ROOT_CLASS)
    w.add_class("course-therapy-table-widget")
    return w
