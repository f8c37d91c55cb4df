"""Citations as a reader sees them in the built book: short author-year labels, never a bare key or a title.

sphinxcontrib-bibtex's author_year style renders an entry without authors as its full title in italics, and the
widgets' "Sources" lines once showed bare keys ("wang2024bcmacd19 2024"); this test reads every built page, and the
HTML inside its widgets, so either slip fails it.
"""

from __future__ import annotations

import html as htmllib
import re

from pybtex.database import parse_file

from course_tools.conventions import ROOT
from course_tools.testing.page_audit import built_pages, widget_html_fragments

IN_TEXT = re.compile(r'<span class="bibtex-citation"[^>]*>(.*?)</span>', re.S)
WIDGET_SOURCES = re.compile(r'<p class="course-sources"><strong>Sources:</strong>(.*?)</p>', re.S)
ANCHOR_TEXT = re.compile(r"<a\b[^>]*>(.*?)</a>", re.S)
# "Müller et al., 2024", "June and Sadelain, 2018", "U.S. Food and Drug Administration, 2025" (in text);
# the widgets write the same label without the comma.
SHORT = re.compile(r"[^,<>]{1,40},? \d{4}[a-z]?")


def _text(fragment: str) -> str:
    return " ".join(htmllib.unescape(re.sub(r"<[^>]+>", "", fragment)).split())


def _titles() -> set[str]:
    entries = parse_file(str(ROOT / "references.bib")).entries
    return {" ".join(re.sub(r"[{}]", "", e.fields.get("title", "")).split()) for e in entries.values()}


def citation_problems(html_dir) -> list[str]:
    titles, keys = _titles(), set(parse_file(str(ROOT / "references.bib")).entries)
    problems, seen = [], 0
    for rel in built_pages(html_dir):
        page = (html_dir / rel).read_text(encoding="utf-8")
        groups = [("text", g) for g in IN_TEXT.findall(page)]
        groups += [("widget", g) for frag in widget_html_fragments(page) for g in WIDGET_SOURCES.findall(frag)]
        for where, group in groups:
            for label in map(_text, ANCHOR_TEXT.findall(group)):
                seen += 1
                author = label.rsplit(" ", 1)[0].rstrip(",")
                if not SHORT.fullmatch(label) or author in titles or author.split()[0] in keys:
                    problems.append(f"{rel} ({where}): citation is not a short label: {label!r}")
    if not seen:
        problems.append("no citations found in the built book: the test is not reading what it should")
    return problems


def test_every_citation_on_every_page_is_a_short_label(built_book):
    problems = citation_problems(built_book)
    assert not problems, "\n".join(problems[:40])
