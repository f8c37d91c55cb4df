"""Chapter 4 figure: two signals and two brakes between an antigen-presenting cell and a T cell, with where
each checkpoint drug of data/checkpoints.yaml acts (the chapter's interactive reads the same records)."""

from __future__ import annotations

from matplotlib.figure import Figure

from widgets.figures import draw as d
from widgets.figures.registry import course_figure
from widgets.models.checkpoints import load_checkpoints
from widgets.models.figure_facts import load_figure_facts
from widgets.palette import OKABE_ITO

_KIND_COLOUR = {"accelerator": "bluish_green", "brake": "vermillion"}


@course_figure("two-signals")
def two_signals() -> Figure:
    """One row per receptor on the T cell (signal 1, CD28, CTLA-4, PD-1), its ligand on the antigen-presenting
    cell, whether it accelerates or brakes, and the drugs that act on it, with whether they block or engage."""
    facts = load_figure_facts("two-signals")
    model = load_checkpoints()
    ligand_of = {s: part for part in facts.parts.values() for s in part.binds}
    rows = model.signals
    acting = {sig.id: [drug for drug in model.drugs if drug.acts_on == sig.id] for sig in rows}
    tag_x = 4.75
    tag_w = d.WIDTH_IN - 0.25 - tag_x

    def tag_text(drug, signal_id: str) -> str:
        return f"{drug.label}: {'engages' if drug.sets[signal_id] else 'blocks'}"

    def tag_h(drug, signal_id: str) -> float:
        return d.needed_height(tag_w - 0.16, tag_text(drug, signal_id), size=d.SMALL_PT) + 0.08

    row_hs = [max(0.85, sum(tag_h(drug, sig.id) for drug in acting[sig.id]) + 0.1) for sig in rows]
    height = 0.9 + sum(row_hs) + 0.8
    fig, ax = d.canvas(d.WIDTH_IN, height)
    top = height - 0.9
    d.title(ax, 0.25, height - 0.15, facts.title)
    apc_x, apc_w, t_x, t_w = 0.25, 1.7, 2.75, 1.75
    d.label(ax, apc_x + apc_w / 2, top + 0.2, facts.part("apc").label, size=d.FONT_PT, bold=True)
    d.label(ax, t_x + t_w / 2, top + 0.2, facts.part("tcell").label, size=d.FONT_PT, bold=True)
    d.label(ax, tag_x + tag_w / 2, top + 0.2, "Drugs acting here", size=d.FONT_PT, bold=True)
    y_top = top
    for signal, row_h in zip(rows, row_hs, strict=True):
        box_h = 0.72
        y = y_top - row_h / 2 - box_h / 2
        ligand = ligand_of[signal.id]
        d.box(ax, apc_x, y, apc_w, box_h, ligand.label)
        receptor = facts.part(signal.id)
        d.box(
            ax,
            t_x,
            y,
            t_w,
            box_h,
            receptor.label,
            receptor.note,
            fill=OKABE_ITO[_KIND_COLOUR[signal.kind]],
            note_size=d.SMALL_PT - 1,
        )
        d.arrow(ax, (apc_x + apc_w, y + box_h / 2), (t_x, y + box_h / 2), both=True)
        drugs = acting[signal.id]
        # the tags sit in the receptor's row; abatacept's acts on CD80/CD86, which the key says in words
        ty = y_top - row_h / 2 + sum(tag_h(drug, signal.id) for drug in drugs) / 2
        for drug in drugs:
            ty -= tag_h(drug, signal.id)
            d.tag(
                ax, tag_x, ty + 0.04, tag_text(drug, signal.id), "orange" if drug.sets[signal.id] else "blue", w=tag_w
            )
        y_top -= row_h
    key = facts.part("key")
    d.note(ax, 0.25, 0.7, f"{key.label}: {key.note}.", d.WIDTH_IN - 0.5)
    return fig
