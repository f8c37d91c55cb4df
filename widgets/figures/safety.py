"""Chapter 9 figure: a before / during / late safety timeline for two therapies, from the chapter's
checklist data (data/safety_checklists.yaml)."""

from __future__ import annotations

from matplotlib.figure import Figure

from widgets.figures import draw as d
from widgets.figures.registry import course_figure
from widgets.models.safety_checklist import load_safety_checklists
from widgets.palette import INK, OKABE_ITO

# The two therapies the chapter contrasts: a drug given in courses, and a one-off cell therapy.
THERAPIES = ("anti-cd20", "cd19-car-t")
KIND_COLOUR = {"screening": "sky_blue", "vaccination": "bluish_green", "monitoring": "yellow", "warning": "vermillion"}


@course_figure("safety-timeline")
def safety_timeline() -> Figure:
    """Three phase columns along a time arrow; one row per therapy; each item a box in its phase, headed by its
    kind (screening, vaccination, monitoring, warning) in words and coloured by kind."""
    data = load_safety_checklists()
    therapies = [data.therapy(t) for t in THERAPIES]
    left, label_w, gap = 0.25, 1.35, 0.15
    col_w = (d.WIDTH_IN - left - label_w - 0.25 - gap * len(data.phases)) / len(data.phases)
    size = d.SMALL_PT - 1

    def item_h(item) -> float:
        return d.needed_height(col_w, item.kind.capitalize(), item.text, size=size, note_size=size)

    row_hs = [max(sum(item_h(i) + 0.08 for i in t.in_phase(pid)) for pid, _ in data.phases) + 0.15 for t in therapies]
    height = 1.25 + sum(row_hs) + 0.2
    fig, ax = d.canvas(d.WIDTH_IN, height)
    d.title(ax, left, height - 0.15, f"Safety before, during and after treatment (as of {data.as_of})")
    x0 = left + label_w + gap
    axis_y = height - 0.7
    d.arrow(ax, (x0, axis_y), (d.WIDTH_IN - 0.25, axis_y), width=1.6)
    for k, (_, phase_label) in enumerate(data.phases):
        d.label(ax, x0 + k * (col_w + gap) + col_w / 2, axis_y - 0.2, phase_label, size=d.FONT_PT, bold=True)
    top = axis_y - 0.4
    for therapy, row_h in zip(therapies, row_hs, strict=True):
        ax.plot([left, d.WIDTH_IN - 0.25], [top, top], color=INK, linewidth=0.6)
        d.block(ax, left, top - 0.1, therapy.name, label_w, bold=True)
        for k, (phase_id, _) in enumerate(data.phases):
            y = top - 0.1
            for item in therapy.in_phase(phase_id):
                h = item_h(item)
                d.box(
                    ax,
                    x0 + k * (col_w + gap),
                    y - h,
                    col_w,
                    h,
                    item.kind.capitalize(),
                    item.text,
                    fill=OKABE_ITO[KIND_COLOUR[item.kind]],
                    size=size,
                    note_size=size,
                )
                y -= h + 0.08
        top -= row_h
    return fig
