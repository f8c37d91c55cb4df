"""The course's shared conventions, defined once: the tools, the Sphinx extension and the tests import them.

- Paths: the checkout's root, the build folder, the built book, the vendored assets.
- What a chapter is: a page of `_toc.yml` named `chapters/NN_name` whose notebook exists.
- The toc: every page of `_toc.yml`, in book order (one reading, for the build tool, the decks and the tests).
- Where a chapter's slide deck lives in the built book, and the vendored scripts both the pages and decks load.
- Citations, as chapters write them: the `{cite}` role and the Markdown-link form that reads the same in JupyterLab.
- The page and time budgets: `make bench` reports against them; one of them (the page HTML) is also gated in the
  tests, because it is cheap to check. Tests never assert a time.

Standard library only, so that `make vendor` can run it with the system Python before the venv exists.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

# The checkout this package is installed from (editable, `-e .` in requirements.txt).
ROOT = Path(__file__).resolve().parent.parent
BUILD = ROOT / "_build"
HTML = BUILD / "html"  # `make book` writes the book here
VENDOR = ROOT / ".vendor"  # `make vendor` (course_tools.vendor_js); VENDOR/static is added to the book's static path
# Written by tests/conftest.py at the end of every pytest run; read by `make bench`.
SUITE_TIME_FILE = BUILD / "test-suite-time.json"
FAST_TIME_FILE = BUILD / "test-fast-time.json"  # `make test-fast`
PACKAGE = Path(__file__).resolve().parent  # static files and templates ship inside the package

# The vendored scripts, as the book's pages and the decks name them under _static/ (one copy for both).
# The widget renderer is built by course_tools.vendor_js from course_tools/widget_bundle/.
WIDGET_BUNDLE = "vendor/course-widgets/course-widgets.js"
# MathJax 3 from its components: TeX input, HTML output, and hidden MathML that screen readers read. The combined
# tex-mml-chtml.js adds a context menu and a speech engine, as heavy as the rest together (issue 9, light pages).
MATHJAX = "vendor/mathjax/es5/startup.js"
MATHJAX_COMPONENTS = ["input/tex", "output/chtml", "a11y/assistive-mml"]

CHAPTER_DOC = re.compile(r"^chapters/\d\d_[A-Za-z0-9_-]+$")
# Chapter notebooks on disk (chapters/NN_name.ipynb); for a chapter *in the book* use `chapter_notebooks()`.
CHAPTER_GLOB = "[0-9][0-9]_*.ipynb"

# Citations. The book cites with the MyST role {cite}`key1,key2` (group "role_keys"), which sphinxcontrib-bibtex
# renders as "[June and Sadelain, 2018]". JupyterLab (jupyterlab-myst 2.6.0) has no bibliography and shows the key
# instead (jupyter-book/jupyterlab-myst#127), so chapter Markdown cells cite with a Markdown link whose text is the
# book's label and whose target names the keys: [[June and Sadelain, 2018](#cite-june2018car)], and for several keys
# one link, [[A, 2019, B, 2020](#cite-a2019x,b2020y)] (groups "label" and "link_keys"). course_tools.sphinx_ext turns
# the link back into the role before MyST parses (`links_to_roles`), so the book is built from the role as before;
# course_tools.citations writes and checks the labels. The role stays where JupyterLab never shows the text: figure
# captions in code-cell metadata (jupyter-cache hashes code cells with their metadata, so rewriting a caption would
# re-execute the chapter) and the Markdown pages, which only the book renders.
CITE_PREFIX = "cite-"
CITE_ROLE = re.compile(r"\{cite(?::[a-z]+)?\}`(?P<role_keys>[^`]+)`")
CITE_LINK = re.compile(r"\[\[(?P<label>[^\[\]\n]+)\]\(#" + CITE_PREFIX + r"(?P<link_keys>[^()\s]+)\)\]")
# Either form: what every check that reads citations matches.
CITE = re.compile(f"{CITE_ROLE.pattern}|{CITE_LINK.pattern}")


def split_keys(keys: str) -> list[str]:
    """The keys of a role's or a link's comma-separated key list, in the order written."""
    return [key.strip() for key in keys.split(",") if key.strip()]


def cite_link(keys: list[str], label: str) -> str:
    """The link form of one citation: `label` is the book's text for it, without the brackets."""
    link = f"[[{label}](#{CITE_PREFIX}{','.join(keys)})]"
    if not keys or CITE_LINK.fullmatch(link) is None:
        raise ValueError(f"cannot write a citation link for {keys!r} with label {label!r}")
    return link


def cite_role(keys: list[str]) -> str:
    return "{cite}`" + ",".join(keys) + "`"


