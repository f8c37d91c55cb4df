"""'Where in the cascade each drug acts': one radio group of drugs switches between pre-drawn panels, each with
the cascade (blocked steps hatched and labelled), what follows from the block, and the label rules."""

from __future__ import annotations

import ipywidgets as ipw

from widgets.models.complement_blockade import Cascade, ComplementDrug, load_cascade
from widgets.text import escape, markdown_inline, markdown_to_html
from widgets.views.common import OKABE_ITO, ROOT_CLASS, html_panel, readable_diagram, shared_panel_look, sources_html
from widgets.views.panels import ChoicePanels
from widgets.views.presentation import deck_may_break
from widgets.views.registry import builder

_BOX_W, _BOX_H, _COL, _ROW, _PAD = 212, 46, 244, 70, 10
TEACHING_LABEL = "Teaching tool: not clinical decision support and not prescribing information"


def _positions(cascade: Cascade) -> dict[str, tuple[float, float]]:
    """Top-left corner of each step's box: one column per depth, steps of a column stacked."""
    rows: dict[int, int] = {}
    pos = {}
    for s in cascade.steps:
        d = cascade.depth(s.id)
        pos[s.id] = (_PAD + d * _COL, _PAD + 20 + rows.get(d, 0) * _ROW)
        rows[d] = rows.get(d, 0) + 1
    return pos


def cascade_svg(cascade: Cascade, drug: ComplementDrug) -> str:
    pos = _positions(cascade)
    blocked = cascade.blocked_steps(drug.id)
    hatch = f"complement-hatch-{drug.id}"  # one pattern per panel: a pattern in a hidden panel is not drawn
    width = max(x for x, _ in pos.values()) + _BOX_W + _PAD
    height = max(y for _, y in pos.values()) + _BOX_H + _PAD
    parts = [
        f'<defs><pattern id="{hatch}" width="7" height="7" patternUnits="userSpaceOnUse" '
        f'patternTransform="rotate(45)"><line x1="0" y1="0" x2="0" y2="7" stroke="{OKABE_ITO["vermillion"]}" '
        f'stroke-width="2.5"/></pattern></defs>'
    ]
    for s in cascade.steps:
        x, y = pos[s.id]
        for a in s.after:
            ax, ay = pos[a]
            parts.append(
                f'<line x1="{ax + _BOX_W}" y1="{ay + _BOX_H / 2}" x2="{x}" y2="{y + _BOX_H / 2}" '
                f'stroke="#333333" stroke-width="2"/>'
                f'<polygon points="{x},{y + _BOX_H / 2} {x - 8},{y + _BOX_H / 2 - 5} {x - 8},{y + _BOX_H / 2 + 5}" '
                f'fill="#333333"/>'
            )
    for s in cascade.steps:
        x, y = pos[s.id]
        off = s.id in blocked
        fill = f"url(#{hatch})" if off else "#ffffff"
        parts.append(
            f'<rect x="{x}" y="{y}" width="{_BOX_W}" height="{_BOX_H}" rx="6" fill="{fill}" '
            f'stroke="#333333" stroke-width="{3 if off else 1.5}"/>'
        )
        parts.append(
            f'<rect x="{x + 4}" y="{y + 5}" width="{_BOX_W - 8}" height="17" fill="#ffffff"/>'
            f'<text x="{x + _BOX_W / 2}" y="{y + 18}" text-anchor="middle" font-size="12">'
            f"{escape(s.label)}</text>"
        )
        status = "✕ blocked" if off else "happens"
        parts.append(
            f'<rect x="{x + 40}" y="{y + 26}" width="{_BOX_W - 80}" height="15" fill="#ffffff"/>'
            f'<text x="{x + _BOX_W / 2}" y="{y + 38}" text-anchor="middle" font-size="11" '
            f'font-weight="{"bold" if off else "normal"}">{status}</text>'
        )
        if s.id in drug.blocks:
            parts.append(
                f'<text x="{x + 2}" y="{y - 5}" font-size="11" font-weight="bold">'
                f"{escape(drug.short)} acts here ▼</text>"
            )
    alt = (
        f"The complement cascade with {drug.short if drug.blocks else 'no drug'}: "
        + "; ".join(f"{s.label}: {'blocked' if s.id in blocked else 'happens'}" for s in cascade.steps)
        + "."
    )
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="{escape(alt)}" '
        f'viewBox="0 0 {width} {height}" width="100%" style="max-width:{width}px"><title>{escape(alt)}</title>'
        f"{''.join(parts)}</svg>"
    )


