"""The book's Sphinx extension (`course_tools.sphinx_ext`, listed in _config.yml): offline widget JavaScript,
light pages, repository-dependent launch buttons, a link from every chapter page to its slide deck (built by
course_tools.build_slides), citations written as links turned back into the `{cite}` role (`citation_roles`), and
small accessibility and link-safety fixes applied to every page (see
`fix_page_html` and `visit_hidden_input`).

Why an extension and not `_config.yml`: listing the vendor folder in `html_static_path` from `_config.yml`
makes Jupyter Book 1 inject every `.js` file in it into every page, in random order. Here the folder is
added after Jupyter Book has read its config, and only the widget scripts are named, in order; myst-nb adds
them to the pages that carry widget state, and no other.

Light pages (issue 9): the widget bundle is the course's own renderer (course_tools/widget_bundle/), which needs no
require.js and holds only the controls the course uses; MathJax loads
only on a page whose own content has maths (`drop_unused_mathjax`); the theme's fontawesome.js, a second copy of
the icons its CSS already draws with the Font Awesome webfont, is left out (course_tools/templates/).
"""

from __future__ import annotations

import json
import os
import re
import subprocess
from html import escape
from pathlib import Path

from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.util import logging

from course_tools.conventions import (
    CITE_PREFIX,
    MATHJAX,
    MATHJAX_COMPONENTS,
    PACKAGE,
    ROOT,
    VENDOR,
    WIDGET_BUNDLE,
    deck_path,
    is_chapter,
    links_to_roles,
)

logger = logging.getLogger(__name__)

STATIC = VENDOR / "static"
WIDGET_SCRIPTS = {
    # Forwards the widget labels' MathJax 2 calls to MathJax 3; loaded before the bundle.
    "widgets-offline-config.js": {},
    # With no kernel: the knowledge checks' running score, and predictions opening their explanation
    # (course_tools/static/course-assessment.js). Deferred and before the bundle, so its observer watches the
    # widgets being drawn (the bundle draws as soon as it runs).
    "course-assessment.js": {"defer": "defer"},
    # Deferred: the page is parsed while the bundle downloads and compiles; it draws the widgets once the page
    # is parsed. (Parser-blocking, html-manager's embed.js also left Playwright's "networkidle" unreached on
    # about one load in four.)
    WIDGET_BUNDLE: {"defer": "defer"},
}
TEMPLATES = PACKAGE / "templates"


def use_local_assets(app: Sphinx, config: Config) -> None:
    if not (STATIC / WIDGET_BUNDLE).exists():
        # Fallback keeps a book buildable on a machine without npm; the reader then needs a network.
        logger.warning(
            "course_assets: local widget JavaScript not found in %s; falling back to the CDN defaults, so "
            "widgets will not render offline. Run `make vendor` (python -m course_tools.vendor_js).",
            STATIC,
            type="course",
            subtype="assets",
        )
        return
    config.html_static_path = [*config.html_static_path, str(STATIC)]
    config.nb_ipywidgets_js = dict(WIDGET_SCRIPTS)
    config.mathjax_path = MATHJAX
    mathjax3 = dict(config.mathjax3_config or {})
    mathjax3["loader"] = {**mathjax3.get("loader", {}), "load": list(MATHJAX_COMPONENTS)}
    config.mathjax3_config = mathjax3


def page_has_maths(app: Sphinx, pagename: str, context: dict) -> bool:
    """Maths in the page itself. Sphinx also counts the pages a toctree includes, so the intro page, whose toctree
    holds chapter 2, would load MathJax for nothing. A widget that typesets (HTMLMath) needs MathJax too."""
    if app.env.get_domain("math").data["has_equations"].get(pagename, False):
        return True
    return any("HTMLMathModel" in (js.attributes.get("body") or "") for js in context.get("script_files", []))


def drop_unused_mathjax(app: Sphinx, pagename: str, templatename: str, context: dict, doctree) -> None:
    """Runs after sphinx.ext.mathjax has added MathJax (priority 500) to a page; takes it out if the page has none."""
    scripts = context.get("script_files")
    if scripts is None or page_has_maths(app, pagename, context):
        return
    # The builder prefixes local paths with _static/ (sphinx.builders.html.add_js_file).
    path = app.config.mathjax_path
    names = {path, f"_static/{path}"}
    mathjax = [
        js
        for js in scripts
        if str(js.filename) in names or (js.attributes.get("body") or "").startswith("window.MathJax =")
    ]
    for js in mathjax:
        scripts.remove(js)  # Sphinx restores the page-independent list after each page


