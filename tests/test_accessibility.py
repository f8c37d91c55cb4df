"""Accessibility gates on every built page (iterated from the build output, so new chapters are covered):
axe-core in Chromium (critical, serious and moderate findings), alt text, headings in order, keyboard operation
of every widget, and colour never the only carrier of meaning. Accepted theme findings live in
tests/a11y_allowlist.py, nowhere else, and never cover the course's own content."""

from __future__ import annotations

import itertools
import re
from html.parser import HTMLParser
from pathlib import PurePosixPath

import pytest
from a11y_allowlist import AXE_ALLOWED, GATED_IMPACTS, entry_for
from test_book import toc_files

from course_tools.conventions import CHAPTER_DOC, ROOT, is_deck
from course_tools.testing.browser_support import OfflineGuard, assert_clean
from course_tools.testing.page_audit import (
    AXE_JS,
    built_pages,
    has_widgets,
    open_and_wait,
    parse,
    widget_html_fragments,
)
from widgets.figures.style import CREATOR as FIGURE_CREATOR

FILE_NAME = re.compile(
    r"^\S+\.(png|jpe?g|gif|svg|webp|pdf|bmp|tiff?)$|_build/|jupyter_execute|^image$|^figure$"
    r"|^output_\d",
    re.I,
)


def _text_problem(label: str | None, src: str | None = None) -> str | None:
    text = (label or "").strip()
    if not text:
        return "no alt text"
    if FILE_NAME.search(text) or (src and PurePosixPath(src.split("?")[0]).name in text):
        return f"alt text is a file name: {text!r}"
    return None


def alt_problems(html: str) -> list[str]:
    """Images, figures and inline SVGs (theme icons marked aria-hidden excepted) that lack real alt text."""
    doc = parse(html)
    problems = []
    for tag, a in doc.tags:
        if tag == "img" and a.get("aria-hidden") != "true" and a.get("role") not in ("presentation", "none"):
            p = _text_problem(a.get("alt"), a.get("src"))
            if p:
                problems.append(f"<img src={a.get('src')!r}>: {p}")
    for svg in doc.svgs:
        a = svg["attrs"]
        if a.get("aria-hidden") == "true":
            continue
        label = a.get("aria-label") or svg["text"]
        if a.get("role") != "img" and not a.get("aria-labelledby"):
            problems.append(f'inline <svg> without role="img" (label {label!r})')
        elif not a.get("aria-labelledby"):
            p = _text_problem(label)
            if p:
                problems.append(f"inline <svg>: {p}")
    for fig in doc.figures:
        p = _text_problem(fig["attrs"].get("aria-label") or fig["text"])
        if p:
            problems.append(f"<figure>: {p}")
    return problems


def test_alt_text_checker_catches_file_names_and_missing_labels():
    assert alt_problems('<img src="../_images/plot.png" alt="plot.png">')
    assert alt_problems('<img src="a.png">')
    assert alt_problems('<img src="x/fig1.png" alt="see fig1.png">')
    assert alt_problems('<svg viewBox="0 0 1 1"><rect/></svg>')
    assert alt_problems('<svg role="img" aria-label="chart.svg"></svg>')
    assert alt_problems('<figure><img src="a.png" alt="a.png"></figure>')
    assert not alt_problems('<img src="../_images/plot.png" alt="Bar chart of response rates by drug">')
    assert not alt_problems('<svg role="img"><title>Timeline of CAR T manufacturing steps</title></svg>')
    assert not alt_problems('<svg aria-hidden="true"><path/></svg>')


def test_every_image_figure_and_svg_has_alt_text(built_book):
    problems = []
    pages = built_pages(built_book)
    assert len(pages) >= len(toc_files())
    for rel in pages:
        html = (built_book / rel).read_text(encoding="utf-8")
        for p in alt_problems(html):
            problems.append(f"{rel}: {p}")
        for frag in widget_html_fragments(html):
            for p in alt_problems(frag):
                problems.append(f"{rel} (widget): {p}")
    assert not problems, "\n".join(problems)


