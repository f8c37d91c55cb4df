"""Lecturer mode: one offline slide deck per chapter, presentation-size widgets, and the lecturer guide.

Generic over chapters: every chapter notebook in _toc.yml (chapters/NN_name.ipynb) is checked, so a new
chapter is covered as soon as it is listed.
"""

from __future__ import annotations

import re
from pathlib import Path

import nbformat
import pytest
import yaml
from test_book import CDN

import widgets
from course_tools import bench_slides, build_slides
from course_tools.build_slides import expected_slides, myst_to_markdown, notes_count
from course_tools.conventions import ROOT, chapter_notebooks, deck_path, toc_docs
from course_tools.testing.deck_layout import FITTED
from widgets.models.lecturer_guide import load_guide
from widgets.models.quiz import load_questions
from widgets.views.lecturer_guide import guide_markdown
from widgets.views.presentation import (
    DECK_PANEL_CLASS,
    DECK_SCROLL_CLASS,
    PRESENTATION_CHOICE_PX,
    PRESENTATION_CSS,
    PRESENTATION_FONT_PX,
    presentation_style,
)

CHAPTERS = chapter_notebooks()


def source_nb(doc: str):
    return nbformat.read(ROOT / f"{doc}.ipynb", as_version=4)


# ------------------------------------------------------------------ the notebooks' slide metadata
def test_there_are_chapter_notebooks_in_the_toc():
    assert "chapters/01_autoimmunity" in CHAPTERS


@pytest.mark.parametrize("doc", CHAPTERS)
def test_every_chapter_tells_its_story_in_10_to_25_slides_with_notes(doc):
    nb = source_nb(doc)
    assert 10 <= expected_slides(nb) <= 25, f"{doc}: {expected_slides(nb)} slides; aim for 10-25"
    assert notes_count(nb) >= 2, f"{doc}: {notes_count(nb)} speaker-notes cells (slide=notes); need at least 2"
    assert build_slides.slide_type(nb.cells[0]) == "slide", f"{doc}: the first cell should start a slide"


def test_expected_slides_counts_slide_and_subslide_starts():
    cells = [nbformat.v4.new_markdown_cell(s) for s in "abcdef"]
    kinds = ["skip", "-", "subslide", "fragment", "notes", "slide"]
    for c, k in zip(cells, kinds, strict=True):
        c.metadata = {"slideshow": {"slide_type": k}}
    nb = nbformat.v4.new_notebook(cells=cells)
    assert expected_slides(nb) == 3  # "-" after a skip is the first visible cell, then subslide, then slide
    assert notes_count(nb) == 1


# ------------------------------------------------------------------ MyST -> deck Markdown
def test_myst_roles_and_directives_become_plain_markdown():
    src = (
        "(lab)=\n# Title\nSee {term}`B cells <B cell>` and {term}`tolerance`, the {doc}`glossary`"
        " {cite}`goodnow2005tolerance,sakaguchi2008treg`.\n\n"
        ":::{admonition} Common misconception: X\n:class: warning\nNot so {cite:p}`goodnow2005tolerance`.\n:::\n\n"
        ":::{exercise}\n:label: ex-1\nDo it.\n:::\n\n:::{solution} ex-1\n:class: dropdown\nSECRET\n:::\n"
        "```{math}\nx^2\n```"
    )
    out = myst_to_markdown(src)
    assert "(lab)=" not in out and "{term}" not in out and "{cite" not in out and "{doc}" not in out
    assert "See B cells and tolerance, the glossary" in out
    assert "(Goodnow et al. 2005; Sakaguchi et al. 2008)" in out
    assert "**Common misconception: X**" in out and "course-box-warning" in out and "Not so" in out
    assert "**Exercise**" in out and "Do it." in out
    assert "SECRET" not in out and ":class:" not in out and ":label:" not in out
    assert "$$\nx^2\n$$" in out


def test_a_citation_link_becomes_the_decks_citation_as_the_role_does():
    """Chapters cite with the link form (course_tools.conventions, "Citations"); a deck made from the source
    (when the book's executed copy is missing) shows it as it shows the role."""
    role = myst_to_markdown("Tolerance {cite}`goodnow2005tolerance,sakaguchi2008treg`.")
    link = myst_to_markdown(
        "Tolerance [[Goodnow *et al.*, 2005, Sakaguchi *et al.*, 2008](#cite-goodnow2005tolerance,sakaguchi2008treg)]."
    )
    assert link == role and "(Goodnow et al. 2005; Sakaguchi et al. 2008)" in link


def test_build_without_a_book_says_what_to_run(tmp_path, capsys):
    assert build_slides.main(["--html-dir", str(tmp_path / "html")]) == 2
    err = capsys.readouterr().err
    assert "the book is not built" in err and "make book" in err


