"""The book builds from a clean cache with -W -n --keep-going, offline assets, and no invented URLs."""

from __future__ import annotations

import re

import nbformat
import pytest

from course_tools.bootstrap_cell import CELL_ID as SETUP_CELL_ID
from course_tools.conventions import ROOT, WIDGET_BUNDLE
from course_tools.testing.page_audit import CDN  # the one definition of a CDN address


def toc_files() -> list[str]:
    """Every page of _toc.yml, as the decks and the build tool read it (one reading of the toc)."""
    from course_tools.conventions import toc_docs

    return toc_docs(ROOT)


def test_build_succeeds_with_warnings_as_errors(book_build):
    assert book_build.returncode == 0, book_build.stdout[-3000:] + book_build.stderr[-3000:]
    assert "-W" in book_build.args and "-n" in book_build.args


def test_build_executes_only_what_nbval_did_not_run(book_build):
    """Each chapter executes at most twice in `make test`: nbval's doubled run, whose first half seeds the
    build's jupyter-cache (tests/conftest.py); the build executes only notebooks nbval did not run."""
    if getattr(book_build, "seeded", None) is None:
        pytest.skip("COURSE_REUSE_BUILD: an earlier build was reused")
    from course_tools.conventions import toc_notebooks

    executing = re.search(r"build_book: executing (\d+) notebook", book_build.stdout)
    assert executing, book_build.stdout[:2000]
    assert int(executing.group(1)) == len(toc_notebooks()) - len(book_build.seeded), book_build.seeded
    for nb in book_build.seeded:
        assert f"{nb}: Using cached notebook" in book_build.stdout + book_build.stderr, nb


def test_decks_reuse_the_books_executed_notebooks(deck_build, built_book):
    """The decks are made from _build/jupyter_execute, which holds outputs and widget state even for notebooks
    read from the cache: course_tools/build_slides.py executes nothing again."""
    assert "executing" not in deck_build.stdout + deck_build.stderr, deck_build.stderr[-2000:]
    executed = built_book.parent / "jupyter_execute"
    for doc in toc_files():
        if (ROOT / f"{doc}.ipynb").exists():
            nb = nbformat.read(executed / f"{doc}.ipynb", as_version=4)
            # the course setup cell (course_tools/bootstrap_cell.py) prints nothing where the package is installed
            assert all(
                c.outputs
                for c in nb.cells
                if c.cell_type == "code" and c.source.strip() and c.get("id") != SETUP_CELL_ID
            ), doc


def test_toc_lists_only_existing_pages():
    for f in toc_files():
        assert any((ROOT / f"{f}{ext}").exists() for ext in (".md", ".ipynb")), f"{f} is in _toc.yml but missing"


def test_every_toc_page_is_built(built_book):
    assert (built_book / "index.html").exists()
    for f in toc_files():
        assert (built_book / f"{f}.html").exists(), f


def test_no_page_loads_from_a_cdn(built_book):
    for page in built_book.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        for tag in re.findall(r"<(?:script|link)[^>]+(?:src|href)=\"[^\"]+\"", text):
            assert not CDN.search(tag), f"{page.relative_to(built_book)} loads {tag}"


def test_widget_pages_use_local_widget_javascript_and_embed_state(built_book):
    page = (built_book / "chapters" / "01_autoimmunity.html").read_text(encoding="utf-8")
    assert f"_static/{WIDGET_BUNDLE}" in page  # the course's renderer, which needs no require.js
    assert "require.js" not in page and "embed-amd.js" not in page and "html-manager" not in page
    assert "application/vnd.jupyter.widget-state+json" in page
    assert (built_book / "_static" / WIDGET_BUNDLE).exists()
    # The bundle redistributes its packages: their licences ship beside it.
    licences = (built_book / "_static" / f"{WIDGET_BUNDLE}.LICENSES.txt").read_text(encoding="utf-8")
    assert "@jupyter-widgets/controls@" in licences and "@lumino/widgets@" in licences


def test_no_made_up_repository_url(built_book, book_build):
    page = (built_book / "chapters" / "01_autoimmunity.html").read_text(encoding="utf-8")
    assert "executablebooks/jupyter-book" not in page
    # With no repository configured the build log says why the launch buttons are missing.
    if "COURSE_REPOSITORY_URL" not in __import__("os").environ:
        assert "launch buttons omitted" in book_build.stdout + book_build.stderr or "launch buttons point" in (
            book_build.stdout + book_build.stderr
        )


def test_exclusions_keep_test_leftovers_out(built_book):
    built = {p.relative_to(built_book).as_posix() for p in built_book.rglob("*.html")}
    assert not any(p.startswith(("tests/", ".pytest_cache", "_build", ".venv", "widgets/")) for p in built)
