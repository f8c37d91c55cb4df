"""Every factual paragraph carries a citation (issue 12, item 21).

A Markdown paragraph in a chapter notebook or a `chapters/*.md` page that names a drug, gives a number or speaks of an
approval or a label must contain a citation: the `{cite}` role or its link form (`course_tools.conventions.CITE`).
Each bullet and each table row counts as its own paragraph, so one citation at the end of a list does not cover the
bullets above it.

Drug names come from the data the widgets show (`data/therapies.yaml`, the cytokine matrix, the reach diagram) plus a
short list of agents that appear only in prose (CAR T products, trial drugs, old small molecules), so a drug added to
the therapy table is covered without touching this file.

What is exempt, and why (the allowlist is by position, not by paragraph, so new content is checked by default):
- headings: titles, not claims;
- the "Learning objectives", "Time to learn" and "Prerequisites" blocks: they promise what the chapter will show;
- "Lecturer note" boxes: teaching directions for the lecturer that restate facts cited in the chapter text;
- exercise prompts (`{exercise}`): questions, not claims; their solutions *are* checked;
- the "Marking guide" inside a solution: how to mark the cited model answer above it, not new claims;
- "Before you click" prompts of the interactive demos: questions posed before the widget;
- the "Summary" and "What's next" sections: recaps of cited paragraphs and pointers to the next chapter;
- `chapters/glossary.md`: definitions of terms; where a definition states a fact beyond the definition it cites, and
  the chapters cite where they use the term;
- `chapters/intro.md`: the welcome page describes the course (its chapters, sources, licence), not medicine;
- paragraphs that describe one of the course's own data files (they name it, as `data/...`): the file's records each
  carry their `sources`, which the data layer checks against references.bib;
- the teaching model's mathematics (`$...$`): arithmetic of a model, not a claim from the literature;
- a chapter's "Last reviewed" line: review metadata (a date and the kinds of source), not a claim;
- the generated lecturer guide (`chapters/lecturer_guide.ipynb`): its text comes from `data/`, whose records carry
  `sources` checked by the data layer.
"""

from __future__ import annotations

import json
import re

import pytest
import yaml

from course_tools.conventions import CITE, ROOT

CHAPTERS = ROOT / "chapters"
EXEMPT_PAGES = {"lecturer_guide.ipynb", "glossary.md", "bibliography.md", "intro.md"}

# Agents named only in prose (CAR T products and their short names, trial-only drugs, conventional drugs).
EXTRA_DRUGS = (
    """axi-cel tisa-cel liso-cel obe-cel Kymriah Yescarta Breyanzi Abecma Carvykti Tecartus Aucatzyl
miv-cel mivocabtagene peresolimab rosnilimab lenercept methotrexate azathioprine prednisone fludarabine
cyclophosphamide teriflunomide""".split()
    + ["interferon beta"]
)

APPROVAL = re.compile(r"\bapprov\w*|\blabel(?:s|led)?\b|\bboxed warning\b|\bREMS\b", re.I)
# A standalone quantity: not part of a molecule or gene name (CD19, IL-6, 4-1BB, IgG1, HLA-B27, p40).
NUMBER = re.compile(r"(?<![\w.\-/])\d+(?:[.,]\d+)*(?![\w\-])")
NOT_A_QUANTITY = re.compile(
    r"\b(?:type|stage|chapters?|class|classes|signal)\s+(?:[IVX]+|\d+)(?:\s*(?:,|and|or)\s*(?:[IVX]+|\d+))*", re.I
)
ROLES = re.compile(r"\{(?:term|doc|ref|numref)\}`[^`]*`")
EXEMPT_ADMONITIONS = re.compile(r"\{admonition\}\s*(Learning objectives|Time to learn|Lecturer note|Marking guide)")
EXEMPT_HEADINGS = re.compile(r"^#+\s*(Summary|What's next|Prerequisites|What the course covers)\b", re.I)


def _names(text: str) -> list[str]:
    return [n.strip() for n in re.split(r"[,;()]", text) if n.strip() and not n.strip().startswith(("p40", "p19"))]


def drug_names() -> set[str]:
    names = set(EXTRA_DRUGS)
    therapies = yaml.safe_load((ROOT / "data" / "therapies.yaml").read_text(encoding="utf-8"))
    for r in therapies["records"]:
        names |= {r["name"], r["brand"]}
    matrix = yaml.safe_load((ROOT / "data" / "cytokine_matrix.yaml").read_text(encoding="utf-8"))
    for c in matrix["cytokines"]:
        names |= set(_names(c["drugs"]))
    reach = yaml.safe_load((ROOT / "data" / "therapy_reach.yaml").read_text(encoding="utf-8"))
    for r in reach["records"]:
        names |= {n for n in _names(str(r["examples"])) if n.islower() and " " not in n}
    return {n.lower() for n in names if len(n) > 3}


def _drug_pattern(names: set[str]) -> re.Pattern:
    return re.compile(r"\b(" + "|".join(sorted(map(re.escape, names), key=len, reverse=True)) + r")\b", re.I)


