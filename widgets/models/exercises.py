"""Exercises: which objectives each chapter exercise assesses (data/exercises.yaml). The prompt, the solution
and its marking guide live in the chapter notebook, with its citations (course_tools.conventions, "Citations")."""

from __future__ import annotations

from dataclasses import dataclass

from widgets.data import load_dataset


@dataclass(frozen=True)
class Exercise:
    id: str  # the exercise's :label: in the notebook
    chapter: str
    objectives: tuple[str, ...]
    based_on: str  # case, data or concept
    sources: tuple[str, ...]


def load_exercises(chapter: str | None = None) -> list[Exercise]:
    ds = load_dataset("exercises")
    found = [
        Exercise(r["id"], r["chapter"], tuple(r["objectives"]), r["based_on"], tuple(r["sources"])) for r in ds.records
    ]
    return found if chapter is None else [e for e in found if e.chapter == chapter]
