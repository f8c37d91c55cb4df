"""The test tiers: which marker a test carries, and a guard that keeps heavy work out of `make test-fast`.

- fast (`make test-fast`, COURSE_TEST_TIER=fast): unit, data and model tests; no kernel, no book build, no
  browser. tests/conftest.py deselects every test marked with one of `HEAVY`.
- everything (`make test`): the fast tier, plus the tests marked `kernel`, `book` or `browser`.

A test gets its marker from the fixtures it uses (`MARKED_BY_FIXTURE`, applied by tests/conftest.py), from nbval
(every notebook item is `kernel`), or by hand (`pytestmark = pytest.mark.kernel`) when it starts a kernel
itself. If a test in the fast tier starts a kernel, a book build, JupyterLab or a browser anyway, the guard
makes it fail and says which marker it lacks, so a heavy test cannot land in the fast tier unnoticed.
"""

from __future__ import annotations

import os
import subprocess
from contextlib import contextmanager
from pathlib import Path

TIER_ENV = "COURSE_TEST_TIER"  # `make test-fast` sets it to "fast"
MARKERS = {
    "kernel": "starts a Jupyter kernel (nbval, nbclient, JupyterLab); not in make test-fast",
    "book": "builds the book or needs the built book; not in make test-fast",
    "browser": "drives Chromium with Playwright; not in make test-fast",
    "slow": "runs a notebook kernel or a full build; not in make test-fast",
}
HEAVY = ("kernel", "book", "browser", "slow")  # the fast tier runs every test with none of these markers
MARKED_BY_FIXTURE = {
    "kernel": {"twice_runs", "lab_server"},
    "book": {
        "book_builds",
        "book_build",
        "deck_build",
        "built_book",
        "book_server",
        "built_decks",
        "deck_server",
        "page_audits",
        "page_visits",
    },
    "browser": {"browser", "chromium_path", "offline_page", "page_audits", "page_visits", "lab_server"},
}


class TierError(RuntimeError):
    """A test in the fast tier tried to start something heavy."""


def _refuse(what: str, marker: str):
    test = os.environ.get("PYTEST_CURRENT_TEST", "a test").rsplit(" (", 1)[0]
    raise TierError(
        f"{test} {what}, but it runs in the fast tier (make test-fast): mark it "
        f"`pytest.mark.{marker}` or use a fixture that carries that marker (tests/tiers.py)"
    )


def heavy_command(args) -> tuple[str, str] | None:
    """(what it starts, the marker it needs) when a command line starts a build, a kernel, JupyterLab or a
    browser; None otherwise."""
    argv = [str(a) for a in ([args] if isinstance(args, (str, os.PathLike)) else list(args))]
    names = [Path(a.split()[0]).name if a else "" for a in argv]
    if (
        any(n in ("jupyter-book", "build_book.py") for n in names)
        or any(a.endswith("build_book.py") for a in argv)
        or "course_tools.build_book" in argv
    ):
        return "builds the book", "book"
    if any("ipykernel_launcher" in a for a in argv):
        return "starts a Jupyter kernel", "kernel"
    if "jupyter-lab" in names or (names[:1] == ["jupyter"] and argv[1:2] == ["lab"]):
        return "starts JupyterLab", "kernel"
    if "run-driver" in argv or any(n.startswith(("chromium", "chrome", "headless_shell")) for n in names):
        return "starts a browser", "browser"
    return None


@contextmanager
def fast_tier_guard():
    """While active, starting a kernel, a book build, JupyterLab or a browser raises TierError. Every one of
    them is a new process (a kernel too, whoever starts it: nbclient, nbval, JupyterLab), so the guard sits
    on subprocess.Popen."""
    real_init = subprocess.Popen.__init__

    def guarded_init(self, args, *a, **kw):
        heavy = heavy_command(args)
        if heavy:
            _refuse(*heavy)
        real_init(self, args, *a, **kw)

    subprocess.Popen.__init__ = guarded_init
    try:
        yield
    finally:
        subprocess.Popen.__init__ = real_init


def is_heavy(item) -> bool:
    return any(item.get_closest_marker(m) for m in HEAVY)


def in_fast_tier() -> bool:
    return os.environ.get(TIER_ENV) == "fast"
