"""The course's own package: data loading (`widgets.data`), plain-Python models (`widgets.models`) and
ipywidgets views (`widgets.views`). Notebooks call the builder functions re-exported here.

Inside this package ipywidgets is imported as `ipw`, so `widgets` always means this package.
"""
from widgets.data import DataError, load_dataset
from widgets.views.knowledge_check import knowledge_check
from widgets.views.lecturer_guide import lecturer_guide
from widgets.views.presentation import presentation_mode
from widgets.views.therapy_reach import therapy_reach_explorer

__all__ = ["DataError", "load_dataset", "knowledge_check", "lecturer_guide", "presentation_mode", "therapy_reach_explorer"]
