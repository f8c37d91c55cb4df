"""Drawing primitives for the mechanism diagrams: a canvas measured in inches, boxes whose text is wrapped by
its measured width, arrows, drug tags and legend swatches. Every figure module draws with these, so a box
looks the same in every chapter and text never runs out of its box."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties
from matplotlib.patches import Circle, FancyArrowPatch, FancyBboxPatch, Rectangle
from matplotlib.textpath import TextPath

from widgets.figures.style import FONT_PT, SMALL_PT, TITLE_PT, WIDTH_IN, new_figure
from widgets.palette import FILL_HATCH, INK, MUTED, OKABE_ITO, PAPER, text_on

PAD = 0.1  # inches of space between a box's edge and its text
LINE = 1.22  # line height, in font sizes


@dataclass(frozen=True)
class Box:
    x: float
    y: float
    w: float
    h: float

    @property
    def left(self) -> tuple[float, float]:
        return self.x, self.y + self.h / 2

    @property
    def right(self) -> tuple[float, float]:
        return self.x + self.w, self.y + self.h / 2

    @property
    def top(self) -> tuple[float, float]:
        return self.x + self.w / 2, self.y + self.h

    @property
    def bottom(self) -> tuple[float, float]:
        return self.x + self.w / 2, self.y

    @property
    def centre(self) -> tuple[float, float]:
        return self.x + self.w / 2, self.y + self.h / 2


def canvas(width_in: float, height_in: float) -> tuple[Figure, Axes]:
    """A figure whose one axes fills it, with data units of inches from the bottom-left corner."""
    fig = new_figure(width_in, height_in)
    ax = fig.add_axes((0, 0, 1, 1))
    ax.set_xlim(0, width_in)
    ax.set_ylim(0, height_in)
    ax.set_axis_off()
    return fig, ax


@lru_cache(maxsize=4096)
def text_width_in(text: str, size_pt: float, bold: bool = False) -> float:
    """The drawn width of one line of text, in inches (measured from the glyphs, not estimated)."""
    prop = FontProperties(family="DejaVu Sans", weight="bold" if bold else "normal")
    return TextPath((0, 0), text, size=size_pt, prop=prop).get_extents().width / 72


def wrap(text: str, width_in: float, size_pt: float = FONT_PT, bold: bool = False) -> list[str]:
    """Greedy word wrap by measured width; a single word wider than the line stays whole on its line."""
    lines: list[str] = []
    for paragraph in str(text).split("\n"):
        current = ""
        for word in paragraph.split():
            trial = f"{current} {word}".strip()
            if current and text_width_in(trial, size_pt, bold) > width_in:
                lines.append(current)
                current = word
            else:
                current = trial
        lines.append(current)
    return lines


def text_height_in(lines: int, size_pt: float) -> float:
    return lines * size_pt * LINE / 72


def block(
    ax: Axes,
    x: float,
    top: float,
    text: str,
    width_in: float,
    *,
    size: float = FONT_PT,
    bold: bool = False,
    colour: str = INK,
    align: str = "left",
) -> float:
    """Wrapped text hanging from `top`; returns the y just under its last line."""
    lines = wrap(text, width_in, size, bold)
    anchor = {"left": x, "center": x + width_in / 2, "right": x + width_in}[align]
    ax.text(
        anchor,
        top,
        "\n".join(lines),
        ha=align,
        va="top",
        fontsize=size,
        color=colour,
        fontweight="bold" if bold else "normal",
        linespacing=LINE,
    )
    return top - text_height_in(len(lines), size)


def box(
    ax: Axes,
    x: float,
    y: float,
    w: float,
    h: float,
    label: str,
    note: str | None = None,
    *,
    fill: str = PAPER,
    edge: str = INK,
    size: float = FONT_PT,
    note_size: float = SMALL_PT,
    dashed: bool = False,
    rounded: bool = True,
    linewidth: float = 1.2,
) -> Box:
    """A box with a bold label and an optional note, both wrapped to its width and centred in it."""
    ink = text_on(fill)
    ax.add_patch(
        FancyBboxPatch(
            (x, y),
            w,
            h,
            boxstyle=f"round,pad=0,rounding_size={0.08 if rounded else 0}",
            facecolor=fill,
            edgecolor=edge,
            linewidth=linewidth,
            linestyle="--" if dashed else "-",
        )
    )
    inner = w - 2 * PAD
    label_lines = wrap(label, inner, size, bold=True)
    note_lines = wrap(note, inner, note_size) if note else []
    total = text_height_in(len(label_lines), size) + (
        text_height_in(len(note_lines), note_size) + 0.03 if note_lines else 0
    )
    top = y + h / 2 + total / 2
    ax.text(
        x + w / 2,
        top,
        "\n".join(label_lines),
        ha="center",
        va="top",
        fontsize=size,
        fontweight="bold",
        color=ink,
        linespacing=LINE,
    )
    if note_lines:
        ax.text(
            x + w / 2,
            top - text_height_in(len(label_lines), size) - 0.03,
            "\n".join(note_lines),
            ha="center",
            va="top",
            fontsize=note_size,
            color=ink,
            linespacing=LINE,
        )
    return Box(x, y, w, h)


def needed_height(
    w: float, label: str, note: str | None = None, *, size: float = FONT_PT, note_size: float = SMALL_PT
) -> float:
    """The height a `box` of width `w` needs for its label and note, with padding."""
    inner = w - 2 * PAD
    h = text_height_in(len(wrap(label, inner, size, bold=True)), size)
    if note:
        h += text_height_in(len(wrap(note, inner, note_size)), note_size) + 0.03
    return h + 2 * PAD


def arrow(
    ax: Axes,
    start: tuple[float, float],
    end: tuple[float, float],
    *,
    colour: str = INK,
    dashed: bool = False,
    both: bool = False,
    width: float = 1.4,
    rad: float = 0.0,
) -> None:
    ax.add_patch(
        FancyArrowPatch(
            start,
            end,
            arrowstyle="<|-|>" if both else "-|>",
            mutation_scale=13,
            color=colour,
            linewidth=width,
            linestyle="--" if dashed else "-",
            connectionstyle=f"arc3,rad={rad}",
            shrinkA=2,
            shrinkB=2,
        )
    )


def label(
    ax: Axes,
    x: float,
    y: float,
    text: str,
    *,
    size: float = SMALL_PT,
    colour: str = INK,
    ha: str = "center",
    va: str = "center",
    bold: bool = False,
    italic: bool = False,
) -> None:
    ax.text(
        x,
        y,
        text,
        ha=ha,
        va=va,
        fontsize=size,
        color=colour,
        fontweight="bold" if bold else "normal",
        fontstyle="italic" if italic else "normal",
    )


def title(ax: Axes, x: float, y: float, text: str, *, size: float = TITLE_PT) -> None:
    ax.text(x, y, text, ha="left", va="top", fontsize=size, fontweight="bold", color=INK)


def swatch(
    ax: Axes,
    x: float,
    y: float,
    colour_name: str,
    text: str,
    *,
    size: float = SMALL_PT,
    w: float = 0.34,
    h: float = 0.2,
) -> float:
    """A legend entry: a hatched swatch of a palette colour and its meaning; returns the x after it."""
    ax.add_patch(
        Rectangle(
            (x, y), w, h, facecolor=OKABE_ITO[colour_name], edgecolor=INK, hatch=FILL_HATCH[colour_name], linewidth=0.8
        )
    )
    ax.text(x + w + 0.07, y + h / 2, text, ha="left", va="center", fontsize=size, color=INK)
    return x + w + 0.07 + text_width_in(text, size) + 0.25


def tag(
    ax: Axes,
    x: float,
    y: float,
    text: str,
    colour_name: str,
    *,
    w: float | None = None,
    size: float = SMALL_PT,
    note: str | None = None,
) -> Box:
    """A drug tag: a rounded box in a palette colour, its name in the text colour that reads best on it, and
    a hatched strip on its left edge so the colour's meaning survives greyscale printing."""
    fill = OKABE_ITO[colour_name]
    w = w or text_width_in(text, size, bold=True) + 2 * PAD + 0.16
    h = needed_height(w - 0.16, text, note, size=size, note_size=size - 1)
    ax.add_patch(
        FancyBboxPatch(
            (x, y), w, h, boxstyle="round,pad=0,rounding_size=0.06", facecolor=fill, edgecolor=INK, linewidth=1.0
        )
    )
    ax.add_patch(
        Rectangle((x, y), 0.16, h, facecolor=PAPER, edgecolor=INK, hatch=FILL_HATCH[colour_name], linewidth=0.6)
    )
    ink = text_on(fill)
    lines = wrap(text, w - 0.16 - 2 * PAD, size, bold=True)
    top = y + h - PAD
    ax.text(
        x + 0.16 + (w - 0.16) / 2,
        top,
        "\n".join(lines),
        ha="center",
        va="top",
        fontsize=size,
        fontweight="bold",
        color=ink,
        linespacing=LINE,
    )
    if note:
        ax.text(
            x + 0.16 + (w - 0.16) / 2,
            top - text_height_in(len(lines), size) - 0.03,
            "\n".join(wrap(note, w - 0.16 - 2 * PAD, size - 1)),
            ha="center",
            va="top",
            fontsize=size - 1,
            color=ink,
            linespacing=LINE,
        )
    return Box(x, y, w, h)


