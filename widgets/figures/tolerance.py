"""Chapter 7 figure: suppressing immunity or restoring tolerance, and where each tolerance-restoring route
acts, with its status as of the data's date."""

from __future__ import annotations

from matplotlib.figure import Figure

from widgets.figures import draw as d
from widgets.figures.registry import course_figure
from widgets.models.figure_facts import load_figure_facts
from widgets.palette import MUTED, OKABE_ITO

# How each evidence status is filled; every tag also says its status in words.
STATUS_COLOUR = {
    "approved": "bluish_green",
    "cancer": "sky_blue",
    "investigational": "yellow",
    "missed": "vermillion",
    "early": "orange",
}
ROUTES = ("reset", "low-dose-il2", "treg-infusion", "car-treg", "antigen-specific")


@course_figure("tolerance-routes")
def tolerance_routes() -> Figure:
    """Left: suppressing immunity; right: restoring tolerance and its five routes, each with a status tag
    (approved, primary endpoint missed, early data only) and the approved agent where there is one."""
    facts = load_figure_facts("tolerance-routes")
    p = facts.part
    routes = [p(r) for r in ROUTES]
    col_w, right_x = 2.6, 3.2
    route_w = d.WIDTH_IN - 0.25 - right_x
    tag_w = 2.1
    box_w = route_w - tag_w - 0.12
    hs = [max(d.needed_height(box_w, r.label, r.note), 0.6) for r in routes]
    height = (
        0.6
        + d.needed_height(route_w, p("restore").label, p("restore").note)
        + 0.35
        + sum(hs)
        + 0.15 * len(routes)
        + 0.3
    )
    fig, ax = d.canvas(d.WIDTH_IN, height)
    d.title(ax, 0.25, height - 0.15, facts.title)
    top = height - 0.55

    suppress = p("suppress")
    sh = d.needed_height(col_w, suppress.label, suppress.note)
    d.box(ax, 0.25, top - sh, col_w, sh, suppress.label, suppress.note, fill=OKABE_ITO["sky_blue"])
    restore = p("restore")
    rh = d.needed_height(route_w, restore.label, restore.note)
    restore_box = d.box(ax, right_x, top - rh, route_w, rh, restore.label, restore.note, fill=OKABE_ITO["bluish_green"])
    d.label(ax, (0.25 + col_w + right_x) / 2, top - sh / 2, "or", size=d.FONT_PT, bold=True, colour=MUTED)

    y = restore_box.y - 0.35
    for route, h in zip(routes, hs, strict=True):
        b = d.box(ax, right_x, y - h, box_w, h, route.label, route.note)
        d.arrow(ax, (right_x - 0.15, restore_box.y), (right_x - 0.15, y - h / 2), colour=MUTED, width=0.9)
        words = facts.status_labels[route.status]
        if route.agents:
            words = f"{route.agent_list}: {words}"
        th = d.needed_height(tag_w - 0.16, words, size=d.SMALL_PT)
        d.tag(ax, b.x + b.w + 0.12, b.y + (h - th) / 2, words, STATUS_COLOUR[route.status], w=tag_w)
        y -= h + 0.15
    return fig
