"""Citations in the chapters' Markdown read the same in JupyterLab as in the book (course_tools.citations).

The chapters cite with a Markdown link whose text is the book's label (course_tools.conventions, "Citations"); the
book's extension turns it back into the {cite} role before MyST parses. Checked here: the form and its parts,
the labels against the book's own rule and against the built pages, the --check tool on stale labels, unknown keys
and roles left in Markdown, and that the book still reads roles while the execution cache still matches.
"""

from __future__ import annotations

import html as htmllib
import json
import re
import shutil
from collections import Counter
from types import SimpleNamespace

import nbformat
import pytest
from jupyter_cache.cache.main import JupyterCacheBase
from pybtex.database import parse_file

from course_tools import citations
from course_tools.conventions import (
    CITE,
    CITE_LINK,
    CITE_ROLE,
    ROOT,
    chapter_notebooks,
    cite_link,
    cited_keys,
    links_to_roles,
    split_keys,
)
from course_tools.sphinx_ext import citation_roles
from widgets.data.bib import book_label

CHAPTERS = [ROOT / f"{doc}.ipynb" for doc in chapter_notebooks()]
LABEL = citations.default_labeller()


def markdown_cells(nb: dict) -> list[str]:
    return ["".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "markdown"]


# ---- the form -------------------------------------------------------------------------------------------------


def test_the_link_form_is_read_as_a_citation_and_written_back_as_the_role():
    link = cite_link(["sakaguchi2008treg", "goodnow2005tolerance"], "Goodnow *et al.*, 2005, Sakaguchi *et al.*, 2008")
    assert link == (
        "[[Goodnow *et al.*, 2005, Sakaguchi *et al.*, 2008](#cite-sakaguchi2008treg,goodnow2005tolerance)]"
    )
    text = f"Tolerance fails {link}; see also {{cite}}`june2018car, schett2023car`."
    assert cited_keys(text) == {"sakaguchi2008treg", "goodnow2005tolerance", "june2018car", "schett2023car"}
    assert [m.group(0) for m in CITE.finditer(text)] == [link, "{cite}`june2018car, schett2023car`"]
    assert links_to_roles(text) == (
        "Tolerance fails {cite}`sakaguchi2008treg,goodnow2005tolerance`; see also {cite}`june2018car, schett2023car`."
    )
    assert split_keys(" a, b ,,c") == ["a", "b", "c"]
    # An ordinary link is not a citation; nor is a link to another anchor.
    assert not cited_keys("[the trial](https://example.org/cite-x) and [[x](#fig-x)]")


def test_a_label_that_would_not_read_back_is_refused():
    with pytest.raises(ValueError):
        cite_link(["june2018car"], "June [and] Sadelain, 2018")
    with pytest.raises(ValueError):
        cite_link([], "June and Sadelain, 2018")


# ---- the labels: the book's rule -------------------------------------------------------------------------------


def test_labels_follow_the_books_author_year_style_and_bibliography_order():
    assert LABEL(["june2018car"]) == "June and Sadelain, 2018"  # two authors
    assert LABEL(["goodnow2005tolerance"]) == "Goodnow *et al.*, 2005"  # three or more: emphasised, as on the page
    # "and others" in the bib: the first author and "et al." (course_tools/citation_style.py), as in widget Sources
    assert LABEL(["schett2023car"]) == "Schett *et al.*, 2023"
    # several keys: the bibliography's order (author, year, title), whatever order the role gives
    assert LABEL(["schett2023car", "june2018car"]) == LABEL(["june2018car", "schett2023car"])
    assert LABEL(["schett2023car", "june2018car"]) == "June and Sadelain, 2018, Schett *et al.*, 2023"
    assert book_label(["june2018car", "june2018car"]) == "June and Sadelain, 2018"


def test_no_label_reads_and_others():
    """Every entry whose author list ends in BibTeX's "others" is labelled "X et al.", never "X and others"."""
    keys = list(parse_file(ROOT / "references.bib").entries)
    assert len(keys) > 200
    assert [k for k in keys if "and others" in LABEL([k])] == []


