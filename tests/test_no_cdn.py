"""No built file names a CDN: every .html, .js and .css file of the built book, the slide decks and the vendored
bundles included. "CDN address" is defined once, in course_tools/testing/page_audit.py (CDN_HOSTS); the checker is
proved on files that do name one."""

from __future__ import annotations

import pytest

from course_tools.testing.page_audit import CDN_HOSTS, cdn_mentions, files_naming_a_cdn

NAMED = [
    'const THEBE_JS_URL = "https://unpkg.com/thebe@0.8.2/lib/index.js"',
    '<script src="https://cdnjs.cloudflare.com/ajax/libs/require.js/2.3.4/require.min.js"></script>',
    'let base = "https://cdn.jsdelivr.net/npm/";',
    "/* @import url('https://fonts.googleapis.com/css?family=Roboto+Mono'); */",
    "src: url(//fonts.gstatic.com/s/lato/v1/a.woff2)",
    "https://cdn.jsdelivr.net/npm/mathjax@3/es5/tex-mml-chtml.js",
    "cdn.mathjax.org/mathjax/latest/MathJax.js",
    '<script src="https://example.org/analytics.js"></script>',  # any script from another site
    "<link rel='stylesheet' href='//example.org/site.css'>",
    "@import url(https://example.org/theme.css);",
]
NOT_NAMED = [
    'cloudflare:[640,512,[],"e07d","M407.906"',  # an icon called "cloudflare" in an icon font
    '<a href="https://www.mathjax.org">www.mathjax.org</a>',  # a link, not a load
    '<script src="../_static/vendor/course-widgets/course-widgets.js"></script>',
    '<a class="reference external" href="https://doi.org/10.1056/NEJMoa2107850">',
    "var jsdelivrish = 1; // the word alone",
]


@pytest.mark.parametrize("text", NAMED)
def test_checker_finds_a_cdn_address(text):
    assert cdn_mentions(text), text


@pytest.mark.parametrize("text", NOT_NAMED)
def test_checker_leaves_other_text_alone(text):
    assert not cdn_mentions(text), cdn_mentions(text)


@pytest.mark.parametrize("host", CDN_HOSTS)
def test_every_listed_host_is_caught_with_any_subdomain(host):
    assert cdn_mentions(f'fetch("https://{host}/x")') and cdn_mentions(f"//assets.{host}/y.js")


def test_checker_finds_the_file_that_names_one(tmp_path):
    (tmp_path / "slides").mkdir()
    (tmp_path / "slides" / "deck.html").write_text("<script>var u = 'https://unpkg.com/reveal.js@4.0.2';</script>")
    (tmp_path / "clean.js").write_text("console.log('local only');")
    (tmp_path / "theme.css").write_text("@import url(https://fonts.googleapis.com/css?family=Lato);")
    (tmp_path / "notes.txt").write_text("https://unpkg.com/ is mentioned in a file the book does not serve as code")
    assert sorted(files_naming_a_cdn(tmp_path)) == ["slides/deck.html", "theme.css"]


def test_no_built_file_names_a_cdn(built_book):
    decks = sorted((built_book / "slides").glob("*.slides.html"))
    assert decks, "the decks were not built, so they were not checked"
    assert (built_book / "_static" / "vendor").is_dir(), "the vendored bundles were not copied, so not checked"
    found = files_naming_a_cdn(built_book)
    assert not found, "\n".join(f"{rel}: {', '.join(m[:80] for m in mentions)}" for rel, mentions in found.items())
