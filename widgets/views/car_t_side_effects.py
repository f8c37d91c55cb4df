"""'What happens when?': the side effects of CAR T-cell therapy on a timeline, for two bodies of evidence.

Two controls decide the panel, so the Stacks are nested: the evidence radio group picks the outer Stack, and the
day list (its arrow keys step a day back or on) is linked in the browser to every inner Stack. All of it works
with no kernel.
"""

from __future__ import annotations

import ipywidgets as ipw

from widgets.models.car_t_adverse_events import (
    EVIDENCE,
    AdverseEvent,
    SideEffects,
    day_label,
    load_side_effects,
    timeline_days,
)
from widgets.text import escape, markdown_inline
from widgets.views.common import (
    OKABE_ITO,
    ROOT_CLASS,
    choice_buttons,
    choice_list,
    html_panel,
    readable_diagram,
    shared_panel_look,
    sources_html,
)
from widgets.views.panels import PanelTree
from widgets.views.presentation import DECK_SIDE_BY_SIDE_CLASS
from widgets.views.registry import builder

_W, _LEFT, _ROW = 700, 150, 17


def _index_span(days: list[int], start: int, end: int) -> tuple[int, int] | None:
    inside = [i for i, d in enumerate(days) if start <= d <= end]
    return (inside[0], inside[-1]) if inside else None


def timeline_svg(model: SideEffects, evidence: str, day_index: int) -> str:
    """Every event's typical window on a stretched axis (daily, then weekly, then months and years), with the
    chosen day marked. Rows in their window on that day carry a '●' as well as the darker colour."""
    days = timeline_days()
    # one unit per daily or weekly position; the three late positions get more room so their labels fit
    units = [0.0]
    for d in days[1:]:
        units.append(units[-1] + (3.0 if d > 91 else 1.0))
    step = (_W - _LEFT - 16) / units[-1]
    x = lambda i: _LEFT + units[i] * step  # noqa: E731
    day = days[day_index]
    parts = []
    for r, e in enumerate(model.events):
        y = 4 + r * _ROW
        w = e.evidence[evidence]
        active = w.contains(day)
        bold = ' font-weight="bold"' if active else ""
        parts.append(f'<text x="4" y="{y + 12}" font-size="11"{bold}>{"● " if active else ""}{escape(e.short)}</text>')
        span = _index_span(days, w.start, w.end) if w.has_timing else None
        if span:
            colour = OKABE_ITO["vermillion"] if active else OKABE_ITO["sky_blue"]
            parts.append(
                f'<rect x="{x(span[0]):.0f}" y="{y + 2}" width="{max(x(span[1]) - x(span[0]), 3):.0f}" '
                f'height="{_ROW - 5}" fill="{colour}"/>'
            )
        else:
            parts.append(f'<text x="{_LEFT}" y="{y + 12}" font-size="10" fill="#555555">no timing data</text>')
    base = 4 + len(model.events) * _ROW
    for i, d in enumerate(days):
        if d in (-5, 0, 7, 14, 28, 56, 91, 182, 365, 1095):
            lab = {182: "6 mo", 365: "1 y", 1095: "3 y"}.get(d, str(d))
            parts.append(f'<text x="{x(i):.0f}" y="{base + 12}" text-anchor="middle" font-size="10">{lab}</text>')
    parts.append(
        f'<line x1="{x(day_index):.0f}" y1="0" x2="{x(day_index):.0f}" y2="{base + 2}" '
        'stroke="#000000" stroke-width="2"/>'
    )
    active = [e.short for e in model.events if e.evidence[evidence].contains(day)]
    alt = (
        f"Timeline of {len(model.events)} side effects ({EVIDENCE[evidence].lower()}), each drawn as its typical "
        f"window in days from infusion, with a line at {day_label(day)}. In their window on that day: "
        f"{', '.join(active) or 'none'}."
    )
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="{escape(alt)}" viewBox="0 0 {_W} {base + 16}" '
        f'width="100%" style="max-width:{_W}px"><title>{escape(alt)}</title>{"".join(parts)}</svg>'
    )


def _event_html(e: AdverseEvent, evidence: str) -> str:
    """One line per active event in a day panel: what, how graded, what is done. Evidence details and sources
    are listed once per evidence setting under the slider, which keeps the page small."""
    return (
        f"<li><strong>{escape(e.short)}</strong> — <em>graded:</em> {markdown_inline(e.grading)} "
        f"<em>What is done:</em> {markdown_inline(' '.join(e.management.split()))}</li>"
    )


