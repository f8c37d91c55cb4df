"""A committed prediction before an interactive: the learner chooses, then sees feedback, and the chapter's
"What you should have seen" (a closed dropdown admonition with class `course-explanation`, right after the
interactive in the notebook) opens. Kernel-free: the buttons are linked in the browser to the feedback panels,
and on the static page course_tools/static/course-assessment.js opens the explanation once a feedback panel shows.
The explanation stays in the notebook's Markdown, with the chapter's citations (course_tools.conventions, "Citations").
"""

from __future__ import annotations

import ipywidgets as ipw

from widgets.models.predictions import Prediction
from widgets.models.predictions import prediction as load_prediction
from widgets.models.quiz import letter
from widgets.text import markdown_to_html
from widgets.views.common import ROOT_CLASS, sources_html
from widgets.views.knowledge_check import feedback_panel
from widgets.views.panels import ChoicePanels
from widgets.views.registry import builder

EXPLANATION_CLASS = "course-explanation"  # the admonition class the static page's script opens


class PredictionChoice(ipw.VBox):
    def __init__(self, record: Prediction):
        self.record = record
        panels = [
            feedback_panel(
                o,
                right="✔ Your prediction matches what the interactive shows.",
                wrong="✘ Not what the interactive shows.",
            )
            for o in record.options
        ]
        self.choice = ChoicePanels(
            [f"{letter(i)}. {o.text}" for i, o in enumerate(record.options)],
            panels,
            description="Your prediction:",
            initial=None,
        )
        prompt = ipw.HTML(
            f'<div class="course-prompt"><strong>Predict.</strong> {markdown_to_html(record.prompt)}</div>'
        )
        super().__init__(children=[prompt, self.choice, ipw.HTML(sources_html(record.sources))])
        self.add_class(ROOT_CLASS)
        self.add_class("course-prediction")

    def predict(self, option: int) -> str:
        """Choose from Python (tests, a live kernel); returns the feedback shown."""
        if not 0 <= option < len(self.record.options):
            raise ValueError(
                f"prediction '{self.record.id}': option {option!r} is not one of 0-{len(self.record.options) - 1}"
            )
        self.choice.select(option)
        return self.choice.stack.children[option].value


@builder(interactive=True, data_prose=True, records="predictions")
def prediction(record_id: str) -> PredictionChoice:
    """The committed prediction `record_id` from data/predictions.yaml."""
    return PredictionChoice(load_prediction(record_id))
