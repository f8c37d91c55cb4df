"""Printable worksheets and answer keys (issue 15, the HHMI pattern), read as printed: the PDFs' text.

Every chapter in _toc.yml gets `handouts/<stem>-worksheet.pdf` and `-key.pdf` (course_tools/build_handouts.py, run by
`make book` and by the test build). No sentence of a key may appear in its worksheet; a worksheet has at least 6
numbered questions (chapters with too little content yet are strict xfail from tests/assessment_pending.py);
chapter pages, the lecturer guide and the decks link to them.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest
from assessment_pending import chapter_params
from pypdf import PdfReader

from course_tools.conventions import chapter_notebooks
from widgets.models.objectives import load_objectives
from widgets.views.lecturer_guide import handout_file

SLUG = {c.path: c.chapter for c in load_objectives()}
BY_SLUG = {v: k for k, v in SLUG.items()}


def pdf_text(path: Path) -> str:
    """The printed text, with ligatures (ﬁ) unfolded."""
    return unicodedata.normalize("NFKC", "\n".join(p.extract_text() for p in PdfReader(path).pages))


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)  # line breaks fall differently in the two PDFs


def leaked(key: str, worksheet: str, min_chars: int = 30) -> list[str]:
    """Sentences of the key (after its title line) that appear in the worksheet."""
    body = key.split("\n", 1)[1] if "\n" in key else key
    sheet = _squash(worksheet)
    # whole sentences: a key line starts "Answer B: <the option's text>", and the option text alone is on the
    # worksheet by design
    sentences = [s.strip() for s in re.split(r"(?<=[.?!])\s+", body)]
    return [s for s in sentences if len(_squash(s)) >= min_chars and _squash(s) in sheet]


def numbered_questions(worksheet: str) -> list[int]:
    """The question numbers printed at the start of a line, after the title."""
    body = worksheet.split("\n", 1)[1]
    return [int(m.group(1)) for m in re.finditer(r"^(\d{1,2})\.(?:\s|$)", body, re.M)]


def test_every_chapter_in_the_toc_gets_both_handouts(built_book):
    missing = [
        handout_file(doc, kind)
        for doc in chapter_notebooks()
        for kind in ("worksheet", "key")
        if not (built_book / handout_file(doc, kind)).is_file()
    ]
    assert not missing, f"missing handouts: {missing}"


@pytest.mark.parametrize("doc", chapter_notebooks())
def test_no_answer_of_the_key_appears_in_the_worksheet(built_book, doc):
    key = pdf_text(built_book / handout_file(doc, "key"))
    sheet = pdf_text(built_book / handout_file(doc, "worksheet"))
    assert "Answer key" in key and "Worksheet" in sheet
    assert not re.search(r"Answer [A-D]:", sheet), f"{doc}: the worksheet marks an answer"
    assert not leaked(key, sheet), f"{doc}: the worksheet shows key text: {leaked(key, sheet)[:3]}"


@pytest.mark.parametrize("chapter", chapter_params("worksheet", [SLUG[d] for d in chapter_notebooks()]))
def test_worksheet_has_at_least_six_numbered_questions(built_book, chapter):
    numbers = numbered_questions(pdf_text(built_book / handout_file(BY_SLUG[chapter], "worksheet")))
    assert numbers == list(range(1, len(numbers) + 1)), f"{chapter}: questions numbered {numbers}"
    assert len(numbers) >= 6, f"{chapter}: {len(numbers)} questions"


def test_the_exemplar_worksheet_asks_without_answering_and_its_key_answers(built_book):
    sheet = pdf_text(built_book / handout_file("chapters/06_car_t", "worksheet"))
    key = pdf_text(built_book / handout_file("chapters/06_car_t", "key"))
    assert "D. The CD28 or 4-1BB co-stimulatory domain" in sheet and "Your answer:" in sheet
    assert "Answer D: The CD28 or 4-1BB co-stimulatory domain" in key
    assert "Marking guide" in key and "Partial credit" in key and "Marking guide" not in sheet
    assert "Position" in sheet  # the ordering task as a table to fill in
    assert _squash("1. Eligibility and screening: First") in _squash(key)


def test_the_leak_check_can_fail():
    key = "Title\n1. Answer B: Grade 2. Fever plus low-flow oxygen, up to 6 L/min, is grade 2."
    assert leaked(key, "Title\n1. A patient... Fever plus low-flow\noxygen, up to 6 L/min, is grade 2.") == [
        "Fever plus low-flow oxygen, up to 6 L/min, is grade 2."
    ]
    assert not leaked(key, "Title\n1. A patient has a fever. Your answer: ____")
    assert not leaked(
        "T\n1. Answer B: Years before diagnosis (up to 9.4 years; mean 3.3 years). Right.",
        "T\n1. When?\nB. Years before diagnosis (up to 9.4 years; mean 3.3 years)",
    )
    assert numbered_questions("6. Title\n1.\nStem\n2. Stem\n(a) part") == [1, 2]


@pytest.mark.parametrize("doc", chapter_notebooks())
def test_chapter_page_guide_and_deck_link_to_the_handouts(built_book, doc):
    page = (built_book / f"{doc}.html").read_text(encoding="utf-8")
    stem = Path(doc).name
    assert f'href="../handouts/{stem}-worksheet.pdf"' in page and f'href="../handouts/{stem}-key.pdf"' in page
    guide = (built_book / "chapters" / "lecturer_guide.html").read_text(encoding="utf-8")
    assert f'href="../handouts/{stem}-worksheet.pdf"' in guide and f'href="../handouts/{stem}-key.pdf"' in guide
    deck = (built_book / "slides" / f"{stem}.slides.html").read_text(encoding="utf-8")
    assert f'href="../handouts/{stem}-worksheet.pdf"' in deck
