"""Shared building blocks for all views: linked choice panels, source lists, colours and sizes."""
from __future__ import annotations

from collections.abc import Sequence

import ipywidgets as ipw
from ipywidgets.widgets.widget_string import HTMLStyle

from widgets.data import short_citation
from widgets.text import escape, markdown_inline

# Okabe-Ito palette: distinguishable with the common colour-vision deficiencies. Colour is never the only
# carrier of meaning: every coloured mark also has a text label or pattern.
OKABE_ITO = {
    "black": "#000000", "orange": "#E69F00", "sky_blue": "#56B4E9", "bluish_green": "#009E73",
    "yellow": "#F0E442", "blue": "#0072B2", "vermillion": "#D55E00", "reddish_purple": "#CC79A7",
}
ROOT_CLASS = "course-widget"  # decks and presentation mode scale every widget through this class


def check_indices(indices, sizes) -> None:
    """The one range check for widgets driven by several controls: a clear message naming the valid range."""
    if len(indices) != len(sizes):
        raise ValueError(f"give {len(sizes)} indices, got {len(indices)}")
    for level, (i, n) in enumerate(zip(indices, sizes)):
        if not isinstance(i, int) or not 0 <= i < n:
            raise ValueError(f"index {i} out of range 0-{n - 1} for control {level}")


def sources_html(keys: Sequence[str]) -> str:
    """A 'Sources' line with author-year links; unknown keys raise KeyError naming the key."""
    parts = []
    for key in keys:
        c = short_citation(key)
        label = escape(c["label"])
        title = escape(c["title"])
        parts.append(f'<a href="{escape(c["link"])}" title="{title}" rel="noopener" target="_blank">{label}</a>'
                     if c["link"] else label)
    return f'<p class="course-sources"><strong>Sources:</strong> {"; ".join(parts)}</p>'


def html_panel(inner_html: str, *, layout: ipw.Layout | None = None,
               style: HTMLStyle | None = None) -> ipw.HTML:
    """A panel of HTML. Views with many panels pass one shared `layout` and `style`: every widget otherwise
    carries its own Layout and Style models, about 1.5 kB of embedded state each on a static page."""
    extra = {"style": style} if style is not None else {}
    return ipw.HTML(value=f'<div class="course-panel">{inner_html}</div>',
                    layout=layout or ipw.Layout(width="100%"), **extra)


def shared_panel_look() -> dict:
    """One Layout and one Style to share across many `html_panel`s of one widget."""
    return {"layout": ipw.Layout(width="100%"), "style": HTMLStyle()}


class ChoicePanels(ipw.VBox):
    """Buttons that switch between pre-rendered panels, linked in the browser (works with no kernel)."""

    def __init__(self, labels: Sequence[str], panels: Sequence[ipw.Widget], *, description: str,
                 tooltips: Sequence[str] | None = None, initial: int | None = 0, heading: str = ""):
        if len(labels) != len(panels) or not labels:
            raise ValueError(f"ChoicePanels: {len(labels)} labels for {len(panels)} panels")
        if initial is not None and not 0 <= initial < len(labels):
            raise ValueError(f"ChoicePanels: initial panel {initial} out of range 0-{len(labels) - 1}")
        self.buttons = ipw.ToggleButtons(
            options=[(str(lab), i) for i, lab in enumerate(labels)], description=description,
            tooltips=list(tooltips or []), style={"button_width": "auto", "description_width": "initial"},
        )
        self.buttons.index = initial
        self.stack = ipw.Stack(children=list(panels), selected_index=initial)
        self.link = ipw.jslink((self.buttons, "index"), (self.stack, "selected_index"))
        children = ([ipw.HTML(f"<strong>{markdown_inline(heading)}</strong>")] if heading else [])
        super().__init__(children=[*children, self.buttons, self.stack])
        self.add_class(ROOT_CLASS)

    def select(self, index: int) -> None:
        """Python-side selection (live kernel); the browser link keeps the panel in step."""
        if not 0 <= index < len(self.stack.children):
            raise ValueError(f"no panel {index}: choose 0-{len(self.stack.children) - 1}")
        self.buttons.index = index
        self.stack.selected_index = index
