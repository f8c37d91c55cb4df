"""'Before you start': pick a therapy, see what is checked before, during and after it, with sources."""

from __future__ import annotations

import ipywidgets as ipw

from widgets.models.safety_checklist import SafetyChecklists, Therapy, load_safety_checklists
from widgets.text import escape, markdown_inline
from widgets.views.common import OKABE_ITO, html_panel, readable_diagram, sources_html
from widgets.views.panels import ChoicePanels
from widgets.views.presentation import deck_may_break
from widgets.views.registry import builder

_KIND = {
    "screening": ("🔍", "Screen"),
    "vaccination": ("💉", "Vaccinate"),
    "monitoring": ("👁", "Monitor"),
    "warning": ("⚠", "Warning"),
}
_W, _H = 660, 96


def timeline_svg(model: SafetyChecklists, therapy: Therapy) -> str:
    """Three phases left to right, each labelled with how many items of each kind fall in it (text, not colour)."""
    counts = {pid: len(therapy.in_phase(pid)) for pid, _ in model.phases}
    alt = (
        f"Timeline for {therapy.name}: "
        + "; ".join(f"{label}: {counts[pid]} item(s)" for pid, label in model.phases)
        + "."
    )
    seg = _W / len(model.phases)
    parts = [f'<line x1="10" y1="40" x2="{_W - 10}" y2="40" stroke="#000" stroke-width="2"/>']
    for n, (pid, label) in enumerate(model.phases):
        x = n * seg
        fill = OKABE_ITO["sky_blue"] if counts[pid] else "#ffffff"
        parts.append(
            f'<rect x="{x + 8}" y="26" width="{seg - 16}" height="28" rx="6" fill="{fill}" '
            f'stroke="#000" stroke-width="1.5"/>'
            f'<text x="{x + seg / 2}" y="45" text-anchor="middle" font-size="13">{escape(label)}</text>'
            f'<text x="{x + seg / 2}" y="78" text-anchor="middle" font-size="13">'
            f"{counts[pid]} item{'s' if counts[pid] != 1 else ''}</text>"
        )
    parts.append(f'<text x="{_W / 2}" y="16" text-anchor="middle" font-size="12">time →</text>')
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="{escape(alt)}" '
        f'viewBox="0 0 {_W} {_H}" width="100%" style="max-width:{_W}px"><title>{escape(alt)}</title>'
        f"{''.join(parts)}</svg>"
    )


def therapy_panel(model: SafetyChecklists, therapy: Therapy) -> ipw.HTML:
    boxed = (
        f'<div class="course-boxed-warning" style="border:3px solid #000;padding:4px 8px">'
        f"<strong>⚠ US boxed warning:</strong> {markdown_inline(therapy.boxed_warning)}</div>"
        if therapy.boxed_warning
        else "<p><strong>No boxed warning</strong> on the US label.</p>"
    )
    columns = []
    for pid, label in model.phases:
        items = therapy.in_phase(pid)
        lis = (
            "".join(
                f"<li><strong>{_KIND[i.kind][0]} {_KIND[i.kind][1]}:</strong> {markdown_inline(i.text)}"
                f"{sources_html(i.sources)}</li>"
                for i in items
            )
            or "<li>Nothing specific listed here.</li>"
        )
        columns.append(
            f'<div class="course-phase" data-phase="{escape(pid)}"><h5>{escape(label)}</h5><ul>{lis}</ul></div>'
        )
    return html_panel(
        f"<h4>{escape(therapy.name)}</h4><p><em>Used in:</em> {markdown_inline(therapy.used_in)}</p>{boxed}"
        f"{readable_diagram(timeline_svg(model, therapy))}{''.join(columns)}{sources_html(therapy.sources)}"
    )


class SafetyChecklistExplorer(ChoicePanels):
    def __init__(self, model: SafetyChecklists):
        self.model = model
        super().__init__(
            [t.name for t in model.therapies],
            [therapy_panel(model, t) for t in model.therapies],
            description="Therapy:",
            heading=f"Before you start: choose a therapy (as of {model.as_of})",
        )
        if model.see_also:
            self.children = (
                *self.children,
                deck_may_break(
                    ipw.HTML(f'<p class="course-see-also"><strong>More:</strong> {markdown_inline(model.see_also)}</p>')
                ),
            )
        self.add_class("course-safety-checklist")


@builder(interactive=True, data_prose=True)
def safety_checklist_explorer() -> SafetyChecklistExplorer:
    """Chapter 7 interactive, from data/safety_checklists.yaml."""
    return SafetyChecklistExplorer(load_safety_checklists())