# ------------------------------------------------------------------ the built decks
@pytest.fixture(scope="session")
def built_decks(built_book) -> Path:
    """The `built_book` fixture (conftest) builds the decks as `make book` does (their build time is
    `make bench`'s: course_tools/bench_slides.py)."""
    return built_book


@pytest.fixture(scope="session")
def deck_server(built_decks):
    from course_tools.testing.browser_support import serve

    with serve(built_decks) as url:
        yield url


@pytest.mark.parametrize("doc", CHAPTERS)
def test_every_chapter_has_an_offline_deck_with_speaker_notes(built_decks, doc):
    deck = built_decks / deck_path(doc)
    assert deck.exists(), f"no deck for {doc}"
    html = deck.read_text(encoding="utf-8")
    nb = source_nb(doc)
    assert html.count('<aside class="notes">') == notes_count(nb) >= 2
    for tag in re.findall(r"<(?:script|link)[^>]+(?:src|href)=\"[^\"]+\"", html):
        assert not CDN.search(tag) and "://" not in tag, f"{deck.name} loads {tag}"
    assert "import mermaid" not in html and "unpkg" not in html and "jsdelivr" not in html
    for url in build_slides.ASSETS.values():  # every asset it names exists in the built book
        assert url in html
        target = (deck.parent / url).resolve()
        assert target.exists() or (target / "dist" / "reveal.js").exists(), url
    assert f'href="../{doc}.html"' in html, "the deck links back to its chapter page"
    assert "application/vnd.jupyter.widget-state+json" in html, "widget state is embedded"
    assert "{cite}" not in html and "{term}" not in html and ":::" not in html
    shown_code = [
        c
        for c in nb.cells
        if c.cell_type == "code" and not set(c.metadata.get("tags", [])) & {"hide-input", "remove-input", "remove-cell"}
    ]
    assert html.count('class="jp-CodeMirrorEditor') == len(shown_code), "hide-input cells must not show their code"


@pytest.mark.parametrize("doc", CHAPTERS)
def test_every_chapter_page_links_to_its_deck(built_decks, doc):
    page = (built_decks / f"{doc}.html").read_text(encoding="utf-8")
    assert f'href="../{deck_path(doc)}"' in page


def open_deck(page, url):
    """Open a deck and wait until reveal.js shows its first slide (how fast: course_tools/bench_slides.py) and
    deck_fit.js has fitted every slide (it moves content between slides, and returns to the slide it started on)."""
    page.goto(url, wait_until="commit")
    page.wait_for_function(bench_slides.READY, timeout=30_000)
    page.wait_for_load_state("networkidle")
    page.wait_for_function(FITTED, timeout=30_000)


@pytest.mark.browser
@pytest.mark.parametrize("doc", CHAPTERS)
def test_deck_starts_offline_navigates_by_keyboard_and_its_widget_answers_a_click(offline_page, deck_server, doc):
    """A presenter's first minute with a deck, in one opening of it (a deck costs seconds of CPU to open and fit):
    it starts on the first slide, the arrow keys move it, and a widget on a slide answers a click with no kernel."""
    page = offline_page
    open_deck(page, deck_server + deck_path(doc))
    # deck_fit.js splits a slide that does not fit into vertical slides: the chapter's horizontal slides stay as
    # the notebook has them, and every slide and subslide of the notebook is still there
    nb = source_nb(doc)
    horizontal = sum(build_slides.slide_type(c) == "slide" for c in nb.cells)
    assert page.evaluate("Reveal.getHorizontalSlides().length") == horizontal
    assert page.evaluate("Reveal.getTotalSlides()") >= expected_slides(nb)
    assert page.evaluate("Reveal.getIndices()")["h"] == 0
    page.locator(".reveal").click(position={"x": 5, "y": 400})  # focus the deck, as a presenter would
    page.keyboard.press("ArrowRight")
    page.wait_for_function("Reveal.getIndices().h === 1", timeout=5_000)
    page.keyboard.press("ArrowLeft")
    page.wait_for_function("Reveal.getIndices().h === 0", timeout=5_000)

    widget = page.locator(".course-widget:has(.course-choices input)").first
    widget.locator(".course-choices input").first.wait_for(state="attached", timeout=15_000)
    # Go to the slide holding the widget, as a presenter would, then choose an option that is not chosen.
    page.evaluate("""() => { const w = document.querySelector('.course-widget .course-choices input');
                             const i = Reveal.getIndices(w.closest('section')); Reveal.slide(i.h, i.v); }""")
    page.wait_for_timeout(900)  # the slide transition
    before = widget.inner_text()
    widget.locator(".course-choices input:not(:checked)").last.check()
    page.wait_for_function("([el, t]) => el.innerText !== t", arg=[widget.element_handle(), before], timeout=5_000)
    assert widget.inner_text() != before
    assert not page.guard.external, f"requests left 127.0.0.1: {page.guard.external}"
    assert not page.guard.unexpected_errors(), page.guard.unexpected_errors()


