"""Several controls deciding one panel with no kernel: Stacks nested one level per control.

Control k is jslinked (in the browser) to EVERY Stack at depth k, so the visible leaf always matches all the
controls, on a static page as well as with a kernel.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence

import ipywidgets as ipw

from widgets.views.common import ROOT_CLASS, check_indices


class NestedPanels(ipw.VBox):
    def __init__(self, controls: Sequence[ipw.Widget], sizes: Sequence[int],
                 leaf: Callable[[tuple[int, ...]], ipw.Widget], initial: Sequence[int], *,
                 header: Sequence[ipw.Widget] = ()):
        if not (len(controls) == len(sizes) == len(initial)) or not controls:
            raise ValueError(f"NestedPanels: {len(controls)} controls, {len(sizes)} sizes, {len(initial)} initial")
        for level, (n, i) in enumerate(zip(sizes, initial)):
            if not 0 <= i < n:
                raise ValueError(f"NestedPanels: initial index {i} out of range 0-{n - 1} at level {level}")
        self.controls = list(controls)
        self.sizes = tuple(sizes)
        self.stacks_by_level: list[list[ipw.Stack]] = [[] for _ in controls]
        self.links: list[ipw.widgets.widget_link.Link] = []
        for control, i in zip(self.controls, initial):
            control.index = i
        self.root = self._build(0, (), initial, leaf)
        super().__init__(children=[*header, *self.controls, self.root])
        self.add_class(ROOT_CLASS)

    def _build(self, level, prefix, initial, leaf):
        if level == len(self.sizes):
            return leaf(prefix)
        stack = ipw.Stack(children=[self._build(level + 1, (*prefix, i), initial, leaf)
                                    for i in range(self.sizes[level])], selected_index=initial[level])
        self.stacks_by_level[level].append(stack)
        self.links.append(ipw.jslink((self.controls[level], "index"), (stack, "selected_index")))
        return stack

    def select(self, *indices: int) -> None:
        """Python-side selection (tests, live kernel); the browser links keep every Stack in step."""
        check_indices(indices, self.sizes)
        for level, i in enumerate(indices):
            self.controls[level].index = i
            for stack in self.stacks_by_level[level]:
                stack.selected_index = i

    def visible_leaf(self) -> ipw.Widget:
        node = self.root
        while isinstance(node, ipw.Stack):
            node = node.children[node.selected_index]
        return node
