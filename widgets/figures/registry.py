"""The one step that makes a drawing a course figure: decorate its function with `@course_figure(name)`.

A figure function takes no arguments, reads its numbers and facts from data/ (through widgets.models), and
returns a matplotlib Figure; it is called inside the course style. `figure(name)` is what a notebook calls: it
returns an object that Jupyter, myst-nb and nbconvert display as the figure's SVG.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from matplotlib.figure import Figure

from widgets.figures.style import course_style, svg_text

FIGURES: dict[str, Callable[[], Figure]] = {}


def course_figure(name: str):
    """Register a figure function under the name a notebook uses: widgets.figure(name)."""

    def register(fn: Callable[[], Figure]) -> Callable[[], Figure]:
        if name in FIGURES:
            raise ValueError(f"figure {name!r} is registered twice")
        FIGURES[name] = fn
        return fn

    return register


def _function(name: str) -> Callable[[], Figure]:
    if name not in FIGURES:
        raise ValueError(f"unknown figure {name!r}; known: {sorted(FIGURES)}")
    return FIGURES[name]


def build_figure(name: str) -> Figure:
    """The figure itself (a matplotlib Figure), drawn in the course style."""
    with course_style(name):
        return _function(name)()


def figure_svg(name: str) -> str:
    """The figure as SVG text: the same bytes every time for the same data."""
    return render_svg(_function(name), name)


def render_svg(draw: Callable[[], Figure], salt: str) -> str:
    """Draw in the course style and write deterministic SVG; for figures a view draws with arguments (the
    panels of an interactive), `salt` names the figure and its step."""
    with course_style(salt):
        return svg_text(draw(), title=salt, salt=salt)


def inline_svg(svg: str, label: str) -> str:
    """SVG for inline use in a widget panel: no XML prologue, scaled to the panel's width, and named for
    assistive technology (role="img" and aria-label)."""
    start = svg.index("<svg")
    body = svg[start:]
    head_end = body.index(">")
    head = body[:head_end]
    head = re.sub(r'\s(width|height)="[^"]*"', "", head)
    label = label.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;")
    return f'{head} role="img" aria-label="{label}" style="width:100%;max-width:48rem;height:auto"' + body[head_end:]


class CourseFigure:
    """What a notebook cell returns: shown as SVG in JupyterLab, in the book (myst-nb writes it to a file and
    wraps it in the cell's `mystnb` figure metadata: caption, name, alt text) and in the slide decks."""

    def __init__(self, name: str):
        self.name = name
        self.svg = figure_svg(name)

    def _repr_mimebundle_(self, include=None, exclude=None) -> dict[str, str]:
        return {"image/svg+xml": self.svg, "text/plain": f"[course figure: {self.name}]"}

    def __repr__(self) -> str:
        return f"CourseFigure({self.name!r})"


def figure(name: str) -> CourseFigure:
    """Display one course figure: `widgets.figure("car-domains")`."""
    return CourseFigure(name)
