"""'IgG under an FcRn blocker': two radio groups (how the blocker is given; when another IgG antibody is
given) choose one of a few pre-drawn panels, so the widget works with no kernel (widgets.views.panels)."""

from __future__ import annotations

import ipywidgets as ipw

from widgets.models.fcrn_blockade import FcRnModel, Scenario, load_fcrn_model
from widgets.text import escape, markdown_inline
from widgets.views.common import (
    OKABE_ITO,
    ROOT_CLASS,
    choice_buttons,
    html_panel,
    readable_diagram,
    shared_panel_look,
    sources_html,
)
from widgets.views.panels import NestedPanels
from widgets.views.presentation import deck_may_break
from widgets.views.registry import builder

_W, _H, _L, _R, _T, _B = 600, 250, 52, 12, 22, 34
TEACHING_LABEL = "Teaching model: not clinical decision support, not dosing advice"


def _x(day: float, horizon: int) -> float:
    return _L + (_W - _L - _R) * day / horizon


def _y(v: float) -> float:
    return _T + (_H - _T - _B) * (1 - min(max(v, 0.0), 1.0))


def _path(values: list[float], horizon: int, start: int = 0) -> str:
    # every second day is smooth enough to see and halves the embedded widget state
    pts = [(d, v) for d, v in enumerate(values) if d >= start and ((d - start) % 2 == 0 or d == len(values) - 1)]
    return "M" + " L".join(f"{_x(d, horizon):.1f},{_y(v):.1f}" for d, v in pts)


def _alt(s: Scenario) -> str:
    low, day = s.nadir
    text = (
        f"Total IgG over {s.horizon // 7} weeks with the FcRn blocker given as '{s.regimen.label}'. "
        f"Hatched bands mark the days FcRn is blocked. IgG falls to {low:.0%} of baseline (day {day})."
    )
    if s.other.day is not None:
        text += (
            f" A dashed line shows another IgG antibody given on day {s.other.day}; a dotted line shows the "
            f"same antibody without the blocker. Four weeks after its dose it is at "
            f"{s.other_level_ratio():.0%} of that level."
        )
    return text


def igg_svg(s: Scenario, uid: str) -> str:
    """The curves of one scenario. `uid` keeps the hatch pattern's id unique on the page (a pattern defined in
    a hidden panel is not drawn in another panel, so every panel carries its own)."""
    h = s.horizon
    hatch = f"fcrn-hatch-{uid}"
    parts = [
        f'<defs><pattern id="{hatch}" width="6" height="6" patternUnits="userSpaceOnUse" '
        f'patternTransform="rotate(45)"><line x1="0" y1="0" x2="0" y2="6" stroke="{OKABE_ITO["sky_blue"]}" '
        f'stroke-width="2"/></pattern></defs>'
    ]
    for a, b in s.blocked:
        parts.append(
            f'<rect x="{_x(a, h):.1f}" y="{_T}" width="{_x(b, h) - _x(a, h):.1f}" height="{_H - _T - _B}" '
            f'fill="url(#{hatch})" opacity="0.55"/>'
        )
    first = s.blocked[0]
    parts.append(f'<text x="{_x(first[0], h) + 3:.1f}" y="{_T - 6}" font-size="11">FcRn blocked (hatched)</text>')
    for v in (0, 25, 50, 75, 100):
        y = _y(v / 100)
        parts.append(
            f'<line x1="{_L}" y1="{y:.1f}" x2="{_W - _R}" y2="{y:.1f}" stroke="#dddddd"/>'
            f'<text x="{_L - 5}" y="{y + 4:.1f}" text-anchor="end" font-size="11">{v}%</text>'
        )
    for week in range(0, h // 7 + 1, 4):
        parts.append(
            f'<text x="{_x(week * 7, h):.1f}" y="{_H - _B + 15}" text-anchor="middle" font-size="11">{week}</text>'
        )
    parts.append(
        f'<text x="{(_L + _W - _R) / 2:.0f}" y="{_H - 3}" text-anchor="middle" font-size="12">'
        f"weeks after the first dose</text>"
        f'<text x="11" y="{(_T + _H - _B) / 2:.0f}" font-size="11" text-anchor="middle" '
        f'transform="rotate(-90 11 {(_T + _H - _B) / 2:.0f})">% (see the key below)</text>'
    )
    if s.other.day is not None:
        parts.append(
            f'<path d="{_path(s.other_without_blocker, h, s.other.day)}" fill="none" stroke="#666666" '
            f'stroke-width="2" stroke-dasharray="2 3"/>'
        )
        parts.append(
            f'<path d="{_path(s.other_with_blocker, h, s.other.day)}" fill="none" '
            f'stroke="{OKABE_ITO["vermillion"]}" stroke-width="2.5" stroke-dasharray="7 4"/>'
        )
    parts.append(f'<path d="{_path(s.igg, h)}" fill="none" stroke="{OKABE_ITO["blue"]}" stroke-width="3"/>')
    alt = _alt(s)
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="{escape(alt)}" '
        f'viewBox="0 0 {_W} {_H}" width="100%" style="max-width:{_W}px"><title>{escape(alt)}</title>'
        f"{''.join(parts)}</svg>"
    )


