"""Every chapter in `_toc.yml`, opened in JupyterLab as Binder serves it, reads like the book.

One JupyterLab server (127.0.0.1, a token, autosave and windowing off) and one tab on it are shared by all
chapters, which open one after another (`LabTab`). For each chapter,
in Chromium, before anything runs: no Markdown cell shows raw MyST, every citation shows the book's label (never a
key marked "Citation Not Found"), and no sentence of a solution, lecturer note or
other dropdown is visible until its toggle is opened; then one solution is opened and its text is seen. Then
Run > Run All Cells: every widget the chapter's code builds (read from the notebook and the package's builder
registry) is drawn, each interactive answers a click with another panel, and no cell shows an error. The notebook file
is byte-for-byte unchanged afterwards, and no
request leaves 127.0.0.1. Each chapter is executed once here (the other tiers execute each notebook twice)."""

from __future__ import annotations

import time

import pytest

from course_tools.testing.live_lab import (
    ROOT,
    UNRESOLVED_CITATION,
    chapter_paths,
    citation_labels,
    click_changes_panel,
    closed_blocks,
    cross_reference_texts,
    guard_offline,
    hidden_fragments,
    interactives,
    keys_shown,
    load,
    markdown_sources,
    markdown_text,
    normalise,
    open_chapter,
    raw_myst,
    responsive,
    run_all,
    sentence_fragments,
    start_lab,
    wait_for_widgets,
)

pytestmark = [pytest.mark.browser, pytest.mark.kernel]
CHAPTERS = chapter_paths()


@pytest.fixture(scope="module")
def lab_server(tmp_path_factory):
    with start_lab(tmp_path_factory.mktemp("lab")) as server:
        yield server


class LabTab:
    """One Chromium tab on JupyterLab for the chapters one after another, as a learner opens them: JupyterLab
    loads once, and each chapter after the first opens in it (live_lab.open_chapter). A chapter that fails leaves
    the tab behind; the next chapter starts in a new one."""

    def __init__(self, browser):
        self.browser, self.context, self.page, self.external = browser, None, None, []

    def open(self):
        if self.context is None:
            self.context = self.browser.new_context(viewport={"width": 1400, "height": 1000})
            self.external = guard_offline(self.context)
            self.page = self.context.new_page()
        return self.page

    def discard(self):
        if self.context is not None:
            self.context.close()
        self.context = self.page = None


@pytest.fixture(scope="module")
def lab_tab(browser):
    tab = LabTab(browser)
    yield tab
    tab.discard()


def test_every_toc_chapter_is_checked():
    assert len(CHAPTERS) >= 10 and all((ROOT / c).exists() for c in CHAPTERS)


def test_the_source_checks_can_fail():
    """The helpers find what they look for: raw MyST, and a solution sentence, in text that shows them."""
    raw = ":::{admonition} Lecturer note\n:class: dropdown note\n(car-t)=\nSee {cite}`x` and {term}`y`.\n```{note}"
    assert len(raw_myst(raw)) == 6
    (block,) = closed_blocks(":::{solution} ex-1\n:class: dropdown\nThe answer is TNF blockade, because it works.\n:::")
    assert sentence_fragments(block.body)[0] in normalise("… the answer is “TNF blockade”, because it works.")
    cell = {"cell_type": "markdown", "source": "Shown [[June and Sadelain, 2018](#cite-june2018car)].\n"}
    closed = {"cell_type": "markdown", "source": ":::{solution} ex-1\n:class: dropdown\n[[X, 2020](#cite-x2020)]\n:::"}
    nb = {"cells": [cell, closed]}
    assert citation_labels(nb) == ["June and Sadelain, 2018"]
    assert keys_shown(nb, "as reported x2020 and june2018car") == ["june2018car", "x2020"]
    assert keys_shown(nb, "[June and Sadelain, 2018]") == []


