"""course_tools/build_book.py on a tiny book: notebooks are executed in parallel and read from jupyter-cache, and a
failing cell stops the build naming the notebook and the cell, with no page written (raise-on-error)."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import nbformat
import pytest

from course_tools.build_book import failing_cell

KERNELSPEC = {"name": "python3", "display_name": "Python 3", "language": "python"}


def notebook(*sources: str) -> nbformat.NotebookNode:
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell(f"# {sources[0][:20]}")])
    nb.cells += [nbformat.v4.new_code_cell(s) for s in sources]
    nb.metadata["kernelspec"] = KERNELSPEC
    return nb


def tiny_book(folder, failing: bool):
    (folder / "_config.yml").write_text(
        textwrap.dedent("""\
        title: Tiny
        only_build_toc_files: true
        execute:
          execute_notebooks: cache
          timeout: 60
        sphinx:
          config:
            nb_execution_raise_on_error: true
        """)
    )
    chapters = ["a_widget"] + (["b_fails"] if failing else [])
    (folder / "_toc.yml").write_text(
        "format: jb-book\nroot: index\nchapters:\n" + "".join(f"  - file: {c}\n" for c in chapters)
    )
    (folder / "index.md").write_text("# Tiny book\n")
    nbformat.write(
        notebook("import ipywidgets as ipw\nipw.IntSlider(value=7, description='seven')"), folder / "a_widget.ipynb"
    )
    if failing:
        nbformat.write(notebook("x = 1", "x / 0"), folder / "b_fails.ipynb")


def build(folder) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "course_tools.build_book", "-W", "-n", "--keep-going", str(folder)],
        cwd=folder,
        capture_output=True,
        text=True,
        timeout=600,
    )


@pytest.mark.book
@pytest.mark.kernel
def test_a_failing_cell_stops_the_build_after_the_others_ran_in_parallel(tmp_path):
    tiny_book(tmp_path, failing=True)
    res = build(tmp_path)
    out = res.stdout + res.stderr
    assert res.returncode != 0, out[-3000:]
    # the good notebook was executed by the tool and read from the cache by myst-nb
    assert "a_widget.ipynb executed in" in res.stdout and "a_widget.ipynb: Using cached notebook" in out, out[-3000:]
    # the bad one names its file and cell, and no page was written
    assert "b_fails.ipynb: cell 2 (code cell 2) raised ZeroDivisionError: division by zero" in res.stderr, res.stderr[
        -3000:
    ]
    assert not list((tmp_path / "_build").rglob("*.html"))
    # what reached the cache is only what succeeded
    from jupyter_cache import get_cache

    cached = [r.uri for r in get_cache(str(tmp_path / "_build" / ".jupyter_cache")).list_cache_records()]
    assert [c.rsplit("/", 1)[-1] for c in cached] == ["a_widget.ipynb"]


def test_failing_cell_names_the_first_cell_with_an_error():
    nb = notebook("a = 1", "b = 2", "c = 3")
    nb.cells[2].outputs = [nbformat.v4.new_output("error", ename="NameError", evalue="x", traceback=[])]
    assert failing_cell(nb) == "cell 2 (code cell 2)"
    assert failing_cell(notebook("a = 1")) == "a cell"
