"""Chapter 5 figure: the IL-23 to IL-17 axis, TNF, IL-6 and type I interferon, with the drugs that block each
(named from the therapy table by class)."""
from __future__ import annotations

from matplotlib.figure import Figure

from widgets.figures import draw as d
from widgets.figures.registry import course_figure
from widgets.models.figure_facts import load_figure_facts
from widgets.palette import OKABE_ITO


@course_figure("cytokine-axes")
def cytokine_axes() -> Figure:
    """Top: IL-23 (its p19 and p40 subunits) sustains Th17 cells, which make IL-17A; middle: TNF, the IL-6
    receptor and the type I interferon receptor; bottom: JAK signalling inside the cell. Each blocked target has
    a tag naming its drugs."""
    facts = load_figure_facts("cytokine-axes")
    p = facts.part
    height = 6.9
    fig, ax = d.canvas(d.WIDTH_IN, height)
    d.title(ax, 0.25, height - 0.15, facts.title)
    left, gap = 0.25, 0.3

    def with_tag(b: d.Box, part, colour: str = "blue") -> float:
        """The drug tag under a box; returns the y under the tag."""
        text = part.agent_list
        th = d.needed_height(b.w - 0.16, text)
        d.tag(ax, b.x, b.y - 0.08 - th, text, colour, w=b.w)
        return b.y - 0.08 - th

    top = height - 0.65
    d.label(ax, left, top, "The IL-23 to IL-17 axis", ha="left", size=d.FONT_PT, bold=True)
    w = (d.WIDTH_IN - 2 * left - 3 * gap) / 4
    subunits = d.row(ax, top - 0.2, [p("p19"), p("p40")], left=left, right=left + 2 * w + gap, gap=gap,
                     fill=OKABE_ITO["sky_blue"])
    th17_x = left + 2 * (w + gap)
    th17 = d.box(ax, th17_x, subunits[0].y, w, subunits[0].h, p("th17").label, p("th17").note)
    il17 = d.box(ax, th17_x + w + gap, subunits[0].y, w, subunits[0].h, p("il17a").label, p("il17a").note,
                 fill=OKABE_ITO["sky_blue"])
    d.arrow(ax, subunits[1].right, th17.left)
    d.arrow(ax, th17.right, il17.left)
    lowest = min(with_tag(subunits[0], p("p19")), with_tag(subunits[1], p("p40")), with_tag(il17, p("il17a")))

    top = lowest - 0.45
    d.label(ax, left, top, "Other cytokine targets", ha="left", size=d.FONT_PT, bold=True)
    others = d.row(ax, top - 0.2, [p("tnf"), p("il6r"), p("ifnar")], left=left, gap=gap,
                   fill=OKABE_ITO["sky_blue"])
    lowest = min(with_tag(b, part) for b, part in zip(others, [p("tnf"), p("il6r"), p("ifnar")]))

    jak = p("jak")
    jh = d.needed_height(d.WIDTH_IN - 2 * left, jak.label, jak.note)
    jak_box = d.box(ax, left, lowest - 0.5 - jh, d.WIDTH_IN - 2 * left, jh, jak.label, jak.note, dashed=True)
    with_tag(jak_box, jak, "orange")
    d.label(ax, left, jak_box.y + jak_box.h + 0.15, "Inside the cell", ha="left", size=d.FONT_PT, bold=True)
    return fig
