"""Exercises (issue 15): at least 2 per chapter, with hidden solutions, at least one case- or data-based, each
solution with a marking guide, and each mapped to the objectives it assesses in data/exercises.yaml (checked
against the notebook both ways). Generic over every chapter; chapters not yet converted are strict xfail from
tests/assessment_pending.py.

The pattern, inside every `{solution}` (a backtick fence, so it nests in the `:::` solution):

    ```{admonition} Marking guide
    :class: note
    **A full answer** ...
    **Partial credit:** ...
    ```
"""

from __future__ import annotations

import re

import pytest
from assessment_pending import chapter_params
from test_chapter_content import text_of

from widgets.models.exercises import load_exercises
from widgets.models.objectives import load_objectives

CHAPTERS = {c.chapter: c.path for c in load_objectives()}
EXERCISE = re.compile(r"^(:{3,})\{exercise\}[^\n]*\n(?::[\w-]+:[^\n]*\n)*?:label:\s*([\w-]+)", re.M)
SOLUTION = re.compile(r"^(:{3,})\{solution\}\s*([\w-]+)\s*\n(.*?)^\1\s*$", re.M | re.S)
GUIDE = re.compile(r"```\{admonition\} Marking guide\n(?::class:[^\n]*\n)?(?P<body>.*?)\n```", re.S)


def exercises_in(path: str) -> tuple[list[str], dict[str, str]]:
    """The notebook's exercise labels, in order, and each solution's body by the label it answers."""
    md, _ = text_of(path)
    return [m.group(2) for m in EXERCISE.finditer(md)], {m.group(2): m.group(3) for m in SOLUTION.finditer(md)}


def marking_guide_faults(label: str, solution: str | None) -> list[str]:
    if solution is None:
        return [f"{label} has no {{solution}}"]
    if not solution.lstrip().startswith(":class: dropdown"):
        return [f"{label}: the solution is not hidden (:class: dropdown)"]
    guide = GUIDE.search(solution)
    if not guide:
        return [f"{label}: the solution has no 'Marking guide' admonition"]
    return [
        f"{label}: the marking guide lacks {part!r}"
        for part in ("**A full answer**", "**Partial credit:**")
        if part not in guide.group("body")
    ]


@pytest.mark.parametrize("chapter", chapter_params("exercises", list(CHAPTERS)))
def test_chapter_exercises_follow_the_pattern(chapter):
    labels, solutions = exercises_in(CHAPTERS[chapter])
    mapped = {e.id: e for e in load_exercises(chapter)}
    faults = []
    if len(labels) < 2:
        faults.append(f"{len(labels)} exercise(s), fewer than 2")
    faults += [f"exercise {x} is not in data/exercises.yaml" for x in labels if x not in mapped]
    faults += [
        f"data/exercises.yaml lists {x}, which is not an exercise in {CHAPTERS[chapter]}"
        for x in mapped
        if x not in labels
    ]
    if not any(e.based_on in ("case", "data") for e in mapped.values()):
        faults.append("no exercise is case- or data-based")
    for label in labels:
        faults += marking_guide_faults(label, solutions.get(label))
    assert not faults, f"{chapter}: " + "; ".join(faults)


def test_the_exemplar_parses_two_exercises_with_guides():
    labels, solutions = exercises_in("chapters/06_car_t")
    assert labels == ["ex-car-t-timeline", "ex-car-t-vein-to-vein"]
    assert all(not marking_guide_faults(x, solutions.get(x)) for x in labels)


def test_a_missing_or_incomplete_marking_guide_is_named():
    assert marking_guide_faults("ex-x", None) == ["ex-x has no {solution}"]
    assert marking_guide_faults("ex-x", ":class: dropdown\n\nJust the answer.\n") == [
        "ex-x: the solution has no 'Marking guide' admonition"
    ]
    half = ":class: dropdown\n\n```{admonition} Marking guide\n:class: note\n**A full answer** names it.\n```\n"
    assert marking_guide_faults("ex-x", half) == ["ex-x: the marking guide lacks '**Partial credit:**'"]
    assert marking_guide_faults("ex-x", "\nshown\n") == ["ex-x: the solution is not hidden (:class: dropdown)"]