def visit_hidden_input(self, node) -> None:
    """myst-nb's hide-input toggle, with its visible text as its accessible name.

    myst-nb writes `<summary aria-label="Toggle hidden content">` around the visible text "Show code cell source";
    a name that does not contain the visible text fails WCAG 2.5.3 (axe: label-content-name-mismatch), and a
    speech-input user saying "Show code cell source" would not find the control. Without the aria-label the
    summary is named by the text it shows ("Show ..." when closed, "Hide ..." when open)."""
    self.body.append(f'<details class="admonition hide {" ".join(node["classes"])}">\n')
    self.body.append("<summary>\n")
    self.body.append(f'<p class="collapsed admonition-title">{escape(node["prompt_show"])}</p>\n')
    self.body.append(f'<p class="expanded admonition-title">{escape(node["prompt_hide"])}</p>\n')
    self.body.append("</summary>\n")


def repository_url() -> str | None:
    """The repository this book is built from: COURSE_REPOSITORY_URL, else the git remote `origin`."""
    url = os.environ.get("COURSE_REPOSITORY_URL", "").strip()
    if not url:
        res = subprocess.run(["git", "-C", str(ROOT), "remote", "get-url", "origin"], capture_output=True, text=True)
        url = res.stdout.strip() if res.returncode == 0 else ""
    if url.startswith("git@github.com:"):
        url = "https://github.com/" + url.split(":", 1)[1]
    url = url.removesuffix(".git")
    return url if url.startswith("https://github.com/") else None


def repository_branch() -> str:
    """The branch launch buttons and the chapters' setup cell point at (course_tools/bootstrap_cell.py)."""
    return os.environ.get("COURSE_REPOSITORY_BRANCH", "").strip() or "main"


def set_launch_buttons(app: Sphinx, config: Config) -> None:
    options = dict(config.html_theme_options or {})
    url = repository_url()
    if url is None:
        options["launch_buttons"] = {}
        logger.info(
            "course_assets: launch buttons omitted: the repository URL is unknown. Set "
            "COURSE_REPOSITORY_URL=https://github.com/OWNER/REPO (or a GitHub `origin` remote) and rebuild."
        )
    else:
        launch = {
            "notebook_interface": "jupyterlab",
            "binderhub_url": "https://mybinder.org",
            "colab_url": "https://colab.research.google.com",
        }
        hub = os.environ.get("COURSE_JUPYTERHUB_URL", "").strip()
        if hub:
            launch["jupyterhub_url"] = hub
        else:
            logger.info("course_assets: JupyterHub launch button omitted: set COURSE_JUPYTERHUB_URL to your hub.")
        options.update(
            repository_url=url, use_repository_button=True, launch_buttons=launch, repository_branch=repository_branch()
        )
        logger.info("course_assets: launch buttons point at %s", url)
    config.html_theme_options = options


def link_to_deck(app: Sphinx, pagename: str, templatename: str, context: dict, doctree) -> None:
    """Put links to the chapter's slide deck and its printable handouts (course_tools/build_handouts.py) at the top of
    every chapter notebook page, present and future."""
    if doctree is None or not is_chapter(pagename) or "body" not in context:
        return
    if not str(app.env.doc2path(pagename, False)).endswith(".ipynb"):
        return
    from widgets.views.lecturer_guide import handout_file

    href = context["pathto"](deck_path(pagename), 1)
    sheet, key = (context["pathto"](handout_file(pagename, kind), 1) for kind in ("worksheet", "key"))
    context["body"] = (
        '<p class="course-deck-link"><a class="reference external" href="' + href + '">'
        "Open this chapter as a slide deck</a> (works offline, with live widgets; press S for speaker notes)</p>"
        '<p class="course-handout-links">Print: <a class="reference external" href="' + sheet + '">worksheet '
        '(PDF)</a>, <a class="reference external" href="' + key + '">answer key (PDF)</a></p>' + context["body"]
    )


def add_course_static(app: Sphinx, config: Config) -> None:
    """course_tools/static holds the course's own CSS (needed with or without the vendored JavaScript);
    course_tools/templates holds the theme templates the book changes (the icon script left out, the search
    button named by its text)."""
    config.html_static_path = [*config.html_static_path, str(PACKAGE / "static")]
    # First, so that it wins over pydata-sphinx-theme's components folder, which the theme adds to this path.
    config.templates_path = [str(TEMPLATES), *config.templates_path]


_EXTERNAL_A = re.compile(r'<a\b[^>]*\bhref="(?:https?:)?//[^"]*"[^>]*>', re.IGNORECASE)
_REL = re.compile(r'\brel="([^"]*)"', re.IGNORECASE)


