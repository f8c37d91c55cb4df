"""The browser guard itself: on a tiny local page it must catch an uncaught page error, a console.error and a
request that leaves 127.0.0.1, and pass a page that has none. Every browser test relies on it (`assert_clean`)."""

from __future__ import annotations

import pytest

from course_tools.testing.browser_support import OfflineGuard, assert_clean, serve

pytestmark = pytest.mark.browser

# Each page names its icon ("data:,": none), as the book's pages do: else Chromium asks for /favicon.ico and logs
# the 404 as a console error.
ICON = "<link rel='icon' href='data:,'>"
CLEAN = f"<!doctype html><html lang='en'><head><title>clean</title>{ICON}</head><body><p>fine</p></body></html>"
BAD_PAGES = {
    "page-error.html": "<script>throw new Error('uncaught on purpose')</script>",
    "console-error.html": "<script>console.error('logged on purpose')</script>",
    "off-site.html": "<img alt='remote' src='http://example.invalid/pixel.png'>",
    "late-error.html": "<script>setTimeout(() => { throw new TypeError('thrown after load') }, 50)</script>",
    # an address, not a name: no lookup fails it; only the browser's dead proxy stops it at once (TEST-NET-1)
    "off-site-address.html": "<img alt='remote' src='http://192.0.2.1/pixel.png'>",
}


@pytest.fixture
def tiny_site(tmp_path):
    (tmp_path / "clean.html").write_text(CLEAN)
    for name, body in BAD_PAGES.items():
        (tmp_path / name).write_text(
            f"<!doctype html><html lang='en'><head><title>{name}</title>{ICON}</head><body>{body}</body></html>"
        )
    with serve(tmp_path) as url:
        yield url


def visit(browser, url: str) -> OfflineGuard:
    context = browser.new_context()
    guard = OfflineGuard(context)
    page = context.new_page()  # not watched by hand: the guard watches every page of its context
    page.goto(url, wait_until="load")
    page.wait_for_timeout(200)  # let the late error fire
    context.close()
    return guard


def test_guard_passes_a_clean_page(browser, tiny_site):
    guard = visit(browser, tiny_site + "clean.html")
    assert guard.problems() == []
    assert_clean(guard)


@pytest.mark.parametrize(
    "name, kind, text",
    [
        ("page-error.html", "page_errors", "uncaught on purpose"),
        ("console-error.html", "console_errors", "logged on purpose"),
        ("off-site.html", "external", "example.invalid"),
        ("late-error.html", "page_errors", "thrown after load"),
    ],
)
def test_guard_catches_what_breaks_a_page(browser, tiny_site, name, kind, text):
    guard = visit(browser, tiny_site + name)
    assert any(text in entry for entry in getattr(guard, kind)), (kind, guard.problems())
    with pytest.raises(AssertionError, match=text.split()[0]):
        assert_clean(guard)


def test_a_request_off_site_is_stopped_by_the_browser(browser, tiny_site):
    """The guard only listens; the browser's launch arguments stop the request itself (it fails, never sent)."""
    guard = visit(browser, tiny_site + "off-site-address.html")
    assert guard.external == ["http://192.0.2.1/pixel.png"]
    assert guard.blocked == ["http://192.0.2.1/pixel.png: net::ERR_PROXY_CONNECTION_FAILED"], guard.blocked


def test_guard_watches_a_page_once(browser, tiny_site):
    """A page watched by hand and by the context's "page" event reports each error once."""
    context = browser.new_context()
    guard = OfflineGuard(context)
    page = guard.watch(context.new_page())
    page.goto(tiny_site + "console-error.html", wait_until="load")
    context.close()
    assert len(guard.console_errors) == 1, guard.console_errors


def test_guard_tells_what_each_page_of_many_added(browser, tiny_site):
    """tests/page_visits.py opens page after page in one context: `problems(since=mark())` is one page's share."""
    context = browser.new_context()
    guard = OfflineGuard(context)
    page = context.new_page()
    found = {}
    for name in ("clean.html", "console-error.html", "off-site.html", "clean.html"):
        mark = guard.mark()
        page.goto(tiny_site + name, wait_until="load")
        page.wait_for_timeout(200)
        found.setdefault(name, []).extend(guard.problems(since=mark))
    context.close()
    assert found["clean.html"] == [], found
    assert len(found["console-error.html"]) == 1 and "logged on purpose" in found["console-error.html"][0], found
    # the stopped request, and Chromium's console error for it, on that page only
    assert found["off-site.html"][0] == "request left 127.0.0.1: http://example.invalid/pixel.png", found
    assert all("off-site.html" in p for p in found["off-site.html"][1:]), found
    assert len(guard.problems()) == 1 + len(found["off-site.html"])
