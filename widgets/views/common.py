"""Shared building blocks for all views: source lists, HTML panels, colours and the root class. The linked
panels themselves are in `widgets.views.panels`."""

from __future__ import annotations

import re
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
        parts.append(
            f'<a href="{escape(c["link"])}" title="{title}" rel="noopener" target="_blank">{label}</a>'
            if c["link"]
            else label
        )
    return f'<p class="course-sources"><strong>Sources:</strong> {"; ".join(parts)}</p>'


def html_panel(inner_html: str, *, layout: ipw.Layout | None = None, style: HTMLStyle | None = None) -> ipw.HTML:
    """A panel of HTML. Views with many panels pass one shared `layout` and `style`: every widget otherwise
    carries its own Layout and Style models, about 1.5 kB of embedded state each on a static page."""
    extra = {"style": style} if style is not None else {}
    return ipw.HTML(
        value=f'<div class="course-panel">{inner_html}</div>', layout=layout or ipw.Layout(width="100%"), **extra
    )


def shared_panel_look() -> dict:
    """One Layout and one Style to share across many `html_panel`s of one widget."""
    return {"layout": ipw.Layout(width="100%"), "style": HTMLStyle()}


# Diagram text stays readable on a phone: smaller than this (CSS px), a diagram scrolls sideways instead.
MIN_DIAGRAM_TEXT_PX = 10
DIAGRAM_TEXT_VAR = "--course-diagram-text-px"  # the smallest diagram text wanted, when larger than that
_SVG_TAG = re.compile(r"<svg\b[^>]*>")
_VIEWBOX_WIDTH = re.compile(r'viewBox="[-\d.]+ [-\d.]+ ([\d.]+) [\d.]+"')
_FONT_SIZE = re.compile(r'font-size(?:="|:\s*)([\d.]+)')


def readable_diagram(svg: str) -> str:
    """An inline SVG diagram in a box that scrolls sideways (tools/static/course-widget-layout.css draws the cue)
    once the page is too narrow to show its smallest text at MIN_DIAGRAM_TEXT_PX: the diagram keeps the width
    at which that text is that size, instead of shrinking with the page."""
    tag = _SVG_TAG.search(svg)
    width = _VIEWBOX_WIDTH.search(tag.group(0)) if tag else None
    sizes = [float(s) for s in _FONT_SIZE.findall(svg)]
    if not (width and sizes):
        raise ValueError("readable_diagram: needs an <svg> with a viewBox and font sizes on its text")
    # The width per px of smallest text; the text size is a CSS variable, so a deck or presentation mode can ask
    # for larger diagram text (widgets/views/presentation.py) with the same markup.
    per_px = float(width.group(1)) / min(sizes)
    min_width = f"min-width:calc({per_px:.4g} * var({DIAGRAM_TEXT_VAR}, {MIN_DIAGRAM_TEXT_PX}px))"
    opened = tag.group(0)
    sized = (
        opened.replace('style="', f'style="{min_width};', 1)
        if 'style="' in opened
        else opened[:-1] + f' style="{min_width}">'
    )
    # A box that scrolls must be reachable with the keyboard (WCAG 2.1.1), and a focusable box needs a name.
    # role=group, not region: several diagrams on a page must not become landmarks of the same name.
    return (
        f'<div class="course-diagram" tabindex="0" role="group" aria-label="Diagram, scrolls sideways">'
        f"{svg[: tag.start()]}{sized}{svg[tag.end() :]}</div>"
    )


# The course's two choice controls. Both are native form controls, so a screen reader announces each option's
# name and whether it is chosen (ipywidgets' ToggleButtons expose no pressed state, and a slider's handle has no
# name without a script patching it).
CHOICES_CLASS = "course-choices"
CHOICE_LIST_CLASS = "course-choice-list"
# Options this short sit side by side; a group with a longer one lists its options one per line. JupyterLab
# does not load the book's CSS, and sentence-long options side by side ran under the panel beside them.
SHORT_CHOICE_CHARS = 40
# ipywidgets 8 copies a control's `tooltip` into its label's `title`, None included: left unset, hovering over
# "Your prediction:" showed a tooltip reading "null". An empty one shows nothing. Every labelled control takes it.
NO_TOOLTIP = ""


def choice_buttons(options: Sequence[str], description: str, *, index: int | None = 0) -> ipw.RadioButtons:
    """A radio group: option i has value i; `index=None` starts with nothing chosen (a prediction)."""
    if not options:
        raise ValueError(f"choice_buttons {description!r}: no options")
    horizontal = all(len(str(o)) <= SHORT_CHOICE_CHARS for o in options)
    control = ipw.RadioButtons(
        options=[(str(o), i) for i, o in enumerate(options)],
        index=index,
        description=description,
        orientation="horizontal" if horizontal else "vertical",
        tooltip=NO_TOOLTIP,
        style={"description_width": "initial"},
        layout=ipw.Layout(width="auto", max_width="100%"),
    )
    control.add_class(CHOICES_CLASS)
    return control


def choice_list(options: Sequence[str], description: str, *, index: int = 0) -> ipw.Dropdown:
    """A labelled drop-down list, for a choice among many options (the steps of a process, the days of a
    timeline); its arrow keys step to the previous and next option."""
    if not options:
        raise ValueError(f"choice_list {description!r}: no options")
    control = ipw.Dropdown(
        options=[(str(o), i) for i, o in enumerate(options)],
        index=index,
        description=description,
        tooltip=NO_TOOLTIP,
        style={"description_width": "initial"},
        layout=ipw.Layout(width="auto", max_width="100%"),
    )
    control.add_class(CHOICE_LIST_CLASS)
    return control
