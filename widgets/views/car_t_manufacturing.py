"""'From vein to vein': step through the making of a CAR T-cell product.

One control, linked in the browser so it works with no kernel: a list of the numbered steps. Choose any step,
or focus the list and press the up/down arrow keys for the previous and next step. ipywidgets has no button
that adds one to an index in the browser, so a plain "Next" button would be dead on the static page; the
list's arrow keys are the honest substitute, and a screen reader announces the step's name with them.
"""

from __future__ import annotations

import ipywidgets as ipw

from widgets.models.car_t_manufacturing import LOCATIONS, Manufacturing, Step, load_manufacturing
from widgets.text import escape, markdown_inline, markdown_to_html
from widgets.views.common import (
    OKABE_ITO,
    ROOT_CLASS,
    choice_list,
    html_panel,
    readable_diagram,
    shared_panel_look,
    sources_html,
)
from widgets.views.panels import PanelTree
from widgets.views.presentation import DECK_SIDE_BY_SIDE_CLASS
from widgets.views.registry import builder

_W = 760
_LANES = list(LOCATIONS)  # treatment centre, in transit, manufacturing facility
_LANE_H, _TOP, _LEFT = 30, 8, 170


def _fmt(days: float) -> str:
    return f"{days:g}"


def step_svg(model: Manufacturing, step: Step) -> str:
    """Swimlane of the 11 steps by location, the chosen step filled and marked, above the vein-to-vein bar."""
    lo, typ, hi = model.vein_to_vein()
    col = (_W - _LEFT - 10) / len(model.steps)
    parts = []
    for i, lane in enumerate(_LANES):
        y = _TOP + i * _LANE_H
        here = lane == step.location
        bold = ' font-weight="bold"' if here else ""
        parts.append(
            f'<rect x="0" y="{y}" width="{_W}" height="{_LANE_H - 2}" fill="{"#f3f3f3" if i % 2 else "#ffffff"}"/>'
            f'<text x="6" y="{y + 19}" font-size="13"{bold}>'
            f"{'▶ ' if here else ''}{escape(LOCATIONS[lane])}</text>"
        )
    points = []
    for i, s in enumerate(model.steps):
        x = _LEFT + i * col + col / 2
        y = _TOP + _LANES.index(s.location) * _LANE_H + _LANE_H / 2 - 1
        points.append(f"{x:.0f},{y:.0f}")
    parts.append(f'<polyline points="{" ".join(points)}" fill="none" stroke="#777777" stroke-width="1.5"/>')
    for i, s in enumerate(model.steps):
        x, y = (float(v) for v in points[i].split(","))
        cur = s.id == step.id
        fill = OKABE_ITO["blue"] if cur else "#ffffff"
        parts.append(
            f'<circle cx="{x:.0f}" cy="{y:.0f}" r="{12 if cur else 9}" fill="{fill}" '
            f'stroke="#000000" stroke-width="{3 if cur else 1}"/>'
            f'<text x="{x:.0f}" y="{y + 4:.0f}" text-anchor="middle" font-size="11" '
            f'fill="{"#ffffff" if cur else "#000000"}" font-weight="bold">{s.number}</text>'
        )
    # the vein-to-vein bar, days from leukapheresis (day 0) to infusion, then follow-up
    by = _TOP + 3 * _LANE_H + 26
    scale = (_W - _LEFT - 90) / typ
    offs = model.offsets()
    parts.append(f'<text x="6" y="{by + 14}" font-size="13">Vein to vein (days)</text>')
    for s in model.steps:
        if not s.in_vein_to_vein or s.duration.typical == 0:
            continue
        a, b = offs[s.id]
        cur = s.id == step.id
        parts.append(
            f'<rect x="{_LEFT + a * scale:.0f}" y="{by}" width="{max((b - a) * scale, 2):.0f}" height="20" '
            f'fill="{OKABE_ITO["orange"] if cur else "#dddddd"}" stroke="#000000" stroke-width="{2 if cur else 0.5}"/>'
        )
    end_x = _LEFT + typ * scale
    follow = step.id == "monitoring"
    parts.append(
        f'<rect x="{end_x:.0f}" y="{by}" width="80" height="20" fill="{OKABE_ITO["orange"] if follow else "#ffffff"}" '
        f'stroke="#000000" stroke-width="{2 if follow else 0.5}" stroke-dasharray="4 3"/>'
        f'<text x="{end_x + 40:.0f}" y="{by + 14}" text-anchor="middle" font-size="11">follow-up →</text>'
    )
    for wk in range(0, int(typ) + 1, 7):
        x = _LEFT + wk * scale
        parts.append(
            f'<line x1="{x:.0f}" y1="{by + 20}" x2="{x:.0f}" y2="{by + 25}" stroke="#000000"/>'
            f'<text x="{x:.0f}" y="{by + 37}" text-anchor="middle" font-size="11">week {wk // 7}</text>'
        )
    where = {"eligibility": "before day 0 (before the cells are collected)", "monitoring": "after the infusion"}
    if step.id in where:
        pos = where[step.id]
    else:
        a, b = offs[step.id]
        pos = f"typically days {_fmt(a)}–{_fmt(b)}" if b > a else f"day {_fmt(a)}"
    # from the left edge, not the lanes' column: the longest line ("before day 0 ...") ran past the viewBox there
    parts.append(
        f'<text x="6" y="{by - 6}" font-size="12" font-weight="bold">This step: {escape(pos)}; '
        f"infusion on day {_fmt(typ)} (range {_fmt(lo)}–{_fmt(hi)})</text>"
    )
    height = by + 44
    alt = (
        f"Step {step.number} of {len(model.steps)}, {step.title}, happens at the {step.location_label.lower()}. "
        f"Swimlane of all steps by location with this step highlighted, and a bar of the vein-to-vein time: "
        f"this step falls {pos}; infusion typically on day {_fmt(typ)} after leukapheresis."
    )
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="{escape(alt)}" '
        f'viewBox="0 0 {_W} {height}" width="100%" style="max-width:{_W}px">'
        f"<title>{escape(alt)}</title>{''.join(parts)}</svg>"
    )


