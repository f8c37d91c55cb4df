"""Chapter 5 figure: the IL-23 to IL-17 axis, TNF, IL-6 and type I interferon, with the drugs that block each
(named from the therapy table by class)."""

from __future__ import annotations

import math

from matplotlib.figure import Figure
from matplotlib.patches import Rectangle

from widgets.figures import draw as d
from widgets.figures.registry import course_figure
from widgets.models.figure_facts import load_figure_facts
from widgets.models.trial_effects import load_trial_result
from widgets.palette import INK, MUTED, OKABE_ITO


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
    subunits = d.row(
        ax, top - 0.2, [p("p19"), p("p40")], left=left, right=left + 2 * w + gap, gap=gap, fill=OKABE_ITO["sky_blue"]
    )
    th17_x = left + 2 * (w + gap)
    th17 = d.box(ax, th17_x, subunits[0].y, w, subunits[0].h, p("th17").label, p("th17").note)
    il17 = d.box(
        ax,
        th17_x + w + gap,
        subunits[0].y,
        w,
        subunits[0].h,
        p("il17a").label,
        p("il17a").note,
        fill=OKABE_ITO["sky_blue"],
    )
    d.arrow(ax, subunits[1].right, th17.left)
    d.arrow(ax, th17.right, il17.left)
    lowest = min(with_tag(subunits[0], p("p19")), with_tag(subunits[1], p("p40")), with_tag(il17, p("il17a")))

    top = lowest - 0.45
    d.label(ax, left, top, "Other cytokine targets", ha="left", size=d.FONT_PT, bold=True)
    others = d.row(ax, top - 0.2, [p("tnf"), p("il6r"), p("ifnar")], left=left, gap=gap, fill=OKABE_ITO["sky_blue"])
    lowest = min(with_tag(b, part) for b, part in zip(others, [p("tnf"), p("il6r"), p("ifnar")], strict=True))

    jak = p("jak")
    jh = d.needed_height(d.WIDTH_IN - 2 * left, jak.label, jak.note)
    jak_box = d.box(ax, left, lowest - 0.5 - jh, d.WIDTH_IN - 2 * left, jh, jak.label, jak.note, dashed=True)
    with_tag(jak_box, jak, "orange")
    d.label(ax, left, jak_box.y + jak_box.h + 0.15, "Inside the cell", ha="left", size=d.FONT_PT, bold=True)
    return fig


@course_figure("oral-surveillance")
def oral_surveillance() -> Figure:
    """A forest plot on a log scale: each outcome's hazard ratio as a square with its 95% confidence interval,
    the line of no difference and the non-inferiority margin, and the numbers and their reading in words."""
    trial = load_trial_result("oral-surveillance")
    row_h = 0.85
    height = 1.55 + len(trial.outcomes) * row_h + 0.55
    fig, ax = d.canvas(d.WIDTH_IN, height)
    d.title(ax, 0.25, height - 0.15, f"{trial.trial}: {trial.measure}s with 95% confidence intervals")
    d.label(ax, 0.25, height - 0.5, trial.comparison, ha="left", colour=MUTED)
    lo = min([o.low for o in trial.outcomes] + [trial.no_difference]) * 0.8
    hi = max([o.high for o in trial.outcomes] + [trial.margin or 0]) * 1.15
    plot_x, plot_w = 3.0, 2.6

    def at(value: float) -> float:
        return plot_x + plot_w * (math.log(value) - math.log(lo)) / (math.log(hi) - math.log(lo))

    top = height - 1.0
    bottom = top - len(trial.outcomes) * row_h
    for value, words, dashed in ((trial.no_difference, "no difference", False), (trial.margin, "margin", True)):
        if value is None:
            continue
        ax.plot(
            [at(value), at(value)],
            [bottom, top],
            color=INK if not dashed else MUTED,
            linewidth=1.2,
            linestyle="--" if dashed else "-",
        )
        d.label(
            ax,
            at(value) + (0.05 if dashed else -0.05),
            top + 0.12,
            f"{value:g}: {words}",
            size=d.SMALL_PT - 0.5,
            ha="left" if dashed else "right",
        )
    for k, o in enumerate(trial.outcomes):
        y = top - (k + 0.5) * row_h
        d.block(ax, 0.25, y + 0.2, o.label, plot_x - 0.4, size=d.SMALL_PT)
        ax.plot([at(o.low), at(o.high)], [y, y], color=INK, linewidth=2)
        ax.add_patch(
            Rectangle(
                (at(o.estimate) - 0.07, y - 0.07), 0.14, 0.14, facecolor=OKABE_ITO["blue"], edgecolor=INK, linewidth=1
            )
        )
        d.block(
            ax,
            plot_x + plot_w + 0.2,
            y + 0.3,
            f"HR {o.estimate:g} (95% CI {o.low:g} to {o.high:g}): {trial.reading(o)}",
            d.WIDTH_IN - 0.25 - plot_x - plot_w - 0.2,
            size=d.SMALL_PT,
        )
    # the axis: ticks at round values inside the range, on the log scale
    ax.plot([plot_x, plot_x + plot_w], [bottom, bottom], color=INK, linewidth=0.8)
    for tick in (0.5, 0.75, 1, 1.5, 2, 3):
        if lo <= tick <= hi:
            ax.plot([at(tick)] * 2, [bottom, bottom - 0.06], color=INK, linewidth=0.8)
            d.label(ax, at(tick), bottom - 0.2, f"{tick:g}", size=d.SMALL_PT - 0.5)
    d.label(
        ax,
        plot_x + plot_w / 2,
        bottom - 0.45,
        f"{trial.measure} (log scale); above 1: {trial.above_one}",
        size=d.SMALL_PT - 0.5,
    )
    return fig
