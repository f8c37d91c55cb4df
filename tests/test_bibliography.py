"""references.bib: every entry is reachable (DOI or URL) and every key used in data or text exists."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from pybtex.database import parse_file

from widgets.data import bib_keys

ROOT = Path(__file__).resolve().parent.parent
CITE = re.compile(r"\{cite(?::[a-z]+)?\}`([^`]+)`")


def cited_keys_in_text() -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    sources = list((ROOT / "chapters").rglob("*.md"))
    for nb in (ROOT / "chapters").rglob("*.ipynb"):
        if ".ipynb_checkpoints" in nb.parts:
            continue
        cells = json.loads(nb.read_text(encoding="utf-8"))["cells"]
        text = "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "markdown")
        found[str(nb.relative_to(ROOT))] = {k.strip() for m in CITE.findall(text) for k in m.split(",")}
    for md in sources:
        text = md.read_text(encoding="utf-8")
        found[str(md.relative_to(ROOT))] = {k.strip() for m in CITE.findall(text) for k in m.split(",")}
    return found


def test_every_entry_has_doi_or_url():
    entries = parse_file(str(ROOT / "references.bib")).entries
    missing = [k for k, e in entries.items() if not (e.fields.get("doi") or e.fields.get("url"))]
    assert not missing, f"entries without doi or url: {missing}"


def test_dois_are_bare():
    entries = parse_file(str(ROOT / "references.bib")).entries
    bad = {k: e.fields["doi"] for k, e in entries.items()
           if "doi" in e.fields and not re.fullmatch(r"10\.\d{4,9}/\S+", e.fields["doi"])}
    assert not bad, f"DOIs must be bare (10.xxxx/...): {bad}"


@pytest.mark.parametrize("where,keys", sorted(cited_keys_in_text().items()))
def test_every_cited_key_exists(where, keys):
    unknown = keys - bib_keys()
    assert not unknown, f"{where} cites unknown keys {sorted(unknown)}"


def test_chapters_cite_something():
    cited = cited_keys_in_text()
    # Chapter notebooks are chapters/NN_name.ipynb; the lecturer guide's citations are generated from data.
    chapter_nbs = [k for k in cited if re.search(r"(^|/)\d\d_[^/]+\.ipynb$", k)]
    assert chapter_nbs, "no chapter notebooks found"
    for nb in chapter_nbs:
        assert len(cited[nb]) >= 3, f"{nb} cites fewer than 3 sources"
