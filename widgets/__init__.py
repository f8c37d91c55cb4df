"""The course's own package: data loading (`widgets.data`), plain-Python models (`widgets.models`) and
ipywidgets views (`widgets.views`). Notebooks call the builder functions re-exported here.

Inside this package ipywidgets is imported as `ipw`, so `widgets` always means this package.
"""
from widgets.data import DataError, load_dataset
from widgets.views.knowledge_check import knowledge_check
from widgets.views.cytokine_matrix import cytokine_matrix_explorer
from widgets.views.patient_cases import patient_case_explorer
from widgets.views.safety_checklist import safety_checklist_explorer
from widgets.views.therapy_reach import therapy_reach_explorer

__all__ = ["DataError", "load_dataset", "knowledge_check", "therapy_reach_explorer",
           "cytokine_matrix_explorer", "patient_case_explorer", "safety_checklist_explorer"]
