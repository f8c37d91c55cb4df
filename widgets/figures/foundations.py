"""Figures for the first two chapters: tolerance checkpoints (chapter 1) and an IgG antibody with its FcRn
recycling and the two ways antibody drugs work (chapter 2)."""

from __future__ import annotations

from matplotlib.figure import Figure
from matplotlib.patches import FancyBboxPatch, Polygon

from widgets.figures import draw as d
from widgets.figures.registry import course_figure
from widgets.models.figure_facts import load_figure_facts
from widgets.palette import INK, MUTED, OKABE_ITO, PAPER


@course_figure("tolerance-checkpoints")
def tolerance_checkpoints() -> Figure:
    """Top to bottom: new lymphocytes, central tolerance, the self-reactive cells that escape it, the four
    peripheral safeguards side by side, and what follows when they fail."""
    facts = load_figure_facts("tolerance-checkpoints")
    p = facts.part
    height = 6.7
    fig, ax = d.canvas(d.WIDTH_IN, height)
    d.title(ax, 0.25, height - 0.15, facts.title)
    mid_w, mid_x = 4.6, (d.WIDTH_IN - 4.6) / 2

    def centred(top: float, part, fill: str = PAPER, dashed: bool = False) -> d.Box:
        h = d.needed_height(mid_w, part.label, part.note)
        return d.box(ax, mid_x, top - h, mid_w, h, part.label, part.note, fill=fill, dashed=dashed)

    origin = centred(height - 0.55, p("origin"))
    central = centred(origin.y - 0.4, p("central"), fill=OKABE_ITO["sky_blue"])
    d.label(
        ax,
        central.x - 0.1,
        central.y + central.h / 2,
        "in the thymus\nand bone marrow",
        ha="right",
        colour=MUTED,
        italic=True,
    )
    escape = centred(central.y - 0.4, p("escape"))
    d.link(ax, origin, central)
    d.link(ax, central, escape)
    peripheral_top = escape.y - 0.75
    d.label(
        ax,
        0.25,
        peripheral_top + 0.2,
        "Peripheral tolerance, in the tissues and lymph nodes:",
        ha="left",
        size=d.FONT_PT,
        bold=True,
    )
    safeguards = d.row(
        ax, peripheral_top, [p("anergy"), p("deletion"), p("suppression"), p("brakes")], fill=OKABE_ITO["bluish_green"]
    )
    for s in safeguards:
        d.arrow(ax, escape.bottom, s.top, colour=MUTED, width=1.0)
    failure = centred(safeguards[0].y - 0.45, p("failure"), dashed=True)
    for s in safeguards:
        d.arrow(ax, s.bottom, failure.top, colour=MUTED, width=1.0, dashed=True)
    return fig


@course_figure("igg-fcrn")
def igg_fcrn() -> Figure:
    """Left: an IgG (two Fab arms, one Fc stem). Middle: FcRn recycling inside a cell. Right: a depleting and a
    blocking antibody, with the agents the therapy table lists for each."""
    facts = load_figure_facts("igg-fcrn")
    p = facts.part
    height = 5.4
    fig, ax = d.canvas(d.WIDTH_IN, height)
    d.title(ax, 0.25, height - 0.15, facts.title)

    # the IgG: a Y of rounded bars; Fab arms in one colour, the Fc stem in another, each labelled
    cx, cy = 1.2, 3.1
    fab, fc = OKABE_ITO["sky_blue"], OKABE_ITO["orange"]
    for sign in (-1, 1):
        ax.add_patch(
            Polygon(
                [(cx, cy), (cx + sign * 0.12, cy + 0.05), (cx + sign * 0.72, cy + 0.95), (cx + sign * 0.58, cy + 1.05)],
                closed=True,
                facecolor=fab,
                edgecolor=INK,
                linewidth=1.2,
            )
        )
    ax.add_patch(
        FancyBboxPatch(
            (cx - 0.11, cy - 1.2),
            0.22,
            1.2,
            boxstyle="round,pad=0,rounding_size=0.05",
            facecolor=fc,
            edgecolor=INK,
            linewidth=1.2,
        )
    )
    fab_box = d.box(
        ax,
        0.15,
        cy + 1.2,
        1.0,
        d.needed_height(1.0, p("fab").label, p("fab").note),
        p("fab").label,
        p("fab").note,
        edge=MUTED,
        linewidth=0.8,
    )
    fc_box = d.box(
        ax,
        0.15,
        cy - 2.25,
        2.05,
        d.needed_height(2.05, p("fc").label, p("fc").note),
        p("fc").label,
        p("fc").note,
        edge=MUTED,
        linewidth=0.8,
    )
    ax.plot([fab_box.right[0], cx + 0.5], [fab_box.right[1], cy + 0.8], color=MUTED, linestyle=":")
    ax.plot([cx, cx], [fc_box.y + fc_box.h, cy - 1.2], color=MUTED, linestyle=":")

    # FcRn recycling: uptake -> FcRn binds at acidic pH -> returned, or degraded
    x0, w = 2.55, 2.45
    uptake = d.box(ax, x0, 3.9, w, d.needed_height(w, p("uptake").label), p("uptake").label)
    endo_h = d.needed_height(w, p("endosome").label, p("endosome").note)
    endosome = d.box(
        ax, x0, 3.2 - endo_h / 2, w, endo_h, p("endosome").label, p("endosome").note, fill=OKABE_ITO["bluish_green"]
    )
    half = (w - 0.15) / 2
    back_h = max(
        d.needed_height(half, p("returned").label, p("returned").note),
        d.needed_height(half, p("degraded").label, p("degraded").note),
    )
    returned = d.box(ax, x0, endosome.y - 0.4 - back_h, half, back_h, p("returned").label, p("returned").note)
    degraded = d.box(
        ax,
        x0 + half + 0.15,
        endosome.y - 0.4 - back_h,
        half,
        back_h,
        p("degraded").label,
        p("degraded").note,
        dashed=True,
    )
    d.link(ax, uptake, endosome)
    d.arrow(ax, (endosome.x + half / 2, endosome.y), returned.top)
    d.arrow(ax, (endosome.x + w - half / 2, endosome.y), degraded.top, dashed=True)
    d.label(ax, x0 + w / 2, 4.65, "Recycling by FcRn", size=d.FONT_PT, bold=True)

    # the two ways antibody drugs work
    x1, w1 = 5.3, d.WIDTH_IN - 5.3 - 0.25
    top = 4.8
    for part_id, colour in (("depleting", "vermillion"), ("blocking", "blue")):
        part = p(part_id)
        h = d.needed_height(w1, part.label, part.note)
        b = d.box(ax, x1, top - h, w1, h, part.label, part.note, edge=INK)
        tag = d.tag(
            ax,
            x1,
            b.y - 0.08 - d.needed_height(w1 - 0.16, part.agent_list, size=d.SMALL_PT),
            part.agent_list,
            colour,
            w=w1,
        )
        top = tag.y - 0.3
    return fig