# A deck with selects (the walkthrough, the timeline, the ordering task) and radio groups (the grading explorer).
KEYS_DECK = "chapters/06_car_t"


@pytest.mark.browser
def test_deck_leaves_the_arrow_keys_to_a_focused_select_radio_group_or_scroll_panel(offline_page, deck_server):
    """reveal.js asks deck_fit.js's courseDeckTakesKey: ArrowRight moves the deck from a plain widget root (the
    positive control) and not from a focused select, radio or scroll panel. Each negative press is
    followed by the positive one on the same slide; keys are handled in order, so once the deck has moved one
    slide, a move on the first press would already show as two."""
    page = offline_page
    open_deck(page, deck_server + deck_path(KEYS_DECK))
    page.evaluate("Reveal.configure({transition: 'none'})")
    keeps = [
        ".course-widget select",
        '.course-widget input[type="radio"]',
        f".{DECK_SCROLL_CLASS}",
    ]
    scroll_panels = page.evaluate(f"document.querySelectorAll('.reveal .{DECK_SCROLL_CLASS}').length")
    if not scroll_panels:  # this deck fits without one: make one where deck_fit.js would, on a widget's panel
        page.evaluate(
            f"""() => {{ const p = document.querySelector('.reveal .{DECK_PANEL_CLASS}');
                p.classList.add('{DECK_SCROLL_CLASS}'); p.tabIndex = 0; }}"""
        )
    for selector in keeps:
        h, v = page.evaluate(
            """(sel) => { const el = [...document.querySelectorAll('.reveal ' + sel)]
                  .find(e => e.closest('section').querySelectorAll('.course-widget').length);
                const i = Reveal.getIndices(el.closest('section')); Reveal.slide(i.h, i.v);
                const root = el.closest('section').querySelector('.course-widget');
                root.tabIndex = -1; window.__keyTarget = el; window.__plainRoot = root;
                return [i.h, i.v]; }""",
            selector,
        )
        page.wait_for_function(f"Reveal.getIndices().h === {h} && Reveal.getIndices().v === {v}", timeout=5_000)
        page.evaluate("window.__keyTarget.focus()")
        assert page.evaluate("window.__keyTarget.contains(document.activeElement)"), selector
        page.keyboard.press("ArrowRight")
        page.evaluate("window.__plainRoot.focus()")
        page.keyboard.press("ArrowRight")
        page.wait_for_function(f"Reveal.getIndices().h !== {h}", timeout=5_000)
        assert page.evaluate("Reveal.getIndices().h") == h + 1, f"the deck took ArrowRight from {selector}"
    assert not page.guard.external and not page.guard.unexpected_errors()


# ------------------------------------------------------------------ presentation size
def test_presentation_css_is_scoped_to_course_widgets():
    rules = [r for r in PRESENTATION_CSS.split("}") if r.strip()]
    assert rules
    for rule in rules:
        for selector in rule.split("{")[0].split(","):
            assert selector.strip().startswith(".course-widget"), selector
    assert f"{PRESENTATION_FONT_PX}px" in PRESENTATION_CSS and PRESENTATION_FONT_PX >= 20


def test_presentation_mode_is_one_call_that_displays_the_style(monkeypatch):
    shown = []
    monkeypatch.setattr("widgets.views.presentation.display", shown.append)
    assert widgets.presentation_mode() is None
    assert len(shown) == 1 and shown[0].data == presentation_style()
    assert PRESENTATION_CSS in shown[0].data and shown[0].data.startswith("<style")


def _button_size(page):
    return page.evaluate("""() => { const b = [...document.querySelectorAll('.course-widget .widget-radio-box label')]
        .find(x => x.offsetParent !== null); const s = getComputedStyle(b);
        const scale = window.Reveal ? Reveal.getScale() : 1;
        return [parseFloat(s.fontSize), b.getBoundingClientRect().height / scale]; }""")


@pytest.mark.browser
def test_decks_use_presentation_size_and_a_notebook_page_can_switch_it_on(offline_page, deck_server):
    page = offline_page
    page.goto(deck_server + "chapters/01_autoimmunity.html", wait_until="load")
    page.locator(".course-widget .course-choices input").first.wait_for(state="visible", timeout=15_000)
    normal_font, normal_height = _button_size(page)
    page.add_style_tag(content=PRESENTATION_CSS)  # what widgets.presentation_mode() displays
    big_font, big_height = _button_size(page)
    assert normal_font < PRESENTATION_FONT_PX == big_font and big_height >= PRESENTATION_CHOICE_PX
    open_deck(page, deck_server + deck_path("chapters/01_autoimmunity"))
    page.locator(".course-widget .course-choices input").first.wait_for(state="attached", timeout=15_000)
    page.evaluate("""() => { const i = Reveal.getIndices(document.querySelector('.course-widget').closest('section'));
                             Reveal.slide(i.h, i.v); }""")
    page.wait_for_timeout(900)
    deck_font, _ = _button_size(page)
    assert deck_font == PRESENTATION_FONT_PX
    print(
        f"widget radio option: book {normal_font:.0f}px, presentation {big_font:.0f}px; "
        f"height {normal_height:.0f}px -> {big_height:.0f}px"
    )


