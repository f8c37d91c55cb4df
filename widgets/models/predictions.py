"""Committed predictions (data/predictions.yaml): a choice made before an interactive, with feedback."""

from __future__ import annotations

from dataclasses import dataclass

from widgets.data import load_dataset
from widgets.models.quiz import Option


@dataclass(frozen=True)
class Prediction:
    id: str
    chapter: str
    prompt: str
    options: tuple[Option, ...]
    sources: tuple[str, ...]


def load_predictions() -> list[Prediction]:
    return [
        Prediction(r["id"], r["chapter"], r["prompt"], tuple(Option(**o) for o in r["options"]), tuple(r["sources"]))
        for r in load_dataset("predictions").records
    ]


def prediction(record_id: str) -> Prediction:
    found = {p.id: p for p in load_predictions()}
    if record_id not in found:
        raise KeyError(f"no prediction {record_id!r} in data/predictions.yaml; known: {sorted(found)}")
    return found[record_id]
