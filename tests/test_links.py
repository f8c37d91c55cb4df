"""Links in the built book (every page, iterated from the build output): every local href and src resolves,
every #anchor exists, and every external link opens safely (rel="noopener"). External links are checked online
only, by `make linkcheck` (Sphinx linkcheck), never by `make test`, so offline CI does not depend on them."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import unquote, urldefrag, urlparse

from course_tools.conventions import ROOT
from course_tools.testing.page_audit import built_pages, parse, widget_html_fragments

LINK_ATTRS = {
    "a": "href",
    "link": "href",
    "script": "src",
    "img": "src",
    "source": "src",
    "iframe": "src",
    "video": "src",
    "audio": "src",
    "embed": "src",
    "object": "data",
}


def page_links(html: str) -> list[tuple[str, str, dict]]:
    doc = parse(html)
    return [(tag, a[LINK_ATTRS[tag]], a) for tag, a in doc.tags if tag in LINK_ATTRS and a.get(LINK_ATTRS[tag])]


def link_problems(html_dir: Path) -> list[str]:
    problems = []
    ids_cache: dict[Path, set[str]] = {}

    def ids_of(path: Path) -> set[str]:
        if path not in ids_cache:
            ids_cache[path] = parse(path.read_text(encoding="utf-8")).ids
        return ids_cache[path]

    for rel in built_pages(html_dir):
        page = html_dir / rel
        html = page.read_text(encoding="utf-8")
        links = page_links(html) + [(t, u, a) for frag in widget_html_fragments(html) for t, u, a in page_links(frag)]
        for tag, url, attrs in links:
            parsed = urlparse(url)
            if parsed.scheme in ("http", "https") or url.startswith("//"):
                if tag == "a" and "noopener" not in (attrs.get("rel") or "").split():
                    problems.append(f'{rel}: external link without rel="noopener": {url}')
                continue
            if parsed.scheme in ("mailto", "data", "tel"):
                continue
            if parsed.scheme:
                problems.append(f"{rel}: <{tag}> with a {parsed.scheme}: URL: {url[:80]}")
                continue
            path, anchor = urldefrag(url)
            path = unquote(path.split("?")[0])
            target = page if not path else (page.parent / path).resolve()
            if target.is_dir():
                target = target / "index.html"
            if not target.exists():
                problems.append(f"{rel}: <{tag}> {url} -> missing {target}")
                continue
            # Browsers match the fragment as written first, then percent-decoded (HTML "indicated element").
            if anchor and target.suffix == ".html" and not {anchor, unquote(anchor)} & ids_of(target):
                problems.append(f"{rel}: <{tag}> {url} -> no id {anchor!r} in {target.name}")
    return problems


def test_link_checker_catches_broken_links(tmp_path):
    (tmp_path / "chapters").mkdir()
    (tmp_path / "chapters" / "a.html").write_text(
        '<a href="b.html#nowhere">x</a><a href="missing.html">y</a><img src="../_images/gone.png" alt="A chart">'
        '<a href="https://example.org/">z</a><a href="#here" id="here">ok</a>'
        '<a href="javascript:alert(1)">j</a>'
    )
    (tmp_path / "chapters" / "b.html").write_text('<h1 id="top">b</h1>')
    problems = "\n".join(link_problems(tmp_path))
    assert "no id 'nowhere'" in problems and "missing.html" in problems and "gone.png" in problems
    assert 'without rel="noopener": https://example.org/' in problems and "javascript:" in problems
    assert "#here" not in problems


def test_every_local_link_and_anchor_resolves_and_external_links_are_safe(built_book):
    problems = link_problems(built_book)
    assert not problems, "\n".join(problems[:50])


def test_external_links_exist_and_get_noopener(built_book):
    """The bibliography links out (DOIs, labels); the build hook adds rel=noopener to each."""
    html = (built_book / "chapters" / "bibliography.html").read_text(encoding="utf-8")
    external = [a for t, u, a in page_links(html) if t == "a" and u.startswith("http")]
    assert external and all("noopener" in a.get("rel", "") for a in external)


def test_noopener_hook_keeps_existing_rel_words():
    from course_tools.sphinx_ext import fix_page_html

    out = fix_page_html(
        '<a class="reference external" href="https://doi.org/10.1/x">d</a>'
        '<a href="https://x.org" rel="nofollow">n</a><a href="intro.html">i</a>'
        '<div role="doc-biblioentry"></div>'
    )
    assert '<a class="reference external" href="https://doi.org/10.1/x" rel="noopener">' in out
    assert 'rel="nofollow noopener"' in out and '<a href="intro.html">' in out
    assert 'role="listitem"' in out and fix_page_html(out) == out


def test_linkcheck_is_an_online_target_outside_make_test():
    makefile = (ROOT / "Makefile").read_text()
    assert re.search(r"^linkcheck:", makefile, re.M), "no `make linkcheck` target"
    assert "--builder linkcheck" in makefile
    test_recipe = re.search(r"^test:.*?(?=^\S)", makefile, re.M | re.S).group(0)
    assert "linkcheck" not in test_recipe
