"""An ordering task: one position control per step, each linked in the browser to that step's feedback, so it
works with no kernel. The steps are shown in the data's `shown_order`, never in the right order."""

from __future__ import annotations

import ipywidgets as ipw

from widgets.models.ordering import OrderingTask
from widgets.models.ordering import ordering_task as load_task
from widgets.text import markdown_inline, markdown_to_html
from widgets.views.common import NO_TOOLTIP, ROOT_CLASS, html_panel, shared_panel_look, sources_html
from widgets.views.panels import NestedPanels
from widgets.views.registry import builder

PLACEHOLDER = "Position…"


def _feedback(task: OrderingTask, step_id: str, position: int, look: dict) -> ipw.HTML:
    step = next(s for s in task.steps if s.id == step_id)
    verdict = task.verdict(step_id, position)
    if verdict == "right":
        body = (
            f'<div class="course-feedback-correct" role="status"><strong>✔ Yes, step {position}.</strong> '
            f"{markdown_inline(step.why)}</div>"
        )
    else:
        body = (
            f'<div class="course-feedback-wrong" role="status"><strong>✘ Not step {position}.</strong> '
            f"This step comes {verdict}.</div>"
        )
    return html_panel(body, **look)


class OrderingTaskView(ipw.VBox):
    def __init__(self, task: OrderingTask):
        self.task = task
        n = len(task.steps)
        look = shared_panel_look()
        empty = html_panel("", **look)
        self.rows: dict[str, NestedPanels] = {}
        self.controls: dict[str, ipw.Dropdown] = {}
        rows = []
        for step in task.shown:
            control = ipw.Dropdown(
                options=[(PLACEHOLDER, 0), *[(str(k), k) for k in range(1, n + 1)]],
                description=step.text,
                tooltip=NO_TOOLTIP,
                style={"description_width": "18em"},
                layout=ipw.Layout(width="auto"),
            )
            row = NestedPanels(
                [control],
                [n + 1],
                lambda ix, sid=step.id: empty if ix[0] == 0 else _feedback(task, sid, ix[0], look),
                initial=[0],
            )
            row.add_class("course-order-step")
            self.rows[step.id], self.controls[step.id] = row, control
            rows.append(row)
        prompt = ipw.HTML(f'<div class="course-prompt">{markdown_to_html(task.prompt)}</div>')
        super().__init__(children=[prompt, *rows, ipw.HTML(sources_html(task.sources))])
        self.add_class(ROOT_CLASS)
        self.add_class("course-ordering-task")

    def place(self, step_id: str, position: int) -> str:
        """Give a step a position from Python (tests, a live kernel); returns the feedback shown."""
        self.task.verdict(step_id, position)  # clear errors for an unknown step or position
        self.rows[step_id].select(position)
        return self.rows[step_id].visible_leaf().value


@builder(interactive=True, data_prose=True, records="ordering_tasks")
def ordering_task(task_id: str) -> OrderingTaskView:
    """The ordering task `task_id` from data/ordering_tasks.yaml."""
    return OrderingTaskView(load_task(task_id))