class _Figures(HTMLParser):
    """Every <figure> of a page: its id, its images (src, alt) and its caption text; and every numref link."""

    def __init__(self):
        super().__init__()
        self.figures: list[dict] = []
        self.numrefs: set[str] = set()
        self._fig: dict | None = None
        self._depth = 0
        self._in_caption = False
        self._href: str | None = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "figure":
            if self._fig is None:
                self._fig, self._depth = {"id": a.get("id", ""), "imgs": [], "caption": ""}, 0
            self._depth += 1
        elif self._fig is not None and tag == "img":
            self._fig["imgs"].append((a.get("src", ""), a.get("alt", "")))
        elif self._fig is not None and tag == "figcaption":
            self._in_caption = True
        elif tag == "a":
            self._href = a.get("href")
        if tag == "span" and "std-numref" in (a.get("class") or "").split() and self._href:
            self.numrefs.add(self._href)  # Sphinx writes {numref} as <a href="#id"><span class="std-numref">

    def handle_endtag(self, tag):
        if tag == "figcaption":
            self._in_caption = False
        elif tag == "figure" and self._fig is not None:
            self._depth -= 1
            if not self._depth:
                self.figures.append(self._fig)
                self._fig = None
        elif tag == "a":
            self._href = None

    def handle_data(self, data):
        if self._in_caption and self._fig is not None:
            self._fig["caption"] += data


def figure_problems(html: str, read_image=lambda src: "") -> tuple[list[str], int]:
    """Problems of the figures on one page (alt text of 20 words or more that is not a file name, a caption, a
    {numref} reference from the prose), and how many of them the course package drew."""
    parser = _Figures()
    parser.feed(html)
    problems, ours = [], 0
    for fig in parser.figures:
        name = fig["id"] or "(no id)"
        if not fig["caption"].strip():
            problems.append(f"figure {name}: no caption")
        if fig["id"] and f"#{fig['id']}" not in parser.numrefs:
            problems.append(f"figure {name}: no {{numref}} reference to it in the prose")
        for src, alt in fig["imgs"]:
            p = _text_problem(alt, src)
            if p or len(alt.split()) < 20:
                problems.append(f"figure {name}: {p or f'alt text of {len(alt.split())} words (20 or more)'}")
            ours += FIGURE_CREATOR in read_image(src)
    return problems, ours


def test_figure_checker_catches_short_alt_missing_caption_and_reference():
    alt = " ".join(["word"] * 20)
    good = (
        f'<p>See <a class="reference internal" href="#fig-a"><span class="std std-numref">Fig. 1</span></a>.</p>'
        f'<figure id="fig-a"><img src="../_images/x.svg" alt="{alt}"><figcaption><p>A caption</p></figcaption>'
        f"</figure>"
    )
    assert figure_problems(good, lambda src: FIGURE_CREATOR) == ([], 1)
    assert figure_problems(good.replace(alt, "An IgG"))[0]
    assert figure_problems(good.replace("A caption", ""))[0]
    assert figure_problems(good.replace('href="#fig-a"', 'href="#fig-b"'))[0]


def test_every_chapter_has_a_package_figure_with_alt_text_caption_and_reference(built_book):
    """Generic over _toc.yml: a chapter listed there without a figure drawn by widgets.figures fails."""
    problems, without = [], []
    chapters = [f for f in toc_files() if CHAPTER_DOC.match(f)]
    assert len(chapters) >= 10
    for doc in chapters:
        page = built_book / f"{doc}.html"
        html = page.read_text(encoding="utf-8")

        def read_image(src: str, page=page) -> str:
            path = (page.parent / src.split("?")[0]).resolve()
            return path.read_text(encoding="utf-8", errors="replace") if path.suffix == ".svg" else ""

        found, ours = figure_problems(html, read_image)
        problems += [f"{doc}: {p}" for p in found]
        if not ours:
            without.append(doc)
    assert not without, f"chapters with no figure drawn by widgets.figures: {without}"
    assert not problems, "\n".join(problems)


# ---- one visit per built page (tests/page_visits.py): axe, headings, colour --------------------------------------


@pytest.fixture(scope="session")
def page_audits(page_visits):
    """{page: its audit} in light mode and {"<page> [dark]": its audit} in dark mode, at 1300 px. (What the offline
    guard found on those visits is judged in tests/test_browser.py.)"""
    wrong = [
        f"{rel}: asked for the {mode} mode, the page shows data-theme={a['theme']!r}"
        for mode in ("light", "dark")
        for rel, a in page_visits[mode].items()
        if not is_deck(rel) and a["theme"] != mode
    ]
    assert not wrong, "\n".join(wrong)
    audits = {**page_visits["light"], **{f"{rel} [dark]": a for rel, a in page_visits["dark"].items()}}
    return audits


