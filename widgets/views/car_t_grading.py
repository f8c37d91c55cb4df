"""'Grade it yourself': ASTCT 2019 consensus grading of CRS and ICANS from chosen findings.

Works with no kernel. Each domain's radio buttons are linked in the browser to Stacks. A plain nesting (one
Stack per combination of earlier choices) would need 2 + 8 Stacks for CRS and 5 + 25 + 75 + 150 for ICANS. The
grade only depends on the *worst grade so far*, so Stacks are shared: one Stack per (domain, worst grade so
far), at most 5 per domain, and one leaf per grade. A Stack shows only its selected child, and the same child
may sit at several indices, so sharing costs nothing in the browser.
"""
from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence

import ipywidgets as ipw
from ipywidgets.widgets.widget_string import HTMLStyle

from widgets.models.car_t_grading import (CRS_DOMAINS, GRADE_WORDS, ICANS_DOMAINS, ICANS_WORDS, Domain, crs_grade,
                                          icans_grade)
from widgets.text import escape
from widgets.views.common import OKABE_ITO, ROOT_CLASS, check_indices, sources_html

_GRADE_COLOURS = {0: "#ffffff", 1: OKABE_ITO["sky_blue"], 2: OKABE_ITO["yellow"], 3: OKABE_ITO["orange"],
                  4: OKABE_ITO["vermillion"]}


def grade_badge(title: str, grade: int, words: dict[int, str], explain: str) -> ipw.HTML:
    text = "#ffffff" if grade == 4 else "#000000"
    return ipw.HTML(
        f'<div class="course-grade" data-grade="{grade}" style="border:2px solid #000;padding:6px 10px;'
        f'background:{_GRADE_COLOURS[grade]};color:{text};max-width:640px"><strong>{escape(title)}: '
        f'{escape(words[grade])}</strong><br>{escape(explain)}</div>')


class SharedStackChain:
    """Stacks linked to `controls` in order; the leaf shown is `leaves[finish(state)]`, where the state is folded
    over the chosen level of each domain with `step`. Stacks are memoised on (domain index, state)."""

    def __init__(self, controls: Sequence[ipw.RadioButtons], domains: Sequence[Domain], start: Hashable,
                 step: Callable[[Hashable, int, int], Hashable], finish: Callable[[Hashable], int],
                 leaves: dict[int, ipw.Widget]):
        self.controls, self.domains, self.step, self.finish, self.leaves = controls, domains, step, finish, leaves
        self.stacks: dict[tuple[int, Hashable], ipw.Stack] = {}
        self.links: list[ipw.Link] = []
        self.root = self._node(0, start)

    def _node(self, k: int, state: Hashable) -> ipw.Widget:
        if k == len(self.domains):
            return self.leaves[self.finish(state)]
        if (k, state) not in self.stacks:
            children = [self._node(k + 1, self.step(state, k, level)) for level in range(len(self.domains[k].levels))]
            stack = ipw.Stack(children=children, selected_index=self.controls[k].index)
            self.links.append(ipw.jslink((self.controls[k], "index"), (stack, "selected_index")))
            self.stacks[(k, state)] = stack
        return self.stacks[(k, state)]

    def shown(self) -> ipw.Widget:
        """The leaf a browser would show for the controls' current indices (for tests and the live kernel)."""
        node = self.root
        while isinstance(node, ipw.Stack):
            node = node.children[node.selected_index]
        return node

    def sync(self) -> None:
        """Python-side: set every Stack from its control, as the browser links do."""
        for (k, _), stack in self.stacks.items():
            stack.selected_index = self.controls[k].index


def _radio(domain: Domain) -> ipw.RadioButtons:
    return ipw.RadioButtons(options=[(lvl, i) for i, lvl in enumerate(domain.levels)], index=0,
                            description=domain.label + ":", style={"description_width": "initial"},
                            layout=ipw.Layout(width="auto"))


def _domain_note(domain: Domain, words: dict[int, str]) -> tuple[ipw.Stack, ipw.Link, ipw.RadioButtons]:
    control = _radio(domain)
    look = {"layout": ipw.Layout(), "style": HTMLStyle()}
    notes = [ipw.HTML(f"<small>On its own this finding sets: <strong>{escape(words[g])}</strong></small>", **look)
             for g in domain.grades]
    stack = ipw.Stack(children=notes, selected_index=0)
    return stack, ipw.jslink((control, "index"), (stack, "selected_index")), control


