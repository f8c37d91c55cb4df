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
    data_prose: bool  # a widget showing text from data/: content-security tests inject markup into that text
    records: str | None = None  # the dataset whose record ids the builder's one argument takes (tests call it
    # once per record); None for a builder called with no argument


BUILDERS: dict[str, Builder] = {}


def builder(*, interactive: bool, data_prose: bool, records: str | None = None):
    """Register a builder function a notebook calls (`widgets.<name>()`, or `widgets.<name>("record-id")` with
    `records` naming the data file whose record ids it takes)."""

    def register(fn: Callable) -> Callable:
        if fn.__name__ in BUILDERS:
            raise ValueError(f"builder {fn.__name__!r} is registered twice")
        BUILDERS[fn.__name__] = Builder(fn.__name__, fn, interactive, data_prose, records)
        return fn

    return register
