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
