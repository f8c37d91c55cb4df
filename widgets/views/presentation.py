"""Presentation size: larger text and controls for every course widget, readable from the back of a room.

One CSS block, scoped to `.course-widget` (every widget root carries that class), serves both paths:
the slide decks include it automatically (course_tools/build_slides.py), and a live notebook switches it on with
`widgets.presentation_mode()`. Chapter code never changes: the size comes from CSS, not from the widgets.
"""

from __future__ import annotations

from IPython.display import HTML, display

from widgets.views.common import DIAGRAM_TEXT_VAR, ROOT_CLASS
from widgets.views.registry import builder

# Sizes in px, not em: reveal.js and JupyterLab set different root font sizes, and the deck and the notebook
# should look the same. 44 px is the WCAG 2.2 enhanced target size for controls.
PRESENTATION_FONT_PX = 22
PRESENTATION_CONTROL_PX = 44
# Text inside a widget's diagram on a 1280 x 720 projector (issue 16): smaller than this (screen px), the back of
# the room cannot read it.
PRESENTATION_DIAGRAM_TEXT_PX = 14
# The size diagrams are drawn for (readable_diagram): the deck's 1280 x 720 box is scaled by 0.96 into a
# 1280 x 720 window (reveal.js keeps a 4% margin), so 15 px there is 14.4 px on the projector.
PRESENTATION_DIAGRAM_DRAWN_PX = 15
# A widget part with this class starts a new vertical slide in a deck (course_tools/slides_templates/course_reveal/
# deck_fit.js): e.g. each knowledge-check question after the first, one question per slide.
DECK_BREAK_CLASS = "course-deck-break"

_W = f".{ROOT_CLASS}"
PRESENTATION_CSS = f"""
{_W} {{
  --jp-widgets-font-size: {PRESENTATION_FONT_PX}px;
  --jp-widgets-inline-height: {PRESENTATION_CONTROL_PX}px;
  --jp-widgets-inline-label-width: 200px;
  --jp-widgets-inline-width: 520px;
  --jp-widgets-inline-width-short: 260px;
  --jp-widgets-slider-handle-size: 26px;
  --jp-widgets-slider-track-thickness: 8px;
  font-size: {PRESENTATION_FONT_PX}px;
  line-height: 1.4;
  {DIAGRAM_TEXT_VAR}: {PRESENTATION_DIAGRAM_DRAWN_PX}px;
}}
{_W} .widget-html-content, {_W} .widget-label, {_W} .widget-readout, {_W} .widget-inline-hbox label {{
  font-size: {PRESENTATION_FONT_PX}px;
  line-height: 1.4;
}}
{_W} .widget-toggle-button, {_W} .jupyter-button {{
  font-size: {PRESENTATION_FONT_PX}px;
  height: auto;
  min-height: {PRESENTATION_CONTROL_PX}px;
  padding: 6px 18px;
}}
{_W} .widget-toggle-buttons, {_W} .widget-toggle-buttons > div {{ min-width: 0; max-width: 100%; }}
{_W} h4 {{ font-size: {round(PRESENTATION_FONT_PX * 1.25)}px; }}
{_W} svg {{ max-width: 100%; height: auto; }}
""".strip()


def presentation_style() -> str:
    """The `<style>` element that puts every course widget on the page into presentation size."""
    return f'<style class="course-presentation-size">\n{PRESENTATION_CSS}\n</style>'


@builder(interactive=False, data_prose=False)
def presentation_mode() -> None:
    """Switch every course widget in this notebook to presentation size (decks use it automatically).

    The style applies to widgets shown before and after this call; clear this cell's output (or reload the
    page) to return to the normal size."""
    display(HTML(presentation_style()))