def gate(audits) -> tuple[list[str], list[tuple[str, str, str]]]:
    """(failures, allowlist entries that matched nothing). A gated finding fails when it is in the course's own
    content, or in the theme's markup with no allowlist entry."""
    failures, used = [], set()
    for rel, audit in audits.items():
        for v in audit["axe"]:
            if v["impact"] not in GATED_IMPACTS:
                continue
            for node in v["nodes"]:
                entry = entry_for(v["id"], node["html"])
                if node["owner"] == "theme" and entry is not None:
                    used.add(entry)
                    continue
                failures.append(
                    f"{rel}: {v['impact']} {v['id']} ({v['help']}) in the {node['owner']}'s markup "
                    f"at {node['target']}: {node['html'][:160]}"
                )
    return failures, [e for e in AXE_ALLOWED if e not in used]


def _audit(rule, impact, owner, html):
    return {
        "p.html": {
            "axe": [
                {"id": rule, "impact": impact, "help": "h", "nodes": [{"owner": owner, "html": html, "target": ["x"]}]}
            ]
        }
    }


def test_gate_fails_moderate_findings_and_never_excuses_the_course():
    rule, snippet, _ = AXE_ALLOWED[0]
    assert gate(_audit(rule, "moderate", "theme", f"<div>{snippet}</div>")) == ([], [])
    failures, _ = gate(_audit(rule, "moderate", "course", f"<div>{snippet}</div>"))
    assert failures and "course's markup" in failures[0]  # an allowlisted rule in the course's content fails
    assert gate(_audit("heading-order", "moderate", "theme", "<h4>"))[0]  # moderate is gated
    assert gate(_audit("label-content-name-mismatch", "serious", "course", "<summary>"))[0]
    assert not gate(_audit("empty-table-header", "minor", "course", "<th>"))[0]  # minor is reported, not gated
    assert gate({})[1] == AXE_ALLOWED  # an entry that matches nothing is reported as stale


@pytest.mark.browser
def test_axe_finds_no_critical_serious_or_moderate_violations(page_audits):
    failures, stale = gate(page_audits)
    assert not failures, "\n".join(failures)
    assert not stale, f"allowlist entries that match nothing any more, remove them: {stale}"


@pytest.mark.browser
def test_axe_is_really_running(browser):
    """The gate above must be able to fail: the pinned axe-core (package.json) is the one injected, it reports an
    unlabelled button, and it reports the hide-input toggle as myst-nb writes it (a name that does not contain
    the visible text), which axe 4.10 did not."""
    import json

    pinned = json.loads((ROOT / "package.json").read_text())["dependencies"]["axe-core"]
    context = browser.new_context()
    page = context.new_page()
    page.set_content(
        "<html lang='en'><head><title>t</title></head><body><main><button></button>"
        "<details><summary aria-label='Toggle hidden content'><p>Show code cell source</p></summary>"
        "<p>code</p></details></main></body></html>"
    )
    page.add_script_tag(content=AXE_JS.read_text(encoding="utf-8"))
    version = page.evaluate("axe.version")
    ids = page.evaluate("async () => (await axe.run(document)).violations.map(v => v.id)")
    context.close()
    assert version == pinned
    assert "button-name" in ids and "label-content-name-mismatch" in ids


def heading_problems(headings: list) -> list[str]:
    problems = []
    if not headings:
        return ["no headings"]
    if headings[0][0] != 1:
        problems.append(f"first heading is h{headings[0][0]} {headings[0][1]!r}, not h1")
    if sum(1 for level, _ in headings if level == 1) > 1:
        problems.append("more than one h1")
    for (prev, _), (level, text) in itertools.pairwise(headings):
        if level > prev + 1:
            problems.append(f"h{prev} is followed by h{level} {text!r} (skipped a level)")
    return problems


def test_heading_checker_catches_skips():
    assert heading_problems([[1, "a"], [3, "b"]])
    assert heading_problems([[2, "a"]])
    assert not heading_problems([[1, "a"], [2, "b"], [3, "c"], [2, "d"], [3, "e"], [4, "f"]])


