"""The decks on a projector (issue 16, item 7): every slide of every deck, at 1280 x 720 with transitions off and
every fragment shown, keeps its content inside the slide, and the text in its widget diagrams renders at least
PRESENTATION_DIAGRAM_TEXT_PX tall. Generic over chapters: every chapter in _toc.yml has a deck, and every slide
of it is walked. The probe lives in course_tools/testing/deck_layout.py."""

from __future__ import annotations

import nbformat
import pytest

from course_tools.build_slides import DECK_FIT_JS, FIGURE_CAPTION_TAG, slide_type
from course_tools.conventions import ROOT, chapter_notebooks, deck_path
from course_tools.testing.browser_support import OfflineGuard, assert_clean
from course_tools.testing.deck_layout import PROJECTOR, SLIDE_FINDINGS_JS, describe, walk_deck
from widgets.views.common import DIAGRAM_TEXT_VAR
from widgets.views.presentation import (
    DECK_BREAK_CLASS,
    DECK_COLUMNS_CLASS,
    DECK_MAY_BREAK_CLASS,
    DECK_PANEL_CLASS,
    DECK_SCROLL_CLASS,
    DECK_SCROLL_CUE_CLASS,
    DECK_SIDE_BY_SIDE_CLASS,
    PRESENTATION_DIAGRAM_TEXT_PX,
)


@pytest.mark.browser
def test_slide_probe_catches_content_below_the_slide_a_scroll_box_and_small_diagram_text(browser):
    """The probe must be able to fail: a paragraph below a 720 px slide, a row hidden in a scroll box (one with
    no cue, one with the scroll class but no cue, and one inside a cued scroll panel but cut by a box within it),
    and 12 px text in a 400-unit SVG drawn 200 px wide (6 px on screen) are reported; a slide that fits, with rows
    hidden in a scroll panel under a cue that says it scrolls (deck_fit.js's last resort), is not, and that panel
    is counted."""
    context = browser.new_context(viewport=PROJECTOR)
    page = context.new_page()
    svg = '<svg viewBox="0 0 {v} 40" width="{w}"><text x="0" y="20" font-size="{f}">Label</text></svg>'
    deck = """<div class="reveal"><div class="slides" style="position:absolute;top:0;left:0;width:1280px;
        height:720px"><section style="display:block">{}</section></div></div>"""
    box = '<div class="{cls}" style="height:50px;overflow:auto"><div style="height:40px"></div>{inner}</div>'
    cue = f'<p class="{DECK_SCROLL_CUE_CLASS}">This panel scrolls</p>'
    page.set_content(
        deck.format(
            box.format(cls="", inner="<b>Hidden row</b>")
            + box.format(cls=DECK_SCROLL_CLASS, inner="<b>Uncued row</b>")
            + cue
            + box.format(cls=DECK_SCROLL_CLASS, inner=box.format(cls="", inner="<b>Inner row</b>"))
            + f'<div class="course-widget">{svg.format(v=400, w=200, f=12)}</div>'
            '<p style="margin-top:700px">Below the slide</p>'
        )
    )
    bad = page.evaluate(SLIDE_FINDINGS_JS, [page.query_selector("section"), PRESENTATION_DIAGRAM_TEXT_PX])
    page.set_content(
        deck.format(
            f'<p>Fits</p><div class="course-widget">{svg.format(v=300, w=300, f=16)}</div>'
            + cue
            + box.format(cls=DECK_SCROLL_CLASS, inner='<b>Scrolled row</b><p style="margin-top:900px">Far</p>')
        )
    )
    fine = page.evaluate(SLIDE_FINDINGS_JS, [page.query_selector("section"), PRESENTATION_DIAGRAM_TEXT_PX])
    context.close()
    assert any('"Below the slide" outside the slide' in c for c in bad["cut"]), bad
    assert any('"Hidden row" cut off by div' in c for c in bad["cut"]), bad
    assert any('"Uncued row" cut off by div' in c for c in bad["cut"]), bad
    assert any('"Inner row" cut off by div' in c for c in bad["cut"]), bad
    assert bad["small"] == ['"Label" at 6.0px']
    assert bad["scroll"] == 1  # the cued panel is counted, while what is cut inside it is still reported
    assert fine == {"cut": [], "small": [], "scroll": 1}


