"""One visit per built page, for each way a learner sees it, shared by the browser tests that only look at a page.

A widget chapter page used to be opened nine times, once per check; now it is opened three times, once per pass,
and every read-only probe runs in that one visit (issue 9: `make test` is CPU-bound on two cores):

- "light": 1300 px wide, light mode, every built page, decks included: the offline guard's findings for the page;
  axe, the headings and the colour audit (tests/test_accessibility.py); on widget pages, the truncation probe
  (tests/test_widget_layout.py) and what a screen reader is told of each control (tests/test_screen_reader.py); on
  book pages, the icons a reader sees (tests/test_light_pages.py);
- "dark": 1300 px, dark mode, every page but the decks (a deck has one look, reveal.js's, and no dark mode): the
  guard, axe, the headings and the colour audit;
- "phone": 390 px, light mode, book pages: whether the page scrolls sideways, and on widget pages the truncation,
  too-wide and diagram-text probes (tests/test_widget_layout.py).

Tests that click or type (the keyboard walk, a knowledge check) still open their own pages. `FILES` are the test
files that read the visits; conftest's xdist scheduler sends them to one worker together, so the visits are made
once per run, and a collection check fails a file that uses the fixture without being listed.
"""

from __future__ import annotations

import pytest

from course_tools import icons as course_icons
from course_tools.conventions import is_deck
from course_tools.testing.browser_support import OfflineGuard
from course_tools.testing.page_audit import AXE_JS, HEADINGS_JS, built_pages, has_widgets, open_and_wait
from course_tools.testing.widget_layout import (
    PAGE_SCROLLS_SIDEWAYS_JS,
    SMALL_SVG_TEXT_JS,
    TOO_WIDE_JS,
    TRUNCATED_JS,
    is_book_page,
)
from widgets.views.common import MIN_DIAGRAM_TEXT_PX

FILES = (
    "tests/test_accessibility.py",
    "tests/test_browser.py",
    "tests/test_light_pages.py",
    "tests/test_screen_reader.py",
    "tests/test_widget_layout.py",
)
XDIST_SCOPE = "page visits"


def xdist_scope(file_scope: str) -> str:
    """The unit of work xdist gives to one worker (conftest.pytest_xdist_make_scheduler): a test file, except that
    FILES are one unit together."""
    return XDIST_SCOPE if file_scope in FILES else file_scope


LAPTOP, PHONE, HEIGHT = 1300, 390, 900


# ---- the probes ---------------------------------------------------------------------------------------------

AUDIT_JS = """() => {
  const roots = [...document.querySelectorAll('.course-widget')];
  const meaning = '[class*=feedback],[class*=verdict],[class*=legend],[class*=status],[class*=badge],[class*=grade]';
  const silent = roots.flatMap(r => [...r.querySelectorAll(meaning)])
    .filter(e => !(e.textContent.trim() || e.getAttribute('aria-label')))
    .map(e => e.outerHTML.slice(0, 160));
  // inline SVGs in widgets using two or more fill colours must label their marks with text or patterns
  const colourOnlySvgs = roots.flatMap(r => [...r.querySelectorAll('svg')]).filter(svg => {
    const fills = new Set([...svg.querySelectorAll('rect,circle,path,polygon,ellipse')]
      .map(e => (e.getAttribute('fill') || '').toLowerCase()).filter(f => f && f !== 'none'));
    return fills.size > 1 && !svg.querySelector('text, pattern');
  }).map(s => (s.getAttribute('aria-label') || s.outerHTML).slice(0, 160));
  // a chosen radio option must differ from the others by more than its circle's colour
  const toggles = roots.flatMap(r => [...r.querySelectorAll('.widget-radio-box')]).map(group => {
    const on = [...group.querySelectorAll('label')].find(l => l.querySelector('input:checked'));
    const off = [...group.querySelectorAll('label')].find(l => !l.querySelector('input:checked'));
    if (!on || !off) return null;
    const s = getComputedStyle(on), t = getComputedStyle(off);
    const props = ['fontWeight', 'boxShadow', 'textDecorationLine', 'borderTopWidth', 'borderBottomWidth',
                   'outlineStyle'];
    return props.some(p => s[p] !== t[p]) ? null : on.textContent.trim();
  }).filter(x => x !== null);
  return {silent, colourOnlySvgs, toggles, roots: roots.length};
}"""


