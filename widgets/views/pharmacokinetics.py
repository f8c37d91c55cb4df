"""'Half-life and dosing interval': two sliders choose one pre-drawn concentration curve (no kernel needed)."""

from __future__ import annotations

import ipywidgets as ipw

from widgets.models.pharmacokinetics import DosingScenario, ModelChoices, load_model_choices
from widgets.text import escape, markdown_inline
from widgets.views.common import OKABE_ITO, choice_buttons, html_panel, readable_diagram, sources_html
from widgets.views.panels import NestedPanels
from widgets.views.registry import builder

HORIZON = 364  # one year
Y_MAX = 7.0  # fixed scale, so curves can be compared by eye
_W, _H, _L, _B, _T, _R = 560, 230, 46, 34, 12, 12


def _x(day: float) -> float:
    return _L + (_W - _L - _R) * day / HORIZON


def _y(c: float) -> float:
    return _T + (_H - _T - _B) * (1 - min(c, Y_MAX) / Y_MAX)


def concentration_svg(s: DosingScenario) -> str:
    pts = s.curve(HORIZON)
    path = "M" + " L".join(f"{_x(t):.1f},{_y(c):.1f}" for t, c in pts)
    alt = (
        f"Relative antibody concentration over one year with a half-life of {s.half_life_days:g} days and a dose "
        f"every {s.interval_days:g} days: steady-state peak about {s.steady_peak:.1f} and trough about "
        f"{s.steady_trough:.2f} times the single-dose peak."
    )
    grid = []
    for v in range(0, int(Y_MAX) + 1):
        y = _y(v)
        grid.append(
            f'<line x1="{_L}" y1="{y:.1f}" x2="{_W - _R}" y2="{y:.1f}" stroke="#dddddd"/>'
            f'<text x="{_L - 6}" y="{y + 4:.1f}" text-anchor="end" font-size="11">{v}</text>'
        )
    for wk in range(0, 53, 13):
        x = _x(wk * 7)
        grid.append(f'<text x="{x:.1f}" y="{_H - _B + 15}" text-anchor="middle" font-size="11">{wk}</text>')
    trough = _y(s.steady_trough)
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="{escape(alt)}" viewBox="0 0 {_W} {_H}" '
        f'width="100%" style="max-width:{_W}px"><title>{escape(alt)}</title>{"".join(grid)}'
        f'<line x1="{_L}" y1="{trough:.1f}" x2="{_W - _R}" y2="{trough:.1f}" stroke="{OKABE_ITO["vermillion"]}" '
        f'stroke-dasharray="5 4"/><text x="{_W - _R}" y="{trough - 4:.1f}" text-anchor="end" font-size="11" '
        f'fill="{OKABE_ITO["vermillion"]}">steady-state trough</text>'
        f'<path d="{path}" fill="none" stroke="{OKABE_ITO["blue"]}" stroke-width="2"/>'
        f'<text x="{(_L + _W - _R) / 2}" y="{_H - 3}" text-anchor="middle" font-size="12">weeks after first dose'
        f'</text><text x="12" y="{(_T + _H - _B) / 2}" font-size="12" text-anchor="middle" '
        f'transform="rotate(-90 12 {(_T + _H - _B) / 2})">relative concentration</text></svg>'
    )


def scenario_panel(s: DosingScenario) -> ipw.HTML:
    left = 100 * s.trough_share_of_peak
    return html_panel(
        f"<h4>Half-life {s.half_life_days:g} days, a dose every {s.interval_days:g} days</h4>"
        f"{readable_diagram(concentration_svg(s))}"
        f"<p><strong>{s.half_lives_per_interval:.1f} half-lives</strong> pass between doses, so "
        f"<strong>{left:.0f}%</strong> of each peak is left when the next dose is due. At steady state the peak is "
        f"<strong>{s.steady_peak:.2f}</strong> and the trough <strong>{s.steady_trough:.2f}</strong> times the "
        f"single-dose peak (accumulation ratio {s.accumulation_ratio:.2f}).</p>"
    )


class ConcentrationExplorer(NestedPanels):
    def __init__(self, choices: ModelChoices):
        self.choices = choices
        halves, intervals = choices.half_lives, choices.intervals
        self.scenarios = choices.scenarios()
        half = choice_buttons([f"{h:g} days" for h in halves], "Half-life:")
        interval = choice_buttons([f"{t:g} days" for t in intervals], "Dosing interval:")
        header = [ipw.HTML("<strong>Antibody concentration over a year (teaching model, not dosing advice)</strong>")]
        super().__init__(
            [half, interval],
            [len(halves), len(intervals)],
            lambda ix: scenario_panel(self.scenarios[(halves[ix[0]], intervals[ix[1]])]),
            initial=[halves.index(choices.initial[0]), intervals.index(choices.initial[1])],
            header=header,
        )
        self.children = (
            *self.children,
            ipw.HTML(f"<p><small>{markdown_inline(choices.note)}</small></p>" + sources_html(choices.sources)),
        )
        self.add_class("course-concentration")


@builder(interactive=True, data_prose=True)
def concentration_explorer() -> ConcentrationExplorer:
    """Chapter 2 interactive: half-life x dosing interval -> concentration curve."""
    return ConcentrationExplorer(load_model_choices())
