"""Course figures drawn with matplotlib from the data in data/: one function per figure, registered by name
(`widgets.figures.registry`), shown in a notebook with `widgets.figure(name)`.

Drawing primitives are in `draw`, the style and the deterministic SVG writer in `style`, the palette in
`widgets.palette` (shared with the widgets). Importing this package imports every figure module, so every
figure is registered.
"""

import importlib
import pkgutil

from widgets.figures.registry import FIGURES, CourseFigure, build_figure, figure, figure_svg

_INFRASTRUCTURE = {"registry", "style", "draw"}
for _module in pkgutil.iter_modules(__path__):
    if _module.name not in _INFRASTRUCTURE:
        importlib.import_module(f"widgets.figures.{_module.name}")

__all__ = ["FIGURES", "CourseFigure", "build_figure", "figure", "figure_svg"]
