"""The course's own package: data loading (`widgets.data`), plain-Python models (`widgets.models`) and
ipywidgets views (`widgets.views`). Notebooks call the builder functions re-exported here.

Inside this package ipywidgets is imported as `ipw`, so `widgets` always means this package.
"""
from widgets.data import DataError, load_dataset
from widgets.views.car_t_grading import grading_explorer
from widgets.views.car_t_manufacturing import manufacturing_walkthrough
from widgets.views.car_t_side_effects import side_effect_timeline
from widgets.views.checkpoints import t_cell_activation
from widgets.views.cytokine_matrix import cytokine_matrix_explorer
from widgets.views.knowledge_check import knowledge_check
from widgets.views.lecturer_guide import lecturer_guide
from widgets.views.patient_cases import patient_case_explorer
from widgets.views.pharmacokinetics import concentration_explorer
from widgets.views.presentation import presentation_mode
from widgets.views.safety_checklist import safety_checklist_explorer
from widgets.views.therapies import therapy_explorer, therapy_table
from widgets.views.therapy_reach import therapy_reach_explorer

__all__ = ["DataError", "load_dataset", "knowledge_check", "lecturer_guide", "presentation_mode",
           "therapy_reach_explorer", "therapy_explorer", "therapy_table", "concentration_explorer",
           "t_cell_activation", "cytokine_matrix_explorer", "manufacturing_walkthrough", "side_effect_timeline",
           "grading_explorer", "patient_case_explorer", "safety_checklist_explorer"]

# The interactives (controls linked in the browser to pre-rendered panels); generic tests iterate over these.
INTERACTIVES = ("knowledge_check", "therapy_reach_explorer", "therapy_explorer", "concentration_explorer",
                "t_cell_activation", "cytokine_matrix_explorer", "manufacturing_walkthrough",
                "side_effect_timeline", "grading_explorer", "patient_case_explorer", "safety_checklist_explorer")
# Views that show prose from data/ files (content-security tests inject markup into that data). The
# concentration, T-cell and grading interactives are computed from their models and show no data-file prose.
DATA_VIEWS = tuple(n for n in INTERACTIVES
                   if n not in ("concentration_explorer", "t_cell_activation", "grading_explorer")) + ("therapy_table",)
