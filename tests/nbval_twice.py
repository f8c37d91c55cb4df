"""nbval runs each chapter twice in one kernel with no network, and the suite shares what it saw.

Registered by tests/conftest.py when nbval is active (`make test` passes `--nbval`). For every notebook in
chapters/ nbval validates the doubled notebook of `notebook_runner.twice_cells` instead of the file alone: the
chapter's cells from chapters/ (named `Cell N` as nbval names them), a hidden probe of the widgets and their
observers, a move to the repository root, the cells again, a second probe. The kernel is the course's
network-less one (`notebook_runner.offline_kernel_manager`). Each item is still an nbval item: it executes its
cell, fails on an error and compares stored outputs if there are any.

When a notebook's items have all run, its `TwiceRun` is kept (in memory, and on disk for the other xdist
workers: tests/session_share.py): the robustness tests compare its two runs (tests/test_notebook_robustness.py),
and the book build fixture seeds the jupyter-cache with its first run, so that the test book executes no
notebook again (tests/conftest.py). Notebook items run first in the session, before the tests that share
their results; `find_run` waits for a chapter that another worker is running.
"""

from __future__ import annotations

import os
from collections import defaultdict
from pathlib import Path

import nbformat
import pytest
import session_share
from nbval.kernel import RunningKernel
from nbval.plugin import IPyNbCell, IPyNbFile, find_comment_markers, find_metadata_tags
from notebook_runner import ROOT, TwiceRun, cell_name, offline_kernel_manager, twice_cells

RUNS = pytest.StashKey[dict]()
SCHEDULED = pytest.StashKey[set]()
CHAPTERS = ROOT / "chapters"


def shared_runs(config) -> dict[Path, TwiceRun]:
    """Chapter path -> its TwiceRun, for every notebook whose doubled run completed in this session."""
    return config.stash.setdefault(RUNS, {})


def scheduled_runs(config) -> set[Path]:
    """The chapters whose every doubled-run item is selected in this session: nbval runs them."""
    return config.stash.get(SCHEDULED, set())


def _on_disk(config, path: Path) -> Path:
    return session_share.run_dir(config) / "runs" / f"{Path(path).stem}.json"


def keep(config, run: TwiceRun) -> None:
    shared_runs(config)[run.path.resolve()] = run
    session_share.write_json(_on_disk(config, run.path), run.to_json())


def find_run(config, path: Path, wait: bool = True) -> TwiceRun | None:
    """This run's TwiceRun of a chapter: from this process, from another worker's file, or (when nbval is
    running it elsewhere and `wait`) once that worker has written it. None when nbval does not run it."""
    path = Path(path).resolve()
    runs = shared_runs(config)
    if path not in runs:
        file = _on_disk(config, path)
        if not file.exists() and wait and path in scheduled_runs(config):
            session_share.wait_for([file])
        if file.exists():
            runs[path] = TwiceRun.from_json(session_share.read_json(file))
    return runs.get(path)


class TwiceNotebook(IPyNbFile):
    """nbval's notebook collector, on the doubled notebook, with the network-less kernel."""

    def collect(self):
        self.nb = nbformat.read(self.path, as_version=4)
        self.cells = twice_cells(self.nb)
        self.outcomes: dict[int, str | None] = {}  # cell number -> error line, or None when it passed
        for i, cell in enumerate(self.cells):
            options = defaultdict(bool, find_metadata_tags(cell.metadata))
            options.update(dict(find_comment_markers(cell.source)))
            options.setdefault("check", self.compare_outputs)
            yield TwiceCell.from_parent(self, name=cell_name(cell), cell_num=i, cell=cell, options=options)

    def setup(self):
        km = offline_kernel_manager()
        with open(os.devnull, "w") as devnull:
            km.start_kernel(cwd=str(self.path.parent), stderr=devnull)
        kc = km.client()
        kc.start_channels()
        kc.wait_for_ready(timeout=self.config.option.nbval_kernel_startup_timeout)
        kernel = RunningKernel.__new__(RunningKernel)  # nbval's kernel wrapper around our manager and client
        kernel.km, kernel.kc = km, kc
        kernel._ensure_iopub_up()
        self.kernel = kernel
        self.setup_sanitize_files()

    def record(self, item: TwiceCell, error: str | None) -> None:
        item.cell.outputs = list(item.test_outputs or [])
        self.outcomes[item.cell_num] = error
        if len(self.outcomes) == len(self.cells):  # every item ran: nothing deselected
            errors = [e for e in self.outcomes.values() if e]
            keep(self.config, TwiceRun.from_cells(self.path, self.cells, errors))


class TwiceCell(IPyNbCell):
    def runtest(self):
        error = None
        try:
            super().runtest()
        except pytest.skip.Exception:
            raise
        except BaseException as exc:
            failed = next((o for o in self.test_outputs or [] if o.get("output_type") == "error"), None)
            error = f"{self.name}: " + (f"{failed['ename']}: {failed['evalue']}" if failed else str(exc))
            raise
        finally:
            self.parent.record(self, error)


@pytest.hookimpl(wrapper=True)
def pytest_collect_file(file_path, parent):
    collected = yield
    return [
        TwiceNotebook.from_parent(parent, path=file_path)
        if isinstance(c, IPyNbFile) and Path(file_path).resolve().parent == CHAPTERS
        else c
        for c in collected
    ]


def pytest_collection_modifyitems(config, items):
    """Notebook items first (stable order otherwise), so the tests that share their runs find them."""
    items.sort(key=lambda item: not isinstance(item, TwiceCell))


def pytest_collection_finish(session):
    selected: dict[Path, int] = {}
    for item in session.items:
        if isinstance(item, TwiceCell):
            selected[item.parent.path.resolve()] = selected.get(item.parent.path.resolve(), 0) + 1
    session.config.stash[SCHEDULED] = {
        p for p, n in selected.items() if n == len(twice_cells(nbformat.read(p, as_version=4)))
    }