def test_no_bibliography_entry_reads_and_others():
    """The bibliography's own style (`_config.yml`) ends such a list in "et al.", as BibTeX's plain style does."""
    from pybtex.backends.plaintext import Backend
    from pybtex.plugin import find_plugin

    import course_tools.citation_style  # noqa: F401  (registers the style, as the book's build does)

    bib = parse_file(ROOT / "references.bib")
    style = find_plugin("pybtex.style.formatting", citations.bib_styles()["style"])()
    entries = {e.key: e.text.render(Backend()) for e in style.format_entries(bib.entries.values())}
    assert entries["schett2023car"].startswith("Georg Schett et al. CAR T-cell therapy")
    assert [k for k, text in entries.items() if "and others" in text] == []


# ---- the tool --------------------------------------------------------------------------------------------------


def test_the_real_chapters_pass_the_check(capsys):
    assert citations.main(["--check"]) == 0, capsys.readouterr().out
    assert sum(len(CITE_LINK.findall(s)) for p in CHAPTERS for s in markdown_cells(json.loads(p.read_text()))) > 500


def _chapter_copy(tmp_path, stem="01_autoimmunity"):
    """A chapter in the link form with the book's labels (written here, so the tool's own output is checked)."""
    tmp_path.mkdir(exist_ok=True)
    path = tmp_path / f"{stem}.ipynb"
    shutil.copy(ROOT / "chapters" / f"{stem}.ipynb", path)
    citations.write(path, LABEL)
    return path, json.loads(path.read_text(encoding="utf-8"))


