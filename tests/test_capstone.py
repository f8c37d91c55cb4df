"""The capstone chapter (issue 15 item 5): two teaching patients followed across the course, each step naming the
chapter it draws on, at least five chapters drawn on, and at least ten assessed decisions with feedback. Its
decisions meet the blueprint (tests/test_blueprint.py), its exercises the pattern (tests/test_exercises.py); here,
what is particular to it."""

from __future__ import annotations

import re

import nbformat

from course_tools.conventions import ROOT, chapter_notebooks
from widgets.models.decisions import chapter_decision_cases
from widgets.models.lecturer_guide import load_guide
from widgets.views.lecturer_guide import chapter_markdown

DOC = "chapters/11_capstone"
DECISION = re.compile(r"widgets\.decision_case\(\s*[\"']([a-z0-9-]+)[\"']\s*\)")
DRAWS_ON = re.compile(r"^\*Draws on (.+?)\.\*$", re.M | re.S)
REF = re.compile(r"\{ref\}`[^`<]*<([a-z0-9-]+)>`")


def steps() -> list[tuple[str, list[str]]]:
    """(decision id, the chapter labels its step draws on), reading each step's last "Draws on" line before it."""
    found, draws = [], None
    for c in nbformat.read(ROOT / f"{DOC}.ipynb", as_version=4).cells:
        if c.cell_type == "markdown" and DRAWS_ON.search(c.source):
            draws = REF.findall(DRAWS_ON.search(c.source).group(1))
        for case in DECISION.findall(c.source) if c.cell_type == "code" else ():
            found.append((case, draws or []))
            draws = None
    return found


def test_the_capstone_is_the_last_chapter_in_the_toc():
    assert chapter_notebooks()[-1] == DOC


def test_ten_or_more_decisions_across_both_patients_each_naming_its_chapters():
    found = steps()
    assert len(found) >= 10, found
    assert [c for c, _ in found] == [c.id for c in chapter_decision_cases("capstone")]
    assert all(draws for _, draws in found), [c for c, d in found if not d]
    drawn = {label for _, draws in found for label in draws}
    assert len(drawn) >= 5, drawn
    md = "\n".join(c.source for c in nbformat.read(ROOT / f"{DOC}.ipynb", as_version=4).cells)
    assert "## Patient 1: Amara" in md and "## Patient 2: Grace" in md
    assert "invented teaching cases" in md and "does not advise" in md


def test_the_step_reader_can_fail():
    assert not DRAWS_ON.search("Draws on chapter 2.")  # a step must say it in the pattern, with {ref} links
    assert REF.findall("*Draws on {ref}`2. Monoclonal antibodies <monoclonal-antibodies>`.*") == [
        "monoclonal-antibodies"
    ]


def test_the_guide_keys_every_decision_by_letter_and_gives_the_model_answers():
    entry = next(e for e in load_guide() if e.slug == "capstone")
    md = chapter_markdown(entry)
    key = md.split("### Answer key: decision cases", 1)[1]
    for i, case in enumerate(entry.decisions, 1):
        right = case.options[case.answer_index]
        item = key.split(f"\n{i}. ", 1)[1].split(f"\n{i + 1}. ", 1)[0]
        assert case.question in item and f"**Answer {case.answer_letter}:** {right.text}." in item, case.id
    assert len(entry.decisions) >= 10
    assert "### Answer key: exercise" in md and "**Amara.**" in md and "**Grace.**" in md