def _noopener(tag: str) -> str:
    rel = _REL.search(tag)
    if rel is None:
        return tag[:-1] + ' rel="noopener">'
    words = rel.group(1).split()
    if "noopener" in words:
        return tag
    return tag[: rel.start()] + f'rel="{" ".join([*words, "noopener"])}"' + tag[rel.end() :]


def fix_page_html(html: str) -> str:
    """Fixes applied to every page's body:
    - every external link gets rel="noopener", so an opened page cannot reach back through window.opener;
    - docutils marks bibliography entries role="doc-biblioentry" (deprecated in ARIA 1.2) inside a
      role="list", which axe reports as a critical aria-required-children violation: they become listitems.
    """
    html = _EXTERNAL_A.sub(lambda m: _noopener(m.group(0)), html)
    return html.replace('role="doc-biblioentry"', 'role="listitem"')


def cut_icon_font(app: Sphinx, exception) -> None:
    if exception is not None or app.builder.format != "html":
        return
    from course_tools.icons import write_icon_subset

    kept = write_icon_subset(Path(app.outdir))
    if kept is None:
        logger.warning(
            "course_assets: the theme's Font Awesome font was not found; pages load the full icon font",
            type="course",
            subtype="assets",
        )
    else:
        logger.info("course_assets: icon font cut to %d glyphs (%d bytes)", *kept)


def write_root_redirect(app: Sphinx, exception) -> None:
    """The site's index.html, which sends a visitor to the first chapter. sphinx-external-toc writes a bare
    `<meta http-equiv="Refresh">` there when none exists; that page has no icon, so Chromium asks for /favicon.ico and
    logs a 404 console error on the first page a visitor opens. Written first (priority 400), so sphinx-external-toc
    leaves it alone."""
    if exception is not None or app.builder.name != "html" or app.config.root_doc == "index":
        return
    first = f"{app.config.root_doc}.html"
    icon = f'<link rel="icon" href="_static/{Path(app.config.html_favicon).name}">' if app.config.html_favicon else ""
    title = escape(app.config.html_title or app.config.project)
    Path(app.outdir, "index.html").write_text(
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f'<meta http-equiv="Refresh" content="0; url={first}"><title>{title}</title>{icon}</head>'
        f'<body><p><a href="{first}">{title}</a></p></body></html>\n',
        encoding="utf-8",
    )


def fix_page(app: Sphinx, pagename: str, templatename: str, context: dict, doctree) -> None:
    if isinstance(context.get("body"), str):
        context["body"] = fix_page_html(context["body"])


def citation_roles(app: Sphinx, docname: str, source: list[str]) -> None:
    """Chapters cite with a Markdown link that JupyterLab shows as the book's label (course_tools.conventions,
    "Citations"); before MyST parses a page, each link becomes the {cite} role again, so sphinxcontrib-bibtex renders
    the citation and lists the source, as it did when the chapters wrote the role. In a notebook only Markdown cells
    change: jupyter-cache hashes the code cells, so the execution cache still matches."""
    text = source[0]
    if CITE_PREFIX not in text:
        return
    if not str(app.env.doc2path(docname)).endswith(".ipynb"):
        source[0] = links_to_roles(text)
        return
    nb = json.loads(text)
    for cell in nb["cells"]:
        if cell["cell_type"] == "markdown":
            old = "".join(cell["source"])
            new = links_to_roles(old)
            if new != old:
                cell["source"] = new
    source[0] = json.dumps(nb, ensure_ascii=False)


def setup(app: Sphinx) -> dict:
    from myst_nb.sphinx_ import HideCodeCellNode, depart_HideCellInput

    import course_tools.citation_style  # noqa: F401  (registers _config.yml's bibtex_reference_style)

    app.connect("source-read", citation_roles)
    app.add_node(HideCodeCellNode, override=True, html=(visit_hidden_input, depart_HideCellInput))
    app.connect("html-page-context", drop_unused_mathjax, priority=600)
    app.connect("html-page-context", link_to_deck)
    app.connect("config-inited", add_course_static, priority=900)
    app.connect("config-inited", use_local_assets, priority=900)
    app.connect("html-page-context", fix_page)
    # Visible keyboard focus and other small fixes on top of the theme (course_tools/static/course-a11y.css).
    app.add_css_file("course-a11y.css")
    # Widgets readable at every width, nothing truncated (course_tools/static/course-widget-layout.css).
    app.add_css_file("course-widget-layout.css")
    # Written after the build by course_tools.icons: the theme's icon font, cut to the icons the book uses.
    app.add_css_file("course-icons.css")
    app.connect("build-finished", cut_icon_font)
    app.connect("build-finished", write_root_redirect, priority=400)
    app.connect("config-inited", set_launch_buttons, priority=900)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