def links_to_roles(text: str) -> str:
    """Every citation link in `text` as the role the book builds from (the label is the book's to compute)."""
    return CITE_LINK.sub(lambda m: cite_role(split_keys(m.group("link_keys"))), text)


def citation_keys(match: re.Match) -> list[str]:
    """The keys of one match of CITE (either form)."""
    return split_keys(match.group("role_keys") or match.group("link_keys"))


def cited_keys(text: str) -> set[str]:
    """Every reference key cited in `text`, with the role or the link form."""
    return {key for m in CITE.finditer(text) for key in citation_keys(m)}


def toc_docs(root: Path = ROOT) -> list[str]:
    """Every page of `_toc.yml` (root, parts, chapters, sections), in book order, without file extension."""
    import yaml  # not at the top: `make vendor` imports this module before the venv exists

    toc = yaml.safe_load((root / "_toc.yml").read_text(encoding="utf-8"))
    docs = [toc["root"]]

    def walk(entries):
        for e in entries or []:
            if "file" in e:
                docs.append(e["file"])
            walk(e.get("sections"))

    for part in toc.get("parts", []):
        walk(part.get("chapters"))
    walk(toc.get("chapters"))
    return docs


def toc_notebooks(root: Path = ROOT) -> list[Path]:
    """Every page of `_toc.yml` that is a notebook, in book order."""
    return [root / f"{d}.ipynb" for d in toc_docs(root) if (root / f"{d}.ipynb").exists()]


def is_chapter(docname: str) -> bool:
    return bool(CHAPTER_DOC.match(docname))


def chapter_notebooks(root: Path = ROOT) -> list[str]:
    """Every chapter notebook in _toc.yml (`chapters/NN_name.ipynb`), in book order, as docnames."""
    return [d for d in toc_docs(root) if is_chapter(d) and (root / f"{d}.ipynb").exists()]


# The book's build flags (the Makefile's BUILD_FLAGS say the same for `make book`): warnings are errors, nitpicky
# references, and every warning reported before failing.
BOOK_BUILD_FLAGS = ("-W", "-n", "--keep-going")


def book_build_cmd(path_output: Path) -> list[str]:
    """The clean build as `make book` runs it (course_tools.build_book), written to `path_output`."""
    return [
        sys.executable,
        "-m",
        "course_tools.build_book",
        *BOOK_BUILD_FLAGS,
        "--path-output",
        str(path_output),
        str(ROOT),
    ]


DECKS_DIR = "slides/"  # the decks' folder in the built book


def is_deck(rel: str) -> bool:
    """Whether a built file (a path relative to the book's root) is a chapter's deck, or part of one."""
    return rel.startswith(DECKS_DIR)


def html_budget(rel: str) -> float:
    """The HTML budget of a built file: decks have their own."""
    return BUDGET["deck_html_bytes"] if is_deck(rel) else BUDGET["page_html_bytes"]


def deck_path(docname: str) -> str:
    """Where a chapter's deck lives, relative to the built book's root."""
    return f"{DECKS_DIR}{docname.rsplit('/', 1)[-1]}.slides.html"


# Budgets (issues 2, 3, 6 and 9). Issue 2's 60 s clean build was for the first, one-chapter book.
BUDGET = {
    "clean_build_s": 120.0,
    "build_floor_ratio": 1.6,  # issue 9: clean build at most 1.6 times the 2-way parallel nbclient floor
    "rebuild_s": 10.0,
    "page_html_bytes": 1.5e6,  # every built page, widget state included (also gated in tests/test_bench.py)
    # A deck is a file a lecturer opens from disk, not a page fetched on a slow connection; it carries its chapter's
    # widget state and its figures. Chapter 6's deck reached 1.67 MB once assessment and figures landed.
    "deck_html_bytes": 2.0e6,
    "suite_s": 4 * 60.0,  # issue 9: `make test` on 2 cores
    "fast_tier_s": 60.0,  # issue 9: `make test-fast`
    "notebook_exec_s": 120.0,  # the execution timeout in _config.yml
    # First load in a cold browser, gzip bytes (course_tools.bench_pages).
    "text_page_bytes": 400e3,
    "widget_page_bytes": 1.0e6,
    "first_widget_s": 1.0,  # median over the widget pages
    # Slide decks (course_tools.bench_slides).
    "slides_build_s": 60.0,
    "first_slide_s": 3.0,
    # Chapter 6, CAR T (course_tools.bench_cart; issue 3).
    "cart_build_s": 1.0,
    "cart_page_bytes": 1.5e6,
    "cart_ready_s": 3.0,
    "cart_interaction_ms": 100.0,
}
