"""The course's own package: data loading (`widgets.data`), plain-Python models (`widgets.models`) and
ipywidgets views (`widgets.views`). Notebooks call the builder functions exported here.

Inside this package ipywidgets is imported as `ipw`, so `widgets` always means this package.
A view module registers its builder with `@builder(...)` (widgets.views.registry); importing every view module
below exports it here and lists it in INTERACTIVES / DATA_VIEWS, the lists the generic tests iterate over.
"""

import importlib
import pkgutil

import widgets.views
from widgets.data import DataError, load_dataset
from widgets.views.registry import BUILDERS

for _module in pkgutil.iter_modules(widgets.views.__path__):
    importlib.import_module(f"widgets.views.{_module.name}")

globals().update({name: b.fn for name, b in BUILDERS.items()})

__all__ = ["DataError", "load_dataset", "figure", *BUILDERS]


def figure(name: str):
    """Show one course figure (widgets.figures), drawn from data/: `widgets.figure("car-domains")`.
    matplotlib is imported here, on first use, so pages without figures do not pay for it."""
    from widgets.figures import figure as course_figure

    return course_figure(name)


# The interactives (controls linked in the browser to pre-rendered panels), and the views that show prose from
# data/ files (content-security tests inject markup into that data).
INTERACTIVES = tuple(name for name, b in BUILDERS.items() if b.interactive)
DATA_VIEWS = tuple(name for name, b in BUILDERS.items() if b.data_prose)
