"""Cross-references carry their text (course_tools/myst_constructs.py), so JupyterLab, which cannot resolve a label in
another notebook, shows the same words as the book: the target's heading."""

from __future__ import annotations

import json

import pytest

from course_tools import myst_constructs
from course_tools.conventions import ROOT, chapter_notebooks

LABELS, DOCS = myst_constructs.targets()


def test_the_book_has_labelled_chapters():
    assert {"autoimmunity", "car-t"} <= set(LABELS) and DOCS["chapters/glossary"] == "Glossary"


@pytest.mark.parametrize("doc", chapter_notebooks())
def test_every_cross_reference_shows_its_targets_heading(doc):
    nb = json.loads((ROOT / f"{doc}.ipynb").read_text(encoding="utf-8"))
    assert not myst_constructs.apply(nb, doc, LABELS, DOCS), (
        f"{doc}: a {{ref}} or {{doc}} lacks its heading text: run python -m course_tools.myst_constructs"
    )


def test_rewrite_writes_refreshes_and_refuses():
    labels, docs = {"car-t": "6. CAR T-cell therapy"}, {"chapters/glossary": "Glossary"}
    doc = "chapters/09_safety"
    assert (
        myst_constructs.rewrite("see {ref}`car-t`.", doc, labels, docs) == "see {ref}`6. CAR T-cell therapy <car-t>`."
    )
    assert (
        myst_constructs.rewrite("see {ref}`5. CAR T <car-t>` and {doc}`glossary`", doc, labels, docs)
        == "see {ref}`6. CAR T-cell therapy <car-t>` and {doc}`Glossary <glossary>`"
    )
    with pytest.raises(myst_constructs.UnknownTarget, match="chapters/09_safety: {ref}`nowhere`"):
        myst_constructs.rewrite("{ref}`nowhere`", doc, labels, docs)
