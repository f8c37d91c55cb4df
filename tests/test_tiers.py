"""The fast tier's guard (tests/tiers.py): a test in `make test-fast` that starts a kernel, a book build,
JupyterLab or a browser fails, naming the marker it lacks; everything else runs as usual."""

from __future__ import annotations

import subprocess
import sys

import pytest
from tiers import HEAVY, MARKED_BY_FIXTURE, TierError, fast_tier_guard, heavy_command


@pytest.mark.parametrize(
    "argv, marker",
    [
        ([sys.executable, "-m", "course_tools.build_book", "-W", "."], "book"),
        ([sys.executable, "course_tools/build_book.py", "-W", "."], "book"),
        (["/x/.venv/bin/jupyter-book", "build", "."], "book"),
        (["unshare", "-n", sys.executable, "-m", "ipykernel_launcher", "-f", "k.json"], "kernel"),
        (["/x/.venv/bin/jupyter", "lab", "--no-browser"], "kernel"),
        (["/x/playwright/driver/node", "cli.js", "run-driver"], "browser"),
        (["/usr/bin/chromium", "--headless"], "browser"),
    ],
)
def test_heavy_commands_are_recognised(argv, marker):
    assert heavy_command(argv)[1] == marker


@pytest.mark.parametrize("argv", [[sys.executable, "-c", "pass"], ["git", "status"], "repo2docker --no-build ."])
def test_other_commands_are_not_heavy(argv):
    assert heavy_command(argv) is None


def test_the_guard_refuses_a_kernel_and_names_the_marker():
    from jupyter_client import KernelManager

    before = subprocess.Popen.__init__
    with fast_tier_guard():
        with pytest.raises(TierError, match=r"starts a Jupyter kernel.*pytest\.mark\.kernel"):
            KernelManager(kernel_name="python3").start_kernel()
        with pytest.raises(TierError, match=r"builds the book.*pytest\.mark\.book"):
            subprocess.run([sys.executable, "-m", "course_tools.build_book", "--help"])
        assert subprocess.run([sys.executable, "-c", "print('ok')"], capture_output=True, text=True).stdout == "ok\n"
    assert subprocess.Popen.__init__ is before  # the guard undoes itself


def test_the_fast_tier_leaves_out_every_heavy_marker():
    assert set(MARKED_BY_FIXTURE) <= set(HEAVY)
    assert {"built_book", "book_server", "browser", "offline_page", "twice_runs"} <= set().union(
        *MARKED_BY_FIXTURE.values()
    )


def test_the_files_that_read_the_page_visits_are_one_unit_of_work():
    """conftest's xdist scheduler gives the files that read tests/page_visits.py to one worker together, so the
    visits are made once per run; every other file is its own unit, as with `--dist loadfile`."""
    from page_visits import FILES, XDIST_SCOPE, xdist_scope

    from course_tools.conventions import ROOT

    assert all((ROOT / f).is_file() for f in FILES), FILES
    assert {xdist_scope(f) for f in FILES} == {XDIST_SCOPE}
    assert xdist_scope("tests/test_data.py") == "tests/test_data.py"
