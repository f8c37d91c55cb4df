"""The chapters' first code cell ("course setup", course_tools/bootstrap_cell.py): the same in every chapter, hidden in
the
book and the decks, and its logic run here offline with pip, the package lookup and Colab replaced by recorders."""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
import types

import pytest

from course_tools import bootstrap_cell

REPO = "https://github.com/example-org/immuno-course"
CHAPTERS = bootstrap_cell.chapter_files()


def test_every_chapter_has_the_one_setup_cell_first_among_code_cells():
    for path in CHAPTERS:
        nb = json.loads(path.read_text(encoding="utf-8"))
        cells = [c for c in nb["cells"] if c.get("id") == bootstrap_cell.CELL_ID]
        assert len(cells) == 1, f"{path.name}: {len(cells)} setup cells"
        first_code = next(c for c in nb["cells"] if c["cell_type"] == "code")
        assert first_code is cells[0], f"{path.name}: the setup cell is not the first code cell"
        assert "remove-cell" in first_code["metadata"]["tags"], f"{path.name}: the book would show the setup cell"


def test_the_notebooks_copies_are_the_template():
    """All chapters carry the same cell, and it is the template filled with the address the notebooks name; where
    this checkout knows its repository (COURSE_REPOSITORY_URL or a GitHub origin), that address is this one."""
    sources = {"".join(json.loads(p.read_text(encoding="utf-8"))["cells"][1]["source"]) for p in CHAPTERS}
    assert len(sources) == 1, "the chapters' setup cells differ: run python -m course_tools.bootstrap_cell"
    (source,) = sources
    names = {
        bootstrap_cell.cell_source(url, branch): (url, branch)
        for url in (bootstrap_cell.repository_url(), "")
        for branch in (bootstrap_cell.repository_branch(),)
    }
    assert source in names, (
        "the setup cell differs from course_tools/bootstrap_cell.py: run python -m course_tools.bootstrap_cell"
    )
    # Only an explicit COURSE_REPOSITORY_URL says which address the committed cells must name: a clone's `origin`
    # (CI's, a fork's) is not a reason to rewrite the notebooks.
    if os.environ.get("COURSE_REPOSITORY_URL", "").strip():
        assert names[source][0] == bootstrap_cell.repository_url(), "the setup cell names another repository"


def test_check_mode_reports_a_stale_copy(tmp_path, monkeypatch):
    nb = json.loads(CHAPTERS[0].read_text(encoding="utf-8"))
    assert not bootstrap_cell.apply(nb, "".join(nb["cells"][1]["source"]))  # already in place: no change
    assert bootstrap_cell.apply(nb, bootstrap_cell.cell_source(REPO, "main"))  # another address: a change
    assert (
        nb["cells"][1]["id"] == bootstrap_cell.CELL_ID and sum(c.get("id") == "course-setup" for c in nb["cells"]) == 1
    )


def test_the_book_and_the_decks_leave_the_cell_out():
    import nbformat

    from course_tools.build_slides import prepare

    nb = nbformat.read(CHAPTERS[0], as_version=4)
    assert not any(c.get("id") == bootstrap_cell.CELL_ID for c in prepare(nb).cells)


# ---- the cell's logic, offline ------------------------------------------------------------------------------------


class Recorder:
    def __init__(self, returncode=0, stderr=""):
        self.calls, self.returncode, self.stderr = [], returncode, stderr

    def __call__(self, cmd, **kwargs):
        self.calls.append(cmd)
        return subprocess.CompletedProcess(cmd, self.returncode, "", self.stderr)


def run_cell(monkeypatch, *, installed: bool, colab: bool, url: str | None = REPO, pip: Recorder | None = None):
    pip = pip or Recorder()
    real = importlib.util.find_spec
    monkeypatch.setattr(
        importlib.util,
        "find_spec",
        lambda name, *a: (real(name, *a) if installed else None) if name == "widgets" else real(name, *a),
    )
    monkeypatch.setattr(subprocess, "run", pip)
    manager = []
    if colab:
        output = types.SimpleNamespace(enable_custom_widget_manager=lambda: manager.append("enabled"))
        google = types.ModuleType("google")
        colab_mod = types.ModuleType("google.colab")
        colab_mod.output = output
        google.colab = colab_mod
        monkeypatch.setitem(sys.modules, "google", google)
        monkeypatch.setitem(sys.modules, "google.colab", colab_mod)
    else:
        monkeypatch.delitem(sys.modules, "google.colab", raising=False)
    exec(compile(bootstrap_cell.cell_source(url or "", "main"), "<course setup>", "exec"), {})  # noqa: S102
    return pip.calls, manager


def test_with_the_package_present_nothing_is_called(monkeypatch, capsys):
    calls, manager = run_cell(monkeypatch, installed=True, colab=False)
    assert calls == [] and manager == [] and capsys.readouterr().out == ""


def test_with_the_package_missing_it_installs_from_the_repository(monkeypatch, capsys):
    calls, manager = run_cell(monkeypatch, installed=False, colab=False)
    assert calls == [[sys.executable, "-m", "pip", "install", "--quiet", f"git+{REPO}@main"]]
    assert manager == []
    assert capsys.readouterr().out == f"Course setup: installed the course package from git+{REPO}@main.\n"


def test_in_colab_it_installs_and_enables_the_widget_manager(monkeypatch, capsys):
    calls, manager = run_cell(monkeypatch, installed=False, colab=True)
    assert len(calls) == 1 and manager == ["enabled"]
    out = capsys.readouterr().out
    assert out.count("\n") == 1 and "installed the course package" in out and "enabled Colab's widgets" in out


def test_in_colab_with_the_package_present_it_only_enables_widgets(monkeypatch, capsys):
    calls, manager = run_cell(monkeypatch, installed=True, colab=True)
    assert calls == [] and manager == ["enabled"]
    assert capsys.readouterr().out == "Course setup: enabled Colab's widgets.\n"


def test_an_install_failure_says_what_failed(monkeypatch):
    pip = Recorder(1, "ERROR: Could not find a version that satisfies the requirement\nNo network")
    with pytest.raises(
        RuntimeError,
        match=r"(?s)pip could not install git\+https://github.com/example-org/immuno-course@main:.*No network",
    ):
        run_cell(monkeypatch, installed=False, colab=False, pip=pip)


def test_without_a_repository_it_says_so_instead_of_installing(monkeypatch):
    with pytest.raises(RuntimeError, match="names no repository"):
        run_cell(monkeypatch, installed=False, colab=False, url=None)
