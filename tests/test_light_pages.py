"""Light pages (issue 9): each page loads only what it shows. Widget JavaScript (the course's renderer, no
require.js) only where there is widget state; MathJax only where there is maths, and there it typesets; the
theme's icons from one font, cut to the icons the book uses, with every icon a reader sees in it.
Weights and times are measured by `make bench` (course_tools/bench_pages.py), never asserted here."""

from __future__ import annotations

import re

import nbformat
import pytest

from course_tools import build_slides
from course_tools import icons as course_icons
from course_tools.conventions import MATHJAX, ROOT, WIDGET_BUNDLE, chapter_notebooks, deck_path, is_deck
from course_tools.testing.page_audit import built_pages, has_widgets, open_and_wait

MATHS_SPAN = re.compile(r'class="math notranslate nohighlight"')
SCRIPT_SRC = re.compile(r'<script\b[^>]*\bsrc="([^"]+)"')


def book_pages(built_book) -> list[str]:
    return [rel for rel in built_pages(built_book) if not is_deck(rel)]


def scripts(html: str) -> list[str]:
    return [src.split("?")[0] for src in SCRIPT_SRC.findall(html)]


def test_widget_javascript_only_where_there_is_widget_state(built_book):
    problems = []
    for rel in book_pages(built_book):
        html = (built_book / rel).read_text(encoding="utf-8")
        loads_bundle = any(s.endswith(WIDGET_BUNDLE) for s in scripts(html))
        if loads_bundle != has_widgets(html):
            problems.append(f"{rel}: widget state {has_widgets(html)}, loads {WIDGET_BUNDLE} {loads_bundle}")
        heavy = [s for s in scripts(html) if s.endswith(("require.js", "require.min.js", "embed-amd.js"))]
        if heavy:
            problems.append(f"{rel}: loads {heavy}")
    assert not problems, "\n".join(problems)
    assert any(has_widgets((built_book / rel).read_text(encoding="utf-8")) for rel in book_pages(built_book))


def test_mathjax_only_where_there_is_maths(built_book):
    problems, with_maths = [], 0
    for rel in book_pages(built_book):
        html = (built_book / rel).read_text(encoding="utf-8")
        maths = bool(MATHS_SPAN.search(html)) or "HTMLMathModel" in html
        with_maths += maths
        loads = any(s.endswith(MATHJAX) for s in scripts(html))
        if loads != maths:
            problems.append(f"{rel}: maths {maths}, loads MathJax {loads}")
    assert not problems, "\n".join(problems)
    assert with_maths, "no page with maths was built, so MathJax was not checked where it is needed"


@pytest.mark.parametrize("doc", chapter_notebooks())
def test_a_deck_loads_mathjax_only_if_it_has_maths(built_book, doc):
    html = (built_book / deck_path(doc)).read_text(encoding="utf-8")
    maths = build_slides.has_maths(nbformat.read(ROOT / f"{doc}.ipynb", as_version=4))
    assert any(s.endswith(MATHJAX) for s in scripts(html)) == maths
    assert not [s for s in scripts(html) if s.endswith(("require.js", "jquery.min.js", "embed-amd.js"))]


def test_no_page_loads_the_themes_second_copy_of_its_icons(built_book):
    for rel in built_pages(built_book):
        assert "fontawesome.js" not in (built_book / rel).read_text(encoding="utf-8"), rel
    assert not (built_book / course_icons.UNUSED_SCRIPT).exists()


SEARCH_SCRIPTS = ("searchtools.js", "language_data.js", "searchindex.js")


def test_only_the_search_page_loads_the_search_index(built_book):
    """The theme loads the whole search index on every page for "search as you type", which the book leaves off;
    course_tools/templates/layout.html keeps it to search.html."""
    for rel in book_pages(built_book):
        loaded = [s for s in scripts((built_book / rel).read_text(encoding="utf-8")) if s.endswith(SEARCH_SCRIPTS)]
        if rel == "search.html":
            assert sorted(s.rsplit("/", 1)[-1] for s in loaded) == sorted(SEARCH_SCRIPTS), loaded
        else:
            assert not loaded, f"{rel} loads {loaded}"


