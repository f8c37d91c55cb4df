"""Helpers shared by the quality tests and course_tools/bench.py: the built pages, their widget state, and Chromium
probes (widgets rendered, axe-core, headings). Nothing here hard-codes a page: everything iterates over the
built HTML, so new chapters are covered as they are added."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

from course_tools.conventions import VENDOR

AXE_JS = VENDOR / "test" / "axe-core" / "axe.min.js"
STATE_RE = re.compile(r'<script type="application/vnd.jupyter.widget-state\+json">(.*?)</script>', re.S)
VIEW_MARK = "application/vnd.jupyter.widget-view+json"

# True once every widget view on the page has been rendered by the widget renderer (or at once, with none).
WIDGETS_RENDERED_JS = """() => {
  const views = [...document.querySelectorAll('script[type="application/vnd.jupyter.widget-view+json"]')];
  return views.every(s => s.parentElement.querySelector('.widget-subarea > *'));
}"""

# ---- CDN addresses: defined here once, used by the tests and by `make bench` -------------------------------------
# A CDN address is a host that serves third-party code, styles or fonts to web pages. A built file that names one
# fails, even in a comment or a default config string: the book must not depend on one, and must not look as if it
# might. Hosts match with any subdomain (cdn.jsdelivr.net, fonts.googleapis.com, ...).
CDN_HOSTS = (
    "unpkg.com",  # thebe, npm packages
    "jsdelivr.net",  # npm packages, MathJax, the html-manager's default widget CDN
    "cdnjs.cloudflare.com",  # require.js (myst-nb's default), MathJax 2
    "ajax.cloudflare.com",
    "googleapis.com",  # Google Fonts CSS, hosted libraries
    "gstatic.com",  # Google Fonts files
    "cdn.mathjax.org",
    "bootstrapcdn.com",
    "code.jquery.com",
    "use.fontawesome.com",
    "kit.fontawesome.com",
    "esm.sh",
    "cdn.skypack.dev",
    "cdn.plot.ly",
    "ajax.aspnetcdn.com",
)
CDN = re.compile(
    r"(?<![\w.-])(?:[\w-]+\.)*(?:" + "|".join(re.escape(h) for h in CDN_HOSTS) + r")(?![\w.-]*\w)", re.IGNORECASE
)
# Anything a page would load from another site: <script src>, <link href> (stylesheet, preload, ...), CSS @import.
_OFFSITE_LOAD = re.compile(
    r"<(?:script|link)\b[^>]*?\b(?:src|href)\s*=\s*[\"']?(?:https?:)?//[^\s\"'>]+"
    r"|@import\s+(?:url\()?[\"']?(?:https?:)?//[^\s\"')]+",
    re.IGNORECASE,
)
SCANNED_SUFFIXES = (".html", ".js", ".css")


def cdn_mentions(text: str) -> list[str]:
    """Every CDN address named in `text`, and every load of a script or style from another site."""
    return sorted({m.group(0) for m in CDN.finditer(text)} | {m.group(0) for m in _OFFSITE_LOAD.finditer(text)})


def files_naming_a_cdn(folder: Path) -> dict[str, list[str]]:
    """{relative path: mentions} for every .html, .js and .css file under `folder` that names a CDN."""
    out = {}
    for path in sorted(folder.rglob("*")):
        if path.suffix in SCANNED_SUFFIXES and path.is_file():
            found = cdn_mentions(path.read_text(encoding="utf-8", errors="replace"))
            if found:
                out[path.relative_to(folder).as_posix()] = found
    return out


HEADINGS_JS = """() => [...document.querySelectorAll('article.bd-article :is(h1,h2,h3,h4,h5,h6)')]
  .map(h => [Number(h.tagName[1]), h.textContent.replace('#', '').trim().slice(0, 80)])"""


def built_pages(html_dir: Path) -> list[str]:
    """Every built HTML page (relative paths), theme pages such as search and genindex included."""
    return sorted(
        p.relative_to(html_dir).as_posix()
        for p in html_dir.rglob("*.html")
        if not p.relative_to(html_dir).parts[0].startswith(("_static", "_sources", "_images"))
    )


def widget_state(html: str) -> dict:
    m = STATE_RE.search(html)
    return json.loads(m.group(1))["state"] if m else {}


def widget_state_bytes(html: str) -> int:
    m = STATE_RE.search(html)
    return len(m.group(1).encode()) if m else 0


def widget_html_fragments(html: str) -> list[str]:
    """The HTML strings a page's widgets render (HTML/HTMLMath values, labels that allow HTML)."""
    out = []
    for model in widget_state(html).values():
        st = model.get("state", {})
        if model.get("model_name") in ("HTMLModel", "HTMLMathModel") and isinstance(st.get("value"), str):
            out.append(st["value"])
        if st.get("description_allow_html") and isinstance(st.get("description"), str):
            out.append(st["description"])
    return out


