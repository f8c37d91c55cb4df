"""The one mechanism behind every interactive: controls linked in the browser to Stacks of pre-rendered panels,
so a widget works on a static page, in a slide deck and in a live kernel alike (no Python callback needed).

`PanelTree` is the mechanism. Level k of the tree is chosen by control group k: every control of the group
(usually one; two alternative controls for the same choice are allowed) is `jslink`ed, `index` to
`selected_index`, to every Stack at level k. The panel shown for the chosen indices is `leaf(state)`, where the
state is folded over the indices by `step(state, k, index)` (default: the tuple of indices, so every
combination gets its own panel). Stacks are made once per (level, state), so a `step` that forgets what no
longer matters (e.g. "the worst grade so far") shares Stacks and keeps the embedded widget state small.

`ChoicePanels` (one radio group, one Stack) and `NestedPanels` (several controls, nested Stacks) are the
two widgets built on it; views with their own layout put a `PanelTree`'s `root` where they want it. This is
the only module that calls `jslink`.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence

import ipywidgets as ipw

from widgets.text import markdown_inline
from widgets.views.common import ROOT_CLASS, choice_buttons
from widgets.views.presentation import DECK_PANEL_CLASS, DECK_SIDE_BY_SIDE_CLASS

Step = Callable[[Hashable, int, int], Hashable]


def check_indices(indices: Sequence, sizes: Sequence[int]) -> None:
    """The one range check for selecting panels: a clear message naming the valid range."""
    if len(indices) != len(sizes):
        raise ValueError(f"give {len(sizes)} indices, got {len(indices)}")
    for level, (i, n) in enumerate(zip(indices, sizes, strict=True)):
        if not isinstance(i, int) or isinstance(i, bool) or not 0 <= i < n:
            raise ValueError(f"index {i} out of range 0-{n - 1} for control {level}")


def _append(state: tuple, k: int, index: int) -> tuple:
    return (*state, index)


class PanelTree:
    def __init__(
        self,
        controls: Sequence[ipw.Widget | Sequence[ipw.Widget]],
        sizes: Sequence[int],
        leaf: Callable[[Hashable], ipw.Widget],
        *,
        initial: Sequence[int | None] | None = None,
        step: Step = _append,
        start: Hashable = (),
        around: Callable[[int, Hashable, ipw.Widget], ipw.Widget] | None = None,
    ):
        """`controls[k]` is a control or a group of controls for level k, with `sizes[k]` choices; `initial`
        (default all 0; None for no choice yet, one level only) sets controls and Stacks alike. `around(k,
        state, node)` may wrap the node a level-k Stack shows for `state` (e.g. with text that belongs to it)."""
        self.groups = [list(c) if isinstance(c, (list, tuple)) else [c] for c in controls]
        self.sizes = tuple(sizes)
        initial = [0] * len(self.sizes) if initial is None else list(initial)
        if not (len(self.groups) == len(self.sizes) == len(initial)) or not self.groups:
            raise ValueError(
                f"PanelTree: {len(self.groups)} controls, {len(self.sizes)} sizes, {len(initial)} initial indices"
            )
        if None in initial and len(self.sizes) > 1:
            raise ValueError("PanelTree: only a single control may start with nothing chosen")
        for level, (n, i) in enumerate(zip(self.sizes, initial, strict=True)):
            if n < 1 or (i is not None and not 0 <= i < n):
                raise ValueError(f"PanelTree: initial index {i} out of range 0-{n - 1} at level {level}")
        for group, i in zip(self.groups, initial, strict=True):
            for control in group:
                control.index = i
        self.initial = tuple(initial)
        self._leaf, self._step, self._around = leaf, step, around
        self._nodes: dict[tuple[int, Hashable], ipw.Widget] = {}
        self._wrapped: dict[str, ipw.Widget] = {}  # model id of an `around` wrapper -> the node it wraps
        self.stacks_by_level: list[list[ipw.Stack]] = [[] for _ in self.sizes]
        self.links: list[ipw.Link] = []
        self.root = self._node(0, start)
        self.root.add_class(DECK_PANEL_CLASS)  # a deck may set it beside its controls, or let it scroll

    def _node(self, k: int, state: Hashable) -> ipw.Widget:
        if (k, state) in self._nodes:
            return self._nodes[(k, state)]
        if k == len(self.sizes):
            node = self._leaf(state)
        else:
            children = []
            for i in range(self.sizes[k]):
                after = self._step(state, k, i)
                child = self._node(k + 1, after)
                if self._around:
                    wrapper = self._around(k, after, child)
                    if wrapper is not child:
                        self._wrapped[wrapper.model_id] = child
                    child = wrapper
                children.append(child)
            node = ipw.Stack(children=children, selected_index=self.initial[k])
            self.stacks_by_level[k].append(node)
            self.links += [ipw.jslink((c, "index"), (node, "selected_index")) for c in self.groups[k]]
        self._nodes[(k, state)] = node
        return node

    @property
    def controls(self) -> list[ipw.Widget]:
        """The first control of each level (the one tests and notebooks drive)."""
        return [g[0] for g in self.groups]

    def select(self, *indices: int) -> None:
        """Python-side selection (tests, live kernel): what the browser links do, done in Python."""
        check_indices(indices, self.sizes)
        for level, i in enumerate(indices):
            for control in self.groups[level]:
                control.index = i
            for stack in self.stacks_by_level[level]:
                stack.selected_index = i

    def visible(self) -> ipw.Widget | None:
        """The leaf a browser shows for the current indices (None while nothing is chosen)."""
        node = self.root
        while isinstance(node, ipw.Stack):
            if node.selected_index is None:
                return None
            node = node.children[node.selected_index]
            node = self._wrapped.get(node.model_id, node)
        return node


class ChoicePanels(ipw.VBox):
    """A radio group that switches between pre-rendered panels (one level of a PanelTree)."""

    def __init__(
        self,
        labels: Sequence[str],
        panels: Sequence[ipw.Widget],
        *,
        description: str,
        initial: int | None = 0,
        heading: str = "",
    ):
        if len(labels) != len(panels) or not labels:
            raise ValueError(f"ChoicePanels: {len(labels)} labels for {len(panels)} panels")
        if initial is not None and not 0 <= initial < len(labels):
            raise ValueError(f"ChoicePanels: initial panel {initial} out of range 0-{len(labels) - 1}")
        self.buttons = choice_buttons(labels, description, index=initial)
        self.tree = PanelTree([self.buttons], [len(panels)], lambda ix: panels[ix[0]], initial=[initial])
        self.stack, self.link = self.tree.root, self.tree.links[0]
        children = [ipw.HTML(f"<strong>{markdown_inline(heading)}</strong>")] if heading else []
        super().__init__(children=[*children, self.buttons, self.stack])
        self.add_class(ROOT_CLASS)
        self.add_class(DECK_SIDE_BY_SIDE_CLASS)  # heading and buttons, then the panel: two columns fit a deck

    @property
    def sizes(self) -> tuple[int, ...]:
        return self.tree.sizes

    @property
    def controls(self) -> list[ipw.Widget]:
        return self.tree.controls

    def select(self, *indices: int) -> None:
        self.tree.select(*indices)


class NestedPanels(ipw.VBox):
    """Several controls deciding one panel: control k is linked to every Stack at depth k, so the visible leaf
    always matches all the controls."""

    def __init__(
        self,
        controls: Sequence[ipw.Widget],
        sizes: Sequence[int],
        leaf: Callable[[tuple[int, ...]], ipw.Widget],
        initial: Sequence[int],
        *,
        header: Sequence[ipw.Widget] = (),
    ):
        self.tree = PanelTree(controls, sizes, leaf, initial=initial)
        self.controls, self.sizes = self.tree.controls, self.tree.sizes
        self.stacks_by_level, self.links, self.root = self.tree.stacks_by_level, self.tree.links, self.tree.root
        super().__init__(children=[*header, *self.controls, self.root])
        self.add_class(ROOT_CLASS)
        self.add_class(DECK_SIDE_BY_SIDE_CLASS)

    def select(self, *indices: int) -> None:
        self.tree.select(*indices)

    def visible_leaf(self) -> ipw.Widget:
        return self.tree.visible()