def evidence_details(model: SideEffects, evidence: str) -> ipw.HTML:
    """Every event's timing, summary and sources for one evidence setting (shown once, below the day panels)."""
    items = []
    for e in model.events:
        w = e.evidence[evidence]
        if w.has_timing:
            timing = f"typical window drawn: days {w.start} to {w.end}"
            timing += "".join(f"; {k} {v}" for k, v in (("onset", w.onset_range), ("duration", w.duration)) if v)
        else:
            timing = "no timing data in the sources read"
        items.append(
            f"<li><strong>{escape(e.name)}</strong> ({escape(timing)}). "
            f"{markdown_inline(' '.join(w.summary.split()))}"
            f"{sources_html(dict.fromkeys(w.sources + e.sources))}</li>"
        )
    return html_panel(
        f"<details><summary>Timing, evidence and sources: {escape(EVIDENCE[evidence].lower())} "
        f"(as of {escape(model.as_of)})</summary><ul>{''.join(items)}</ul></details>"
    )


def day_panel(model: SideEffects, evidence: str, day_index: int, look: dict | None = None) -> ipw.HTML:
    day = timeline_days()[day_index]
    active = model.events_active_on(day, evidence)
    missing = model.without_timing(evidence)
    listing = (
        f"<ul>{''.join(_event_html(e, evidence) for e in active)}</ul>"
        if active
        else "<p>No event in this evidence set has its typical window on this day.</p>"
    )
    note = ""
    if missing:
        note = (
            "<p class='course-note'><strong>Not drawn, no timing data</strong> in the sources read: "
            + ", ".join(escape(e.short) for e in missing)
            + " (see the details below).</p>"
        )
    return html_panel(
        f"<h4>{escape(day_label(day).capitalize())}: {escape(EVIDENCE[evidence].lower())}</h4>"
        f"{readable_diagram(timeline_svg(model, evidence, day_index))}"
        f"<p><strong>In their typical window:</strong> {len(active)} event(s).</p>{listing}{note}",
        **(look or {}),
    )


class SideEffectTimeline(ipw.VBox):
    def __init__(self, model: SideEffects, initial_day: int = 0):
        self.model = model
        days = timeline_days()
        self.evidence_keys = list(EVIDENCE)
        self.evidence = choice_buttons([EVIDENCE[k] for k in self.evidence_keys], "Evidence:")
        self.day = choice_list([day_label(d) for d in days], "Day after infusion:", index=days.index(initial_day))
        look = shared_panel_look()
        self.details = [evidence_details(model, ev) for ev in self.evidence_keys]
        # Evidence picks the outer Stack's child: that evidence's day Stack with its details below it.
        self.tree = PanelTree(
            [self.evidence, self.day],
            [len(self.evidence_keys), len(days)],
            lambda ix: day_panel(model, self.evidence_keys[ix[0]], ix[1], look),
            initial=[0, self.day.index],
            around=lambda k, ix, node: ipw.VBox([node, self.details[ix[0]]]) if k == 0 else node,
        )
        self.outer, self.inner, self.links = self.tree.root, self.tree.stacks_by_level[1], self.tree.links
        super().__init__(children=[self.evidence, self.day, self.outer])
        self.add_class(ROOT_CLASS)
        self.add_class("course-car-t-timeline")
        self.add_class(DECK_SIDE_BY_SIDE_CLASS)  # controls, then their panel: a deck may set them side by side

    @property
    def controls(self) -> list[ipw.Widget]:
        return self.tree.controls

    @property
    def sizes(self) -> tuple[int, int]:
        return self.tree.sizes

    def select(self, *indices: int) -> None:
        """Python-side selection by control index, (evidence, day), as the browser links do."""
        self.tree.select(*indices)

    def show(self, day: int, evidence: str = "oncology") -> None:
        """Python-side selection by day and evidence name, with a clear error for a day not on the timeline."""
        days = timeline_days()
        if day not in days:
            raise ValueError(f"day {day} is not on the timeline; choose one of {days}")
        if evidence not in self.evidence_keys:
            raise ValueError(f"unknown evidence {evidence!r}; choose one of {self.evidence_keys}")
        self.select(self.evidence_keys.index(evidence), days.index(day))

    def visible_panel(self) -> ipw.HTML:
        return self.tree.visible()


@builder(interactive=True, data_prose=True)
def side_effect_timeline() -> SideEffectTimeline:
    """Chapter 5 interactive, from data/car_t_adverse_events.yaml."""
    return SideEffectTimeline(load_side_effects())