def step_panel(model: Manufacturing, step: Step, look: dict | None = None) -> ipw.HTML:
    d = step.duration
    if d.max == 0:
        dur = "minutes (part of day 0)"
    else:
        dur = f"about {_fmt(d.typical)} day{'s' if d.typical != 1 else ''} (range {_fmt(d.min)}–{_fmt(d.max)})"
    if d.basis == "illustrative":
        dur += " — an illustrative estimate: the sources give the overall turnaround, not this step"
    return html_panel(
        f"<h4>Step {step.number} of {len(model.steps)}: {escape(step.title)}</h4>"
        f"{readable_diagram(step_svg(model, step))}"
        f"<p><strong>Where:</strong> {escape(step.location_label)}. "
        f"<strong>Who:</strong> {markdown_inline(step.who)}</p>"
        f"<div><strong>What happens.</strong> {markdown_to_html(step.what)}</div>"
        f"<div><strong>What is checked.</strong> {markdown_to_html(step.checks)}</div>"
        f"<p><strong>Typical duration:</strong> {escape(dur)}.</p>"
        f"<div><strong>What can go wrong.</strong> {markdown_to_html(step.can_go_wrong)}</div>"
        f"{sources_html(step.sources)}",
        **(look or {}),
    )


class ManufacturingWalkthrough(ipw.VBox):
    def __init__(self, model: Manufacturing):
        self.model = model
        steps = model.steps
        self.step = choice_list([f"{s.number}. {s.title}" for s in steps], "Step:")
        look = shared_panel_look()
        panels = [step_panel(model, s, look) for s in steps]
        self.tree = PanelTree([self.step], [len(steps)], lambda ix: panels[ix[0]])
        self.stack, self.links = self.tree.root, self.tree.links
        hint = ipw.HTML(
            "<p class='course-hint'>Choose a step from the list, or focus the list and press ↑ ↓ for "
            "the previous and next step.</p>"
        )
        super().__init__(children=[self.step, hint, self.stack])
        self.add_class(ROOT_CLASS)
        self.add_class("course-car-t-manufacturing")
        self.add_class(DECK_SIDE_BY_SIDE_CLASS)  # controls, then their panel: a deck may set them side by side

    @property
    def controls(self) -> list[ipw.Widget]:
        return self.tree.controls

    @property
    def sizes(self) -> tuple[int, ...]:
        return self.tree.sizes

    def select(self, *indices: int) -> None:
        """Python-side selection (live kernel): select(step index)."""
        self.tree.select(*indices)

    show = select  # reads better in a notebook: walkthrough.show(4)


@builder(interactive=True, data_prose=True)
def manufacturing_walkthrough() -> ManufacturingWalkthrough:
    """Chapter 5 interactive, from data/car_t_manufacturing.yaml."""
    return ManufacturingWalkthrough(load_manufacturing())