@pytest.mark.browser
def test_headings_are_in_order(page_audits):
    failures = [
        f"{rel}: {p}"
        for rel, a in page_audits.items()
        if rel.startswith("chapters/")
        for p in heading_problems(a["headings"])
    ]
    assert not failures, "\n".join(failures)


@pytest.mark.browser
def test_colour_is_never_the_only_carrier_of_meaning(page_audits):
    failures = []
    for rel, a in page_audits.items():
        failures += [f"{rel}: verdict/feedback/legend element with no text: {h}" for h in a["silent"]]
        failures += [f"{rel}: SVG distinguishes marks by colour only: {h}" for h in a["colourOnlySvgs"]]
        failures += [f"{rel}: chosen option {t!r} differs only by its colour" for t in a["toggles"]]
    assert not failures, "\n".join(failures)
    assert sum(a["roots"] for a in page_audits.values()) > 0, "no widgets were audited"


# ---- keyboard ----------------------------------------------------------------------------------------------


def widget_pages(built_book) -> list[str]:
    return [rel for rel in built_pages(built_book) if has_widgets((built_book / rel).read_text(encoding="utf-8"))]


VISIBLE_TEXT_JS = "el => el.innerText"
# Top-level widget roots (a knowledge check's questions are course-widgets inside one).
ROOTS_JS = """() => [...document.querySelectorAll('.course-widget')]
  .filter(r => !r.parentElement.closest('.course-widget')).length"""


# The key a keyboard user presses to operate the focused control, by what the control is (ARIA Authoring
# Practices); None for what no key chooses in (a link, a text box, a scrolling diagram, the option already chosen).
KEY_FOR_CONTROL_JS = """el => {
  const role = el.getAttribute('role'), tag = el.tagName, type = (el.type || '').toLowerCase();
  if (role === 'slider' || type === 'radio' || type === 'range') return 'ArrowRight';
  if (tag === 'SELECT') return 'ArrowDown';
  if (type === 'checkbox') return ' ';
  if (el.classList.contains('mod-active') || el.getAttribute('aria-pressed') === 'true') return null;
  if (tag === 'BUTTON' || role === 'button' || tag === 'SUMMARY') return 'Enter';
  return null;
}"""
# How long a control may take to repaint its widget. The walk polls, so a quick widget costs only its own time;
# under a CI load of 10 a prediction took more than 300 ms.
REPAINT_MS = 3000
# In a deck reveal.js takes the arrow keys and Space on anything that is not a form field and moves to another
# slide; the widget's text then "changes" only because its slide went out of view. That is not operating the
# widget: the walk notices the move and counts it as no change. Transitions are off so that a move is over at
# once (a 0.8 s slide transition used to outlast the wait).
# (slide only: getIndices() also reports the fragment, and only while one exists)
DECK_POSITION_JS = "() => { if (!window.Reveal) return ''; const i = Reveal.getIndices(); return i.h + '/' + i.v; }"
DECK_NO_TRANSITIONS_JS = (
    "() => { if (window.Reveal) Reveal.configure({transition: 'none', backgroundTransition: 'none'}); }"
)
GO_TO_SLIDE_JS = (
    "r => { const s = r.closest('section'); if (window.Reveal && s) { const i = Reveal.getIndices(s); "
    "Reveal.slide(i.h, i.v); } }"
)
TEXT_CHANGED_JS = "([r, before]) => r.innerText !== before"
# One round trip per Tab press (the walk is CPU-bound: each call into the page costs the driver and the page):
# null once the focus has left the widget, else [the key for the focused control, the deck's position]. The
# control is kept on `window` so that the walk can give it the focus back if the deck took its key.
STEP_JS = f"""r => {{ const a = document.activeElement;
  if (!r.contains(a) || r === a) return null;
  window.__courseControl = a;
  return [({KEY_FOR_CONTROL_JS})(a), ({DECK_POSITION_JS})()]; }}"""


# The radio groups a widget shows, and the controls Tab reaches in it, in order (tag, type, group name).
VISIBLE_GROUPS_JS = "r => [...r.querySelectorAll('.widget-radio-box')].filter(g => g.getClientRects().length).length"
FOCUSED_JS = "() => { const a = document.activeElement; return [a.tagName, a.type || '', a.name || '']; }"


