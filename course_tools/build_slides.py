"""Build one offline reveal.js deck per chapter notebook into the built book: `<html>/slides/<stem>.slides.html`.

Usage: python -m course_tools.build_slides [--html-dir _build/html]   (run after the book build; `make slides`)

Why from the executed notebooks: the book build leaves them in `<html>/../jupyter_execute/` with the widget
state stored, so the decks' widgets work with no kernel and nothing is executed twice. Every asset is the
book's own `_static/vendor/` copy (ARCHITECTURE.md, "Offline assets"): reveal.js, the course's widget renderer (no
require.js or jQuery: the deck template loads reveal.js as a plain script), and MathJax 3 on decks that have maths.

Chapter Markdown is MyST; the deck renderer (mistune) knows plain Markdown only, so `myst_to_markdown` turns
roles into text, citations into author-year labels, admonitions into boxes, and drops solutions.
"""

from __future__ import annotations

import argparse
import copy
import re
import sys
import time
from pathlib import Path

import nbformat

from course_tools.conventions import (
    HTML,
    MATHJAX,
    MATHJAX_COMPONENTS,
    PACKAGE,
    ROOT,
    WIDGET_BUNDLE,
    chapter_notebooks,
    deck_path,
    links_to_roles,
)

TEMPLATES = PACKAGE / "slides_templates"
DECK_FIT_JS = TEMPLATES / "course_reveal" / "deck_fit.js"  # splits what does not fit into vertical slides
# The tag of the caption cell the deck adds under a figure (deck_fit.js spells its class, "celltag_" + tag).
FIGURE_CAPTION_TAG = "course-figure-caption"
VENDOR = "../_static/vendor"  # decks live in <html>/slides/, next to <html>/_static/
ASSETS = {  # what every deck loads
    "reveal_url_prefix": f"{VENDOR}/reveal.js",
    "widget_renderer_url": f"../_static/{WIDGET_BUNDLE}",
}
MATHJAX_URL = f"../_static/{MATHJAX}"  # only decks with maths (`has_maths`) load it, as the book's pages do
REQUIRED_FILES = [
    "_static/widgets-offline-config.js",
    "_static/course-widget-layout.css",
    "_static/vendor/reveal.js/dist/reveal.js",
    "_static/vendor/reveal.js/plugin/notes/notes.js",
    f"_static/{WIDGET_BUNDLE}",
    f"_static/{MATHJAX}",
]
# Maths in a deck's Markdown (dollarmath, \(...\), \[...\], {math}); with it, or a widget that typesets (HTMLMath),
# the deck loads MathJax.
MATHS = re.compile(r"\$[^$\n]+\$|\\\(|\\\[|\{math\}")
HIDE_INPUT = {"hide-input", "remove-input"}
SLIDE_STARTS = {"slide", "subslide"}


class SlidesError(RuntimeError):
    """The book is not built, or a deck cannot be made; the message says what to run."""


# ---------------------------------------------------------------- MyST -> plain Markdown
_ROLE = re.compile(r"\{([a-z:-]+)\}`([^`]*)`")
_FENCE = re.compile(r"^(?P<fence>`{3,}|:{3,})\{(?P<name>[a-z0-9_:-]+)\}\s*(?P<arg>.*)$")
_BOX_TITLES = {
    "note": "Note",
    "tip": "Tip",
    "warning": "Warning",
    "important": "Important",
    "hint": "Hint",
    "caution": "Caution",
    "attention": "Attention",
    "seealso": "See also",
    "danger": "Danger",
    "error": "Error",
    "exercise": "Exercise",
}
_DROP = {"solution", "glossary-hidden", "bibliography", "tableofcontents", "toctree"}


def _citation(keys: str) -> str:
    from widgets.data import short_citation

    labels = []
    for key in (k.strip() for k in keys.split(",")):
        try:
            labels.append(short_citation(key)["label"])
        except KeyError:
            labels.append(key)  # the book build's -n gate reports unknown keys; the deck must not crash
    return f'<span class="course-citation">({"; ".join(labels)})</span>'


def _role(match: re.Match) -> str:
    name, text = match.group(1), match.group(2)
    if name.startswith("cite"):
        return _citation(text)
    if name == "math":
        return f"${text}$"
    if name == "numref":  # the deck shows the figure on the next slide, unnumbered
        return "the figure"
    shown = re.match(r"^(.*?)\s*<[^>]+>$", text, re.S)  # {term}`text <Target>` shows text
    return shown.group(1) if shown else text


def _inline(text: str) -> str:
    return _ROLE.sub(_role, text)


