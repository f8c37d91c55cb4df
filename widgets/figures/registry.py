"""The one step that makes a drawing a course figure: decorate its function with `@course_figure(name)`.

A figure function takes no arguments, reads its numbers and facts from data/ (through widgets.models), and
returns a matplotlib Figure; it is called inside the course style. `figure(name)` is what a notebook calls: it
returns an object that Jupyter, myst-nb and nbconvert display as the figure's SVG.
"""
from __future__ import annotations

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
    with course_style(name):
        return svg_text(_function(name)(), title=name, salt=name)


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