def paragraphs(markdown: str) -> list[str]:
    """Checkable units of one Markdown text: paragraphs, list items and table rows, minus the exempt blocks."""
    units: list[str] = []
    block: list[str] = []
    skip_fence: str | None = None
    skip_section = False

    def flush():
        if block and not skip_section and not block[0].lstrip().startswith(("**Before you", "*Last reviewed:")):
            units.append("\n".join(block))
        block.clear()

    for line in markdown.splitlines():
        stripped = line.strip()
        fence = re.match(r"^(:{3,}|`{3,})\s*(\{[\w-]+\})?", stripped)
        if skip_fence:
            if fence and fence.group(1) == skip_fence and not fence.group(2):
                skip_fence = None
            continue
        if fence:
            flush()
            if fence.group(2) == "{exercise}" or EXEMPT_ADMONITIONS.search(stripped):
                skip_fence = fence.group(1)
            continue
        if stripped.startswith("#"):
            flush()
            skip_section = bool(EXEMPT_HEADINGS.search(stripped))
            continue
        if not stripped or re.match(r"^:\w[\w-]*:", stripped) or re.match(r"^\(\S+\)=$", stripped):
            flush()
            continue
        if re.match(r"^\|?\s*:?-{3,}", stripped):  # a table's separator row
            flush()
            continue
        if re.match(r"^([-*]|\d+\.)\s", stripped) or stripped.startswith("|"):
            flush()  # each list item and table row is its own claim
        block.append(line)
    flush()
    return units


def uncited(markdown: str, drugs: re.Pattern) -> list[str]:
    out = []
    for unit in paragraphs(markdown):
        if CITE.search(unit) or "`data/" in unit:
            continue
        text = re.sub(r"\$\$.*?\$\$|\$[^$\n]+\$", " ", unit, flags=re.S)  # the model's maths
        text = NOT_A_QUANTITY.sub(" ", ROLES.sub(" ", text))
        text = re.sub(r"^\s*(?:[-*]|\d+\.)\s", " ", text, flags=re.M)  # list markers are not numbers
        why = [
            w
            for w, hit in (
                ("a drug", drugs.search(text)),
                ("a number", NUMBER.search(text)),
                ("an approval or label", APPROVAL.search(text)),
            )
            if hit
        ]
        if why:
            out.append(f"names {' and '.join(why)} without {{cite}}: {' '.join(unit.split())[:160]!r}")
    return out


def documents() -> list[tuple[str, str]]:
    docs = []
    for nb in sorted(CHAPTERS.glob("*.ipynb")):
        if nb.name in EXEMPT_PAGES:
            continue
        cells = json.loads(nb.read_text(encoding="utf-8"))["cells"]
        docs.append((nb.name, "\n\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "markdown")))
    for page in sorted(CHAPTERS.glob("*.md")):
        if page.name not in EXEMPT_PAGES:
            docs.append((page.name, page.read_text(encoding="utf-8")))
    return docs


DRUGS = _drug_pattern(drug_names())


def test_drug_names_come_from_the_data():
    names = drug_names()
    assert {"rituximab", "rituxan", "guselkumab", "ublituximab", "axi-cel"} <= names
    assert len(names) > 50


@pytest.mark.parametrize("name,text", documents(), ids=[d[0] for d in documents()])
def test_factual_paragraphs_are_cited(name, text):
    problems = uncited(text, DRUGS)
    assert not problems, f"{name}:\n" + "\n".join(problems)


# ---------- the detector itself can fail ----------


def test_detector_flags_an_uncited_claim_in_each_way():
    assert uncited("TNF blockers were the first cytokine-targeted biologics; adalimumab was one.", DRUGS)
    assert uncited("In 257 patients the primary endpoint was missed.", DRUGS)
    assert uncited("Obinutuzumab is approved for lupus nephritis.", DRUGS)
    assert uncited("- First bullet names rituximab.\n- Second bullet cites {cite}`fda-label-rituxan`.", DRUGS)


def test_detector_accepts_cited_and_exempt_text():
    cited = "Rituximab is approved for RA {cite}`fda-label-rituxan`."
    assert not uncited(cited, DRUGS)
    # the link form the chapters write (course_tools.conventions, "Citations")
    linked = "Rituximab is approved for RA [[U.S. Food and Drug Administration, 2021](#cite-fda-label-rituxan)]."
    assert not uncited(linked, DRUGS)
    exempt = """## Summary

- Rituximab is approved in 3 diseases.

```{admonition} Learning objectives
:class: tip
1. Explain why rituximab is not approved for lupus.
```

:::{exercise}
:label: ex-x

A patient on adalimumab for 2 years asks why.
:::

**Before you click**, predict: which of the 12 drugs is approved?

Chapter 5 covers type 1 diabetes and CD19, IL-6 and 4-1BB.
"""
    assert not uncited(exempt, DRUGS)