def myst_to_markdown(source: str) -> str:
    """MyST Markdown -> Markdown the deck renderer understands (see the module docstring)."""
    # A chapter's citation links (course_tools.conventions, "Citations") become roles, as in the book's copy.
    lines = links_to_roles(source).splitlines()
    out: list[str] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        if re.match(r"^\([\w:-]+\)=\s*$", line):  # target label
            i += 1
            continue
        if line.startswith("%"):
            i += 1  # MyST comment
            continue
        m = _FENCE.match(line)
        if not m:
            out.append(_inline(line))
            i += 1
            continue
        fence, name, arg = m.group("fence"), m.group("name"), m.group("arg").strip()
        body, depth, i = [], 0, i + 1
        while i < len(lines):  # the body ends at a closing fence of the same kind and length
            inner = _FENCE.match(lines[i])
            if inner and inner.group("fence") == fence:
                depth += 1
            elif lines[i].strip() == fence:
                if depth == 0:
                    break
                depth -= 1
            body.append(lines[i])
            i += 1
        i += 1
        options = {}
        while body and re.match(r"^:[\w-]+:", body[0]):
            key, _, value = body.pop(0)[1:].partition(":")
            options[key] = value.strip()
        if name in _DROP or name.startswith("solution"):
            continue
        content = myst_to_markdown("\n".join(body))
        if name in ("math",):
            out += ["$$", content, "$$"]
        elif name in ("code-block", "code", "code-cell"):
            out += [f"```{arg}", "\n".join(body), "```"]
        elif name == "admonition" or name in _BOX_TITLES:
            title = _inline(arg) if name == "admonition" and arg else _BOX_TITLES.get(name, "Note")
            if name == "exercise" and arg:
                title = f"Exercise: {_inline(arg)}"
            css = "course-box-warning" if "warning" in options.get("class", "") or name == "warning" else ""
            out += [f'<blockquote class="course-box {css}">', "", f"**{title}**", "", content, "", "</blockquote>"]
        else:  # figure, glossary, margin, ...: keep the content, drop the directive
            out.append(content)
    return "\n".join(out)


# ---------------------------------------------------------------- the notebook as the deck sees it
def slide_type(cell) -> str:
    return cell.get("metadata", {}).get("slideshow", {}).get("slide_type", "-")


LECTURER_NOTE = re.compile(r"^:::\{admonition\} Lecturer note\n(?::class:[^\n]*\n)?(?P<body>.*?)\n:::\s*$", re.S)


def lecturer_note_text(source: str) -> str:
    """Speaker-notes cells are written as a collapsed "Lecturer note" admonition, so that readers of the book
    see a labelled dropdown rather than a stray instruction; in the deck the note is plain text."""
    m = LECTURER_NOTE.match(source.strip())
    return m.group("body").strip() if m else source


