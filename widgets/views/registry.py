"""The one step that makes a view's builder part of the course: decorate it with `@builder(...)`.

`widgets/__init__.py` imports every module of `widgets.views` and exports each registered builder under its
name; the generic tests (keyboard, range, content security) take their lists from here: `interactive` builders
(controls linked in the browser to pre-rendered panels) and those that show prose from `data/` files.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Builder:
    name: str
    fn: Callable
    interactive: bool  # controls linked to panels: keyboard and range tests drive it
    data_prose: bool   # a widget showing text from data/: content-security tests inject markup into that text


BUILDERS: dict[str, Builder] = {}


def builder(*, interactive: bool, data_prose: bool):
    """Register a builder function a notebook calls (`widgets.<name>()`)."""
    def register(fn: Callable) -> Callable:
        if fn.__name__ in BUILDERS:
            raise ValueError(f"builder {fn.__name__!r} is registered twice")
        BUILDERS[fn.__name__] = Builder(fn.__name__, fn, interactive, data_prose)
        return fn
    return register
