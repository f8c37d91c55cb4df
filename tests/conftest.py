"""Shared fixtures: the book built once per session from a clean cache, and a guarded Chromium."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))  # browser_support

from browser_support import LAUNCH_ARGS, OfflineGuard, find_chromium, serve  # noqa: E402

BOOK_OUT = ROOT / "_build" / "test-book"  # outside tests/ so nbval never collects built notebooks
DECK_BUILD_SECONDS: list[float] = []  # read by the slide tests to report the deck budget
BUILD_CMD = [str(Path(sys.executable).parent / "jupyter-book"), "build", "-W", "-n", "--keep-going",
             "--path-output", str(BOOK_OUT), str(ROOT)]


@pytest.fixture(scope="session")
def book_build() -> subprocess.CompletedProcess:
    """A full build from a clean cache with -W -n --keep-going (raise-on-error is set in _config.yml).

    COURSE_REUSE_BUILD=1 reuses an earlier test build while iterating locally; CI never does."""
    html = BOOK_OUT / "_build" / "html"
    if os.environ.get("COURSE_REUSE_BUILD") == "1" and os.environ.get("CI") != "true" and html.exists():
        return subprocess.CompletedProcess(BUILD_CMD, 0, "(reused)", "")
    shutil.rmtree(BOOK_OUT, ignore_errors=True)
    return subprocess.run(BUILD_CMD, cwd=ROOT, capture_output=True, text=True, timeout=900)


@pytest.fixture(scope="session")
def built_book(book_build) -> Path:
    """The book as `make book` leaves it: the HTML plus one slide deck per chapter (tools/build_slides.py)."""
    if book_build.returncode != 0:
        pytest.fail(f"book build failed (exit {book_build.returncode}):\n{book_build.stdout[-4000:]}\n"
                    f"{book_build.stderr[-4000:]}")
    html = BOOK_OUT / "_build" / "html"
    t0 = time.perf_counter()
    decks = subprocess.run([sys.executable, str(ROOT / "tools" / "build_slides.py"), "--html-dir", str(html)],
                           cwd=ROOT, capture_output=True, text=True, timeout=600)
    if decks.returncode != 0:
        pytest.fail(f"slide decks failed to build:\n{decks.stdout[-3000:]}\n{decks.stderr[-3000:]}")
    DECK_BUILD_SECONDS.append(time.perf_counter() - t0)
    handouts = subprocess.run([sys.executable, str(ROOT / "tools" / "build_handouts.py"), "--html-dir", str(html)],
                              cwd=ROOT, capture_output=True, text=True, timeout=600)
    if handouts.returncode != 0:
        pytest.fail(f"handouts failed to build:\n{handouts.stdout[-3000:]}\n{handouts.stderr[-3000:]}")
    return html


@pytest.fixture(scope="session")
def chromium_path() -> str:
    path = find_chromium()
    if path is None:
        message = "no Chromium found (COURSE_CHROMIUM, Playwright's browser or system chromium); run make browser"
        if os.environ.get("CI") == "true":
            pytest.fail(message)  # in CI a missing browser is a failure, never a skip
        pytest.skip(message)
    return path


@pytest.fixture(scope="session")
def browser(chromium_path):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=chromium_path, headless=True, args=LAUNCH_ARGS)
        yield b
        b.close()


@pytest.fixture(scope="session")
def book_server(built_book):
    with serve(built_book) as url:
        yield url


@pytest.fixture
def offline_page(browser):
    """A page in a fresh context whose every non-127.0.0.1 request is blocked and recorded."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    guard = OfflineGuard(context)
    page = guard.watch(context.new_page())
    page.guard = guard
    yield page
    context.close()


# ---- the suite's duration, for tools/bench.py (so `make bench` need not rerun the suite) ----------------------
SUITE_TIME_FILE = ROOT / "_build" / "test-suite-time.json"


def pytest_sessionstart(session):
    import time
    session.config._course_t0 = time.perf_counter()


def pytest_sessionfinish(session, exitstatus):
    import json
    import time
    t0 = getattr(session.config, "_course_t0", None)
    if t0 is None or getattr(session.config, "workerinput", None) is not None:
        return
    args = [str(a) for a in session.config.invocation_params.args]
    record = {"seconds": round(time.perf_counter() - t0, 1), "exitstatus": int(exitstatus),
              "tests": session.testscollected, "failed": session.testsfailed, "args": args,
              "finished": time.strftime("%Y-%m-%dT%H:%M:%S"),
              # the full suite is `make test`: tests and chapters with nbval, nothing deselected
              "full_suite": "--nbval" in args and any(a.rstrip("/") == "chapters" for a in args)
                            and not any(a.startswith(("-k", "-m", "--deselect", "--lf")) for a in args)}
    SUITE_TIME_FILE.parent.mkdir(parents=True, exist_ok=True)
    SUITE_TIME_FILE.write_text(json.dumps(record, indent=1))