# Knowledge-check questions per slide (slides with none left out), and the explanations that are fragments.
QUESTIONS_JS = """() => [
  Reveal.getSlides().map(s => s.querySelectorAll('.course-knowledge-check .course-prompt').length).filter(n => n > 0),
  [...document.querySelectorAll('.reveal .slides .fragment')]
    .filter(f => f.textContent.includes('What you should have seen')).length]"""


@pytest.fixture(scope="module")
def deck_walk(browser, book_server):
    """`get(doc)`: one walk of the chapter's deck at projector size (walk_deck), shared by the two tests below: the
    slides' findings, the questions per slide, the explanation fragments and the offline guard's findings."""
    walks = {}

    def get(doc: str) -> dict:
        if doc not in walks:
            context = browser.new_context(viewport=PROJECTOR)
            guard = OfflineGuard(context)
            page = guard.watch(context.new_page())
            slides = walk_deck(page, book_server + deck_path(doc))  # opens the deck, waits for deck_fit.js
            per_slide, fragments = page.evaluate(QUESTIONS_JS)
            context.close()
            walks[doc] = {"slides": slides, "per_slide": per_slide, "fragments": fragments, "guard": guard}
        return walks[doc]

    return get


@pytest.mark.browser
@pytest.mark.parametrize("doc", chapter_notebooks())
def test_every_slide_fits_a_projector_with_readable_diagrams(deck_walk, doc):
    walk = deck_walk(doc)
    assert_clean(walk["guard"])
    slides = walk["slides"]
    assert len(slides) >= 10, f"{deck_path(doc)}: only {len(slides)} slides walked"
    findings = describe(doc, slides)
    assert not findings, "\n".join(findings)


def test_deck_fit_script_uses_the_course_names_for_breaks_and_diagram_text():
    """deck_fit.js spells the names the Python views define (breaks, side by side, panels, scroll panels, the
    diagram text variable, the figure caption tag); they must agree."""
    script = DECK_FIT_JS.read_text(encoding="utf-8")
    assert f'"{DECK_BREAK_CLASS}"' in script and f'"{DIAGRAM_TEXT_VAR}"' in script
    for name in (DECK_MAY_BREAK_CLASS, DECK_SIDE_BY_SIDE_CLASS, DECK_COLUMNS_CLASS, DECK_PANEL_CLASS):
        assert f'"{name}"' in script, name
    assert f'"{DECK_SCROLL_CLASS}"' in script and f'"{DECK_SCROLL_CUE_CLASS}"' in script
    assert f'".celltag_{FIGURE_CAPTION_TAG}"' in script


@pytest.mark.browser
@pytest.mark.parametrize("doc", chapter_notebooks())
def test_one_question_per_slide_and_what_you_should_have_seen_stays_a_fragment(deck_walk, doc):
    nb = nbformat.read(ROOT / f"{doc}.ipynb", as_version=4)
    revealed_later = sum(
        slide_type(c) == "fragment" and "What you should have seen" in c.source
        for c in nb.cells
        if c.cell_type == "markdown"
    )
    walk = deck_walk(doc)
    assert_clean(walk["guard"])
    per_slide, fragments = walk["per_slide"], walk["fragments"]
    # the capstone assesses with decision cases, one per cell, and has no knowledge check
    if any(c.cell_type == "code" and "widgets.knowledge_check(" in c.source for c in nb.cells):
        assert per_slide, f"{doc}: no knowledge-check question in the deck"
        assert set(per_slide) == {1}, f"{doc}: questions per slide {per_slide}"
    else:
        assert not per_slide, f"{doc}: knowledge-check questions in a deck whose notebook has none"
    assert fragments == revealed_later, f"{doc}: {fragments} of {revealed_later} explanations are fragments"
