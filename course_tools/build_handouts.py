"""Printable worksheets and answer keys (issue 15, the HHMI pattern): for every chapter in _toc.yml,
`handouts/<stem>-worksheet.pdf` and `handouts/<stem>-key.pdf` in the built book
(widgets.views.lecturer_guide.handout_file).

Both come from print views: HTML pages written here from the chapter's data (knowledge-check items, decision
cases with their test results, ordering tasks) and its notebook (exercise prompts, solutions and marking
guides), styled for print and printed by headless Chromium with Playwright's `page.pdf` (no TeX; DESIGN point
17). The worksheet never contains a key: no letter marked right, no feedback, no solution
(tests/test_handouts.py reads the PDFs' text to check).

    python -m course_tools.build_handouts --html-dir _build/html      (make book runs it after the decks)
"""

from __future__ import annotations

import argparse
import html
import re
import sys
from dataclasses import dataclass
from pathlib import Path

import nbformat
from markdown_it import MarkdownIt

from course_tools.build_slides import myst_to_markdown
from course_tools.conventions import ROOT, chapter_notebooks
from widgets.models.decisions import chapter_decision_cases
from widgets.models.objectives import load_objectives
from widgets.models.ordering import load_ordering_tasks
from widgets.models.quiz import letter, load_questions
from widgets.text import markdown_inline, markdown_to_html

# Chapter notebooks are the course's own MyST, converted here as for the decks; their raw HTML (boxes) is kept.
_NOTEBOOK_MD = MarkdownIt("commonmark").enable("table")

EXERCISE = re.compile(r"^(?P<fence>:{3,})\{exercise\}[^\n]*\n(?P<body>.*?)^(?P=fence)\s*$", re.M | re.S)
SOLUTION = re.compile(
    r"^(?P<fence>:{3,})\{solution\}\s*(?P<label>[\w-]+)\s*\n(?P<body>.*?)^(?P=fence)\s*$", re.M | re.S
)
LABEL = re.compile(r"^:label:\s*([\w-]+)\s*$", re.M)


@dataclass(frozen=True)
class NotebookExercise:
    label: str
    prompt: str  # MyST, without the directive's options
    solution: str  # MyST, without the directive's options ("" when there is none)
    hidden: bool  # the solution is a dropdown


def _strip_options(body: str) -> tuple[str, dict[str, str]]:
    lines, options = body.split("\n"), {}
    while lines and re.match(r"^:[\w-]+:", lines[0]):
        key, _, value = lines.pop(0)[1:].partition(":")
        options[key] = value.strip()
    return "\n".join(lines).strip(), options


def exercises_in(notebook: Path) -> list[NotebookExercise]:
    """The notebook's `{exercise}` blocks, in order, each with its `{solution}`."""
    nb = nbformat.read(notebook, as_version=4)
    md = "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")
    solutions = {m.group("label"): _strip_options(m.group("body")) for m in SOLUTION.finditer(md)}
    found = []
    for m in EXERCISE.finditer(md):
        label = LABEL.search(m.group("body"))
        if not label:
            continue
        prompt, _ = _strip_options(m.group("body"))
        solution, options = solutions.get(label.group(1), ("", {}))
        found.append(NotebookExercise(label.group(1), prompt, solution, "dropdown" in options.get("class", "")))
    return found


def _notebook_html(myst: str) -> str:
    return _NOTEBOOK_MD.render(myst_to_markdown(myst))


def chapter_title(notebook: Path) -> str:
    nb = nbformat.read(notebook, as_version=4)
    for c in nb.cells:
        m = re.search(r"^# (.+)$", c.source, re.M)
        if c.cell_type == "markdown" and m:
            return m.group(1).strip()
    return notebook.stem


CSS = """
@page { size: A4; margin: 18mm 16mm; }
body { font-family: "DejaVu Sans", Arial, sans-serif; font-size: 10.5pt; line-height: 1.4; color: #000; }
h1 { font-size: 16pt; margin: 0 0 4pt; } h2 { font-size: 12.5pt; margin: 14pt 0 4pt; border-bottom: 1px solid #000; }
.meta { margin: 0 0 10pt; } .who { margin: 6pt 0 12pt; }
.question { break-inside: avoid; margin: 8pt 0 10pt; }
.question > .num { font-weight: bold; }
ol.options { list-style: none; padding-left: 1.2em; margin: 4pt 0; } ol.options li { margin: 2pt 0; }
.answer-line { margin-top: 4pt; }
.space { border: 1px solid #555; min-height: 42mm; margin-top: 4pt; }
table { border-collapse: collapse; margin: 4pt 0; }
th, td { border: 1px solid #555; padding: 2pt 6pt; text-align: left; }
td.blank { width: 22mm; }
blockquote { border-left: 3px solid #555; margin: 6pt 0; padding: 2pt 8pt; }
.key { margin: 3pt 0; }
"""


def _page(title: str, kind: str, body: list[str]) -> str:
    return (
        f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>{html.escape(title)} — {kind}'
        f"</title><style>{CSS}</style></head><body>\n" + "\n".join(body) + "\n</body></html>\n"
    )


def _choice_question(n: int, stem_html: str, options) -> str:
    """A lettered multiple-choice question to answer on the sheet (a knowledge-check item or a decision case)."""
    items = "".join(f"<li>{letter(i)}. {markdown_inline(o.text)}</li>" for i, o in enumerate(options))
    return (
        f'<div class="question"><span class="num">{n}.</span> {stem_html}'
        f'<ol class="options">{items}</ol><p class="answer-line">Your answer: ______</p></div>'
    )