@pytest.mark.parametrize("notebook", CHAPTERS)
def test_chapter_reads_like_the_book_and_runs_live(lab_server, lab_tab, notebook):
    lab = lab_server
    before = (ROOT / notebook).read_bytes()
    nb = load(notebook)
    hidden = hidden_fragments(nb)
    expected = interactives(nb)
    assert hidden and expected, f"{notebook}: no solution, lecturer note or widget found in the source"
    page = lab_tab.open()
    seen_before = len(lab_tab.external)  # the tab's record of requests off 127.0.0.1, from this chapter on
    try:
        open_chapter(page, lab, notebook)
        cells = markdown_text(page)
        assert len(cells) == len(markdown_sources(nb))
        raw = [f"cell {i}: {r}" for i, text in enumerate(cells) for r in raw_myst(text)]
        assert not raw, f"{notebook} shows raw MyST in JupyterLab:\n" + "\n".join(raw)
        visible = normalise(" ".join(cells))
        # Citations read as in the book: the label, never the key that jupyterlab-myst falls back to.
        unresolved = page.locator(UNRESOLVED_CITATION)
        assert not unresolved.count(), (
            f"{notebook}: JupyterLab shows {unresolved.count()} citation(s) as not found, e.g. "
            f"{unresolved.first.inner_text()!r} ({unresolved.first.get_attribute('title')})"
        )
        keys = keys_shown(nb, " ".join(cells))
        assert not keys, f"{notebook}: JupyterLab shows citation keys instead of their labels: {keys}"
        labels = citation_labels(nb)
        unseen = [label for label in labels if normalise(label) not in visible]
        assert labels and not unseen, f"{notebook}: citation labels not shown in JupyterLab: {unseen[:10]}"
        unread = [t for t in cross_reference_texts(nb) if normalise(t) not in visible]
        assert not unread, f"{notebook}: cross-references do not show their text in JupyterLab: {unread}"
        shown = [f"{b.name} {b.title!r}: {f.strip()!r}" for b, fs in hidden.items() for f in fs if f in visible]
        assert not shown, f"{notebook} shows closed content before it is opened:\n" + "\n".join(shown)
        setup = page.locator(".jp-CodeCell", has_text="Course setup")
        assert setup.count() == 1, f"{notebook}: JupyterLab does not show the course setup cell"
        closed = page.locator(".jp-MarkdownCell .myst details:not([open])")
        assert closed.count() >= len(hidden), f"{notebook}: {closed.count()} closed toggles for {len(hidden)} blocks"

        # Open the first solution: its text is now there to read.
        solution = next(b for b in hidden if b.name == "solution" and hidden[b])
        toggle = page.locator(".jp-MarkdownCell .myst details summary", has_text="Solution").first
        toggle.scroll_into_view_if_needed()
        toggle.click()
        assert hidden[solution][0] in normalise(" ".join(markdown_text(page))), (
            f"{notebook}: opened the solution but cannot see {hidden[solution][0]!r}"
        )

        t0 = time.perf_counter()
        run_all(page)
        try:
            wait_for_widgets(page, dict(expected))
        except Exception:
            shot = ROOT / "_build" / f"live-lab-{notebook.rsplit('/', 1)[-1]}.png"
            shot.parent.mkdir(exist_ok=True)
            page.screenshot(path=str(shot), full_page=True)
            raise AssertionError(
                f"{notebook}: not every widget rendered after Run All ({dict(expected)}); screenshot {shot}"
            ) from None
        seconds = time.perf_counter() - t0
        for selector in responsive(nb):  # each interactive answers a click: another panel shows
            try:
                click_changes_panel(page, selector)
            except Exception as exc:
                raise AssertionError(f"{notebook}: {selector} did not change after a click: {exc}") from None
        # where the package is installed, the setup cell does nothing and says nothing
        assert not setup.locator(".jp-OutputArea-output").count(), f"{notebook}: the setup cell printed something"
        errors = page.locator(".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.error']")
        assert not errors.count(), f"{notebook}: a cell raised an error:\n{errors.first.inner_text()[:2000]}"
        print(
            f"{notebook}: {len(hidden)} closed blocks, {sum(expected.values())} widgets, "
            f"Run All to widgets {seconds:.1f} s"
        )
    except BaseException:
        lab_tab.discard()
        raise
    finally:
        lab.shut_down_kernels()
    external = lab_tab.external[seen_before:]
    assert not external, f"{notebook}: requests left 127.0.0.1: {external[:5]}"
    assert (ROOT / notebook).read_bytes() == before, f"{notebook} was modified by the live run"
