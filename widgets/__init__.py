"""The course's own package: data loading (`widgets.data`), plain-Python models (`widgets.models`) and
ipywidgets views (`widgets.views`). Notebooks call the builder functions re-exported here.

Inside this package ipywidgets is imported as `ipw`, so `widgets` always means this package.
"""
from widgets.data import DataError, load_dataset
from widgets.views.knowledge_check import knowledge_check
from widgets.views.presentation import presentation_mode
from widgets.views.therapy_reach import therapy_reach_explorer

__all__ = ["DataError", "load_dataset", "knowledge_check", "presentation_mode", "therapy_reach_explorer"]
