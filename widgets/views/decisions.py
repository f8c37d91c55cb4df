"""Decision tasks, kernel-free: a patient case whose decision is chosen after the test result (one row of
buttons linked to feedback panels), and a pre-treatment plan with "Include" / "Leave out" per checklist item,
each linked to its own feedback."""

from __future__ import annotations

import ipywidgets as ipw

from widgets.models.decisions import DecisionCase, TreatmentPlan
from widgets.models.decisions import decision_case as load_case
from widgets.models.decisions import treatment_plan as load_plan
from widgets.models.quiz import Option, letter
from widgets.text import escape, markdown_to_html
from widgets.views.common import ROOT_CLASS, sources_html
from widgets.views.knowledge_check import feedback_panel
from widgets.views.panels import ChoicePanels
from widgets.views.presentation import deck_may_break
from widgets.views.registry import builder

PLAN_CHOICES = ("Include", "Leave out")
VERDICTS = {  # by whether the item belongs in the plan
    True: {"right": "✔ Right: it belongs in the plan.", "wrong": "✘ It belongs in the plan."},
    False: {"right": "✔ Right: leave it out.", "wrong": "✘ Leave it out."},
}


class DecisionCaseView(ipw.VBox):
    def __init__(self, case: DecisionCase):
        self.case = case
        panels = [feedback_panel(o) for o in case.options]
        self.choice = ChoicePanels(
            [f"{letter(i)}. {o.text}" for i, o in enumerate(case.options)],
            panels,
            description="Your decision:",
            initial=None,
        )
        story = ipw.HTML(
            f'<div class="course-prompt">{markdown_to_html(case.vignette)}'
            f"<p><strong>Test:</strong> {escape(case.test)}</p>{markdown_to_html(case.result)}"
            f"<p><strong>{escape(case.question)}</strong></p></div>"
        )
        super().__init__(children=[story, self.choice, ipw.HTML(sources_html(case.sources))])
        self.add_class(ROOT_CLASS)
        self.add_class("course-decision-case")

    def decide(self, option: int) -> str:
        if not 0 <= option < len(self.case.options):
            raise ValueError(
                f"decision case '{self.case.id}': option {option!r} is not one of 0-{len(self.case.options) - 1}"
            )
        self.choice.select(option)
        return self.choice.stack.children[option].value


class TreatmentPlanView(ipw.VBox):
    def __init__(self, plan: TreatmentPlan):
        self.plan = plan
        self.rows: list[ChoicePanels] = []
        blocks = [ipw.HTML(f'<div class="course-prompt">{markdown_to_html(plan.scenario)}</div>')]
        for item in plan.items:
            # choice 0 is "Include", 1 "Leave out": the right one is the item's `include`
            verdict = VERDICTS[item.include]
            panels = [
                feedback_panel(Option(label, (k == 0) == item.include, item.feedback), **verdict)
                for k, label in enumerate(PLAN_CHOICES)
            ]
            row = ChoicePanels(list(PLAN_CHOICES), panels, description="In the plan?", initial=None, heading=item.text)
            row.add_class("course-plan-item")
            if self.rows:  # each item, with its own buttons and feedback, may start a slide in a deck
                deck_may_break(row)
            self.rows.append(row)
            blocks += [row, ipw.HTML(sources_html(item.sources))]
        super().__init__(children=blocks)
        self.add_class(ROOT_CLASS)
        self.add_class("course-treatment-plan")

    def choose(self, item: int, include: bool) -> str:
        if not 0 <= item < len(self.rows):
            raise ValueError(f"treatment plan '{self.plan.id}': item {item!r} is not one of 0-{len(self.rows) - 1}")
        k = 0 if include else 1
        self.rows[item].select(k)
        return self.rows[item].stack.children[k].value


@builder(interactive=True, data_prose=True, records="decision_cases")
def decision_case(record_id: str) -> DecisionCaseView:
    """The decision case `record_id` from data/decision_cases.yaml."""
    return DecisionCaseView(load_case(record_id))


@builder(interactive=True, data_prose=True, records="treatment_plans")
def treatment_plan(record_id: str) -> TreatmentPlanView:
    """The pre-treatment plan `record_id` from data/treatment_plans.yaml."""
    return TreatmentPlanView(load_plan(record_id))