def _yes_no(flag: bool) -> str:
    return "Yes" if flag else "No"


def consequences_table(cascade: Cascade, drug: ComplementDrug) -> str:
    rows = [
        ("Membrane attack complex (C5b-9)", "Forms" if cascade.mac_forms(drug.id) else "<strong>Blocked</strong>"),
        ("C5a signalling to neutrophils", "Works" if cascade.c5a_signals(drug.id) else "<strong>Blocked</strong>"),
        ("Meningococcal boxed warning", _yes_no(drug.boxed_warning)),
        ("REMS (restricted programme)", _yes_no(drug.rems)),
        ("How it is given", markdown_inline(drug.given)),
        ("Meningococcal vaccination", markdown_inline(drug.vaccination)),
    ]
    body = "".join(f'<tr><th scope="row">{escape(k)}</th><td>{v}</td></tr>' for k, v in rows)
    return (
        f'<table class="course-table"><caption>What follows: {escape(drug.name)}</caption><tbody>{body}</tbody></table>'
    )


def drug_panel(cascade: Cascade, drug: ComplementDrug, look: dict) -> ipw.HTML:
    gap = ""
    if not cascade.mac_forms(drug.id):
        gap = (
            f'<div class="course-callout"><p><strong>Why vaccination is not enough here.</strong> '
            f"{markdown_inline(cascade.vaccine_gap)}</p></div>"
        )
    return html_panel(
        f"<h4>{escape(drug.name)}: {escape(drug.kind)}</h4>{readable_diagram(cascade_svg(cascade, drug))}"
        f"{consequences_table(cascade, drug)}{markdown_to_html(drug.consequence)}{gap}"
        f"{sources_html(drug.sources)}",
        **look,
    )


class ComplementCascade(ChoicePanels):
    def __init__(self, cascade: Cascade):
        self.cascade = cascade
        look = shared_panel_look()
        super().__init__(
            [d.short for d in cascade.drugs],
            [drug_panel(cascade, d, look) for d in cascade.drugs],
            description="Drug:",
            heading=f"Where in the complement cascade each drug acts ({TEACHING_LABEL})",
        )
        steps = "".join(
            f"<li><strong>{escape(s.label)}</strong>: {markdown_inline(s.text)}</li>" for s in cascade.steps
        )
        keys = list(dict.fromkeys([*(k for s in cascade.steps for k in s.sources), *cascade.vaccine_gap_sources]))
        # the steps and sources under the widget: a deck may show them on a slide of their own
        self.children = (
            *self.children,
            deck_may_break(
                ipw.HTML(
                    f"<details><summary>The steps of the cascade</summary><ul>{steps}</ul></details>"
                    f"<p><small>Label facts as of {escape(cascade.as_of)}; check the current label.</small></p>"
                    + sources_html(keys)
                )
            ),
        )
        self.add_class(ROOT_CLASS)
        self.add_class("course-complement")

    def show(self, drug_id: str) -> str:
        """Select a drug from Python (tests, live kernel); returns the visible panel's HTML."""
        i = [d.id for d in self.cascade.drugs].index(self.cascade.drug(drug_id).id)
        self.select(i)
        return self.stack.children[i].value


@builder(interactive=True, data_prose=True)
def complement_cascade() -> ComplementCascade:
    """Chapter 'pathogenic-antibodies' interactive: a drug -> where it acts and what follows."""
    return ComplementCascade(load_cascade())
