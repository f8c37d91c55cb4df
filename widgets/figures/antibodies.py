"""Chapter 3 figure: where FcRn blockers and complement inhibitors act on a pathogenic IgG and the cascade it
starts. The cascade's steps and which drug blocks which step come from data/complement_blockade.yaml (the same
data as the chapter's interactive); the FcRn blockers from the therapy table."""

from __future__ import annotations

from matplotlib.figure import Figure

from widgets.figures import draw as d
from widgets.figures.registry import course_figure
from widgets.models.complement_blockade import load_cascade
from widgets.models.figure_facts import load_figure_facts
from widgets.palette import MUTED, OKABE_ITO


@course_figure("complement-fcrn")
def complement_fcrn() -> Figure:
    """Left to right: the IgG autoantibody (kept in the blood by FcRn), the cascade it starts, and its two end
    products; under each step, a tag naming the drugs that block it and a 'blocked' mark on the arrow."""
    facts = load_figure_facts("complement-fcrn")
    cascade = load_cascade()
    height = 6.0
    fig, ax = d.canvas(d.WIDTH_IN, height)
    d.title(ax, 0.25, height - 0.15, facts.title)

    # columns by cascade depth; the autoantibody column comes first
    columns: dict[int, list] = {}
    for step in cascade.steps:
        columns.setdefault(cascade.depth(step.id), []).append(step)
    n_cols = 1 + len(columns)
    gap, left = 0.35, 0.25
    w = (d.WIDTH_IN - 2 * left - gap * (n_cols - 1)) / n_cols
    top = height - 0.6

    antibody = facts.part("autoantibody")
    h = d.needed_height(w, antibody.label, antibody.note)
    ab_box = d.box(ax, left, top - h, w, h, antibody.label, antibody.note, fill=OKABE_ITO["sky_blue"])
    fcrn = facts.part("fcrn")
    fh = d.needed_height(w, fcrn.label, fcrn.note)
    fcrn_box = d.box(ax, left, ab_box.y - 0.45 - fh, w, fh, fcrn.label, fcrn.note)
    d.arrow(ax, fcrn_box.top, ab_box.bottom, colour=MUTED)
    d.tag(ax, left, fcrn_box.y - 0.12 - d.needed_height(w - 0.16, fcrn.agent_list), fcrn.agent_list, "orange", w=w)

    boxes = {}
    for depth, steps in sorted(columns.items()):
        x = left + (depth + 1) * (w + gap)
        y_top = top
        for step in steps:
            sh = max(0.55, d.needed_height(w, step.label))
            boxes[step.id] = d.box(ax, x, y_top - sh, w, sh, step.label)
            blockers = [drug.short for drug in cascade.drugs if step.id in drug.blocks]
            tag_bottom = boxes[step.id].y - 0.08
            if blockers:
                text = "Blocked by " + ", ".join(blockers)
                th = d.needed_height(w - 0.16, text)
                d.tag(ax, x, tag_bottom - th, text, "vermillion", w=w)
                tag_bottom -= th + 0.1
            y_top = tag_bottom - 0.45
    first = cascade.steps[0]
    d.arrow(ax, ab_box.right, boxes[first.id].left)
    for step in cascade.steps:
        for before in step.after:
            start, end = boxes[before].right, boxes[step.id].left
            d.arrow(ax, start, end)
            if step.id in {s for drug in cascade.drugs for s in drug.blocks}:
                d.blocked(ax, (start[0] + end[0]) / 2, (start[1] + end[1]) / 2)
    key = facts.part("key")
    d.note(ax, left, 0.6, f"{key.label}: {key.note}.", d.WIDTH_IN - 2 * left)
    return fig
