"""Chromium for the browser tests: find it, serve a folder on 127.0.0.1, and refuse every other request."""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import threading
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlparse

LAUNCH_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
    # Every request off 127.0.0.1 goes to a proxy that is not there (the discard port), so it fails inside the
    # browser; Chromium never sends loopback through a proxy. OfflineGuard then only listens to request events
    # instead of routing each request through Python: routing turned the HTTP cache off and cost a round trip
    # per request (15 chapter pages loaded twice in one context: 27.3 s routed, 21.7 s listened).
    "--proxy-server=http://127.0.0.1:9",
]
LOCAL_HOSTS = {"127.0.0.1"}

# Page errors and console errors a test may ignore, by exact text. Empty, and it should stay so: add an entry only
# for an error in third-party code that no option, template or extension change can remove, with a comment saying
# whose it is and why the reader loses nothing. Never for the course's own pages, widgets or scripts.
ALLOWED_PAGE_ERRORS: list[str] = []


def find_chromium() -> str | None:
    """An explicit COURSE_CHROMIUM, then Playwright's own Chromium, then the system chromium."""
    explicit = os.environ.get("COURSE_CHROMIUM")
    if explicit:
        return explicit if Path(explicit).exists() else None
    try:
        from playwright.sync_api import sync_playwright

        with sync_playwright() as p:
            own = p.chromium.executable_path
        if own and Path(own).exists():
            return own
    except Exception:  # noqa: BLE001 - any failure here means "not available", and we look further
        pass
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    return None


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # keep test output readable
        pass


@contextmanager
def serve(folder: Path):
    """Serve `folder` on 127.0.0.1 on a free port; yields the base URL."""
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def is_local(url: str) -> bool:
    parsed = urlparse(url)
    if parsed.scheme in ("data", "blob", "about"):
        return True
    return parsed.hostname in LOCAL_HOSTS


class OfflineGuard:
    """Records every request that would leave 127.0.0.1 (LAUNCH_ARGS makes the browser itself stop it: `blocked`
    lists those that failed), and every uncaught page error and every console.error message of every page in the
    context (pages opened later, popups included)."""

    def __init__(self, context):
        self.external: list[str] = []
        self.blocked: list[str] = []
        self.page_errors: list[str] = []
        self.console_errors: list[str] = []
        self._watched: set[int] = set()
        context.on("request", self._request)
        context.on("requestfailed", self._failed)
        context.on("page", self.watch)

    def _request(self, request):
        if not is_local(request.url):
            self.external.append(request.url)

    def _failed(self, request):
        if not is_local(request.url):
            self.blocked.append(f"{request.url}: {request.failure}")

    def _console(self, page, msg):
        if msg.type == "error":
            self.console_errors.append(f"{page.url}: console.error: {msg.text}")

    def mark(self) -> tuple[int, int, int]:
        """Where the records stand: `problems(since=guard.mark())` is what one page of many added."""
        return len(self.external), len(self.page_errors), len(self.console_errors)

    def unexpected_errors(self, since: tuple[int, int, int] = (0, 0, 0)) -> list[str]:
        """Uncaught page errors and console errors, less the (empty) ALLOWED_PAGE_ERRORS."""
        errors = self.page_errors[since[1] :] + self.console_errors[since[2] :]
        return [e for e in errors if not any(a in e for a in ALLOWED_PAGE_ERRORS)]

    def problems(self, since: tuple[int, int, int] = (0, 0, 0)) -> list[str]:
        """Everything that fails a page: requests off 127.0.0.1, page errors, console errors."""
        return [f"request left 127.0.0.1: {u}" for u in self.external[since[0] :]] + self.unexpected_errors(since)

    def watch(self, page):
        if id(page) not in self._watched:  # pages are watched once, however they were opened
            self._watched.add(id(page))
            page.on("pageerror", lambda exc: self.page_errors.append(f"{page.url}: {exc}"))
            page.on("console", lambda msg: self._console(page, msg))
            page.on("websocket", lambda ws: None if is_local(ws.url) else self.external.append(ws.url))
        return page


# ---- helpers shared by the browser tests --------------------------------------------------------------------
def open_page(page, url: str) -> None:
    page.goto(url, wait_until="load")
    page.wait_for_load_state("networkidle")


def visible_text(page, selector: str, sep: str = "\n") -> str:
    """The text of every element matching `selector` that is rendered (inside the visible Stack panel)."""
    return page.evaluate(
        """([sel, sep]) => [...document.querySelectorAll(sel)].filter(e => e.offsetParent !== null)
                 .map(e => e.innerText).join(sep)""",
        [selector, sep],
    )


def wait_visible_text(page, selector: str, needle: str, timeout: float = 5_000) -> None:
    page.wait_for_function(
        """([sel, needle]) => [...document.querySelectorAll(sel)]
             .some(e => e.offsetParent !== null && e.innerText.includes(needle))""",
        arg=[selector, needle],
        timeout=timeout,
    )


def assert_clean(page_or_guard) -> None:
    """No request left 127.0.0.1, no uncaught page error, no console.error (a page from `offline_page`, or a guard)."""
    guard = getattr(page_or_guard, "guard", page_or_guard)
    problems = guard.problems()
    assert not problems, "\n".join(problems)