# ------------------------------------------------------------------ lecturer guide
def test_guide_covers_every_chapter_in_the_data_with_answer_keys():
    text = guide_markdown()
    for q in load_questions():
        assert " ".join(q.options[q.answer_index].text.split()) in text, q.id
    guide = yaml.safe_load((ROOT / "data" / "lecturer_guide.yaml").read_text())["records"]
    for r in guide:
        assert r["title"] in text and f"{{doc}}`/{r['chapter']}`" in text
        assert deck_path(r["chapter"]) in text
    assert text.count("### Answer key: knowledge check") == len({q.chapter for q in load_questions()})


def test_a_new_chapter_appears_in_the_guide_without_code_changes(course_content):
    tmp_path = course_content.root / "data"  # a copy of the real data, in use by the loader for this test
    kc = yaml.safe_load((tmp_path / "knowledge_checks.yaml").read_text())
    kc["records"] = [r for r in kc["records"] if r["chapter"] == "autoimmunity"]  # start from one chapter
    objectives = yaml.safe_load((tmp_path / "objectives.yaml").read_text())["records"]
    safety_objective = next(r for r in objectives if r["id"] == "safety")["objectives"][0]["id"]
    new_q = dict(
        kc["records"][0], id="safety-q1", chapter="safety", prompt="A new question?", objectives=[safety_objective]
    )
    kc["records"].append(new_q)
    (tmp_path / "knowledge_checks.yaml").write_text(yaml.safe_dump(kc, sort_keys=False))
    lg = yaml.safe_load((tmp_path / "lecturer_guide.yaml").read_text())
    lg["records"] = [r for r in lg["records"] if r["id"] == "autoimmunity"]
    lg["records"].insert(
        0,
        dict(
            lg["records"][0], id="safety", chapter="chapters/09_safety", title="Safety, challenges and what comes next"
        ),
    )
    (tmp_path / "lecturer_guide.yaml").write_text(yaml.safe_dump(lg, sort_keys=False))
    entries = load_guide()
    assert [e.slug for e in entries] == ["autoimmunity", "safety"]  # chapter order, not file order
    text = guide_markdown(entries)
    assert "## 9. Safety, challenges and what comes next" in text and "A new question?" in text


def test_guide_neutralises_html_from_data(tmp_path):
    from widgets.models.lecturer_guide import ChapterGuide

    text = guide_markdown(
        [
            ChapterGuide(
                slug="x", chapter="chapters/09_x", title="T <script>alert(1)</script>", exercise_key="<b>key</b>"
            )
        ]
    )
    assert "<script>" not in text and "<b>" not in text and "&lt;script>" in text


def test_guide_is_listed_after_the_bibliography():
    files = toc_docs()
    assert files.index("chapters/lecturer_guide") == files.index("chapters/bibliography") + 1


def test_built_guide_page_has_every_chapter_and_session_advice(built_decks):
    page = (built_decks / "chapters" / "lecturer_guide.html").read_text(encoding="utf-8")
    for doc in CHAPTERS:
        assert f'href="../{deck_path(doc)}"' in page, doc
        assert (built_decks / deck_path(doc)).exists()
    for phrase in (
        "Binder",
        "Presentation Mode",
        "When the network fails",
        "50 minutes",
        "90 minutes",
        "Answer key: knowledge check",
        "Answer key: exercise",
    ):
        assert phrase in page, phrase
    assert "mybinder.org/v2/gh/OWNER/REPO" in page  # the pattern, never an invented repository


@pytest.mark.parametrize("doc", CHAPTERS)
def test_speaker_notes_are_labelled_lecturer_notes_in_the_book(doc):
    """In the book a notes cell is a collapsed "Lecturer note"; in the deck it is plain speaker-notes text."""
    nb = source_nb(doc)
    notes = [c for c in nb.cells if build_slides.slide_type(c) == "notes"]
    assert notes
    for cell in notes:
        assert build_slides.LECTURER_NOTE.match(cell.source.strip()), f"{doc}: notes cell not a Lecturer note"
        assert "Lecturer note" not in build_slides.lecturer_note_text(cell.source)
