"""'How long is the delay?': TN-10 at each published data cut, one pre-rendered panel per cut."""

from __future__ import annotations

import ipywidgets as ipw

from widgets.models.tn10 import ARMS, TN10, DataCut, load_tn10
from widgets.text import escape, markdown_to_html
from widgets.views.common import OKABE_ITO, html_panel, readable_diagram, shared_panel_look, sources_html
from widgets.views.panels import ChoicePanels
from widgets.views.registry import builder

_W, _LEFT, _BAR_H, _GAP, _TOP = 560, 110, 34, 18, 30
_FILL = {"teplizumab": OKABE_ITO["blue"], "placebo": OKABE_ITO["orange"]}


def medians_svg(model: TN10, cut: DataCut) -> str:
    """Hand-written SVG (deterministic): one bar per arm on a scale shared by every cut, each labelled with its
    arm and its number, so nothing rests on colour."""
    scale = (_W - _LEFT - 90) / model.longest_median()
    height = _TOP + len(ARMS) * (_BAR_H + _GAP)
    alt = (
        f"Bar chart of the median time to diagnosis of type 1 diabetes in {model.name}, {cut.label}: "
        + "; ".join(f"{model.arm_labels[a]} {cut.median_months[a]} months" for a in ARMS)
        + f". The medians differ by {cut.delay_months} months."
    )
    parts = [f'<text x="{_LEFT}" y="18" font-size="13" fill="#000000">Median months to diagnosis</text>']
    for i, arm in enumerate(ARMS):
        y = _TOP + i * (_BAR_H + _GAP)
        w = cut.median_months[arm] * scale
        parts.append(
            f'<text x="{_LEFT - 8}" y="{y + _BAR_H / 2 + 5}" text-anchor="end" font-size="14" fill="#000000">'
            f"{escape(model.arm_labels[arm])}</text>"
            f'<rect x="{_LEFT}" y="{y}" width="{w:.1f}" height="{_BAR_H}" fill="{_FILL[arm]}" stroke="#000000"/>'
            f'<text x="{_LEFT + w + 6:.1f}" y="{y + _BAR_H / 2 + 5}" font-size="14" font-weight="bold" '
            f'fill="#000000">{cut.median_months[arm]} months</text>'
        )
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="{escape(alt)}" '
        f'viewBox="0 0 {_W} {height}" width="100%" style="max-width:{_W}px;background:#ffffff">'
        f"<title>{escape(alt)}</title>{''.join(parts)}</svg>"
    )


def _outcome(model: TN10, cut: DataCut) -> str:
    cells = []
    for arm in ARMS:
        v = cut.outcome[arm]
        count = f"{v.count} of {model.arm_sizes[arm]}, " if v.count is not None else ""
        cells.append(f"{escape(model.arm_labels[arm])}: {count}{v.percent:g}%")
    return f"<p><strong>{escape(cut.outcome_label)}:</strong> {'; '.join(cells)}.</p>"


def cut_panel(model: TN10, cut: DataCut, look: dict) -> ipw.HTML:
    return html_panel(
        f"<h4>{escape(model.name)}, {escape(cut.label)}</h4>"
        f"<p><em>{escape(cut.published)}; {escape(cut.follow_up)}.</em></p>"
        f"{readable_diagram(medians_svg(model, cut))}"
        f"<p><strong>Difference in median time to diagnosis:</strong> {cut.delay_months} months "
        f"({cut.median_ratio}× as long). <strong>Statistics:</strong> {escape(cut.statistic)}.</p>"
        f"{_outcome(model, cut)}"
        f"<div>{markdown_to_html(cut.note)}</div>"
        f"{sources_html(cut.sources)}",
        **look,
    )


class TN10FollowUp(ChoicePanels):
    def __init__(self, model: TN10):
        self.model = model
        look = shared_panel_look()
        arms = " and ".join(f"{model.arm_labels[a]} ({model.arm_sizes[a]})" for a in ARMS)
        super().__init__(
            [c.label for c in model.cuts],
            [cut_panel(model, c, look) for c in model.cuts],
            description="Data cut:",
            heading=f"{model.name}: {arms}, at each published data cut",
        )
        self.add_class("course-tn10")


@builder(interactive=True, data_prose=True)
def tn10_follow_up() -> TN10FollowUp:
    """Restoring-tolerance chapter interactive, from data/tn10_follow_up.yaml."""
    return TN10FollowUp(load_tn10())