def _keyed_answer(n: int, item) -> str:
    """The key's line for a lettered item: its letter, the right option and that option's feedback."""
    right = item.options[item.answer_index]
    return (
        f'<div class="question key"><span class="num">{n}.</span> <strong>Answer {item.answer_letter}:'
        f"</strong> {markdown_inline(right.text)}. {markdown_inline(right.feedback)}</div>"
    )


def worksheet_html(slug: str, notebook: Path) -> tuple[str, int]:
    """The worksheet's print view and its number of questions."""
    title = chapter_title(notebook)
    out = [
        f"<h1>{html.escape(title)}</h1>",
        '<p class="meta">Worksheet. Answer on this sheet; the answer key is a separate handout.</p>',
        '<p class="who">Name: ______________________ Date: ____________</p>',
    ]
    n = 0
    questions = [q for q in load_questions() if q.chapter == slug]
    if questions:
        out.append("<h2>Knowledge check</h2><p>Write the letter of the best answer.</p>")
    for q in questions:
        n += 1
        out.append(_choice_question(n, markdown_to_html(q.prompt), q.options))
    cases = chapter_decision_cases(slug)
    if cases:
        out.append("<h2>Decisions</h2><p>Read the case and the result, then write the letter of your decision.</p>")
    for c in cases:
        n += 1
        stem = (
            f"{markdown_to_html(c.vignette)}<p><strong>Test:</strong> {html.escape(c.test)}</p>"
            f"{markdown_to_html(c.result)}<p><strong>{html.escape(c.question)}</strong></p>"
        )
        out.append(_choice_question(n, stem, c.options))
    for task in (t for t in load_ordering_tasks() if t.chapter == slug):
        n += 1
        rows = "".join(f'<tr><td>{html.escape(s.text)}</td><td class="blank"></td></tr>' for s in task.shown)
        out.append(
            f'<h2>Put in order</h2><div class="question"><span class="num">{n}.</span> '
            f"{markdown_to_html(task.prompt)}<table><thead><tr><th>Step</th><th>Position</th></tr></thead>"
            f"<tbody>{rows}</tbody></table></div>"
        )
    exercises = exercises_in(notebook)
    if exercises:
        out.append("<h2>Exercises</h2>")
    for ex in exercises:
        n += 1
        out.append(
            f'<div class="question"><span class="num">{n}.</span> {_notebook_html(ex.prompt)}'
            f'<div class="space"></div></div>'
        )
    return _page(title, "worksheet", out), n


def key_html(slug: str, notebook: Path) -> str:
    title = chapter_title(notebook)
    out = [f"<h1>{html.escape(title)}</h1>", '<p class="meta">Answer key to the worksheet, for lecturers.</p>']
    n = 0
    questions = [q for q in load_questions() if q.chapter == slug]
    if questions:
        out.append("<h2>Knowledge check</h2>")
    for q in questions:
        n += 1
        out.append(_keyed_answer(n, q))
    cases = chapter_decision_cases(slug)
    if cases:
        out.append("<h2>Decisions</h2>")
    for c in cases:
        n += 1
        out.append(_keyed_answer(n, c))
    for task in (t for t in load_ordering_tasks() if t.chapter == slug):
        n += 1
        order = "".join(f"<li>{html.escape(s.text)}: {markdown_inline(s.why)}</li>" for s in task.steps)
        out.append(
            f'<h2>Put in order</h2><div class="question key"><span class="num">{n}.</span> The right order:'
            f"<ol>{order}</ol></div>"
        )
    exercises = exercises_in(notebook)
    if exercises:
        out.append("<h2>Exercises: solutions and marking guides</h2>")
    for ex in exercises:
        n += 1
        solution = _notebook_html(ex.solution) if ex.solution else "<p>No solution is written yet.</p>"
        out.append(f'<div class="question key"><span class="num">{n}.</span> {solution}</div>')
    return _page(title, "answer key", out)


def handout_paths(html_dir: Path, doc: str) -> tuple[Path, Path]:
    from widgets.views.lecturer_guide import handout_file

    return html_dir / handout_file(doc, "worksheet"), html_dir / handout_file(doc, "key")


def build_all(html_dir: Path) -> list[Path]:
    from playwright.sync_api import sync_playwright

    from course_tools.testing.browser_support import LAUNCH_ARGS, find_chromium

    chromium = find_chromium()
    if chromium is None:
        raise SystemExit(
            "build_handouts: no Chromium found (COURSE_CHROMIUM, Playwright's browser or the system "
            "chromium); run `make browser`, then `make handouts`"
        )
    slugs = {c.path: c.chapter for c in load_objectives()}
    written = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, headless=True, args=LAUNCH_ARGS)
        page = browser.new_page()
        page.route("**/*", lambda route: route.abort())  # the print views are self-contained: fetch nothing
        for doc in chapter_notebooks():
            if doc not in slugs:
                raise SystemExit(f"build_handouts: {doc} is in _toc.yml but has no record in data/objectives.yaml")
            notebook = ROOT / f"{doc}.ipynb"
            worksheet, key = handout_paths(html_dir, doc)
            worksheet.parent.mkdir(parents=True, exist_ok=True)
            sheet, _ = worksheet_html(slugs[doc], notebook)
            for target, body in ((worksheet, sheet), (key, key_html(slugs[doc], notebook))):
                page.set_content(body, wait_until="load")
                page.pdf(path=str(target), format="A4", print_background=True, prefer_css_page_size=True)
                written.append(target)
        browser.close()
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--html-dir", type=Path, default=ROOT / "_build" / "html")
    args = parser.parse_args(argv)
    if not (args.html_dir / "index.html").exists():
        print(f"build_handouts: the book is not built in {args.html_dir}: run `make book` first", file=sys.stderr)
        return 1
    written = build_all(args.html_dir)
    print(f"build_handouts: {len(written)} PDFs in {args.html_dir / 'handouts'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
