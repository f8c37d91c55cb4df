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
# A radio option's row (circle and words, all of it the click target): above WCAG 2.2's 24 px minimum target, and
# less than 44 so that a scale's findings (the ICANS grading) still fit a slide.
PRESENTATION_CHOICE_PX = 32
# Text inside a widget's diagram on a 1280 x 720 projector (issue 16): smaller than this (screen px), the back of
# the room cannot read it.
PRESENTATION_DIAGRAM_TEXT_PX = 14
# The size diagrams are drawn for (readable_diagram): the deck's 1280 x 720 box is scaled by 0.96 into a
# 1280 x 720 window (reveal.js keeps a 4% margin), so 15 px there is 14.4 px on the projector.
PRESENTATION_DIAGRAM_DRAWN_PX = 15
# A widget part with this class starts a new vertical slide in a deck (course_tools/slides_templates/course_reveal/
# deck_fit.js): e.g. each knowledge-check question after the first, one question per slide.
DECK_BREAK_CLASS = "course-deck-break"
# A widget part before which deck_fit.js MAY start a new vertical slide, only when the slide is too tall. Put it
# where a split keeps each control on the slide of the panel it drives (before the controls, before a static
# part); a marked part without controls (a table, a list) may also split by rows, its header repeated.
DECK_MAY_BREAK_CLASS = "course-deck-may-break"
# A widget (a box of controls followed by their panel) that deck_fit.js may lay out in two columns, controls
# beside the panel, when that makes its slide shorter; it then adds DECK_COLUMNS_CLASS. Decks only: the book
# page never gets the second class.
DECK_SIDE_BY_SIDE_CLASS = "course-deck-side-by-side"
DECK_COLUMNS_CLASS = "course-deck-columns"
# The panel a widget's controls drive (a PanelTree's root Stack): the right column side by side, and, as a last
# resort on a slide still too tall at the smallest zoom, a scroll panel (DECK_SCROLL_CLASS) under a visible cue
# (DECK_SCROLL_CUE_CLASS) saying that it scrolls. The layout probe accepts content inside a cued scroll panel
# only, and counts them.
DECK_PANEL_CLASS = "course-deck-panel"
DECK_SCROLL_CLASS = "course-deck-scroll"
DECK_SCROLL_CUE_CLASS = "course-deck-scroll-cue"
# A box whose children a deck lays out in two columns, each child kept whole (the grading explorer's findings:
# five ICANS findings one under the other are taller than a slide). Decks and presentation mode only.
DECK_TWO_UP_CLASS = "course-deck-two-up"


def deck_two_up(widget):
    """Mark a box whose children a deck may set in two columns (DECK_TWO_UP_CLASS); returns it."""
    widget.add_class(DECK_TWO_UP_CLASS)
    return widget


def deck_may_break(widget):
    """Mark a widget part as a place where a deck may start a new slide (DECK_MAY_BREAK_CLASS); returns it."""
    widget.add_class(DECK_MAY_BREAK_CLASS)
    return widget


_W = f".{ROOT_CLASS}"
# The deck rules at the end: two columns only where deck_fit.js adds DECK_COLUMNS_CLASS. A scroll panel is made a
# block: a Stack is a flex row (an ipywidgets Box), and with a max height it would squeeze its panel, which then
# clips its own content; as a block the panel keeps its height and the Stack scrolls.
PRESENTATION_CSS = f"""
{_W} {{
  --jp-widgets-font-size: {PRESENTATION_FONT_PX}px;
  --jp-widgets-inline-height: {PRESENTATION_CONTROL_PX}px;
  --jp-widgets-inline-label-width: 200px;
  --jp-widgets-inline-width: 520px;
  --jp-widgets-inline-width-short: 260px;
  --jp-widgets-radio-item-height: {PRESENTATION_CHOICE_PX}px;
  font-size: {PRESENTATION_FONT_PX}px;
  line-height: 1.4;
  {DIAGRAM_TEXT_VAR}: {PRESENTATION_DIAGRAM_DRAWN_PX}px;
}}
{_W} .widget-html-content, {_W} .widget-label, {_W} .widget-readout, {_W} .widget-inline-hbox label {{
  font-size: {PRESENTATION_FONT_PX}px;
  line-height: 1.4;
}}
{_W} .jupyter-button {{
  font-size: {PRESENTATION_FONT_PX}px;
  height: auto;
  min-height: {PRESENTATION_CONTROL_PX}px;
  padding: 6px 18px;
}}
{_W} .widget-radio-box label {{ font-size: {PRESENTATION_FONT_PX}px; min-height: {PRESENTATION_CHOICE_PX}px; }}
{_W} .widget-radio-box input {{ width: 22px; height: 22px; }}
{_W} .widget-dropdown select {{ font-size: {PRESENTATION_FONT_PX}px; height: {PRESENTATION_CONTROL_PX}px; }}
{_W} h4 {{ font-size: {round(PRESENTATION_FONT_PX * 1.25)}px; }}
{_W} svg {{ max-width: 100%; height: auto; }}
{_W} .widget-html {{ margin-left: 0; margin-right: 0; }}
{_W}.{DECK_COLUMNS_CLASS} {{
  display: grid; grid-template-columns: minmax(0, 2fr) minmax(0, 3fr); column-gap: 24px; align-content: start;
}}
{_W}.{DECK_COLUMNS_CLASS} > * {{ grid-column: 1; min-width: 0; max-width: 100%; }}
{_W}.{DECK_COLUMNS_CLASS} > .{DECK_PANEL_CLASS} {{ grid-column: 2; grid-row: 1 / span 12; }}
{_W}.{DECK_COLUMNS_CLASS} .widget-radio-box-horizontal {{ flex-wrap: wrap; }}
{_W} .lm-Widget.{DECK_TWO_UP_CLASS} {{ display: block; column-count: 2; column-gap: 32px; }}
{_W} .{DECK_TWO_UP_CLASS} > * {{ break-inside: avoid; }}
{_W} .lm-Widget.{DECK_SCROLL_CLASS} {{
  display: block; overflow-y: auto; border: 2px solid #555; border-radius: 4px;
}}
{_W} .{DECK_SCROLL_CLASS}:focus {{ outline: 3px solid #0072B2; outline-offset: 1px; }}
{_W} .{DECK_SCROLL_CUE_CLASS} {{ margin: 4px 0; font-style: italic; color: #333; }}
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
