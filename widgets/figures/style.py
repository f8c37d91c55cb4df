"""How every course figure is drawn and written: one matplotlib style, fixed sizes and fonts, and SVG output that
is byte-identical from run to run (nbval and the twice-in-one-kernel test compare outputs).

Why these settings:
- the style starts from matplotlib's defaults, not the reader's rcParams, so a notebook's own settings never
  change a course figure;
- DejaVu Sans ships with matplotlib, so text is measured the same everywhere; text stays text in the SVG
  (`svg.fonttype: none`), which keeps files small and labels searchable;
- `svg.hashsalt` (one per figure) fixes the ids of clip paths and hatch patterns, and the metadata carries no
  date, so the same data gives the same bytes;
- mathtext is off: a `$` in a data label is a dollar sign, never markup;
- an opaque white background with a border, so a figure reads the same in the theme's light and dark modes.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from contextlib import contextmanager

import matplotlib as mpl
from matplotlib.figure import Figure

from widgets.palette import INK, PAPER

CREATOR = "widgets.figures (course package)"  # tests find the package's figures on built pages by this
FONT_PT = 11.0  # body text of a figure; small notes use SMALL_PT
SMALL_PT = 9.5
TITLE_PT = 12.5
WIDTH_IN = 8.0  # the book's text column at 96 px per inch, so 11 pt reads as 11 pt

STYLE = {
    "font.family": "sans-serif",
    "font.sans-serif": ["DejaVu Sans"],
    "font.size": FONT_PT,
    "text.color": INK,
    "text.parse_math": False,
    "axes.edgecolor": INK,
    "axes.labelcolor": INK,
    "axes.linewidth": 0.8,
    "xtick.color": INK,
    "ytick.color": INK,
    "hatch.linewidth": 0.9,
    "figure.facecolor": PAPER,
    "figure.edgecolor": INK,
    "savefig.facecolor": PAPER,
    "savefig.edgecolor": INK,
    "svg.fonttype": "none",
    "svg.image_inline": True,
}


@contextmanager
def course_style(salt: str) -> Iterator[None]:
    """The course style, applied over matplotlib's defaults, for drawing and saving one figure."""
    with mpl.rc_context():
        mpl.rcdefaults()
        mpl.rcParams.update(STYLE)
        mpl.rcParams["svg.hashsalt"] = f"course-figure-{salt}"
        yield


def new_figure(width_in: float, height_in: float) -> Figure:
    """A figure of a fixed size with a 1 pt border (not pyplot: nothing global, nothing shown by itself)."""
    fig = Figure(figsize=(width_in, height_in), linewidth=1.0)
    return fig


def svg_text(fig: Figure, *, title: str, salt: str) -> str:
    """The figure as SVG text, identical for identical input."""
    buffer = io.StringIO()
    with course_style(salt):
        fig.savefig(buffer, format="svg", metadata={"Date": None, "Creator": CREATOR, "Title": title})
    return buffer.getvalue()