def _save(path, nb):
    path.write_text(json.dumps(nb, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


def _edit_first_link(nb, edit):
    for i, cell in enumerate(nb["cells"]):
        source = "".join(cell["source"])
        if cell["cell_type"] == "markdown" and CITE_LINK.search(source):
            cell["source"] = edit(source)
            return i, cell.get("id")
    raise AssertionError("no citation link in the chapter")


def test_a_stale_label_fails_the_check_naming_file_cell_and_key(tmp_path, capsys):
    path, nb = _chapter_copy(tmp_path)
    i, cell_id = _edit_first_link(nb, lambda s: s.replace("Goodnow *et al.*, 2005", "Goodnow *et al.*, 2004", 1))
    _save(path, nb)
    assert citations.main(["--check", str(path)]) == 1
    out = capsys.readouterr().out
    assert f"01_autoimmunity.ipynb, cell {i} ({cell_id}): stale label for goodnow2005tolerance" in out, out
    assert "'Goodnow *et al.*, 2004', the book shows 'Goodnow *et al.*, 2005'" in out, out
    # --write puts the book's label back, and the check passes again
    assert citations.main(["--write", str(path)]) == 0
    assert json.loads(path.read_text(encoding="utf-8")) == _chapter_copy(tmp_path / "fresh")[1]


def test_a_changed_bibliography_entry_makes_its_labels_stale(tmp_path):
    bib = tmp_path / "references.bib"
    text = (ROOT / "references.bib").read_text(encoding="utf-8")
    start = text.index("@article{june2018car,")
    entry = text[start : text.index("\n}", start)]
    assert "year    = {2018}" in entry
    bib.write_text(text.replace(entry, entry.replace("year    = {2018}", "year    = {2019}")), encoding="utf-8")
    path, _ = _chapter_copy(tmp_path / "nb", "06_car_t")
    found = citations.problems(path, citations.Labeller(bib, citations.bib_styles()), root=tmp_path)
    assert found and all("june2018car" in f for f in found), found
    assert any("'June and Sadelain, 2018', the book shows 'June and Sadelain, 2019'" in f for f in found), found


def test_an_unknown_key_fails_the_check(tmp_path, capsys):
    path, nb = _chapter_copy(tmp_path)
    i, _ = _edit_first_link(nb, lambda s: s.replace("#cite-goodnow2005tolerance", "#cite-nosuch2099key", 1))
    _save(path, nb)
    assert citations.main(["--check", str(path)]) == 1
    out = capsys.readouterr().out
    assert f"cell {i}" in out and "unknown reference key 'nosuch2099key': not in references.bib" in out, out
    assert citations.main(["--write", str(path)]) == 1  # no label to write: the link is left, and reported


def test_a_role_left_in_a_markdown_cell_fails_the_check_and_write_converts_it(tmp_path, capsys):
    path, nb = _chapter_copy(tmp_path)
    i, _ = _edit_first_link(nb, links_to_roles)
    _save(path, nb)
    assert citations.main(["--check", str(path)]) == 1
    out = capsys.readouterr().out
    assert f"cell {i}" in out and "{cite}`goodnow2005tolerance` is a role, which JupyterLab shows as the key" in out
    assert citations.main(["--write", str(path)]) == 0
    assert json.loads(path.read_text(encoding="utf-8")) == _chapter_copy(tmp_path / "fresh")[1]


def test_write_leaves_code_cells_and_their_caption_roles_alone(tmp_path):
    """Figure captions live in code-cell metadata, which jupyter-cache hashes: they keep the role."""
    nb = nbformat.v4.new_notebook()
    caption = {"mystnb": {"figure": {"caption": "Drawn from {cite}`june2018car`.", "name": "fig-x"}}}
    nb.cells = [
        nbformat.v4.new_markdown_cell("CAR T cells {cite}`june2018car` and {cite:t}`schett2023car`."),
        nbformat.v4.new_code_cell('print("{cite}`june2018car`")', metadata=caption),
    ]
    path = tmp_path / "nb.ipynb"
    nbformat.write(nb, path)
    assert citations.write(path, LABEL) == 1
    after = nbformat.read(path, as_version=4)
    assert after.cells[0].source == (
        "CAR T cells [[June and Sadelain, 2018](#cite-june2018car)] and {cite:t}`schett2023car`."
    )
    assert after.cells[1] == nb.cells[1]
    assert any("{cite:t}`schett2023car` is a role" in p for p in citations.problems(path, LABEL, root=tmp_path))


# ---- the book: roles again, cache unchanged --------------------------------------------------------------------


def _sphinx_reads(path) -> str:
    app = SimpleNamespace(env=SimpleNamespace(doc2path=lambda docname: path))
    source = [path.read_text(encoding="utf-8")]
    citation_roles(app, "chapters/x", source)
    return source[0]


@pytest.mark.parametrize("path", CHAPTERS, ids=[p.stem for p in CHAPTERS])
def test_the_book_reads_each_chapter_with_roles_and_the_cache_still_matches(path):
    on_disk = nbformat.reads(path.read_text(encoding="utf-8"), as_version=4)
    read = nbformat.reads(_sphinx_reads(path), as_version=4)
    links = [CITE_LINK.findall(c.source) for c in on_disk.cells if c.cell_type == "markdown"]
    roles = [CITE_ROLE.findall(c.source) for c in read.cells if c.cell_type == "markdown"]
    assert sum(map(len, links)) and [len(x) for x in links] == [len(x) for x in roles]
    assert not any(CITE_LINK.search(c.source) for c in read.cells)
    assert [c for c in read.cells if c.cell_type == "code"] == [c for c in on_disk.cells if c.cell_type == "code"]
    cache = JupyterCacheBase.__new__(JupyterCacheBase)  # create_hashed_notebook needs no cache folder
    assert cache.create_hashed_notebook(read)[1] == cache.create_hashed_notebook(on_disk)[1]


def test_a_markdown_page_is_read_with_roles_too(tmp_path):
    page = tmp_path / "page.md"
    page.write_text("See [[June and Sadelain, 2018](#cite-june2018car)].\n")
    assert _sphinx_reads(page) == "See {cite}`june2018car`.\n"


# ---- the built book shows the labels the chapters carry --------------------------------------------------------

BOOK_CITATION = re.compile(r'<span class="bibtex-citation"[^>]*>\[(.*?)\]</span>', re.S)


def page_labels(page: str) -> Counter:
    """The citations of a built page as the link form writes them (<em> as *...*, no-break spaces as spaces)."""
    out = Counter()
    for group in BOOK_CITATION.findall(page):
        text = re.sub(r"</?em>", "*", group)
        out[" ".join(htmllib.unescape(re.sub(r"<[^>]+>", "", text)).replace("\u00a0", " ").split())] += 1
    return out


@pytest.mark.book
@pytest.mark.parametrize("path", CHAPTERS, ids=[p.stem for p in CHAPTERS])
def test_every_label_is_the_one_the_built_page_shows(built_book, path):
    page = (built_book / path.relative_to(ROOT).with_suffix(".html")).read_text(encoding="utf-8")
    want = Counter(
        m.group("label")
        for s in markdown_cells(json.loads(path.read_text(encoding="utf-8")))
        for m in CITE_LINK.finditer(s)
    )
    shown = page_labels(page)
    assert want and not want - shown, f"{path.name}: labels the page does not show: {sorted((want - shown).elements())}"
