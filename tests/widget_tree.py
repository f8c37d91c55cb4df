"""Every widget builder exported by `widgets`, called the way a notebook calls it, and a walk over the tree.
Shared by the generic content-security and robustness tests, so a new chapter's builder is covered as soon as
it is exported from widgets/__init__.py."""

from __future__ import annotations

import inspect

import pytest

import widgets


def builders(kind: str = "interactive"):
    """The builders a notebook calls: `widgets.INTERACTIVES` (controls and panels) or, for kind="data",
    `widgets.DATA_VIEWS` (views showing prose from data files). Each must be exported in `__all__`."""
    names = list(widgets.INTERACTIVES if kind == "interactive" else widgets.DATA_VIEWS)
    missing = [n for n in names if n not in widgets.__all__ or not callable(getattr(widgets, n, None))]
    assert not missing, f"listed in widgets/__init__.py but not exported: {missing}"
    return names


def call_builder(name):
    """Call a builder with no arguments, once per record of its dataset for a builder registered with
    `records=...`, or once per chapter for a `chapter` argument (knowledge checks)."""
    from widgets.data import load_dataset
    from widgets.views.registry import BUILDERS

    fn = getattr(widgets, name)
    if BUILDERS[name].records:
        return [fn(r["id"]) for r in load_dataset(BUILDERS[name].records).records]
    required = [
        p
        for p in inspect.signature(fn).parameters.values()
        if p.default is p.empty and p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)
    ]
    if not required:
        return [fn()]
    if [p.name for p in required] == ["chapter"]:
        from widgets.models.quiz import load_questions

        return [fn(ch) for ch in sorted({q.chapter for q in load_questions()})]
    pytest.fail(
        f"widgets.{name} needs arguments {[p.name for p in required]}: teach "
        "tests/widget_tree.py (call_builder) how to call it"
    )


def walk(w):
    yield w
    for child in getattr(w, "children", ()) or ():
        yield from walk(child)
