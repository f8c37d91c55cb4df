"""Shared building blocks for all views: source lists, HTML panels, colours and the root class. The linked
panels themselves are in `widgets.views.panels`."""
from __future__ import annotations

from collections.abc import Sequence

import ipywidgets as ipw
from ipywidgets.widgets.widget_string import HTMLStyle

from widgets.data import short_citation
from widgets.palette import OKABE_ITO  # noqa: F401 (the one palette, shared with widgets.figures)
from widgets.text import escape

ROOT_CLASS = "course-widget"  # decks and presentation mode scale every widget through this class


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
