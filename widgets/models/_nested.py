"""Checks for source keys nested below the top level of a record (the loader checks only `sources`)."""
from __future__ import annotations

from collections.abc import Iterator

from widgets.data import bib_keys


def nested_source_faults(items: list[dict], field: str, keys: frozenset[str] | None = None
                         ) -> Iterator[tuple[str, str]]:
    keys = bib_keys() if keys is None else keys
    for i, item in enumerate(items):
        for j, key in enumerate(item.get("sources", [])):
            if key not in keys:
                yield f"{field}.{i}.sources.{j}", f"unknown reference key '{key}' (not in references.bib)"
