"""Shared fixtures and the suite's plumbing: test tiers (tests/tiers.py), nbval's doubled chapter runs shared
with the tests that need executed notebooks (tests/nbval_twice.py), the book built once per session, and a
guarded Chromium."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import page_visits as page_visits_module
import pytest
import session_share  # tests/ is on the import path: pyproject.toml, [tool.pytest.ini_options] pythonpath
import tiers
from data_patch import course_content  # noqa: F401 (a fixture: imported here, every test module may use it)
from page_visits import page_visits  # noqa: F401 (a fixture, as above)

from course_tools.conventions import BUILD, FAST_TIME_FILE, ROOT, SUITE_TIME_FILE, book_build_cmd
from course_tools.testing.browser_support import LAUNCH_ARGS, OfflineGuard, assert_clean, find_chromium, serve

BOOK_OUT = BUILD / "test-book"  # outside tests/ so nbval never collects built notebooks
BUILD_CMD = book_build_cmd(BOOK_OUT)  # as `make book` builds it


# ---- tiers ----------------------------------------------------------------------------------------------------
def pytest_configure(config):
    known = {line.split(":")[0].strip() for line in config.getini("markers")}
    for name, text in tiers.MARKERS.items():
        if name not in known:
            config.addinivalue_line("markers", f"{name}: {text}")
    session_share.configure(config)
    if config.pluginmanager.hasplugin("nbval"):
        import nbval_twice

        config.pluginmanager.register(nbval_twice, "course_nbval_twice")
        if getattr(config.option, "dist", "no") != "no":
            # xdist: a notebook's items share one kernel, so each notebook (file) goes to one worker, in
            # collection order, which puts notebooks first (the workers then wait for each other's runs).
            config.option.dist = "loadfile" if config.option.dist in ("load", "loadfile") else config.option.dist
            config.option.loadscopereorder = False
    if tiers.in_fast_tier():
        config._course_guard = tiers.fast_tier_guard()
        config._course_guard.__enter__()


def pytest_unconfigure(config):
    guard = getattr(config, "_course_guard", None)
    if guard is not None:
        guard.__exit__(None, None, None)
    session_share.unconfigure(config)


def pytest_collection_modifyitems(config, items):
    """Every test carries the markers of the heavy fixtures it uses; every nbval item is `kernel`. In the fast
    tier (COURSE_TEST_TIER=fast) the tests with a heavy marker are deselected."""
    from nbval.plugin import IPyNbCell

    for item in items:
        used = set(getattr(item, "fixturenames", ()))
        for marker, fixtures in tiers.MARKED_BY_FIXTURE.items():
            if used & fixtures:
                item.add_marker(marker)
        if isinstance(item, IPyNbCell):
            item.add_marker("kernel")
    readers = {item.nodeid.split("::")[0] for item in items if "page_visits" in getattr(item, "fixturenames", ())}
    unlisted = sorted(readers - set(page_visits_module.FILES))
    if unlisted:
        raise pytest.UsageError(
            f"{unlisted} use the page_visits fixture: add them to FILES in tests/page_visits.py, so that xdist runs "
            "them on the worker that makes the visits"
        )
    if tiers.in_fast_tier():
        heavy = [item for item in items if tiers.is_heavy(item)]
        if heavy:
            config.hook.pytest_deselected(items=heavy)
            items[:] = [item for item in items if not tiers.is_heavy(item)]


def pytest_xdist_make_scheduler(config, log):
    """`--dist loadfile`, except that the files reading tests/page_visits.py's visits are one unit of work: one worker
    makes the visits once, instead of each worker making them (the suite is CPU-bound)."""
    if config.getvalue("dist") != "loadfile":
        return None
    from xdist.scheduler import LoadFileScheduling

    class CourseScheduling(LoadFileScheduling):
        def _split_scope(self, nodeid: str) -> str:
            return page_visits_module.xdist_scope(super()._split_scope(nodeid))

    return CourseScheduling(config, log)


# ---- executed notebooks, shared -------------------------------------------------------------------------------
@pytest.fixture(scope="session")
def twice_runs(request):
    """`get(chapter_path)` -> its TwiceRun (tests/notebook_runner.py): nbval's run in this session (from any xdist
    worker), or, when nbval does not run it, the same doubled run done here once and kept."""
    from nbval_twice import find_run, keep, scheduled_runs
    from notebook_runner import run_twice

    def get(path: Path):
        run = find_run(request.config, path)
        if run is None:
            if Path(path).resolve() in scheduled_runs(request.config):  # running it here: a third execution
                pytest.fail(
                    f"nbval's run of {Path(path).name} is scheduled but did not arrive: notebook items "
                    "must run first (tests/nbval_twice.py)"
                )
            run = run_twice(path)
            keep(request.config, run)
        return run

    return get


def _completed(record: dict | None) -> subprocess.CompletedProcess | None:
    if record is None:
        return None
    done = subprocess.CompletedProcess(record["args"], record["returncode"], record["stdout"], record["stderr"])
    done.seeded = record.get("seeded")
    return done


def _record(done: subprocess.CompletedProcess | None, seeded=None) -> dict | None:
    return (
        None
        if done is None
        else {
            "args": [str(a) for a in done.args],
            "returncode": done.returncode,
            "stdout": done.stdout,
            "stderr": done.stderr,
            "seeded": seeded,
        }
    )


def _build_book(
    config,
) -> tuple[subprocess.CompletedProcess, subprocess.CompletedProcess | None, subprocess.CompletedProcess | None]:
    """The book, its decks and its handouts as `make book` makes them, from a clean cache seeded with the first run of
    every
    chapter that nbval ran without error in this session; course_tools/build_book.py executes the rest."""
    from nbval_twice import find_run, scheduled_runs

    from course_tools.build_book import Executed, fill_cache

    html = BOOK_OUT / "_build" / "html"
    if os.environ.get("COURSE_REUSE_BUILD") == "1" and os.environ.get("CI") != "true" and html.exists():
        build = subprocess.CompletedProcess(BUILD_CMD, 0, "(reused)", "")
    else:
        runs = [find_run(config, p) for p in sorted(scheduled_runs(config))]  # waits for other workers
        seeds = [Executed(r.path, r.first_run_notebook(), r.seconds) for r in runs if r and not r.errors]
        shutil.rmtree(BOOK_OUT, ignore_errors=True)
        fill_cache(BOOK_OUT / "_build" / ".jupyter_cache", seeds)
        build = subprocess.run(BUILD_CMD, cwd=ROOT, capture_output=True, text=True, timeout=900)
        build.seeded = sorted(str(s.path.relative_to(ROOT)) for s in seeds)
    decks = handouts = None
    if build.returncode == 0:
        decks = subprocess.run(
            [sys.executable, "-m", "course_tools.build_slides", "--html-dir", str(html)],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=600,
        )
    if decks is not None and decks.returncode == 0:
        handouts = subprocess.run(
            [sys.executable, "-m", "course_tools.build_handouts", "--html-dir", str(html)],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=600,
        )
    return build, decks, handouts


@pytest.fixture(scope="session")
def book_builds(request):
    """(book build, deck build), made once per test run: by the first xdist worker that needs them, under a
    lock; the other workers read its record (tests/session_share.py)."""
    share = session_share.run_dir(request.config)
    with session_share.locked(share / "book.lock"):
        record = session_share.read_json(share / "book.json")
        if record is None:
            build, decks, handouts = _build_book(request.config)
            record = {
                "build": _record(build, getattr(build, "seeded", None)),
                "decks": _record(decks),
                "handouts": _record(handouts),
            }
            session_share.write_json(share / "book.json", record)
    decks = _completed(record["decks"])
    if decks is not None:
        decks.handouts = _completed(record.get("handouts"))  # course_tools/build_handouts.py, run after the decks
    return _completed(record["build"]), decks


@pytest.fixture(scope="session")
def book_build(book_builds) -> subprocess.CompletedProcess:
    """A full build with -W -n --keep-going (raise-on-error is set in _config.yml), from a clean cache that holds
    only nbval's runs of this session. COURSE_REUSE_BUILD=1 reuses an earlier test build while iterating
    locally; CI never does."""
    return book_builds[0]


@pytest.fixture(scope="session")
def deck_build(book_builds) -> subprocess.CompletedProcess:
    """course_tools/build_slides.py on the test book, as `make book` runs it after the build."""
    build, decks = book_builds
    if build.returncode != 0:
        pytest.fail(f"book build failed (exit {build.returncode}):\n{build.stdout[-4000:]}\n{build.stderr[-4000:]}")
    return decks


@pytest.fixture(scope="session")
def built_book(deck_build) -> Path:
    """The book as `make book` leaves it: the HTML plus one slide deck per chapter (course_tools/build_slides.py)."""
    if deck_build.returncode != 0:
        pytest.fail(f"slide decks failed to build:\n{deck_build.stdout[-3000:]}\n{deck_build.stderr[-3000:]}")
    handouts = deck_build.handouts
    if handouts is None or handouts.returncode != 0:
        out = "" if handouts is None else f"{handouts.stdout[-3000:]}\n{handouts.stderr[-3000:]}"
        pytest.fail(f"handouts failed to build (course_tools/build_handouts.py):\n{out}")
    return BOOK_OUT / "_build" / "html"


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
    """A page in a fresh context whose every non-127.0.0.1 request is blocked and recorded. When the test ends, the
    guard's check runs (`assert_clean`): a request off 127.0.0.1, a page error or a console.error fails the test."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    guard = OfflineGuard(context)
    page = guard.watch(context.new_page())
    page.guard = guard
    yield page
    context.close()
    assert_clean(guard)


# ---- the suite's duration, for course_tools.bench (so `make bench` need not rerun the suite) -------------------


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
    record = {
        "seconds": round(time.perf_counter() - t0, 1),
        "exitstatus": int(exitstatus),
        "tests": session.testscollected,
        "failed": session.testsfailed,
        "args": args,
        "finished": time.strftime("%Y-%m-%dT%H:%M:%S"),
        "workers": getattr(session.config.option, "numprocesses", None) or 0,
        # the full suite is `make test`: all of tests/ and chapters/ with nbval, nothing deselected
        "full_suite": "--nbval" in args
        and {"tests", "chapters"} <= {a.rstrip("/") for a in args}
        and not any(a.startswith(("-k", "-m", "--deselect", "--lf")) for a in args),
    }
    target = FAST_TIME_FILE if tiers.in_fast_tier() else SUITE_TIME_FILE
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps(record, indent=1))