def test_icon_catalogue_reads_the_theme_rules():
    css = '.fa-bars:before,.fa-navicon:before{content:"\\f0c9"}.fa-1:before{content:"1"}.x{content:"\\f05a"}'
    assert course_icons.icon_catalogue(css) == {"bars": [0xF0C9], "navicon": [0xF0C9], "1": [0x31]}


# ---- in Chromium -------------------------------------------------------------------------------------------


@pytest.mark.browser
def test_every_icon_a_reader_sees_is_in_the_served_icon_font(page_visits, built_book):
    """Every icon glyph a reader sees on a book page (light mode, 1300 px: tests/page_visits.py) is in the subset font,
    which is the icon font the browser loaded (on any visit), and the theme's full font never loads."""
    from fontTools.ttLib import TTFont

    glyphs = set(TTFont(built_book / course_icons.SUBSET_FONT).getBestCmap())
    missing, seen = [], 0
    for rel, found in page_visits["light"].items():
        if "icons" not in found:
            continue
        seen += len(found["icons"])
        missing += [
            f"{rel}: {where} shows U+{cp:04X}, not in {course_icons.SUBSET_FONT}"
            for cp, where in found["icons"]
            if cp not in glyphs
        ]
    fonts = page_visits["_fonts"]
    assert seen, "no icons found: the check looked at nothing"
    assert not missing, "\n".join(sorted(set(missing)))
    assert any(f.endswith(course_icons.SUBSET_FONT) for f in fonts), fonts
    assert not [f for f in fonts if f.endswith(("fa-solid-900.woff2", "fa-solid-900.ttf"))], "the full font loaded"


@pytest.mark.browser
def test_maths_is_typeset_where_it_is(offline_page, book_server, built_book):
    pages = [rel for rel in book_pages(built_book) if MATHS_SPAN.search((built_book / rel).read_text("utf-8"))]
    assert pages
    for rel in pages:
        open_and_wait(offline_page, book_server + rel)
        spans = offline_page.locator("span.math, div.math").count()
        offline_page.wait_for_function(f"document.querySelectorAll('mjx-container').length >= {spans}", timeout=15_000)
        # screen readers get the maths too: MathJax's hidden MathML copy
        assert offline_page.locator("mjx-container mjx-assistive-mml math").count() >= spans, rel
        assert "\\(" not in offline_page.locator("article").inner_text(), f"{rel}: raw TeX is showing"


@pytest.mark.browser
def test_maths_is_typeset_in_a_deck_with_maths(offline_page, book_server, built_book):
    docs = [d for d in chapter_notebooks() if build_slides.has_maths(nbformat.read(ROOT / f"{d}.ipynb", as_version=4))]
    assert docs
    for doc in docs:
        offline_page.goto(book_server + deck_path(doc), wait_until="load")
        offline_page.wait_for_function("document.querySelectorAll('mjx-container').length > 0", timeout=15_000)
        assert offline_page.locator("mjx-assistive-mml").count() > 0


@pytest.mark.browser
def test_the_search_dialog_still_finds_a_drug(offline_page, book_server):
    """Without the index on the chapter page, the search dialog submits to search.html, which finds the drug."""
    page = offline_page
    open_and_wait(page, book_server + "chapters/02_monoclonal_antibodies.html")
    page.keyboard.press("Control+k")
    box = page.locator("#pst-search-dialog input[name=q]")
    box.wait_for(state="visible")
    box.fill("teplizumab")
    box.press("Enter")
    page.wait_for_url("**/search.html?q=teplizumab*")
    results = page.locator("#search-results li a")
    results.first.wait_for(timeout=15_000)
    assert any("restoring_tolerance" in (a.get_attribute("href") or "") for a in results.all())