class GradingExplorer(ipw.VBox):
    def __init__(self):
        # CRS: fever is required, then the worse of hypotension and hypoxia sets the grade.
        crs_notes = [_domain_note(d, GRADE_WORDS if d.id != "fever" else {0: "no CRS: fever is required", 1: "CRS, at least grade 1"})
                     for d in CRS_DOMAINS]
        self.crs_controls = [c for _, _, c in crs_notes]
        crs_leaves = {g: grade_badge("CRS", g, GRADE_WORDS,
                                     "Fever is required for CRS; look for another cause of the findings." if g == 0 else
                                     "Set by the worse of hypotension and hypoxia.") for g in range(5)}
        self.crs = SharedStackChain(
            self.crs_controls, CRS_DOMAINS, start=(False, 1),  # state: (fever present, worst grade so far)
            step=lambda st, k, lvl: ((CRS_DOMAINS[0].grade(lvl) == 1, st[1]) if k == 0
                                     else (st[0], max(st[1], CRS_DOMAINS[k].grade(lvl)))),
            finish=lambda st: st[1] if st[0] else 0, leaves=crs_leaves)
        icans_notes = [_domain_note(d, ICANS_WORDS) for d in ICANS_DOMAINS]
        self.icans_controls = [c for _, _, c in icans_notes]
        icans_leaves = {g: grade_badge("ICANS", g, ICANS_WORDS, "Set by the most severe domain." if g else
                                       "No domain is abnormal.") for g in range(5)}
        self.icans = SharedStackChain(self.icans_controls, ICANS_DOMAINS, start=0,
                                      step=lambda st, k, lvl: max(st, ICANS_DOMAINS[k].grade(lvl)),
                                      finish=lambda st: st, leaves=icans_leaves)
        self.note_links = [link for _, link, _ in crs_notes + icans_notes]

        def section(title, notes, chain, cls):
            rows = [ipw.VBox([c, s]) for s, _, c in notes]
            box = ipw.VBox([ipw.HTML(f"<h4>{escape(title)}</h4>"), *rows, chain.root])
            box.add_class(cls)
            return box

        self.crs_box = section("Cytokine release syndrome (CRS)", crs_notes, self.crs, "course-crs-grading")
        self.icans_box = section("ICANS (adults)", icans_notes, self.icans, "course-icans-grading")
        footer = ipw.HTML("<p><small>Grade 5 is death from the toxicity. Organ toxicities are graded separately and "
                          "do not change the CRS grade; tremor, myoclonus and intracranial haemorrhage do not count "
                          "toward the ICANS grade. A teaching tool, not for patient care.</small></p>"
                          + sources_html(["lee2019astct"]))
        super().__init__(children=[self.crs_box, self.icans_box, footer])
        self.add_class(ROOT_CLASS)
        self.add_class("course-car-t-grading")

    @property
    def controls(self) -> list[ipw.Widget]:
        return [*self.crs_controls, *self.icans_controls]

    @property
    def sizes(self) -> tuple[int, ...]:
        return tuple(len(c.options) for c in self.controls)

    def select(self, *indices: int) -> None:
        """Python-side: the CRS levels (fever, hypotension, hypoxia) then the five ICANS domain levels."""
        check_indices(indices, self.sizes)
        n = len(self.crs_controls)
        self.set_crs(*indices[:n])
        self.set_icans(*indices[n:])

    def set_crs(self, fever: int, hypotension: int, hypoxia: int) -> int:
        check_indices((fever, hypotension, hypoxia), [len(c.options) for c in self.crs_controls])
        for c, v in zip(self.crs_controls, (fever, hypotension, hypoxia)):
            c.index = v
        self.crs.sync()
        return crs_grade(fever, hypotension, hypoxia)

    def set_icans(self, *levels: int) -> int:
        check_indices(levels, [len(c.options) for c in self.icans_controls])
        for c, v in zip(self.icans_controls, levels):
            c.index = v
        self.icans.sync()
        return icans_grade(*levels)


def grading_explorer() -> GradingExplorer:
    """Chapter 5 interactive: ASTCT 2019 CRS and ICANS grading."""
    return GradingExplorer()