@pytest.mark.browser
def test_a_radio_group_is_one_tab_stop(offline_page, book_server):
    """Chapter 4's T-cell widget has five radio groups: Tab stops once in each, as in any radio group, and an
    arrow key chooses within it. (ipywidgets' own radios are one stop per option: 10 there.)"""
    page = offline_page
    open_and_wait(page, f"{book_server}chapters/04_checkpoints.html")
    roots = page.locator(".course-widget:not(.course-widget .course-widget)")
    widgets = [roots.nth(n) for n in range(roots.count()) if roots.nth(n).evaluate(VISIBLE_GROUPS_JS) >= 5]
    assert widgets, "chapter 4 shows no widget with five radio groups (the T-cell widget)"
    widget = widgets[0]
    groups = widget.evaluate(VISIBLE_GROUPS_JS)
    widget.scroll_into_view_if_needed()
    widget.evaluate("r => { r.setAttribute('tabindex', '-1'); r.focus(); }")
    stops = []
    for _ in range(40):
        page.keyboard.press("Tab")
        if not widget.evaluate("r => r.contains(document.activeElement)"):
            break
        stops.append(page.evaluate(FOCUSED_JS))
    radio_stops = [name for tag, kind, name in stops if kind == "radio"]
    assert len(radio_stops) == groups and len(set(radio_stops)) == groups, stops
    # Back to the first group: an arrow key moves the choice to the next option, which the widget draws.
    widget.evaluate("r => r.focus()")
    page.keyboard.press("Tab")
    before = widget.inner_text()
    first = page.evaluate("() => document.activeElement.value")
    page.keyboard.press("ArrowDown")
    page.wait_for_function(TEXT_CHANGED_JS, arg=[widget.element_handle(), before], timeout=REPAINT_MS)
    chosen = page.evaluate(
        "() => [document.activeElement.type, document.activeElement.checked, document.activeElement.value]"
    )
    assert chosen[:2] == ["radio", True] and chosen[2] != first, chosen


@pytest.mark.browser
def test_every_widget_is_operable_with_the_keyboard(browser, book_server, built_book):
    """Tab into each widget, then operate its controls with the key each kind of control takes (Enter on a
    button, an arrow key on a radio group or slider, ArrowDown on a select); the widget's visible text changes
    without the page or deck moving elsewhere."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    pages = widget_pages(built_book)
    assert pages, "no widget pages found"
    failures, done = [], 0
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    guard = OfflineGuard(context)
    page = context.new_page()
    for rel in pages:
        open_and_wait(page, book_server + rel)
        page.evaluate(DECK_NO_TRANSITIONS_JS)
        for n in range(page.evaluate(ROOTS_JS)):
            root = page.locator(".course-widget:not(.course-widget .course-widget)").nth(n)
            if root.locator("button, input, select, [role='slider']").count() == 0:
                continue  # a static view (e.g. the full therapy table): nothing to operate
            widget = root.element_handle()  # resolved once: the walk below calls into it many times
            # In a deck only the slides near the current one are displayed: go to the widget's slide first.
            widget.evaluate(GO_TO_SLIDE_JS)
            widget.scroll_into_view_if_needed()
            # Start the focus just before the widget, then Tab into it, as a keyboard user would arrive.
            widget.evaluate("r => { r.setAttribute('tabindex', '-1'); r.focus(); }")
            before = widget.evaluate(VISIBLE_TEXT_JS)
            changed_by = None
            for _ in range(12):  # the first controls inside the widget
                page.keyboard.press("Tab")
                step = widget.evaluate(STEP_JS)
                if step is None:  # the focus left the widget
                    break
                key, position = step
                if key is None:
                    continue
                page.keyboard.press(key)
                try:
                    page.wait_for_function(TEXT_CHANGED_JS, arg=[widget, before], timeout=REPAINT_MS)
                    changed = True
                except PlaywrightTimeout:
                    changed = False
                if page.evaluate(DECK_POSITION_JS) != position:  # the deck took the key, not the widget
                    widget.evaluate(GO_TO_SLIDE_JS)
                    page.evaluate("() => window.__courseControl.focus()")
                elif changed:
                    changed_by = key
                    break
            done += 1
            if not changed_by:
                failures.append(f"{rel}: widget {n + 1} did not change with Tab and its controls' keys")
    context.close()
    assert done, "no widget roots found"
    assert not failures, "\n".join(failures)
    assert_clean(guard)