# The theme's own markup: header, sidebars, article header buttons, footer, search dialog, and reveal.js's
# controls in a deck. Everything else on a page (the article, a deck's slides, the widgets, the page as a whole)
# is the course's own, and no finding there may be allowlisted.
THEME_REGIONS = (
    ".bd-header, .bd-sidebar-primary, .bd-sidebar-secondary, .bd-header-article, .bd-footer, "
    ".bd-footer-article, .bd-footer-content, #pst-search-dialog, .reveal > .controls, "
    ".reveal > .progress, .reveal > .slide-number"
)
OWNER_JS = """([violations, theme]) => violations.map(v => v.nodes.map(n => {
  const t = n.target;
  const el = (t.length === 1 && typeof t[0] === 'string') ? document.querySelector(t[0]) : null;
  return el !== null && el.closest(theme) !== null ? 'theme' : 'course';
}))"""


# Every control the page shows inside a course widget, as the DOM has it (a deck hides all slides but the current
# one from a screen reader with aria-hidden; those are left out).
CONTROLS_JS = """() => [...document.querySelectorAll(
  '.course-widget input, .course-widget select, .course-widget button, .course-widget [role=slider]')]
  .filter(e => e.getClientRects().length && !e.closest('[aria-hidden=true]'))
  .map(e => ({tag: e.tagName, type: e.type || '', checked: !!e.checked}))"""


# What a hover tooltip or a screen reader's description would read as "null" or "undefined": a title the page
# shows on a visible element of a widget (ipywidgets 8 copies a model's unset tooltip into its label's title).
EMPTY_TITLES_JS = """() => [...document.querySelectorAll('.course-widget [title]')]
  .filter(e => e.getClientRects().length && ['null', 'undefined'].includes(e.title.trim()))
  .map(e => (e.textContent || e.tagName).trim().slice(0, 40))"""

# Every radio group the page shows in a course widget: its role, the names its options share, the text its
# aria-labelledby points at, and the description the learner sees beside it.
GROUPS_JS = """() => [...document.querySelectorAll('.course-widget .widget-radio-box')]
  .filter(g => g.getClientRects().length && !g.closest('[aria-hidden=true]'))
  .map(g => {
    const label = document.getElementById(g.getAttribute('aria-labelledby') || '');
    const shown = g.parentElement.querySelector(':scope > .widget-label');
    return {role: g.getAttribute('role'),
            names: [...new Set([...g.querySelectorAll('input[type=radio]')].map(r => r.name))],
            label: label ? label.textContent.trim() : '',
            shown: shown && shown.getClientRects().length ? shown.textContent.trim() : ''};
  })"""


def _inside_widgets(node: dict, inside: bool = False, found: set | None = None) -> set[int]:
    """The backend ids of every DOM node in or on a `.course-widget` element (as `el.closest('.course-widget')`),
    from one DOM.getDocument tree: one call per page instead of two per control."""
    found = set() if found is None else found
    attrs = node.get("attributes", [])
    classes = dict(zip(attrs[::2], attrs[1::2], strict=True)).get("class", "").split()
    inside = inside or "course-widget" in classes
    if inside:
        found.add(node["backendNodeId"])
    for child in node.get("children", []):
        _inside_widgets(child, inside, found)
    return found


def ax_controls(page) -> list[dict]:
    """The AX tree's radios, lists, buttons and sliders inside course widgets: role, name, and the states."""
    cdp = page.context.new_cdp_session(page)
    in_widgets = _inside_widgets(cdp.send("DOM.getDocument", {"depth": -1})["root"])
    found = []
    for node in cdp.send("Accessibility.getFullAXTree")["nodes"]:
        role = node.get("role", {}).get("value")
        if node.get("ignored") or role not in ("radio", "combobox", "button", "slider", "togglebutton"):
            continue
        backend = node.get("backendDOMNodeId")
        if backend is None or backend not in in_widgets:
            continue
        props = {p["name"]: p["value"].get("value") for p in node.get("properties", [])}
        found.append(
            {
                "role": role,
                "name": (node.get("name") or {}).get("value", ""),
                "checked": props.get("checked"),
                "pressed": props.get("pressed"),
                "backend": backend,
            }
        )
    cdp.detach()
    return found


