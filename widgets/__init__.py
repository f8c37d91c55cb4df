"""The course's own package: data loading (`widgets.data`), plain-Python models (`widgets.models`) and
ipywidgets views (`widgets.views`). Notebooks call the builder functions re-exported here.

Inside this package ipywidgets is imported as `ipw`, so `widgets` always means this package.
"""
from widgets.data import DataError, load_dataset
from widgets.views.car_t_grading import grading_explorer
from widgets.views.car_t_manufacturing import manufacturing_walkthrough
from widgets.views.car_t_side_effects import side_effect_timeline
from widgets.views.knowledge_check import knowledge_check
from widgets.views.therapy_reach import therapy_reach_explorer

__all__ = ["DataError", "load_dataset", "knowledge_check", "therapy_reach_explorer", "manufacturing_walkthrough",
           "side_effect_timeline", "grading_explorer"]
