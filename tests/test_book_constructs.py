"""The book side of tests/test_live_lab.py: every chapter page, in Chromium, shows no raw MyST, no sentence of a
solution, lecturer note or other dropdown before it is opened, and each cross-reference's text; opening a solution
shows it. The same reading of the notebook source (course_tools/testing/live_lab.py) drives both, so a construct that
renders in
only one of the two places fails one of them."""

from __future__ import annotations

import pytest

from course_tools.testing.live_lab import (
    chapter_paths,
    cross_reference_texts,
    hidden_fragments,
    load,
    normalise,
    raw_myst,
)

pytestmark = pytest.mark.browser
CHAPTERS = chapter_paths()


@pytest.mark.parametrize("notebook", CHAPTERS)
def test_chapter_page_shows_closed_blocks_closed(book_server, offline_page, notebook):
    page = offline_page
    nb = load(notebook)
    hidden = hidden_fragments(nb)
    page.goto(book_server + notebook.replace(".ipynb", ".html"), wait_until="load")
    # sphinx-togglebutton closes the dropdowns once its script has run: wait for that
    page.locator(".solution.dropdown .toggle-button").first.wait_for(state="attached", timeout=30_000)
    text = page.locator("article").first.inner_text()
    raw = raw_myst(text)
    assert not raw, f"{notebook}: the book page shows raw MyST: {raw}"
    visible = normalise(text)
    assert " course setup " not in visible, f"{notebook}: the book shows the course setup cell"
    shown = [f"{b.name} {b.title!r}: {f.strip()!r}" for b, fs in hidden.items() for f in fs if f in visible]
    assert not shown, f"{notebook}: the book page shows closed content:\n" + "\n".join(shown)
    unread = [t for t in cross_reference_texts(nb) if normalise(t) not in visible]
    assert not unread, f"{notebook}: cross-references read differently in the book: {unread}"

    solution = next(b for b in hidden if b.name == "solution" and hidden[b])
    page.locator(".solution.dropdown .toggle-button").first.click()
    for _ in range(50):  # the toggle animates open; read again until the text is there (at most ~10 s)
        if hidden[solution][0] in normalise(page.locator("article").first.inner_text()):
            break
        page.wait_for_timeout(200)
    else:
        raise AssertionError(f"{notebook}: opened the solution but cannot read {hidden[solution][0]!r}")
