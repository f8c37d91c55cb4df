"""B-cell depletion and return after rituximab and after CD19 CAR T cells: the whole time course as a static
figure, and one panel per week for the stepped-weeks interactive (widgets.views.b_cell_return)."""

from __future__ import annotations

from matplotlib.figure import Figure
from matplotlib.patches import Rectangle

from widgets.figures import draw as d
from widgets.figures.registry import course_figure
from widgets.models.b_cell_return import BCellReturn, load_b_cell_return
from widgets.palette import FILL_HATCH, INK, MUTED, OKABE_ITO, PAPER

STATE_COLOUR = {"depleted": "vermillion", "returning": "yellow", "memory-low": "sky_blue"}


def draw_time_courses(model: BCellReturn, week: int | None = None) -> Figure:
    """One band per therapy along a week axis (evenly spaced steps, labelled with their weeks), each phase
    hatched and coloured by state and named in the legend; stretches no source reports are left blank and say
    so. With `week`, a marker shows that week."""
    weeks = model.weeks
    left, label_w = 0.25, 2.35
    x0, x1 = left + label_w + 0.1, d.WIDTH_IN - 0.35
    row_h = 0.55
    height = 0.75 + len(model.courses) * (row_h + 0.2) + 1.05
    fig, ax = d.canvas(d.WIDTH_IN, height)
    d.title(ax, left, height - 0.15, "B-cell depletion and return, week by week")

    def at(w: float) -> float:
        """Steps are spaced evenly (0, 8, ..., 104 would crowd the first months on a linear axis)."""
        if w >= weeks[-1]:
            return x1
        k = max(i for i, s in enumerate(weeks) if s <= w)
        return x0 + (x1 - x0) * (k + (w - weeks[k]) / (weeks[k + 1] - weeks[k])) / (len(weeks) - 1)

    top = height - 0.6
    for course in model.courses:
        y = top - row_h
        d.block(ax, left, y + row_h - 0.02, course.label, label_w, size=d.SMALL_PT, bold=True)
        for phase in course.phases:
            end = weeks[-1] if phase.until is None else min(phase.until, weeks[-1])
            colour = STATE_COLOUR[phase.state]
            ax.add_patch(
                Rectangle(
                    (at(phase.start), y + 0.08),
                    at(end) - at(phase.start),
                    row_h - 0.16,
                    facecolor=OKABE_ITO[colour],
                    edgecolor=INK,
                    hatch=FILL_HATCH[colour],
                    linewidth=0.8,
                )
            )
        if course.reported_until is not None and course.reported_until < weeks[-1]:
            d.label(
                ax,
                (at(course.reported_until) + x1) / 2,
                y + row_h / 2,
                "not reported by this source",
                colour=MUTED,
                italic=True,
            )
        top = y - 0.2
    axis_y = top + 0.05
    ax.plot([x0, x1], [axis_y, axis_y], color=INK, linewidth=0.8)
    for w in weeks:
        ax.plot([at(w)] * 2, [axis_y, axis_y - 0.06], color=INK, linewidth=0.8)
        d.label(ax, at(w), axis_y - 0.2, str(w), size=d.SMALL_PT - 0.5)
    d.label(
        ax,
        (x0 + x1) / 2,
        axis_y - 0.42,
        "weeks after the first dose or the infusion (steps, not to scale)",
        size=d.SMALL_PT - 0.5,
    )
    if week is not None:
        ax.plot([at(week)] * 2, [axis_y, height - 0.6], color=INK, linewidth=2.2)
        d.label(ax, at(week), height - 0.5, f"week {week}", bold=True)
    x = left
    for state, label in model.states.items():
        x = d.swatch(ax, x, 0.12, STATE_COLOUR[state], label)
    ax.set_facecolor(PAPER)
    return fig


@course_figure("b-cell-return")
def b_cell_return() -> Figure:
    """The whole time course, for the page that refers to the interactive (and for print)."""
    return draw_time_courses(load_b_cell_return())
