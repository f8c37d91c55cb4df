"""Kernel-free interactive: B-cell depletion and return after rituximab and after CD19 CAR T cells, stepped
week by week. The time-course figure is drawn once; one radio option per week is linked in the browser to a
pre-rendered panel saying what each therapy's source reports for that week."""

from __future__ import annotations

from widgets.models.b_cell_return import BCellReturn, Course, load_b_cell_return
from widgets.text import escape, markdown_inline
from widgets.views.common import ROOT_CLASS, html_panel, readable_diagram, shared_panel_look, sources_html
from widgets.views.panels import ChoicePanels
from widgets.views.presentation import deck_may_break
from widgets.views.registry import builder

NOT_REPORTED = "Not reported by the cited source for this week."


def _course_text(model: BCellReturn, course: Course, week: int) -> str:
    phase = course.at(week)
    if phase is None:
        return f"<li><strong>{escape(course.label)}</strong>: {escape(NOT_REPORTED)}</li>"
    return (
        f"<li><strong>{escape(course.label)}</strong>: <em>{escape(model.states[phase.state])}</em>. "
        f"{markdown_inline(phase.text)}</li>"
    )


def _sentence_case(text: str) -> str:
    """Mid-sentence form of a state's label: only its first letter lowered ("Blood B cells" -> "blood B cells")."""
    return text[:1].lower() + text[1:]


def time_course_html(model: BCellReturn) -> str:
    """The whole time course, drawn once above the buttons (one SVG per week made the page too heavy: each
    panel's SVG compressed poorly among the page's other widget state)."""
    from widgets.figures.b_cells import draw_time_courses
    from widgets.figures.registry import inline_svg, render_svg

    phases = "; ".join(
        f"{c.label}: " + ", ".join(f"{_sentence_case(model.states[p.state])} from week {p.start}" for p in c.phases)
        for c in model.courses
    )
    # On a phone the diagram keeps a readable width and scrolls sideways (readable_diagram), as every diagram does.
    return readable_diagram(
        inline_svg(
            render_svg(lambda: draw_time_courses(model), "b-cell-return-steps"),
            f"Time course of blood B cells by week. {phases}.",
        )
    )


def week_panel_html(model: BCellReturn, week: int) -> str:
    """The panel for one week: where it falls among the steps, and what each therapy's source reports."""
    step = model.weeks.index(week) + 1
    items = "".join(_course_text(model, c, week) for c in model.courses)
    # a bold line, not a heading: the panel sits under whatever heading level the chapter gives its section
    return f"<p><strong>Week {week}</strong> (step {step} of {len(model.weeks)})</p><ul>{items}</ul>"


class BCellReturnSteps(ChoicePanels):
    def __init__(self, model: BCellReturn):
        self.model = model
        look = shared_panel_look()
        super().__init__(
            [f"Week {w}" for w in model.weeks],
            [html_panel(week_panel_html(model, w), **look) for w in model.weeks],
            description="Week:",
            heading="B-cell depletion and return: rituximab and CD19 CAR T",
        )
        heading, *rest = self.children
        self.children = (heading, html_panel(time_course_html(model)), *rest)
        # In a deck the diagram may stand on a slide of its own, the buttons and their panel on the next.
        deck_may_break(self.buttons)
        self.children = (
            *self.children,
            deck_may_break(
                html_panel(
                    f"<p><small>A teaching comparison of two studies in different diseases, not a head-to-head trial "
                    f"(as of {escape(model.as_of)}).</small></p>{sources_html(model.sources)}"
                )
            ),
        )
        self.add_class(ROOT_CLASS)
        self.add_class("course-b-cell-return")

    def show(self, week: int) -> str:
        """Select a week from Python (tests, live kernel); returns the visible panel's HTML."""
        i = self.model.weeks.index(week)
        self.select(i)
        return self.stack.children[i].value


@builder(interactive=True, data_prose=True)
def b_cell_return_steps() -> BCellReturnSteps:
    """Antibodies chapter interactive (referenced from the CAR T chapter): B cells week by week."""
    return BCellReturnSteps(load_b_cell_return())