def prepare(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """Apply the book's cell tags (remove-cell, hide/remove-input, remove-output) and convert MyST."""
    nb = copy.deepcopy(nb)
    cells = []
    for cell in nb.cells:
        tags = set(cell.get("metadata", {}).get("tags", []))
        if "remove-cell" in tags:
            continue
        if cell.cell_type == "markdown":
            if slide_type(cell) == "notes":
                cell.source = lecturer_note_text(cell.source)
            cell.source = myst_to_markdown(cell.source)
        elif cell.cell_type == "code":
            if tags & HIDE_INPUT:
                cell.metadata["transient"] = {"remove_source": True}
            if "remove-output" in tags:
                cell.outputs = []
            for output in cell.get("outputs", []):  # a MyST box from the package, e.g. the learning objectives
                if "text/markdown" in output.get("data", {}):
                    output["data"]["text/markdown"] = myst_to_markdown(output["data"]["text/markdown"])
        cells.append(cell)
        caption = cell.get("metadata", {}).get("mystnb", {}).get("figure", {}).get("caption")
        if cell.cell_type == "code" and caption:  # the book shows it under the figure; so does the deck
            cells.append(
                nbformat.v4.new_markdown_cell(
                    f"*{myst_to_markdown(caption)}*",
                    # the tag becomes the class celltag_<tag>: deck_fit.js keeps a caption on its figure's slide
                    metadata={"slideshow": {"slide_type": "-"}, "tags": [FIGURE_CAPTION_TAG]},
                )
            )
    nb.cells = cells
    return nb


def expected_slides(nb: nbformat.NotebookNode) -> int:
    """How many slides reveal.js will count (`Reveal.getTotalSlides()`): one per slide or subslide start;
    the first visible cell always starts a slide."""
    visible = [c for c in nb.cells if "remove-cell" not in c.get("metadata", {}).get("tags", [])]
    count, first = 0, True
    for cell in visible:
        kind = slide_type(cell)
        if kind in ("notes", "skip"):
            continue
        if first or kind in SLIDE_STARTS:
            count += 1
        first = False
    return count


def notes_count(nb: nbformat.NotebookNode) -> int:
    return sum(slide_type(c) == "notes" for c in nb.cells)


# ---------------------------------------------------------------- build
def exporter():
    from nbconvert import SlidesExporter
    from traitlets.config import Config

    c = Config()
    c.SlidesExporter.template_name = "course_reveal"
    c.SlidesExporter.extra_template_basedirs = [str(TEMPLATES)]
    c.SlidesExporter.reveal_url_prefix = ASSETS["reveal_url_prefix"]
    c.SlidesExporter.reveal_theme = "white"
    c.SlidesExporter.reveal_width = "1280"
    c.SlidesExporter.reveal_height = "720"  # a 16:9 projector; deck_fit.js makes every slide fit it
    c.SlidesExporter.exclude_input_prompt = True
    c.SlidesExporter.exclude_output_prompt = True
    c.SlidesExporter.widget_renderer_url = ASSETS["widget_renderer_url"]
    c.SlidesExporter.mathjax_url = MATHJAX_URL
    return SlidesExporter(config=c)


def check_book(html_dir: Path) -> Path:
    missing = [f for f in REQUIRED_FILES if not (html_dir / f).exists()]
    if missing:
        raise SlidesError(
            f"the book is not built in {html_dir} (missing {', '.join(missing)}): run `make book` "
            f"(or jupyter-book build) first, and `make vendor` if the vendor files are missing"
        )
    return html_dir.parent / "jupyter_execute"


WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"


def has_widget_state(nb: nbformat.NotebookNode) -> bool:
    """True when the notebook's outputs are there and every widget they show has its state stored."""
    code = [c for c in nb.cells if c.cell_type == "code" and c.source.strip()]
    if code and not any(c.get("outputs") for c in code):
        return False
    shown = {
        o["data"][WIDGET_VIEW]["model_id"]
        for c in code
        for o in c.get("outputs", [])
        if WIDGET_VIEW in o.get("data", {})
    }
    state = nb.metadata.get("widgets", {}).get("application/vnd.jupyter.widget-state+json", {}).get("state", {})
    return shown <= set(state)


def executed_notebook(doc: str, executed: Path, root: Path = ROOT) -> nbformat.NotebookNode:
    """The book's executed copy when it is complete; otherwise run the notebook here, storing widget state.

    myst-nb writes its copy without outputs when it takes a notebook from the execution cache (an incremental
    build), so the copy is checked rather than trusted."""
    copy_path = executed / f"{doc}.ipynb"
    if copy_path.exists():
        nb = nbformat.read(copy_path, as_version=4)
        if has_widget_state(nb):
            return nb
    from nbclient import NotebookClient

    source = root / f"{doc}.ipynb"
    print(
        f"build_slides: executing {doc}.ipynb (the book's executed copy is missing or has no outputs)", file=sys.stderr
    )
    nb = nbformat.read(source, as_version=4)
    NotebookClient(
        nb,
        timeout=120,
        kernel_name="python3",
        store_widget_state=True,
        resources={"metadata": {"path": str(source.parent)}},
    ).execute()
    if not has_widget_state(nb):
        raise SlidesError(f"{doc}.ipynb ran, but its widget state is incomplete: check that ipywidgets is installed")
    return nb


def has_maths(nb: nbformat.NotebookNode) -> bool:
    text = "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")
    return bool(MATHS.search(text)) or "HTMLMathModel" in str(nb.metadata.get("widgets", ""))


def build_deck(doc: str, executed: Path, html_dir: Path, exp=None) -> Path:
    from widgets.views.lecturer_guide import handout_file
    from widgets.views.presentation import PRESENTATION_CSS

    nb = executed_notebook(doc, executed)
    exp = exp or exporter()
    stem = Path(doc).name
    resources = {
        "metadata": {"name": stem},
        "course": {
            "chapter_url": f"../{doc}.html",
            "worksheet_url": f"../{handout_file(doc, 'worksheet')}",  # course_tools/build_handouts.py writes it
            "widgets_config_url": "../_static/widgets-offline-config.js",
            "widget_layout_css_url": "../_static/course-widget-layout.css",
            "favicon_url": "../_static/favicon.svg",  # the book's (_config.yml html.favicon), copied by Sphinx
            "presentation_css": PRESENTATION_CSS,
            "deck_fit_js": DECK_FIT_JS.read_text(encoding="utf-8"),
            "has_maths": has_maths(nb),
            "mathjax_components": MATHJAX_COMPONENTS,
        },
    }
    body, _ = exp.from_notebook_node(prepare(nb), resources=resources)
    out = html_dir / deck_path(doc)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(body, encoding="utf-8")
    return out


def build_all(html_dir: Path, root: Path = ROOT) -> list[Path]:
    executed = check_book(html_dir)
    docs = chapter_notebooks(root)
    if not docs:
        raise SlidesError("no chapter notebooks (chapters/NN_name.ipynb) listed in _toc.yml")
    exp = exporter()
    return [build_deck(doc, executed, html_dir, exp) for doc in docs]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--html-dir", type=Path, default=HTML, help="the built book's HTML folder (default: _build/html)"
    )
    args = parser.parse_args(argv)
    t0 = time.perf_counter()
    try:
        decks = build_all(args.html_dir.resolve())
    except SlidesError as exc:
        print(f"build_slides: error: {exc}", file=sys.stderr)
        return 2
    for d in decks:
        print(
            f"build_slides: {d.relative_to(args.html_dir.resolve().parent.parent)} ({d.stat().st_size / 1024:.0f} kB)"
        )
    print(f"build_slides: {len(decks)} deck(s) in {time.perf_counter() - t0:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
