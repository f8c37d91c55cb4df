"""Every chapter notebook in _toc.yml carries the parts a course chapter must have.

Generic on purpose: it finds chapters from the table of contents, so it covers chapters other authors add.
Pages that are not chapters (intro, glossary, bibliography, lecturer guide) are Markdown pages or are named below.
"""
from __future__ import annotations

import re
from pathlib import Path

import nbformat
import pytest

from test_book import toc_files

ROOT = Path(__file__).resolve().parent.parent
NOT_CHAPTERS = re.compile(r"(intro|glossary|bibliography|references|lecturer)", re.I)
CITE = re.compile(r"\{cite(?::[a-z]+)?\}`([^`]+)`")


def chapter_notebooks() -> list[str]:
    return [f for f in toc_files()
            if (ROOT / f"{f}.ipynb").exists() and not NOT_CHAPTERS.search(Path(f).name)]


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
    missing = [name for name, ok in [
        ("learning objectives cell", re.search(r"widgets\.learning_objectives\(\s*[\"'][a-z0-9-]+[\"']\s*\)", code)),
        ("time to learn admonition", re.search(r"\{admonition\} Time to learn", md)),
        ("prerequisites", re.search(r"^#+ Prerequisites", md, re.M)),
        ("summary heading", re.search(r"^#+ Summary", md, re.M)),
        ("what's next heading", re.search(r"^#+ What's next", md, re.M)),
        ("exercise", re.search(r"\{exercise\}", md)),
        ("hidden solution", re.search(r"\{solution\}[^\n]*\n:class: dropdown", md)),
        ("common misconception box", re.search(r"\{admonition\} Common misconception", md)),
        ("knowledge check call", re.search(r"widgets\.knowledge_check\(\s*[\"'][a-z0-9-]+[\"']\s*\)", code)),
    ] if not ok]
    assert not missing, f"{doc} lacks: {', '.join(missing)}"


@pytest.mark.parametrize("doc", chapter_notebooks())
def test_chapter_cites_at_least_three_sources(doc):
    md, _ = text_of(doc)
    keys = {k.strip() for group in CITE.findall(md) for k in group.split(",")}
    assert len(keys) >= 3, f"{doc} cites only {sorted(keys)}"


@pytest.mark.parametrize("doc", chapter_notebooks())
def test_knowledge_check_slug_has_questions(doc):
    from widgets.models.quiz import load_questions
    _, code = text_of(doc)
    for slug in re.findall(r"widgets\.knowledge_check\(\s*[\"']([a-z0-9-]+)[\"']", code):
        assert load_questions(slug), f"{doc}: no questions for '{slug}'"