def has_widgets(html: str) -> bool:
    return VIEW_MARK in html


class Elements(HTMLParser):
    """Every start tag as (tag, attrs dict, index); ids and names; text inside <title> of SVGs."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.ids: set[str] = set()
        self._stack: list[list] = []  # open svg/figure elements: [tag, attrs, text-of-title, has-img-alt]
        self.svgs: list[dict] = []
        self.figures: list[dict] = []
        self._in_title = False
        self._in_caption = 0

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.tags.append((tag, a))
        for key in ("id", "name"):
            if a.get(key):
                self.ids.add(a[key])
        if tag == "svg":
            self._stack.append(["svg", a, ""])
        elif tag == "figure":
            self._stack.append(["figure", a, ""])
        elif tag == "title" and self._stack and self._stack[-1][0] == "svg":
            self._in_title = True
        elif tag == "figcaption":
            self._in_caption += 1
        elif tag == "img" and self._stack and self._stack[-1][0] == "figure":
            self._stack[-1][2] += " " + (a.get("alt") or "")

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag in ("svg", "figure"):
            self.handle_endtag(tag)

    def handle_data(self, data):
        if self._in_title or self._in_caption:
            if self._stack:
                self._stack[-1][2] += " " + data

    def handle_endtag(self, tag):
        if tag == "title":
            self._in_title = False
        elif tag == "figcaption":
            self._in_caption = max(0, self._in_caption - 1)
        elif tag in ("svg", "figure") and self._stack and self._stack[-1][0] == tag:
            _, attrs, text = self._stack.pop()
            (self.svgs if tag == "svg" else self.figures).append({"attrs": attrs, "text": text.strip()})


def parse(html: str) -> Elements:
    p = Elements()
    p.feed(html)
    p.close()
    return p


# A deck moves content between slides once its widgets have rendered (deck_fit.js) and says so on <html>; a test
# that reads or operates a deck before then finds widgets on slides they are about to leave. (A poll can run while
# the document is being replaced, with no <html> yet: it then keeps polling.)
FITTED = "(document.documentElement || {dataset: {}}).dataset.deckFitted === 'true'"
# deck_fit.js ends by going back to the slide it started on, and reveal.js then fades the other slides out: until
# those CSS transitions end, a slide the audience no longer sees is drawn half-transparent (axe read its text at 2:1
# contrast). Settled means fitted and no transition running.
DECK_SETTLED_JS = (
    f"() => !window.Reveal || ({FITTED} && !document.getAnimations().some(a => a instanceof CSSTransition))"
)


def open_and_wait(page, url: str, timeout_ms: int = 15_000) -> None:
    page.goto(url, wait_until="load")
    page.wait_for_function(WIDGETS_RENDERED_JS, timeout=timeout_ms)
    page.wait_for_function(DECK_SETTLED_JS, timeout=timeout_ms + 30_000)  # deck_fit.js waits up to 30 s itself
    page.wait_for_load_state("networkidle")