def blocked(ax: Axes, x: float, y: float, *, r: float = 0.13) -> None:
    """A 'blocked here' mark: a circle with a bar, drawn in ink so it does not depend on colour."""
    ax.add_patch(Circle((x, y), r, facecolor=PAPER, edgecolor=INK, linewidth=1.8))
    ax.plot([x - r * 0.7, x + r * 0.7], [y + r * 0.7, y - r * 0.7], color=INK, linewidth=1.8)


def note(ax: Axes, x: float, y: float, text: str, width_in: float) -> float:
    """A small muted note (for example what the figure leaves out); returns the y under it."""
    return block(ax, x, y, text, width_in, size=SMALL_PT, colour=MUTED)


def row(
    ax: Axes,
    top: float,
    parts: list,
    *,
    left: float = 0.25,
    right: float = WIDTH_IN - 0.25,
    gap: float = 0.2,
    fill: str = PAPER,
    min_h: float = 0.0,
    dashed: bool = False,
) -> list[Box]:
    """Boxes side by side hanging from `top`, one per part (anything with `label` and `note`), sharing the
    width and given the height the fullest of them needs."""
    w = (right - left - gap * (len(parts) - 1)) / len(parts)
    h = max([min_h] + [needed_height(w, p.label, p.note) for p in parts])
    return [
        box(ax, left + k * (w + gap), top - h, w, h, p.label, p.note, fill=fill, dashed=dashed)
        for k, p in enumerate(parts)
    ]


def link(ax: Axes, a: Box, b: Box, **kw) -> None:
    """An arrow from the bottom of `a` to the top of `b`."""
    arrow(ax, a.bottom, b.top, **kw)
