"""Reference keys and short citations from `references.bib`, the one bibliography of the course."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from pybtex.database import parse_file

from widgets.data.location import content_root

# Stands for the references.bib of the content root in use (widgets.data.location), looked up at each call.
BIB_PATH = Path("references.bib")


@lru_cache(maxsize=8)
def _parsed(path: Path):
    return parse_file(str(path), bib_format="bibtex").entries


def _entries(path: Path = BIB_PATH):
    return _parsed(content_root().bib_path if path == BIB_PATH else path)


def bib_keys(path: Path = BIB_PATH) -> frozenset[str]:
    return frozenset(_entries(path).keys())


def unknown_key_message(key: str, path: Path = BIB_PATH) -> str:
    """The one wording of a missing reference key in a data file."""
    return f"unknown reference key '{key}' (not in {path.name})"


def _plain(text: str) -> str:
    # BibTeX protects capitals with braces; readers should not see them.
    return re.sub(r"[{}]", "", text).replace("\\&", "&").strip()


LABEL_MAX = 40  # characters of author text in a short label: a surname, "X and Y", "X et al." or an organisation


def _author_part(key: str, entry, path: Path) -> str:
    persons = entry.persons.get("author", [])
    # BibTeX writes an unconfirmed remainder of an author list as "and others".
    named = [p for p in persons if " ".join(p.last_names).lower() != "others"]
    if not named:
        # references.bib gives organisations as authors in double braces; a bare organization field is a slip
        raise ValueError(f"{path.name}: entry {key!r} has no author (give a person or {{{{Organisation}}}})")
    last = _plain(" ".join(named[0].last_names))
    if len(persons) > 2 or len(named) < len(persons):
        return f"{last} et al."
    if len(named) == 2:
        return f"{last} and {_plain(' '.join(named[1].last_names))}"
    return last


def short_citation(key: str, path: Path = BIB_PATH) -> dict[str, str]:
    """Author-year label, title and link for one key.

    Raises KeyError naming the key if it is unknown, and ValueError naming the entry if it has no author or year,
    so a widget can never show a bare key or a full title where the short label belongs."""
    entries = _entries(path)
    if key not in entries:
        raise KeyError(f"unknown reference key {key!r}: not in {path.name}")
    entry = entries[key]
    fields = entry.fields
    year = fields.get("year", "")
    if not year:
        raise ValueError(f"{path.name}: entry {key!r} has no year")
    author = _author_part(key, entry, path)
    doi = fields.get("doi", "")
    link = f"https://doi.org/{doi}" if doi else fields.get("url", "")
    venue = _plain(fields.get("journal", fields.get("howpublished", "")))
    return {
        "key": key,
        "label": f"{author} {year}",
        "title": _plain(fields.get("title", "")),
        "venue": venue,
        "link": link,
    }


@lru_cache(maxsize=8)
def _book_order(path: Path, style: str) -> dict[str, int]:
    from pybtex.plugin import find_plugin

    import course_tools.citation_style  # noqa: F401  (registers the book's bibliography style)

    # The bibliography lists its entries sorted by the formatting style; a citation of several keys lists them in
    # the same order, whatever order the role gives them in.
    return {
        e.key: i for i, e in enumerate(find_plugin("pybtex.style.formatting", style)().sort(_parsed(path).values()))
    }


@lru_cache(maxsize=4)
def _referencing(name: str):
    # Plugins are looked up through package entry points, slow enough to matter once per citation.
    from sphinxcontrib.bibtex.plugin import find_plugin

    import course_tools.citation_style  # noqa: F401  (registers the book's style, as the book's build does)

    return find_plugin("sphinxcontrib.bibtex.style.referencing", name)()


def book_label(
    keys: list[str], path: Path = BIB_PATH, reference_style: str = "course_author_year", style: str = "course_plain"
) -> str:
    """The text the book shows for {cite}`keys`, without its brackets: "June and Sadelain, 2018".

    Computed as the book computes it: sphinxcontrib-bibtex's referencing style (the book's `bibtex_reference_style`)
    formats the entries, in the order of the book's bibliography style (`bibtex_default_style`). Two differences
    from the page, so that the label reads the same in Markdown: an emphasised "et al." is written `*et al.*`, and
    the no-break space the book puts inside a surname of several words is a plain space. Raises KeyError naming an
    unknown key."""
    resolved = content_root().bib_path if path == BIB_PATH else path
    entries = _parsed(resolved)
    unknown = [k for k in keys if k not in entries]
    if unknown:
        raise KeyError(f"unknown reference key {unknown[0]!r}: not in {path.name}")
    order = _book_order(resolved, style)
    return _label(resolved, tuple(sorted(set(keys), key=order.__getitem__)), reference_style)


@lru_cache(maxsize=4096)
def _label(path: Path, keys: tuple[str, ...], reference_style: str) -> str:
    # Not at the top: sphinxcontrib-bibtex comes with the book's tools; the widgets need only pybtex.
    from pybtex.backends.plaintext import Backend
    from pybtex.richtext import BaseMultipartText, Text
    from sphinxcontrib.bibtex.richtext import BaseReferenceText
    from sphinxcontrib.bibtex.style.referencing import format_references
    from sphinxcontrib.bibtex.style.template import SphinxReferenceInfo

    class Markdown(Backend):
        def format_tag(self, tag_name, text):
            return f"*{text}*" if tag_name == "em" and text else text

    def plain(node):  # the book renders each reference as a link node; here its text is enough
        if isinstance(node, BaseReferenceText):
            return Text(*(plain(p) for p in node.parts))
        if isinstance(node, BaseMultipartText):
            return node._create_similar([plain(p) for p in node.parts])
        return node

    entries = _parsed(path)
    info = SphinxReferenceInfo(None, "", "", "", None, "", "")  # pre- and post-text empty, as in {cite}`keys`
    referencing = _referencing(reference_style)
    refs = [(entries[k], None, info) for k in keys]
    shown = plain(format_references(referencing, "p", refs)).render(Markdown())  # "p": {cite} is {cite:p}
    bracket = referencing.bracket_parenthetical
    assert shown.startswith(bracket.left) and shown.endswith(bracket.right), shown
    return shown[len(bracket.left) : len(shown) - len(bracket.right)]
