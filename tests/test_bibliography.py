"""references.bib: every entry is reachable (DOI or URL) and every key used in data or text exists."""

from __future__ import annotations

import json
import re

import pytest
from pybtex.database import parse_file

from course_tools.conventions import ROOT, cited_keys, is_chapter
from widgets.data import bib_keys


def cited_keys_in_text() -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    sources = list((ROOT / "chapters").rglob("*.md"))
    for nb in (ROOT / "chapters").rglob("*.ipynb"):
        if ".ipynb_checkpoints" in nb.parts:
            continue
        cells = json.loads(nb.read_text(encoding="utf-8"))["cells"]
        text = "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "markdown")
        found[str(nb.relative_to(ROOT))] = cited_keys(text)
    for md in sources:
        text = md.read_text(encoding="utf-8")
        found[str(md.relative_to(ROOT))] = cited_keys(text)
    return found


def test_every_entry_has_doi_or_url():
    entries = parse_file(str(ROOT / "references.bib")).entries
    missing = [k for k, e in entries.items() if not (e.fields.get("doi") or e.fields.get("url"))]
    assert not missing, f"entries without doi or url: {missing}"


def test_dois_are_bare():
    entries = parse_file(str(ROOT / "references.bib")).entries
    bad = {
        k: e.fields["doi"]
        for k, e in entries.items()
        if "doi" in e.fields and not re.fullmatch(r"10\.\d{4,9}/\S+", e.fields["doi"])
    }
    assert not bad, f"DOIs must be bare (10.xxxx/...): {bad}"


@pytest.mark.parametrize("where,keys", sorted(cited_keys_in_text().items()))
def test_every_cited_key_exists(where, keys):
    unknown = keys - bib_keys()
    assert not unknown, f"{where} cites unknown keys {sorted(unknown)}"


def test_chapters_cite_something():
    cited = cited_keys_in_text()
    # Chapter notebooks are chapters/NN_name.ipynb; the lecturer guide's citations are generated from data.
    chapter_nbs = [k for k in cited if k.endswith(".ipynb") and is_chapter(k.removesuffix(".ipynb"))]
    assert chapter_nbs, "no chapter notebooks found"
    for nb in chapter_nbs:
        assert len(cited[nb]) >= 3, f"{nb} cites fewer than 3 sources"


# ---------- short labels and honest links (issue 12) ----------

from widgets.data.bib import LABEL_MAX, short_citation  # noqa: E402

SEARCH_URL = re.compile(r"search\.cfm|/search\?|[?&](term|s|query)=", re.I)
ENTRIES = parse_file(str(ROOT / "references.bib")).entries


@pytest.mark.parametrize("key", sorted(ENTRIES))
def test_every_entry_reads_as_a_short_label(key):
    """What a reader sees for a citation: 'Surname 2024', 'Surname et al. 2024' or 'Organisation 2024'."""
    entry = ENTRIES[key]
    assert entry.persons.get("author"), f"{key}: no author (a person, or an organisation in double braces)"
    assert re.fullmatch(r"\d{4}", entry.fields.get("year", "")), f"{key}: year must be four digits"
    label = short_citation(key)["label"]
    author, year = label.rsplit(" ", 1)
    assert year == entry.fields["year"], label
    assert 1 <= len(author) <= LABEL_MAX, f"{key}: author part of the label is not short: {author!r}"
    assert not re.search(r"[{}\\]", label), f"{key}: label shows BibTeX markup: {label!r}"
    title = short_citation(key)["title"]
    assert author not in (key, title), f"{key}: label falls back to the key or the title: {label!r}"


def test_labels_use_one_author_convention():
    """Prescribing information is authored by the label holder, never by the FDA (see references.bib header)."""
    wrong = [
        k
        for k, e in ENTRIES.items()
        if "prescribing information" in e.fields.get("title", "").lower()
        and "Food and Drug Administration" in str(e.persons["author"][0])
    ]
    assert not wrong, f"label entries authored by the FDA instead of the label holder: {wrong}"


def test_search_links_are_few_and_explained():
    searches = {k: e for k, e in ENTRIES.items() if SEARCH_URL.search(e.fields.get("url", ""))}
    assert len(searches) <= 5, f"{len(searches)} search-page links (at most 5): {sorted(searches)}"
    unexplained = [
        k for k, e in searches.items() if "search link kept on purpose" not in e.fields.get("note", "").lower()
    ]
    assert not unexplained, f"search links without a note saying why: {unexplained}"


def test_short_citation_refuses_an_entry_without_author_or_year(tmp_path):
    bib = tmp_path / "refs.bib"
    bib.write_text(
        "@misc{orgonly, organization = {Acme}, title = {A long descriptive title}, year = {2020}}\n"
        "@misc{undated, author = {Doe, Jane}, title = {T}}\n",
        encoding="utf-8",
    )
    with pytest.raises(ValueError, match="refs.bib: entry 'orgonly' has no author"):
        short_citation("orgonly", bib)
    with pytest.raises(ValueError, match="refs.bib: entry 'undated' has no year"):
        short_citation("undated", bib)