ICON_GLYPHS_JS = """(family) => {
  const out = [];
  for (const el of document.querySelectorAll('*')) {
    for (const pseudo of [null, '::before', '::after']) {
      const s = getComputedStyle(el, pseudo);
      if (!s.fontFamily.includes(family) || s.fontWeight !== '900') continue;
      let text = pseudo ? s.content : [...el.childNodes].filter(n => n.nodeType === 3).map(n => n.data).join('');
      if (!text || text === 'none' || text === 'normal') continue;
      for (const ch of text.replace(/^"|"$/g, '')) {
        const cp = ch.codePointAt(0);
        if (cp >= 0xe000 && cp < 0xf900) out.push([cp, (el.getAttribute('class') || el.tagName) + (pseudo || '')]);
      }
    }
  }
  return out;
}"""


def _axe(page, axe: str) -> list[dict]:
    """axe-core's violations, each node marked as the theme's or the course's own markup."""
    page.add_script_tag(content=axe)
    violations = page.evaluate("async () => (await axe.run(document, {resultTypes: ['violations']})).violations")
    for v, owners in zip(violations, page.evaluate(OWNER_JS, [violations, THEME_REGIONS]), strict=True):
        for node, owner in zip(v["nodes"], owners, strict=True):
            node["owner"] = owner
    return violations


def _visit(page, url: str, rel: str, html: str, pass_name: str, axe: str) -> dict:
    open_and_wait(page, url)
    widgets = has_widgets(html)
    found: dict = {}
    if pass_name == "phone":
        found["sideways"] = page.evaluate(PAGE_SCROLLS_SIDEWAYS_JS)
        if widgets:
            found["truncated"] = page.evaluate(TRUNCATED_JS)
            found["too_wide"] = page.evaluate(TOO_WIDE_JS)
            found["small_text"] = page.evaluate(SMALL_SVG_TEXT_JS, MIN_DIAGRAM_TEXT_PX)
        return found
    found["theme"] = page.evaluate("document.documentElement.dataset.theme")
    if pass_name == "light" and widgets:
        found["truncated"] = page.evaluate(TRUNCATED_JS)
        found["controls"] = page.evaluate(CONTROLS_JS)
        found["empty_titles"] = page.evaluate(EMPTY_TITLES_JS)
        found["groups"] = page.evaluate(GROUPS_JS)
        found["ax"] = ax_controls(page)
    if pass_name == "light" and is_book_page(rel):
        found["icons"] = page.evaluate(ICON_GLYPHS_JS, course_icons.FAMILY)
    found["headings"] = page.evaluate(HEADINGS_JS)
    found.update(page.evaluate(AUDIT_JS))
    found["axe"] = _axe(page, axe)  # last: it adds axe's script to the page
    return found


# pass -> (width, colour scheme, which pages)
PASSES = {
    "light": (LAPTOP, "light", lambda rel: True),
    "dark": (LAPTOP, "dark", lambda rel: not is_deck(rel)),
    "phone": (PHONE, "light", is_book_page),
}


def visit_all(browser, book_server: str, built_book) -> dict:
    """{pass: {page: what its probes found, "guard": the guard's findings on it}, "_fonts": font files loaded}."""
    axe = AXE_JS.read_text(encoding="utf-8")
    visits: dict = {"_fonts": []}
    fonts: set[str] = set()
    for pass_name, (width, mode, wanted) in PASSES.items():
        context = browser.new_context(viewport={"width": width, "height": HEIGHT}, color_scheme=mode)
        # The theme's stored choice makes the mode certain ("auto" would follow prefers-color-scheme); the
        # context's first about:blank has no storage, so the script must not throw there.
        context.add_init_script(
            f"if (location.protocol.startsWith('http')) {{ localStorage.setItem('mode', '{mode}');"
            f" localStorage.setItem('theme', '{mode}'); }}"
        )
        guard = OfflineGuard(context)
        page = context.new_page()  # watched by the guard, as every page of its context
        page.on("requestfinished", lambda r: fonts.add(r.url.split("?")[0]) if r.resource_type == "font" else None)
        visits[pass_name] = {}
        for rel in built_pages(built_book):
            if not wanted(rel):
                continue
            html = (built_book / rel).read_text(encoding="utf-8")
            marks = guard.mark()
            found = _visit(page, book_server + rel, rel, html, pass_name, axe)
            found["guard"] = guard.problems(since=marks)
            visits[pass_name][rel] = found
        context.close()
    visits["_fonts"] = sorted(fonts)
    return visits


@pytest.fixture(scope="session")
def page_visits(browser, book_server, built_book) -> dict:
    return visit_all(browser, book_server, built_book)
