"""The course's one palette, for widgets and figures alike.

Okabe-Ito colours stay distinguishable with the common colour-vision deficiencies (tests/test_figures.py checks
every pair under simulated protanopia, deuteranopia and tritanopia). Colour is never the only carrier of meaning:
every coloured mark also has a text label, and each fill colour has its own hatch pattern for marks without
text (bars, bands, legend swatches).
"""

from __future__ import annotations

OKABE_ITO = {
    "black": "#000000",
    "orange": "#E69F00",
    "sky_blue": "#56B4E9",
    "bluish_green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "reddish_purple": "#CC79A7",
}
INK = "#000000"  # text and outlines
PAPER = "#FFFFFF"  # figure background: opaque, so figures read the same in the theme's light and dark modes
MUTED = "#595959"  # secondary lines and notes: 7:1 on PAPER

# The colours a figure may fill a mark with, each with its own hatch (matplotlib hatch codes). Line hatches
# only: dot and circle hatches are drawn as hundreds of curves and make an SVG ten times larger.
FILL_HATCH = {
    "blue": "//",
    "orange": "\\\\",
    "bluish_green": "||",
    "vermillion": "xx",
    "reddish_purple": "++",
    "sky_blue": "--",
    "yellow": "/-",
}


def _linear(channel: float) -> float:
    return channel / 12.92 if channel <= 0.04045 else ((channel + 0.055) / 1.055) ** 2.4


def rgb(colour: str) -> tuple[float, float, float]:
    """'#RRGGBB' as three channels in 0-1."""
    c = colour.lstrip("#")
    if len(c) != 6:
        raise ValueError(f"expected a colour as #RRGGBB, got {colour!r}")
    return tuple(int(c[i : i + 2], 16) / 255 for i in (0, 2, 4))


def luminance(colour: str) -> float:
    """WCAG 2 relative luminance."""
    r, g, b = (_linear(x) for x in rgb(colour))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_ratio(a: str, b: str) -> float:
    """WCAG 2 contrast ratio, 1 to 21."""
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def text_on(fill: str) -> str:
    """Black or white, whichever reads better on `fill`."""
    return INK if contrast_ratio(INK, fill) >= contrast_ratio(PAPER, fill) else PAPER
