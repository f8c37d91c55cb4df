"""Every chapter notebook in _toc.yml carries the parts a course chapter must have.

Generic on purpose: it finds chapters from the table of contents, so it covers chapters other authors add.
A chapter is a `_toc.yml` page `chapters/NN_name` with a notebook (course_tools.conventions.chapter_notebooks).
"""

from __future__ import annotations

import re

import nbformat
import pytest

from course_tools.conventions import ROOT, chapter_notebooks, cited_keys


def text_of(doc: str) -> tuple[str, str]:
    nb = nbformat.read(ROOT / f"{doc}.ipynb", as_version=4)
    md = "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")
    code = "\n".join(c.source for c in nb.cells if c.cell_type == "code")
    return md, code


def test_there_are_chapters_to_check():
    assert len(chapter_notebooks()) >= 1


@pytest.mark.parametrize("doc", chapter_notebooks())
def test_chapter_has_required_parts(doc):
    md, code = text_of(doc)
    missing = [
        name
        for name, ok in [
            (
                "learning objectives cell",
                re.search(r"widgets\.learning_objectives\(\s*[\"'][a-z0-9-]+[\"']\s*\)", code),
            ),
            ("time to learn admonition", re.search(r"\{admonition\} Time to learn", md)),
            ("prerequisites", re.search(r"^#+ Prerequisites", md, re.M)),
            ("summary heading", re.search(r"^#+ Summary", md, re.M)),
            ("what's next heading", re.search(r"^#+ What's next", md, re.M)),
            ("exercise", re.search(r"\{exercise\}", md)),
            ("hidden solution", re.search(r"\{solution\}[^\n]*\n:class: dropdown", md)),
            ("common misconception box", re.search(r"\{admonition\} Common misconception", md)),
            # the assessed check: a knowledge check, or decision cases (the capstone's); both are held to the
            # blueprint (tests/test_blueprint.py, widgets.models.blueprint.chapter_items)
            (
                "knowledge check or decision case call",
                re.search(r"widgets\.(?:knowledge_check|decision_case)\(\s*[\"'][a-z0-9-]+[\"']\s*\)", code),
            ),
        ]
        if not ok
    ]
    assert not missing, f"{doc} lacks: {', '.join(missing)}"


@pytest.mark.parametrize("doc", chapter_notebooks())
def test_chapter_cites_at_least_three_sources(doc):
    md, _ = text_of(doc)
    keys = cited_keys(md)
    assert len(keys) >= 3, f"{doc} cites only {sorted(keys)}"


@pytest.mark.parametrize("doc", chapter_notebooks())
def test_knowledge_check_slug_has_questions(doc):
    from widgets.models.quiz import load_questions

    _, code = text_of(doc)
    for slug in re.findall(r"widgets\.knowledge_check\(\s*[\"']([a-z0-9-]+)[\"']", code):
        assert load_questions(slug), f"{doc}: no questions for '{slug}'"