def _legend(s: Scenario) -> str:
    items = [
        f'<li><span aria-hidden="true" style="color:{OKABE_ITO["blue"]}">━━</span> total IgG, '
        f"% of baseline (solid line)</li>"
    ]
    if s.other.day is not None:
        items.append(
            f'<li><span aria-hidden="true" style="color:{OKABE_ITO["vermillion"]}">╍╍</span> the other '
            f"antibody with the blocker, % of its peak (dashed)</li>"
            f'<li><span aria-hidden="true" style="color:#666666">┈┈</span> the same antibody with no '
            f"blocker (dotted)</li>"
        )
    return f'<ul class="course-legend">{"".join(items)}</ul>'


def igg_sentence(s: Scenario, recovery_weeks: float) -> str:
    low, day = s.nadir
    r = s.regimen
    if r.doses_per_cycle is None:
        return (
            f"With no break between doses, IgG settles near <strong>{low:.0%}</strong> of baseline and stays "
            f"there for as long as dosing goes on."
        )
    if r.cycle_every_days is None:
        back = s.day_igg_back_to(0.9)
        weeks = (back - r.last_dose_of_first_cycle) / 7
        return (
            f"IgG falls to <strong>{s.igg_on(day):.0%}</strong> of baseline by day {day}, then climbs back: "
            f"90% of baseline on day {back}, <strong>{weeks:.0f} weeks</strong> after the last dose (measured: "
            f"back to baseline about {recovery_weeks:g} weeks after the last dose)."
        )
    next_start = r.cycle_every_days
    return (
        f"Each cycle lowers IgG to about <strong>{s.igg_on(r.doses_per_cycle * r.dose_interval_days):.0%}"
        f"</strong> of baseline; by day {next_start}, when the next cycle starts, it has climbed back only to "
        f"<strong>{s.igg_on(next_start):.0%}</strong>. The falls and rises repeat with every cycle."
    )


def other_sentence(s: Scenario) -> str:
    if s.other.day is None:
        return "No other antibody is given."
    exposure, level = s.other_exposure_ratio(), s.other_level_ratio()
    if exposure > 0.995:
        return (
            f"The other antibody, given on day {s.other.day}, arrives after FcRn is free again: its "
            f"exposure over the next 8 weeks is <strong>{exposure:.0%}</strong> of what it would be without "
            f"the blocker."
        )
    return (
        f"The other antibody, given on day {s.other.day}, is broken down faster while FcRn is blocked: "
        f"4 weeks after its dose its level is <strong>{level:.0%}</strong> of what it would be without the "
        f"blocker, and its exposure over 8 weeks is <strong>{exposure:.0%}</strong>."
    )


def scenario_panel(model: FcRnModel, i: int, j: int, look: dict) -> ipw.HTML:
    s = model.scenario(i, j)
    return html_panel(
        f"<h4>{escape(s.regimen.label)}; other antibody: {escape(s.other.label.lower())}</h4>"
        f"{readable_diagram(igg_svg(s, f'{i}-{j}'))}{_legend(s)}"
        f"<p>{igg_sentence(s, model.recovery_weeks)} {other_sentence(s)}</p>"
        f"<p><small>{markdown_inline(s.regimen.text)} {markdown_inline(s.other.text)}</small></p>",
        **look,
    )


class IgGUnderFcRnBlockade(NestedPanels):
    """Regimen x timing of another IgG antibody -> one pre-drawn panel."""

    def __init__(self, model: FcRnModel):
        self.model = model
        look = shared_panel_look()
        regimen = choice_buttons([r.label for r in model.regimens], "FcRn blocker given as:")
        other = choice_buttons([o.label for o in model.others], "Another IgG antibody:")
        header = [
            ipw.HTML(
                f"<strong>Total IgG under an FcRn blocker</strong> "
                f'<span class="course-teaching-label">({escape(TEACHING_LABEL)})</span>'
            )
        ]
        super().__init__(
            [regimen, other],
            [len(model.regimens), len(model.others)],
            lambda ix: scenario_panel(model, ix[0], ix[1], look),
            initial=list(model.initial),
            header=header,
        )
        inputs = " ".join(markdown_inline(text) for text, _ in model.parameter_texts)
        keys = list(dict.fromkeys(k for _, srcs in model.parameter_texts for k in srcs))
        # the notes and sources under the widget: a deck may show them on a slide of their own
        self.children = (
            *self.children,
            deck_may_break(
                ipw.HTML(
                    f"<p><small>{markdown_inline(model.note)} Measured inputs: {inputs} Blocking factor fitted to one "
                    f"cycle: IgG broken down {model.factor:.1f} times faster while FcRn is blocked.</small></p>"
                    + sources_html(list(dict.fromkeys([*keys, *model.note_sources])))
                )
            ),
        )
        self.add_class(ROOT_CLASS)
        self.add_class("course-fcrn-igg")


@builder(interactive=True, data_prose=True)
def igg_under_fcrn_blockade() -> IgGUnderFcRnBlockade:
    """Chapter 'pathogenic-antibodies' interactive: how an FcRn blocker is given x when another IgG antibody is
    given -> total IgG and that antibody over 26 weeks."""
    return IgGUnderFcRnBlockade(load_fcrn_model())
